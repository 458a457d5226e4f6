"""Throughput of `eventwire code` next to a plain spaCy parse of the same texts, in one run.

    python benchmarks/bench_code.py [--repeat 5] [INPUT ...]   (default: samples/corpus)

Stages are timed separately on the same documents after every model and table is loaded:
extraction (trafilatura / text cleaner + language id), the spaCy parse (the baseline), and
coding (actors, events, dates, places). The table shows medians over the repeats and the ratios
that matter: coding time / parse time, and whole pipeline / parse. Shared machines are noisy:
read the ratios, not the absolute seconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.coding.coder import code_sentences  # noqa: E402
from eventwire.extract import extract  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import Rejection  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.settings import Settings  # noqa: E402


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("inputs", nargs="*", default=[str(REPO / "samples" / "corpus")])
    args.add_argument("--repeat", type=int, default=5)
    args.add_argument("--copies", type=int, default=4, help="repeat the corpus to make batches realistic")
    opts = args.parse_args()

    items = [i for i in read_inputs(opts.inputs, published="2024-01-01") if not isinstance(i, Rejection)] * opts.copies
    pipeline = Pipeline(Settings())
    pipeline.process_batch(items[:8])  # load models, lexicons, gazetteer, language detector

    rows = {"extract": [], "parse": [], "code": [], "pipeline": []}
    events = 0
    for _ in range(opts.repeat):
        t_extract, documents = timed(lambda: [d for d in (extract(i) for i in items) if not isinstance(d, Rejection)])
        t_parse, parsed = timed(lambda: pipeline.parser.parse_documents(documents))
        t_code, coded = timed(lambda: [code_sentences(d, s, pipeline.resources(d.lang)) for d, s in zip(documents, parsed)])
        t_all, result = timed(lambda: pipeline.process_batch(items))
        for name, value in (("extract", t_extract), ("parse", t_parse), ("code", t_code), ("pipeline", t_all)):
            rows[name].append(value)
        events = sum(len(r.events) for r in result.results)

    n = len(documents)
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"corpus: {n} documents ({len(items) // opts.copies} distinct x {opts.copies}), "
          f"{sum(len(d.text) for d in documents)} characters, {events} events; median of {opts.repeat} runs")
    print(f"{'stage':<44}{'seconds':>9}{'articles/s':>12}")
    for name, label in (("parse", "plain spaCy parse (baseline)"), ("extract", "extraction + language id"),
                        ("code", "coding: actors, events, dates, places"),
                        ("pipeline", "eventwire code, whole pipeline")):
        print(f"{label:<44}{med[name]:>9.3f}{n / med[name]:>12.1f}")
    print(f"coding adds {100 * med['code'] / med['parse']:.0f}% to the parse time; "
          f"whole pipeline / parse = {med['pipeline'] / med['parse']:.2f}x")


if __name__ == "__main__":
    main()
