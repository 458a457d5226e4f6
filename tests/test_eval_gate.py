"""The accuracy gate: F1 on pinned gold sets must not fall under the recorded floors.

Floors live in gold/floors.json and only go up. The peer suites in ../shared/eval are scored
when present (CI has them beside the clone) and skipped otherwise.
"""
from __future__ import annotations

import json

import pytest

from eventwire.evaluate import load_gold, run_eval, score

from .conftest import REPO

FLOORS = {k: v for k, v in json.loads((REPO / "gold" / "floors.json").read_text()).items() if not k.startswith("_")}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_stays_above_floor(name, pipeline):
    path = (REPO / name).resolve()
    if not path.exists():
        pytest.skip(f"{name} is not present")
    floor = FLOORS[name]
    report = run_eval(path, pipeline, lang=floor["lang"]).overall.scores()
    print(f"{name}: {report}")
    assert report["f1"] >= floor["f1"], f"{name}: F1 {report['f1']} fell under the floor {floor['f1']}"
    assert report["precision"] >= floor["precision"], f"{name}: precision {report['precision']} under {floor['precision']}"
    if name.startswith("../shared/eval/"):
        # the peer suites' acceptance: the coder must not buy recall with false events
        assert report["precision"] >= report["recall"], f"{name}: precision {report['precision']} under recall {report['recall']}"


def test_own_gold_sets_cover_every_root_with_negatives():
    for name in ("gold/fr_dev.gold.jsonl", "gold/en_dev.gold.jsonl"):
        records = load_gold(REPO / name)
        roots = {g.root for r in records for g in r.gold}
        assert roots == {f"{n:02d}" for n in range(1, 21)}, name
        negatives = sum(1 for r in records if not r.gold)
        assert negatives / len(records) >= 0.15, name
        for root in roots:
            positives = sum(1 for r in records if any(g.root == root for g in r.gold))
            assert positives >= 8, (name, root)


def test_scoring_rules_on_a_hand_made_case():
    """Root + source/target countries; a null gold target accepts any; IGOs match by organisation."""
    from eventwire.evaluate import GoldEvent, GoldRecord, keys_match

    assert keys_match("RUSGOV", "RUSMIL") and not keys_match("RUSGOV", "UKRGOV")
    assert keys_match(None, "FRA") and keys_match("IGO", "IGOUNO") and not keys_match("IGOUNO", "IGONAT")
    assert keys_match("JAP", "JPNGOV")
    record = GoldRecord("x", "t", None, (GoldEvent("FRAGOV", None, "04", "040"),))
    assert score([record], {}).overall.scores()["fn"] == 1


def test_records_sharing_an_id_are_scored_apart(pipeline, tmp_path):
    """Peer gold files reuse ids; each record keeps its own events rather than the last one's."""
    records = [
        {"id": "dup", "text": "France condemned Russia on Monday.", "pub_date": "2020-01-06",
         "gold": [{"source": "FRA", "target": "RUS", "root": "11", "code": "111"}]},
        {"id": "dup", "text": "The weather was mild in Lyon on Tuesday.", "pub_date": "2020-01-07", "gold": []},
    ]
    path = tmp_path / "dup.gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    overall = run_eval(path, pipeline, lang="en").overall.scores()
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 0, 0)
