"""WARC and WARC.gz crawls built in the test with warcio's writer."""
from __future__ import annotations

from collections import Counter
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs
from eventwire.ingest.warc import read_warc
from eventwire.model import RawItem, Rejection

from .conftest import ARTICLE_EN, ARTICLE_FR

RECORDS = [
    ("https://news.test/afrique/dakar.html", "200 OK", "text/html; charset=utf-8", ARTICLE_FR.encode("utf-8"),
     "2024-03-12T09:41:07Z"),
    ("https://news.test/img/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(300), "2024-03-12T09:41:08Z"),
    ("https://news.test/old/story.html", "404 Not Found", "text/html", b"<html><body>gone</body></html>",
     "2024-03-12T09:41:09Z"),
    ("https://news.test/world/nairobi.html", "200 OK", "application/xhtml+xml", ARTICLE_EN.encode("utf-8"),
     "2024-03-14T23:59:59Z"),
]


def build_warc(path, gzip: bool) -> bytes:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
    for uri, status, ctype, body, when in RECORDS:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": when}))
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_200_responses_only(tmp_path, name, gzip):
    path = tmp_path / name
    build_warc(path, gzip)
    stats = Counter()
    results = list(read_warc(path, stats=stats))
    assert all(isinstance(r, RawItem) for r in results), results
    dakar, nairobi = results
    assert dakar.kind == "html" and "gisement gazier" in dakar.content
    assert dakar.url == "https://news.test/afrique/dakar.html"
    assert (dakar.published, dakar.published_source) == ("2024-03-12", "warc")
    assert nairobi.url == "https://news.test/world/nairobi.html"
    assert (nairobi.published, nairobi.published_source) == ("2024-03-14", "warc")
    assert dakar.origin.startswith(str(path) + "#")
    assert stats["warc-pages"] == 2
    assert stats["warc-skipped-non-html"] == 1 and stats["warc-skipped-status"] == 1
    assert stats["warc-skipped-other-record"] == 1      # the warcinfo record


def test_same_pages_same_ids_compressed_or_not(tmp_path):
    build_warc(tmp_path / "a.warc.gz", True)
    build_warc(tmp_path / "b.warc", False)
    ids_gz = [i.item_id for i in read_warc(tmp_path / "a.warc.gz")]
    ids_plain = [i.item_id for i in read_warc(tmp_path / "b.warc")]
    assert ids_gz == ids_plain and len(set(ids_gz)) == 2


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_copy_is_a_rejection_not_a_crash(tmp_path, gzip):
    whole = build_warc(tmp_path / "whole.warc", gzip)
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole[: int(len(whole) * 0.75)])   # inside the last HTML response
    results = list(read_warc(cut))
    items = [r for r in results if isinstance(r, RawItem)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [i.url for i in items] == ["https://news.test/afrique/dakar.html"]
    assert len(rejections) == 1 and rejections[0].reason == "corrupt-warc"
    assert "truncated" in rejections[0].detail and "\n" not in rejections[0].detail


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"this is not a crawl file at all\n" * 20)
    (rejection,) = list(read_warc(path))
    assert rejection.reason == "corrupt-warc"
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert [r.reason for r in read_warc(empty)] == ["empty"]


def test_read_inputs_dispatches_warc(tmp_path):
    build_warc(tmp_path / "crawl.warc.gz", True)
    stats = Counter()
    results = list(read_inputs([str(tmp_path)], stats=stats))      # a directory: .warc.gz is picked up
    assert len(results) == 2 and all(isinstance(r, RawItem) for r in results)
    assert stats["warc-skipped-non-html"] == 1
    # --published only fills in when the record has no date; WARC-Date wins
    results = list(read_inputs([str(tmp_path / "crawl.warc.gz")], published="2020-01-01"))
    assert {r.published_source for r in results} == {"warc"}
