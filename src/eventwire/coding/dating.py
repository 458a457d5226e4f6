"""When: the event date from the time expressions of its own clause, its governing clause,
the document's occasion, or the publication date — each with its precision and method."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import EventDate
from ..time import TimeMention, find_times
from .modality import Modality, modality_words
from .syntax import View

PAST_TENSES = ("Past", "Imp")


@dataclass
class DocumentClock:
    """Per-document: the publication date and the date of the occasion reported so far."""

    publication: date | None
    year_known: bool
    use_occasion: bool = True
    occasion: EventDate | None = None
    cache: dict = field(default_factory=dict)


def tense_of(view: View, i: int, lang: str) -> str:
    tok = view.tok(i)
    words = modality_words(lang)
    auxes = [k for k in view.children(i) if k.dep.startswith("aux")]
    if tok.feat("Tense") == "Fut" or any(a.feat("Tense") == "Fut" or a.lemma in words.future_aux
                                         or a.text.lower() in words.future_aux for a in auxes):
        return "future"
    if tok.feat("VerbForm") == "Inf" and not auxes:
        return "future"
    if tok.feat("Tense") in PAST_TENSES or any(a.feat("Tense") in PAST_TENSES for a in auxes):
        return "past"
    if tok.feat("VerbForm") == "Part" and auxes:
        return "past"
    if lang == "en" and tok.feat("Tense") == "Past":
        return "past"
    return "present" if tok.feat("Tense") == "Pres" and not auxes else "past"


def mentions_for(view: View, clock: DocumentClock, lang: str, tense: str) -> tuple[TimeMention, ...]:
    key = (view.sentence.index, view.sentence.text, tense)
    if key not in clock.cache:
        clock.cache[key] = find_times(view.sentence.text, lang, clock.publication, tense)
    return clock.cache[key]


def mention_in(view: View, mentions: tuple[TimeMention, ...], indices: set[int]) -> TimeMention | None:
    for mention in mentions:
        for i in indices:
            tok = view.tok(i)
            if mention.span[0] <= tok.idx < mention.span[1]:
                return mention
    return None


def governor_clause(view: View, predicate: int, modality: Modality) -> set[int]:
    """Tokens of the clauses above the predicate (the statement, the intention)."""
    indices: set[int] = set()
    current = predicate
    for _ in range(4):
        head = view.head(current)
        if head is None:
            break
        indices |= view.clause(head.i) - view.subtree(current)
        current = head.i
    return indices


def as_event_date(mention: TimeMention) -> EventDate:
    return EventDate(mention.date, mention.precision, f"expression:{mention.method}", mention.text)


def fallback_date(clock: DocumentClock) -> EventDate:
    if clock.occasion is not None and clock.use_occasion:
        return EventDate(clock.occasion.date, clock.occasion.precision, "occasion", clock.occasion.text)
    if clock.publication is not None and clock.year_known:
        return EventDate(clock.publication.isoformat(), "day", "publication")
    return EventDate(None, None, "unknown: the publication year is not known")


def date_event(view: View, predicate: int, modality: Modality, clock: DocumentClock, lang: str) -> tuple[EventDate, str | None]:
    """(event date, planned_for) for one event."""
    own_tense = tense_of(view, predicate, lang)
    own_clause = view.clause(predicate) | view.subtree(predicate, stop={"ccomp", "parataxis", "acl:relcl"})
    if modality.kind == "intended":
        planned = mention_in(view, mentions_for(view, clock, lang, "future"), own_clause)
        governor = modality.governor if modality.governor is not None else predicate
        statement_tense = tense_of(view, governor, lang) if governor != predicate else "past"
        said = mention_in(view, mentions_for(view, clock, lang, statement_tense),
                          governor_clause(view, predicate, modality))
        when = as_event_date(said) if said and said.date else fallback_date(clock)
        if said and said.date and said.precision == "day":
            clock.occasion = when
        return when, planned.date if planned else None
    own = mention_in(view, mentions_for(view, clock, lang, own_tense), own_clause)
    if own is None:
        own = mention_in(view, mentions_for(view, clock, lang, "past"), governor_clause(view, predicate, modality))
    if own is not None and own.date:
        when = as_event_date(own)
        if own.precision == "day":
            clock.occasion = when
        return when, None
    return fallback_date(clock), None
