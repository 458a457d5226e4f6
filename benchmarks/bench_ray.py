"""WARC -> events: the local pool with 1 and 2 workers against Ray Data with 2 workers, same input.

    python benchmarks/bench_ray.py [--pages 100] [--repeat 1]

Builds a WARC.gz of --pages HTML responses in a temporary directory from the documents in
samples/corpus (text documents are wrapped in a minimal HTML page; each copy is made distinct by
a comment, so every page is a new document), then times what a user runs, as a fresh process:

  local, N workers:   eventwire ingest crawl.warc.gz --db X --workers N
  ray, 2 workers:     eventwire ingest crawl.warc.gz --engine ray --workers 2 --output DIR
                      + eventwire load DIR --db Y           (timed separately, then summed)

Wall time includes start-up (Python, Ray, loading the spaCy models in every worker): that is what
a user waits for, and on 100 pages it weighs a lot. Memory is sampled from /proc every 0.1 s over
the whole process tree (the command and every descendant, Ray's raylet, GCS and actors included):
"peak tree" is the largest sum of resident set sizes seen, "peak process" the largest single
process. Shared pages (Ray's object store in /dev/shm, copy-on-write model pages) are counted in
every process mapping them, so the tree figure is an upper bound.

If the WARC reader (eventwire.ingest.warc) is missing, the same pages are written as .html files
and the output says so.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import Rejection  # noqa: E402

EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def have_warc_reader() -> bool:
    try:
        import warcio  # noqa: F401

        from eventwire.ingest import warc  # noqa: F401
    except ImportError:
        return False
    return True


def pages(n: int) -> list[tuple[str, str]]:
    """n (url, html) pairs from the sample corpus, cycling through it with distinct copies."""
    sources = []
    for item in read_inputs([str(REPO / "samples" / "corpus")]):
        if isinstance(item, Rejection):
            continue
        if item.kind == "html":
            body = item.content
        else:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in item.content.split("\n") if p.strip())
            body = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(item.content[:60])}"
                    f"</title></head><body><article>{paragraphs}</article></body></html>")
        sources.append(body)
    out = []
    for k in range(n):
        body = sources[k % len(sources)] + f"\n<!-- copy {k // len(sources)} -->"
        out.append((f"https://news{k % 7}.example/articles/{k}.html", body))
    return out


def write_warc(path: Path, docs: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body in docs:
            payload = body.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-05-14T08:00:00Z"})
            writer.write_record(record)


def write_html(directory: Path, docs: list[tuple[str, str]]) -> None:
    directory.mkdir()
    for k, (_, body) in enumerate(docs):
        (directory / f"page_{k:04d}.html").write_text(body, encoding="utf-8")


class TreeMemory:
    """Peak RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.1):
        self.pid, self.every = pid, every
        self.peak_tree = self.peak_process = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * PAGE_SIZE
        tree, stack = [], [self.pid]
        while stack:
            pid = stack.pop()
            tree.append(pid)
            stack.extend(children.get(pid, []))
        sizes = [rss.get(p, 0) for p in tree]
        self.peak_tree = max(self.peak_tree, sum(sizes))
        self.peak_process = max(self.peak_process, max(sizes, default=0))

    def run(self) -> None:
        while not self.done.is_set():
            self.sample()
            self.done.wait(self.every)

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def timed(command: list[str]) -> tuple[float, int, int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               cwd=REPO, start_new_session=True)
    memory = TreeMemory(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-2000:]}")
    return seconds, memory.peak_tree, memory.peak_process


def db_counts(db: Path) -> tuple[int, int, int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "events"))


def run_local(source: str, workers: int, tmp: Path) -> dict:
    db = tmp / f"local{workers}_{time.monotonic_ns()}.duckdb"
    seconds, tree, proc = timed(EVENTWIRE + ["ingest", source, "--db", str(db), "--workers", str(workers), "--quiet"])
    docs, mentions, events = db_counts(db)
    return {"seconds": seconds, "tree": tree, "proc": proc, "docs": docs, "mentions": mentions, "events": events}


def run_ray(source: str, workers: int, tmp: Path) -> dict:
    stamp = time.monotonic_ns()
    out, db = tmp / f"parts_{stamp}", tmp / f"ray_{stamp}.duckdb"
    seconds, tree, proc = timed(EVENTWIRE + ["ingest", source, "--engine", "ray", "--workers", str(workers),
                                             "--output", str(out), "--quiet"])
    load_seconds, load_tree, _ = timed(EVENTWIRE + ["load", str(out), "--db", str(db), "--quiet"])
    docs, mentions, events = db_counts(db)
    return {"seconds": seconds + load_seconds, "ray_seconds": seconds, "load_seconds": load_seconds,
            "tree": max(tree, load_tree), "proc": proc, "docs": docs, "mentions": mentions, "events": events}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--pages", type=int, default=100)
    args.add_argument("--repeat", type=int, default=1, help="runs per configuration (median reported)")
    args.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    opts = args.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        raise SystemExit('Ray is not installed: pip install "eventwire[ray]"') from None

    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        docs = pages(opts.pages)
        if have_warc_reader():
            source = tmp / "crawl.warc.gz"
            write_warc(source, docs)
            what = f"WARC.gz, {opts.pages} HTML responses, {source.stat().st_size / 1e6:.1f} MB"
        else:
            source = tmp / "pages"
            write_html(source, docs)
            what = (f"{opts.pages} .html files (FALLBACK: eventwire.ingest.warc is not available, so the "
                    "WARC reader is not measured)")
        configs = [("local pool, 1 worker", lambda: run_local(str(source), 1, tmp)),
                   ("local pool, 2 workers", lambda: run_local(str(source), 2, tmp)),
                   ("ray, 2 workers (+ load)", lambda: run_ray(str(source), 2, tmp))]
        results = {}
        for name, run in configs:
            runs = [run() for _ in range(opts.repeat)]
            best = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
            best["seconds_median"] = statistics.median(r["seconds"] for r in runs)
            results[name] = best
        print(f"input: {what}; {os.cpu_count()} CPUs; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
              f"median of {opts.repeat} run(s), wall time from process start (start-up included)")
        print(f"{'engine':<26}{'seconds':>9}{'docs/s':>8}{'docs':>6}{'reports':>9}{'events':>8}"
              f"{'peak tree MiB':>15}{'peak proc MiB':>15}")
        for name, r in results.items():
            print(f"{name:<26}{r['seconds_median']:>9.1f}{r['docs'] / r['seconds_median']:>8.2f}{r['docs']:>6}"
                  f"{r['mentions']:>9}{r['events']:>8}{r['tree'] / 2**20:>15.0f}{r['proc'] / 2**20:>15.0f}")
        ray_run = results["ray, 2 workers (+ load)"]
        print(f"ray detail: ingest --engine ray {ray_run['ray_seconds']:.1f}s, load {ray_run['load_seconds']:.1f}s")
        same = len({(r["docs"], r["mentions"], r["events"]) for r in results.values()}) == 1
        print("same documents, reports and events from every engine: " + ("yes" if same else "NO"))
        if opts.json:
            print(json.dumps({"input": what, "results": results}))


if __name__ == "__main__":
    main()
