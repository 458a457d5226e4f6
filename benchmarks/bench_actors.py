"""Actor resolution on a 1,000-sentence batch next to the spaCy parse of the same sentences.

    python benchmarks/bench_actors.py [--sentences 1000] [--repeat 3]

Sentences come from the project's own dev gold sets (French and English, repeated to the size
asked). Timed after models and lexicons are loaded; medians of the repeats; the ratio is what
the acceptance asks for (resolution must add less than 20% to the parse).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.actors.lexicon import load_lexicon  # noqa: E402
from eventwire.actors.mentions import find_chunks  # noqa: E402
from eventwire.actors.resolve import DocumentContext, resolve_chunk  # noqa: E402
from eventwire.nlp import Parser  # noqa: E402
from eventwire.settings import Settings  # noqa: E402


def gold_sentences(limit: int) -> list[tuple[str, str]]:
    pairs = []
    for lang in ("fr", "en"):
        for line in (REPO / "gold" / f"{lang}_dev.gold.jsonl").read_text(encoding="utf-8").splitlines():
            pairs.append((json.loads(line)["text"], lang))
    return [pairs[i % len(pairs)] for i in range(limit)]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--sentences", type=int, default=1000)
    args.add_argument("--repeat", type=int, default=3)
    opts = args.parse_args()
    pairs = gold_sentences(opts.sentences)
    parser = Parser(Settings().models)
    lexicons = {lang: load_lexicon(lang) for lang in ("fr", "en")}
    for lang in lexicons:
        parser.pipeline(lang)

    parse_times, resolve_times, actors = [], [], 0
    for _ in range(opts.repeat):
        started = time.perf_counter()
        parsed = {lang: list(parser.pipeline(lang).pipe([t for t, l in pairs if l == lang], batch_size=64))
                  for lang in lexicons}
        parse_times.append(time.perf_counter() - started)
        from eventwire.nlp import sentences_from

        sentences = [s for lang, docs in parsed.items() for d in docs for s in sentences_from(d, lang)]
        started = time.perf_counter()
        actors = 0
        for sentence in sentences:
            ctx = DocumentContext(lexicon=lexicons[sentence.lang], on=date(2024, 1, 1))
            for chunk in find_chunks(sentence, ctx.lexicon):
                actors += len(resolve_chunk(chunk, sentence, ctx))
        resolve_times.append(time.perf_counter() - started)
    parse, resolve = statistics.median(parse_times), statistics.median(resolve_times)
    print(f"{len(pairs)} sentences ({sum(1 for _, l in pairs if l == 'fr')} fr, {sum(1 for _, l in pairs if l == 'en')} en), "
          f"{actors} actors resolved; median of {opts.repeat} runs")
    print(f"{'stage':<32}{'seconds':>9}{'sentences/s':>13}")
    print(f"{'spaCy parse (baseline)':<32}{parse:>9.3f}{len(pairs) / parse:>13.0f}")
    print(f"{'actor chunking + resolution':<32}{resolve:>9.3f}{len(pairs) / resolve:>13.0f}")
    print(f"resolution adds {100 * resolve / parse:.1f}% to the parse time")


if __name__ == "__main__":
    main()
