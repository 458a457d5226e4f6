"""Shape checks for the agent (roles) and office-holder (people) data files.

The contract is docs/data-formats.md; these tests read the files the way the loader does
(UTF-8, header line, ``#`` comment lines skipped, tab-separated) and check what a loader
cannot repair: column counts, codes, duplicates, dates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "src" / "eventwire" / "resources"
DOC = ROOT / "docs" / "data-formats.md"
ROLE_FILES = {lang: RESOURCES / lang / "roles.tsv" for lang in ("fr", "en")}
PEOPLE = RESOURCES / "common" / "people.tsv"
COUNTRIES = RESOURCES / "common" / "countries.tsv"

ROLES_HEADER = ["phrase", "role", "country"]
PEOPLE_HEADER = ["name", "code", "start", "end", "aliases"]
MIN_ROLE_ROWS = 300
MIN_PEOPLE_ROWS = 300


def read_tsv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and the (line number, fields) of every data line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines, f"{path} is empty"
    header = lines[0].split("\t")
    rows = [
        (number, line.split("\t"))
        for number, line in enumerate(lines[1:], start=2)
        if line.strip() and not line.startswith("#")
    ]
    return header, rows


def fold(text: str) -> str:
    """Case- and accent-insensitive key, as the matcher compares phrases."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("’", "'").split())


def allowed_roles() -> set[str]:
    """Role codes listed in the "Role codes used" paragraph of data-formats.md."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"Role codes used:(.*?)IGO-specific", text, re.S)
    assert match, "data-formats.md no longer has the 'Role codes used' paragraph"
    codes = set(re.findall(r"\b([A-Z]{3})\s+\(", match.group(1)))
    assert {"GOV", "MIL", "COP", "REB", "UAF", "CVL", "RAD", "PTY"} <= codes, codes
    return codes


def known_countries() -> set[str] | None:
    if not COUNTRIES.exists():
        return None
    _, rows = read_tsv(COUNTRIES)
    return {fields[0] for _, fields in rows if fields and fields[0]}


@pytest.fixture(scope="module")
def roles() -> set[str]:
    return allowed_roles()


# ---------------------------------------------------------------- roles.tsv


@pytest.mark.parametrize("lang", sorted(ROLE_FILES))
def test_roles_header_and_columns(lang: str) -> None:
    header, rows = read_tsv(ROLE_FILES[lang])
    assert header == ROLES_HEADER
    bad = [(n, f) for n, f in rows if len(f) != len(ROLES_HEADER)]
    assert not bad, f"{lang}/roles.tsv lines with a wrong column count: {bad[:5]}"
    blank = [n for n, f in rows if not f[0].strip() or f[0] != f[0].strip()]
    assert not blank, f"{lang}/roles.tsv empty or padded phrases on lines {blank[:5]}"


@pytest.mark.parametrize("lang", sorted(ROLE_FILES))
def test_roles_codes(lang: str, roles: set[str]) -> None:
    _, rows = read_tsv(ROLE_FILES[lang])
    bad_role = [(n, f[1]) for n, f in rows if f[1] not in roles]
    assert not bad_role, f"{lang}/roles.tsv unknown role codes: {bad_role[:5]}"
    bad_country = [(n, f[2]) for n, f in rows if f[2] and not re.fullmatch(r"[A-Z]{3}", f[2])]
    assert not bad_country, f"{lang}/roles.tsv malformed countries: {bad_country[:5]}"
    countries = known_countries()
    if countries is not None:
        unknown = [(n, f[2]) for n, f in rows if f[2] and f[2] not in countries]
        assert not unknown, f"{lang}/roles.tsv countries not in countries.tsv: {unknown[:5]}"


@pytest.mark.parametrize("lang", sorted(ROLE_FILES))
def test_roles_no_duplicates_or_conflicts(lang: str) -> None:
    _, rows = read_tsv(ROLE_FILES[lang])
    seen: dict[tuple[str, str], int] = {}
    dups = []
    by_phrase: dict[tuple[str, str], set[str]] = defaultdict(set)
    for number, (phrase, role, country) in rows:
        key = (fold(phrase), role)
        if key in seen:
            dups.append((seen[key], number, phrase))
        seen[key] = number
        by_phrase[(fold(phrase), country)].add(role)
    assert not dups, f"{lang}/roles.tsv duplicate (phrase, role) rows: {dups[:5]}"
    conflicts = {k: v for k, v in by_phrase.items() if len(v) > 1}
    assert not conflicts, f"{lang}/roles.tsv phrases with two roles: {conflicts}"


@pytest.mark.parametrize("lang", sorted(ROLE_FILES))
def test_roles_minimum_count_and_coverage(lang: str) -> None:
    _, rows = read_tsv(ROLE_FILES[lang])
    assert len(rows) >= MIN_ROLE_ROWS, len(rows)
    used = {f[1] for _, f in rows}
    # every broad family of agents is present
    assert {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "UAF", "SPY", "CVL", "REF"} <= used


def test_roles_key_phrases() -> None:
    expected = {
        "fr": {
            "premier ministre": ("GOV", ""),
            "ministre des affaires etrangeres": ("GOV", ""),
            "ministre de la defense": ("MIL", ""),
            "soldats": ("MIL", ""),
            "tsahal": ("MIL", "ISR"),
            "bundestag": ("LEG", "DEU"),
            "hommes armes": ("UAF", ""),
            "manifestants": ("CVL", ""),
        },
        "en": {
            "prime minister": ("GOV", ""),
            "defense secretary": ("MIL", ""),
            "lawmakers": ("LEG", ""),
            "gunmen": ("UAF", ""),
            "insurgents": ("INS", ""),
            "protesters": ("CVL", ""),
            "cia": ("SPY", "USA"),
        },
    }
    for lang, wanted in expected.items():
        _, rows = read_tsv(ROLE_FILES[lang])
        table = {fold(f[0]): (f[1], f[2]) for _, f in rows}
        for phrase, value in wanted.items():
            assert table.get(phrase) == value, (lang, phrase, table.get(phrase))


# --------------------------------------------------------------- people.tsv


def test_people_header_and_columns() -> None:
    header, rows = read_tsv(PEOPLE)
    assert header == PEOPLE_HEADER
    bad = [(n, f) for n, f in rows if len(f) != len(PEOPLE_HEADER)]
    assert not bad, f"people.tsv lines with a wrong column count: {bad[:5]}"
    assert len(rows) >= MIN_PEOPLE_ROWS, len(rows)


def test_people_codes(roles: set[str]) -> None:
    _, rows = read_tsv(PEOPLE)
    countries = known_countries()
    for number, (name, code, *_rest) in rows:
        assert name.strip() == name and name, (number, name)
        assert re.fullmatch(r"(?:[A-Z]{3})+", code), (number, code)
        country = code[:3]
        assert re.fullmatch(r"[A-Z]{3}", country), (number, code)
        if country == "IGO":
            assert len(code) >= 6, (number, code)  # IGO + organisation code
            continue
        if countries is not None:
            assert country in countries, (number, code)
        suffixes = [code[i : i + 3] for i in range(3, len(code), 3)]
        assert suffixes and all(s in roles for s in suffixes), (number, code)


def test_people_dates() -> None:
    _, rows = read_tsv(PEOPLE)
    for number, (name, _code, start, end, _aliases) in rows:
        begin = date.fromisoformat(start)
        assert date(1950, 1, 1) <= begin <= date(2026, 12, 31), (number, name, start)
        if end:
            finish = date.fromisoformat(end)
            assert begin <= finish, (number, name, start, end)


def test_people_rows_unique_and_aliases_clean() -> None:
    _, rows = read_tsv(PEOPLE)
    seen = set()
    for number, (name, code, start, _end, aliases) in rows:
        key = (fold(name), code, start)
        assert key not in seen, (number, key)
        seen.add(key)
        if aliases:
            parts = aliases.split("|")
            assert all(p and p == p.strip() for p in parts), (number, aliases)
            assert name not in parts, (number, name)


def test_people_current_holders_and_coverage() -> None:
    _, rows = read_tsv(PEOPLE)
    by_code: dict[str, int] = defaultdict(int)
    current = {}
    for _n, (name, code, _start, end, aliases) in rows:
        by_code[code] += 1
        if not end:
            current.setdefault(code, set()).add(name)
    # heads of state/government, foreign and defence ministers of the P5
    for country in ("USA", "RUS", "CHN", "FRA", "GBR"):
        assert by_code[country + "GOV"] >= 10, country
        assert by_code[country + "MIL"] >= 5, country
    assert "Vladimir Putin" in current["RUSGOV"]
    assert "Emmanuel Macron" in current["FRAGOV"]
    assert "António Guterres" in current["IGOUNO"]
    aliases = {n: a for n, _c, _s, _e, a in (f for _, f in rows)}
    assert "Poutine" in aliases["Vladimir Putin"].split("|")
    assert "Netanyahou" in aliases["Benjamin Netanyahu"].split("|")
