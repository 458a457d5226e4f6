"""GDELT 2.0 Event (61 columns) and Mentions (16 columns) files: tab-separated, no header.

Column names, order and meaning follow the GDELT 2.0 codebook (shared/reference/gdelt2_*_columns.csv).
Choices where our data differ from GDELT's:
- one row per *linked* event (docs/linking.md), NumMentions/NumSources/NumArticles over all stored reports;
- SQLDATE of a month- or year-precision date is its first day; undated events are not exported;
- AvgTone and MentionDocTone are left empty (eventwire does not score tone);
- Actor1Geo/Actor2Geo are not resolved (type 0, other fields empty); ActionGeo is the event's place,
  with FIPS 10-4 country and ADM1 codes, and the GeoNames id as FeatureID for cities;
- DATEADDED / EventTimeDate / MentionTimeDate are the UTC time the record was stored, floored to 15 minutes;
- MentionDocTranslationInfo is empty: French documents are read natively, never translated.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import TextIO

from . import date_filter

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    from ..resources import read_tsv

    return {row["code"]: row["name_en"] for row in read_tsv("common", "countries.tsv")}


def clean(value) -> str:
    """A field value: never a tab or a line break inside a TSV field."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").split())


def timestamp15(moment: datetime) -> str:
    return moment.replace(minute=moment.minute - moment.minute % 15, second=0).strftime("%Y%m%d%H%M%S")


def fraction_date(day: date) -> str:
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1..3 (10 fields)."""
    if not code:
        return [""] * 10
    rest = code[3:] if country and code.startswith(country) else code
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3]]
    group = ""
    if chunks and chunks[0] in GROUP_PREFIXES and len(chunks) > 1:
        group = chunks.pop(1)
    types = (chunks + ["", "", ""])[:3]
    return [code, clean(name).upper(), country or "", group, "", "", "", *types]


def actor_name(row: dict, side: str) -> str | None:
    """The actor's name; for a bare country actor the country's name, as GDELT writes it."""
    if not row[f"{side}_code"]:
        return None
    return row[f"{side}_name"] or country_names().get(row[f"{side}_country"] or "") or row[f"{side}_code"]


def geo_type(kind: str | None, country: str | None, geonameid) -> int:
    usa = country == "USA"
    if kind == "country":
        return 1
    if kind == "admin1":
        return 2 if usa else 5
    if kind == "city" or geonameid:
        return 3 if usa else 4
    return 1


def action_geo(row: dict) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID (8 fields)."""
    if not row["place_name"] and row["geonameid"] is None:
        return ["0", "", "", "", "", "", "", ""]
    kind = geo_type(row["place_kind"], row["place_country"], row["geonameid"])
    country_name = country_names().get(row["place_country"] or "", "")
    fips = row["place_fips"] or ""
    if kind == 1:
        full, adm1, feature = country_name or row["place_name"], fips, fips
    else:
        full = ", ".join(p for p in (row["place_name"], country_name) if p)
        adm1 = row["place_adm1"] or fips
        feature = str(row["geonameid"]) if kind in (3, 4) and row["geonameid"] is not None else adm1
    lat = "" if row["lat"] is None else f"{row['lat']:.4f}"
    lon = "" if row["lon"] is None else f"{row['lon']:.4f}"
    return [str(kind), clean(full), fips, adm1, "", lat, lon, feature]


EVENT_QUERY = """
    SELECT e.*, coalesce(d.url, d.origin) AS first_source
    FROM events e JOIN documents d ON d.doc_id = e.first_doc_id
    {where} {dated} ORDER BY e.period_start, e.global_id"""


def event_rows(con, since: str | None = None, until: str | None = None) -> Iterator[list[str]]:
    where, params = date_filter(since, until)
    dated = ("AND" if where else "WHERE") + " e.period_start IS NOT NULL"
    cursor = con.execute(EVENT_QUERY.format(where=where, dated=dated), params)
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        day: date = row["period_start"]
        fields = [
            str(row["global_id"]), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day),
            *actor_fields(row["source_code"], actor_name(row, "source"), row["source_country"]),
            *actor_fields(row["target_code"], actor_name(row, "target"), row["target_country"]),
            "1" if row["first_sentence"] == 0 else "0",
            row["cameo"], row["cameo"][:3], row["root"], str(row["quad_class"]), f"{row['goldstein']:.1f}",
            str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]), "",
            "0", "", "", "", "", "", "", "",
            "0", "", "", "", "", "", "", "",
            *action_geo(row),
            timestamp15(row["added_at"]), clean(row["first_source"]),
        ]
        yield fields


MENTION_QUERY = """
    SELECT e.global_id, e.added_at AS event_added, m.added_at AS mention_added, o.url, o.origin, o.source_name,
           m.sentence, m.source_start, m.target_start, m.trigger_start, m.confidence, d.chars
    FROM mentions m
    JOIN events e ON e.event_id = m.event_id
    JOIN documents d ON d.doc_id = m.doc_id
    JOIN document_origins o ON o.doc_id = m.doc_id
    {where} {dated} ORDER BY e.period_start, e.global_id, m.doc_id, m.sentence, m.trigger_start, o.article_key"""


def mention_rows(con, since: str | None = None, until: str | None = None) -> Iterator[list[str]]:
    where, params = date_filter(since, until)
    dated = ("AND" if where else "WHERE") + " e.period_start IS NOT NULL"
    for (gid, event_added, mention_added, url, origin, source_name, sentence, a1, a2, action, confidence,
         chars) in con.execute(MENTION_QUERY.format(where=where, dated=dated), params).fetchall():
        yield [str(gid), timestamp15(event_added), timestamp15(mention_added), "1" if url else "2",
               clean(source_name), clean(url or origin), str(sentence + 1), str(a1),
               str(a2) if a2 is not None else "-1", str(action), "1", str(confidence), str(chars), "", "", ""]


def write_tsv(rows: Iterator[list[str]], out: TextIO) -> int:
    count = 0
    for fields in rows:
        out.write("\t".join(fields) + "\n")
        count += 1
    return count


def write_events(con, out: TextIO, since: str | None = None, until: str | None = None) -> int:
    return write_tsv(event_rows(con, since, until), out)


def write_mentions(con, out: TextIO, since: str | None = None, until: str | None = None) -> int:
    return write_tsv(mention_rows(con, since, until), out)


def undated_events(con) -> int:
    return con.execute("SELECT count(*) FROM events WHERE period_start IS NULL").fetchone()[0]
