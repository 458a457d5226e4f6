"""The DuckDB store: documents, sentences, linked events, their mentions, actors, runs, rejections.

One process writes (DuckDB locks the file); everything a batch adds is written in one
transaction, so a run killed at any moment leaves whole batches or nothing. Ids are content
hashes and writes are upserts: writing the same documents again adds nothing.
"""
from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import EventwireError, InputError
from ..linking import Candidate, Linker, LinkRule, Report, link_key, period_start
from ..model import BatchResult, Event, RawItem, Rejection, content_id
from .schema import LATEST, applied_versions, migrate

DEFAULT_DB = "eventwire.duckdb"
INSERT_CHUNK = 250


class DatabaseBusyError(EventwireError):
    """Another process holds the database."""


@dataclass(frozen=True, slots=True)
class BatchCounts:
    documents: int = 0          # new documents stored
    mentions: int = 0           # new reports stored
    events: int = 0             # new linked events
    rejections: int = 0         # new rejections stored
    skipped: int = 0            # documents already in the store


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def global_id(event_id: str) -> int:
    """The integer id GDELT files need (GLOBALEVENTID), derived from the content-hash id."""
    return int(event_id[:15], 16)


def source_of(url: str | None, origin: str, doc_id: str) -> tuple[str, str, str]:
    """(article_key, source_key, source_name): a web domain when there is a URL, else the document itself."""
    if url:
        domain = urlsplit(url).netloc.lower().split("@")[-1].split(":")[0]
        domain = domain[4:] if domain.startswith("www.") else domain
        if domain:
            return url, domain, domain
    name = Path(origin.split("#")[0]).name or origin
    return f"doc:{doc_id}", f"doc:{doc_id}", name


def mention_confidence(event: Event) -> int:
    """GDELT's Confidence (percent) as a simple documented rule: 100, minus 20 for each actor found by
    reference (pronoun, title, context) rather than by name, minus 10 when reported in someone's
    words, minus 30 when hypothetical or negated; never below 10."""
    score = 100
    for actor in (event.source, event.target):
        if actor is not None and actor.how not in ("lexicon", "person", "pair"):
            score -= 20
    if event.modality == "reported":
        score -= 10
    elif event.modality in ("hypothetical", "negated"):
        score -= 30
    return max(10, score)


def lock_holder(message: str) -> str | None:
    found = re.search(r"PID (\d+)", message)
    return found.group(1) if found else None


def connect(path: str | Path, read_only: bool):
    import duckdb

    path = Path(path)
    if path.is_dir():
        raise InputError(f"--db {path} is a directory; give a file name such as {path / DEFAULT_DB}")
    if read_only and not path.exists():
        raise InputError(f"no database at {path}; create it with `eventwire ingest INPUT... --db {path}`")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = lock_holder(message)
            holder = f" (pid {pid})" if pid else ""
            raise DatabaseBusyError(
                f"database {path} is in use by another eventwire process{holder}; stop it or wait for it to "
                f"finish, or use --db OTHER.duckdb") from None
        raise InputError(f"cannot open database {path}: {message.splitlines()[0]}; "
                         "give an eventwire .duckdb file with --db") from None
    except duckdb.Error as exc:
        raise InputError(f"{path} is not a DuckDB database ({str(exc).splitlines()[0]}); "
                         "give an eventwire .duckdb file with --db") from None


class Store:
    """A DuckDB file holding what eventwire ingested. Open it once per process; only one process may write."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, rule: LinkRule = LinkRule()):
        self.path = Path(path)
        self.read_only = read_only
        self.rule = rule
        self.con = connect(self.path, read_only)
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    def _check_schema(self) -> None:
        if not self.read_only:
            migrate(self.con)
            return
        versions = applied_versions(self.con)
        if not versions:
            raise InputError(f"{self.path} is not an eventwire database; give the file `eventwire ingest` wrote")
        if max(versions) < LATEST:
            raise InputError(f"{self.path} has schema version {max(versions)}, this eventwire needs {LATEST}; "
                             "run `eventwire ingest` on it once to upgrade it")
        if max(versions) > LATEST:
            raise InputError(f"{self.path} was written by a newer eventwire (schema {max(versions)}); upgrade eventwire")

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def schema_version(self) -> int:
        return max(applied_versions(self.con))

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, command: str, inputs: Sequence[str], settings: dict, versions: dict, workers: int) -> str:
        started = utcnow()
        run_id = uuid.uuid4().hex[:16]        # a run is an occurrence, not content: a random id
        with self.transaction() as con:
            # We hold the write lock, so any run still marked running died without finishing.
            con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            con.execute("INSERT INTO runs (run_id, started_at, status, command, inputs, settings, versions, workers) "
                        "VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
                        [run_id, started, command, json.dumps(list(inputs)), json.dumps(settings, default=str),
                         json.dumps(versions), workers])
        return run_id

    def finish_run(self, run_id: str, status: str = "done") -> None:
        self.con.execute("UPDATE runs SET status = ?, finished_at = ? WHERE run_id = ?", [status, utcnow(), run_id])

    # -- reads used by the runner ---------------------------------------------------------------
    def stored_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(set(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
        return {r[0] for r in rows}

    def remembered_people(self) -> tuple[tuple[str, str], ...]:
        """People introduced with a role in earlier documents ('le président chinois Xi Jinping'),
        so that a later document naming only 'Xi Jinping' codes him the same way."""
        rows = self.con.execute(
            "SELECT name, code FROM actors WHERE role IS NOT NULL AND length(code) >= 6 AND name LIKE '% %' "
            "AND regexp_matches(name, '^[A-ZÀ-Ý][^ ]+( [A-ZÀ-Ý][^ ]*)+$') ORDER BY last_seen DESC NULLS LAST, mentions DESC"
        ).fetchall()
        seen: dict[str, str] = {}
        for name, code in rows:
            seen.setdefault(name, code)  # the most recent office wins
        return tuple(sorted(seen.items()))

    def counts(self) -> dict[str, int]:
        tables = ("documents", "document_origins", "sentences", "events", "mentions", "actors", "rejections", "runs")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # -- writes -------------------------------------------------------------------------------
    def record_origins(self, items: Sequence[RawItem], run_id: str | None = None) -> int:
        """Note that already-stored documents were seen again (maybe at another URL); one transaction."""
        with self.transaction() as con:
            added = self._insert_origins(con, [(i.item_id, i.origin, i.url) for i in items], run_id, utcnow())
            if added:
                self._recount(con, event_ids_of_docs(con, [i.item_id for i in items]))
        return added

    def write_batch(self, batch: BatchResult, run_id: str | None = None) -> BatchCounts:
        """Write what one batch produced in one transaction: all of it or, if interrupted, none of it."""
        now = utcnow()
        with self.transaction() as con:
            stored = self.stored_doc_ids(r.document.doc_id for r in batch.results)
            seen: set[str] = set()
            fresh = []
            for result in batch.results:
                doc = result.document
                if doc.doc_id in stored or doc.doc_id in seen:
                    continue
                seen.add(doc.doc_id)
                fresh.append(result)
            origins = [(r.document.doc_id, r.document.origin, r.document.url) for r in batch.results]
            insert_rows(con, "documents", DOCUMENT_COLUMNS, [document_row(r, run_id, now) for r in fresh])
            new_origins = self._insert_origins(con, origins, run_id, now)
            sentence_rows, reports, events = [], [], {}
            for result in fresh:
                starts = sentence_starts(result.document.text, result.events)
                for index, (start, text) in sorted(starts.items()):
                    sentence_rows.append((result.document.doc_id, index, start, text))
                for event in result.events:
                    if event.event_id in events:
                        continue
                    events[event.event_id] = event
                    reports.append((event, starts[event.sentence][0]))
            insert_rows(con, "sentences", ("doc_id", "sentence", "start_char", "text"), sentence_rows)
            new_events, touched = self._link_and_insert(con, reports, run_id, now)
            self._upsert_actors(con, [e for e, _ in reports], {r.document.doc_id: r.document for r in fresh})
            rejection_rows = [rejection_row(r, run_id, now) for r in batch.rejections]
            before = con.execute("SELECT count(*) FROM rejections").fetchone()[0]
            insert_rows(con, "rejections", REJECTION_COLUMNS, rejection_rows)
            new_rejections = con.execute("SELECT count(*) FROM rejections").fetchone()[0] - before
            if new_origins:
                touched |= set(event_ids_of_docs(con, [d for d, _, _ in origins]))
            self._recount(con, touched)
            if run_id:
                con.execute("UPDATE runs SET documents_added = documents_added + ?, mentions_added = mentions_added + ?, "
                            "rejections_added = rejections_added + ? WHERE run_id = ?",
                            [len(fresh), len(reports), new_rejections, run_id])
        return BatchCounts(documents=len(fresh), mentions=len(reports), events=new_events,
                           rejections=new_rejections, skipped=len(batch.results) - len(fresh))

    def _insert_origins(self, con, origins, run_id, now) -> int:
        rows, keys = [], set()
        for doc_id, origin, url in origins:
            article_key, source_key, source_name = source_of(url, origin, doc_id)
            if (doc_id, article_key) in keys:
                continue
            keys.add((doc_id, article_key))
            rows.append((doc_id, article_key, origin, url, source_key, source_name, run_id, now))
        if not rows:
            return 0
        before = con.execute("SELECT count(*) FROM document_origins").fetchone()[0]
        insert_rows(con, "document_origins", ORIGIN_COLUMNS, rows)
        return con.execute("SELECT count(*) FROM document_origins").fetchone()[0] - before

    def _link_and_insert(self, con, reports: list[tuple[Event, int]], run_id, now) -> tuple[int, set[str]]:
        if not reports:
            return 0, set()
        linker = Linker(self.rule)
        keyed = [(event, start, as_report(event)) for event, start in reports]
        dated = [period_start(r.date, r.precision) for _, _, r in keyed if r.date]
        if dated:
            from datetime import timedelta

            window = timedelta(days=self.rule.day_window)
            rows = con.execute(
                "SELECT event_id, link_key, date, date_precision, geonameid FROM events "
                "WHERE link_key IN (SELECT unnest(?::VARCHAR[])) AND period_start BETWEEN ? AND ? "
                "ORDER BY seq",
                [sorted({r.link_key for _, _, r in keyed}), min(dated) - window, max(dated) + window]).fetchall()
            for row in rows:
                linker.add(Candidate(*row))
        known_place = {c.event_id: c.geonameid for cands in linker.by_key.values() for c in cands}
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        event_rows, mention_rows, touched, places = [], [], set(), {}
        for event, start, report in keyed:
            event_id, is_new = linker.link(report)
            touched.add(event_id)
            if is_new:
                seq += 1
                event_rows.append(event_row(event, seq, run_id, now))
                known_place[event_id] = report.geonameid
            elif known_place.get(event_id) is None and report.geonameid is not None:
                places[event_id] = event.place
                known_place[event_id] = report.geonameid
            mention_rows.append(mention_row(event, event_id, start, run_id, now))
        insert_rows(con, "events", EVENT_COLUMNS, event_rows, conflict=None)
        insert_rows(con, "mentions", MENTION_COLUMNS, mention_rows)
        for event_id, place in places.items():
            con.execute("UPDATE events SET place_name = ?, geonameid = ?, lat = ?, lon = ?, place_country = ?, "
                        "place_fips = ?, place_adm1 = ?, place_kind = ? WHERE event_id = ?",
                        [*place_values(place), event_id])
        return len(event_rows), touched

    def _upsert_actors(self, con, events: list[Event], documents: dict) -> None:
        seen: dict[str, list] = {}
        for event in events:
            document = documents.get(event.doc_id)
            when = period_start(event.when.date, event.when.precision) if event.when.precision == "day" else None
            if when is None and document is not None and document.publication.date:
                when = period_start(document.publication.date, "day")
            for actor in (event.source, event.target):
                if actor is None:
                    continue
                name = actor.name or ""
                actor_id = content_id(actor.code, name)
                row = seen.get(actor_id)
                if row is None:
                    seen[actor_id] = [actor_id, actor.code, name, actor.country, actor.role, when, when, 1]
                else:
                    row[5] = min(d for d in (row[5], when) if d) if (row[5] or when) else None
                    row[6] = max(d for d in (row[6], when) if d) if (row[6] or when) else None
                    row[7] += 1
        insert_rows(con, "actors", ("actor_id", "code", "name", "country", "role", "first_seen", "last_seen", "mentions"),
                    [tuple(r) for r in seen.values()],
                    conflict="(actor_id) DO UPDATE SET "
                             "first_seen = coalesce(least(actors.first_seen, EXCLUDED.first_seen), actors.first_seen, EXCLUDED.first_seen), "
                             "last_seen = coalesce(greatest(actors.last_seen, EXCLUDED.last_seen), actors.last_seen, EXCLUDED.last_seen), "
                             "mentions = actors.mentions + EXCLUDED.mentions")

    def _recount(self, con, event_ids: Iterable[str]) -> None:
        """NumMentions, NumArticles, NumSources from the mentions and the articles carrying them."""
        ids = sorted(set(event_ids))
        if not ids:
            return
        con.execute("""
            UPDATE events SET num_mentions = c.nm, num_articles = c.na, num_sources = c.ns
            FROM (SELECT m.event_id, count(*) AS nm, count(DISTINCT o.article_key) AS na,
                         count(DISTINCT o.source_key) AS ns
                  FROM mentions m JOIN document_origins o ON o.doc_id = m.doc_id
                  WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
                  GROUP BY m.event_id) AS c
            WHERE events.event_id = c.event_id""", [ids])


# -- rows -------------------------------------------------------------------------------------

DOCUMENT_COLUMNS = ("doc_id", "origin", "url", "lang", "title", "published", "published_time", "published_source",
                    "published_text", "year_known", "text", "chars", "sentences", "events", "dropped_lines",
                    "run_id", "added_at")
ORIGIN_COLUMNS = ("doc_id", "article_key", "origin", "url", "source_key", "source_name", "run_id", "added_at")
REJECTION_COLUMNS = ("rejection_id", "origin", "stage", "reason", "detail", "run_id", "added_at")
EVENT_COLUMNS = ("event_id", "global_id", "seq", "link_key", "source_code", "source_name", "source_country", "source_role",
                 "target_code", "target_name", "target_country", "target_role", "cameo", "root", "quad_class",
                 "goldstein", "plover_type", "plover_mode", "modality", "date", "date_precision", "period_start",
                 "place_name", "geonameid", "lat", "lon", "place_country", "place_fips", "place_adm1", "place_kind",
                 "first_doc_id", "first_sentence", "num_mentions", "num_sources", "num_articles", "run_id", "added_at")
MENTION_COLUMNS = ("mention_id", "event_id", "doc_id", "sentence", "sentence_start",
                   "source_code", "source_text", "source_start", "source_end", "source_how",
                   "target_code", "target_text", "target_start", "target_end", "target_how",
                   "trigger_text", "trigger_start", "trigger_end", "cameo", "modality",
                   "date", "date_precision", "date_method", "planned_for", "place_name", "geonameid", "place_method",
                   "rule", "lang", "confidence", "record", "run_id", "added_at")


def insert_rows(con, table: str, columns: Sequence[str], rows: Sequence[Sequence], conflict: str | None = "DO NOTHING") -> None:
    """Multi-row INSERT (much faster than executemany); `conflict` is the ON CONFLICT clause."""
    if not rows:
        return
    placeholders = "(" + ", ".join("?" * len(columns)) + ")"
    suffix = f" ON CONFLICT {conflict}" if conflict else ""
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start:start + INSERT_CHUNK]
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([placeholders] * len(chunk)) + suffix)
        con.execute(sql, [value for row in chunk for value in row])


def event_ids_of_docs(con, doc_ids: Sequence[str]) -> list[str]:
    if not doc_ids:
        return []
    rows = con.execute("SELECT DISTINCT event_id FROM mentions WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                       [sorted(set(doc_ids))]).fetchall()
    return [r[0] for r in rows]


def sentence_starts(text: str, events: Sequence[Event]) -> dict[int, tuple[int, str]]:
    """Where each event-bearing sentence starts in the document text (-1 if it cannot be found)."""
    by_index = {e.sentence: e.sentence_text for e in events}
    starts, cursor = {}, 0
    for index in sorted(by_index):
        found = text.find(by_index[index], cursor)
        if found < 0:
            found = text.find(by_index[index])
        starts[index] = (found, by_index[index])
        if found >= 0:
            cursor = found + 1
    return starts


def as_report(event: Event) -> Report:
    return Report(event.event_id, link_key(event.source.code, event.target.code if event.target else None,
                                           event.root, event.modality),
                  event.when.date, event.when.precision if event.when.date else None,
                  event.place.geonameid if event.place else None)


def place_values(place) -> list:
    if place is None:
        return [None] * 8
    return [place.name, place.geonameid, place.lat, place.lon, place.country, place.fips, place.adm1, place.kind]


def document_row(result, run_id, now) -> tuple:
    doc = result.document
    pub = doc.publication
    return (doc.doc_id, doc.origin, doc.url, doc.lang, doc.title, period_start(pub.date, "day"), pub.time, pub.source,
            pub.text, pub.year_known, doc.text, len(doc.text), result.sentences, len(result.events),
            doc.dropped_lines, run_id, now)


def event_row(event: Event, seq: int, run_id, now) -> tuple:
    target = event.target
    report = as_report(event)
    return (event.event_id, global_id(event.event_id), seq, report.link_key,
            event.source.code, event.source.name, event.source.country, event.source.role,
            target.code if target else None, target.name if target else None,
            target.country if target else None, target.role if target else None,
            event.cameo, event.root, event.quad_class, event.goldstein, event.plover_type, event.plover_mode,
            event.modality, event.when.date, report.precision, period_start(event.when.date, report.precision),
            *place_values(event.place), event.doc_id, event.sentence, 1, 1, 1, run_id, now)


def mention_row(event: Event, event_id: str, sentence_start: int, run_id, now) -> tuple:
    base = max(sentence_start, 0)
    source, target = event.source, event.target
    return (event.event_id, event_id, event.doc_id, event.sentence, sentence_start,
            source.code, source.text, base + source.span[0], base + source.span[1], source.how,
            target.code if target else None, target.text if target else None,
            base + target.span[0] if target else None, base + target.span[1] if target else None,
            target.how if target else None,
            event.trigger.text, base + event.trigger.span[0], base + event.trigger.span[1],
            event.cameo, event.modality, event.when.date, event.when.precision, event.when.method, event.planned_for,
            event.place.name if event.place else None, event.place.geonameid if event.place else None,
            event.place.method if event.place else None, event.rule, event.lang, mention_confidence(event),
            json.dumps(event.to_json(), ensure_ascii=False), run_id, now)


def rejection_row(rejection: Rejection, run_id, now) -> tuple:
    return (content_id(rejection.origin, rejection.stage, rejection.reason), rejection.origin, rejection.stage,
            rejection.reason, rejection.detail, run_id, now)
