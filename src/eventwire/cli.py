"""Command line: `eventwire code | eval | ingest | export | stats | serve`. Bad input -> one line on stderr and exit code 2."""
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


INGEST_EXAMPLES = """examples:
  eventwire ingest samples/corpus                       # into ./eventwire.duckdb
  eventwire ingest dumps/ --db news.duckdb --workers 4  # one spaCy model per worker
  eventwire ingest dump.jsonl --published 2024-03-12 --lang fr

Re-ingesting the same inputs adds nothing; a run stopped at any point (even kill -9) finishes
when started again. Only one process may write a database at a time.

  eventwire ingest crawl.warc.gz --engine ray --workers 8 --output parts/   # Ray Data; then:
  eventwire load parts/ --db news.duckdb
exit codes: 0 ingested (rejected inputs are listed on stderr), 2 bad input or database in use
"""

LOAD_EXAMPLES = """examples:
  eventwire ingest crawl.warc.gz --engine ray --output parts/ && eventwire load parts/
  eventwire load parts/ --db news.duckdb     # loading again, or after a local ingest, adds nothing twice
"""

EXPORT_EXAMPLES = """examples:
  eventwire export --format gdelt --out events.tsv                  # GDELT 2.0 Events, 61 columns
  eventwire export --format gdelt-mentions --out mentions.tsv       # GDELT 2.0 Mentions, 16 columns
  eventwire export --format plover --since 2024-01-01 > plover.jsonl
  eventwire export --format parquet --out events.parquet --db news.duckdb
"""

SERVE_EXAMPLES = """examples:
  eventwire serve                                   # ./eventwire.duckdb on http://127.0.0.1:8000/
  eventwire serve --db news.duckdb --port 8080
  EVENTWIRE_TOKEN=s3cret eventwire serve            # also accept POST /api/ingest with that bearer token

The server owns the database (it is its single writer): stop it before running `eventwire ingest`
on the same file. The API is described at /docs; the dashboard is at /.
"""

WATCH_EXAMPLES = """examples:
  eventwire watch https://example.org/world.rss --every 15m --db news.duckdb
  eventwire watch feeds/*.rss https://example.org/atom.xml --every 1h
  eventwire watch https://example.org/world.rss --once      # one poll, e.g. from cron

Only entries not seen before are ingested; what was seen lives in the database, so a restarted
watcher goes on where it stopped. One line per poll on stderr; Ctrl-C stops.
exit codes: 0 stopped (with --once: every feed read), 1 with --once: some feed failed, 2 bad input
"""

STATS_EXAMPLES = """examples:
  eventwire stats
  eventwire stats --db news.duckdb --top 20
"""


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a positive whole number")
    return number


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
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help=".txt, .html/.htm, .jsonl files, .rss/.atom/.xml feeds, .warc/.warc.gz crawls, .urls lists, "
                           "http(s):// URLs, directories, or - for stdin")
    code.add_argument("--published", type=valid_date, metavar="YYYY-MM-DD",
                      help="publication date of the inputs (fills a year the page does not give)")
    code.add_argument("--lang", choices=SUPPORTED_LANGS, help="skip language detection")
    code.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    code.add_argument("--summary", action="store_true", help="print counts instead of events")
    code.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8 (e.g. cp1252)")
    code.add_argument("--actors", action="append", default=[], metavar="TSV",
                      help="a user actor dictionary (phrase, code[, kind, start, end]); repeatable")
    code.add_argument("--strict", action="store_true", help="exit 2 if any input is rejected")
    code.add_argument("--allow-private", action="store_true",
                      help="let URLs and feeds reach private, loopback and link-local addresses (refused by default)")

    ev = commands.add_parser("eval", help="score the coder against a gold JSONL file", epilog=EVAL_EXAMPLES,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--lang", choices=SUPPORTED_LANGS, help="language of the gold sentences (default: detect)")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.add_argument("--show", type=int, default=10, metavar="N", help="misses and extras to list (default 10)")

    ingest = commands.add_parser("ingest", help="code documents into a DuckDB database (linked events, mentions)",
                                 epilog=INGEST_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ingest.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html/.htm, .jsonl files or directories")
    ingest.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")
    ingest.add_argument("--workers", type=positive_int, default=1, metavar="N",
                        help="worker processes, each with its own spaCy models (default 1: in this process)")
    ingest.add_argument("--published", type=valid_date, metavar="YYYY-MM-DD",
                        help="publication date of the inputs (fills a year the page does not give)")
    ingest.add_argument("--lang", choices=SUPPORTED_LANGS, help="skip language detection")
    ingest.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8 (e.g. cp1252)")
    ingest.add_argument("--batch-size", type=positive_int, metavar="N",
                        help="documents per batch and per transaction (default: the batch_size setting)")
    ingest.add_argument("--link-window", type=int, default=1, metavar="DAYS",
                        help="days apart two reports of one event may be dated (default 1; docs/linking.md)")
    ingest.add_argument("--actors", action="append", default=[], metavar="TSV",
                        help="a user actor dictionary (phrase, code[, kind, start, end]); repeatable")
    ingest.add_argument("--quiet", action="store_true", help="no progress line")
    ingest.add_argument("--allow-private", action="store_true",
                        help="let URLs and feeds reach private, loopback and link-local addresses (refused by default)")
    ingest.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: a process pool writing the database (default); ray: Ray Data actors writing "
                             "Parquet partitions to --output, merged later with `eventwire load` (pip install "
                             "\"eventwire[ray]\")")
    ingest.add_argument("--output", metavar="DIR", help="--engine ray: directory for the Parquet partitions")
    ingest.add_argument("--ray-address", metavar="ADDR",
                        help="--engine ray: a running cluster (e.g. ray://head:10001 or auto; default $RAY_ADDRESS, "
                             "else a local Ray with --workers CPUs)")

    load = commands.add_parser("load", help="merge the Parquet partitions of `ingest --engine ray` into a database",
                               epilog=LOAD_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    load.add_argument("directory", metavar="DIR", help="the --output directory of `eventwire ingest --engine ray`")
    load.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")
    load.add_argument("--batch-size", type=positive_int, metavar="N",
                      help="documents per transaction (default: the batch_size setting)")
    load.add_argument("--link-window", type=int, default=1, metavar="DAYS",
                      help="days apart two reports of one event may be dated (default 1; docs/linking.md)")
    load.add_argument("--quiet", action="store_true", help="no summary line")

    export = commands.add_parser("export", help="write the stored events as GDELT, PLOVER, CSV or Parquet",
                                 epilog=EXPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("--format", required=True, choices=("gdelt", "gdelt-mentions", "plover", "csv", "parquet"))
    export.add_argument("--since", type=valid_date, metavar="YYYY-MM-DD", help="events dated on or after this day")
    export.add_argument("--until", type=valid_date, metavar="YYYY-MM-DD", help="events dated on or before this day")
    export.add_argument("--out", metavar="FILE", help="output file (default: standard output; required for parquet)")
    export.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")

    serve = commands.add_parser("serve", help="serve the HTTP API and the dashboard over a database",
                                epilog=SERVE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    serve.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=positive_int, default=8000, help="port (default 8000)")
    serve.add_argument("--token", metavar="TOKEN",
                       help="bearer token that POST /api/ingest requires (default: $EVENTWIRE_TOKEN; none = ingest disabled)")
    serve.add_argument("--watch", nargs="+", default=[], metavar="FEED",
                       help="also poll these RSS/Atom feeds in the background and ingest their new items")
    serve.add_argument("--every", default="15m", metavar="DURATION", help="time between feed polls with --watch (default 15m)")
    serve.add_argument("--allow-private", action="store_true",
                       help="let watched feeds reach private, loopback and link-local addresses (refused by default)")

    stats = commands.add_parser("stats", help="counts by day, root, dyad and place", epilog=STATS_EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    stats.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")
    stats.add_argument("--top", type=positive_int, default=10, metavar="N", help="rows per table (default 10)")

    watch = commands.add_parser("watch", help="poll RSS/Atom feeds and ingest only their new items",
                                epilog=WATCH_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    watch.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (http(s)://...) or RSS/Atom files")
    watch.add_argument("--every", default="15m", metavar="DURATION", help="time between polls: 30s, 15m, 1h (default 15m)")
    watch.add_argument("--db", default="eventwire.duckdb", metavar="PATH", help="database file (default ./eventwire.duckdb)")
    watch.add_argument("--once", action="store_true", help="poll once and exit (for cron)")
    watch.add_argument("--allow-private", action="store_true",
                       help="let feeds and pages reach private, loopback and link-local addresses (refused by default)")
    watch.add_argument("--fetch", choices=("auto", "always", "never"), default="auto",
                       help="fetch linked pages: auto (when the feed gives only a summary), always, never")
    watch.add_argument("--actors", action="append", default=[], metavar="TSV",
                       help="a user actor dictionary (phrase, code[, kind, start, end]); repeatable")
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
        if args.command == "ingest":
            return run_ingest(args, settings)
        if args.command == "load":
            return run_load(args, settings)
        if args.command == "export":
            return run_export(args)
        if args.command == "stats":
            return run_stats(args)
        if args.command == "watch":
            return run_watch(args, settings)
        if args.command == "serve":
            return run_serve(args, settings)
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
                        max_bytes=settings.max_input_bytes, allow_private=args.allow_private)
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


class Progress:
    """documents/s and events found: a tqdm bar on a terminal, else one stderr line per batch."""

    def __init__(self, quiet: bool):
        self.bar = None
        self.quiet = quiet
        if not quiet and sys.stderr.isatty():
            try:
                from tqdm import tqdm
                self.bar = tqdm(unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True)
            except ImportError:
                pass
        self.shown = 0

    def __call__(self, report, result) -> None:
        for rejection in result.rejections:
            self.write(f"eventwire: rejected {rejection.detail}")
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(report.seen - self.shown)
            self.bar.set_postfix(events=report.events, mentions=report.mentions, refresh=False)
        elif report.seen > self.shown:
            rate = report.documents / report.seconds if report.seconds else 0.0
            print(f"eventwire: ingest: {report.seen} documents ({report.documents} new, {rate:.1f}/s), "
                  f"{report.mentions} reports -> {report.events} new events", file=sys.stderr, flush=True)
        self.shown = report.seen

    def write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_ingest(args, settings) -> int:
    from dataclasses import replace

    from .linking import LinkRule
    from .runners.local import ingest
    from .store import Store

    if args.batch_size:
        settings = replace(settings, batch_size=args.batch_size)
    if args.link_window < 0:
        raise InputError("--link-window must be 0 or more days")
    if getattr(args, "engine", "local") == "ray":
        return run_ingest_ray(args, settings)
    if getattr(args, "output", None) or getattr(args, "ray_address", None):
        raise InputError("--output and --ray-address go with --engine ray; the local engine writes --db")
    progress = Progress(args.quiet)
    with Store(args.db, rule=LinkRule(day_window=args.link_window)) as store:
        try:
            report = ingest(args.inputs, store, settings, workers=args.workers, published=args.published,
                            lang=args.lang, encoding=args.encoding, actor_files=tuple(args.actors), on_batch=progress,
                            allow_private=getattr(args, "allow_private", False))
        finally:
            progress.close()
        if report.seen == 0:
            if not report.rejections:
                print("eventwire: no input documents found", file=sys.stderr)
            return EXIT_BAD_INPUT
        rate = report.documents / report.seconds if report.seconds else 0.0
        if not args.quiet:
            print(f"eventwire: ingest: {report.documents} new documents ({report.skipped} already stored, "
                  f"{len(report.rejections)} rejected) in {report.seconds:.1f}s ({rate:.1f}/s); {report.mentions} "
                  f"reports -> {report.events} new events; database {args.db}", file=sys.stderr)
    return 0


def run_ingest_ray(args, settings) -> int:
    from .runners.ray_runner import ingest_ray

    if not args.output:
        raise InputError("--engine ray writes Parquet partitions: give --output DIR, then `eventwire load DIR --db PATH`")
    report = ingest_ray(args.inputs, args.output, settings, workers=args.workers, address=args.ray_address,
                        published=args.published, lang=args.lang, encoding=args.encoding,
                        actor_files=tuple(args.actors), allow_private=getattr(args, "allow_private", False),
                        quiet=args.quiet)
    for origin, reason, detail in report.rejections:
        print(f"eventwire: rejected {detail}", file=sys.stderr)
    if report.documents == 0 and not report.rejections:
        print("eventwire: no input documents found", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not args.quiet:
        rate = report.documents / report.seconds if report.seconds else 0.0
        print(f"eventwire: ingest (ray, {report.workers} workers): {report.documents} documents, {report.mentions} "
              f"event reports, {len(report.rejections)} rejected in {report.seconds:.1f}s ({rate:.1f}/s) -> "
              f"{report.output} (run {report.run}); merge with `eventwire load {args.output} --db PATH`",
              file=sys.stderr)
    return 0 if report.documents else EXIT_BAD_INPUT


def run_load(args, settings) -> int:
    from .linking import LinkRule
    from .runners.partitions import load
    from .store import Store

    if args.link_window < 0:
        raise InputError("--link-window must be 0 or more days")
    with Store(args.db, rule=LinkRule(day_window=args.link_window)) as store:
        report = load(args.directory, store, batch_size=args.batch_size or settings.batch_size)
    if not args.quiet:
        print(f"eventwire: load: {report.documents} new documents ({report.skipped} already stored, "
              f"{report.rejections} new rejections) from {len(report.runs)} run(s) in {report.seconds:.1f}s; "
              f"{report.mentions} reports -> {report.events} new events; database {args.db}", file=sys.stderr)
    return 0


def run_export(args) -> int:
    from .export import gdelt, plover, tabular
    from .store import Store

    if args.format == "parquet" and not args.out:
        raise InputError("--format parquet writes a binary file: give --out FILE.parquet")
    if args.since and args.until and args.since > args.until:
        raise InputError(f"--since {args.since} is after --until {args.until}")
    with Store(args.db, read_only=True) as store:
        if args.format in ("csv", "parquet"):
            if args.out:
                count = tabular.copy_events(store.con, args.out, args.format, args.since, args.until)
            else:
                import tempfile
                from pathlib import Path

                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / "events.csv"
                    count = tabular.copy_events(store.con, path, "csv", args.since, args.until)
                    sys.stdout.write(path.read_text(encoding="utf-8"))
        else:
            writer = {"gdelt": gdelt.write_events, "gdelt-mentions": gdelt.write_mentions, "plover": plover.write}[args.format]
            if args.out:
                with open(args.out, "w", encoding="utf-8", newline="\n") as out:
                    count = writer(store.con, out, args.since, args.until)
            else:
                try:
                    count = writer(store.con, sys.stdout, args.since, args.until)
                    sys.stdout.flush()
                except BrokenPipeError:  # `eventwire export ... | head`: the reader has what it wanted
                    import os
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                    return 0
            left_out = plover.skipped(store.con) if args.format == "plover" else gdelt.undated_events(store.con)
            if left_out:
                why = "undated or CAMEO 01/02 (no PLOVER category)" if args.format == "plover" else "undated"
                print(f"eventwire: export: {left_out} events left out ({why})", file=sys.stderr)
    print(f"eventwire: export: {count} {'mention' if args.format == 'gdelt-mentions' else 'event'} rows"
          + (f" -> {args.out}" if args.out else ""), file=sys.stderr)
    return 0


def run_stats(args) -> int:
    from .store import Store
    from .store.stats import stats_text

    with Store(args.db, read_only=True) as store:
        print(stats_text(store.con, top=args.top))
    return 0


def run_serve(args, settings) -> int:
    import os

    try:
        import uvicorn

        from .api import create_app
    except ImportError as exc:
        raise InputError(f"`eventwire serve` needs {exc.name}: pip install -e . (or make setup)") from None
    if args.port > 65535:
        raise InputError(f"--port {args.port} is not a port; use 1 to 65535")
    token = args.token or os.environ.get("EVENTWIRE_TOKEN") or None
    import socket

    try:
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        raise InputError(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
                         "the port may be in use: choose another with --port") from None
    watcher = None
    if args.watch:
        from .runners.watch import parse_duration

        every = parse_duration(args.every)  # a bad duration is a one-line error before anything starts
    app = create_app(args.db, settings, token=token, preload=True)
    if args.watch:
        from .runners.watch import start_watcher

        # the server owns the database; the watcher writes through its own connection in this process
        watcher = start_watcher(args.db, args.watch, every, settings, allow_private=args.allow_private)
        print(f"eventwire: watching {len(args.watch)} feeds every {args.every}", file=sys.stderr, flush=True)
    url = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}/"
    print(f"eventwire: serving {args.db} on {url} (API docs {url}docs; POST /api/ingest "
          f"{'needs the bearer token' if token else 'disabled: no --token'}); Ctrl-C to stop", file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        if watcher is not None:
            watcher.stop()
        app.state.eventwire.close()
    return 0


def run_watch(args, settings) -> int:
    import signal
    import threading

    from .ingest.fetch import Fetcher
    from .runners.watch import Watcher, check_feeds, format_duration, parse_duration
    from .store import Store

    every = parse_duration(args.every)
    fetcher = Fetcher(allow_private=args.allow_private, retries=2, max_bytes=min(settings.max_input_bytes, 10_000_000))
    try:
        check_feeds(args.feeds, fetcher)
        with Store(args.db) as store:
            pipeline = Pipeline(settings, tuple(args.actors))
            watcher = Watcher(store, args.feeds, every, settings, fetcher=fetcher, pipeline=pipeline,
                              actor_files=tuple(args.actors), fetch=args.fetch)
            if args.once:
                report = watcher.run_once()
                return 1 if report.errors else 0
            stop = threading.Event()
            on_main = threading.current_thread() is threading.main_thread()
            previous = signal.signal(signal.SIGTERM, lambda *_: stop.set()) if on_main else None
            print(f"eventwire: watch: {len(watcher.feeds)} feeds every {format_duration(every)} into {args.db}; "
                  "Ctrl-C stops", file=sys.stderr, flush=True)
            try:
                totals = watcher.run(stop)
            except KeyboardInterrupt:   # a batch being written is rolled back whole; its entries stay unseen
                totals = watcher.totals
            finally:
                if on_main:
                    signal.signal(signal.SIGTERM, previous)
            print(f"eventwire: watch: stopped after {totals.polls} polls: {totals.new_items} new items, "
                  f"{totals.documents} new documents, {totals.events} new events, {totals.errors} errors",
                  file=sys.stderr, flush=True)
            return 0
    finally:
        fetcher.close()


if __name__ == "__main__":
    sys.exit(main())
