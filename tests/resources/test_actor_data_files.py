"""Checks on the actor knowledge-base data files (docs/data-formats.md).

common/countries.tsv, {fr,en}/countries.tsv, common/igos.tsv, common/groups.tsv:
headers, column counts, known codes, no duplicate rows, minimum coverage.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

RES = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "resources"
KINDS = {"name", "adj", "demonym", "metonym", "geo"}
LANGS = {"fr", "en", "*"}
# CAMEO role codes and IGO-specific suffixes that may follow a country or IGO/NGO code.
ROLE_RE = re.compile(r"^(?:[A-Z0-9]{3})*$")
# Transnational armed groups: CAMEO's "international militarised group" pseudo-country.
EXTRA_PREFIXES = {"IGO", "NGO", "IMG"}


def read_tsv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return (header, [(line number, fields)]) skipping comments and blank lines."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
        else:
            rows.append((n, fields))
    assert header is not None, f"{path} has no header"
    return header, rows


def norm(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    header, rows = read_tsv(RES / "common" / "countries.tsv")
    return {f[0] for _, f in rows}


def check_code(code: str, countries: set[str]) -> bool:
    if len(code) < 3 or len(code) % 3 or not ROLE_RE.match(code):
        return False
    return code[:3] in countries or code[:3] in EXTRA_PREFIXES


# ---------------------------------------------------------------- common/countries.tsv


def test_common_countries_format():
    header, rows = read_tsv(RES / "common" / "countries.tsv")
    assert header == ["code", "iso2", "fips", "name_en", "name_fr"]
    codes = Counter()
    for n, f in rows:
        assert len(f) == 5, f"line {n}: {f}"
        code, iso2, fips, name_en, name_fr = f
        assert re.fullmatch(r"[A-Z]{3}", code), f"line {n}: code {code!r}"
        assert re.fullmatch(r"[A-Z]{2}", iso2), f"line {n}: iso2 {iso2!r}"
        assert fips == "" or re.fullmatch(r"[A-Z]{2}", fips), f"line {n}: fips {fips!r}"
        assert name_en and name_fr, f"line {n}: empty name"
        codes[code] += 1
    assert not [c for c, k in codes.items() if k > 1]
    assert len(rows) >= 249
    # ISO entities, CAMEO specials and the FIPS codes GDELT uses.
    by_code = {f[0]: f for _, f in rows}
    assert by_code["KSV"][2] == "KV"
    assert by_code["USA"][2] == "US"
    assert by_code["GBR"][2] == "UK"
    assert by_code["DEU"][2] == "GM"
    assert by_code["FRA"][4] == "France"
    assert by_code["ROU"][0] == "ROU"


# ---------------------------------------------------------------- {fr,en}/countries.tsv


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_phrase_countries_format(lang, country_codes):
    header, rows = read_tsv(RES / lang / "countries.tsv")
    assert header == ["phrase", "code", "kind"]
    seen: Counter = Counter()
    seen_norm: Counter = Counter()
    for n, f in rows:
        assert len(f) == 3, f"line {n}: {f}"
        phrase, code, kind = f
        assert phrase == phrase.strip() and phrase, f"line {n}: phrase {phrase!r}"
        assert kind in KINDS, f"line {n}: kind {kind!r}"
        if kind == "geo":
            assert code == "-", f"line {n}: a geo row (a place, never an actor) takes the code '-'"
            continue
        assert check_code(code, country_codes), f"line {n}: code {code!r}"
        if kind == "metonym":
            assert len(code) == 6, f"line {n}: metonym needs a full actor code"
        else:
            assert len(code) == 3, f"line {n}: {kind} takes a country code"
        assert not re.match(r"(?i)(le|la|les|l'|the) ", phrase), f"line {n}: leading article"
        seen[(phrase, code)] += 1
        seen_norm[(norm(phrase), code, kind)] += 1
    assert not [k for k, v in seen.items() if v > 1], "duplicate (phrase, code) rows"
    assert not [k for k, v in seen_norm.items() if v > 1], "duplicate rows up to case/accents"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_phrase_countries_unambiguous(lang):
    """A phrase of a given kind names one country only."""
    _, rows = read_tsv(RES / lang / "countries.tsv")
    owners: dict[tuple[str, str], set[str]] = {}
    for _, (phrase, code, kind) in rows:
        owners.setdefault((norm(phrase), kind), set()).add(code[:3])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_phrase_countries_coverage(lang):
    _, rows = read_tsv(RES / lang / "countries.tsv")
    adj = {code for _, (p, code, kind) in rows if kind == "adj"}
    names = {code for _, (p, code, kind) in rows if kind == "name"}
    metonyms = {code[:3] for _, (p, code, kind) in rows if kind == "metonym"}
    assert len(adj) >= 190
    assert len(names) >= 240
    assert len(metonyms) >= 60


def test_french_adjective_forms():
    _, rows = read_tsv(RES / "fr" / "countries.tsv")
    adj = {(p, code) for _, (p, code, kind) in rows if kind == "adj"}
    dem = {(p, code) for _, (p, code, kind) in rows if kind == "demonym"}
    for form in ("chinois", "chinoise", "chinoises"):
        assert (form, "CHN") in adj
    for form in ("américain", "américaine", "américains", "américaines"):
        assert (form, "USA") in adj
    for form in ("grec", "grecque", "grecs", "grecques"):
        assert (form, "GRC") in adj
    assert ("Russes", "RUS") in dem and ("Américains", "USA") in dem
    # Regional adjectives are not countries.
    words = {norm(p) for p, _ in adj}
    for regional in ("europeen", "africain", "occidental", "arabe", "asiatique"):
        assert regional not in words


def test_english_key_phrases():
    _, rows = read_tsv(RES / "en" / "countries.tsv")
    got = {(p, code, kind) for _, (p, code, kind) in rows}
    for row in [
        ("United States", "USA", "name"), ("US", "USA", "name"), ("U.S.", "USA", "name"),
        ("America", "USA", "name"), ("UK", "GBR", "name"), ("Britain", "GBR", "name"),
        ("Great Britain", "GBR", "name"), ("Chinese", "CHN", "adj"), ("British", "GBR", "adj"),
        ("Americans", "USA", "demonym"), ("Israelis", "ISR", "demonym"),
        ("Beijing", "CHNGOV", "metonym"), ("Kremlin", "RUSGOV", "metonym"),
        ("White House", "USAGOV", "metonym"), ("Pentagon", "USAMIL", "metonym"),
        ("Downing Street", "GBRGOV", "metonym"), ("Kyiv", "UKRGOV", "metonym"),
    ]:
        assert row in got, row
    words = {norm(p) for p, _, kind in got if kind == "adj"}
    for regional in ("european", "african", "western", "arab", "asian"):
        assert regional not in words


def test_french_key_phrases():
    _, rows = read_tsv(RES / "fr" / "countries.tsv")
    got = {(p, code, kind) for _, (p, code, kind) in rows}
    for row in [
        ("États-Unis", "USA", "name"), ("USA", "USA", "name"),
        ("République démocratique du Congo", "COD", "name"), ("RDC", "COD", "name"),
        ("RD Congo", "COD", "name"), ("Congo-Kinshasa", "COD", "name"),
        ("Pékin", "CHNGOV", "metonym"), ("Moscou", "RUSGOV", "metonym"),
        ("Washington", "USAGOV", "metonym"), ("Kremlin", "RUSGOV", "metonym"),
        ("Maison-Blanche", "USAGOV", "metonym"), ("Élysée", "FRAGOV", "metonym"),
        ("Matignon", "FRAGOV", "metonym"), ("Quai d'Orsay", "FRAGOV", "metonym"),
        ("Pentagone", "USAMIL", "metonym"), ("Kiev", "UKRGOV", "metonym"),
    ]:
        assert row in got, row


# ---------------------------------------------------------------- igos.tsv, groups.tsv


@pytest.mark.parametrize("name", ["igos.tsv", "groups.tsv"])
def test_org_files_format(name, country_codes):
    header, rows = read_tsv(RES / "common" / name)
    assert header == ["code", "lang", "phrase"]
    seen: Counter = Counter()
    seen_norm: Counter = Counter()
    for n, f in rows:
        assert len(f) == 3, f"line {n}: {f}"
        code, lang, phrase = f
        assert lang in LANGS, f"line {n}: lang {lang!r}"
        assert phrase and phrase == phrase.strip(), f"line {n}: phrase {phrase!r}"
        assert check_code(code, country_codes), f"line {n}: code {code!r}"
        if name == "igos.tsv":
            assert code[:3] in {"IGO", "NGO"}, f"line {n}: {code}"
        seen[(phrase, code)] += 1
        # the same phrase may not be listed twice for overlapping languages
        seen_norm[(norm(phrase), code)] += 1
    assert not [k for k, v in seen.items() if v > 1], "duplicate (phrase, code) rows"
    assert not [k for k, v in seen_norm.items() if v > 1], "duplicate rows up to case/accents"


@pytest.mark.parametrize("name", ["igos.tsv", "groups.tsv"])
def test_org_phrases_unambiguous(name):
    """Within one language a phrase maps to one code."""
    _, rows = read_tsv(RES / "common" / name)
    owners: dict[tuple[str, str], set[str]] = {}
    for _, (code, lang, phrase) in rows:
        for lg in (["fr", "en"] if lang == "*" else [lang]):
            owners.setdefault((norm(phrase), lg), set()).add(code)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_igos_coverage():
    _, rows = read_tsv(RES / "common" / "igos.tsv")
    codes = {f[0] for _, f in rows}
    assert len(codes) >= 70
    got = {(code, phrase) for _, (code, lang, phrase) in rows}
    for row in [
        ("IGOUNO", "ONU"), ("IGOUNO", "United Nations"), ("IGOUNOHCR", "HCR"),
        ("IGOUNOHCR", "UNHCR"), ("IGOEUR", "Union européenne"), ("IGOEUR", "EU"),
        ("IGONAT", "OTAN"), ("IGONAT", "NATO"), ("IGOAFU", "Union africaine"),
        ("IGOSCO", "OCS"), ("IGOBRI", "BRICS"), ("IGOG20", "G20"), ("IGOASN", "ASEAN"),
        ("IGOOPC", "OPEP"), ("IGOWTO", "OMC"), ("IGOIMF", "FMI"), ("IGOWBK", "Banque mondiale"),
        ("IGOICC", "CPI"), ("IGOWAS", "CEDEAO"), ("IGOARL", "Ligue arabe"), ("IGOOSC", "OSCE"),
        ("NGOAMN", "Amnesty International"), ("NGOHRW", "Human Rights Watch"), ("NGOMSF", "MSF"),
    ]:
        assert row in got, row
    # every organisation can be found in both languages
    langs: dict[str, set[str]] = {}
    for _, (code, lang, _phrase) in rows:
        langs.setdefault(code, set()).update({"fr", "en"} if lang == "*" else {lang})
    assert not [code for code, got_langs in langs.items() if got_langs != {"fr", "en"}]


def test_groups_coverage():
    text = (RES / "common" / "groups.tsv").read_text(encoding="utf-8")
    groups = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(groups) >= 40
    _, rows = read_tsv(RES / "common" / "groups.tsv")
    got = {(code, phrase) for _, (code, lang, phrase) in rows}
    for row in [
        ("PSEREB", "Hamas"), ("LBNREB", "Hezbollah"), ("YEMREB", "Houthis"),
        ("NGAREB", "Boko Haram"), ("SOMREB", "shebab"), ("CODREB", "M23"),
        ("COLREB", "FARC"), ("COLREB", "ELN"), ("AFGREB", "talibans"), ("TURREB", "PKK"),
        ("MLIREB", "JNIM"),
    ]:
        assert row in got, row
