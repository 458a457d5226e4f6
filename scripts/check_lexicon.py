"""Check a language's event lexicon (verbs.yaml + nouns.yaml) against the data-file contract.

    python scripts/check_lexicon.py fr
    python scripts/check_lexicon.py en --codes ../shared/reference/cameo_codes.json
    python scripts/check_lexicon.py fr --codes src/eventwire/resources/common/cameo.tsv

What it checks (see docs/data-formats.md, "event lexicon"):
  * every entry is a mapping with value types as the coder reads them;
  * every code exists in the CAMEO code list given with --codes (read at check time only);
  * the keys are exactly those the coder accepts (coding/lexicon.py ALLOWED_KEYS: not_obj,
    passive included);
  * slot names are subj/obj/iobj/poss/de/of or a preposition word, or a dotted path of
    these ("obj.de": the 'de' complement of the direct object);
  * all 20 CAMEO roots are covered, and the distinct-code / entry counts reach the floors;
  * warnings: entries that an earlier entry of the same lemma makes unreachable, and noun
    light verbs that duplicate a verbs.yaml entry taking that noun as object.
It prints a per-root table.  Exit status: 0 clean (warnings allowed), 1 errors, 2 bad usage.

--codes accepts the reference JSON list ({"Description": {code: label}, ...}) or a TSV
file with a header holding a `code` column (and optionally `label`), such as the project's
own common/cameo.tsv.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CODES = REPO.parent / "shared" / "reference" / "cameo_codes.json"
DEFAULT_RESOURCES = REPO / "src" / "eventwire" / "resources"

# The keys the coder accepts (src/eventwire/coding/lexicon.py, ALLOWED_KEYS); kept in step with it.
try:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from eventwire.coding.lexicon import ALLOWED_KEYS as KEYS  # noqa: E402
except Exception:  # the checker must also run without the package importable
    KEYS = {"lemma", "code", "source", "target", "reciprocal", "obj", "prep", "particle",
            "reflexive", "light_verbs", "note", "not_obj", "passive"}
REQUIRED = ("lemma", "code")
LIST_KEYS = ("source", "target", "obj", "not_obj", "prep", "particle", "light_verbs")
BOOL_KEYS = ("reciprocal", "reflexive", "passive")
CORE_SLOTS = {"subj", "obj", "iobj", "poss", "de", "of"}
PREPOSITIONS = {
    "fr": {"à", "au", "aux", "avec", "contre", "en", "sur", "de", "du", "des", "par", "pour",
           "entre", "auprès", "envers", "vers", "chez", "dans", "devant", "derrière", "près",
           "visant", "sous", "parmi", "malgré", "depuis", "après", "avant", "outre", "autour",
           "face", "vis-à-vis", "durant", "pendant", "lors", "selon", "concernant", "sans", "hors"},
    "en": {"to", "with", "against", "on", "in", "into", "at", "for", "from", "by", "of",
           "over", "about", "between", "among", "toward", "towards", "upon", "onto", "across",
           "through", "off", "out", "up", "down", "near", "inside", "within", "behind"},
}
SLOT_RE = re.compile(r"^[^\W\d_][\w'’-]*$")


def load_codes(path: Path) -> dict[str, str]:
    """Return {code: label} from the reference JSON or a TSV with a `code` column."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        labels = data.get("Description") if isinstance(data, dict) else None
        if not isinstance(labels, dict):
            raise ValueError(f"{path}: expected a JSON object with a 'Description' mapping")
        return {str(code).strip(): " ".join(str(label).split()) for code, label in labels.items()}
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                          delimiter="\t")
    if not rows.fieldnames or "code" not in rows.fieldnames:
        raise ValueError(f"{path}: expected a TSV header with a 'code' column")
    return {row["code"].strip(): (row.get("label") or "").strip() for row in rows if row.get("code")}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


def check_entry(entry, where: str, kind: str, lang: str, codes: dict[str, str], report: Report) -> bool:
    if not isinstance(entry, dict):
        report.error(where, f"entry must be a mapping, got {type(entry).__name__}")
        return False
    ok = True
    unknown = set(entry) - KEYS
    if unknown:
        report.error(where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
        ok = False
    for key in REQUIRED:
        if key not in entry:
            report.error(where, f"missing required key '{key}'")
            ok = False
    lemma = entry.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip() or lemma != lemma.strip():
        report.error(where, f"lemma must be a non-empty string without outer spaces, got {lemma!r}")
        ok = False
    code = entry.get("code")
    if not isinstance(code, str) or not code.isdigit():
        report.error(where, f"code must be a quoted digit string (\"040\"), got {code!r}")
        ok = False
    elif code not in codes:
        report.error(where, f"code {code} is not in the CAMEO code list")
        ok = False
    for key in LIST_KEYS:
        if key not in entry:
            continue
        value = entry[key]
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            report.error(where, f"'{key}' must be a list of non-empty strings, got {value!r}")
            ok = False
        elif key in ("obj", "not_obj", "prep", "particle", "light_verbs") and not value:
            report.error(where, f"'{key}' is empty: drop the key instead")
            ok = False
        elif len(set(value)) != len(value):
            report.warn(where, f"'{key}' repeats an item: {value}")
    for key in BOOL_KEYS:
        if key in entry and not isinstance(entry[key], bool):
            report.error(where, f"'{key}' must be true or false, got {entry[key]!r}")
            ok = False
    if "note" in entry and not isinstance(entry["note"], str):
        report.error(where, "'note' must be a string")
    if kind == "verbs" and "light_verbs" in entry:
        report.error(where, "'light_verbs' belongs in nouns.yaml only")
    if lang != "en" and "particle" in entry:
        report.warn(where, "'particle' is meant for English phrasal verbs")
    if lang != "fr" and entry.get("reflexive"):
        report.warn(where, "'reflexive' is meant for French pronominal verbs")
    if not entry.get("source") and isinstance(entry.get("source"), list):
        report.error(where, "'source' must name at least one slot")
    preps = PREPOSITIONS.get(lang, set())
    for key in ("source", "target"):
        for slot in entry.get(key) or []:
            if not isinstance(slot, str):
                continue
            # dotted paths ("obj.de": the 'de' complement of the object) are read step by step
            for step in slot.split("."):
                if step in CORE_SLOTS:
                    continue
                if not SLOT_RE.match(step):
                    report.error(where, f"slot {slot!r} in '{key}': {step!r} is neither a core slot nor a word")
                    ok = False
                elif step not in preps:
                    report.warn(where, f"slot {slot!r} in '{key}': {step!r} is not a known {lang} preposition")
    return ok


def subsumes(earlier: dict, later: dict) -> bool:
    """True when every sentence matching `later` also matches `earlier`."""
    if "light_verbs" in earlier and not set(later.get("light_verbs", [])) <= set(earlier["light_verbs"]):
        return False  # nouns: a light verb the earlier entry does not list reaches the later one
    if "not_obj" in earlier:
        return False  # an exclusion is not checked here: assume the later entry may be reached
    if earlier.get("passive") is not None and earlier.get("passive") != later.get("passive"):
        return False
    for key in ("obj", "prep", "particle"):
        if key in earlier:
            if key not in later or not set(later[key]) <= set(earlier[key]):
                return False
    if earlier.get("reflexive") and not later.get("reflexive"):
        return False
    return True


def check_file(path: Path, kind: str, lang: str, codes, report: Report) -> list[dict]:
    if not path.exists():
        report.error(str(path), "file not found")
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        report.error(str(path), f"YAML error: {exc}")
        return []
    if data is None:
        data = []
    if not isinstance(data, list):
        report.error(str(path), "top level must be a list of entries")
        return []
    good: list[dict] = []
    by_lemma: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for number, entry in enumerate(data, 1):
        where = f"{path.name}#{number}"
        if check_entry(entry, where, kind, lang, codes, report):
            lemma = entry["lemma"]
            for earlier_number, earlier in by_lemma[lemma]:
                if subsumes(earlier, entry):
                    report.warn(f"{where} ({lemma} {entry['code']})",
                                f"unreachable: entry #{earlier_number} ({earlier['code']}) matches first")
                    break
            by_lemma[lemma].append((number, entry))
            good.append(entry)
    return good


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("lang", help="language directory under resources (fr, en)")
    parser.add_argument("--codes", type=Path, default=DEFAULT_CODES,
                        help=f"CAMEO code list (default: {DEFAULT_CODES})")
    parser.add_argument("--resources", type=Path, default=DEFAULT_RESOURCES,
                        help="resources directory (default: src/eventwire/resources)")
    parser.add_argument("--min-codes", type=int, default=160, help="floor on distinct codes (160)")
    parser.add_argument("--min-entries", type=int, default=350, help="floor on entries (350)")
    parser.add_argument("--quiet", action="store_true", help="print errors and the summary only")
    args = parser.parse_args(argv)

    try:
        codes = load_codes(args.codes)
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        print(f"error: cannot read the CAMEO code list: {exc} (pass --codes PATH)", file=sys.stderr)
        return 2
    lang_dir = args.resources / args.lang
    if not lang_dir.is_dir():
        print(f"error: no resources directory {lang_dir}", file=sys.stderr)
        return 2

    report = Report()
    verbs = check_file(lang_dir / "verbs.yaml", "verbs", args.lang, codes, report)
    nouns = check_file(lang_dir / "nouns.yaml", "nouns", args.lang, codes, report)

    verb_objects: dict[tuple[str, str], str] = {}
    for entry in verbs:
        for obj in entry.get("obj", []):
            verb_objects.setdefault((entry["lemma"], obj), entry["code"])
    for entry in nouns:
        for verb in entry.get("light_verbs", []):
            if (verb, entry["lemma"]) in verb_objects:
                report.warn(f"nouns.yaml ({entry['lemma']})",
                            f"light verb '{verb}' also has a verbs.yaml entry with obj '{entry['lemma']}' "
                            f"(code {verb_objects[(verb, entry['lemma'])]}): the phrase may be coded twice")

    roots = sorted(code for code in codes if len(code) == 2)
    per_root: dict[str, dict] = {root: {"verbs": 0, "nouns": 0, "codes": set()} for root in roots}
    for kind, entries in (("verbs", verbs), ("nouns", nouns)):
        for entry in entries:
            root = entry["code"][:2]
            slot = per_root.setdefault(root, {"verbs": 0, "nouns": 0, "codes": set()})
            slot[kind] += 1
            slot["codes"].add(entry["code"])
    distinct = set().union(*(row["codes"] for row in per_root.values())) if per_root else set()

    print(f"{'root':<5} {'label':<38} {'verbs':>5} {'nouns':>5} {'codes':>5}  {'lemmas':>6}")
    lemmas_by_root: dict[str, set] = defaultdict(set)
    for entry in verbs + nouns:
        lemmas_by_root[entry["code"][:2]].add(entry["lemma"])
    for root in sorted(per_root):
        row = per_root[root]
        label = codes.get(root, "?")[:38]
        print(f"{root:<5} {label:<38} {row['verbs']:>5} {row['nouns']:>5} {len(row['codes']):>5}  "
              f"{len(lemmas_by_root[root]):>6}")
    total = len(verbs) + len(nouns)
    print(f"{'all':<5} {'':<38} {len(verbs):>5} {len(nouns):>5} {len(distinct):>5}  "
          f"{len({e['lemma'] for e in verbs + nouns}):>6}")

    missing = [root for root in roots if not per_root[root]["codes"]]
    if missing:
        report.error("coverage", f"CAMEO roots without any entry: {', '.join(missing)}")
    if len(distinct) < args.min_codes:
        report.error("coverage", f"{len(distinct)} distinct codes, floor is {args.min_codes}")
    if total < args.min_entries:
        report.error("coverage", f"{total} entries, floor is {args.min_entries}")

    if report.warnings and not args.quiet:
        print(f"\n{len(report.warnings)} warning(s):")
        for line in report.warnings:
            print(f"  warning: {line}")
    if report.errors:
        print(f"\n{len(report.errors)} error(s):")
        for line in report.errors:
            print(f"  error: {line}")
        return 1
    print(f"\nOK: {total} entries, {len(distinct)} distinct codes, {len(roots) - len(missing)}/{len(roots)} roots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
