"""Typed, immutable records that flow one way through the pipeline.

source -> RawItem -> Document -> ParsedSentence -> ActorMention -> Event
Every record is picklable (plain fields, tuples) so it can cross a process boundary.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_id(*parts: str, size: int = 16) -> str:
    """A stable id from content: re-reading the same input gives the same id."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:size]


@dataclass(frozen=True, slots=True)
class RawItem:
    """One input document as read from its source, before extraction."""

    item_id: str
    origin: str                 # path, "path:line" for JSONL, or "stdin"
    content: str                # decoded text or HTML
    kind: str                   # "text" | "html"
    url: str | None = None
    published: str | None = None          # ISO date given by metadata (CLI, JSONL, HTTP, WARC)
    published_source: str | None = None   # where `published` came from
    lang: str | None = None               # language declared by the source, if any


@dataclass(frozen=True, slots=True)
class Publication:
    """When a document was published, and how we know."""

    date: str | None            # YYYY-MM-DD when the year is known
    time: str | None = None     # HH:MM when the page says it
    month_day: str | None = None  # MM-DD seen on the page even when the year is unknown
    year_known: bool = False
    source: str = "none"        # "page-text" | "html-meta" | "html-guess" | "cli" | "jsonl" | "none"
    text: str | None = None     # the words the date was read from


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    origin: str
    text: str                   # main text only: page chrome removed
    lang: str
    publication: Publication
    title: str | None = None
    url: str | None = None
    dropped_lines: int = 0      # chrome lines removed by the cleaner


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document dropped by a stage, kept and counted rather than silently lost."""

    origin: str
    stage: str                  # "read" | "extract" | "language" | ...
    reason: str                 # short machine-readable reason
    detail: str                 # one human line saying what to do


@dataclass(frozen=True, slots=True)
class Token:
    """A token in eventwire's own dependency view (UD-like for both languages)."""

    i: int                      # index in the sentence
    text: str
    lemma: str
    pos: str
    dep: str                    # normalised label: nsubj, nsubj:pass, obj, iobj, obl, obl:agent, nmod, ...
    head: int                   # index in the sentence; the root points to itself
    idx: int                    # char offset in the sentence text
    case: str | None = None     # preposition introducing this nominal ("avec", "with", "de")
    ent: str = ""               # named-entity label from the model (PER, LOC, GPE, ORG, ...)
    morph: tuple[tuple[str, str], ...] = ()

    def feat(self, name: str) -> str | None:
        for key, value in self.morph:
            if key == name:
                return value
        return None

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    def tag_free_infinitive(self) -> bool:
        """English infinitives carry no VerbForm in the small model: a base-form verb after 'to'."""
        return self.pos == "VERB" and self.feat("VerbForm") in (None, "Inf") and self.lemma == self.text.lower()


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    index: int                  # sentence number in the document
    text: str
    start: int                  # char offset in the document text
    tokens: tuple[Token, ...]
    lang: str

    def children(self, i: int) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.head == i and t.i != i)


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO-style code plus the words it came from."""

    code: str                   # "RUSGOV", "CHN", "IGOSCO"
    country: str | None         # "RUS"; None for IGOs and unknown
    role: str | None            # "GOV"
    name: str | None            # "Sergueï Lavrov", "Russie"
    text: str                   # the mention as written in the sentence
    span: tuple[int, int]       # char offsets in the sentence text
    how: str = "lexicon"        # lexicon | person | pronoun | title | pair | context | possessive | place | implied

    def to_json(self) -> dict:
        return {"code": self.code, "country": self.country, "role": self.role, "name": self.name,
                "text": self.text, "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None         # ISO3
    fips: str | None = None
    adm1: str | None = None
    kind: str | None = None     # city | admin1 | country
    text: str | None = None     # the phrase in the sentence ("au Grand Palais du Peuple à Beijing")
    method: str = "attached"    # attached | dateline | planned

    def to_json(self) -> dict:
        return {"name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country": self.country, "fips": self.fips, "adm1": self.adm1, "text": self.text,
                "method": self.method}


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None            # "2018-04-23" | "2018-06" | "2018"
    precision: str | None       # day | month | year
    method: str                 # how it was resolved: expression, occasion, publication, unknown
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence: int
    source: Actor
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    modality: str               # asserted | intended | negated | hypothetical | reported
    when: EventDate
    planned_for: str | None
    place: Place | None
    planned_place: Place | None
    trigger: Trigger
    sentence_text: str
    rule: str
    lang: str

    def to_json(self) -> dict:
        return {
            "event_id": self.event_id, "doc_id": self.doc_id, "sentence": self.sentence,
            "source": self.source.to_json(),
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo, "root": self.root, "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "modality": self.modality, "date": self.when.date,
            "date_precision": self.when.precision, "date_method": self.when.method,
            "planned_for": self.planned_for,
            "place": self.place.to_json() if self.place else None,
            "planned_place": self.planned_place.to_json() if self.planned_place else None,
            "trigger": {"text": self.trigger.text, "span": list(self.trigger.span)},
            "sentence_text": self.sentence_text, "rule": self.rule, "lang": self.lang,
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What coding one document produced."""

    document: Document
    events: tuple[Event, ...] = ()
    sentences: int = 0


@dataclass(frozen=True, slots=True)
class BatchResult:
    results: tuple[DocumentResult, ...] = ()
    rejections: tuple[Rejection, ...] = field(default_factory=tuple)
