"""The seed dispatch (shared/seed): the events EXPECTED.md requires, and none from the chrome."""
from __future__ import annotations

import pytest

from eventwire.ingest import read_inputs

from .conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the project")


@pytest.fixture(scope="module")
def seed_result(pipeline):
    items = list(read_inputs([str(SEED)], published="2018-04-25"))
    result = pipeline.process_batch(items)
    assert not result.rejections
    return result.results[0]


def events_in(result, start: str):
    sentences = {e.sentence for e in result.events if e.sentence_text.startswith(start)}
    return [e for e in result.events if e.sentence in sentences]


def test_document_language_date_and_main_text(seed_result):
    doc = seed_result.document
    assert doc.lang == "fr"
    assert doc.publication.date == "2018-04-25" and doc.publication.time == "08:16"
    assert doc.text.startswith("Le président chinois Xi Jinping a déclaré lundi")
    assert doc.text.rstrip().endswith("au sein des cadres multilatéraux.")
    assert "WeChat" not in doc.text and "Lego" not in doc.text and "![]()" not in doc.text


def test_year_unknown_without_published(pipeline):
    result = pipeline.process_batch(list(read_inputs([str(SEED)])))
    doc = result.results[0].document
    assert doc.publication.year_known is False and doc.publication.month_day == "04-25"
    for event in result.results[0].events:
        assert event.when.date is None or not event.when.date.startswith(("2017", "2019"))


def test_no_event_from_chrome(seed_result):
    for event in seed_result.events:
        assert seed_result.document.text.find(event.sentence_text) >= 0
        assert event.source.country in ("CHN", "RUS", None), event.source
        assert event.target is None or event.target.country in ("CHN", "RUS", None)
        assert event.when.date is None or event.when.date.startswith("2018")


def test_event_1_intent_to_meet(seed_result):
    found = [e for e in events_in(seed_result, "Le président chinois")
             if e.cameo == "036" and e.source.code == "CHNGOV" and e.target and e.target.code == "RUSGOV"]
    assert found, [(e.source.code, e.target and e.target.code, e.cameo) for e in seed_result.events]
    event = found[0]
    assert event.modality == "intended"
    assert event.when.date == "2018-04-23" and event.when.precision == "day"
    assert event.planned_for == "2018-06"


def test_event_2_meeting_in_beijing(seed_result):
    found = [e for e in events_in(seed_result, "M. Xi s'est ainsi exprimé")
             if e.root == "04" and {e.source.code, e.target.code if e.target else None} == {"CHNGOV", "RUSGOV"}]
    assert {(e.source.code, e.target.code) for e in found} >= {("CHNGOV", "RUSGOV")}
    for event in found:
        assert event.when.date == "2018-04-23"
        assert event.place is not None and event.place.name == "Beijing"


def test_event_3_looking_forward_to_putins_visit(seed_result):
    found = [e for e in events_in(seed_result, "M. Xi a déclaré attendre")
             if e.root == "03" and e.source.code == "CHNGOV" and e.target and e.target.code == "RUSGOV"]
    assert found
    assert found[0].planned_for == "2018-06"
    assert found[0].planned_place is not None and found[0].planned_place.name == "Qingdao"


def test_event_4_appeal_to_both_sides(seed_result):
    found = [e for e in events_in(seed_result, "Par ailleurs")
             if e.root == "02" and e.source.code == "CHNGOV" and e.target]
    assert "RUS" in {e.target.country for e in found}


def test_event_5_putin_intends_to_visit_china(seed_result):
    found = [e for e in events_in(seed_result, "M. Lavrov a déclaré")
             if e.root == "03" and e.source.country == "RUS" and e.target and e.target.country == "CHN"]
    assert found
    assert found[0].planned_place is not None and found[0].planned_place.name == "Qingdao"


def test_event_6_russia_ready_to_cooperate(seed_result):
    found = [e for e in events_in(seed_result, "La Russie attache")
             if e.root == "03" and e.source.country == "RUS" and e.target and e.target.country == "CHN"]
    assert found
