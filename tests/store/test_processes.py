"""Real processes where a real process is the point: kill -9 and resume, a second writer; and bad inputs."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.errors import EventwireError
from eventwire.runners.local import ingest
from eventwire.settings import Settings
from eventwire.store import Store

from .corpora import write_many

SRC = Path(__file__).resolve().parents[2] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
INGEST_ARGS = ("--batch-size", "4", "--lang", "en", "--published", "2024-03-15")


def eventwire(*argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", *argv], env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def snapshot(path: Path) -> dict:
    with Store(path, read_only=True) as store:
        con = store.con
        return {
            "documents": sorted(con.execute("SELECT doc_id, events FROM documents").fetchall()),
            "mentions": sorted(con.execute("SELECT mention_id, event_id FROM mentions").fetchall()),
            "events": sorted(con.execute("SELECT event_id, seq, num_mentions, num_articles, num_sources FROM events").fetchall()),
            "actors": sorted(con.execute("SELECT actor_id, first_seen, last_seen, mentions FROM actors").fetchall()),
            "origins": sorted(con.execute("SELECT doc_id, article_key FROM document_origins").fetchall()),
            "sentences": sorted(con.execute("SELECT doc_id, sentence, start_char FROM sentences").fetchall()),
        }


def one_line_error(code: int, err: str, *words: str) -> str:
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_kill_9_mid_run_then_rerun_loses_and_doubles_nothing(tmp_path, pipeline):
    corpus = write_many(tmp_path / "corpus", 60)
    db = tmp_path / "killed.duckdb"
    process = eventwire("ingest", str(corpus), "--db", str(db), *INGEST_ARGS)
    progress_lines = 0
    try:
        for line in process.stderr:
            if "eventwire: ingest:" in line and "documents (" in line:
                progress_lines += 1
                if progress_lines == 2:
                    time.sleep(random.uniform(0.0, 0.3))
                    break
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"

    # What survived is whole batches: every stored document has all of its mentions.
    with Store(db, read_only=True) as store:
        stored = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        partial = store.con.execute("""SELECT count(*) FROM documents d
            WHERE d.events <> (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id)""").fetchone()[0]
        assert store.con.execute("SELECT status FROM runs").fetchall() == [("running",)]
    assert 8 <= stored < 60 and partial == 0

    rerun = eventwire("ingest", str(corpus), "--db", str(db), *INGEST_ARGS)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{60 - stored} new documents ({stored} already stored" in err

    # The same corpus ingested in one go, in this process, is the reference.
    reference = tmp_path / "reference.duckdb"
    with Store(reference) as store:
        ingest([str(corpus)], store, Settings(batch_size=4), published="2024-03-15", lang="en", pipeline=pipeline)
    resumed, expected = snapshot(db), snapshot(reference)
    assert len(resumed["documents"]) == 60
    for table in expected:
        assert resumed[table] == expected[table], table
    with Store(db, read_only=True) as store:
        assert sorted(store.con.execute("SELECT status FROM runs").fetchall()) == [("done",), ("interrupted",)]


def test_a_second_writer_gets_a_clear_error(tmp_path, capsys):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from eventwire.store import Store; s = Store(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(120)", str(db)],
        env=ENV, text=True, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(EventwireError, match=rf"in use by another eventwire process \(pid {holder.pid}\)"):
            Store(db)
        (tmp_path / "doc.txt").write_text("Kenyan police arrested three lawmakers in Nairobi on Monday.\n")
        code = main(["ingest", str(tmp_path / "doc.txt"), "--db", str(db)])
        line = one_line_error(code, capsys.readouterr().err, "in use", f"pid {holder.pid}", "--db")
        assert "stop it" in line
        code = main(["export", "--format", "gdelt", "--db", str(db)])
        one_line_error(code, capsys.readouterr().err, "in use")
    finally:
        holder.kill()
        holder.wait()
    with Store(db) as store:                                   # the lock goes with the process
        assert store.counts()["documents"] == 0


@pytest.fixture()
def filled(tmp_path, pipeline):
    db = tmp_path / "filled.duckdb"
    (tmp_path / "good.txt").write_text("Kenyan police arrested three opposition lawmakers in Nairobi on Monday.\n")
    with Store(db) as store:
        ingest([str(tmp_path / "good.txt")], store, Settings(), published="2024-03-12", pipeline=pipeline)
        counts = store.counts()
    return db, counts


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, ("no such file",)),
    ("empty.txt", b"", ("empty",)),
    ("photo.txt", bytes(range(256)) * 20, ("binary",)),
    ("latin1.txt", "Le ministre a rencontré mardi son homologue à Bamako.".encode("latin-1"), ("UTF-8", "--encoding")),
    ("table.xlsx", b"PK\x03\x04", ("unsupported",)),
])
def test_bad_input_is_one_line_exit_2_and_loses_nothing(filled, tmp_path, capsys, name, content, words):
    db, counts = filled
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code = main(["ingest", str(path), "--db", str(db)])
    one_line_error(code, capsys.readouterr().err, *words)
    with Store(db, read_only=True) as store:
        after = store.counts()
        assert store.con.execute("SELECT count(*) FROM rejections").fetchone()[0] == 1
    assert {k: v for k, v in after.items() if k not in ("runs", "rejections")} == \
           {k: v for k, v in counts.items() if k not in ("runs", "rejections")}


def test_bad_databases_and_options(tmp_path, capsys):
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("these are notes, not a database\n" * 200)
    one_line_error(main(["stats", "--db", str(not_db)]), capsys.readouterr().err, "--db")
    one_line_error(main(["ingest", str(not_db), "--db", str(not_db)]), capsys.readouterr().err, "--db")
    assert not_db.read_text().startswith("these are notes")
    missing = tmp_path / "nowhere.duckdb"
    one_line_error(main(["export", "--format", "gdelt", "--db", str(missing)]), capsys.readouterr().err,
                   "no database", "eventwire ingest")
    assert not missing.exists()
    one_line_error(main(["stats", "--db", str(tmp_path)]), capsys.readouterr().err, "directory")
    one_line_error(main(["export", "--format", "parquet", "--db", str(missing)]), capsys.readouterr().err, "--out")
    # option errors: argparse's usage and one error line, exit 2
    assert main(["ingest", "x.txt", "--workers", "0"]) == 2
    assert "not a positive whole number" in capsys.readouterr().err
    assert main(["export", "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
