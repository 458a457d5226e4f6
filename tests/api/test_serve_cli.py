"""`eventwire serve` from the command line: options, the token, refusals with one line and exit code 2."""
from __future__ import annotations

import pytest

from eventwire.cli import main


def test_serve_help_shows_examples(capsys):
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--db" in out and "--token" in out and "EVENTWIRE_TOKEN" in out


def test_serve_runs_uvicorn_with_the_app(tmp_path, monkeypatch, capsys):
    import uvicorn

    seen = {}

    def fake_run(app, host, port, log_level):
        seen.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    monkeypatch.setattr("eventwire.api.app.ServerState.preload", lambda self: None)
    db = tmp_path / "served.duckdb"
    assert main(["serve", "--db", str(db), "--port", "8123"]) == 0
    state = seen["app"].state.eventwire
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert state.token == "from-env" and state.closed and db.exists()
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8123/" in err and "needs the bearer token" in err
    assert main(["serve", "--db", str(db), "--token", "given"]) == 0
    assert seen["app"].state.eventwire.token == "given"


@pytest.mark.parametrize("argv, words", [
    (["serve", "--port", "0"], ["port"]),
    (["serve", "--port", "70000"], ["port"]),
])
def test_bad_serve_options(argv, words, capsys, tmp_path):
    assert main(argv + ["--db", str(tmp_path / "x.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and all(w in err for w in words)


def test_serve_refuses_a_port_in_use(tmp_path, capsys):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "p.duckdb"), "--port", str(port)]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_refuses_a_directory_or_a_busy_database(tmp_path, capsys):
    import subprocess
    import sys

    from eventwire.store import Store

    assert main(["serve", "--db", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert main(["serve", "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "in use by another eventwire process" in err and "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()
