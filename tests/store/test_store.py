"""The store: migrations, idempotent re-ingest, linking of reports into events, counts."""
from __future__ import annotations


import pytest

from eventwire.linking import LinkRule, Report, link_all, link_key, period_start
from eventwire.runners.local import ingest
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.schema import LATEST

from .corpora import LINKING, write_linking_corpus


@pytest.fixture(scope="module")
def linked(tmp_path_factory, pipeline):
    """The linking corpus ingested once (in this process, with the session pipeline)."""
    root = tmp_path_factory.mktemp("linked")
    corpus = write_linking_corpus(root / "dispatches.jsonl")
    store = Store(root / "linked.duckdb")
    report = ingest([str(corpus)], store, Settings(), pipeline=pipeline)
    yield store, corpus, report
    store.close()


def events_by_story(store):
    """story key -> {event_id: (cameo, source, target, num_mentions, num_articles, num_sources)}."""
    rows = store.con.execute("""
        SELECT o.origin, e.event_id, e.cameo, e.source_code, e.target_code, e.num_mentions, e.num_articles, e.num_sources
        FROM events e JOIN mentions m ON m.event_id = e.event_id JOIN document_origins o ON o.doc_id = m.doc_id""").fetchall()
    stories: dict[str, dict] = {}
    for origin, event_id, *rest in rows:
        key = origin.split("#")[1].rsplit("-", 1)[0]
        stories.setdefault(key, {})[event_id] = tuple(rest)
    return stories


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        assert store.schema_version() == LATEST
        rows = store.con.execute("SELECT version, name FROM schema_migrations").fetchall()
    with Store(path) as store:
        assert store.con.execute("SELECT version, name FROM schema_migrations").fetchall() == rows
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "sentences", "events", "mentions", "actors", "runs", "rejections", "schema_migrations"} <= tables


def test_reingesting_the_same_input_adds_nothing(linked, pipeline):
    store, corpus, first = linked
    before = store.counts()
    actors = store.con.execute("SELECT * FROM actors ORDER BY actor_id").fetchall()
    events = store.con.execute("SELECT event_id, num_mentions, num_articles, num_sources FROM events ORDER BY 1").fetchall()
    again = ingest([str(corpus)], store, Settings(), pipeline=pipeline)
    assert again.documents == 0 and again.mentions == 0 and again.events == 0
    assert again.skipped == len(LINKING)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    assert after["runs"] == before["runs"] + 1
    assert store.con.execute("SELECT * FROM actors ORDER BY actor_id").fetchall() == actors
    assert store.con.execute("SELECT event_id, num_mentions, num_articles, num_sources FROM events ORDER BY 1").fetchall() == events


def test_every_report_is_stored_with_its_offsets(linked):
    store, _, report = linked
    assert report.documents == len(LINKING) - 1          # the syndicated copy is the same document
    assert store.counts()["document_origins"] == len(LINKING)
    for text, start, end, source_text, s_start, s_end in store.con.execute("""
            SELECT d.text, m.trigger_start, m.trigger_end, m.source_text, m.source_start, m.source_end
            FROM mentions m JOIN documents d USING (doc_id)""").fetchall():
        assert text[s_start:s_end] == source_text
        assert 0 <= start < end <= len(text)
    for doc_text, sentence, start in store.con.execute(
            "SELECT d.text, s.text, s.start_char FROM sentences s JOIN documents d USING (doc_id)").fetchall():
        assert doc_text[start:start + len(sentence)] == sentence


def test_syndicated_and_rewritten_reports_become_one_event(linked):
    store, _, _ = linked
    stories = events_by_story(store)
    kenya = stories["kenya"]
    assert len(kenya) == 1, kenya
    (cameo, source, target, mentions, articles, sources), = kenya.values()
    assert (cameo[:2], source, target) == ("17", "KENCOP", "KENLEG")
    # 3 distinct texts; the first is carried by two sites: 4 articles, 4 sources, 4 mentions
    assert (mentions, articles, sources) == (4, 4, 4)
    # Mali: French, French rewrite and English version, both directions of the meeting
    mali = stories["mali"]
    assert sorted((s, t, m, a) for _, s, t, m, a, _ in mali.values()) == [
        ("MLIGOV", "SENGOV", 3, 3), ("SENGOV", "MLIGOV", 3, 3)]
    # Kharkiv: an English 194 and a French 195 report are one root-19 event
    kharkiv = stories["kharkiv"]
    assert len(kharkiv) == 1 and next(iter(kharkiv.values()))[3:5] == (2, 2)


@pytest.mark.parametrize("miss, story", [("kenya_miss_day", "kenya"), ("kenya_miss_place", "kenya"),
                                          ("kenya_miss_dyad", "kenya"), ("mali_miss_place", "mali"),
                                          ("kharkiv_miss_place", "kharkiv")])
def test_near_misses_stay_apart(linked, miss, story):
    store, _, _ = linked
    stories = events_by_story(store)
    assert stories[miss], miss
    assert not set(stories[miss]) & set(stories[story])
    assert all(values[3] == 1 for values in stories[miss].values())


def test_actors_are_kept_with_first_and_last_seen(linked):
    store, _, _ = linked
    rows = store.con.execute("SELECT code, first_seen, last_seen, mentions FROM actors WHERE code = 'KENCOP'").fetchall()
    assert rows
    first, last = min(r[1] for r in rows), max(r[2] for r in rows)
    assert str(first) == "2024-03-11" and str(last) == "2024-03-14"


# -- the linking rule on its own ----------------------------------------------------------------

def report(mention, date, precision="day", place=None, source="FRAGOV", target="DEUGOV", root="04", modality="asserted"):
    return Report(mention, link_key(source, target, root, modality), date, precision if date else None, place)


def test_rule_window_and_precision():
    links = link_all([report("a", "2024-03-11"), report("b", "2024-03-12"), report("c", "2024-03-13"),
                      report("d", "2024-03", precision="month"), report("e", "2024-03", precision="month"), report("f", None),
                      report("g", None)])
    assert links["b"] == "a"                 # one day apart
    assert links["c"] == "c"                 # two days from the event's first report: a new event
    assert links["e"] == "d"                 # same month at month precision
    assert links["f"] == "f" and links["g"] == "g"   # undated reports never link
    wide = link_all([report("a", "2024-03-11"), report("c", "2024-03-13")], LinkRule(day_window=2))
    assert wide["c"] == "a"


def test_rule_places_dyads_and_modality():
    links = link_all([report("a", "2024-03-11", place=1), report("b", "2024-03-11"),
                      report("c", "2024-03-11", place=2), report("d", "2024-03-11", target=None),
                      report("e", "2024-03-11", modality="reported"), report("f", "2024-03-11", modality="negated"),
                      report("g", "2024-03-11", root="05")])
    assert links["b"] == "a"                 # no place on one side
    assert links["c"] == "c"                 # different place
    assert links["d"] == "d"                 # different dyad
    assert links["e"] == "a"                 # reported is factual like asserted
    assert links["f"] == "f"                 # a denial is not the event
    assert links["g"] == "g"                 # another root


def test_period_start():
    assert str(period_start("2018-06", "month")) == "2018-06-01"
    assert str(period_start("2018", "year")) == "2018-01-01"
    assert period_start(None, None) is None
