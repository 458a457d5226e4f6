"""Rewrite CAMEO codes in gold/lexicon files from the older numbering of roots 10, 12 and 16
(as in the reference code list) to CAMEO 1.1b3, the numbering eventwire uses.

    python scripts/remap_cameo_codes.py gold/en_dev.gold.jsonl src/eventwire/resources/fr/verbs.yaml ...

The mapping is by meaning (facts of the two CAMEO versions), written out here once.
"""
import re
import sys
from pathlib import Path

OLD_TO_1_1B3 = {
    # 10 DEMAND
    "105": "108", "106": "1056", "107": "1056", "108": "106",
    # 12 REJECT
    "121": "120", "1211": "1246", "1212": "1224", "1213": "127", "124": "125", "125": "126", "126": "128",
    "127": "120", "128": "129",
    # 035 express intent to yield
    "0353": "034", "0354": "0353", "0355": "0354", "0356": "0355", "0357": "0356",
    # 16 REDUCE RELATIONS
    "163": "164", "164": "166", "1641": "1661", "1642": "1662", "1643": "1663", "166": "163",
}


def remap_text(text: str) -> tuple[str, int]:
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        quote, code = match.group(1), match.group(2)
        if code in OLD_TO_1_1B3:
            count += 1
            return f"{match.group(0)[:match.start(2) - match.start(0)]}{OLD_TO_1_1B3[code]}{quote}"
        return match.group(0)

    # "code": "166"  (JSON)  and  code: "166"  (YAML)
    pattern = re.compile(r'"?code"?\s*:\s*(["\'])(\d{3,4})\1')
    return pattern.sub(swap, text), count


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        new, count = remap_text(path.read_text(encoding="utf-8"))
        path.write_text(new, encoding="utf-8")
        print(f"{name}: {count} codes renumbered")
