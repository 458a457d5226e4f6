"""Time expressions in French and English, resolved against a base date and the verb tense.

The words and the templates live in ``resources/{fr,en}/time.yaml``; this module compiles the
templates into regular expressions once per language and resolves each match with a small
rule layer:

- a bare weekday follows the tense: past -> the most recent such day strictly before the base
  date; present -> the base date when it is that day, else the coming one; future -> the next
  such day strictly after the base date;
- a day or month without a year takes the base year, moved back a year in a past-tense
  sentence when it would fall after the base date and forward a year in a future-tense one
  when it would fall before it;
- without a base date, relative expressions and yearless dates are returned with
  ``date=None`` and ``method="unresolved"``; nothing is guessed.

Precision is "day", "month" or "year"; week expressions ("la semaine dernière", "next week")
have precision "week" and the date of that week's Monday.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .errors import ResourceError
from .resources import load_yaml

LANGS = ("fr", "en")
TENSES = ("past", "present", "future")
KINDS = ("relative_day", "weekday", "period", "offset", "date", "month", "part_of_month",
         "part_of_year", "year", "range", "numeric", "iso")


@dataclass(frozen=True, slots=True)
class TimeMention:
    text: str                 # the expression as written
    span: tuple[int, int]     # char offsets in the input text
    date: str | None          # "2018-04-23" | "2018-06" | "2018"; None when it cannot be resolved
    precision: str | None     # "day" | "week" | "month" | "year" | None
    method: str               # how it was resolved ("weekday", "relative-day", … "unresolved")
    end: str | None = None    # end of a range ("du 26 au 28 juillet")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    kind: str
    params: tuple[tuple[str, Any], ...]   # offset / shift / unit / sign / part / tense

    def param(self, name: str, default: Any = None) -> Any:
        return next((value for key, value in self.params if key == name), default)


@dataclass(frozen=True, slots=True)
class _Grammar:
    lang: str
    rules: tuple[_Rule, ...]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    day_words: Mapping[str, int]
    units: Mapping[str, str]
    numeric_order: str
    months_case_sensitive: bool
    restricted_months: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Value:
    """A resolved value before formatting."""
    date: dt.date
    precision: str
    method: str
    end: dt.date | None = None


# --------------------------------------------------------------------------- public API


def find_times(text: str, lang: str, base: dt.date | None,
               tense: str = "past") -> tuple[TimeMention, ...]:
    """Every time expression in ``text``, left to right, overlaps resolved longest-first."""
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
    grammar = _grammar(lang)
    found = [mention for rule in grammar.rules for mention in _matches(rule, grammar, text, base, tense)]
    return tuple(sorted(_longest_first(found), key=lambda m: m.span))


# --------------------------------------------------------------------------- matching


def _matches(rule: _Rule, grammar: _Grammar, text: str, base: dt.date | None,
             tense: str) -> Iterator[TimeMention]:
    for match in rule.pattern.finditer(text):
        if not _month_words_ok(match, grammar):
            continue
        mention = _resolve(rule, grammar, match, base, rule.param("tense", tense))
        if mention is not None:
            yield mention


def _longest_first(mentions: list[TimeMention]) -> list[TimeMention]:
    kept: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for mention in sorted(mentions, key=lambda m: (m.span[0] - m.span[1], m.span[0])):
        start, end = mention.span
        if all(end <= s or start >= e for s, e in taken):
            kept.append(mention)
            taken.append(mention.span)
    return kept


def _month_words_ok(match: re.Match[str], grammar: _Grammar) -> bool:
    """English month names must be capitalised; "May" alone only after "in", "early"…"""
    groups = match.groupdict()
    for name in ("month", "month2"):
        word = groups.get(name)
        if not word:
            continue
        if grammar.months_case_sensitive and not word[0].isupper():
            return False
        allowed = grammar.restricted_months.get(word.lower())
        if allowed is not None and not (groups.get("day") or groups.get("year")):
            first = re.split(r"[\s\-‐‑–—]+", match.group(0).lower(), maxsplit=1)[0]
            if first not in allowed:
                return False
    return True


def _resolve(rule: _Rule, grammar: _Grammar, match: re.Match[str], base: dt.date | None,
             tense: str) -> TimeMention | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        value = _RESOLVERS[rule.kind](rule, grammar, groups, base, tense)
    except _NoMatch:
        return None
    text, span = match.group(0), match.span()
    if value is None:
        return TimeMention(text, span, None, None, "unresolved")
    return TimeMention(text, span, _format(value.date, value.precision), value.precision,
                       value.method, _format(value.end, value.precision) if value.end else None)


class _NoMatch(Exception):
    """The text looked like a date but is not one (31 February, 13/25)."""


# --------------------------------------------------------------------------- resolvers
# Each resolver returns a _Value, None when the base date is needed but missing, or raises
# _NoMatch when the matched text is not a valid date.


def _relative_day(rule, grammar, groups, base, tense):
    if base is None:
        return None
    return _Value(base + dt.timedelta(days=rule.param("offset", 0)), "day", "relative-day")


def _weekday(rule, grammar, groups, base, tense):
    if base is None:
        return None
    weekday = grammar.weekdays[groups["weekday"].lower()]
    return _Value(_weekday_date(base, weekday, rule.param("shift", 0), tense), "day", "weekday")


def _period(rule, grammar, groups, base, tense):
    if base is None:
        return None
    unit, shift = rule.param("unit"), rule.param("shift", 0)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        return _Value(monday, "week", "relative-week")
    if unit == "month":
        year, month = _add_months(base.year, base.month, shift)
        return _Value(dt.date(year, month, 1), "month", "relative-month")
    return _Value(dt.date(base.year + shift, 1, 1), "year", "relative-year")


def _offset(rule, grammar, groups, base, tense):
    if base is None:
        return None
    raw = groups["num"].lower()
    count = int(raw) if raw.isdigit() else grammar.numbers[_squash(raw)]
    unit = grammar.units[_squash(groups["unit"].lower())]
    sign = rule.param("sign", -1)
    method = "ago" if sign < 0 else "later"
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return _Value(base + dt.timedelta(days=sign * days), "day", method)
    if unit == "month":
        year, month = _add_months(base.year, base.month, sign * count)
        return _Value(dt.date(year, month, 1), "month", method)
    return _Value(dt.date(base.year + sign * count, 1, 1), "year", method)


def _date(rule, grammar, groups, base, tense):
    month = _month(grammar, groups["month"])
    day = _day(grammar, groups["day"])
    year = _year_of(groups, month, day, base, tense, rule.param("shift", 0))
    if year is None:
        _check_day(2000, month, day)      # a leap year: 29 February is possible
        return None
    return _Value(_check_day(year, month, day), "day", "absolute")


def _numeric(rule, grammar, groups, base, tense):
    if "y" not in groups and len(groups["a"]) < 2 and len(groups["b"]) < 2:
        raise _NoMatch                     # "1/2", "3/4": fractions, not dates
    first, second = int(groups["a"]), int(groups["b"])
    order = grammar.numeric_order
    if order == "mdy" and first > 12:
        order = "dmy"
    day, month = (first, second) if order == "dmy" else (second, first)
    if not 1 <= month <= 12:
        raise _NoMatch
    explicit = groups.get("y")
    if explicit is not None:
        year = int(explicit) + (2000 if len(explicit) == 2 else 0)
    else:
        year = _year_of({}, month, day, base, tense, 0)
    if year is None:
        _check_day(2000, month, day)
        return None
    return _Value(_check_day(year, month, day), "day", "absolute")


def _iso(rule, grammar, groups, base, tense):
    return _Value(_check_day(int(groups["y"]), int(groups["b"]), int(groups["a"])), "day", "absolute")


def _month_rule(rule, grammar, groups, base, tense, method="month"):
    month = _month(grammar, groups["month"])
    year = _year_of(groups, month, None, base, tense, rule.param("shift", 0))
    if year is None:
        return None
    return _Value(dt.date(year, month, 1), "month", method)


def _part_of_month(rule, grammar, groups, base, tense):
    return _month_rule(rule, grammar, groups, base, tense, method="part-of-month")


def _year(rule, grammar, groups, base, tense):
    return _Value(dt.date(int(groups["year"]), 1, 1), "year", "year")


def _part_of_year(rule, grammar, groups, base, tense):
    return _Value(dt.date(int(groups["year"]), 1, 1), "year", "part-of-year")


def _range(rule, grammar, groups, base, tense):
    month = _month(grammar, groups["month"])
    month2 = _month(grammar, groups["month2"]) if "month2" in groups else month
    day, day2 = _day(grammar, groups["day"]), _day(grammar, groups["day2"])
    if (month2, day2) == (month, day):
        raise _NoMatch
    year = _year_of(groups, month, day, base, tense, 0)
    if year is None:
        _check_day(2000, month, day)
        _check_day(2000, month2, day2)
        return None
    if "month2" not in groups and day2 < day:
        raise _NoMatch                     # "28-26 juillet" is not a range
    year2 = year + 1 if (month2, day2) < (month, day) else year
    start, end = _check_day(year, month, day), _check_day(year2, month2, day2)
    return _Value(start, "day", "range", end)


_RESOLVERS = {
    "relative_day": _relative_day, "weekday": _weekday, "period": _period, "offset": _offset,
    "date": _date, "numeric": _numeric, "iso": _iso, "month": _month_rule,
    "part_of_month": _part_of_month, "year": _year, "part_of_year": _part_of_year,
    "range": _range,
}


# --------------------------------------------------------------------------- date arithmetic


def _weekday_date(base: dt.date, weekday: int, shift: int, tense: str) -> dt.date:
    """The date of ``weekday`` (0 = Monday) seen from ``base``."""
    since = (base.weekday() - weekday) % 7      # days back to the latest such day (0: base)
    until = (weekday - base.weekday()) % 7      # days ahead to the next such day (0: base)
    if shift == 0 and tense == "past":
        # a dispatch of Monday saying "a déclaré lundi" means that same Monday
        return base - dt.timedelta(days=since)
    if shift < 0:
        return base - dt.timedelta(days=since or 7)
    if shift > 0 or (shift == 0 and tense == "future"):
        return base + dt.timedelta(days=until or 7)
    return base + dt.timedelta(days=until)       # present: today, else the coming one


def _year_of(groups: Mapping[str, str], month: int, day: int | None, base: dt.date | None,
             tense: str, shift: int) -> int | None:
    """The explicit year, or the base year moved by the tense (or by dernier/prochain)."""
    if "year" in groups:
        return int(groups["year"])
    if base is None:
        return None
    here = (month, day if day is not None else 0)
    now = (base.month, base.day if day is not None else 0)
    if shift < 0:
        return base.year if here < now else base.year - 1
    if shift > 0:
        return base.year if here > now else base.year + 1
    if tense == "past" and here > now:
        return base.year - 1
    if tense == "future" and here < now:
        return base.year + 1
    return base.year


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _check_day(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise _NoMatch
    return dt.date(year, month, day)


def _format(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def _month(grammar: _Grammar, word: str) -> int:
    return grammar.months[word.lower()]


def _day(grammar: _Grammar, word: str) -> int:
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else grammar.day_words[word.lower()]


def _squash(word: str) -> str:
    """Hyphens, dashes and spaces in a matched word as the vocabulary writes them."""
    return re.sub(r"\s*[\-‐‑–—]\s*|\s+", "-", word.strip())


# --------------------------------------------------------------------------- grammar loading

_HYPHEN = r"(?:\s*[\-‐‑–—]\s*|\s+)"
_DASH = r"\s*[\-‐‑–—]\s*"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_PLACEHOLDER = re.compile(r"\{(\w+)(\?)?\}")


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in LANGS:
        raise ValueError(f"no time grammar for language {lang!r}; choose one of {', '.join(LANGS)}")
    data = load_yaml(lang, "time.yaml")
    try:
        return _build_grammar(lang, data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ResourceError(f"resources/{lang}/time.yaml is malformed ({exc!r}); "
                            "see the syntax notes at the top of the file") from None


def _build_grammar(lang: str, data: Mapping[str, Any]) -> _Grammar:
    def lower(table) -> Mapping[str, Any]:
        return MappingProxyType({str(k).lower(): v for k, v in (table or {}).items()})

    months, weekdays = lower(data["months"]), lower(data["weekdays"])
    numbers, day_words = lower(data["numbers"]), lower(data.get("day_words"))
    units = lower(data["units"])
    suffixes = _alternation(data.get("ordinal_suffixes") or ())
    day = rf"{_DAY}(?:{suffixes})?(?!\d)" if suffixes else rf"{_DAY}(?!\d)"
    if day_words:
        day = rf"(?:{day}|{_alternation(day_words)})"
    fillers = {
        "weekday": _alternation(weekdays), "month": _alternation(months), "day": day,
        "year": _YEAR, "num": rf"(?:\d{{1,3}}|{_alternation(numbers)})",
        "unit": _alternation(units), "daypart": _alternation(data.get("dayparts") or ()),
    }
    rules = [_compile_rule(entry, fillers) for entry in data["patterns"]]
    rules.extend(_numeric_rules())
    order = data.get("numeric_order", "dmy")
    if order not in ("dmy", "mdy"):
        raise ValueError(f"numeric_order must be dmy or mdy, not {order!r}")
    restricted = {str(k).lower(): tuple(str(w).lower() for w in v)
                  for k, v in (data.get("restricted_months") or {}).items()}
    return _Grammar(lang, tuple(rules), months, weekdays, numbers, day_words,
                    MappingProxyType({k: str(v) for k, v in units.items()}), order,
                    bool(data.get("months_case_sensitive")), MappingProxyType(restricted))


def _compile_rule(entry: Mapping[str, Any], fillers: Mapping[str, str]) -> _Rule:
    kind = entry["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} in pattern {entry['pattern']!r}")
    body = _template_regex(str(entry["pattern"]), fillers)
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    params = tuple((k, v) for k, v in entry.items() if k not in ("pattern", "kind"))
    return _Rule(pattern, kind, params)


def _template_regex(template: str, fillers: Mapping[str, str]) -> str:
    tokens = template.split()
    parts: list[str] = []
    leading_optional = False
    for index, token in enumerate(tokens):
        optional = _PLACEHOLDER.fullmatch(token)
        if optional and optional.group(2):
            group = _group(optional.group(1), fillers)
            leading_optional = index == 0
            parts.append(rf"(?:{group},?\s+)?" if leading_optional else rf"(?:,?\s+{group})?")
            continue
        if index > 0 and not (index == 1 and leading_optional):
            parts.append(r"\s+")
        parts.append(_token_regex(token, fillers))
    return "".join(parts)


def _token_regex(token: str, fillers: Mapping[str, str]) -> str:
    out: list[str] = []
    position = 0
    for found in _PLACEHOLDER.finditer(token):
        out.append(_literal(token[position:found.start()]))
        out.append(_group(found.group(1), fillers))
        position = found.end()
    out.append(_literal(token[position:]))
    return "".join(out)


def _group(name: str, fillers: Mapping[str, str]) -> str:
    base = name.rstrip("2")
    if base not in fillers:
        raise ValueError(f"unknown placeholder {{{name}}}; valid: {', '.join(sorted(fillers))}")
    return rf"(?P<{name}>{fillers[base]})"


def _literal(text: str) -> str:
    out = []
    for char in text:
        if char == "-":
            out.append(_HYPHEN)
        elif char == "~":
            out.append(_DASH)
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alternation(words) -> str:
    """Words as a regex alternation, longest first; spaces and hyphens as in templates."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(" ".join(_literal(t) for t in w.split()).replace(" ", r"\s+") for w in ordered)


def _numeric_rules() -> list[_Rule]:
    numeric = re.compile(r"(?<![\w/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\w/%]|[.,]\d)")
    dotted = re.compile(r"(?<![\w/.,])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\w/%]|[.,]\d)")
    iso = re.compile(r"(?<![\w/.,-])(?P<y>(?:1[89]|20)\d\d)-(?P<b>[01]\d)-(?P<a>[0-3]\d)(?![\w/%-])")
    return [_Rule(numeric, "numeric", ()), _Rule(dotted, "numeric", ()), _Rule(iso, "iso", ())]
