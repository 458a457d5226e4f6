"""User actor dictionaries: own YAML/CSV/TSV files and PETRARCH/TABARI .actors/.agents files."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.dictionaries import load_dictionary, petrarch_date
from eventwire.actors.lexicon import load_lexicon
from eventwire.errors import InputError

ACTORS = """# test actors written for eventwire
ALINE_DUBOIS_\t[FRAGOV 170515-220520] [FRAELI >220521]   # a minister, then a former minister
+MME_DUBOIS_
KOFI_MENSAH_
+K._MENSAH_
\t[GHAGOV]
SAHEL_MONITORING_MISSION_\t[IGOSMM]
"""

AGENTS = """!PERSON! = MAN, WOMAN
HARBOUR_MASTER [~GOV]
FERRY!PERSON! [~BUS]
DOCKWORKER [~LAB] {DOCKERS, DOCKWORKERS}
"""


def test_petrarch_actors_with_dates_and_synonyms(tmp_path):
    path = tmp_path / "test.actors"
    path.write_text(ACTORS, encoding="utf-8")
    entries = load_dictionary(path)
    dubois = [e for e in entries if e.name == "Aline Dubois"]
    assert {(e.phrase, e.code) for e in dubois} >= {("Aline Dubois", "FRAGOV"), ("Mme Dubois", "FRAGOV")}
    gov = next(e for e in dubois if e.code == "FRAGOV")
    assert gov.start == date(2017, 5, 15) and gov.end == date(2022, 5, 20)
    assert next(e for e in dubois if e.code == "FRAELI").start == date(2022, 5, 21)
    assert {e.phrase for e in entries if e.code == "GHAGOV"} == {"Kofi Mensah", "K. Mensah"}
    assert any(e.kind == "igo" and e.code == "IGOSMM" for e in entries)


def test_petrarch_agents_with_substitutions_and_plurals(tmp_path):
    path = tmp_path / "test.agents"
    path.write_text(AGENTS, encoding="utf-8")
    phrases = {e.phrase: e.role for e in load_dictionary(path)}
    assert phrases["harbour master"] == "GOV" and phrases["harbour masters"] == "GOV"
    assert phrases["ferryman"] == "BUS" and phrases["ferrywoman"] == "BUS"
    assert phrases["dockers"] == "LAB" and "dockworkers" in phrases


def test_yaml_and_csv_dictionaries_override_and_date(tmp_path):
    yaml_path = tmp_path / "mine.yaml"
    yaml_path.write_text("- {phrase: Jeanne Okafor, code: NGAGOV, start: 2023-06-01}\n"
                         "- {phrase: gardes forestiers, code: COP, kind: role}\n", encoding="utf-8")
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("phrase,code,kind\nBlue Harbour Coalition,NGO,group\n", encoding="utf-8")
    entries = load_dictionary(yaml_path) + load_dictionary(csv_path)
    assert {(e.phrase, e.code, e.kind) for e in entries} == {
        ("Jeanne Okafor", "NGAGOV", "person"), ("gardes forestiers", "COP", "role"),
        ("Blue Harbour Coalition", "NGO", "group")}
    lexicon = load_lexicon("fr", (str(yaml_path),))
    from eventwire.actors.lexicon import norm_key

    assert lexicon.phrases[norm_key("Jeanne Okafor")][0].code == "NGAGOV"


@pytest.mark.parametrize("text, message", [
    ("- {phrase: X}\n", "needs a 'phrase' and a 'code'"),
    ("- {phrase: X, code: FRAGOV, kind: wizard}\n", "kind 'wizard'"),
    ("- {phrase: X, code: FRAGOV, start: last year}\n", "YYYY-MM-DD"),
    ("{not: [a list\n", "not valid YAML"),
])
def test_malformed_user_dictionaries_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_dictionary(path)


def test_unknown_format_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_dictionary(tmp_path / "nope.yaml")
    odd = tmp_path / "x.dat"
    odd.write_text("x")
    with pytest.raises(InputError, match="unknown dictionary format"):
        load_dictionary(odd)


def test_tabari_century():
    assert petrarch_date("000101") == date(2000, 1, 1) and petrarch_date("460201") == date(1946, 2, 1)
