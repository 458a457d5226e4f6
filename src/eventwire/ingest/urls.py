"""Web pages by URL: a single http(s) argument, or a `.urls` file with one URL per line.

A `.urls` file: blank lines and lines starting with `#` are ignored; anything after the URL on
its line (after whitespace) is ignored too. Each page is fetched with the Fetcher; its HTTP
Last-Modified gives the source date (published_source "http"), else `--published` if given.
A URL that answers with a feed instead of a page is read as a feed.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..model import RawItem, Rejection, content_id
from .feeds import feed_items, is_url
from .fetch import FEED_TYPES, Fetcher

URL_LIST_SUFFIXES = (".urls",)


def is_url_list(name: str) -> bool:
    return name.lower().endswith(URL_LIST_SUFFIXES)


def read_url_list(path: str | Path, *, fetcher: Fetcher | None = None, published: str | None = None,
                  lang: str | None = None, max_bytes: int = 20_000_000,
                  stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    path = Path(path)
    origin = str(path)
    if not path.is_file():
        yield Rejection(origin, "read", "not-found", f"{origin}: no such file")
        return
    if path.stat().st_size > max_bytes:
        yield Rejection(origin, "read", "too-large", f"{origin}: a URL list over {max_bytes / 1e6:.0f} MB; split it")
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Rejection(origin, "read", "undecodable",
                        f"{origin}: not valid UTF-8 at offset {exc.start}; a URL list must be UTF-8 text, one URL per line")
        return
    own = fetcher is None
    if own:
        fetcher = Fetcher()
    try:
        found = 0
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            url = stripped.split()[0]
            found += 1
            if not is_url(url):
                yield Rejection(f"{origin}:{number}", "read", "bad-url",
                                f"{origin}:{number}: {url!r} is not an http(s) URL; write one http(s)://… URL per line")
                continue
            yield from read_url(url, fetcher=fetcher, published=published, lang=lang, stats=stats)
        if not found:
            yield Rejection(origin, "read", "empty", f"{origin}: no URLs in this file (one http(s) URL per line, # for comments)")
    finally:
        if own:
            fetcher.close()


def read_url(url: str, *, fetcher: Fetcher | None = None, published: str | None = None, lang: str | None = None,
             stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    """One web page -> one RawItem; a feed URL -> its entries."""
    stats = stats if stats is not None else Counter()
    own = fetcher is None
    if own:
        fetcher = Fetcher()
    try:
        result = fetcher.fetch(url, accept="any")
        if isinstance(result, Rejection):
            yield result
            return
        if result.content_type in FEED_TYPES:
            yield from feed_items(result.body, url, fetcher=fetcher, published=published, lang=lang, stats=stats)
            return
        if not result.body.strip():
            yield Rejection(url, "fetch", "empty", f"{url}: the server sent an empty page; check the URL")
            return
        text = result.text()
        day = result.published()
        date_value, date_source = (day, "http") if day else (published, "cli" if published else None)
        stats["pages"] += 1
        yield RawItem(item_id=content_id("html", text), origin=url, content=text, kind="html", url=result.final_url,
                      published=date_value, published_source=date_source, lang=lang)
    finally:
        if own:
            fetcher.close()
