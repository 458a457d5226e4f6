"""RawItem -> Document: main text without page chrome, title, publication date, language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .lang import detect_language, is_supported
from .model import Document, Publication, RawItem, Rejection, content_id
from .resources import load_yaml

SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
CLOCK = re.compile(r"\b(\d{1,2})\s*[h:]\s*(\d{2})\b")
HEADLINE_MAX = 160


@dataclass(frozen=True, slots=True)
class ChromeRules:
    drop: tuple[re.Pattern, ...]
    stamp: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    data = load_yaml("common", "chrome.yaml")
    return ChromeRules(
        drop=tuple(re.compile(p, re.IGNORECASE) for p in data["drop_lines"]),
        stamp=tuple(re.compile(p, re.IGNORECASE) for p in data["stamp_lines"]),
    )


def extract(item: RawItem, min_chars: int = 20) -> Document | Rejection:
    if item.kind == "html":
        parts = extract_html(item)
    elif item.kind == "plain":  # already clean text (gold sentences, API input): no chrome removal
        parts = Extracted(text=item.content.strip())
    else:
        parts = clean_text(item.content)
    if parts is None or len(parts.text.strip()) < min_chars:
        what = "HTML page" if item.kind == "html" else "text"
        return Rejection(item.origin, "extract", "no-text",
                         f"{item.origin}: no article text found in this {what}; is it a news page?")
    lang = item.lang or detect_language(parts.text)
    if not is_supported(lang):
        named = lang or "undetermined"
        return Rejection(item.origin, "language", "unsupported-language",
                         f"{item.origin}: language '{named}' is not supported; eventwire codes French (fr) and English (en), "
                         "pass --lang fr|en if the detection is wrong")
    publication = resolve_publication(parts.stamp, item)
    return Document(
        doc_id=content_id(item.kind, item.content), origin=item.origin, text=parts.text, lang=lang,
        publication=publication, title=parts.title, url=item.url or parts.url,
        dropped_lines=parts.dropped,
    )


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None = None
    url: str | None = None
    stamp: Publication | None = None   # what the page itself says about its date
    dropped: int = 0


# ---------------------------------------------------------------- scraped text

def clean_text(raw: str) -> Extracted:
    """Keep the article's prose lines; drop image stubs, headline runs and follow-us lines."""
    rules = chrome_rules()
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    stamp: Publication | None = None
    kinds: list[str] = []
    for line in lines:
        if not line:
            kinds.append("blank")
        elif any(p.search(line) for p in rules.stamp) and len(line) < 120:
            stamp = stamp or parse_stamp(line)
            kinds.append("chrome")
        elif any(p.search(line) for p in rules.drop):
            kinds.append("chrome")
        elif SENTENCE_END.search(line) and len(line) > 40:
            kinds.append("prose")
        else:
            kinds.append("headline")
    title = find_title(lines, kinds)
    kept = [line for line, kind in zip(lines, isolate_prose(kinds)) if kind == "prose"]
    dropped = sum(1 for k in kinds if k != "blank") - len(kept)
    return Extracted(text="\n".join(kept), title=title, stamp=stamp, dropped=dropped)


def isolate_prose(kinds: list[str]) -> list[str]:
    """A prose line inside a run of headlines (a teaser with a full stop) is chrome too."""
    content = [i for i, k in enumerate(kinds) if k != "blank"]
    result = list(kinds)
    for pos, i in enumerate(content):
        if kinds[i] != "prose":
            continue
        before = kinds[content[pos - 1]] if pos > 0 else None
        after = kinds[content[pos + 1]] if pos + 1 < len(content) else None
        if before == "headline" and after in ("headline", "chrome", None) and not headline_is_title(kinds, content, pos):
            result[i] = "chrome"
    return result


def headline_is_title(kinds: list[str], content: list[int], pos: int) -> bool:
    """The article body may start right after a single title line."""
    previous = [kinds[content[p]] for p in range(pos)]
    return previous.count("headline") <= 1 and "prose" not in previous


def find_title(lines: list[str], kinds: list[str]) -> str | None:
    for line, kind in zip(lines, kinds):
        if kind == "prose":
            return None
        if kind == "headline" and len(line) <= HEADLINE_MAX:
            return line
    return None


def parse_stamp(line: str) -> Publication | None:
    """'Dernière mise à jour à 08h16 le 25/04' -> month-day 04-25, time 08:16, year unknown."""
    clock = CLOCK.search(line)
    time = f"{int(clock.group(1)):02d}:{clock.group(2)}" if clock else None
    iso = ISO_DATE.search(line)
    if iso:
        return Publication(date=iso.group(0), time=time, month_day=f"{iso.group(2)}-{iso.group(3)}",
                           year_known=True, source="page-text", text=line)
    numeric = NUMERIC_DATE.search(CLOCK.sub(" ", line))
    if numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        if 1 <= day <= 31 and 1 <= month <= 12:
            year_value = normalise_year(year)
            return stamp_publication(year_value, month, day, time, line)
    return parse_textual_stamp(line, time)


def normalise_year(year: str | None) -> int | None:
    if not year:
        return None
    value = int(year)
    return value + 2000 if value < 100 else value


def stamp_publication(year: int | None, month: int, day: int, time: str | None, line: str) -> Publication | None:
    try:
        if year is not None:
            return Publication(date=date(year, month, day).isoformat(), time=time, month_day=f"{month:02d}-{day:02d}",
                               year_known=True, source="page-text", text=line)
        date(2000, month, day)  # validates the day exists (leap year allows 29 Feb)
    except ValueError:
        return None
    return Publication(date=None, time=time, month_day=f"{month:02d}-{day:02d}", year_known=False,
                       source="page-text", text=line)


def parse_textual_stamp(line: str, time: str | None) -> Publication | None:
    """'Publié le 12 mars 2024 à 14h05', 'Updated March 3, 2024': our own time grammar first,
    dateparser's search for what it does not cover."""
    from dateparser.search import search_dates

    from .time import find_times

    without_clock = CLOCK.sub(" ", line)
    year = re.search(r"\b(?:19|20)\d{2}\b", without_clock)
    for lang in ("fr", "en"):
        for mention in find_times(without_clock, lang, date(2000, 1, 1), "past"):
            if mention.precision == "day" and mention.date:
                month, day = int(mention.date[5:7]), int(mention.date[8:10])
                return stamp_publication(int(mention.date[:4]) if year else None, month, day, time, line)
    found = search_dates(without_clock, languages=["fr", "en"],
                         settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]})
    if not found:
        return None
    _, when = found[0]
    year = re.search(r"\b(?:19|20)\d{2}\b", without_clock)  # dateparser would silently fill the current year
    return stamp_publication(int(year.group(0)) if year else None, when.month, when.day, time, line)


# ---------------------------------------------------------------- HTML

def extract_html(item: RawItem) -> Extracted | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(item.content, url=item.url, with_metadata=True,
                                             include_comments=False, include_tables=False, date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    stamp = None
    if data.get("date"):
        stamp = Publication(date=data["date"][:10], month_day=data["date"][5:10], year_known=True,
                            source="html-meta", text=data["date"])
    else:
        stamp = byline_stamp(item.content)
    return Extracted(text=text, title=data.get("title"), url=data.get("url"), stamp=stamp)


def byline_stamp(html: str) -> Publication | None:
    """No date in the page's metadata: a 'Publié le …' / 'Updated …' line in the visible text."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    # a byline carries the stamp anywhere in the line: "Par notre correspondant — Publié le …"
    anywhere = [re.compile(p.pattern.lstrip("^"), re.IGNORECASE) for p in chrome_rules().stamp]
    for line in root.text_content().splitlines():
        line = line.strip()
        if line and len(line) < 120 and any(p.search(line) for p in anywhere):
            stamp = parse_stamp(line)
            if stamp:
                return stamp
    return None


# ---------------------------------------------------------------- publication date

def resolve_publication(stamp: Publication | None, item: RawItem) -> Publication:
    """Page metadata is strong; the source's date (CLI, JSONL, HTTP) fills a missing year.

    A page stamp without a year is completed from the source date only when month and day
    agree with it (or are close enough to be the same edition); otherwise the year is unknown.
    """
    source_date = parse_iso(item.published)
    source_name = item.published_source or "none"
    if stamp and stamp.year_known:
        return stamp
    if stamp and stamp.month_day:
        if source_date:
            year = year_for_month_day(stamp.month_day, source_date)
            full = f"{year:04d}-{stamp.month_day}"
            return Publication(date=full, time=stamp.time, month_day=stamp.month_day, year_known=True,
                               source=f"page-text+{source_name}", text=stamp.text)
        return stamp
    if source_date:
        return Publication(date=source_date.isoformat(), month_day=source_date.isoformat()[5:], year_known=True,
                           source=source_name, text=item.published)
    return Publication(date=None, year_known=False, source="none")


def year_for_month_day(month_day: str, reference: date) -> int:
    """The year that puts MM-DD closest to the reference date (a stamp of 30/12 read on 2 Jan)."""
    month, day = (int(x) for x in month_day.split("-"))
    best = reference.year
    best_gap = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs((date(year, month, day) - reference).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
