"""RSS and Atom feeds from files and from the local server."""
from __future__ import annotations

from collections import Counter

from eventwire.ingest.feeds import entry_key, read_feed
from eventwire.ingest.fetch import FetchState
from eventwire.model import RawItem, Rejection, content_id

from .conftest import ATOM, RSS


def items_of(results):
    return [r for r in results if isinstance(r, RawItem)]


def test_rss_url_fetches_pages_for_summary_only_entries(site, fetcher):
    before = site.hits["/articles/niamey.html"]
    results = list(read_feed(site.base + "/feed.rss", fetcher=fetcher))
    assert all(isinstance(r, RawItem) for r in results), results
    dakar, niamey = results
    # entry 1 has only a description: the linked article is fetched
    assert "gisement gazier situé à leur frontière maritime" in dakar.content
    assert dakar.url == site.base + "/articles/dakar.html"
    assert dakar.kind == "html"
    assert (dakar.published, dakar.published_source) == ("2024-03-12", "feed")
    # entry 2 carries its full text (content:encoded): used as is, the page is not fetched
    assert "zone des trois frontières" in niamey.content
    assert site.hits["/articles/niamey.html"] == before
    assert niamey.url == site.base + "/articles/niamey.html"
    # the publisher's own day: 23:30 at UTC-2 stays the 13th (it is already the 14th in UTC)
    assert (niamey.published, niamey.published_source) == ("2024-03-13", "feed")


def test_ids_are_stable_and_origins_carry_the_entry_key(site, fetcher):
    first = items_of(read_feed(site.base + "/feed.rss", fetcher=fetcher))
    again = items_of(read_feed(site.base + "/feed.rss", fetcher=fetcher))
    assert [i.item_id for i in first] == [i.item_id for i in again]
    assert [i.origin for i in first] == [i.origin for i in again]
    key = content_id(site.base + "/articles/dakar.html", "fil-afrique-0001")
    assert first[0].origin == f"{site.base}/feed.rss#{key}"
    assert first[0].item_id == content_id("html", first[0].content)     # the store's doc_id


def test_never_fetch_uses_the_summary(site, fetcher):
    before = site.hits["/articles/dakar.html"]
    dakar, niamey = items_of(read_feed(site.base + "/feed.rss", fetcher=fetcher, fetch="never"))
    assert site.hits["/articles/dakar.html"] == before
    assert "Visite de travail consacrée au gisement gazier commun." in dakar.content
    assert "<title>Le président sénégalais reçoit son homologue mauritanien</title>" in dakar.content


def test_atom_file_without_fetcher(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM.format(base="https://wire.test"), encoding="utf-8")
    stats = Counter()
    nairobi, kampala = items_of(read_feed(str(path), fetcher=None, fetch="never", stats=stats))
    assert nairobi.origin.startswith(str(path) + "#")
    assert nairobi.url == "https://wire.test/articles/nairobi.html"
    assert (nairobi.published, nairobi.published_source) == ("2024-03-14", "feed")   # <updated> when no <published>
    assert (kampala.published, kampala.published_source) == ("2024-03-10", "feed")   # <published> wins
    assert "recalled its ambassador from Kigali" in kampala.content
    assert stats["feed-entries"] == 2


def test_rss_file_fetches_linked_pages_from_the_server(site, fetcher, tmp_path):
    path = tmp_path / "fil.rss"
    path.write_text(RSS.format(base=site.base), encoding="utf-8")
    dakar, _ = items_of(read_feed(str(path), fetcher=fetcher))
    assert "accord sur le partage des revenus du gaz" in dakar.content


def test_failed_page_fetch_falls_back_on_the_summary(site, fetcher, tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text(RSS.format(base=site.base).replace("/articles/dakar.html", "/articles/gone.html"), encoding="utf-8")
    dakar, _ = items_of(read_feed(str(path), fetcher=fetcher))
    assert "gisement gazier commun" in dakar.content
    assert dakar.url == site.base + "/articles/gone.html"


def test_conditional_feed_poll(site, fetcher):
    state, stats = FetchState(), Counter()
    assert len(items_of(read_feed(site.base + "/feed.rss", fetcher=fetcher, fetch="never", state=state))) == 2
    assert state.etag == '"feed-1"'
    assert list(read_feed(site.base + "/feed.rss", fetcher=fetcher, state=state, stats=stats)) == []
    assert stats["not-modified"] == 1 and state.etag == '"feed-1"'


def test_feed_not_modified_yields_nothing(fetcher, site):
    import httpx

    from eventwire.ingest.fetch import Fetcher

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.headers.get("if-none-match") == '"v2"':
            return httpx.Response(304, headers={"ETag": '"v2"'})
        return httpx.Response(200, headers={"Content-Type": "application/atom+xml", "ETag": '"v2"'},
                              content=ATOM.format(base="https://wire.test").encode())

    answers = {"wire.test": ["203.0.114.9"]}
    with Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h, p: answers[h], min_interval=0.0) as mock:
        state, stats = FetchState(), Counter()
        assert len(items_of(read_feed("https://wire.test/feed.atom", fetcher=mock, fetch="never", state=state))) == 2
        assert state.etag == '"v2"'
        assert list(read_feed("https://wire.test/feed.atom", fetcher=mock, fetch="never", state=state, stats=stats)) == []
        assert stats["not-modified"] == 1


def test_not_a_feed(tmp_path, fetcher, site):
    path = tmp_path / "notes.xml"
    path.write_text("<?xml version='1.0'?><notes><note>hello</note></notes>", encoding="utf-8")
    (rejection,) = list(read_feed(str(path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "not-a-feed"
    (rejection,) = list(read_feed(site.base + "/articles/dakar.html", fetcher=fetcher))
    assert rejection.reason == "content-type"


def test_entry_key_uses_link_and_guid():
    assert entry_key({"link": "https://a.test/1", "id": "x"}) == content_id("https://a.test/1", "x")
    assert entry_key({"link": "https://a.test/1"}) != entry_key({"link": "https://a.test/2"})
