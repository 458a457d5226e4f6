"""A polite, bounded HTTP fetcher: every failure becomes a Rejection, never an exception.

What it does for each URL, in order:
  1. refuses anything but http(s), and (unless allow_private) any host that resolves to a private,
     loopback, link-local, multicast, reserved or otherwise non-global address — before connecting;
  2. reads robots.txt once per host (cached) and refuses disallowed paths (reason "robots");
  3. waits so that two requests to one host are at least `min_interval` seconds apart;
  4. sends a conditional request when given a FetchState (If-None-Match / If-Modified-Since);
  5. follows redirects itself (bounded), re-checking 1-3 for every hop;
  6. retries 5xx, 429, timeouts and connection errors with exponential backoff (bounded);
  7. checks the content type and streams the body, stopping at `max_bytes`.

The clock, the sleep function and the resolver are injectable so tests run fast and offline.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..model import Rejection

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire; political event coding)"
ROBOTS_TOKEN = "eventwire"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml"})
ACCEPT_HEADERS = {
    "html": "text/html,application/xhtml+xml;q=0.9",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8",
}
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
RETRY_CODES = frozenset({429, 500, 502, 503, 504})

Resolver = Callable[[str, int], Iterable[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses `host` resolves to (what the connection could end up using)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return [info[4][0] for info in infos]


def address_problem(address: str) -> str | None:
    """Why connecting to this IP address is refused, or None when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return f"unparseable address {address!r}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                        ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                        ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return f"{label} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


@dataclass
class FetchState:
    """What the last successful fetch of one URL said about its version; persist it between polls."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def to_json(self) -> dict:
        return {"etag": self.etag, "last_modified": self.last_modified}

    @classmethod
    def from_json(cls, data: dict | None) -> "FetchState":
        data = data or {}
        return cls(etag=data.get("etag"), last_modified=data.get("last_modified"))


@dataclass(frozen=True)
class FetchResult:
    """A fetched document (status 200) or a "not modified" answer (status 304, no body)."""

    url: str                    # the URL asked for
    final_url: str              # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""      # media type, lower case, no parameters
    charset: str | None = None
    last_modified: str | None = None   # the raw HTTP header
    state: FetchState = field(default_factory=FetchState)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    def text(self) -> str:
        return decode_html(self.body, self.charset)

    def published(self) -> str | None:
        """The day from HTTP Last-Modified (YYYY-MM-DD, UTC), if the server sent a valid one."""
        return http_date(self.last_modified)


def http_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if stamp is None:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(timezone.utc)
    return stamp.date().isoformat()


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Declared charset (HTTP header, then <meta>) when Python knows it; else UTF-8, else Windows-1252."""
    declared = charset
    if not declared:
        match = META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii", "replace") if match else None
    if declared:
        try:
            return data.decode(declared, errors="replace").lstrip("\ufeff")
        except LookupError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None   # None: unreadable (5xx / network) -> refuse
    fetched_at: float
    problem: str = ""


class Fetcher:
    """Fetch web pages and feeds politely; `fetch()` returns a FetchResult or a Rejection."""

    def __init__(self, *, allow_private: bool = False, timeout: float = 15.0, connect_timeout: float = 5.0,
                 max_bytes: int = 5_000_000, retries: int = 3, backoff: float = 1.0, max_backoff: float = 30.0,
                 min_interval: float = 1.0, max_redirects: int = 5, respect_robots: bool = True,
                 robots_ttl: float = 3600.0, user_agent: str = USER_AGENT,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 resolver: Resolver = system_resolver, transport: httpx.BaseTransport | None = None,
                 trust_env: bool = False):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.min_interval = min_interval
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self.robots_ttl = robots_ttl
        self.user_agent = user_agent
        self.clock = clock
        self.sleep = sleep
        self.resolver = resolver
        self.total_timeout = timeout * 4      # a server trickling bytes cannot hold a fetch forever
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        # trust_env=False: no proxy from the environment, so the address checked is the address used
        self.client = httpx.Client(timeout=httpx.Timeout(timeout, connect=connect_timeout), follow_redirects=False,
                                   headers={"User-Agent": user_agent}, transport=transport, trust_env=trust_env)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------------------
    def fetch(self, url: str, *, accept: str = "html", state: FetchState | None = None) -> FetchResult | Rejection:
        """GET `url`. accept: "html", "feed" or "any" (either). Never raises for network trouble."""
        try:
            return self._fetch(url, accept, state)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
            # anything the specific handlers did not catch
            return self._reject(url, "network", f"{url}: {exc.__class__.__name__}: {one_line(exc)}; check the URL and retry later")

    # -- steps ------------------------------------------------------------------------------------
    def _fetch(self, url: str, accept: str, state: FetchState | None) -> FetchResult | Rejection:
        current = url
        conditional = state.headers() if state else {}
        for _hop in range(self.max_redirects + 1):
            refused = self.check_url(current, origin=url)
            if refused is not None:
                return refused
            if self.respect_robots:
                refused = self._robots_check(current, origin=url)
                if refused is not None:
                    return refused
            outcome = self._request(current, accept, conditional, origin=url)
            if isinstance(outcome, Rejection):
                return outcome
            response, body = outcome
            if response.status_code in REDIRECT_CODES:
                location = response.headers.get("location")
                if not location:
                    return self._reject(url, "http-error",
                                        f"{url}: HTTP {response.status_code} redirect without a Location; check the URL")
                current = urljoin(current, location.strip())
                continue
            return self._result(url, current, response, body, accept, state)
        return self._reject(url, "too-many-redirects",
                            f"{url}: more than {self.max_redirects} redirects; open it in a browser and give the final URL")

    def check_url(self, url: str, origin: str | None = None) -> Rejection | None:
        """Scheme and SSRF checks only (resolves the host, never connects)."""
        origin = origin or url
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            return self._reject(origin, "bad-url", f"{origin}: not a valid URL ({exc}); give http(s)://host/path")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return self._reject(origin, "bad-url", f"{origin}: {url!r} is not an http(s) URL; give http(s)://host/path")
        if self.allow_private:
            return None
        host = parts.hostname
        try:
            addresses = [host] if _is_ip(host) else list(self.resolver(host, port))
        except (OSError, UnicodeError) as exc:
            return self._reject(origin, "dns", f"{origin}: cannot resolve {host} ({one_line(exc)}); check the host name")
        if not addresses:
            return self._reject(origin, "dns", f"{origin}: {host} resolves to no address; check the host name")
        for address in addresses:
            problem = address_problem(address)
            if problem:
                via = "" if url == origin else f" (redirected to {url})"
                return self._reject(origin, "private-address",
                                    f"{origin}: {host} is a {problem}{via}; refused to protect internal services — "
                                    "pass --allow-private only if you mean to fetch from your own network")
        return None

    def _robots_check(self, url: str, origin: str) -> Rejection | None:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(key)
        if cached is None or self.clock() - cached.fetched_at > self.robots_ttl:
            cached = self._load_robots(key)
            self._robots[key] = cached
        if cached.parser is None:
            return self._reject(origin, "robots", f"{origin}: {cached.problem}; try again later")
        if not cached.parser.can_fetch(ROBOTS_TOKEN, url):
            return self._reject(origin, "robots",
                                f"{origin}: {key}/robots.txt disallows this path for {ROBOTS_TOKEN}; the site asks not to be crawled there")
        return None

    def _load_robots(self, key: str) -> _Robots:
        """RFC 9309: 4xx means no rules; 5xx or unreachable means "assume everything is disallowed"."""
        robots_url = key + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        outcome = self._request(robots_url, "robots", {}, origin=robots_url, retries=1)
        if isinstance(outcome, Rejection):
            return _Robots(None, self.clock(), f"robots.txt unreadable ({outcome.reason})")
        response, body = outcome
        status = response.status_code
        if 200 <= status < 300:
            parser.parse(decode_html(body, "utf-8").splitlines())
        elif 300 <= status < 500:     # missing robots.txt (or a redirect we do not chase): no rules
            parser.allow_all = True
        else:
            return _Robots(None, self.clock(), f"robots.txt answered HTTP {status}")
        return _Robots(parser, self.clock())

    def _wait_turn(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = self.min_interval - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _request(self, url: str, accept: str, extra: dict[str, str], origin: str,
                 retries: int | None = None) -> tuple[httpx.Response, bytes] | Rejection:
        """One GET with retries; the body is read (bounded) only for 2xx answers."""
        retries = self.retries if retries is None else retries
        headers = {"Accept": ACCEPT_HEADERS.get(accept, "*/*"), **extra}
        problem, retry_after = "", None
        for attempt in range(retries + 1):
            if attempt:
                self.sleep(self._delay(attempt, retry_after))
                retry_after = None
            self._wait_turn(url)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.status_code in RETRY_CODES:
                        problem = f"HTTP {response.status_code}"
                        retry_after = response.headers.get("retry-after")
                        continue
                    if not 200 <= response.status_code < 300:
                        return response, b""
                    if accept in ("html", "feed", "any"):
                        refused = self._check_type(origin, url, response, accept)
                        if refused is not None:
                            return refused
                    body = self._read_body(origin, response)
                    if isinstance(body, Rejection):
                        return body
                    return response, body
            except httpx.TimeoutException as exc:
                problem = f"timed out ({exc.__class__.__name__})"
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                problem = f"connection failed ({exc.__class__.__name__}: {one_line(exc)})"
        reason = "timeout" if "timed out" in problem else ("http-error" if problem.startswith("HTTP") else "network")
        return self._reject(origin, reason, f"{origin}: {problem} after {retries + 1} attempts; the server may be down — retry later")

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        """backoff, 2*backoff, 4*backoff... or the server's Retry-After seconds; never over max_backoff."""
        delay = self.backoff * (2 ** (attempt - 1))
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, float(retry_after.strip()))
        return min(delay, self.max_backoff)

    def _check_type(self, origin: str, url: str, response: httpx.Response, accept: str) -> Rejection | None:
        media, _ = split_content_type(response.headers.get("content-type"))
        allowed = {"html": HTML_TYPES, "feed": FEED_TYPES, "any": HTML_TYPES | FEED_TYPES}[accept]
        if media in allowed:
            return None
        wanted = "an HTML page" if accept == "html" else ("a feed" if accept == "feed" else "HTML or a feed")
        return self._reject(origin, "content-type",
                            f"{origin}: the server sent {media or 'no content type'}, not {wanted}; give a news article or feed URL")

    def _read_body(self, origin: str, response: httpx.Response) -> bytes | Rejection:
        limit = self.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return self._too_large(origin, int(declared))
        started = time.monotonic()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return self._too_large(origin, size)
            chunks.append(chunk)
            if time.monotonic() - started > self.total_timeout:
                return self._reject(origin, "timeout",
                                    f"{origin}: the server is too slow (over {self.total_timeout:.0f}s for one page); retry later")
        return b"".join(chunks)

    def _too_large(self, origin: str, size: int) -> Rejection:
        return self._reject(origin, "too-large",
                            f"{origin}: over {self.max_bytes / 1e6:.1f} MB (at least {size / 1e6:.1f} MB); "
                            "not a news page, or raise the fetcher's max_bytes")

    def _result(self, url: str, final_url: str, response: httpx.Response, body: bytes, accept: str,
                state: FetchState | None) -> FetchResult | Rejection:
        status = response.status_code
        etag = response.headers.get("etag")
        last_modified = response.headers.get("last-modified")
        if status == 304:
            kept = state or FetchState()
            return FetchResult(url, final_url, 304, state=FetchState(etag or kept.etag, last_modified or kept.last_modified),
                               last_modified=last_modified or kept.last_modified)
        if status == 404 or status == 410:
            return self._reject(url, "not-found", f"{url}: HTTP {status}, the page is gone; check the URL")
        if status in (401, 403):
            return self._reject(url, "forbidden", f"{url}: HTTP {status}, the site refuses access; it needs a login or blocks crawlers")
        if not 200 <= status < 300 or status == 204:
            return self._reject(url, "http-error", f"{url}: HTTP {status}; check the URL")
        media, charset = split_content_type(response.headers.get("content-type"))
        return FetchResult(url, final_url, status, body=body, content_type=media, charset=charset,
                           last_modified=last_modified, state=FetchState(etag, last_modified))

    @staticmethod
    def _reject(origin: str, reason: str, detail: str) -> Rejection:
        return Rejection(origin, "fetch", reason, detail)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
        return True
    except ValueError:
        return False


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or exc.__class__.__name__
