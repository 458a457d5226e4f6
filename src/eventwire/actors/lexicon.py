"""The actor knowledge base: countries, metonyms, roles, IGOs, groups and office holders.

Phrases are matched on token boundaries with a key that ignores case, accents, spaces,
hyphens and apostrophes, so "Etats-Unis", "États Unis" and spaCy's various splits of
"Côte d'Ivoire" all meet the same entry. Short all-capital acronyms ("US", "UN") are matched
case-sensitively so that the pronoun "us" is never the United States.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..resources import ROOT, read_tsv
from ..text import strip_accents

SEPARATORS = re.compile(r"[\s\-'’.‐–]+")


def norm_key(text: str) -> str:
    return SEPARATORS.sub("", strip_accents(text).casefold())


def exact_key(text: str) -> str:
    return SEPARATORS.sub("", text)


def is_acronym(phrase: str) -> bool:
    bare = exact_key(phrase)
    return bare.isupper() and len(bare) <= 5


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str                   # name | adj | demonym | metonym | geo | role | igo | group | person
    code: str                   # country, role or full actor code
    name: str                   # canonical name for output
    phrase: str                 # the phrase as written in the data file
    country: str | None = None
    role: str | None = None
    start: date | None = None   # people: office dates
    end: date | None = None
    exact: str | None = None    # case-sensitive key for acronyms


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    lang: str
    phrases: dict[str, tuple[Entry, ...]]
    max_tokens: int
    adjectives: frozenset[str]          # keys of country adjectives (skippable inside role phrases)
    country_names: dict[str, str]       # code -> display name
    prefixes: frozenset[str] = frozenset()   # every prefix of every phrase key: stops span growth early

    def lookup(self, key: str, surface: str) -> tuple[Entry, ...]:
        found = self.phrases.get(key, ())
        return tuple(e for e in found if e.exact is None or e.exact == exact_key(surface))


def parse_day(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        try:
            return date.fromisoformat(value[:7] + "-01")
        except ValueError:
            return None


def split_code(code: str) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, None) because IGOs have no country."""
    if code.startswith(("IGO", "NGO")) or len(code) < 3:
        return None, None
    country = code[:3] if code[:3] != "---" else None
    role = code[3:6] or None
    return country, role


def country_entries(lang: str, names: dict[str, str]) -> list[Entry]:
    entries = []
    for row in read_tsv(lang, "countries.tsv", optional=True):
        phrase, code, kind = row.get("phrase", ""), row.get("code", ""), row.get("kind", "")
        if not phrase or not code or kind not in ("name", "adj", "demonym", "metonym", "geo"):
            continue
        if kind == "geo":
            # "South China Sea", "golfe de Guinée": a place whose name holds a country's, never an actor
            entries.append(Entry(kind="geo", code="", name=phrase, phrase=phrase))
            continue
        country, role = (code[:3], code[3:6] or None)
        display = names.get(country, phrase) if kind != "metonym" else phrase
        entries.append(Entry(kind=kind, code=code, name=display, phrase=phrase, country=country, role=role))
    return entries


def role_entries(lang: str) -> list[Entry]:
    entries = []
    for row in read_tsv(lang, "roles.tsv", optional=True):
        phrase, role = row.get("phrase", ""), row.get("role", "")
        if not phrase or not role:
            continue
        country = row.get("country") or None
        entries.append(Entry(kind="role", code=role, name=phrase, phrase=phrase, country=country, role=role[:3]))
    return entries


def org_entries(lang: str, filename: str, kind: str) -> list[Entry]:
    entries = []
    names: dict[str, str] = {}
    rows = [r for r in read_tsv("common", filename, optional=True) if r.get("lang") in (lang, "*")]
    for row in rows:  # the longest phrase is the display name
        code = row.get("code", "")
        if code and len(row.get("phrase", "")) > len(names.get(code, "")):
            names[code] = row["phrase"]
    for row in rows:
        phrase, code = row.get("phrase", ""), row.get("code", "")
        if not phrase or not code:
            continue
        country, role = split_code(code)
        entries.append(Entry(kind=kind, code=code, name=names.get(code, phrase), phrase=phrase,
                             country=country, role=role))
    return entries


def people_entries() -> list[Entry]:
    entries = []
    for row in read_tsv("common", "people.tsv", optional=True):
        name, code = row.get("name", ""), row.get("code", "")
        if not name or not code:
            continue
        country, role = split_code(code)
        start, end = parse_day(row.get("start", "")), parse_day(row.get("end", ""))
        aliases = [name] + [a for a in row.get("aliases", "").split("|") if a.strip()]
        for alias in dict.fromkeys(a.strip() for a in aliases):
            entries.append(Entry(kind="person", code=code, name=name, phrase=alias, country=country,
                                 role=role, start=start, end=end))
    return entries


def user_entries(paths: tuple[str, ...]) -> list[Entry]:
    """User dictionaries (YAML/CSV/TSV or PETRARCH .actors/.agents), applied after the packaged data."""
    from .dictionaries import load_dictionary

    return [entry for path in paths for entry in load_dictionary(path)]


def country_display_names(lang: str) -> dict[str, str]:
    column = "name_fr" if lang == "fr" else "name_en"
    return {row["code"]: row.get(column) or row.get("name_en", row["code"])
            for row in read_tsv("common", "countries.tsv", optional=True) if row.get("code")}


def remembered_entries(remembered: tuple[tuple[str, str], ...]) -> list[Entry]:
    """People met in earlier documents (name, code), as the store remembers them."""
    entries = []
    for name, code in remembered:
        country, role = split_code(code)
        entries.append(Entry(kind="person", code=code, name=name, phrase=name, country=country, role=role))
    return entries


@lru_cache(maxsize=8)
def load_lexicon(lang: str, user_files: tuple[str, ...] = (), remembered: tuple[tuple[str, str], ...] = ()) -> ActorLexicon:
    names = country_display_names(lang)
    known = {norm_key(e.phrase) for e in people_entries()}
    # the knowledge base's dated offices win over what a document once said about a person
    user = [e for e in remembered_entries(remembered) if norm_key(e.phrase) not in known] + user_entries(user_files)
    entries = (country_entries(lang, names) + role_entries(lang) + org_entries(lang, "igos.tsv", "igo")
               + org_entries(lang, "groups.tsv", "group") + people_entries())
    overridden = {norm_key(e.phrase) for e in user}  # a user entry replaces the packaged ones for its phrase
    entries = [e for e in entries if norm_key(e.phrase) not in overridden] + user
    phrases: dict[str, list[Entry]] = defaultdict(list)
    max_tokens = 1
    adjectives = set()
    for entry in entries:
        key = norm_key(entry.phrase)
        if not key:
            continue
        if is_acronym(entry.phrase):
            entry = Entry(**{**{f: getattr(entry, f) for f in Entry.__slots__}, "exact": exact_key(entry.phrase)})
        phrases[key].append(entry)
        max_tokens = max(max_tokens, len(re.findall(r"\w+", entry.phrase)) + 2)
        if entry.kind == "adj":
            adjectives.add(key)
    prefixes = frozenset(key[:n] for key in phrases for n in range(1, len(key) + 1))
    return ActorLexicon(lang=lang, phrases={k: tuple(v) for k, v in phrases.items()}, max_tokens=max_tokens,
                        adjectives=frozenset(adjectives), country_names=names, prefixes=prefixes)


def resource_root() -> Path:
    return ROOT
