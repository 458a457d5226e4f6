"""Build eventwire's CAMEO table (code, label, Goldstein, QuadClass, PLOVER type/mode).

    python scripts/build_cameo_table.py ../shared/reference src/eventwire/resources/common/cameo.tsv

Numbering: CAMEO 1.1b3, the version GDELT, PETRARCH-2 and the 2021 CAMEO->PLOVER table use.
The reference code list with Goldstein values follows an older numbering in roots 10, 12 and
16 (there, 163 is "halt negotiations" and 166 "impose sanctions"; in 1.1b3 they are 164 and
163), so Goldstein values are carried over by matching the action's label, not its number.
Roots 01 and 02, absent from the PLOVER table, come from the code list as they are.
QuadClass follows GDELT's rule by root: 01-05 verbal cooperation (1), 06-08 material
cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
"""
import json
import re
import sys
from pathlib import Path

STOP = {"or", "and", "the", "of", "to", "not", "specified", "below", "a", "for", "in", "with", "such", "as"}
# The conversion table has no rows for these roots; PLOVER folds appeals into REQUEST and
# drops plain statements (no PLOVER type).
PLOVER_GAPS = {"02": ("REQUEST", ""), "01": ("", "")}


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def words(label: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", label.lower()) if w not in STOP}


def plover_rows(path: Path) -> dict[str, tuple[str, str, str]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?(?:,[^#]*)?(?:#\s*(.*))?$", line)
        if match:
            mode = (match.group(3) or "").strip()
            rows[match.group(1)] = (match.group(2), mode, (match.group(4) or "").strip())
    return rows


def clean(label: str) -> str:
    # one label in the code list carries a stray Goldstein fragment ("Ease military blocka[-2.0")
    return " ".join(label.split("[")[0].split())


def goldstein_for(code: str, label: str, reference: dict[str, tuple[str, float]]) -> float:
    own = reference.get(code)
    target = words(label)
    if own and len(words(own[0]) & target) >= max(1, len(target) // 2):
        return own[1]
    scored = [(len(words(lab) & target) / max(1, len(words(lab) | target)), value, ref_code)
              for ref_code, (lab, value) in reference.items() if ref_code[:2] == code[:2]]
    best = max(scored, default=(0, None, None))
    if best[0] >= 0.5:
        return best[1]
    for size in (3, 2):  # the parent action's value
        parent = reference.get(code[:size])
        if parent and len(code) > size:
            return parent[1]
    return own[1] if own else 0.0


def main(reference_dir: str, out: str) -> None:
    ref = Path(reference_dir)
    codes = json.loads((ref / "cameo_codes.json").read_text(encoding="utf-8"))
    reference = {codes["cameoCode"][k].strip(): (clean(codes["Description"][k]), float(codes["GoldsteinScale"][k]))
                 for k in codes["cameoCode"]}
    plover = plover_rows(ref / "CAMEO2PLOVER-2021.txt")
    table: dict[str, tuple[str, float, str, str]] = {}
    for code, (label, value) in reference.items():
        if code[:2] in ("01", "02"):
            ptype, pmode = PLOVER_GAPS[code[:2]]
            table[code] = (label, value, ptype, pmode)
    for code, (ptype, pmode, comment) in plover.items():
        label = comment or (reference.get(code, (ptype, 0))[0] if len(code) == 2 else ptype)
        if len(code) == 2 and code in reference:
            label = reference[code][0]
        table[code] = (label, goldstein_for(code, label, reference), ptype, pmode)
    lines = ["code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode"]
    for code in sorted(table, key=lambda c: (c[:2], c)):
        label, value, ptype, pmode = table[code]
        lines.append(f"{code}\t{label}\t{value:g}\t{quad_class(code)}\t{ptype}\t{pmode}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} codes to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
