"""Latency of the HTTP API on a database of 100,000 events: p50 and p95 per request kind.

    python benchmarks/bench_api.py [--events 100000] [--requests 60] [--client http|inprocess] [--db PATH] [--keep]

The events are synthetic (made with DuckDB inserts matching the store's schema: events, one report
each with its event record, sentences, documents and their articles), spread over two years,
40 actors, 20 CAMEO codes and 16 places. Requests are made one at a time after a warm-up, by
default over HTTP to the app served by uvicorn on 127.0.0.1 in its own process (a keep-alive
httpx client), as a browser would; `--client inprocess` uses FastAPI's TestClient instead (which adds a few ms of its
own per request).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.coding.tables import describe  # noqa: E402
from eventwire.store import Store  # noqa: E402

ACTORS = [f"{country}{role}" for country in ("RUS", "UKR", "FRA", "DEU", "CHN", "USA", "MLI", "SEN", "NGA", "KEN")
          for role in ("GOV", "MIL", "", "CVL")]
CODES = ["010", "020", "036", "040", "042", "043", "051", "057", "061", "070", "111", "112", "120", "130", "138",
         "141", "145", "173", "190", "193"]
PLACES = [("Kyiv", 50.45, 30.52, "UKR"), ("Moscow", 55.75, 37.62, "RUS"), ("Paris", 48.85, 2.35, "FRA"),
          ("Berlin", 52.52, 13.40, "DEU"), ("Beijing", 39.91, 116.40, "CHN"), ("Washington", 38.90, -77.04, "USA"),
          ("Bamako", 12.65, -8.00, "MLI"), ("Dakar", 14.69, -17.44, "SEN"), ("Abuja", 9.06, 7.49, "NGA"),
          ("Nairobi", -1.28, 36.82, "KEN"), ("Kharkiv", 49.99, 36.23, "UKR"), ("Lyon", 45.75, 4.85, "FRA"),
          ("Shanghai", 31.22, 121.46, "CHN"), ("Lagos", 6.45, 3.39, "NGA"), ("Gao", 16.27, -0.04, "MLI"),
          ("New York", 40.71, -74.01, "USA")]


def build(path: Path, count: int) -> float:
    """Fill a new store with `count` synthetic events; returns the seconds it took."""
    started = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE actor_list AS SELECT * FROM (VALUES " +
                    ", ".join(f"({n}, '{code}', '{code[:3]}', '{code[3:] or None}')" for n, code in enumerate(ACTORS)) +
                    ") t(n, code, country, role)")
        con.execute("UPDATE actor_list SET role = NULL WHERE role = 'None'")
        con.execute("CREATE TEMP TABLE code_list AS SELECT * FROM (VALUES " +
                    ", ".join(f"({n}, '{c}', '{c[:2]}', {describe(c).quad_class}, {describe(c).goldstein})"
                              for n, c in enumerate(CODES)) + ") t(n, cameo, root, quad, goldstein)")
        con.execute("CREATE TEMP TABLE place_list AS SELECT * FROM (VALUES " +
                    ", ".join(f"({n}, '{name}', {lat}, {lon}, '{iso}')" for n, (name, lat, lon, iso) in enumerate(PLACES)) +
                    ") t(n, name, lat, lon, country)")
        con.execute(f"""
            CREATE TEMP TABLE synth AS
            SELECT i, lpad(to_hex(hash(i)), 16, '0') AS event_id, 'd' || lpad(to_hex(hash(i // 5)), 15, '0') AS doc_id,
                   (i % 5)::INTEGER AS sentence,
                   hash(i * 3 + 1) % {len(ACTORS)} AS s, (hash(i * 3 + 1) % {len(ACTORS)} + 1 + hash(i * 5) % {len(ACTORS) - 1}) % {len(ACTORS)} AS t,
                   hash(i * 7 + 2) % {len(CODES)} AS c, hash(i * 11 + 3) % {len(PLACES) + 4} AS p,
                   DATE '2023-01-01' + (hash(i * 13 + 5) % 730)::INTEGER AS day,
                   hash(i * 17) % 6 AS m
            FROM range({count}) r(i)""")
        con.execute("""
            INSERT INTO events (event_id, global_id, seq, link_key, source_code, source_name, source_country, source_role,
                target_code, target_name, target_country, target_role, cameo, root, quad_class, goldstein, plover_type,
                plover_mode, modality, date, date_precision, period_start, place_name, geonameid, lat, lon, place_country,
                place_fips, place_adm1, place_kind, first_doc_id, first_sentence, num_mentions, num_sources, num_articles,
                run_id, added_at)
            SELECT x.event_id, x.i + 1, x.i + 1, sa.code || '|' || ta.code || '|' || cl.root || '|a', sa.code, sa.code, sa.country, sa.role,
                ta.code, ta.code, ta.country, ta.role, cl.cameo, cl.root, cl.quad, cl.goldstein, NULL, NULL,
                ['asserted', 'asserted', 'asserted', 'reported', 'intended', 'negated'][(x.m + 1)::BIGINT],
                strftime(x.day, '%Y-%m-%d'), 'day', x.day, pl.name, CASE WHEN pl.name IS NULL THEN NULL ELSE 1000 + pl.n END,
                pl.lat, pl.lon, pl.country, NULL, NULL, 'city', x.doc_id, x.sentence, 1, 1, 1, 'bench', now()::TIMESTAMP
            FROM synth x JOIN actor_list sa ON sa.n = x.s JOIN actor_list ta ON ta.n = x.t JOIN code_list cl ON cl.n = x.c
            LEFT JOIN place_list pl ON pl.n = x.p""")
        con.execute("""
            INSERT INTO sentences (doc_id, sentence, start_char, text)
            SELECT x.doc_id, x.sentence, x.sentence * 120,
                   sa.code || ' officials met ' || ta.code || ' envoys on day ' || x.i || ' to discuss matter ' || (x.i % 997) || '.'
            FROM synth x JOIN actor_list sa ON sa.n = x.s JOIN actor_list ta ON ta.n = x.t""")
        con.execute("""
            INSERT INTO mentions (mention_id, event_id, doc_id, sentence, sentence_start, source_code, source_text,
                source_start, source_end, source_how, target_code, target_text, target_start, target_end, target_how,
                trigger_text, trigger_start, trigger_end, cameo, modality, date, date_precision, date_method, planned_for,
                place_name, geonameid, place_method, rule, lang, confidence, record, run_id, added_at)
            SELECT e.event_id, e.event_id, e.first_doc_id, e.first_sentence, e.first_sentence * 120,
                   e.source_code, e.source_code || ' officials', 0, length(e.source_code) + 10, 'lexicon',
                   e.target_code, e.target_code || ' envoys', length(e.source_code) + 16, length(e.source_code) + length(e.target_code) + 23, 'lexicon',
                   'met', length(e.source_code) + 11, length(e.source_code) + 14, e.cameo, e.modality, e.date, 'day',
                   'expression', NULL, e.place_name, e.geonameid, 'attached', 'bench', 'en', 100,
                   json_object('event_id', e.event_id, 'doc_id', e.first_doc_id, 'sentence', e.first_sentence,
                       'source', json_object('code', e.source_code, 'text', e.source_code || ' officials',
                                             'span', [0, length(e.source_code) + 10]),
                       'target', json_object('code', e.target_code, 'text', e.target_code || ' envoys',
                                             'span', [length(e.source_code) + 16, length(e.source_code) + length(e.target_code) + 23]),
                       'trigger', json_object('text', 'met', 'span', [length(e.source_code) + 11, length(e.source_code) + 14]),
                       'date_method', 'expression', 'planned_for', NULL, 'planned_place', NULL,
                       'sentence_text', s.text, 'rule', 'bench', 'lang', 'en')::VARCHAR,
                   'bench', now()::TIMESTAMP
            FROM events e JOIN sentences s ON s.doc_id = e.first_doc_id AND s.sentence = e.first_sentence""")
        con.execute("""
            INSERT INTO documents (doc_id, origin, url, lang, title, published, text, chars, sentences, events, run_id, added_at)
            SELECT doc_id, 'bench', 'https://bench.example/' || doc_id, 'en', 'Synthetic dispatch', min(day),
                   'synthetic', 600, 5, count(*), 'bench', now()::TIMESTAMP
            FROM synth GROUP BY doc_id""")
        con.execute("""
            INSERT INTO document_origins (doc_id, article_key, origin, url, source_key, source_name, run_id, added_at)
            SELECT doc_id, 'https://bench.example/' || doc_id, 'bench', 'https://bench.example/' || doc_id, 'bench.example',
                   'bench.example', 'bench', now()::TIMESTAMP FROM documents""")
        con.execute("CHECKPOINT")
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == count
    return time.perf_counter() - started


REQUESTS = [
    ("/api/events", {}),
    ("/api/events", {"country": "UKR", "quad_class": "4"}),
    ("/api/events", {"actor": "RUSMIL", "start": "2024-01-01", "end": "2024-03-31"}),
    ("/api/events", {"offset": "50000"}),
    ("/api/events", {"q": "matter 42"}),
    ("/api/stats/timeline", {}),
    ("/api/stats/timeline", {"country": "FRA", "root": "04"}),
    ("/api/stats/timeline", {"bucket": "week"}),
    ("/api/stats/dyads", {}),
    ("/api/stats/places", {}),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


SERVE = """
import sys, uvicorn
from eventwire.api import ApiLimits, create_app
uvicorn.run(create_app(sys.argv[1], limits=ApiLimits(rate_burst=0)), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning")
"""


@contextlib.contextmanager
def http_client(path: Path):
    """The app served by uvicorn in a process of its own on a free local port, and an httpx client for it.
    (A server thread in the benchmark's own process would share its interpreter lock and look slower.)"""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen([sys.executable, "-c", SERVE, str(path), str(port)], env=env)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/api/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("bench_api: the server did not start")
                time.sleep(0.2)
            yield client
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per row (after 3 warm-up ones)")
    parser.add_argument("--client", choices=("http", "inprocess"), default="http")
    parser.add_argument("--db", help="database file to build (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from eventwire.api import ApiLimits, create_app

    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench_api.duckdb"
    if path.exists():
        path.unlink()
    seconds = build(path, args.events)
    print(f"database: {args.events:,} synthetic events, {path.stat().st_size / 1e6:.0f} MB, built in {seconds:.1f}s")

    with (TestClient(create_app(path, limits=ApiLimits(rate_burst=0))) if args.client == "inprocess"
          else http_client(path)) as client:
        print(f"client: {args.client}; {args.requests} timed requests per row")
        print(f"\n{'request':<66} {'p50 ms':>8} {'p95 ms':>8} {'matched':>8}")
        for endpoint, params in REQUESTS:
            for _ in range(3):
                client.get(endpoint, params=params)
            times = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(endpoint, params=params)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
            body = response.json()
            size = body.get("total", len(body.get("edges", body.get("places", []))))
            label = endpoint + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
            print(f"{label:<66} {statistics.median(times):>8.1f} {percentile(times, 0.95):>8.1f} {size:>8}")
    if args.keep and args.db:
        print(f"\nkept {path}")
    elif args.db:
        path.unlink(missing_ok=True)
    tmp.cleanup()


if __name__ == "__main__":
    main()
