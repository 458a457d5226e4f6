"""Ingest throughput with 1 and 2 workers next to a plain spaCy parse; memory per worker; database size.

    python benchmarks/bench_ingest.py [--repeat 3] [--synthetic 20000] [INPUT ...]   (default: samples/corpus)

- plain parse: the extracted texts through spaCy alone, models loaded, in this process;
- ingest, N workers: `eventwire ingest` into a fresh database, timed from the start of the run
  (worker start-up, i.e. loading the models, included: that is what a user waits for), then the
  same without start-up cost estimated by a warm in-process run for 1 worker;
- peak memory: ru_maxrss of the busiest worker process (children) and of the parent;
- database size per 10,000 events: a synthetic run writing many linked events through the Store API.
The sample corpus is small (25 documents): read the ratios, not the absolute numbers.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.extract import extract  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import (Actor, BatchResult, Document, DocumentResult, Event, EventDate, Place,  # noqa: E402
                             Publication, Rejection, Trigger, content_id)
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.runners.local import ingest  # noqa: E402
from eventwire.settings import Settings  # noqa: E402
from eventwire.store import Store  # noqa: E402

CHILD = """
import resource, sys, time
sys.path.insert(0, {src!r})
from eventwire.runners.local import ingest
from eventwire.settings import Settings
from eventwire.store import Store
started = time.perf_counter()
with Store({db!r}) as store:
    report = ingest({inputs!r}, store, Settings(), workers={workers}, published="2024-01-01")
seconds = time.perf_counter() - started
try:   # VmHWM: ru_maxrss of an exec'd child on Linux keeps the high-water mark of the process that spawned it
    self_kb = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
except OSError:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(report.documents, report.mentions, report.events, seconds, self_kb, child_kb)
"""


def run_ingest(inputs: list[str], workers: int) -> tuple[int, int, int, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        code = CHILD.format(src=str(REPO / "src"), db=db, inputs=inputs, workers=workers)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    docs, mentions, events, seconds, self_kb, child_kb = out.split()
    return int(docs), int(mentions), int(events), float(seconds), int(self_kb), int(child_kb)


def synthetic_events(n_docs: int, per_doc: int, seed: int = 7):
    """Batches of made-up coded documents: varied dyads, roots, days and places, realistic text sizes."""
    rng = random.Random(seed)
    countries = ["FRA", "DEU", "RUS", "UKR", "CHN", "USA", "MLI", "SEN", "KEN", "NGA", "IRN", "ISR"]
    roles = ["GOV", "MIL", "COP", "OPP", ""]
    places = [Place("Paris", 2988507, 48.85, 2.35, "FRA", "FR", "FRA8", "city"),
              Place("Kyiv", 703448, 50.45, 30.52, "UKR", "UP", "UP12", "city"), None]
    for d in range(n_docs):
        text = " ".join(f"Sentence {d}-{s} of a dispatch about politics and diplomacy in the region." * 3
                        for s in range(12))
        doc = Document(content_id("synthetic", str(d)), f"synthetic/{d}.txt", text, "en",
                       Publication("2024-03-01", year_known=True, source="cli"), url=f"https://site{d % 40}.example/{d}")
        events = []
        for k in range(per_doc):
            src, tgt = rng.sample(countries, 2)
            code = f"{rng.randint(1, 20):02d}{rng.randint(0, 9)}"
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentence = text[:80]
            events.append(Event(
                content_id(doc.doc_id, str(k)), doc.doc_id, k, Actor(src + rng.choice(roles), src, None, None, "they", (0, 4)),
                Actor(tgt + rng.choice(roles), tgt, None, None, "them", (10, 14)), code, code[:2], 1, 1.0, "CONSULT", None,
                "asserted", EventDate(day, "day", "expression"), None, rng.choice(places), None, Trigger("met", (5, 8)),
                sentence, "synthetic", "en"))
        yield DocumentResult(doc, tuple(events), 12)


def db_size_per_10k(events_target: int) -> tuple[int, int, float]:
    per_doc = 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "size.duckdb"
        started = time.perf_counter()
        with Store(path) as store:
            batch = []
            for result in synthetic_events(events_target // per_doc, per_doc):
                batch.append(result)
                if len(batch) == 200:
                    store.write_batch(BatchResult(tuple(batch)))
                    batch = []
            if batch:
                store.write_batch(BatchResult(tuple(batch)))
            store.con.execute("CHECKPOINT")
            mentions, events = store.counts()["mentions"], store.counts()["events"]
        seconds = time.perf_counter() - started
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("size.duckdb.wal"))
    return mentions, events, size / events * 10_000 / 2**20, seconds


def scaled_corpus(inputs: list[str], scale: int, directory: Path) -> str:
    """K copies of every input document, each made distinct by a trailing comment/line."""
    for item in read_inputs(inputs, published="2024-01-01"):
        if isinstance(item, Rejection):
            continue
        suffix = ".html" if item.kind == "html" else ".txt"
        for k in range(scale):
            marker = f"<!-- copy {k} -->" if item.kind == "html" else f"\n(copy {k})\n"
            (directory / f"{item.item_id}_{k}{suffix}").write_text(item.content + marker, encoding="utf-8")
    return str(directory)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("inputs", nargs="*", default=[str(REPO / "samples" / "corpus")])
    args.add_argument("--repeat", type=int, default=3)
    args.add_argument("--synthetic", type=int, default=20_000, help="events written for the size estimate")
    args.add_argument("--scale", type=int, default=4,
                      help="ingest K variants of each input document (distinct content ids) so start-up is amortised")
    opts = args.parse_args()
    scratch = tempfile.TemporaryDirectory()
    if opts.scale > 1:
        opts.inputs = [scaled_corpus(opts.inputs, opts.scale, Path(scratch.name))]

    items = [i for i in read_inputs(opts.inputs, published="2024-01-01") if not isinstance(i, Rejection)]
    documents = [d for d in (extract(i) for i in items) if not isinstance(d, Rejection)]
    pipeline = Pipeline(Settings())
    pipeline.process_batch(items)                          # load everything before timing
    parse_times, warm_times = [], []
    for _ in range(opts.repeat):
        started = time.perf_counter()
        for lang in sorted({d.lang for d in documents}):
            list(pipeline.parser.pipeline(lang).pipe([d.text for d in documents if d.lang == lang]))
        parse_times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "warm.duckdb") as store:
            started = time.perf_counter()
            ingest(opts.inputs, store, Settings(), published="2024-01-01", pipeline=pipeline)
            warm_times.append(time.perf_counter() - started)
    n = len(documents)
    parse, warm = statistics.median(parse_times), statistics.median(warm_times)
    print(f"corpus: {n} documents, {sum(len(d.text) for d in documents)} characters; {os.cpu_count()} CPUs; "
          f"median of {opts.repeat} runs")
    print(f"{'what':<46}{'seconds':>9}{'docs/s':>9}{'peak MiB (ru_maxrss)':>28}")
    print(f"{'plain spaCy parse (models loaded)':<46}{parse:>9.2f}{n / parse:>9.1f}")
    print(f"{'ingest, in process, models loaded':<46}{warm:>9.2f}{n / warm:>9.1f}"
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>21.0f} (self)")
    for workers in (1, 2):
        runs = [run_ingest(opts.inputs, workers) for _ in range(opts.repeat)]
        seconds = statistics.median(r[3] for r in runs)
        parent = max(r[4] for r in runs) / 1024
        child = max(r[5] for r in runs) / 1024
        memory = f"{parent:.0f} parent" if workers == 1 else f"{parent:.0f} parent, {child:.0f} worker"
        print(f"{f'eventwire ingest --workers {workers} (with start-up)':<46}{seconds:>9.2f}{n / seconds:>9.1f}{memory:>28}")
    mentions, events, mib, seconds = db_size_per_10k(opts.synthetic)
    print(f"database: {mentions} synthetic reports -> {events} linked events written in {seconds:.1f}s "
          f"({mentions / seconds:.0f} reports/s); {mib:.1f} MiB per 10,000 events")


if __name__ == "__main__":
    main()
