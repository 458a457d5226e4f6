"""`eventwire stats`: what the store holds, counted by day, root, dyad and place."""
from __future__ import annotations

from ..coding.tables import describe


def stats_text(con, top: int = 10) -> str:
    def one(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    events, mentions = one("SELECT count(*) FROM events"), one("SELECT count(*) FROM mentions")
    lines = [
        f"documents: {one('SELECT count(*) FROM documents')} "
        f"(articles {one('SELECT count(*) FROM document_origins')}); "
        f"events: {events} linked from {mentions} reports"
        + (f" ({mentions / events:.2f} reports per event)" if events else "")
        + f"; actors: {one('SELECT count(*) FROM actors')}; rejections: {one('SELECT count(*) FROM rejections')}; "
        f"runs: {one('SELECT count(*) FROM runs')}",
    ]
    if not events:
        return "\n".join(lines + ["(no events yet: run `eventwire ingest INPUT...`)"])

    def table(title: str, sql: str, label=lambda v: v) -> None:
        rows = con.execute(sql).fetchall()
        lines.append("")
        lines.append(title)
        for key, n_events, n_mentions in rows:
            lines.append(f"  {label(key)!s:<44} {n_events:>7} {n_mentions:>9}")

    header = "{:<46} {:>7} {:>9}"
    table(header.format("by day (most recent)", "events", "mentions"),
          f"SELECT coalesce(date, 'undated') AS day, count(*), sum(num_mentions) FROM events "
          f"GROUP BY day ORDER BY (day = 'undated'), day DESC LIMIT {top}")
    table(header.format("by root", "events", "mentions"),
          "SELECT root, count(*), sum(num_mentions) FROM events GROUP BY 1 ORDER BY 1",
          label=lambda r: f"{r} {describe(r).label.lower()}")
    table(header.format(f"top {top} dyads", "events", "mentions"),
          f"SELECT source_code || ' -> ' || coalesce(target_code, '-'), count(*), sum(num_mentions) FROM events "
          f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}")
    table(header.format(f"top {top} places", "events", "mentions"),
          f"SELECT coalesce(place_name || ' (' || coalesce(place_country, '?') || ')', 'no place'), count(*), "
          f"sum(num_mentions) FROM events GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}")
    return "\n".join(lines)
