"""PLOVER JSONL: one linked event per line, with the field names of the PLOVER manual's
"JSON Data Fields" chapter (id, date, source, recipient, event, mode, context, event_loc,
event_text, quad_code, event_scale, link, text_info, cite_info, coder, coded_date, coded_time)
and its actor (code, sector, actor_text, identifier_text) and location (geonameid, name,
latitude, longitude, "country code", cc3, "admin1 code") objects.

PLOVER drops CAMEO 01 (statements) and 02 (appeals): those events, and undated ones (`date` is
required), are not exported. Month- or year-precision dates are written as such ("2018-06") with
`date_resolution` saying so. Modality becomes the manual's context values: intended -> "future",
hypothetical -> "hypothetical", negated -> "negation". Extra fields (allowed by the manual) keep
what GDELT-style users ask for: cameo, num_mentions, num_sources, num_articles, mentions.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import TextIO

from .. import __version__
from . import date_filter

CONTEXT = {"intended": "future", "hypothetical": "hypothetical", "negated": "negation"}
CODER = f"eventwire {__version__}"


@lru_cache(maxsize=1)
def iso2() -> dict[str, str]:
    from ..resources import read_tsv

    return {row["code"]: row["iso2"] for row in read_tsv("common", "countries.tsv")}


def actor(code: str | None, country: str | None, role: str | None, name: str | None, text: str | None) -> dict | None:
    if not code:
        return None
    top = country or code[:3]
    sector = code[len(top):] if code.startswith(top) else (role or "")
    record = {"code": top, "sector": sector or None, "actor_text": text}
    if name:
        record["identifier_text"] = name
    return record


def location(row: dict) -> dict | None:
    if not row["place_name"] and row["geonameid"] is None:
        return None
    return {"geonameid": row["geonameid"], "name": row["place_name"], "latitude": row["lat"], "longitude": row["lon"],
            "country code": iso2().get(row["place_country"] or "") or None, "cc3": row["place_country"],
            "admin1 code": row["place_adm1"], "feature_type": row["place_kind"]}


QUERY = """
    SELECT e.*, d.url, d.origin, d.title, d.lang, m.source_text, m.target_text, m.trigger_text, m.sentence AS m_sentence,
           m.sentence_start, m.trigger_start, m.trigger_end, s.text AS sentence_text
    FROM events e
    JOIN documents d ON d.doc_id = e.first_doc_id
    JOIN mentions m ON m.mention_id = e.event_id
    LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.sentence = m.sentence
    {where} ORDER BY e.period_start, e.global_id"""


def records(con, since: str | None = None, until: str | None = None) -> Iterator[dict]:
    where, params = date_filter(since, until)
    extra = "e.period_start IS NOT NULL AND e.plover_type IS NOT NULL"
    where = (where + " AND " + extra) if where else " WHERE " + extra
    cursor = con.execute(QUERY.format(where=where), params)
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        source = actor(row["source_code"], row["source_country"], row["source_role"], row["source_name"], row["source_text"])
        target = actor(row["target_code"], row["target_country"], row["target_role"], row["target_name"], row["target_text"])
        context = CONTEXT.get(row["modality"])
        added = row["added_at"]
        yield {
            "id": row["event_id"],
            "date": row["date"],
            "date_resolution": row["date_precision"],
            "source": [source],
            "recipient": [target] if target else [],
            "event": [row["plover_type"]],
            "mode": [row["plover_mode"]] if row["plover_mode"] else [],
            "context": [context] if context else [],
            "event_loc": location(row),
            "event_text": [row["trigger_text"]] if row["trigger_text"] else [],
            "quad_code": row["quad_class"],
            "event_scale": row["goldstein"],
            "text": row["sentence_text"],
            "text_info": {"sequence": row["m_sentence"], "start": row["sentence_start"],
                          "end": (row["sentence_start"] + len(row["sentence_text"]))
                          if row["sentence_text"] is not None and row["sentence_start"] >= 0 else None},
            "cite_info": {"url": row["url"], "citation": row["origin"], "title": row["title"],
                          "language": row["lang"], "coder": CODER, "codebook": "CAMEO 1.1b3 -> PLOVER (CAMEO2PLOVER-2021)"},
            "coder": CODER,
            "coded_date": added.strftime("%Y-%m-%d"),
            "coded_time": added.strftime("%H:%M:%SZ"),
            "cameo": row["cameo"],
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
            "num_articles": row["num_articles"],
        }


def write(con, out: TextIO, since: str | None = None, until: str | None = None) -> int:
    count = 0
    for record in records(con, since, until):
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def skipped(con) -> int:
    return con.execute("SELECT count(*) FROM events WHERE period_start IS NULL OR plover_type IS NULL").fetchone()[0]
