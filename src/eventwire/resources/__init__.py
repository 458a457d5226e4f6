"""Language data kept as files per language (fr, en) and shared (common), apart from code."""
from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import ResourceError

ROOT = Path(__file__).resolve().parent


def resource_path(lang: str, name: str) -> Path:
    path = ROOT / lang / name
    if not path.exists():
        raise ResourceError(f"missing language resource {lang}/{name}; reinstall eventwire or check resources/")
    return path


@lru_cache(maxsize=64)
def load_yaml(lang: str, name: str):
    path = resource_path(lang, name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ResourceError(f"resources/{lang}/{name} is not valid YAML: {exc}") from None


def read_tsv(lang: str, name: str, optional: bool = False) -> Iterator[dict[str, str]]:
    """Rows of a TSV resource with a header line; '#' lines are comments."""
    path = ROOT / lang / name
    if not path.exists():
        if optional:
            return iter(())
        raise ResourceError(f"missing language resource {lang}/{name}; reinstall eventwire or check resources/")
    return read_tsv_path(path)


def read_tsv_path(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}
