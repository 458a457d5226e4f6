#!/usr/bin/env python3
"""Gazetteer load time and memory: median of 5 uncached loads, peak RSS and traced memory.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/bench_gazetteer.py
Budget: load < 1 s, memory < 100 MB (exit code 1 when over).
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.places import DEFAULT_PATH, _load  # noqa: E402

LOADS = 5
MAX_SECONDS = 1.0
MAX_MB = 100.0

# A fresh interpreter, so the peak RSS measured is the gazetteer's own. Linux keeps
# ru_maxrss across fork/exec, so the child reads its own high-water mark (VmHWM) when it can.
_CHILD = """
import json, resource, sys
sys.path.insert(0, {src!r})
from eventwire.places import _load, DEFAULT_PATH

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = peak_kb()
gazetteer = _load.__wrapped__(DEFAULT_PATH)
after = peak_kb()
print(json.dumps({{"rss_delta_kb": after - before, "places": len(gazetteer)}}))
"""


def rss_delta_mb() -> tuple[float, int]:
    code = _CHILD.format(src=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    factor = 1024 * 1024 if sys.platform == "darwin" else 1024   # ru_maxrss: bytes on macOS
    return report["rss_delta_kb"] / factor, report["places"]


def load_seconds() -> list[float]:
    times = []
    for _ in range(LOADS):
        start = time.perf_counter()
        _load.__wrapped__(DEFAULT_PATH)
        times.append(time.perf_counter() - start)
    return times


def traced_peak_mb() -> float:
    tracemalloc.start()
    _load.__wrapped__(DEFAULT_PATH)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    size_mb = DEFAULT_PATH.stat().st_size / 1e6
    rss, places = rss_delta_mb()          # first, while this process is still small
    times = load_seconds()
    median = statistics.median(times)
    traced = traced_peak_mb()
    print(f"gazetteer file     {DEFAULT_PATH.name}: {size_mb:.2f} MB, {places} places")
    print(f"load (median of {LOADS}) {median * 1000:.0f} ms   "
          f"[{', '.join(f'{t * 1000:.0f}' for t in times)}]")
    print(f"peak RSS delta     {rss:.1f} MB")
    print(f"tracemalloc peak   {traced:.1f} MB")
    ok = median < MAX_SECONDS and max(rss, traced) < MAX_MB
    print("within budget" if ok else f"OVER BUDGET (< {MAX_SECONDS} s, < {MAX_MB} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
