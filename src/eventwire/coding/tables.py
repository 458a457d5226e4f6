"""CAMEO facts as tables: labels, Goldstein, QuadClass, PLOVER, and intent/refusal mappings."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    return {
        row["code"]: CameoCode(row["code"], row["label"], float(row["goldstein"]), int(row["quad_class"]),
                               row.get("plover_type") or None, row.get("plover_mode") or None)
        for row in read_tsv("common", "cameo.tsv")
    }


def describe(code: str) -> CameoCode:
    """The code's facts; an unknown sub-code falls back to its parent's."""
    table = cameo_table()
    for size in (len(code), 3, 2):
        if code[:size] in table:
            found = table[code[:size]]
            return found if size == len(code) else CameoCode(code, found.label, found.goldstein, found.quad_class,
                                                             found.plover_type, found.plover_mode)
    raise KeyError(f"unknown CAMEO code {code!r}")


def is_known(code: str) -> bool:
    return code in cameo_table()


@lru_cache(maxsize=1)
def _prefix_table(name: str, column: str) -> tuple[tuple[str, str], ...]:
    rows = [(r["action"], r[column]) for r in read_tsv("common", name) if r.get(column)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def longest_prefix(code: str, name: str, column: str) -> str | None:
    for prefix, value in _prefix_table(name, column):
        if code.startswith(prefix):
            return value
    return None


def appeal_code(code: str) -> str:
    """What wanting someone else to do `code` is coded as: CAMEO's appeals (02x) mirror its intents
    (03x) digit for digit; wanting another to use force or to threaten is a plain appeal (020)."""
    intent = intent_code(code)
    return "02" + intent[2:] if intent.startswith("03") else "020"


def intent_code(code: str) -> str:
    """What expressing the intention to do `code` is coded as (CAMEO 03x, or 13x for force)."""
    root = int(code[:2])
    if 10 <= root <= 13 or root == 3:
        return code
    column = "threat" if root >= 14 else "intent"
    return longest_prefix(code, "intent.tsv", column) or code


def threat_code(code: str) -> str:
    return longest_prefix(code, "intent.tsv", "threat") or "130"


def refusal_code(code: str) -> str:
    return longest_prefix(code, "refusal.tsv", "refusal") or "120"


def demand_code(code: str) -> str:
    """What saying that someone must do `code` is coded as ("X a déclaré que Y doit se retirer": 1056)."""
    return longest_prefix(code, "demand.tsv", "demand") or "100"
