"""Articles per second for the whole coding pipeline next to a plain spaCy parse of the same texts.

    python benchmarks/bench_code.py [--repeat 5] [INPUT ...]   (default: samples/corpus)

Both are timed in the same run, on the same extracted texts, after models are loaded; the table
reports medians over the repeats and the ratio (pipeline time / parse time). Shared machines are
noisy: read the ratio, not the absolute numbers.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.extract import extract  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import Rejection  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.settings import Settings  # noqa: E402


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("inputs", nargs="*", default=[str(REPO / "samples" / "corpus")])
    args.add_argument("--repeat", type=int, default=5)
    opts = args.parse_args()

    items = [i for i in read_inputs(opts.inputs, published="2024-01-01") if not isinstance(i, Rejection)]
    pipeline = Pipeline(Settings())
    documents = [d for d in (extract(i) for i in items) if not isinstance(d, Rejection)]
    pipeline.process_batch(items)  # load models, lexicons and gazetteer before timing
    for lang in {d.lang for d in documents}:
        pipeline.parser.pipeline(lang)

    parse_times, code_times = [], []
    events = 0
    for _ in range(opts.repeat):
        started = time.perf_counter()
        for lang in sorted({d.lang for d in documents}):
            list(pipeline.parser.pipeline(lang).pipe([d.text for d in documents if d.lang == lang]))
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = pipeline.process_batch(items)
        code_times.append(time.perf_counter() - started)
        events = sum(len(r.events) for r in result.results)

    n = len(documents)
    parse, code = statistics.median(parse_times), statistics.median(code_times)
    chars = sum(len(d.text) for d in documents)
    print(f"corpus: {n} documents, {chars} characters, {events} events; median of {opts.repeat} runs")
    print(f"{'what':<38}{'seconds':>10}{'articles/s':>12}")
    print(f"{'plain spaCy parse (baseline)':<38}{parse:>10.3f}{n / parse:>12.1f}")
    print(f"{'eventwire code (extract+parse+code)':<38}{code:>10.3f}{n / code:>12.1f}")
    print(f"ratio eventwire/parse: {code / parse:.2f}x  (coding and extraction add {100 * (code / parse - 1):.0f}%)")


if __name__ == "__main__":
    main()
