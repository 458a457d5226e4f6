"""RSS and Atom feeds (from a file or a URL) -> one RawItem per entry.

An entry's text is the linked article fetched with the Fetcher when the feed only gives a
summary (fetch="auto"), or the HTML the feed carries (full content, else summary) when it gives
full content or when fetching is not asked (fetch="never"). fetch="always" fetches every link.

Ids: RawItem.item_id stays the content hash the store uses as doc_id (re-reading an entry whose
text did not change adds nothing). The entry's own stable key — content_id(link, guid) — is
`entry_key()`, and it ends the item's origin ("feed.rss#<key>") so a watcher can tell new
entries from seen ones before fetching anything.
"""
from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser

from ..model import RawItem, Rejection, content_id
from .fetch import FetchResult, Fetcher, FetchState

FETCH_MODES = ("auto", "always", "never")


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def entry_key(entry) -> str:
    """Stable across polls: the entry's link and guid (either may be missing, not both)."""
    return content_id(entry.get("link") or "", entry.get("id") or "")


def entry_published(entry) -> str | None:
    """The entry's published (else updated) day as the publisher wrote it: its local date, since
    "hier" and "this morning" in the text are relative to it. Falls back on feedparser's UTC date."""
    for key in ("published", "updated", "created"):
        day = local_day(entry.get(key))
        if day:
            return day
        stamp: time.struct_time | None = entry.get(f"{key}_parsed")
        if stamp:
            try:
                return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def local_day(value: str | None) -> str | None:
    """'Wed, 13 Mar 2024 23:30:00 -0200' (RSS) or '2024-03-13T23:30:00-02:00' (Atom) -> '2024-03-13'."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(data: bytes, origin: str) -> feedparser.FeedParserDict | Rejection:
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        return Rejection(origin, "read", "not-a-feed",
                         f"{origin}: not an RSS or Atom feed{why}; give a feed file or URL")
    return parsed


def read_feed(source: str, *, fetcher: Fetcher | None = None, fetch: str = "auto", state: FetchState | None = None,
              published: str | None = None, lang: str | None = None, max_bytes: int = 20_000_000,
              stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    """Entries of the feed at `source` (a path or an http(s) URL).

    `state` (for URLs) makes the request conditional; it is updated in place after a fetch so the
    caller can persist it. A "not modified" answer yields nothing (counted as stats["not-modified"]).
    """
    if fetch not in FETCH_MODES:
        raise ValueError(f"fetch must be one of {FETCH_MODES}")
    stats = stats if stats is not None else Counter()
    own = fetcher is None
    if own:
        fetcher = Fetcher()
    try:
        if is_url(source):
            result = fetcher.fetch(source, accept="feed", state=state)
            if isinstance(result, Rejection):
                yield result
                return
            if state is not None:
                state.etag, state.last_modified = result.state.etag, result.state.last_modified
            if result.not_modified:
                stats["not-modified"] += 1
                return
            data = result.body
        else:
            data = read_feed_file(Path(source), max_bytes)
            if isinstance(data, Rejection):
                yield data
                return
        yield from feed_items(data, source, fetcher=fetcher, fetch=fetch, published=published, lang=lang, stats=stats)
    finally:
        if own:
            fetcher.close()


def read_feed_file(path: Path, max_bytes: int) -> bytes | Rejection:
    origin = str(path)
    if not path.is_file():
        return Rejection(origin, "read", "not-found", f"{origin}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        return Rejection(origin, "read", "too-large",
                         f"{origin}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; split the feed")
    data = path.read_bytes()
    if not data.strip():
        return Rejection(origin, "read", "empty", f"{origin}: the file is empty")
    return data


def feed_items(data: bytes, origin: str, *, fetcher: Fetcher | None, fetch: str = "auto", published: str | None = None,
               lang: str | None = None, stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    """Parse feed bytes and turn every entry into a RawItem (or a Rejection saying why not)."""
    stats = stats if stats is not None else Counter()
    parsed = parse_feed(data, origin)
    if isinstance(parsed, Rejection):
        yield parsed
        return
    for number, entry in enumerate(parsed.entries, start=1):
        stats["feed-entries"] += 1
        yield entry_item(entry, origin, number, fetcher=fetcher, fetch=fetch, published=published, lang=lang)


def entry_body(entry) -> tuple[str | None, bool]:
    """(HTML or text the feed carries for this entry, whether it is full content rather than a summary)."""
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            return content["value"], True
    summary = entry.get("summary") or ""
    return (summary, False) if summary.strip() else (None, False)


def entry_item(entry, origin: str, number: int, *, fetcher: Fetcher | None, fetch: str, published: str | None,
               lang: str | None) -> RawItem | Rejection:
    key = entry_key(entry)
    where = f"{origin}#{key}"
    link = entry.get("link")
    body, full = entry_body(entry)
    entry_date = entry_published(entry)
    date_value, date_source = (entry_date, "feed") if entry_date else (published, "cli" if published else None)
    wants_page = link and fetcher is not None and (fetch == "always" or (fetch == "auto" and not full))
    failure: Rejection | None = None
    if wants_page:
        page = fetcher.fetch(link, accept="html")
        if isinstance(page, FetchResult) and not page.not_modified:
            text = page.text()
            if not date_value and page.published():
                date_value, date_source = page.published(), "http"
            return RawItem(item_id=content_id("html", text), origin=where, content=text, kind="html",
                           url=page.final_url, published=date_value, published_source=date_source, lang=lang)
        failure = page if isinstance(page, Rejection) else None
    if body is None:
        if failure is not None:
            return failure
        return Rejection(where, "read", "empty-entry",
                         f"{where}: feed entry {number} has no content, no summary and no link to fetch; nothing to code")
    # A failed page fetch falls back on the summary the feed carries: less text, but not nothing.
    content = entry_page(entry.get("title"), body)
    return RawItem(item_id=content_id("html", content), origin=where, content=content, kind="html",
                   url=link, published=date_value, published_source=date_source, lang=lang)


def entry_page(title: str | None, body: str) -> str:
    """A minimal HTML page around the entry's HTML so the extractor sees a title and a body."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    heading = f"<h1>{html.escape(title)}</h1>\n" if title else ""
    if "<" not in body:   # plain-text summary
        body = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{head}</head><body><article>\n{heading}{body}\n</article></body></html>"
