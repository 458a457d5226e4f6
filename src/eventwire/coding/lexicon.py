"""The event lexicon: verb and nominal-predicate patterns per language (resources/{lang}/*.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ResourceError
from ..resources import ROOT, load_yaml
from .tables import is_known

ALLOWED_KEYS = {"lemma", "code", "source", "target", "reciprocal", "obj", "prep", "particle", "reflexive",
                "light_verbs", "note", "not_obj"}


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: str
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    reciprocal: bool = False
    obj: tuple[str, ...] = ()          # the direct object's lemma must be one of these
    not_obj: tuple[str, ...] = ()      # ... and none of these
    prep: tuple[str, ...] = ()         # an oblique with one of these prepositions must exist
    particle: tuple[str, ...] = ()     # English phrasal-verb particle
    reflexive: bool | None = None      # French "se"
    light_verbs: tuple[str, ...] = ()  # nouns: verbs whose subject acts ("effectuer une visite")
    rule: str = ""                     # where the pattern came from: "fr/verbs/rencontrer#2"


@dataclass(frozen=True, slots=True)
class EventLexicon:
    lang: str
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    light_verbs: frozenset[str]


def as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).lower() for v in value)
    return (str(value).lower(),)


def parse_patterns(lang: str, name: str) -> dict[str, tuple[Pattern, ...]]:
    if not (ROOT / lang / name).exists():
        return {}
    entries = load_yaml(lang, name) or []
    if not isinstance(entries, list):
        raise ResourceError(f"resources/{lang}/{name} must be a list of entries (see docs/data-formats.md)")
    grouped: dict[str, list[Pattern]] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"resources/{lang}/{name} entry {number}"
        if not isinstance(entry, dict) or "lemma" not in entry or "code" not in entry:
            raise ResourceError(f"{where}: each entry needs at least 'lemma' and 'code'")
        unknown = set(entry) - ALLOWED_KEYS
        if unknown:
            raise ResourceError(f"{where}: unknown key(s) {sorted(unknown)}; valid keys: {sorted(ALLOWED_KEYS)}")
        code = str(entry["code"]).zfill(2) if len(str(entry["code"])) < 2 else str(entry["code"])
        if not is_known(code):
            raise ResourceError(f"{where}: '{code}' is not a CAMEO 1.1b3 code (see resources/common/cameo.tsv)")
        lemma = str(entry["lemma"]).lower()
        kind = name.split(".")[0]
        pattern = Pattern(
            lemma=lemma, code=code,
            source=as_tuple(entry.get("source")) or ("subj",),
            target=as_tuple(entry.get("target")) or ("obj",),
            reciprocal=bool(entry.get("reciprocal", False)),
            obj=as_tuple(entry.get("obj")), not_obj=as_tuple(entry.get("not_obj")),
            prep=as_tuple(entry.get("prep")), particle=as_tuple(entry.get("particle")),
            reflexive=entry.get("reflexive"), light_verbs=as_tuple(entry.get("light_verbs")),
            rule=f"{lang}/{kind}/{lemma}#{len(grouped.get(lemma, [])) + 1}",
        )
        grouped.setdefault(lemma, []).append(pattern)
    return {k: tuple(v) for k, v in grouped.items()}


@lru_cache(maxsize=4)
def load_event_lexicon(lang: str) -> EventLexicon:
    verbs = parse_patterns(lang, "verbs.yaml")
    nouns = parse_patterns(lang, "nouns.yaml")
    light = frozenset(v for patterns in nouns.values() for p in patterns for v in p.light_verbs)
    return EventLexicon(lang=lang, verbs=verbs, nouns=nouns, light_verbs=light)
