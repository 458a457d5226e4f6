"""The CLI as a user meets it: bad input gets one line on stderr and exit code 2, no traceback."""
from __future__ import annotations

import json

import pytest

from eventwire.cli import main

FRENCH = ("Le ministre malien des Affaires étrangères a rencontré mardi à Bamako son homologue sénégalais "
          "pour discuter de la sécurité régionale.\n")
ENGLISH = "Kenyan police arrested three opposition lawmakers in Nairobi on Monday, officials said.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *words):
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]


def test_empty_file(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("")
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "empty")


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "binary")


def test_huge_file_is_refused_without_reading_it(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("w") as handle:
        line = ENGLISH * 100
        while handle.tell() < 50_000_000:
            handle.write(line)
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "MB", "limit")


def test_latin1_text_names_the_fix_and_decodes_when_asked(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "UTF-8", "--encoding")
    code, out, err = run(capsys, "code", str(path), "--encoding", "latin-1", "--format", "jsonl",
                         "--published", "2024-03-14")
    assert code == 0
    assert any(json.loads(line)["root"] == "04" for line in out.splitlines())


def test_malformed_html(tmp_path, capsys):
    path = tmp_path / "broken.html"
    path.write_text("<html><head><title>x</title><body><div <p <<< </span></html", encoding="utf-8")
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "no article text")


def test_unsupported_language(tmp_path, capsys):
    path = tmp_path / "de.txt"
    path.write_text("Die Bundesregierung hat am Montag in Berlin neue Maßnahmen gegen die Inflation beschlossen, "
                    "teilte ein Sprecher des Finanzministeriums mit.\n", encoding="utf-8")
    code, _, err = run(capsys, "code", str(path))
    assert_one_line_error(code, err, "'de'", "not supported")


def test_missing_file_and_bad_date(tmp_path, capsys):
    code, _, err = run(capsys, "code", str(tmp_path / "nope.txt"))
    assert_one_line_error(code, err, "no such file")
    code, _, err = run(capsys, "code", "x.txt", "--published", "25/04/2018")
    assert code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err


def test_jsonl_with_one_bad_line_codes_the_others(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "text": ENGLISH, "published": "2024-03-13"}),
             "{this is not json",
             json.dumps({"id": "b"}),
             json.dumps({"id": "c", "text": FRENCH, "published": "2024-03-14", "lang": "fr"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "code", str(path), "--format", "jsonl")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["root"] for e in events} >= {"17", "04"}
    bad = [line for line in err.splitlines() if "rejected" in line]
    assert len(bad) == 2 and ":2:" in bad[0] and ":3:" in bad[1]


def test_strict_turns_a_rejection_into_exit_2(tmp_path, capsys):
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    empty.write_text("   \n")
    assert run(capsys, "code", str(good), str(empty), "--published", "2024-03-13")[0] == 0
    assert run(capsys, "code", str(good), str(empty), "--published", "2024-03-13", "--strict")[0] == 2


def test_stdin_and_table_output(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    code, out, _ = run(capsys, "code", "-", "--lang", "en", "--published", "2024-03-13")
    assert code == 0
    assert "KENCOP" in out and "173" in out


@pytest.mark.parametrize("command", ["code", "eval"])
def test_help_shows_examples(command, capsys):
    assert main([command, "--help"]) == 0
    assert "examples:" in capsys.readouterr().out
