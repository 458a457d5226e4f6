"""Read queries behind the API and the dashboard: one filter set, turned into one SQL WHERE clause.

Every view (event list, timeline, dyads, places) takes the same `Filters`, so a filter chosen on
the dashboard narrows every view the same way. Values are always bound as parameters, never
pasted into SQL.
"""
from __future__ import annotations

import json
from collections import defaultdict

from dataclasses import dataclass, fields
from datetime import date, timedelta

from ..text import strip_accents

MODALITIES = ("asserted", "intended", "negated", "hypothetical", "reported")
SORTS = {
    "date": "e.period_start ASC NULLS LAST, e.seq ASC",
    "-date": "e.period_start DESC NULLS LAST, e.seq DESC",
    "mentions": "e.num_mentions ASC, e.seq ASC",
    "-mentions": "e.num_mentions DESC, e.seq DESC",
    "goldstein": "e.goldstein ASC NULLS LAST, e.seq ASC",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.seq DESC",
}
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class Filters:
    start: date | None = None               # event date on or after (day-, month- or year-precision start)
    end: date | None = None                 # event date on or before
    actor: str | None = None                # actor code prefix ("RUS", "RUSGOV") or part of a name ("Poutine")
    country: str | None = None              # ISO3 of source, target or place
    root: tuple[str, ...] = ()              # CAMEO roots, "01".."20"
    code: str | None = None                 # CAMEO code prefix ("036", "0311")
    quad_class: tuple[int, ...] = ()        # 1..4
    modality: tuple[str, ...] = ()
    place: str | None = None                # part of a place name
    bbox: tuple[float, float, float, float] | None = None   # min_lon, min_lat, max_lon, max_lat
    q: str | None = None                    # words in an evidence sentence or an actor's name
    lang: str | None = None                 # language of a report

    def where(self) -> tuple[str, list]:
        """SQL condition on `events e` and its parameters."""
        clauses: list[str] = []
        params: list = []
        if self.start:
            clauses.append("e.period_start >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("e.period_start <= ?")
            params.append(self.end)
        if self.actor:
            clauses.append("(e.source_code LIKE ? ESCAPE '\\' OR coalesce(e.target_code, '') LIKE ? ESCAPE '\\' "
                           "OR strip_accents(coalesce(e.source_name, '')) ILIKE ? ESCAPE '\\' OR strip_accents(coalesce(e.target_name, '')) ILIKE ? ESCAPE '\\')")
            prefix, pattern = like_escape(self.actor.upper()) + "%", "%" + like_escape(fold(self.actor)) + "%"
            params += [prefix, prefix, pattern, pattern]
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)")
            params += [self.country] * 3
        if self.root:
            clauses.append(f"e.root IN ({', '.join('?' * len(self.root))})")
            params += list(self.root)
        if self.code:
            clauses.append("e.cameo LIKE ? ESCAPE '\\'")
            params.append(like_escape(self.code) + "%")
        if self.quad_class:
            clauses.append(f"e.quad_class IN ({', '.join('?' * len(self.quad_class))})")
            params += list(self.quad_class)
        if self.modality:
            clauses.append(f"e.modality IN ({', '.join('?' * len(self.modality))})")
            params += list(self.modality)
        if self.place:
            clauses.append("strip_accents(e.place_name) ILIKE ? ESCAPE '\\'")
            params.append("%" + like_escape(fold(self.place)) + "%")
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("e.lat BETWEEN ? AND ?")
            params += [min_lat, max_lat]
            if min_lon <= max_lon:
                clauses.append("e.lon BETWEEN ? AND ?")
                params += [min_lon, max_lon]
            else:  # a box across the antimeridian
                clauses.append("(e.lon >= ? OR e.lon <= ?)")
                params += [min_lon, max_lon]
        if self.q:
            pattern = "%" + like_escape(fold(self.q)) + "%"
            clauses.append("(strip_accents(coalesce(e.source_name, '')) ILIKE ? ESCAPE '\\' "
                           "OR strip_accents(coalesce(e.target_name, '')) ILIKE ? ESCAPE '\\' OR EXISTS ("
                           "SELECT 1 FROM mentions qm JOIN sentences qs ON qs.doc_id = qm.doc_id AND qs.sentence = qm.sentence "
                           "WHERE qm.event_id = e.event_id AND strip_accents(qs.text) ILIKE ? ESCAPE '\\'))")
            params += [pattern, pattern, pattern]
        if self.lang:
            clauses.append("EXISTS (SELECT 1 FROM mentions lm WHERE lm.event_id = e.event_id AND lm.lang = ?)")
            params.append(self.lang)
        return (" AND ".join(clauses) or "TRUE"), params

    def query_string(self) -> dict[str, str | list[str]]:
        """The filters as URL query parameters (what the dashboard keeps in its address)."""
        out: dict[str, str | list[str]] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, ()):
                continue
            if f.name == "bbox":
                out["bbox"] = ",".join(f"{v:g}" for v in value)
            elif isinstance(value, tuple):
                out[f.name] = [str(v) for v in value]
            else:
                out[f.name] = str(value)
        return out


def fold(text: str) -> str:
    """Without accents, as DuckDB's strip_accents compares: 'Lome' finds 'Lomé', 'securite' 'sécurité'."""
    return strip_accents(text)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


EVENT_FIELDS = ("event_id", "global_id", "source_code", "source_name", "source_country", "source_role",
                "target_code", "target_name", "target_country", "target_role", "cameo", "root", "quad_class",
                "goldstein", "plover_type", "plover_mode", "modality", "date", "date_precision",
                "place_name", "geonameid", "lat", "lon", "place_country", "place_fips", "place_adm1", "place_kind",
                "first_doc_id", "first_sentence", "num_mentions", "num_sources", "num_articles", "record")


def event_json(row: tuple) -> dict:
    """A linked event in the event-record shape (README, DESIGN §4), from its first report, with the
    linked event's own place and report counts."""
    r = dict(zip(EVENT_FIELDS, row))
    record = json.loads(r["record"]) if r["record"] else {}

    def actor(prefix: str, spanned: dict | None) -> dict | None:
        if r[f"{prefix}_code"] is None:
            return None
        base = {"code": r[f"{prefix}_code"], "country": r[f"{prefix}_country"], "role": r[f"{prefix}_role"],
                "name": r[f"{prefix}_name"], "text": None, "span": None}
        if spanned:
            base["text"], base["span"] = spanned.get("text"), spanned.get("span")
        return base

    place = None
    if r["place_name"] is not None:
        place = {"name": r["place_name"], "geonameid": r["geonameid"], "lat": r["lat"], "lon": r["lon"],
                 "country": r["place_country"], "fips": r["place_fips"], "adm1": r["place_adm1"], "kind": r["place_kind"]}
        recorded = record.get("place") or {}
        if recorded.get("geonameid") == r["geonameid"]:
            place["text"], place["method"] = recorded.get("text"), recorded.get("method")
    return {
        "event_id": r["event_id"], "global_id": r["global_id"], "doc_id": r["first_doc_id"], "sentence": r["first_sentence"],
        "source": actor("source", record.get("source")),
        "target": actor("target", record.get("target")),
        "cameo": r["cameo"], "root": r["root"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
        "plover": {"type": r["plover_type"], "mode": r["plover_mode"]},
        "modality": r["modality"], "date": r["date"], "date_precision": r["date_precision"],
        "date_method": record.get("date_method"), "planned_for": record.get("planned_for"),
        "place": place, "planned_place": record.get("planned_place"),
        "trigger": record.get("trigger"), "sentence_text": record.get("sentence_text"),
        "rule": record.get("rule"), "lang": record.get("lang"),
        "num_mentions": r["num_mentions"], "num_sources": r["num_sources"], "num_articles": r["num_articles"],
    }


def list_events(con, filters: Filters, *, limit: int, offset: int, sort: str) -> tuple[int, list[dict]]:
    where, params = filters.where()
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    # The page first (an index-free sort over `events` alone), then its first reports: joining
    # before the LIMIT would read every report.
    ids = [r[0] for r in con.execute(f"SELECT e.event_id FROM events e WHERE {where} ORDER BY {SORTS[sort]} "
                                     "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()]
    if not ids:
        return total, []
    return total, events_by_id(con, ids)


def events_by_id(con, ids: list[str]) -> list[dict]:
    """Events in the order of `ids`; their first reports fetched apart (a join would read every report)."""
    columns = ", ".join(f"e.{c}" for c in EVENT_FIELDS[:-1])
    rows = con.execute(f"SELECT {columns} FROM events e WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids]).fetchall()
    records = dict(con.execute("SELECT mention_id, record FROM mentions WHERE mention_id IN (SELECT unnest(?::VARCHAR[]))",
                               [ids]).fetchall())
    order = {event_id: n for n, event_id in enumerate(ids)}
    return [event_json((*row, records.get(row[0]))) for row in sorted(rows, key=lambda r: order[r[0]])]


CSV_COLUMNS = ("event_id", "global_id", "date", "date_precision", "source_code", "source_name", "source_country",
               "target_code", "target_name", "target_country", "cameo", "root", "quad_class", "goldstein",
               "plover_type", "modality", "place_name", "place_country", "lat", "lon", "geonameid",
               "num_mentions", "num_sources", "num_articles", "first_doc_id", "first_sentence", "sentence_text")


def csv_rows(con, filters: Filters, *, sort: str, limit: int):
    where, params = filters.where()
    columns = ", ".join(f"e.{c}" for c in CSV_COLUMNS[:-1])
    cursor = con.execute(
        f"SELECT {columns}, s.text FROM events e LEFT JOIN sentences s "
        f"ON s.doc_id = e.first_doc_id AND s.sentence = e.first_sentence WHERE {where} ORDER BY {SORTS[sort]} LIMIT ?",
        [*params, limit])
    while True:
        chunk = cursor.fetchmany(2000)
        if not chunk:
            return
        yield from chunk


def event_detail(con, event_id: str) -> dict | None:
    found = events_by_id(con, [event_id])
    if not found:
        return None
    event = found[0]
    mentions = con.execute(
        "SELECT m.mention_id, m.doc_id, m.sentence, m.cameo, m.modality, m.date, m.date_precision, m.lang, "
        "m.confidence, m.rule, m.record FROM mentions m WHERE m.event_id = ? ORDER BY m.added_at, m.mention_id",
        [event_id]).fetchall()
    event["mentions"] = []
    for mention_id, doc_id, sentence, cameo, modality, day, precision, lang, confidence, rule, record in mentions:
        rec = json.loads(record)
        event["mentions"].append({
            "mention_id": mention_id, "doc_id": doc_id, "sentence": sentence, "cameo": cameo, "modality": modality,
            "date": day, "date_precision": precision, "lang": lang, "confidence": confidence, "rule": rule,
            "sentence_text": rec.get("sentence_text"),
            "spans": evidence_spans(rec),
        })
    doc_ids = sorted({m["doc_id"] for m in event["mentions"]} | {event["doc_id"]})
    event["documents"] = documents(con, doc_ids)
    event["evidence"] = {"sentence_text": event["sentence_text"], "spans": evidence_spans(event)}
    return event


def evidence_spans(record: dict) -> dict:
    """Character spans in the sentence text of the source, target and trigger (null when unknown)."""
    spans = {}
    for key in ("source", "target", "trigger"):
        part = record.get(key) or {}
        span = part.get("span")
        spans[key] = list(span) if span else None
    return spans


def documents(con, doc_ids: list[str], *, with_text: bool = False) -> list[dict]:
    if not doc_ids:
        return []
    text_column = ", d.text" if with_text else ""
    rows = con.execute(
        f"SELECT d.doc_id, d.title, d.url, d.lang, d.published, d.published_source, d.origin, d.chars{text_column} "
        "FROM documents d WHERE d.doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY d.doc_id", [doc_ids]).fetchall()
    origins: dict[str, list] = defaultdict(list)
    for doc_id, url, source_name, origin in con.execute(
            "SELECT doc_id, url, source_name, origin FROM document_origins WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY added_at, article_key", [doc_ids]).fetchall():
        origins[doc_id].append({"url": url, "source": source_name, "origin": origin})
    out = []
    for row in rows:
        doc = {"doc_id": row[0], "title": row[1], "url": row[2], "lang": row[3],
               "published": row[4].isoformat() if row[4] else None, "published_source": row[5], "origin": row[6],
               "chars": row[7], "articles": origins.get(row[0], [])}
        if with_text:
            doc["text"] = row[8]
        out.append(doc)
    return out


def document_detail(con, doc_id: str) -> dict | None:
    found = documents(con, [doc_id], with_text=True)
    if not found:
        return None
    doc = found[0]
    rows = con.execute(
        "SELECT s.sentence, s.start_char, s.text, list(DISTINCT m.event_id ORDER BY m.event_id) "
        "FROM sentences s JOIN mentions m ON m.doc_id = s.doc_id AND m.sentence = s.sentence "
        "WHERE s.doc_id = ? GROUP BY ALL ORDER BY s.sentence", [doc_id]).fetchall()
    doc["sentences"] = [{"sentence": r[0], "start": r[1], "end": r[1] + len(r[2]) if r[1] >= 0 else -1,
                         "text": r[2], "events": list(r[3])} for r in rows]
    return doc


def timeline(con, filters: Filters, bucket: str) -> dict:
    """Events per day (or week, month) stacked by QuadClass, gaps filled with zeros. Only events dated
    at least as precisely as the bucket are counted; the others are reported apart."""
    where, params = filters.where()
    allowed = {"day": ("day",), "week": ("day",), "month": ("day", "month")}[bucket]
    rows = con.execute(
        f"SELECT date_trunc('{bucket}', e.period_start)::DATE AS b, e.quad_class, count(*) FROM events e "
        f"WHERE {where} AND e.period_start IS NOT NULL AND e.date_precision IN ({', '.join('?' * len(allowed))}) "
        "GROUP BY ALL ORDER BY 1", [*params, *allowed]).fetchall()
    left_out = con.execute(
        f"SELECT count(*) FILTER (WHERE e.period_start IS NULL), "
        f"count(*) FILTER (WHERE e.period_start IS NOT NULL AND e.date_precision NOT IN ({', '.join('?' * len(allowed))})) "
        f"FROM events e WHERE {where}", [*allowed, *params]).fetchone()
    counts: dict[date, dict[int, int]] = defaultdict(dict)
    for day, quad, n in rows:
        counts[day][quad] = n
    buckets: list[date] = []
    if counts:
        current, last = min(counts), max(counts)
        while current <= last:
            buckets.append(current)
            current = next_bucket(current, bucket)
    return {
        "bucket": bucket,
        "buckets": [b.isoformat() for b in buckets],
        "series": [{"quad_class": quad, "label": QUAD_LABELS[quad],
                    "counts": [counts.get(b, {}).get(quad, 0) for b in buckets]} for quad in (1, 2, 3, 4)],
        "total": sum(n for _, _, n in rows),
        "undated": left_out[0],
        "less_precise": left_out[1],
    }


def next_bucket(day: date, bucket: str) -> date:
    if bucket == "day":
        return day + timedelta(days=1)
    if bucket == "week":
        return day + timedelta(days=7)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def dyads(con, filters: Filters, limit: int) -> dict:
    """The most frequent source -> target pairs, with mean Goldstein, as graph nodes and edges."""
    where, params = filters.where()
    rows = con.execute(
        f"SELECT e.source_code, e.target_code, count(*) AS n, sum(e.num_mentions), avg(e.goldstein), "
        "any_value(e.source_name), any_value(e.target_name) "
        f"FROM events e WHERE {where} AND e.target_code IS NOT NULL AND e.target_code <> e.source_code "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?", [*params, limit]).fetchall()
    nodes: dict[str, dict] = {}
    edges = []
    for source, target, n, mentions, goldstein, source_name, target_name in rows:
        for code, name in ((source, source_name), (target, target_name)):
            node = nodes.setdefault(code, {"code": code, "name": name, "events": 0})
            node["events"] += n
            node["name"] = node["name"] or name
        edges.append({"source": source, "target": target, "events": n, "mentions": int(mentions),
                      "goldstein_mean": round(goldstein, 2) if goldstein is not None else None})
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["code"])), "edges": edges}


def places(con, filters: Filters, limit: int) -> dict:
    """Where events happened: points (one per place) and counts per country of place."""
    from .countries import country_info

    where, params = filters.where()
    points = con.execute(
        f"SELECT e.place_name, e.geonameid, any_value(e.lat), any_value(e.lon), any_value(e.place_country), "
        "any_value(e.place_kind), count(*) AS n, avg(e.goldstein) "
        f"FROM events e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY n DESC, 1 LIMIT ?", [*params, limit]).fetchall()
    by_country = con.execute(
        f"SELECT e.place_country, count(*) AS n, avg(e.goldstein) FROM events e "
        f"WHERE {where} AND e.place_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1", params).fetchall()
    no_place = con.execute(f"SELECT count(*) FROM events e WHERE {where} AND e.place_name IS NULL", params).fetchone()[0]
    countries = []
    for iso3, n, goldstein in by_country:
        info = country_info(iso3)
        countries.append({"country": iso3, "numeric": info[0], "name": info[1], "events": n,
                          "goldstein_mean": round(goldstein, 2) if goldstein is not None else None})
    return {
        "places": [{"name": name, "geonameid": gid, "lat": lat, "lon": lon, "country": country, "kind": kind,
                    "events": n, "goldstein_mean": round(g, 2) if g is not None else None}
                   for name, gid, lat, lon, country, kind, n, g in points],
        "countries": countries,
        "no_place": no_place,
    }


def facets(con) -> dict:
    """What the filter inputs can offer: date range, roots present, languages."""
    first, last = con.execute("SELECT min(period_start), max(period_start) FROM events").fetchone()
    roots = [r[0] for r in con.execute("SELECT DISTINCT root FROM events ORDER BY 1").fetchall()]
    counts = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
                         "(SELECT count(*) FROM documents)").fetchone()
    return {"first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
            "roots": roots, "events": counts[0], "mentions": counts[1], "documents": counts[2]}


__all__ = ["Filters", "MODALITIES", "SORTS", "QUAD_LABELS", "list_events", "csv_rows", "event_detail",
           "document_detail", "timeline", "dyads", "places", "facets"]
