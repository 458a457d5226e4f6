"""WARC and WARC.gz crawl files (Common Crawl, wget --warc-file, Heritrix) -> RawItems.

Only `response` records holding an HTTP 200 HTML page become items; request, metadata and
non-HTML or non-200 response records are skipped and counted in `stats`. The record's
WARC-Date gives the source date (published_source "warc"); a date the page states in its own
metadata still wins at extraction. A truncated or corrupt file yields the pages read so far and
then one Rejection, never an exception.
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import RawItem, Rejection, content_id
from .fetch import HTML_TYPES, decode_html, split_content_type

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def warc_day(value: str | None) -> str | None:
    """'2024-03-12T10:04:55Z' -> '2024-03-12' (None when absent or malformed)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def read_warc(path: str | Path, *, published: str | None = None, lang: str | None = None,
              max_record_bytes: int = 5_000_000, stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    path = Path(path)
    origin = str(path)
    stats = stats if stats is not None else Counter()
    if not path.is_file():
        yield Rejection(origin, "read", "not-found", f"{origin}: no such file")
        return
    if path.stat().st_size == 0:
        yield Rejection(origin, "read", "empty", f"{origin}: the file is empty")
        return
    read = 0
    size = path.stat().st_size
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, check_digests=False)
        end = 0
        try:
            for record in records:
                if record.length is None or not hasattr(record.raw_stream, "limit"):
                    raise TruncatedRecord("a record without a Content-Length (a cut-off or damaged record header)")
                item = record_item(record, records, origin, published, lang, max_record_bytes, stats)
                end = records.get_record_offset() + records.get_record_length()
                check_complete(record)   # before yielding: a cut-off page is not a page
                if item is not None:
                    if isinstance(item, RawItem):
                        read += 1
                        stats["warc-pages"] += 1
                    yield item
            check_tail(stream, end, size)
        except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
            # warcio meets damaged bytes with any of these (a truncated header gives AttributeError)
            stats["warc-corrupt"] += 1
            text = " ".join(str(exc).split())[:160]
            yield Rejection(origin, "read", "corrupt-warc",
                            f"{origin}: damaged or truncated WARC after {read} pages ({exc.__class__.__name__}: {text}); "
                            "download it again or check it with `warcio check`")


class TruncatedRecord(ValueError):
    pass


def check_complete(record) -> None:
    """warcio reads a cut-off record without complaint: one whose declared Content-Length is not all
    there marks a truncated file."""
    left = record.raw_stream.limit
    if left:
        uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
        raise TruncatedRecord(f"the record for {uri} ends {left} bytes short of its Content-Length")


def check_tail(stream, end: int, size: int) -> None:
    """Bytes left after the last whole record (a cut-off record header) mean a truncated file."""
    if size - end <= 4:
        return
    stream.seek(end)
    if stream.read(4096).strip(b"\r\n\x00 "):
        raise TruncatedRecord(f"{size - end} bytes after the last complete record are not a whole record")


def record_item(record, records: ArchiveIterator, origin: str, published: str | None, lang: str | None,
                max_record_bytes: int, stats: Counter) -> RawItem | Rejection | None:
    if record.rec_type != "response":
        stats["warc-skipped-other-record"] += 1
        return None
    headers = record.http_headers
    if headers is None:               # dns:, whois: and other non-HTTP responses
        stats["warc-skipped-non-http"] += 1
        return None
    status = headers.get_statuscode()
    if status != "200":
        stats["warc-skipped-status"] += 1
        return None
    media, charset = split_content_type(headers.get_header("Content-Type"))
    if media not in HTML_TYPES:
        stats["warc-skipped-non-html"] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(max_record_bytes + 1)
    where = f"{origin}#{records.get_record_offset()}"   # only after reading: asking first consumes the record
    if len(data) > max_record_bytes:
        stats["warc-skipped-too-large"] += 1
        return Rejection(where, "read", "too-large",
                         f"{where}: the page at {uri} is over {max_record_bytes / 1e6:.0f} MB; not a news article")
    if not data.strip():
        stats["warc-skipped-empty"] += 1
        return None
    text = decode_html(data, charset)
    day = warc_day(record.rec_headers.get_header("WARC-Date"))
    date_value, date_source = (day, "warc") if day else (published, "cli" if published else None)
    return RawItem(item_id=content_id("html", text), origin=where, content=text, kind="html", url=uri,
                   published=date_value, published_source=date_source, lang=lang)
