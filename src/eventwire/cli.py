"""Command line: `eventwire code | eval`. Bad input -> one line on stderr and exit code 2."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date

from . import __version__
from .errors import EventwireError, InputError
from .evaluate import format_report, run_eval
from .ingest import read_inputs
from .model import BatchResult, Event, Rejection
from .pipeline import Pipeline, batched
from .settings import SUPPORTED_LANGS, load_settings

EXIT_BAD_INPUT = 2

CODE_EXAMPLES = """examples:
  eventwire code ../shared/seed/000_d01af30d1e087809.txt --published 2018-04-25
  eventwire code page.html --format jsonl > events.jsonl
  eventwire code samples/corpus --summary
  cat dispatch.txt | eventwire code - --lang fr --published 2024-03-12
  eventwire code dump.jsonl --format json      # one document per line: {"id", "text"|"html", "published"?}

exit codes: 0 coded (rejected inputs are listed on stderr), 2 bad input (nothing could be coded)
"""

EVAL_EXAMPLES = """examples:
  eventwire eval gold/fr_dev.gold.jsonl --lang fr
  eventwire eval ../shared/eval/petr2_gsr_en.gold.jsonl --lang en --json > report.json
  eventwire eval gold/en_dev.gold.jsonl --show 50     # list 50 misses and extras to read
"""


def valid_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2018-04-25") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="Political event data from French and English news.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("--settings", metavar="TOML", help="a settings file overriding the packaged defaults")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = commands.add_parser("code", help="code documents into CAMEO events", epilog=CODE_EXAMPLES,
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    code.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html/.htm, .jsonl files, directories, or - for stdin")
    code.add_argument("--published", type=valid_date, metavar="YYYY-MM-DD",
                      help="publication date of the inputs (fills a year the page does not give)")
    code.add_argument("--lang", choices=SUPPORTED_LANGS, help="skip language detection")
    code.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    code.add_argument("--summary", action="store_true", help="print counts instead of events")
    code.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8 (e.g. cp1252)")
    code.add_argument("--actors", action="append", default=[], metavar="TSV",
                      help="a user actor dictionary (phrase, code[, kind, start, end]); repeatable")
    code.add_argument("--strict", action="store_true", help="exit 2 if any input is rejected")

    ev = commands.add_parser("eval", help="score the coder against a gold JSONL file", epilog=EVAL_EXAMPLES,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--lang", choices=SUPPORTED_LANGS, help="language of the gold sentences (default: detect)")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.add_argument("--show", type=int, default=10, metavar="N", help="misses and extras to list (default 10)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return EXIT_BAD_INPUT if exc.code not in (0, None) else 0
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        settings = load_settings(args.settings)
        if args.command == "code":
            return run_code(args, settings)
        if args.command == "eval":
            return run_eval_command(args, settings)
    except EventwireError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    return 0


def run_code(args, settings) -> int:
    pipeline = Pipeline(settings, tuple(args.actors))
    items = read_inputs(args.inputs, published=args.published, lang=args.lang, encoding=args.encoding,
                        max_bytes=settings.max_input_bytes)
    coded_docs = 0
    rejections: list[Rejection] = []
    all_events: list[Event] = []
    results = []
    for batch in batched(items, settings.batch_size):
        result: BatchResult = pipeline.process_batch(batch)
        rejections.extend(result.rejections)
        for rejection in result.rejections:
            print(f"eventwire: rejected {rejection.detail}", file=sys.stderr)
        for doc_result in result.results:
            coded_docs += 1
            results.append(doc_result)
            warn_unknown_year(doc_result.document)
            if not args.summary:
                emit(doc_result, args.format, first=coded_docs == 1)
            all_events.extend(doc_result.events)
    if args.format == "json" and not args.summary:
        print("]" if coded_docs else "[]")
    if args.summary:
        print(summary(results, rejections))
    if coded_docs == 0 or (args.strict and rejections):
        if not rejections:
            print("eventwire: no input documents found", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def warn_unknown_year(document) -> None:
    if not document.publication.year_known:
        seen = f" (the page says {document.publication.text!r})" if document.publication.text else ""
        print(f"eventwire: {document.origin}: publication year unknown{seen}; dates without a year stay unresolved — "
              "pass --published YYYY-MM-DD", file=sys.stderr)


def emit(doc_result, fmt: str, first: bool) -> None:
    if fmt == "jsonl":
        for event in doc_result.events:
            print(json.dumps(event.to_json(), ensure_ascii=False))
    elif fmt == "json":
        body = ",\n".join(json.dumps(e.to_json(), ensure_ascii=False) for e in doc_result.events)
        prefix = "[\n" if first else (",\n" if body else "")
        print(prefix + body, end="\n" if body else "")
    else:
        print(table(doc_result))


def table(doc_result) -> str:
    from .coding.tables import describe

    doc = doc_result.document
    pub = doc.publication
    lines = [f"# {doc.origin}  lang={doc.lang}  published={pub.date or 'year unknown'} ({pub.source})  "
             f"sentences={doc_result.sentences}  events={len(doc_result.events)}"]
    if not doc_result.events:
        return "\n".join(lines + ["  (no events)"])
    lines.append(f"  {'s':>2}  {'source':<10} {'target':<10} {'code':<5} {'label':<34} {'modality':<10} {'date':<10} {'place':<12} evidence")
    for e in doc_result.events:
        label = describe(e.cameo).label[:34]
        date_text = e.when.date or "?"
        if e.planned_for:
            date_text += f"→{e.planned_for}"
        place = (e.place.name if e.place else "") + (f"→{e.planned_place.name}" if e.planned_place else "")
        evidence = excerpt(e)
        lines.append(f"  {e.sentence:>2}  {e.source.code:<10} {(e.target.code if e.target else '-'):<10} {e.cameo:<5} "
                     f"{label:<34} {e.modality:<10} {date_text:<10} {place[:12]:<12} {evidence}")
    return "\n".join(lines)


def excerpt(event: Event, width: int = 70) -> str:
    start, end = event.trigger.span
    text = event.sentence_text
    left = max(0, start - width // 3)
    snippet = text[left:start] + "[" + text[start:end] + "]" + text[end:end + width]
    return ("…" if left else "") + snippet[:width + 10].replace("\n", " ")


def summary(results, rejections) -> str:
    events = [e for r in results for e in r.events]
    roots = Counter(e.root for e in events)
    dyads = Counter((e.source.code, e.target.code if e.target else "-") for e in events)
    modality = Counter(e.modality for e in events)
    langs = Counter(r.document.lang for r in results)
    lines = [f"documents coded: {len(results)} ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}); "
             f"rejected: {len(rejections)}; sentences: {sum(r.sentences for r in results)}; events: {len(events)}"]
    lines.append("events by root: " + ", ".join(f"{k}:{v}" for k, v in sorted(roots.items())))
    lines.append("modality: " + ", ".join(f"{k}:{v}" for k, v in modality.most_common()))
    lines.append("top dyads: " + ", ".join(f"{s}->{t} ({n})" for (s, t), n in dyads.most_common(8)))
    for rejection in rejections:
        lines.append(f"rejected: {rejection.origin} [{rejection.stage}/{rejection.reason}]")
    return "\n".join(lines)


def run_eval_command(args, settings) -> int:
    pipeline = Pipeline(settings)
    report = run_eval(args.gold, pipeline, lang=args.lang)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report, show=args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
