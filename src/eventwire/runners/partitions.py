"""Parquet partitions written by a distributed run, and `eventwire load` that merges them into the store.

A partition set is a directory with one subdirectory per table:

    DIR/documents/*.parquet    one row per coded document; `record` holds the whole DocumentResult
                               (document, events, sentence count) as lossless JSON, `events_json`
                               the document's events as `eventwire code --format json` prints them
    DIR/mentions/*.parquet     one row per coded event report (before linking), key columns + JSON
    DIR/rejections/*.parquet   one row per rejected input

Rows carry `run` (one id per `ingest --engine ray` run, sortable by time) and `position`, the
item's place in the run's input, so `load` replays documents in input order whatever order the
workers finished in. Linked events do not exist yet in a partition set: `load` rebuilds the
BatchResults and hands them to `Store.write_batch`, the same call the local runner makes, so
linking, content-hash idempotency and GDELT counts are exactly those of a local ingest. Records
are JSON, never pickles: loading a partition set cannot run code.

This module needs DuckDB only (no Ray, no spaCy): any machine with eventwire can load.
"""
from __future__ import annotations

import dataclasses
import json
import platform
import time
import types
import typing
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..model import BatchResult, DocumentResult, Event, RawItem, Rejection
from ..store import BatchCounts, Store

TABLES = ("documents", "mentions", "rejections")


# -- lossless JSON for the model records ------------------------------------------------------

def encode(record) -> str:
    """A model dataclass (DocumentResult, RawItem, ...) as JSON; tuples become lists."""
    return json.dumps(dataclasses.asdict(record), ensure_ascii=False, separators=(",", ":"))


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _build(hint, value):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(_build(a, v) for a, v in zip(args, value)) if args else tuple(value)
    if origin is dict or origin is list:
        return value
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{f.name: _build(hints[f.name], value[f.name])
                       for f in dataclasses.fields(hint) if f.name in value})
    return value


def decode(cls, text: str):
    """The inverse of `encode`: `decode(DocumentResult, encode(result)) == result`."""
    return _build(cls, json.loads(text))


def item_payload(item: RawItem | Rejection) -> str:
    return json.dumps({"type": "raw" if isinstance(item, RawItem) else "rejection", **dataclasses.asdict(item)},
                      ensure_ascii=False)


def item_from_payload(text: str) -> RawItem | Rejection:
    data = json.loads(text)
    kind = data.pop("type")
    return _build(RawItem if kind == "raw" else Rejection, data)


# -- rows of the three tables -----------------------------------------------------------------

def new_run_id() -> str:
    """Sortable by time, unique across machines: runs appended to one directory load in run order."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def document_row(run: str, position: int, result: DocumentResult) -> dict:
    doc = result.document
    return {"run": run, "position": position, "doc_id": doc.doc_id,
            "origin": doc.origin, "url": doc.url, "lang": doc.lang, "title": doc.title,
            "published": doc.publication.date, "published_source": doc.publication.source,
            "chars": len(doc.text), "sentences": result.sentences, "events": len(result.events),
            "events_json": json.dumps([e.to_json() for e in result.events], ensure_ascii=False),
            "record": encode(result)}


def mention_row(run: str, position: int, event: Event) -> dict:
    return {"run": run, "position": position, "mention_id": event.event_id,
            "doc_id": event.doc_id, "sentence": event.sentence, "source_code": event.source.code,
            "target_code": event.target.code if event.target else None, "cameo": event.cameo, "root": event.root,
            "quad_class": event.quad_class, "goldstein": float(event.goldstein), "modality": event.modality,
            "date": event.when.date, "date_precision": event.when.precision,
            "place_name": event.place.name if event.place else None,
            "geonameid": event.place.geonameid if event.place else None, "lang": event.lang,
            "record": json.dumps(event.to_json(), ensure_ascii=False)}


def rejection_row(run: str, position: int, rejection: Rejection) -> dict:
    return {"run": run, "position": position, "origin": rejection.origin,
            "stage": rejection.stage, "reason": rejection.reason, "detail": rejection.detail}


# -- load -------------------------------------------------------------------------------------

@dataclass(slots=True)
class LoadReport:
    run_id: str = ""
    documents: int = 0          # new documents stored
    skipped: int = 0            # already in the database
    mentions: int = 0
    events: int = 0             # new linked events
    rejections: int = 0         # new rejections stored
    seconds: float = 0.0
    seen: int = 0               # documents read from the partitions
    runs: list[str] = field(default_factory=list)

    def add(self, counts: BatchCounts) -> None:
        self.documents += counts.documents
        self.skipped += counts.skipped
        self.mentions += counts.mentions
        self.events += counts.events
        self.rejections += counts.rejections


def table_files(directory: str | Path, table: str) -> str | None:
    """The glob DuckDB reads for one table, or None when the table has no file."""
    base = Path(directory) / table
    if not base.is_dir() or not any(base.rglob("*.parquet")):
        return None
    return str(base / "**" / "*.parquet")


def load(directory: str | Path, store: Store, *, batch_size: int = 32, on_batch=None) -> LoadReport:
    """Merge a partition set into `store`, documents in (run, input) order, `batch_size` per transaction."""
    import duckdb

    started = time.perf_counter()
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"no partition directory at {directory}; write one with "
                         f"`eventwire ingest --engine ray INPUT... --output {directory}`")
    documents = table_files(directory, "documents")
    rejections = table_files(directory, "rejections")
    if documents is None and rejections is None:
        raise InputError(f"{directory} holds no eventwire partitions (expected {directory}/documents/*.parquet); "
                         "give the --output directory of `eventwire ingest --engine ray`")
    report = LoadReport()
    report.run_id = store.start_run("load", [str(directory)], {"batch_size": batch_size},
                                    {"eventwire": __version__, "python": platform.python_version(),
                                     "duckdb": duckdb.__version__}, 1)
    reader = duckdb.connect()          # a separate in-memory connection: the store's stays free for writes
    status = "failed"
    try:
        runs = set()
        if documents is not None:
            cursor = reader.execute(
                "SELECT run, record FROM read_parquet(?, union_by_name = true) "
                "ORDER BY run, position, doc_id", [documents])
            while rows := cursor.fetchmany(batch_size):
                results = tuple(decode(DocumentResult, record) for _, record in rows)
                runs.update(run for run, _ in rows)
                batch = BatchResult(results=results)
                report.add(store.write_batch(batch, report.run_id))
                report.seen += len(results)
                if on_batch:
                    on_batch(report)
        if rejections is not None:
            rows = reader.execute(
                "SELECT run, origin, stage, reason, detail FROM read_parquet(?, union_by_name = true) "
                "ORDER BY run, position", [rejections]).fetchall()
            runs.update(r[0] for r in rows)
            for start in range(0, len(rows), max(batch_size, 256)):
                chunk = tuple(Rejection(*r[1:]) for r in rows[start:start + max(batch_size, 256)])
                report.add(store.write_batch(BatchResult(rejections=chunk), report.run_id))
        report.runs = sorted(runs)
        status = "done"
    except duckdb.Error as exc:
        raise InputError(f"cannot read the partitions in {directory}: {str(exc).splitlines()[0]}") from None
    finally:
        reader.close()
        report.seconds = time.perf_counter() - started
        try:
            store.finish_run(report.run_id, status)
        except Exception:
            pass
    return report
