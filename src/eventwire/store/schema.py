"""The database schema as numbered migrations, each applied in one transaction and recorded.

A migration is never edited once released: change the schema by appending a new one. `Store`
applies the missing ones when it opens a database for writing; a reader refuses a database whose
schema is older or newer than this code knows.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, sentences, events, mentions, actors, runs, rejections", (
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,            -- running | done | interrupted | failed
            command VARCHAR,
            inputs VARCHAR,                     -- JSON list
            settings VARCHAR,                   -- JSON object: the settings in force
            versions VARCHAR,                   -- JSON object: eventwire, python, spacy, models, duckdb
            workers INTEGER,
            documents_added INTEGER DEFAULT 0,
            mentions_added INTEGER DEFAULT 0,
            rejections_added INTEGER DEFAULT 0)""",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,         -- content hash of the input (model.content_id)
            origin VARCHAR NOT NULL,            -- where it was first read from
            url VARCHAR,
            lang VARCHAR NOT NULL,
            title VARCHAR,
            published DATE,
            published_time VARCHAR,
            published_source VARCHAR,
            published_text VARCHAR,
            year_known BOOLEAN,
            text VARCHAR NOT NULL,              -- main text, page chrome removed
            chars INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            events INTEGER NOT NULL,
            dropped_lines INTEGER,
            run_id VARCHAR,
            added_at TIMESTAMP NOT NULL)""",
        # One row per article that carries a document's text: a syndicated copy at another URL is
        # another article of the same document (GDELT counts it in NumArticles and NumSources).
        """CREATE TABLE document_origins (
            doc_id VARCHAR NOT NULL,
            article_key VARCHAR NOT NULL,       -- the URL, or 'doc:<doc_id>' when there is none
            origin VARCHAR NOT NULL,
            url VARCHAR,
            source_key VARCHAR NOT NULL,        -- web domain, or 'doc:<doc_id>' when there is no URL
            source_name VARCHAR NOT NULL,       -- web domain, or the file name
            run_id VARCHAR,
            added_at TIMESTAMP NOT NULL,
            PRIMARY KEY (doc_id, article_key))""",
        # Sentences that carry at least one event (the coder does not hand back the others).
        """CREATE TABLE sentences (
            doc_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,          -- 0-based index in the document
            start_char INTEGER NOT NULL,        -- offset of the sentence in documents.text (-1 if unknown)
            text VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, sentence))""",
        # Linked events: one row per real event, however many reports describe it.
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,       -- the mention_id of its first report
            global_id BIGINT NOT NULL UNIQUE,   -- integer form of event_id (GLOBALEVENTID)
            seq BIGINT NOT NULL,                -- creation order (1, 2, ...): breaks linking ties the same way on every run
            link_key VARCHAR NOT NULL,          -- source|target|root|modality class
            source_code VARCHAR NOT NULL, source_name VARCHAR, source_country VARCHAR, source_role VARCHAR,
            target_code VARCHAR, target_name VARCHAR, target_country VARCHAR, target_role VARCHAR,
            cameo VARCHAR NOT NULL, root VARCHAR NOT NULL, quad_class INTEGER, goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR, modality VARCHAR NOT NULL,
            date VARCHAR,                       -- 2018-04-23 | 2018-04 | 2018 | NULL
            date_precision VARCHAR,             -- day | month | year | NULL
            period_start DATE,                  -- first day of `date`
            place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, place_country VARCHAR,
            place_fips VARCHAR, place_adm1 VARCHAR, place_kind VARCHAR,
            first_doc_id VARCHAR NOT NULL, first_sentence INTEGER NOT NULL,
            num_mentions INTEGER NOT NULL DEFAULT 1,
            num_sources INTEGER NOT NULL DEFAULT 1,
            num_articles INTEGER NOT NULL DEFAULT 1,
            run_id VARCHAR,
            added_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX events_link_key ON events (link_key)",
        # Reports: one row per event the coder found in a document sentence.
        """CREATE TABLE mentions (
            mention_id VARCHAR PRIMARY KEY,     -- the coder's event_id (content hash)
            event_id VARCHAR NOT NULL,          -- the linked event
            doc_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,    -- offsets below are in documents.text
            source_code VARCHAR NOT NULL, source_text VARCHAR, source_start INTEGER, source_end INTEGER, source_how VARCHAR,
            target_code VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER, target_how VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            cameo VARCHAR NOT NULL, modality VARCHAR NOT NULL,
            date VARCHAR, date_precision VARCHAR, date_method VARCHAR, planned_for VARCHAR,
            place_name VARCHAR, geonameid BIGINT, place_method VARCHAR,
            rule VARCHAR, lang VARCHAR, confidence INTEGER,
            record VARCHAR NOT NULL,            -- the full event JSON (README: the event record)
            run_id VARCHAR,
            added_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX mentions_event ON mentions (event_id)",
        "CREATE INDEX mentions_doc ON mentions (doc_id)",
        # Actors as resolved from documents, keyed by code + name.
        """CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY,
            code VARCHAR NOT NULL,
            name VARCHAR NOT NULL,              -- '' when the actor has no proper name
            country VARCHAR,
            role VARCHAR,
            first_seen DATE,
            last_seen DATE,
            mentions INTEGER NOT NULL)""",
        """CREATE TABLE rejections (
            rejection_id VARCHAR PRIMARY KEY,   -- content hash of origin, stage, reason
            origin VARCHAR NOT NULL,
            stage VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            detail VARCHAR NOT NULL,
            run_id VARCHAR,
            added_at TIMESTAMP NOT NULL)""",
    )),
    Migration(2, "watcher state: feed_state, feed_entries", (
        # One row per feed `eventwire watch` polls (the URL or path as given): the validators of its
        # last fully stored version, and how the last polls went.
        """CREATE TABLE feed_state (
            feed VARCHAR PRIMARY KEY,
            etag VARCHAR,                       -- sent back as If-None-Match
            last_modified VARCHAR,              -- sent back as If-Modified-Since (the raw HTTP header)
            last_polled TIMESTAMP,
            last_ok TIMESTAMP,                  -- last poll that read the feed (or heard 304)
            last_status VARCHAR,                -- new | no-new | not-modified | error
            last_error VARCHAR,                 -- one line, NULL after a good poll
            errors_in_row INTEGER NOT NULL DEFAULT 0,
            polls INTEGER NOT NULL DEFAULT 0,
            items INTEGER NOT NULL DEFAULT 0    -- entries taken in over the feed's life
            )""",
        # Entries already taken from a feed, by feeds.entry_key (link + guid). Written only after the
        # batch carrying them is stored, so a watcher killed mid-poll reads them again next time.
        """CREATE TABLE feed_entries (
            feed VARCHAR NOT NULL,
            entry_key VARCHAR NOT NULL,
            status VARCHAR NOT NULL,            -- stored | rejected | retry (a transient fetch failure)
            doc_id VARCHAR,                     -- the document it became (NULL when rejected)
            attempts INTEGER NOT NULL DEFAULT 1,
            first_seen TIMESTAMP NOT NULL,
            last_seen TIMESTAMP NOT NULL,
            PRIMARY KEY (feed, entry_key))""",
    )),
)

LATEST = MIGRATIONS[-1].version

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL)"""


def applied_versions(con) -> set[int]:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'").fetchone()[0]
    if not exists:
        return set()
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction; return the versions applied."""
    con.execute(MIGRATIONS_TABLE)
    done = applied_versions(con)
    applied = []
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)",
                        [migration.version, migration.name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
