"""Read user inputs into RawItems; every unreadable input becomes a Rejection, never a crash.

Files (.txt/.html/.jsonl) are read here; feeds (.rss/.atom/.xml), WARC crawls (.warc, .warc.gz),
URL lists (.urls) and http(s):// arguments are dispatched to feeds.py, warc.py and urls.py.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import RawItem, Rejection, content_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_LIST_SUFFIXES = {".urls"}
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES


def is_web_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def source_type(name: str) -> str:
    """"url" | "warc" | "feed" | "urls" | "file" (the .txt/.html/.jsonl readers below)."""
    lowered = name.lower()
    if is_web_url(name):
        return "url"
    if lowered.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = Path(lowered).suffix
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in URL_LIST_SUFFIXES:
        return "urls"
    return "file"


def is_supported_name(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED or path.name.lower().endswith(WARC_SUFFIXES)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean this is not a text document."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Decode strictly: UTF-8 (with or without BOM) unless the user names an encoding."""
    if looks_binary(data):
        raise InputError(f"{origin}: looks like a binary file, not text or HTML; give a .txt, .html or .jsonl document")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{origin}: cannot decode as {encoding} ({exc.__class__.__name__}); check --encoding") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "if it is Latin-1/Windows-1252 re-run with --encoding cp1252, or convert it with iconv"
        ) from None


def kind_for(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text[:1000].lstrip().lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def expand_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Files as given; directories recursively, keeping only supported suffixes, in a stable order."""
    for name in inputs:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if is_supported_name(child) and not child.name.lower().startswith("readme"):
                    yield str(child)
        else:
            yield name


def read_inputs(inputs: Iterable[str], *, published: str | None = None, lang: str | None = None,
                encoding: str | None = None, max_bytes: int = 20_000_000,
                stdin: object = None, allow_private: bool = False, fetcher=None,
                stats: Counter | None = None) -> Iterator[RawItem | Rejection]:
    """All inputs as RawItems or Rejections. A Fetcher is made (and closed) only if a feed, URL list
    or URL needs one; `allow_private` lets it fetch from private/loopback addresses. `stats` counts
    what sources skipped without rejecting (non-HTML WARC records, unchanged feeds)."""
    stats = stats if stats is not None else Counter()
    own: list = []

    def web():
        if fetcher is not None:
            return fetcher
        if not own:
            from .fetch import Fetcher
            own.append(Fetcher(allow_private=allow_private, max_bytes=min(max_bytes, 10_000_000)))
        return own[0]

    try:
        for name in expand_paths(inputs):
            kind = "file" if name == "-" else source_type(name)
            if name == "-":
                yield from read_stdin(stdin or sys.stdin.buffer, published=published, lang=lang,
                                      encoding=encoding, max_bytes=max_bytes)
            elif kind == "file":
                yield from read_file(Path(name), published=published, lang=lang, encoding=encoding,
                                     max_bytes=max_bytes)
            elif kind == "warc":
                from .warc import read_warc
                yield from read_warc(name, published=published, lang=lang, max_record_bytes=min(max_bytes, 10_000_000),
                                     stats=stats)
            elif kind == "feed":
                from .feeds import read_feed
                yield from read_feed(name, fetcher=web(), published=published, lang=lang, max_bytes=max_bytes,
                                     stats=stats)
            elif kind == "urls":
                from .urls import read_url_list
                yield from read_url_list(name, fetcher=web(), published=published, lang=lang, max_bytes=max_bytes,
                                         stats=stats)
            else:
                from .urls import read_url
                yield from read_url(name, fetcher=web(), published=published, lang=lang, stats=stats)
    finally:
        for made in own:
            made.close()


def read_stdin(stream, *, published, lang, encoding, max_bytes) -> Iterator[RawItem | Rejection]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection("stdin", "read", "too-large",
                        f"stdin: more than {max_bytes // 1_000_000} MB; split the input or raise max_input_bytes")
        return
    yield from items_from_bytes(data, "stdin", Path("stdin.txt"), published, lang, encoding)


def read_file(path: Path, *, published, lang, encoding, max_bytes) -> Iterator[RawItem | Rejection]:
    origin = str(path)
    if not path.exists():
        yield Rejection(origin, "read", "not-found", f"{origin}: no such file or directory")
        return
    if path.suffix.lower() not in SUPPORTED and path.suffix:
        yield Rejection(origin, "read", "unsupported-format",
                        f"{origin}: unsupported file type '{path.suffix}'; use .txt, .html/.htm, .jsonl, "
                        ".rss/.atom/.xml feeds, .warc/.warc.gz crawls, .urls lists or an http(s):// URL")
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield Rejection(origin, "read", "too-large",
                        f"{origin}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
                        "split it or raise max_input_bytes in a settings file")
        return
    yield from items_from_bytes(path.read_bytes(), origin, path, published, lang, encoding)


def items_from_bytes(data: bytes, origin: str, path: Path, published, lang, encoding) -> Iterator[RawItem | Rejection]:
    if not data.strip():
        yield Rejection(origin, "read", "empty", f"{origin}: the file is empty")
        return
    try:
        text = decode_bytes(data, origin, encoding)
    except InputError as exc:
        yield Rejection(origin, "read", "undecodable", str(exc))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_lines(text.splitlines(), origin, published=published, lang=lang)
        return
    kind = kind_for(path, text)
    yield RawItem(item_id=content_id(kind, text), origin=origin, content=text, kind=kind,
                  published=published, published_source="cli" if published else None, lang=lang)


def read_jsonl_lines(lines: Iterable[str], origin: str, *, published: str | None = None,
                     lang: str | None = None) -> Iterator[RawItem | Rejection]:
    """One document per line: {"id", "text" | "html", "url"?, "published"?, "lang"?}."""
    for number, line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, "read", "bad-json", f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        problem = jsonl_problem(record)
        if problem:
            yield Rejection(where, "read", "bad-record", f"{where}: {problem}")
            continue
        kind = "html" if record.get("html") else "text"
        content = record.get("html") or record.get("text")
        doc_published = record.get("published") or published
        yield RawItem(
            item_id=content_id(kind, content), origin=f"{where}#{record.get('id', '')}", content=content,
            kind=kind, url=record.get("url"), published=doc_published,
            published_source=("jsonl" if record.get("published") else ("cli" if published else None)),
            lang=record.get("lang") or lang,
        )


def jsonl_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "each line must be a JSON object with \"text\" or \"html\""
    content = record.get("html") or record.get("text")
    if not isinstance(content, str) or not content.strip():
        return "missing \"text\" or \"html\" (a non-empty string)"
    for key in ("url", "published", "lang", "id"):
        if key in record and record[key] is not None and not isinstance(record[key], (str, int)):
            return f"\"{key}\" must be a string"
    return None
