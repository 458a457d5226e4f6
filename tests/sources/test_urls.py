"""URL lists, URL arguments, and read_inputs / CLI dispatch to the web sources."""
from __future__ import annotations

from collections import Counter

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.ingest.readers import source_type
from eventwire.ingest.urls import read_url, read_url_list
from eventwire.model import RawItem, Rejection

from .conftest import RSS


def test_url_list(site, fetcher, tmp_path):
    path = tmp_path / "today.urls"
    path.write_text(
        "# morning reading\n"
        f"{site.base}/articles/dakar.html   first story\n"
        "\n"
        f"{site.base}/articles/nairobi.html\n"
        "   # indented comment\n"
        "not-a-url\n"
        f"{site.base}/private/dakar.html\n"
        f"{site.base}/photo.jpg\n", encoding="utf-8")
    results = list(read_url_list(path, fetcher=fetcher, published="2024-01-01"))
    dakar, nairobi, bad, robots, photo = results
    assert isinstance(dakar, RawItem) and dakar.url == site.base + "/articles/dakar.html"
    assert (dakar.published, dakar.published_source) == ("2024-03-12", "http")     # Last-Modified
    assert (nairobi.published, nairobi.published_source) == ("2024-01-01", "cli")  # no Last-Modified
    assert isinstance(bad, Rejection) and bad.reason == "bad-url" and bad.origin == f"{path}:6"
    assert robots.reason == "robots"
    assert photo.reason == "content-type"


def test_url_list_without_urls(tmp_path):
    path = tmp_path / "empty.urls"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    assert [r.reason for r in read_url_list(path)] == ["empty"]


def test_a_feed_url_reads_the_feed(site, fetcher):
    results = list(read_url(site.base + "/feed.rss", fetcher=fetcher))
    assert len(results) == 2 and all(isinstance(r, RawItem) for r in results)


def test_redirected_page_keeps_the_final_url(site, fetcher):
    (item,) = list(read_url(site.base + "/to-article", fetcher=fetcher))
    assert item.origin == site.base + "/to-article"
    assert item.url == site.base + "/articles/nairobi.html"


def test_source_types():
    assert source_type("https://news.test/feed") == "url"
    assert source_type("HTTP://news.test/a.html") == "url"
    assert source_type("crawl.warc.gz") == "warc" and source_type("CRAWL.WARC") == "warc"
    assert source_type("a.rss") == source_type("a.atom") == source_type("a.xml") == "feed"
    assert source_type("list.urls") == "urls"
    assert source_type("notes.txt") == source_type("page.html") == source_type("dump.jsonl") == "file"
    assert source_type("backup.gz") == "file"


def test_read_inputs_mixes_files_feeds_and_urls(site, fetcher, tmp_path):
    (tmp_path / "fil.rss").write_text(RSS.format(base=site.base), encoding="utf-8")
    (tmp_path / "a.urls").write_text(f"{site.base}/articles/nairobi.html\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Le Premier ministre a reçu lundi les syndicats à Matignon.\n", encoding="utf-8")
    stats = Counter()
    results = list(read_inputs([str(tmp_path), site.base + "/articles/dakar.html"], fetcher=fetcher, stats=stats))
    assert all(isinstance(r, RawItem) for r in results), results
    # the directory in sorted order (a.urls, fil.rss, note.txt), then the URL argument
    assert [r.origin.split("#")[0] for r in results] == [
        site.base + "/articles/nairobi.html", str(tmp_path / "fil.rss"), str(tmp_path / "fil.rss"),
        str(tmp_path / "note.txt"), site.base + "/articles/dakar.html"]
    assert [r.published_source for r in results] == [None, "feed", "feed", None, "http"]
    assert any(r.kind == "text" and r.origin.endswith("note.txt") for r in results)
    assert stats["feed-entries"] == 2


def test_read_inputs_refuses_loopback_by_default(site):
    before = sum(site.hits.values())
    (rejection,) = list(read_inputs([site.base + "/articles/dakar.html"]))
    assert rejection.reason == "private-address"
    assert sum(site.hits.values()) == before


def test_cli_code_refuses_a_loopback_url_with_one_line(site, capsys):
    code = main(["code", site.base + "/articles/dakar.html"])
    _, err = capsys.readouterr()
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "--allow-private" in lines[0] and "Traceback" not in err


def test_cli_code_accepts_allow_private():
    from eventwire.cli import build_parser

    args = build_parser().parse_args(["code", "--allow-private", "https://news.test/a.html"])
    assert args.allow_private is True
    assert build_parser().parse_args(["code", "x.txt"]).allow_private is False
