"""Exports of the store: GDELT 2.0 Events and Mentions, PLOVER JSONL, CSV and Parquet."""
from __future__ import annotations

from datetime import date

FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet")


def date_filter(since: str | None, until: str | None, column: str = "e.period_start") -> tuple[str, list]:
    """A WHERE clause (and its parameters) keeping events whose date falls in [since, until]."""
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(date.fromisoformat(since))
    if until:
        clauses.append(f"{column} <= ?")
        params.append(date.fromisoformat(until))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
