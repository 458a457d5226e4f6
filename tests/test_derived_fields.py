"""CAMEO facts: the project's table, QuadClass, Goldstein, PLOVER, and the intent/refusal maps."""
from __future__ import annotations

import pytest

from eventwire.coding.tables import cameo_table, describe, intent_code, refusal_code, threat_code


def test_table_has_every_root_and_1_1b3_numbering():
    table = cameo_table()
    assert {c[:2] for c in table} == {f"{n:02d}" for n in range(1, 21)}
    assert len(table) > 290
    assert "sanction" in table["163"].label.lower()
    assert "halt negotiations" in table["164"].label.lower()
    assert "expel" in table["166"].label.lower()
    assert "veto" in table["129"].label.lower()


@pytest.mark.parametrize("code, quad, goldstein, plover", [
    ("036", 1, 4.0, "AGREE"), ("042", 1, 1.9, "CONSULT"), ("057", 1, 8.0, "SUPPORT"),
    ("073", 2, 7.4, "AID"), ("111", 3, -2.0, "ACCUSE"), ("163", 4, -8.0, "COERCE"),
    ("173", 4, -5.0, "COERCE"), ("190", 4, -10.0, "ASSAULT"), ("020", 1, 3.0, "REQUEST"), ("010", 1, 0.0, None),
])
def test_derived_fields(code, quad, goldstein, plover):
    facts = describe(code)
    assert facts.quad_class == quad
    assert facts.plover_type == plover
    assert facts.goldstein == pytest.approx(goldstein, abs=1.5)


@pytest.mark.parametrize("action, intent", [("040", "036"), ("042", "036"), ("046", "036"), ("0841", "0353"),
                                            ("073", "0333"), ("062", "0312"), ("190", "138"), ("163", "1312"),
                                            ("111", "111")])
def test_intent_codes(action, intent):
    assert intent_code(action) == intent


@pytest.mark.parametrize("action, refusal", [("040", "125"), ("057", "127"), ("0841", "1243"), ("073", "122")])
def test_refusal_codes(action, refusal):
    assert refusal_code(action) == refusal


def test_threats():
    assert threat_code("190") == "138" and threat_code("163") == "1312"
