"""The feed watcher against a local HTTP server (127.0.0.1, a random port; nothing leaves the machine).

The server's feed can be changed between polls (items added, ETag support off) and made to
misbehave (HTTP 500, a response slower than the fetcher's timeout, bytes that are not a feed).
"""
from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire import cli
from eventwire.errors import InputError
from eventwire.ingest.fetch import Fetcher
from eventwire.runners.watch import MAX_ATTEMPTS, Watcher, feed_status, parse_duration, start_watcher
from eventwire.settings import Settings
from eventwire.store import Store

ITEMS = {
    "bruxelles": ("Bruxelles et La Haye renforcent leur coopération policière",
                  "Le Premier ministre belge a rencontré lundi à Bruxelles son homologue néerlandais pour discuter "
                  "de la sécurité des ports de la mer du Nord. Les deux gouvernements ont signé un accord de "
                  "coopération policière.", "Mon, 29 Apr 2024 10:00:00 +0200"),
    "accra": ("Ghana protests border attack",
              "The president of Ghana condemned on Tuesday the attack on a border post in the north of the country "
              "and accused armed groups from Burkina Faso of crossing the frontier.",
              "Tue, 30 Apr 2024 18:20:00 +0000"),
    "alger": ("Alger promet une aide à Tunis",
              "Le ministre algérien des Affaires étrangères a accueilli mercredi à Alger son homologue tunisien. "
              "L'Algérie a promis une aide financière à la Tunisie pour soutenir son économie.",
              "Wed, 01 May 2024 16:45:00 +0100"),
    "lisbon": ("Lisbon and Madrid agree on a rail line",
               "Portugal's prime minister met his Spanish counterpart in Lisbon on Friday, and the two governments "
               "agreed to build a new high-speed rail line between the two capitals.",
               "Fri, 03 May 2024 12:00:00 +0000"),
}


class Feed:
    """What the server publishes, and how it behaves; the test thread changes it between polls."""

    def __init__(self, names):
        self.names = list(names)
        self.mode = "ok"            # ok | 500 | slow | garbage
        self.etags = True           # answer If-None-Match with 304
        self.summary_only: dict[str, str] = {}   # entry name -> status of its page ("ok" or "503")
        self.base = ""
        self.log: list[tuple[str, int, str | None]] = []   # (path, status, If-None-Match sent)
        self.lock = threading.Lock()

    def etag(self) -> str:
        return '"' + hashlib.sha1("|".join(self.names).encode()).hexdigest()[:12] + '"'

    def rss(self) -> str:
        items = []
        for name in reversed(self.names):           # newest first, as feeds are
            title, text, date = ITEMS[name]
            body = ("" if name in self.summary_only else
                    f"<description>{title}</description><content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>")
            items.append(f"<item><title>{title}</title><link>{self.base}/articles/{name}.html</link>"
                         f"<guid isPermaLink=\"false\">wire-{name}</guid><pubDate>{date}</pubDate>{body}</item>")
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Test wire</title>"
                f"<link>{self.base}/</link><description>Dépêches</description>{''.join(items)}</channel></rss>")

    def requests(self, path: str = "/feed.rss") -> list[tuple[int, str | None]]:
        return [(status, sent) for p, status, sent in self.log if p == path]


def handler_for(feed: Feed):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status: int, body: str = "", ctype: str = "text/html; charset=utf-8", headers=None):
            data = body.encode("utf-8")
            with feed.lock:
                feed.log.append((self.path, status, self.headers.get("If-None-Match")))
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802
            if self.path == "/feed.rss":
                if feed.mode == "500":
                    return self.answer(500, "internal error")
                if feed.mode == "slow":
                    time.sleep(1.2)          # longer than the fetcher's read timeout
                    return self.answer(200, feed.rss(), "application/rss+xml")
                if feed.mode == "garbage":
                    return self.answer(200, "<html><body>Maintenance</body></html>", "application/xml")
                tag = feed.etag()
                if feed.etags and self.headers.get("If-None-Match") == tag:
                    return self.answer(304, "", "", {"ETag": tag})
                return self.answer(200, feed.rss(), "application/rss+xml; charset=utf-8",
                                   {"ETag": tag} if feed.etags else None)
            if self.path.startswith("/articles/"):
                name = self.path.rsplit("/", 1)[-1].removesuffix(".html")
                if feed.summary_only.get(name) == "503":
                    return self.answer(503, "busy")
                if name in ITEMS:
                    title, text, _ = ITEMS[name]
                    return self.answer(200, f"<html><head><title>{title}</title></head><body><article>"
                                            f"<h1>{title}</h1><p>{text}</p></article></body></html>")
            return self.answer(404, "not here")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):   # clients hanging up on a slow answer
        pass


@pytest.fixture
def feed():
    state = Feed(["bruxelles", "accra", "alger"])
    server = QuietServer(("127.0.0.1", 0), handler_for(state))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    state.url = state.base + "/feed.rss"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, timeout=0.4, connect_timeout=0.4, retries=1, backoff=0.0,
                 min_interval=0.0) as made:
        yield made


@pytest.fixture
def watch(tmp_path, feed, fetcher, pipeline):
    """Make a Watcher over tmp_path/w.duckdb (a new Store each call: a restart); log lines in .lines."""
    opened: list[Store] = []
    lines: list[str] = []

    def make(path=tmp_path / "w.duckdb", **options):
        store = Store(path)
        opened.append(store)
        watcher = Watcher(store, [feed.url], 900, Settings(), fetcher=fetcher, pipeline=pipeline,
                          log=lines.append, **options)
        watcher.lines = lines
        return watcher

    yield make
    for store in opened:
        store.close()


def counts(store: Store) -> dict[str, int]:
    return {k: v for k, v in store.counts().items() if k != "runs"}


def state_of(watcher: Watcher) -> dict:
    (row,) = watcher.feed_status()
    return row


def test_first_poll_ingests_every_item(watch, feed):
    watcher = watch()
    report = watcher.run_once()
    assert report.new_items == 3 and report.documents == 3 and not report.errors
    assert report.events > 0 and report.run_id
    assert counts(watcher.store)["documents"] == 3
    origins = {r[0] for r in watcher.store.con.execute("SELECT origin FROM documents").fetchall()}
    assert all(o.startswith(feed.url + "#") for o in origins)
    state = state_of(watcher)
    assert state["etag"] == feed.etag() and state["last_status"] == "new" and state["items"] == 3
    assert state["last_error"] is None and state["last_ok"] is not None
    assert watcher.store.con.execute("SELECT count(*) FROM feed_entries WHERE status = 'stored'").fetchone()[0] == 3
    # one line per poll, with the counts
    assert len(watcher.lines) == 1
    assert "1 feeds" in watcher.lines[0] and "3 new items" in watcher.lines[0] and "0 errors" in watcher.lines[0]


def test_unchanged_feed_answers_304_and_adds_nothing(watch, feed):
    watcher = watch()
    watcher.run_once()
    before = counts(watcher.store)
    report = watcher.run_once()
    assert report.new_items == 0 and report.feeds[0].status == "not-modified" and report.run_id is None
    assert feed.requests()[-1] == (304, feed.etag())        # the stored ETag was sent back
    assert counts(watcher.store) == before
    assert state_of(watcher)["polls"] == 2


def test_a_new_item_is_picked_up_alone(watch, feed):
    watcher = watch()
    watcher.run_once()
    before = counts(watcher.store)
    feed.names.append("lisbon")
    report = watcher.run_once()
    assert report.new_items == 1 and report.documents == 1 and report.events > 0
    after = counts(watcher.store)
    assert after["documents"] == before["documents"] + 1
    (origin,) = watcher.store.con.execute("SELECT origin FROM documents WHERE run_id = ?", [report.run_id]).fetchone()
    assert origin.startswith(feed.url + "#")
    text = watcher.store.con.execute("SELECT text FROM documents WHERE run_id = ?", [report.run_id]).fetchone()[0]
    assert "Lisbon" in text
    assert state_of(watcher)["items"] == 4


@pytest.mark.parametrize("mode, words", [("500", "HTTP 500"), ("slow", "timed out"), ("garbage", "not an RSS")])
def test_a_failing_poll_is_logged_recorded_and_the_next_one_succeeds(watch, feed, mode, words):
    watcher = watch()
    watcher.run_once()
    before = counts(watcher.store)
    feed.mode = mode
    feed.names.append("lisbon")
    report = watcher.run_once()                       # does not raise
    assert len(report.errors) == 1 and words in report.errors[0]
    assert report.new_items == 0 and counts(watcher.store) == before
    errors = [line for line in watcher.lines if words in line]
    assert len(errors) == 1 and "\n" not in errors[0]          # one line for the failure ...
    assert "1 error " in watcher.lines[-1]                      # ... and the poll's line counts it
    state = state_of(watcher)
    assert state["last_status"] == "error" and words in state["last_error"] and state["errors_in_row"] == 1
    assert state["etag"] is not None                  # the last stored version is still the one to ask about

    feed.mode = "ok"
    report = watcher.run_once()
    assert not report.errors and report.new_items == 1 and report.documents == 1
    state = state_of(watcher)
    assert state["last_error"] is None and state["errors_in_row"] == 0 and state["last_status"] == "new"


def test_a_restarted_watcher_does_not_reingest(watch, feed):
    first = watch()
    first.run_once()
    before = counts(first.store)
    first.store.close()

    again = watch()                                   # a new process: state only from the database
    report = again.run_once()
    assert report.feeds[0].status == "not-modified" and report.new_items == 0
    assert feed.requests()[-1] == (304, feed.etag())

    feed.etags = False                                # a server that ignores conditional requests
    report = again.run_once()
    assert feed.requests()[-1][0] == 200
    assert report.feeds[0].status == "no-new" and report.new_items == 0 and report.run_id is None
    assert counts(again.store) == before


def test_entries_read_but_not_marked_are_read_again_without_doubling(watch, feed):
    """A watcher killed after storing a batch but before marking it: the next poll codes nothing twice."""
    watcher = watch()
    watcher.run_once()
    before = counts(watcher.store)
    watcher.store.con.execute("DELETE FROM feed_entries")
    watcher.store.con.execute("UPDATE feed_state SET etag = NULL, last_modified = NULL")
    report = watcher.run_once()
    assert report.new_items == 3 and report.documents == 0 and report.feeds[0].skipped == 3
    assert counts(watcher.store) == before


def test_an_entry_whose_page_is_down_is_retried_then_taken(watch, feed):
    feed.summary_only = {"lisbon": "503"}              # no summary in the feed: the page is needed
    watcher = watch()
    watcher.run_once()
    feed.names.append("lisbon")
    report = watcher.run_once()
    assert report.feeds[0].retry == 1 and report.documents == 0
    assert any("HTTP 503" in line and "next poll" in line for line in watcher.lines)
    feed.summary_only = {"lisbon": "ok"}
    report = watcher.run_once()                        # not a 304: an entry is waiting
    assert report.documents == 1 and report.feeds[0].retry == 0
    status = watcher.store.con.execute("SELECT status, attempts FROM feed_entries WHERE entry_key IN "
                                       "(SELECT entry_key FROM feed_entries WHERE attempts > 1)").fetchall()
    assert status == [("stored", 2)]


def test_an_entry_that_keeps_failing_is_given_up(watch, feed):
    feed.summary_only = {"lisbon": "503"}
    feed.names.append("lisbon")
    watcher = watch()
    for _ in range(MAX_ATTEMPTS + 1):
        watcher.run_once()
    rows = watcher.store.con.execute("SELECT status, attempts FROM feed_entries WHERE doc_id IS NULL").fetchall()
    assert rows == [("rejected", MAX_ATTEMPTS)]
    assert watcher.run_once().feeds[0].status == "not-modified"


def test_run_loops_until_max_polls_and_sleeps_the_interval(watch, feed):
    sleeps: list[float] = []
    watcher = watch(sleep=sleeps.append)
    totals = watcher.run(max_polls=3)
    assert totals.polls == 3 and totals.documents == 3 and len(watcher.lines) == 3
    assert len(sleeps) == 2 and all(0 < s <= 900 for s in sleeps)


def test_stop_event_ends_the_wait_between_polls(watch, feed):
    stop = threading.Event()
    watcher = watch()                                 # every 900 s
    timer = threading.Timer(0.2, stop.set)
    watcher.log = lambda line: timer.start()          # after the first poll's line
    started = time.monotonic()
    totals = watcher.run(stop)
    timer.join()
    assert totals.polls == 1 and time.monotonic() - started < 10


def test_background_thread_for_the_server(tmp_path, feed, fetcher, pipeline):
    lines: list[str] = []
    thread = start_watcher(tmp_path / "bg.duckdb", [feed.url], 0.1, Settings(), pipeline=pipeline,
                           fetcher=fetcher, log=lines.append)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (thread.totals and thread.totals.polls >= 2):
        time.sleep(0.05)
    thread.stop(timeout=10)
    assert not thread.is_alive() and thread.error is None
    assert thread.totals.polls >= 2 and thread.totals.documents == 3
    with Store(tmp_path / "bg.duckdb") as store:
        assert counts(store)["documents"] == 3
        assert feed_status(store)[0]["last_status"] in ("not-modified", "no-new")


def test_durations():
    assert parse_duration("30s") == 30 and parse_duration("15m") == 900 and parse_duration("1h") == 3600
    assert parse_duration("1h30m") == 5400 and parse_duration("90") == 90 and parse_duration("2.5m") == 150
    for bad in ("", "abc", "15 minutes", "0m", "m", "-5m", "15x", "1h 30"):
        with pytest.raises(InputError):
            parse_duration(bad)


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_once(tmp_path, capsys, monkeypatch, feed, pipeline):
    monkeypatch.setattr(cli, "Pipeline", lambda *args, **kwargs: pipeline)
    db = str(tmp_path / "cli.duckdb")
    code, out, err = run_cli(capsys, "watch", feed.url, "--every", "15m", "--db", db, "--allow-private", "--once")
    assert code == 0, err
    assert err.count("\n") == 1 and "3 new items" in err and "0 errors" in err
    code, _, err = run_cli(capsys, "watch", feed.url, "--db", db, "--allow-private", "--once")
    assert code == 0 and "0 new items" in err and "1 feeds (1 unchanged)" in err
    with Store(db) as store:
        assert counts(store)["documents"] == 3
    feed.mode = "garbage"
    code, _, err = run_cli(capsys, "watch", feed.url, "--db", db, "--allow-private", "--once")
    assert code == 1 and "not an RSS" in err and err.count("\n") == 2    # the failure, then the poll


def test_cli_refuses_bad_input_in_one_line(tmp_path, capsys, feed):
    db = str(tmp_path / "bad.duckdb")
    for every in ("soon", "0s", "15 min"):
        code, _, err = run_cli(capsys, "watch", feed.url, "--every", every, "--db", db, "--allow-private", "--once")
        assert code == 2 and err.count("\n") == 1 and "--every" in err
    code, _, err = run_cli(capsys, "watch", feed.url, "--db", db, "--once")       # loopback, not allowed
    assert code == 2 and err.count("\n") == 1 and "--allow-private" in err
    code, _, err = run_cli(capsys, "watch", str(tmp_path / "missing.rss"), "--db", db, "--once")
    assert code == 2 and err.count("\n") == 1 and "no such feed file" in err
    assert not (tmp_path / "bad.duckdb").exists()     # nothing was created for a refused command
