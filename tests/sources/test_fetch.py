"""The Fetcher against the local test server: limits, robots.txt, retries, conditional requests, SSRF guard."""
from __future__ import annotations

import socket

import pytest

from eventwire.ingest.fetch import USER_AGENT, Fetcher, FetchResult, FetchState, address_problem, http_date
from eventwire.model import Rejection

from .conftest import ETAG, LAST_MODIFIED, FakeClock, ForwardTransport, NoNetwork


def rejected(result, reason: str) -> Rejection:
    assert isinstance(result, Rejection), result
    assert result.reason == reason, result
    assert result.stage == "fetch"
    assert "\n" not in result.detail and result.detail.startswith(result.origin)
    return result


# -- pages, types, sizes -------------------------------------------------------------------------

def test_fetches_a_page_with_the_user_agent(site, fetcher):
    result = fetcher.fetch(site.base + "/articles/dakar.html")
    assert isinstance(result, FetchResult) and result.status == 200 and result.is_html
    assert "gisement gazier" in result.text()
    assert result.published() == "2024-03-12"          # from Last-Modified
    agents = {headers["user-agent"] for path, headers in site.requests if path == "/articles/dakar.html"}
    assert agents == {USER_AGENT}
    assert USER_AGENT.startswith("eventwire/") and "political event coding" in USER_AGENT


def test_charset_from_the_content_type(site, fetcher):
    result = fetcher.fetch(site.base + "/latin1.html")
    assert "Côte d'Ivoire, déclaration" in result.text()


def test_wrong_content_type(site, fetcher):
    result = rejected(fetcher.fetch(site.base + "/photo.jpg"), "content-type")
    assert "image/jpeg" in result.detail
    rejected(fetcher.fetch(site.base + "/articles/dakar.html", accept="feed"), "content-type")
    assert isinstance(fetcher.fetch(site.base + "/feed.rss", accept="feed"), FetchResult)


@pytest.mark.parametrize("path", ["/big-declared.html", "/big-streamed.html"])
def test_too_large_stops_reading(site, fetcher, path):
    detail = rejected(fetcher.fetch(site.base + path), "too-large").detail
    assert "max_bytes" in detail


def test_not_found(site, fetcher):
    rejected(fetcher.fetch(site.base + "/nowhere.html"), "not-found")


def test_redirect_followed(site, fetcher):
    result = fetcher.fetch(site.base + "/to-article")
    assert isinstance(result, FetchResult)
    assert result.final_url == site.base + "/articles/nairobi.html"
    assert result.url == site.base + "/to-article"


def test_redirect_loop_is_bounded(site, fetcher):
    before = site.hits["/loop"]
    rejected(fetcher.fetch(site.base + "/loop"), "too-many-redirects")
    assert site.hits["/loop"] - before == fetcher.max_redirects + 1


def test_not_a_web_url(fetcher):
    rejected(fetcher.fetch("ftp://files.test/a.html"), "bad-url")
    rejected(fetcher.fetch("file:///etc/passwd"), "bad-url")


# -- robots.txt -----------------------------------------------------------------------------------

def test_robots_disallowed_path_is_never_requested(site, fetcher):
    result = rejected(fetcher.fetch(site.base + "/private/dakar.html"), "robots")
    assert "robots.txt" in result.detail
    assert site.hits["/private/dakar.html"] == 0


def test_robots_read_once_per_host(site, clock):
    with Fetcher(allow_private=True, min_interval=0.0, clock=clock, sleep=clock.sleep) as fresh:
        before = site.hits["/robots.txt"]
        for _ in range(3):
            assert isinstance(fresh.fetch(site.base + "/articles/nairobi.html"), FetchResult)
        assert site.hits["/robots.txt"] - before == 1


def test_robots_unreachable_means_disallowed(clock):
    closed = free_port()
    with Fetcher(allow_private=True, retries=0, min_interval=0.0, clock=clock, sleep=clock.sleep) as fresh:
        result = rejected(fresh.fetch(f"http://127.0.0.1:{closed}/page.html"), "robots")
        assert "unreadable" in result.detail


# -- retries, timeouts, rate limits ------------------------------------------------------------------

def test_503_then_200_is_retried_with_backoff(site, clock):
    with Fetcher(allow_private=True, retries=3, backoff=0.5, min_interval=0.0, clock=clock, sleep=clock.sleep) as fresh:
        result = fresh.fetch(site.base + "/flaky.html")
    assert isinstance(result, FetchResult) and result.status == 200
    assert site.hits["/flaky.html"] == 3
    assert clock.sleeps == [1.0, 1.0]       # Retry-After: 1 wins over the 0.5 and 1.0 backoff steps


def test_retries_are_bounded(site, clock):
    with Fetcher(allow_private=True, retries=2, backoff=0.25, max_backoff=0.4, min_interval=0.0,
                 clock=clock, sleep=clock.sleep) as fresh:
        before = site.hits["/down.html"]
        detail = rejected(fresh.fetch(site.base + "/down.html"), "http-error").detail
    assert site.hits["/down.html"] - before == 3
    assert "503" in detail and "retry later" in detail
    assert clock.sleeps == [0.25, 0.4]      # 0.25, then 0.5 capped at max_backoff


def test_connection_refused_is_a_rejection(clock):
    port = free_port()
    with Fetcher(allow_private=True, respect_robots=False, retries=2, backoff=0.1, min_interval=0.0,
                 clock=clock, sleep=clock.sleep) as fresh:
        detail = rejected(fresh.fetch(f"http://127.0.0.1:{port}/x.html"), "network").detail
    assert "3 attempts" in detail
    assert clock.sleeps == [0.1, 0.2]


def test_timeout_is_a_rejection():
    """A server that accepts the connection and never answers (real time: 2 x 0.05 s)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]
    clock = FakeClock()
    try:
        with Fetcher(allow_private=True, respect_robots=False, timeout=0.05, connect_timeout=0.05, retries=1,
                     backoff=0.01, min_interval=0.0, clock=clock, sleep=clock.sleep) as fresh:
            rejected(fresh.fetch(f"http://127.0.0.1:{port}/slow.html"), "timeout")
    finally:
        listener.close()


def test_per_host_rate_limit(site, clock):
    with Fetcher(allow_private=True, min_interval=2.0, clock=clock, sleep=clock.sleep) as fresh:
        fresh.fetch(site.base + "/articles/nairobi.html")      # robots.txt, then the page: one wait
        fresh.fetch(site.base + "/articles/niamey.html")       # one more wait
        assert clock.sleeps == [2.0, 2.0]
        clock.now += 5.0                                       # time passed: no wait needed
        fresh.fetch(site.base + "/articles/kampala.html")
        assert clock.sleeps == [2.0, 2.0]
        fresh.fetch(f"http://localhost:{site.port}/articles/kampala.html")   # another host name: its own turn
        assert clock.sleeps == [2.0, 2.0, 2.0]                               # (its robots.txt, then the page)


# -- conditional requests --------------------------------------------------------------------------------

def test_etag_gives_not_modified(site, fetcher):
    first = fetcher.fetch(site.base + "/etag.html")
    assert first.status == 200 and first.state.etag == ETAG
    state = FetchState.from_json(first.state.to_json())       # what a caller would persist
    second = fetcher.fetch(site.base + "/etag.html", state=state)
    assert second.not_modified and second.body == b"" and second.state.etag == ETAG
    sent = [h.get("if-none-match") for p, h in site.requests if p == "/etag.html"]
    assert sent == [None, ETAG]


def test_last_modified_gives_not_modified(site, fetcher):
    first = fetcher.fetch(site.base + "/lastmod.html")
    assert first.status == 200 and first.state.last_modified == LAST_MODIFIED and first.state.etag is None
    second = fetcher.fetch(site.base + "/lastmod.html", state=first.state)
    assert second.not_modified
    assert second.state.last_modified == LAST_MODIFIED


# -- SSRF guard ---------------------------------------------------------------------------------------------

def test_loopback_refused_without_allow_private(site):
    before = sum(site.hits.values())
    with Fetcher(allow_private=False) as guarded:
        detail = rejected(guarded.fetch(site.base + "/articles/dakar.html"), "private-address").detail
    assert "loopback" in detail and "--allow-private" in detail
    assert sum(site.hits.values()) == before          # not even robots.txt was asked for


@pytest.mark.parametrize("url, kind", [
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.0.0.7/admin", "private"),
    ("http://[::1]:8080/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
])
def test_private_literals_refused_without_traffic(url, kind):
    network = NoNetwork()

    def resolver(host, port):
        raise AssertionError("an IP literal needs no resolution")

    with Fetcher(transport=network, resolver=resolver) as guarded:
        detail = rejected(guarded.fetch(url), "private-address").detail
    assert kind in detail
    assert network.calls == 0


def test_names_resolving_to_private_addresses_refused():
    network = NoNetwork()
    answers = {"intranet.test": ["93.184.0.10", "10.1.1.1"], "router.test": ["fe80::1"]}
    with Fetcher(transport=network, resolver=lambda host, port: answers[host]) as guarded:
        rejected(guarded.fetch("http://intranet.test/"), "private-address")    # one bad address is enough
        rejected(guarded.fetch("http://router.test/"), "private-address")
    assert network.calls == 0


def test_unresolvable_name(clock):
    def resolver(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    with Fetcher(transport=NoNetwork(), resolver=resolver) as guarded:
        rejected(guarded.fetch("http://no-such-host.test/"), "dns")


@pytest.mark.parametrize("path, target", [("/to-private", "10.20.30.40"), ("/to-loopback-name", "intranet.test")])
def test_redirect_to_private_address_refused(site, clock, path, target):
    """A public-looking host (fake DNS, traffic forwarded to the local server) redirects inward."""
    answers = {"news.test": ["203.0.114.5"], "intranet.test": ["127.0.0.1"]}
    forward = ForwardTransport(site.port)
    with Fetcher(transport=forward, resolver=lambda host, port: answers[host], min_interval=0.0,
                 clock=clock, sleep=clock.sleep) as guarded:
        ok = guarded.fetch("http://news.test/articles/nairobi.html")
        assert isinstance(ok, FetchResult), ok
        detail = rejected(guarded.fetch("http://news.test" + path), "private-address").detail
    assert "redirected" in detail and target in detail
    assert set(forward.hosts) == {"news.test"}       # nothing was sent to the private target


def test_allow_private_permits_loopback(site, fetcher):
    assert isinstance(fetcher.fetch(site.base + "/articles/nairobi.html"), FetchResult)


# -- helpers ---------------------------------------------------------------------------------------

def test_address_problem_and_http_date():
    assert address_problem("8.8.4.4") is None
    assert "private" in address_problem("192.168.1.20")
    assert "private" in address_problem("172.16.0.1")
    assert address_problem("100.64.0.1")                # carrier-grade NAT: not public
    assert http_date(LAST_MODIFIED) == "2024-03-12"
    assert http_date("not a date") is None


def free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
