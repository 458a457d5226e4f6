"""Ray runner: the local pool's batch function (`Pipeline.process_batch`) mapped with Ray Data.

    eventwire ingest --engine ray INPUT... --output DIR [--workers N] [--ray-address ADDR]

Plan: the driver reads the inputs (files, directories, WARC crawls, feeds, URL lists) with
`read_inputs`, as the local runner does, streaming RawItems into Ray's object store in Arrow
blocks -> `map_batches` with `CodeBatch`, a callable class run by a pool of N actors, each holding
one Pipeline (one set of spaCy models) for its whole life -> Parquet partitions in DIR/documents,
DIR/mentions, DIR/rejections (see runners/partitions.py). The database is not touched:
`eventwire load DIR --db PATH` merges the partitions afterwards through
`Store.write_batch`, so linking and idempotency are those of `eventwire ingest`.

Without an address Ray starts a local instance with N CPUs; with `--ray-address` (or the
RAY_ADDRESS environment variable) it joins a running cluster, where every node needs eventwire
installed (same version, same models) and DIR must be storage every node writes to (a shared
path, or an s3:// / gs:// URI to copy back before `load`).
Ray is an optional extra: `pip install "eventwire[ray]"`.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest.readers import expand_paths
from ..settings import Settings
from . import partitions

RAY_EXTRA = 'the Ray engine needs Ray Data: pip install "eventwire[ray]"'


def _schema(table: str):
    import pyarrow as pa

    common = [("run", pa.string()), ("position", pa.int64())]
    columns = {
        "documents": [("doc_id", pa.string()), ("origin", pa.string()), ("url", pa.string()), ("lang", pa.string()),
                      ("title", pa.string()), ("published", pa.string()), ("published_source", pa.string()),
                      ("chars", pa.int64()), ("sentences", pa.int64()), ("events", pa.int64()),
                      ("events_json", pa.string()), ("record", pa.string())],
        "mentions": [("mention_id", pa.string()), ("doc_id", pa.string()), ("sentence", pa.int64()),
                     ("source_code", pa.string()), ("target_code", pa.string()), ("cameo", pa.string()),
                     ("root", pa.string()), ("quad_class", pa.int64()), ("goldstein", pa.float64()),
                     ("modality", pa.string()), ("date", pa.string()), ("date_precision", pa.string()),
                     ("place_name", pa.string()), ("geonameid", pa.int64()), ("lang", pa.string()),
                     ("record", pa.string())],
        "rejections": [("origin", pa.string()), ("stage", pa.string()), ("reason", pa.string()),
                       ("detail", pa.string())],
        # what CodeBatch returns: one row per output record, `table` says which table it belongs to
        "coded": [("table", pa.string()), ("row", pa.string())],
    }[table]
    return pa.schema(common + columns)


def _input_blocks(inputs, *, published, lang, encoding, max_bytes, allow_private, block_rows: int):
    """Read the inputs in the driver, streaming them into the object store as Arrow blocks.

    The driver holds one block at a time; Ray spills blocks to disk when its store fills. Reading
    (and fetching, with one Fetcher keeping per-host rate limits and robots.txt) is far cheaper
    than parsing, so one reader keeps many coding actors busy; inputs need not be on storage the
    workers share."""
    import pyarrow as pa
    import ray

    from ..ingest import read_inputs

    schema = pa.schema([("position", pa.int64()), ("item", pa.string())])
    refs, rows = [], []
    items = read_inputs(inputs, published=published, lang=lang, encoding=encoding, max_bytes=max_bytes,
                        allow_private=allow_private)
    for k, item in enumerate(items):
        rows.append({"position": k, "item": partitions.item_payload(item)})
        if len(rows) >= block_rows:
            refs.append(ray.put(pa.Table.from_pylist(rows, schema=schema)))
            rows = []
    if rows:
        refs.append(ray.put(pa.Table.from_pylist(rows, schema=schema)))
    return refs


class CodeBatch:
    """Ray Data callable class: one Pipeline per actor, `Pipeline.process_batch` per batch."""

    def __init__(self, settings: Settings, actor_files: tuple[str, ...], run: str):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings, actor_files)
        self.run = run

    def __call__(self, batch):
        import json

        import pyarrow as pa

        inputs = batch.to_pylist()
        items = [partitions.item_from_payload(r["item"]) for r in inputs]
        where = {}
        for row, item in zip(inputs, items):
            where.setdefault(getattr(item, "item_id", None) or item.origin, row["position"])
        first = inputs[0]["position"] if inputs else 0
        result = self.pipeline.process_batch(items)
        out = []
        for doc_result in result.results:
            position = where.get(doc_result.document.doc_id, first)
            out.append(("documents", partitions.document_row(self.run, position, doc_result)))
            for event in doc_result.events:
                out.append(("mentions", partitions.mention_row(self.run, position, event)))
        for rejection in result.rejections:
            out.append(("rejections", partitions.rejection_row(self.run, where.get(rejection.origin, first), rejection)))
        return pa.Table.from_pylist(
            [{"run": r["run"], "position": r["position"], "table": table,
              "row": json.dumps(r, ensure_ascii=False)} for table, r in out], schema=_schema("coded"))


def split_table(batch, table: str):
    """The rows of one table out of CodeBatch's output, with that table's columns and types."""
    import json

    import pyarrow as pa

    rows = [json.loads(r["row"]) for r in batch.to_pylist() if r["table"] == table]
    return pa.Table.from_pylist(rows, schema=_schema(table))


@dataclass(slots=True)
class RayReport:
    run: str = ""
    output: str = ""
    inputs: int = 0
    documents: int = 0
    mentions: int = 0
    rejections: list[tuple[str, str, str]] = field(default_factory=list)   # (origin, reason, detail)
    seconds: float = 0.0
    workers: int = 0


def start_ray(workers: int, address: str | None, quiet: bool = True) -> bool:
    """Connect to `address` (or $RAY_ADDRESS), else start a local instance with `workers` CPUs.
    True when this call started Ray (the caller shuts it down), False when Ray was already up."""
    try:
        import ray
    except ImportError:
        raise InputError(RAY_EXTRA) from None
    if ray.is_initialized():
        return False
    options = {"include_dashboard": False, "logging_level": logging.WARNING if quiet else logging.INFO,
               "log_to_driver": not quiet}
    address = address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=workers, **options)
    return True


def ingest_ray(inputs: list[str], output: str | Path, settings: Settings, *, workers: int = 2,
               address: str | None = None, published: str | None = None, lang: str | None = None,
               encoding: str | None = None, actor_files: tuple[str, ...] = (), allow_private: bool = False,
               quiet: bool = False) -> RayReport:
    """Code `inputs` on Ray into Parquet partitions under `output`; the database is not touched."""
    try:
        import ray
        import ray.data  # noqa: F401  (the [data] part of the extra: pyarrow, pandas)
    except ImportError:
        raise InputError(RAY_EXTRA) from None
    started = time.perf_counter()
    names = list(expand_paths(inputs))
    if "-" in names:
        raise InputError("--engine ray cannot read stdin; save it to a file first, or use the local engine")
    if not names:
        raise InputError("no input documents found")
    output = str(output)
    remote_output = "://" in output
    if not remote_output:
        out_dir = Path(output).resolve()
        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(f"--output {output} is a file; give a directory for the Parquet partitions")
        output = str(out_dir)
    run = partitions.new_run_id()
    started_here = start_ray(workers, address, quiet)
    try:
        from ray.data import DataContext

        if quiet:
            logging.getLogger("ray.data").setLevel(logging.WARNING)
        context = DataContext.get_current()
        context.enable_progress_bars = not quiet
        context.execution_options.verbose_progress = False
        reading = {"published": published, "lang": lang, "encoding": encoding,
                   "max_bytes": settings.max_input_bytes, "allow_private": allow_private}
        refs = _input_blocks(names, **reading, block_rows=settings.batch_size)
        if not refs:
            raise InputError("no input documents found")
        items = ray.data.from_arrow_refs(refs)
        coded = items.map_batches(
            CodeBatch, fn_constructor_args=(settings, tuple(actor_files), run), batch_size=settings.batch_size,
            batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1).materialize()
        for table in partitions.TABLES:
            part = coded.map_batches(split_table, fn_kwargs={"table": table}, batch_format="pyarrow",
                                     batch_size=None, num_cpus=0.25)
            part.write_parquet(f"{output}/{table}")
    finally:
        if started_here:
            ray.shutdown()
    report = RayReport(run=run, output=output, inputs=len(names), workers=workers)
    if not remote_output:
        count_output(report)
    report.seconds = time.perf_counter() - started
    return report


def count_output(report: RayReport) -> None:
    """Documents, mentions and rejections this run wrote (read back from the Parquet files)."""
    import duckdb

    with duckdb.connect() as con:
        for table in partitions.TABLES:
            files = partitions.table_files(report.output, table)
            if files is None:
                continue
            if table == "rejections":
                report.rejections = con.execute(
                    "SELECT origin, reason, detail FROM read_parquet(?, union_by_name = true) WHERE run = ? "
                    "ORDER BY position", [files, report.run]).fetchall()
            else:
                count = con.execute("SELECT count(*) FROM read_parquet(?, union_by_name = true) WHERE run = ?",
                                    [files, report.run]).fetchone()[0]
                setattr(report, table, count)
