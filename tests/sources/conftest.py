"""A local web site the source tests fetch from: 127.0.0.1, a random port, started per module.

It serves feeds and article pages written for these tests, plus misbehaving endpoints (too
large, wrong type, robots-disallowed, flaky, conditional, redirecting to a private address).
Nothing here touches the internet; host names other than 127.0.0.1 only ever reach the code
under test through an injected resolver and a transport that forwards to this server.
"""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from eventwire.ingest.fetch import Fetcher

ARTICLE_FR = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Rencontre à Dakar</title></head>
<body><nav>Accueil | International | Afrique</nav>
<article><h1>Le président sénégalais reçoit son homologue mauritanien à Dakar</h1>
<p>Le président du Sénégal a reçu mardi à Dakar son homologue mauritanien pour une visite de travail
consacrée à l'exploitation commune du gisement gazier situé à leur frontière maritime.</p>
<p>Les deux chefs d'État ont signé un accord sur le partage des revenus du gaz et promis de renforcer
la coopération entre leurs garde-côtes, selon un communiqué publié à l'issue de l'entretien.</p>
</article><footer>Tous droits réservés</footer></body></html>
"""

ARTICLE_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Talks in Nairobi</title></head>
<body><article><h1>Kenya and Ethiopia agree to reopen border crossing</h1>
<p>Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Thursday and the two governments
agreed to reopen the Moyale border crossing to commercial traffic next month.</p>
<p>Officials from both countries said a joint committee would meet every quarter to review security along
the frontier, where clashes between herders had closed the crossing in January.</p>
</article></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Le fil Afrique</title><link>{base}/</link><description>Dépêches</description>
<language>fr</language>
<item><title>Le président sénégalais reçoit son homologue mauritanien</title>
<link>{base}/articles/dakar.html</link><guid isPermaLink="false">fil-afrique-0001</guid>
<pubDate>Tue, 12 Mar 2024 09:30:00 +0100</pubDate>
<description>Visite de travail consacrée au gisement gazier commun.</description></item>
<item><title>Le Mali et le Niger renforcent leur coopération</title>
<link>{base}/articles/niamey.html</link><guid isPermaLink="false">fil-afrique-0002</guid>
<pubDate>Wed, 13 Mar 2024 23:30:00 -0200</pubDate>
<description>Résumé court.</description>
<content:encoded><![CDATA[<p>Le ministre malien de la Défense a rencontré mercredi à Niamey son homologue nigérien
pour discuter de la sécurité dans la zone des trois frontières et d'un centre de commandement commun.</p>]]></content:encoded>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>East Africa wire</title>
<id>urn:eventwire-test:east-africa</id><updated>2024-03-14T08:00:00Z</updated>
<entry><title>Kenya and Ethiopia agree to reopen border crossing</title>
<link href="{base}/articles/nairobi.html"/><id>urn:eventwire-test:entry:1</id>
<updated>2024-03-14T07:15:00Z</updated>
<summary>Ministers met in Nairobi on Thursday.</summary></entry>
<entry><title>Uganda recalls envoy</title>
<link href="{base}/articles/kampala.html"/><id>urn:eventwire-test:entry:2</id>
<published>2024-03-10T18:00:00Z</published><updated>2024-03-11T06:00:00Z</updated>
<content type="html">&lt;p&gt;Uganda recalled its ambassador from Kigali on Sunday after a dispute over border trade,
the foreign ministry in Kampala said in a statement.&lt;/p&gt;</content></entry>
</feed>
"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"
ETAG = '"rev-7"'
LAST_MODIFIED = "Tue, 12 Mar 2024 08:00:00 GMT"


class Site:
    """State shared by the handler threads: hit counts and the headers of each request."""

    def __init__(self):
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.base = ""

    def record(self, path: str, headers) -> int:
        with self.lock:
            self.hits[path] += 1
            self.requests.append((path, {k.lower(): v for k, v in headers.items()}))
            return self.hits[path]


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def send(self, status: int, body: bytes | str = b"", ctype: str = "text/html; charset=utf-8",
                 headers: dict[str, str] | None = None, length: bool = True):
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if length:
                self.send_header("Content-Length", str(len(data)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            count = site.record(self.path, self.headers)
            base = site.base
            if path == "/robots.txt":
                return self.send(200, ROBOTS, "text/plain")
            if path == "/feed.rss":
                if self.headers.get("If-None-Match") == '"feed-1"':
                    return self.send(304, b"", ctype="", headers={"ETag": '"feed-1"'})
                return self.send(200, RSS.format(base=base), "application/rss+xml; charset=utf-8", {"ETag": '"feed-1"'})
            if path == "/feed.atom":
                return self.send(200, ATOM.format(base=base), "application/atom+xml")
            if path in ("/articles/dakar.html", "/private/dakar.html"):
                return self.send(200, ARTICLE_FR, headers={"Last-Modified": LAST_MODIFIED})
            if path in ("/articles/nairobi.html", "/articles/niamey.html", "/articles/kampala.html"):
                return self.send(200, ARTICLE_EN)
            if path == "/latin1.html":
                return self.send(200, "<html><body><p>Côte d'Ivoire, déclaration.</p></body></html>".encode("cp1252"),
                                 "text/html; charset=windows-1252")
            if path == "/big-declared.html":
                return self.send(200, "<p>" + "x" * 50_000 + "</p>")
            if path == "/big-streamed.html":
                return self.send(200, "<p>" + "y" * 50_000 + "</p>", length=False)
            if path == "/photo.jpg":
                return self.send(200, b"\xff\xd8\xff\xe0" + b"\x00" * 200, "image/jpeg")
            if path == "/flaky.html":   # 503 twice, then the page
                if count <= 2:
                    return self.send(503, "busy", headers={"Retry-After": "1"})
                return self.send(200, ARTICLE_EN)
            if path == "/down.html":
                return self.send(503, "down")
            if path == "/etag.html":
                if self.headers.get("If-None-Match") == ETAG:
                    return self.send(304, b"", ctype="", headers={"ETag": ETAG})
                return self.send(200, ARTICLE_EN, headers={"ETag": ETAG})
            if path == "/lastmod.html":
                if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                    return self.send(304, b"", ctype="")
                return self.send(200, ARTICLE_FR, headers={"Last-Modified": LAST_MODIFIED})
            if path == "/to-private":
                return self.send(302, b"", headers={"Location": "http://10.20.30.40/admin"})
            if path == "/to-loopback-name":
                return self.send(302, b"", headers={"Location": "http://intranet.test/secrets"})
            if path == "/to-article":
                return self.send(301, b"", headers={"Location": "/articles/nairobi.html"})
            if path == "/loop":
                return self.send(302, b"", headers={"Location": "/loop"})
            return self.send(404, "not here")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Clients that hang up early (size limits, timeouts) are expected here, not errors."""


@pytest.fixture(scope="module")
def site():
    state = Site()
    server = QuietServer(("127.0.0.1", 0), make_handler(state))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    state.port = server.server_address[1]
    yield state
    server.shutdown()
    server.server_close()


class FakeClock:
    """Time that only moves when the fetcher sleeps: rate limits and backoff cost no real time."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def fetcher(clock):
    """A fetcher allowed to reach the loopback test server, on fake time."""
    with Fetcher(allow_private=True, timeout=2.0, min_interval=0.0, backoff=0.5, max_bytes=20_000,
                 clock=clock, sleep=clock.sleep) as made:
        yield made


class ForwardTransport(httpx.BaseTransport):
    """Sends every request to the local test server, whatever host the URL names (keeps the Host header).
    With a fake resolver this lets a test play a public host without any traffic leaving the machine."""

    def __init__(self, port: int):
        self.port = port
        self.inner = httpx.HTTPTransport()
        self.hosts: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class NoNetwork(httpx.BaseTransport):
    """A transport that fails the test if the fetcher ever tries to send anything."""

    def __init__(self):
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        raise AssertionError(f"the fetcher tried to connect to {request.url}")
