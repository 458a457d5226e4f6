"""CSV and Parquet exports of the linked events, written by DuckDB's COPY."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import date_filter

COLUMNS = ("global_id", "event_id", "date", "date_precision", "source_code", "source_name", "source_country",
           "source_role", "target_code", "target_name", "target_country", "target_role", "cameo", "root",
           "quad_class", "goldstein", "plover_type", "plover_mode", "modality", "place_name", "geonameid", "lat",
           "lon", "place_country", "place_fips", "place_adm1", "num_mentions", "num_sources", "num_articles",
           "first_doc_id", "added_at")


def copy_events(con, out: str | Path, fmt: str, since: str | None = None, until: str | None = None) -> int:
    """COPY the events (in date order) to `out` as csv or parquet; returns the number of rows."""
    if fmt not in ("csv", "parquet"):
        raise InputError(f"unknown table format '{fmt}'; use csv or parquet")
    where, params = date_filter(since, until)
    for value in params:        # COPY takes no bound parameters; these are validated dates
        where = where.replace("?", f"DATE '{value.isoformat()}'", 1)
    query = f"SELECT {', '.join('e.' + c for c in COLUMNS)} FROM events e{where} ORDER BY e.period_start NULLS LAST, e.global_id"
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    target = str(out).replace("'", "''")
    con.execute(f"COPY ({query}) TO '{target}' ({options})")
    return con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
