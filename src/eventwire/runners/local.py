"""Local runner: a process pool with one Pipeline (one set of spaCy models) per worker.

Workers only code; the parent process is the single writer. Each batch is written in one
transaction and documents already stored (by content id) are skipped before they are parsed, so
a run killed at any moment and started again finishes with nothing lost and nothing doubled.
"""
from __future__ import annotations

import platform
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from .. import __version__
from ..ingest import read_inputs
from ..model import BatchResult, RawItem, Rejection
from ..pipeline import Pipeline, batched
from ..settings import Settings
from ..store import BatchCounts, Store

# The worker's pipeline: set once by the pool initializer in each worker process, read by `_code_batch`.
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings, actor_files: tuple[str, ...], remembered: tuple[tuple[str, str], ...] = ()) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings, actor_files, remembered)


def _code_batch(batch: Sequence[RawItem | Rejection]) -> BatchResult:
    assert _WORKER_PIPELINE is not None, "worker started without its initializer"
    return _WORKER_PIPELINE.process_batch(batch)


@dataclass(slots=True)
class IngestReport:
    run_id: str = ""
    documents: int = 0          # new documents stored
    skipped: int = 0            # already stored (by content id), not parsed again
    mentions: int = 0           # new event reports
    events: int = 0             # new linked events
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.documents + self.skipped

    def add(self, counts: BatchCounts) -> None:
        self.documents += counts.documents
        self.skipped += counts.skipped
        self.mentions += counts.mentions
        self.events += counts.events


def versions(settings: Settings) -> dict:
    import duckdb

    found = {"eventwire": __version__, "python": platform.python_version(), "duckdb": duckdb.__version__}
    try:
        from importlib.metadata import PackageNotFoundError, version
        found["spacy"] = version("spacy")
        for lang, name in settings.models.items():
            try:
                found[f"model:{lang}"] = f"{name} {version(name.replace('_', '-'))}"
            except PackageNotFoundError:
                found[f"model:{lang}"] = name
    except Exception:  # versions are informative only
        pass
    return found


def ingest(inputs: Sequence[str], store: Store, settings: Settings, *, workers: int = 1,
           published: str | None = None, lang: str | None = None, encoding: str | None = None,
           actor_files: tuple[str, ...] = (), pipeline: Pipeline | None = None,
           on_batch: Callable[[IngestReport, BatchResult], None] | None = None,
           allow_private: bool = False) -> IngestReport:
    """Code `inputs` into `store`. workers=1 codes in this process (with `pipeline` if given).
    `allow_private` lets feeds, URL lists and URLs reach private/loopback addresses (--allow-private)."""
    started = time.perf_counter()
    report = IngestReport()
    report.run_id = store.start_run("ingest", list(inputs), {**asdict(settings), "published": published, "lang": lang},
                                    versions(settings), workers)
    items = read_inputs(inputs, published=published, lang=lang, encoding=encoding,
                        max_bytes=settings.max_input_bytes, allow_private=allow_private)
    status = "failed"
    remembered = store.remembered_people()
    try:
        for result in _results(_pending(items, store, settings.batch_size, report), settings, workers,
                               actor_files, pipeline, remembered):
            counts = store.write_batch(result, report.run_id)
            report.add(counts)
            report.rejections.extend(result.rejections)
            report.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(report, result)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        report.seconds = time.perf_counter() - started
        try:
            store.finish_run(report.run_id, status)
        except Exception:  # the database may be gone with the error being raised
            pass
    return report


def _pending(items: Iterable[RawItem | Rejection], store: Store, size: int, report: IngestReport):
    """Batches of what still needs coding: documents already stored only get their origin noted."""
    for batch in batched(items, size):
        raw = [i for i in batch if isinstance(i, RawItem)]
        stored = store.stored_doc_ids(i.item_id for i in raw)
        if stored:
            known = [i for i in raw if i.item_id in stored]
            store.record_origins(known, report.run_id)
            report.skipped += len(known)
        todo = [i for i in batch if isinstance(i, Rejection) or i.item_id not in stored]
        if todo:
            yield todo


def _results(batches, settings: Settings, workers: int, actor_files, pipeline: Pipeline | None,
             remembered: tuple[tuple[str, str], ...] = ()):
    """BatchResults in input order; with workers > 1 a bounded number of batches are in flight."""
    if workers <= 1:
        pipeline = (pipeline or Pipeline(settings, actor_files)).remembering(remembered)
        for batch in batches:
            yield pipeline.process_batch(batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(settings, tuple(actor_files), remembered)) as pool:
        in_flight: deque[Future] = deque()
        try:
            for batch in batches:
                in_flight.append(pool.submit(_code_batch, batch))
                if len(in_flight) >= 2 * workers:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        except BaseException:
            for future in in_flight:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise

