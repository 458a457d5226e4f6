"""Each export read back and checked column by column against the GDELT 2.0 column lists and PLOVER's fields."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.cli import main
from eventwire.export import gdelt, tabular
from eventwire.resources import read_tsv
from eventwire.runners.local import ingest
from eventwire.settings import Settings
from eventwire.store import Store

from .corpora import write_linking_corpus

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
                "ACCUSE", "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}


def reference_columns(name: str) -> list[tuple[str, str]]:
    path = REFERENCE / f"gdelt2_{name}_columns.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with path.open(encoding="utf-8") as handle:
        return [(row["name"], row["type"]) for row in csv.DictReader(handle)]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    root = tmp_path_factory.mktemp("exports")
    path = root / "export.duckdb"
    with Store(path) as store:
        ingest([str(write_linking_corpus(root / "dispatches.jsonl"))], store, Settings(), pipeline=pipeline)
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def check_types(rows, columns):
    for row in rows:
        assert len(row) == len(columns), (len(row), row)
        for value, (name, kind) in zip(row, columns):
            assert "\t" not in value and "\n" not in value
            if kind == "INTEGER":
                int(value)                                  # never empty
            elif kind == "FLOAT" and value != "":
                float(value)


def test_our_column_lists_are_the_codebook_lists():
    assert list(gdelt.EVENT_COLUMNS) == [n for n, _ in reference_columns("events")]
    assert list(gdelt.MENTION_COLUMNS) == [n for n, _ in reference_columns("mentions")]
    assert len(gdelt.EVENT_COLUMNS) == 61 and len(gdelt.MENTION_COLUMNS) == 16


def test_gdelt_events_file(db, tmp_path, capsys):
    out = tmp_path / "events.tsv"
    code, _, err = run(capsys, "export", "--format", "gdelt", "--db", db, "--out", out)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()]
    columns = reference_columns("events")
    check_types(rows, columns)
    assert not text.startswith("GLOBALEVENTID")             # no header
    with Store(db, read_only=True) as store:
        assert len(rows) == store.counts()["events"]
    names = [n for n, _ in columns]
    fips = {r["code"]: r["fips"] for r in read_tsv("common", "countries.tsv")}
    iso2 = {r["code"]: r["iso2"] for r in read_tsv("common", "countries.tsv")}
    by_place = {}
    for row in rows:
        record = dict(zip(names, row))
        assert len(record["SQLDATE"]) == 8 and record["MonthYear"] == record["SQLDATE"][:6]
        assert record["Year"] == record["SQLDATE"][:4] and record["FractionDate"].startswith(record["Year"] + ".")
        assert len(record["DATEADDED"]) == 14 and record["DATEADDED"][10:12] in ("00", "15", "30", "45")
        assert record["EventBaseCode"] == record["EventCode"][:3] and record["EventRootCode"] == record["EventCode"][:2]
        assert record["QuadClass"] in "1234" and -10 <= float(record["GoldsteinScale"]) <= 10
        assert int(record["NumMentions"]) >= int(record["NumArticles"]) >= 1 and int(record["NumSources"]) >= 1
        assert record["SOURCEURL"].startswith("https://")
        if record["ActionGeo_Type"] != "0":
            by_place[record["ActionGeo_FullName"].split(",")[0]] = record
    kharkiv = by_place["Kharkiv"]
    assert kharkiv["ActionGeo_CountryCode"] == fips["UKR"] == "UP" != iso2["UKR"]
    assert kharkiv["ActionGeo_ADM1Code"].startswith("UP") and kharkiv["ActionGeo_Type"] == "4"
    assert by_place["Dakar"]["ActionGeo_CountryCode"] == "SG"         # FIPS, not ISO's SN
    assert by_place["Nairobi"]["ActionGeo_FeatureID"] == "184745"
    kenya = [dict(zip(names, r)) for r in rows if r[5] == "KENCOP" and r[15] == "KENLEG" and "Nairobi" in r[52]]
    merged = [r for r in kenya if r["NumMentions"] == "4"]
    assert len(merged) == 1 and merged[0]["SQLDATE"] == "20240311"
    assert (merged[0]["Actor1CountryCode"], merged[0]["Actor1Type1Code"], merged[0]["Actor2Type1Code"]) == ("KEN", "COP", "LEG")


def test_gdelt_mentions_file(db, capsys):
    code, out, err = run(capsys, "export", "--format", "gdelt-mentions", "--db", db)
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    columns = reference_columns("mentions")
    check_types(rows, columns)
    names = [n for n, _ in columns]
    events = {line.split("\t")[0] for line in io.StringIO(run(capsys, "export", "--format", "gdelt", "--db", db)[1])}
    with Store(db, read_only=True) as store:
        total = store.con.execute("SELECT sum(num_mentions) FROM events").fetchone()[0]
    assert len(rows) == total
    for row in rows:
        record = dict(zip(names, row))
        assert record["GLOBALEVENTID"] in events
        assert record["MentionType"] == "1" and record["MentionIdentifier"].startswith("https://")
        assert "." in record["MentionSourceName"] and "/" not in record["MentionSourceName"]
        assert int(record["SentenceID"]) >= 1
        assert 0 <= int(record["ActionCharOffset"]) < int(record["MentionDocLen"])
        assert int(record["Actor2CharOffset"]) >= -1 and 10 <= int(record["Confidence"]) <= 100
        assert record["MentionDocTranslationInfo"] == ""     # French is read natively, never translated


def test_plover_records(db, capsys):
    code, out, err = run(capsys, "export", "--format", "plover", "--db", db)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    for record in records:
        for key in ("id", "date", "source", "recipient", "event", "mode", "context", "event_loc", "event_text",
                    "quad_code", "event_scale", "text_info", "cite_info", "coder", "coded_date"):
            assert key in record, key
        assert set(record["event"]) <= PLOVER_TYPES
        assert record["source"] and {"code", "sector", "actor_text"} <= set(record["source"][0])
        assert len(record["source"][0]["code"]) == 3
        assert record["cite_info"]["language"] in ("fr", "en")
        if record["event_loc"]:
            assert {"geonameid", "name", "latitude", "longitude", "country code", "cc3"} <= set(record["event_loc"])
    kharkiv = [r for r in records if r["event_loc"] and r["event_loc"]["name"] == "Kharkiv"]
    assert kharkiv[0]["event"] == ["ASSAULT"] and kharkiv[0]["event_loc"]["country code"] == "UA"
    source = kharkiv[0]["source"][0]
    assert (source["code"], source["sector"], source["actor_text"]) == ("RUS", "MIL", "Russian forces")


def test_csv_and_parquet_read_back(db, tmp_path, capsys):
    with Store(db, read_only=True) as store:
        expected = store.counts()["events"]
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        code, _, err = run(capsys, "export", "--format", fmt, "--db", db, "--out", out)
        assert code == 0, err
        reader = "read_csv" if fmt == "csv" else "read_parquet"
        con = duckdb.connect()
        names = [d[0] for d in con.execute(f"SELECT * FROM {reader}('{out}') LIMIT 0").description]
        assert names == list(tabular.COLUMNS)
        assert con.execute(f"SELECT count(*) FROM {reader}('{out}')").fetchone()[0] == expected
        assert con.execute(f"SELECT max(num_mentions) FROM {reader}('{out}')").fetchone()[0] == 4
    code, out, _ = run(capsys, "export", "--format", "csv", "--db", db)
    assert code == 0 and out.splitlines()[0].startswith("global_id,event_id")


def test_since_and_until(db, capsys):
    _, out, _ = run(capsys, "export", "--format", "gdelt", "--db", db, "--since", "2024-03-19", "--until", "2024-03-19")
    days = {line.split("\t")[1] for line in out.splitlines()}
    assert days == {"20240319"}
    _, out, _ = run(capsys, "export", "--format", "plover", "--db", db, "--until", "2024-03-11")
    assert out and all(json.loads(line)["date"] <= "2024-03-11" for line in out.splitlines())


def test_stats(db, capsys):
    code, out, err = run(capsys, "stats", "--db", db)
    assert code == 0, err
    for words in ("by day", "by root", "dyads", "places", "KENCOP -> KENLEG", "Nairobi (KEN)", "17 coerce"):
        assert words in out, words
