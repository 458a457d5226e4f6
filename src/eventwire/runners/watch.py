"""The feed watcher: poll RSS/Atom feeds every N minutes and ingest only the entries not seen before.

    eventwire watch FEEDS... --every 15m [--db PATH] [--allow-private] [--once]

One poll, for each feed in turn:
  1. a conditional GET with the ETag / Last-Modified of the last version fully stored
     (a 304 ends the feed's turn; a feed file is simply read again);
  2. parse it, and keep the entries whose `entry_key` (link + guid) is not in `feed_entries`;
  3. turn them into RawItems (fetching the linked page when the feed only gives a summary) and code
     them through the same path as `eventwire ingest`: documents already stored are skipped,
     `Pipeline.process_batch`, then `Store.write_batch`, one transaction per batch;
  4. only then record the entries as seen, and the feed's validators in `feed_state`.

A watcher killed anywhere re-reads at most what it had not yet stored; ids are content hashes, so
re-reading adds nothing. Every failure (network, timeout, HTTP error, malformed feed, even a bug in
coding one feed) is one log line and a `feed_state.last_error`; the next feed and the next poll go on.
An entry whose page fetch failed for a transient reason (timeout, 5xx...) and that has no summary to
fall back on is retried on later polls, at most MAX_ATTEMPTS times.

Running it inside another process (`eventwire serve --watch FEEDS`): `start_watcher(db_path, ...)`
returns a daemon thread with its own database connection; `thread.stop()` ends it after the
current feed. The server must open the database read-write (DuckDB shares one instance per process
between connections of the same configuration; a read-only one conflicts).
"""
from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from ..ingest.feeds import FETCH_MODES, entry_item, entry_key, is_url, parse_feed, read_feed_file
from ..ingest.fetch import Fetcher, FetchState, one_line
from ..model import RawItem, Rejection
from ..pipeline import Pipeline, batched
from ..settings import Settings
from ..store import Store
from .local import IngestReport, _pending, _results, versions

MAX_ATTEMPTS = 3
# Fetch rejections worth another try on a later poll; the others (404, 403, wrong type, robots...) are final.
TRANSIENT = frozenset({"timeout", "network", "http-error", "dns"})

DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'30s', '15m', '1h', '1h30m', '90' (seconds) -> seconds. Raises InputError otherwise."""
    cleaned = (text or "").strip().lower()
    position, total, parts = 0, 0.0, 0
    for match in DURATION.finditer(cleaned):
        if match.start() != position or (not match.group(2) and match.end() != len(cleaned)):
            break
        total += float(match.group(1)) * UNIT_SECONDS[match.group(2)]
        position, parts = match.end(), parts + 1
    if not parts or position != len(cleaned):
        raise InputError(f"--every {text!r} is not a duration; write it like 30s, 15m, 1h or 1h30m")
    if total <= 0:
        raise InputError(f"--every {text!r} must be longer than zero; write it like 30s, 15m or 1h")
    return total


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@dataclass(slots=True)
class FeedOutcome:
    feed: str
    status: str = "error"       # new | no-new | not-modified | error
    new_items: int = 0          # entries not seen before, taken in this poll
    documents: int = 0          # new documents stored
    skipped: int = 0            # documents already stored (same text reached another way)
    mentions: int = 0
    events: int = 0             # new linked events
    rejected: int = 0           # entries that gave no document (empty, not an article, fetch failed)
    retry: int = 0              # entries left for a later poll (transient page fetch failure)
    error: str | None = None    # why the feed itself could not be read


@dataclass(slots=True)
class PollReport:
    """What one poll did: the watcher logs `line()` and hands the report back."""

    started: datetime
    seconds: float = 0.0
    run_id: str | None = None   # the store run of this poll (None when nothing was new)
    feeds: list[FeedOutcome] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.feeds)

    @property
    def new_items(self) -> int:
        return self._sum("new_items")

    @property
    def documents(self) -> int:
        return self._sum("documents")

    @property
    def mentions(self) -> int:
        return self._sum("mentions")

    @property
    def events(self) -> int:
        return self._sum("events")

    @property
    def rejected(self) -> int:
        return self._sum("rejected")

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.feeds if f.error]

    @property
    def unchanged(self) -> int:
        return sum(1 for f in self.feeds if f.status in ("not-modified", "no-new"))

    def line(self) -> str:
        stamp = self.started.strftime("%Y-%m-%dT%H:%M:%SZ")
        errors = len(self.errors)
        return (f"eventwire: watch {stamp}: {len(self.feeds)} feeds ({self.unchanged} unchanged), "
                f"{self.new_items} new items ({self.documents} new documents, {self.rejected} rejected), "
                f"{self.events} new events, {errors} error{'' if errors == 1 else 's'} in {self.seconds:.1f}s")

    def to_json(self) -> dict:
        return {"started": self.started.isoformat(), "seconds": round(self.seconds, 3), "run_id": self.run_id,
                "new_items": self.new_items, "documents": self.documents, "events": self.events,
                "errors": self.errors, "feeds": [asdict(f) for f in self.feeds]}


@dataclass(slots=True)
class WatchTotals:
    polls: int = 0
    new_items: int = 0
    documents: int = 0
    events: int = 0
    errors: int = 0
    last: PollReport | None = None

    def add(self, report: PollReport) -> None:
        self.polls += 1
        self.new_items += report.new_items
        self.documents += report.documents
        self.events += report.events
        self.errors += len(report.errors)
        self.last = report


class FeedError(Exception):
    """The feed itself could not be read this time; the message is the log line."""


def stderr_log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def utc_stamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc).replace(tzinfo=None, microsecond=0)


class Watcher:
    """Polls `feeds` (URLs or feed files) into `store`. Not thread-safe: one thread drives it.

    `pipeline` (else one is made at the first new entry) codes in this process; `fetcher` (else
    one is made, honouring `allow_private`) fetches feeds and pages; `clock` (epoch seconds) and
    `sleep` are injectable for tests; `log` receives one line per poll and one per failure.
    """

    def __init__(self, store: Store, feeds: Sequence[str], every_seconds: float, settings: Settings | None = None, *,
                 allow_private: bool = False, fetcher: Fetcher | None = None, pipeline: Pipeline | None = None,
                 actor_files: tuple[str, ...] = (), fetch: str = "auto",
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] | None = None,
                 log: Callable[[str], None] = stderr_log):
        if not feeds:
            raise InputError("give at least one feed URL or feed file to watch")
        if every_seconds <= 0:
            raise InputError("the polling interval must be longer than zero")
        if fetch not in FETCH_MODES:
            raise ValueError(f"fetch must be one of {FETCH_MODES}")
        self.store = store
        self.feeds = list(dict.fromkeys(feeds))      # in order, once each
        self.every = float(every_seconds)
        self.settings = settings or Settings()
        self.actor_files = tuple(actor_files)
        self.fetch_mode = fetch
        self.clock = clock
        self.sleep = sleep
        self.log = log
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher or Fetcher(allow_private=allow_private, retries=2,
                                          max_bytes=min(self.settings.max_input_bytes, 10_000_000))
        self._pipeline = pipeline
        self._remembering: Pipeline | None = None
        self.totals = WatchTotals()

    def close(self) -> None:
        if self._own_fetcher:
            self.fetcher.close()

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the loop ---------------------------------------------------------------------------------
    def run(self, stop: threading.Event | None = None, max_polls: int | None = None) -> WatchTotals:
        """Poll every `every_seconds` (measured start to start) until `stop` is set or `max_polls` polls
        are done. A poll longer than the interval is followed at once by the next one."""
        while stop is None or not stop.is_set():
            started = self.clock()
            self.run_once()
            if max_polls is not None and self.totals.polls >= max_polls:
                break
            wait = min(self.every, max(0.0, started + self.every - self.clock()))
            if self.sleep is not None:
                self.sleep(wait)
            elif stop is not None:
                if stop.wait(wait):
                    break
            else:
                time.sleep(wait)
        return self.totals

    def run_once(self) -> PollReport:
        """One poll over every feed; never raises for a feed's trouble (KeyboardInterrupt passes)."""
        begun = self.clock()
        report = PollReport(started=utc_stamp(begun))
        ingest = IngestReport()
        status = "failed"
        try:
            for feed in self.feeds:
                report.feeds.append(self._poll_feed(feed, report, ingest))
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            report.seconds = max(0.0, self.clock() - begun)
            if report.run_id:
                try:
                    self.store.finish_run(report.run_id, status)
                except Exception:  # the database may be what failed
                    pass
        self.totals.add(report)
        self.log(report.line())
        return report

    # -- one feed -------------------------------------------------------------------------------
    def _poll_feed(self, feed: str, report: PollReport, ingest: IngestReport) -> FeedOutcome:
        outcome = FeedOutcome(feed)
        now = utc_stamp(self.clock())
        try:
            self._take_feed(feed, outcome, report, ingest, now)
        except FeedError as exc:
            outcome.status, outcome.error = "error", str(exc)
        except Exception as exc:  # a bug or a database failure: say so, keep watching the other feeds
            outcome.status = "error"
            outcome.error = f"{feed}: {exc.__class__.__name__}: {one_line(exc)}; the feed is tried again next poll"
        if outcome.error:
            self.log(f"eventwire: watch: {outcome.error}")
            try:
                self._record_failure(feed, outcome.error, now)
            except Exception as exc:
                self.log(f"eventwire: watch: cannot record the state of {feed}: {one_line(exc)}")
        return outcome

    def _take_feed(self, feed: str, outcome: FeedOutcome, report: PollReport, ingest: IngestReport,
                   now: datetime) -> None:
        saved, seen, retrying = self._load(feed)
        # With entries waiting for a retry, ask for the whole feed again: a 304 would hide them.
        state = FetchState() if retrying else FetchState(saved.etag, saved.last_modified)
        if is_url(feed):
            result = self.fetcher.fetch(feed, accept="feed", state=state)
            if isinstance(result, Rejection):
                raise FeedError(result.detail)
            if result.not_modified:
                outcome.status = "not-modified"
                self._record_success(feed, result.state, "not-modified", 0, now)
                return
            data, state = result.body, result.state
        else:
            data = read_feed_file(Path(feed), self.settings.max_input_bytes)
            if isinstance(data, Rejection):
                raise FeedError(data.detail)
        parsed = parse_feed(data, feed)
        if isinstance(parsed, Rejection):
            raise FeedError(parsed.detail)

        fresh: dict[str, tuple[int, object]] = {}
        present = set()
        for number, entry in enumerate(parsed.entries, start=1):
            key = entry_key(entry)
            present.add(key)
            if key not in seen and key not in fresh:
                fresh[key] = (number, entry)
        gone = [key for key in retrying if key not in present]   # left the feed before it could be read
        self._mark_seen([(feed, key, "rejected", None, retrying[key], now, now) for key in gone])
        if not fresh:
            outcome.status = "no-new"
            self._record_success(feed, state, "no-new", 0, now)
            return

        outcome.status = "new"
        keyed = ((key, entry_item(entry, feed, number, fetcher=self.fetcher, fetch=self.fetch_mode,
                                  published=None, lang=None))
                 for key, (number, entry) in fresh.items())
        for batch in batched(keyed, self.settings.batch_size):
            self._store_batch(feed, batch, outcome, report, ingest, retrying, now)
        self._record_success(feed, state, "new", outcome.new_items - outcome.retry, now)

    def _store_batch(self, feed: str, batch: list[tuple[str, RawItem | Rejection]], outcome: FeedOutcome,
                     report: PollReport, ingest: IngestReport, retrying: dict[str, int], now: datetime) -> None:
        """Code and store one batch the way `eventwire ingest` does, then mark its entries seen."""
        items = [item for _, item in batch]
        if report.run_id is None:
            report.run_id = self.store.start_run("watch", self.feeds, {**asdict(self.settings), "every": self.every},
                                                 versions(self.settings), 1)
            ingest.run_id = report.run_id
        rejected: dict[str, Rejection] = {}
        skipped_before = ingest.skipped
        for todo in _pending(items, self.store, len(items) + 1, ingest):
            remembered = self.store.remembered_people()
            coder = self._coder(remembered)
            for result in _results([todo], self.settings, 1, self.actor_files, coder, remembered):
                counts = self.store.write_batch(result, report.run_id)
                outcome.documents += counts.documents
                outcome.skipped += counts.skipped
                outcome.mentions += counts.mentions
                outcome.events += counts.events
                rejected.update((r.origin, r) for r in result.rejections)
        outcome.skipped += ingest.skipped - skipped_before
        rows = []
        for key, item in batch:
            refused = item if isinstance(item, Rejection) else rejected.get(item.origin)
            attempts = retrying.get(key, 0) + 1
            if refused is None:
                rows.append((feed, key, "stored", item.item_id, attempts, now, now))
            elif refused.stage == "fetch" and refused.reason in TRANSIENT and attempts < MAX_ATTEMPTS:
                outcome.retry += 1
                rows.append((feed, key, "retry", None, attempts, now, now))
                self.log(f"eventwire: watch: {refused.detail} (entry kept for the next poll, attempt {attempts})")
            else:
                outcome.rejected += 1
                rows.append((feed, key, "rejected", None, attempts, now, now))
        outcome.new_items += len(batch)
        self._mark_seen(rows)

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings, self.actor_files)
        return self._pipeline

    def _coder(self, remembered: tuple[tuple[str, str], ...]) -> Pipeline:
        """The pipeline knowing the people the store remembers, rebuilt only when they change
        (a rebuilt one reloads its lexicons)."""
        if self._remembering is None or self._remembering.remembered != remembered:
            self._remembering = self.pipeline().remembering(remembered)
        return self._remembering

    # -- state in the database ------------------------------------------------------------------
    def _load(self, feed: str) -> tuple[FetchState, set[str], dict[str, int]]:
        """(validators of the last stored version, keys never to take again, keys to retry -> attempts)."""
        con = self.store.con
        row = con.execute("SELECT etag, last_modified FROM feed_state WHERE feed = ?", [feed]).fetchone()
        state = FetchState.from_json({"etag": row[0], "last_modified": row[1]} if row else None)
        seen, retrying = set(), {}
        for key, status, attempts in con.execute(
                "SELECT entry_key, status, attempts FROM feed_entries WHERE feed = ?", [feed]).fetchall():
            if status == "retry" and attempts < MAX_ATTEMPTS:
                retrying[key] = attempts
            else:
                seen.add(key)
        return state, seen, retrying

    def _mark_seen(self, rows: list[tuple]) -> None:
        if not rows:
            return
        with self.store.transaction() as con:
            placeholders = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(rows))
            con.execute(
                "INSERT INTO feed_entries (feed, entry_key, status, doc_id, attempts, first_seen, last_seen) "
                f"VALUES {placeholders} ON CONFLICT (feed, entry_key) DO UPDATE SET status = EXCLUDED.status, "
                "doc_id = EXCLUDED.doc_id, attempts = EXCLUDED.attempts, last_seen = EXCLUDED.last_seen",
                [value for row in rows for value in row])

    def _record_success(self, feed: str, state: FetchState, status: str, items: int, now: datetime) -> None:
        self.store.con.execute(
            "INSERT INTO feed_state (feed, etag, last_modified, last_polled, last_ok, last_status, last_error, "
            "errors_in_row, polls, items) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 1, ?) "
            "ON CONFLICT (feed) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, "
            "last_polled = EXCLUDED.last_polled, last_ok = EXCLUDED.last_ok, last_status = EXCLUDED.last_status, "
            "last_error = NULL, errors_in_row = 0, polls = feed_state.polls + 1, "
            "items = feed_state.items + EXCLUDED.items",
            [feed, state.etag, state.last_modified, now, now, status, max(0, items)])

    def _record_failure(self, feed: str, error: str, now: datetime) -> None:
        """The validators are kept: the version they name is still the last one fully stored."""
        self.store.con.execute(
            "INSERT INTO feed_state (feed, last_polled, last_status, last_error, errors_in_row, polls) "
            "VALUES (?, ?, 'error', ?, 1, 1) "
            "ON CONFLICT (feed) DO UPDATE SET last_polled = EXCLUDED.last_polled, last_status = 'error', "
            "last_error = EXCLUDED.last_error, errors_in_row = feed_state.errors_in_row + 1, "
            "polls = feed_state.polls + 1",
            [feed, now, error])

    def feed_status(self) -> list[dict]:
        """The feed_state rows of the watched feeds (for a status page or `--once` output)."""
        return feed_status(self.store, self.feeds)


def feed_status(store: Store, feeds: Sequence[str] | None = None) -> list[dict]:
    columns = ("feed", "etag", "last_modified", "last_polled", "last_ok", "last_status", "last_error",
               "errors_in_row", "polls", "items")
    sql = f"SELECT {', '.join(columns)} FROM feed_state"
    params: list = []
    if feeds is not None:
        sql += " WHERE feed IN (SELECT unnest(?::VARCHAR[]))"
        params.append(list(feeds))
    return [dict(zip(columns, row)) for row in store.con.execute(sql + " ORDER BY feed", params).fetchall()]


def check_feeds(feeds: Sequence[str], fetcher: Fetcher) -> None:
    """Refuse at start what no poll could ever read: a missing feed file, a non-http URL, or a private
    address without --allow-private. Transient trouble (DNS down) is left to the polls."""
    for feed in feeds:
        if is_url(feed):
            refused = fetcher.check_url(feed)
            if refused is not None and refused.reason in ("bad-url", "private-address"):
                raise InputError(refused.detail)
        elif not Path(feed).is_file():
            raise InputError(f"{feed}: no such feed file; give a feed URL (http(s)://...) or an RSS/Atom file")


class WatcherThread(threading.Thread):
    """A watcher in a daemon thread with its own database connection (see the module docstring)."""

    def __init__(self, db_path: str | Path, feeds: Sequence[str], every_seconds: float, settings: Settings | None = None,
                 **watcher_options):
        super().__init__(name="eventwire-watch", daemon=True)
        self.db_path, self.feeds, self.every = db_path, list(feeds), every_seconds
        self.settings = settings
        self.options = watcher_options
        self.stop_event = threading.Event()
        self.totals: WatchTotals | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with Store(self.db_path) as store, Watcher(store, self.feeds, self.every, self.settings,
                                                       **self.options) as watcher:
                self.totals = watcher.totals
                watcher.run(self.stop_event)
        except BaseException as exc:  # noqa: BLE001 - a thread has no caller to raise to
            self.error = exc
            log = self.options.get("log", stderr_log)
            log(f"eventwire: watch: stopped: {exc.__class__.__name__}: {one_line(exc)}")

    def stop(self, timeout: float | None = None) -> None:
        self.stop_event.set()
        self.join(timeout)


def start_watcher(db_path: str | Path, feeds: Sequence[str], every_seconds: float, settings: Settings | None = None,
                  **watcher_options) -> WatcherThread:
    """Start polling in the background: `start_watcher("news.duckdb", feeds, 900, settings, pipeline=p,
    allow_private=False)`; stop with `thread.stop()`. Options are Watcher's keyword arguments."""
    thread = WatcherThread(db_path, feeds, every_seconds, settings, **watcher_options)
    thread.start()
    return thread
