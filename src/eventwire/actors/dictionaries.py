"""User actor dictionaries: eventwire's own YAML/CSV/TSV files, and PETRARCH/TABARI
`.actors` / `.agents` dictionaries imported as they are.

Own format (YAML list or CSV/TSV with a header): phrase, code, and optionally kind
(person | name | metonym | role | igo | group), name, start, end (ISO dates).

PETRARCH actors: `NAME_OF_ACTOR_  [CODE]` or with dates `[CODE 000101-080507]`, `[CODE >090702]`,
`[CODE <061231]`; synonyms on the following lines start with `+`; the code block may stand on
its own line; `#` starts a comment. Agents: `PHRASE [~GOV] {PLURAL, OTHER_PLURAL}` with
substitution sets `!PERSON! = MAN, WOMAN`.
"""
from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import yaml

from ..errors import InputError
from .lexicon import Entry, parse_day, split_code

CODE_BLOCK = re.compile(r"\[([~A-Z0-9\-]+)(?:\s+([<>]?\d{6})(?:-(\d{6}))?)?\]")
SUBSTITUTION = re.compile(r"^!([A-Z_]+)!\s*=\s*(.+)$")
KINDS = {"person", "name", "metonym", "role", "igo", "group", "adj", "demonym"}


def load_dictionary(path: str | Path) -> list[Entry]:
    """Entries from a user dictionary, whatever its format; a clear error when it is malformed."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"actor dictionary not found: {path}")
    suffix = path.suffix.lower()
    name = path.name.lower()
    text = path.read_text(encoding="utf-8", errors="strict")
    if suffix in (".yaml", ".yml"):
        return from_rows(yaml_rows(text, path), path)
    if suffix in (".csv", ".tsv"):
        return from_rows(table_rows(text, "\t" if suffix == ".tsv" else ","), path)
    if suffix == ".agents" or "agents" in name:
        return petrarch_agents(text)
    if suffix == ".actors" or "actors" in name:
        return petrarch_actors(text)
    raise InputError(f"{path}: unknown dictionary format; use .yaml, .csv, .tsv, .actors or .agents")


# ------------------------------------------------------------------ own formats

def yaml_rows(text: str, path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise InputError(f"{path}: expected a list of entries with 'phrase' and 'code'")
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in data]


def table_rows(text: str, delimiter: str) -> list[dict]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter=delimiter)]


def from_rows(rows: list[dict], path: Path) -> list[Entry]:
    entries = []
    for number, row in enumerate(rows, start=1):
        phrase, code = row.get("phrase", "").strip(), row.get("code", "").strip().upper()
        if not phrase or not code:
            raise InputError(f"{path}: entry {number} needs a 'phrase' and a 'code'")
        kind = (row.get("kind") or ("role" if len(code) == 3 and not code.startswith("IGO") else "person")).strip()
        if kind not in KINDS:
            raise InputError(f"{path}: entry {number}: kind '{kind}' is not one of {', '.join(sorted(KINDS))}")
        start, end = parse_day(row.get("start", "")), parse_day(row.get("end", ""))
        if row.get("start") and start is None or row.get("end") and end is None:
            raise InputError(f"{path}: entry {number}: dates must be YYYY-MM-DD")
        entries.append(make_entry(kind, code, phrase, row.get("name") or phrase, start, end))
    return entries


def make_entry(kind: str, code: str, phrase: str, name: str, start: date | None, end: date | None) -> Entry:
    if kind == "role":
        return Entry(kind="role", code=code, name=phrase, phrase=phrase, country=None, role=code[:3])
    country, role = split_code(code)
    return Entry(kind=kind, code=code, name=name, phrase=phrase, country=country, role=role, start=start, end=end)


# ------------------------------------------------------------------ PETRARCH / TABARI

def petrarch_date(value: str) -> date | None:
    """YYMMDD, with the century TABARI assumes (00-29 -> 2000s)."""
    year, month, day = int(value[:2]), int(value[2:4]), int(value[4:6])
    return date(2000 + year if year < 30 else 1900 + year, max(month, 1), max(day, 1))


def petrarch_phrase(raw: str) -> str:
    """'VLADIMIR_PUTIN_' -> 'Vladimir Putin' (the trailing underscore only marks a word end)."""
    words = raw.strip().strip("+").strip("_").replace("_", " ").split()
    if len(words) == 1 and words[0].isalpha() and len(words[0]) <= 5:
        return words[0]  # an acronym such as NATO stays as written (matched case-sensitively)
    return " ".join(w.capitalize() if w.isalpha() else w for w in words)


def code_blocks(text: str) -> list[tuple[str, date | None, date | None]]:
    found = []
    for match in CODE_BLOCK.finditer(text):
        code, first, second = match.group(1), match.group(2), match.group(3)
        start = end = None
        if first and first.startswith(">"):
            start = petrarch_date(first[1:])
        elif first and first.startswith("<"):
            end = petrarch_date(first[1:])
        elif first:
            start = petrarch_date(first)
            end = petrarch_date(second) if second else None
        found.append((code, start, end))
    return found


def petrarch_actors(text: str) -> list[Entry]:
    """Each entry: a head name, '+' synonyms, and code blocks on the head line or a line of their own."""
    entries: list[Entry] = []
    names: list[str] = []
    codes: list[tuple[str, date | None, date | None]] = []

    def emit(phrases: list[str]) -> None:
        for code, start, end in codes:
            if code == "---":
                continue
            kind = "igo" if code.startswith("IGO") else "person"
            entries.extend(make_entry(kind, code, phrase, names[0], start, end) for phrase in phrases)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.strip().startswith("<!--"):
            continue
        blocks = code_blocks(line)
        head = CODE_BLOCK.sub("", line).strip()
        if head and not head.startswith("+"):
            names, codes = [petrarch_phrase(head)], []
        elif head:
            names.append(petrarch_phrase(head))
            if codes:  # a synonym after the codes were given shares them
                emit(names[-1:])
        if blocks and names:
            codes = blocks
            emit(names)
    return entries


def petrarch_agents(text: str) -> list[Entry]:
    substitutions: dict[str, list[str]] = {}
    entries: list[Entry] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = SUBSTITUTION.match(line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        blocks = code_blocks(line)
        if not blocks:
            continue
        code = blocks[0][0].lstrip("~")
        body = CODE_BLOCK.sub("", line)
        plurals = re.findall(r"\{([^}]*)\}", body)
        phrase = re.sub(r"\{[^}]*\}", "", body).strip()
        forms = expand_substitutions(phrase, substitutions)
        for plural_group in plurals:
            forms += [p.strip() for p in plural_group.split(",") if p.strip()]
        if not plurals:  # PETRARCH makes regular plurals itself
            forms += [regular_plural(f) for f in list(forms)]
        for form in dict.fromkeys(petrarch_phrase(f).lower() for f in forms):
            entries.append(Entry(kind="role", code=code[:3], name=form, phrase=form, country=None, role=code[:3]))
    return entries


def expand_substitutions(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!([A-Z_]+)!", phrase)
    if not match or match.group(1) not in substitutions:
        return [phrase]
    out = []
    for word in substitutions[match.group(1)]:
        out.extend(expand_substitutions(phrase[:match.start()] + word + phrase[match.end():], substitutions))
    return out


def regular_plural(phrase: str) -> str:
    word = phrase.rstrip("_")
    if word.endswith(("S", "X", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"
