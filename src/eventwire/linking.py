"""Event linking: reports of the same real event, from one or many documents, become one event.

The rule (docs/linking.md explains it with examples):
  two reports describe the same event when they have
  - the same source actor code and the same target actor code (both absent counts as the same),
  - the same CAMEO root (the first two digits),
  - the same modality class (asserted and reported are "factual"; intended, negated and
    hypothetical each stay with their own kind),
  - dates within the window: day-precision dates at most `day_window` days apart (default 1),
    month or year dates equal at the same precision; an undated report never links,
  - the same place (GeoNames id), or no place on either side.
Matching is incremental, in ingest order, against each event's anchor (the date of its first
report, the first place any of its reports gave), so chains of reports cannot drift away from it;
when several events qualify the nearest date wins, then the oldest event.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

FACTUAL = frozenset({"asserted", "reported"})


@dataclass(frozen=True, slots=True)
class LinkRule:
    day_window: int = 1          # ± days between day-precision dates of one event


def modality_class(modality: str) -> str:
    return "factual" if modality in FACTUAL else modality


def link_key(source_code: str, target_code: str | None, root: str, modality: str) -> str:
    return f"{source_code}|{target_code or '-'}|{root}|{modality_class(modality)}"


def period_start(value: str | None, precision: str | None) -> date | None:
    """The first day of a date of any precision: '2018-04' -> 2018-04-01; None when undated."""
    if not value:
        return None
    try:
        if precision == "day" or len(value) == 10:
            return date.fromisoformat(value[:10])
        if precision == "month" or len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def date_distance(a: str | None, a_precision: str | None, b: str | None, b_precision: str | None,
                  rule: LinkRule) -> int | None:
    """Days between two event dates if they may be the same event, else None."""
    if not a or not b or a_precision != b_precision:
        return None
    if a_precision == "day":
        start_a, start_b = period_start(a, "day"), period_start(b, "day")
        if start_a is None or start_b is None:
            return None
        days = abs((start_a - start_b).days)
        return days if days <= rule.day_window else None
    return 0 if a == b else None


def places_compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


@dataclass(slots=True)
class Candidate:
    """What linking needs to know about an existing event."""

    event_id: str
    link_key: str
    date: str | None
    precision: str | None
    geonameid: int | None
    order: int = 0               # lower = older; breaks ties


@dataclass(frozen=True, slots=True)
class Report:
    """One coded event (a mention) as linking sees it."""

    mention_id: str
    link_key: str
    date: str | None
    precision: str | None
    geonameid: int | None


@dataclass(slots=True)
class Linker:
    """An index of candidate events by link key; `link` assigns each report to an event."""

    rule: LinkRule = field(default_factory=LinkRule)
    by_key: dict[str, list[Candidate]] = field(default_factory=dict)
    _order: int = 0

    def add(self, candidate: Candidate) -> None:
        self._order += 1
        candidate.order = candidate.order or self._order
        self.by_key.setdefault(candidate.link_key, []).append(candidate)

    def match(self, report: Report) -> Candidate | None:
        best: tuple[int, int, str] | None = None
        found = None
        for candidate in self.by_key.get(report.link_key, ()):
            distance = date_distance(candidate.date, candidate.precision, report.date, report.precision, self.rule)
            if distance is None or not places_compatible(candidate.geonameid, report.geonameid):
                continue
            rank = (distance, candidate.order, candidate.event_id)
            if best is None or rank < best:
                best, found = rank, candidate
        return found

    def link(self, report: Report) -> tuple[str, bool]:
        """The event id this report belongs to, and whether the event is new."""
        found = self.match(report)
        if found is not None:
            if found.geonameid is None and report.geonameid is not None:
                found.geonameid = report.geonameid      # the event's place is the first one known
            return found.event_id, False
        self.add(Candidate(report.mention_id, report.link_key, report.date, report.precision, report.geonameid))
        return report.mention_id, True


def link_all(reports: Iterable[Report], rule: LinkRule = LinkRule()) -> dict[str, str]:
    """mention_id -> event_id for reports linked among themselves (no stored events)."""
    linker = Linker(rule)
    return {r.mention_id: linker.link(r)[0] for r in reports}
