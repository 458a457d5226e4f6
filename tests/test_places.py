"""Gazetteer and dateline tests: table-driven, French and English names, exonyms, hints."""
from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from eventwire.places import Gazetteer, Place, normalize_name, parse_dateline


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


# (name, country hints, expected ISO3, expected kind, expected English name or None)
CITIES = [
    # capitals and large cities under their French and English names
    ("Pékin", (), "CHN", "city", "Beijing"),
    ("Pekin", (), "CHN", "city", "Beijing"),
    ("BEIJING", (), "CHN", "city", "Beijing"),
    ("Qingdao", (), "CHN", "city", "Qingdao"),
    ("Shanghai", (), "CHN", "city", "Shanghai"),
    ("Nankin", (), "CHN", "city", "Nanjing"),
    ("Canton", (), "CHN", "city", "Guangzhou"),
    ("Lhassa", (), "CHN", "city", "Lhasa"),
    ("Moscou", (), "RUS", "city", "Moscow"),
    ("Moscow", (), "RUS", "city", "Moscow"),
    ("Saint-Pétersbourg", (), "RUS", "city", "Saint Petersburg"),
    ("Londres", (), "GBR", "city", "London"),
    ("Édimbourg", (), "GBR", "city", "Edinburgh"),
    ("Genève", (), "CHE", "city", "Geneva"),
    ("Geneva", (), "CHE", "city", "Geneva"),
    ("Bâle", (), "CHE", "city", "Basel"),
    ("Bruxelles", (), "BEL", "city", "Brussels"),
    ("Anvers", (), "BEL", "city", "Antwerp"),
    ("Varsovie", (), "POL", "city", "Warsaw"),
    ("Vienne", (), "AUT", "city", "Vienna"),
    ("Venise", (), "ITA", "city", "Venice"),
    ("Florence", (), "ITA", "city", "Florence"),
    ("Naples", (), "ITA", "city", "Naples"),
    ("Lisbonne", (), "PRT", "city", "Lisbon"),
    ("Barcelone", (), "ESP", "city", "Barcelona"),
    ("Athènes", (), "GRC", "city", "Athens"),
    ("Copenhague", (), "DNK", "city", "Copenhagen"),
    ("Francfort", (), "DEU", "city", "Frankfurt am Main"),
    ("Cologne", (), "DEU", "city", "Köln"),
    ("La Haye", (), "NLD", "city", "The Hague"),
    ("The Hague", (), "NLD", "city", "The Hague"),
    ("Le Caire", (), "EGY", "city", "Cairo"),
    ("Alger", (), "DZA", "city", "Algiers"),
    ("Damas", (), "SYR", "city", "Damascus"),
    ("Alep", (), "SYR", "city", "Aleppo"),
    ("Idleb", (), "SYR", "city", "Idlib"),
    ("Bagdad", (), "IRQ", "city", "Baghdad"),
    ("Mossoul", (), "IRQ", "city", "Mosul"),
    ("Téhéran", (), "IRN", "city", "Tehran"),
    ("Beyrouth", (), "LBN", "city", "Beirut"),
    ("Jérusalem", (), "ISR", "city", "Jerusalem"),
    ("Naplouse", (), "PSE", "city", "Nablus"),
    ("Ramallah", (), "PSE", "city", "Ramallah"),
    ("Riyad", (), "SAU", "city", "Riyadh"),
    ("La Mecque", (), "SAU", "city", "Makkah"),
    ("Kaboul", (), "AFG", "city", "Kabul"),
    ("Bombay", (), "IND", "city", "Mumbai"),
    ("Calcutta", (), "IND", "city", "Kolkata"),
    ("Dacca", (), "BGD", "city", "Dhaka"),
    ("Séoul", (), "KOR", "city", "Seoul"),
    ("Pyongyang", (), "PRK", "city", "Pyongyang"),
    ("Rangoun", (), "MMR", "city", "Yangon"),
    ("Hanoï", (), "VNM", "city", "Hanoi"),
    ("Manille", (), "PHL", "city", "Manila"),
    ("Djakarta", (), "IDN", "city", "Jakarta"),
    ("Oulan-Bator", (), "MNG", "city", "Ulan Bator"),
    ("Tachkent", (), "UZB", "city", "Tashkent"),
    ("Tbilissi", (), "GEO", "city", "Tbilisi"),
    ("Erevan", (), "ARM", "city", "Yerevan"),
    ("Bakou", (), "AZE", "city", "Baku"),
    ("Kiev", (), "UKR", "city", "Kyiv"),
    ("Kyiv", (), "UKR", "city", "Kyiv"),
    ("Marioupol", (), "UKR", "city", "Mariupol"),
    ("Bucarest", (), "ROU", "city", "Bucharest"),
    ("Pristina", (), "KSV", "city", "Pristina"),
    ("Nicosie", (), "CYP", "city", "Nicosia"),
    ("Bamako", (), "MLI", "city", "Bamako"),
    ("Tombouctou", (), "MLI", "city", "Timbuktu"),
    ("Ouagadougou", (), "BFA", "city", "Ouagadougou"),
    ("N'Djamena", (), "TCD", "city", "N'Djamena"),
    ("N’Djamena", (), "TCD", "city", "N'Djamena"),
    ("Addis-Abeba", (), "ETH", "city", "Addis Ababa"),
    ("Mogadiscio", (), "SOM", "city", "Mogadishu"),
    ("Le Cap", (), "ZAF", "city", "Cape Town"),
    ("Kinshasa", (), "COD", "city", "Kinshasa"),
    ("Goma", (), "COD", "city", "Goma"),
    ("Abidjan", (), "CIV", "city", "Abidjan"),
    ("Yaoundé", (), "CMR", "city", "Yaoundé"),
    ("Maiduguri", (), "NGA", "city", "Maiduguri"),
    ("La Havane", (), "CUB", "city", "Havana"),
    ("Port-au-Prince", (), "HTI", "city", "Port-au-Prince"),
    ("Bogota", (), "COL", "city", "Bogotá"),
    ("Sao Paulo", (), "BRA", "city", "São Paulo"),
    ("Montréal", (), "CAN", "city", "Montréal"),
    ("Montreal", (), "CAN", "city", "Montréal"),
    ("La Nouvelle-Orléans", (), "USA", "city", "New Orleans"),
    ("Philadelphie", (), "USA", "city", "Philadelphia"),
    ("Nouméa", (), "NCL", "city", "Nouméa"),
    # a capital or a million-plus city beats a state of the same name
    ("Washington", (), "USA", "city", "Washington"),
    ("New York", (), "USA", "city", "New York City"),
    # hints pick the country
    ("Paris", (), "FRA", "city", "Paris"),
    ("Paris", ("USA",), "USA", "city", "Paris"),
    ("Birmingham", (), "GBR", "city", "Birmingham"),
    ("Birmingham", ("USA",), "USA", "city", "Birmingham"),
    ("London", ("CAN",), "CAN", "city", "London"),
    ("Alexandria", (), "EGY", "city", "Alexandria"),
    ("Alexandria", ("USA",), "USA", "city", "Alexandria"),
    ("Tripoli", (), "LBY", "city", "Tripoli"),
    ("Tripoli", ("LBN",), "LBN", "city", "Tripoli"),
    ("Valencia", ("ESP",), "ESP", "city", "Valencia"),
    ("Valencia", ("VEN",), "VEN", "city", "Valencia"),
    ("Hyderabad", ("PAK",), "PAK", "city", "Hyderabad"),
    ("Cambridge", ("USA",), "USA", "city", "Cambridge"),
    ("Perth", ("GBR",), "GBR", "city", "Perth"),
    ("Paris", ("XXX", "FRA"), "FRA", "city", "Paris"),
    ("Canton", ("USA",), "USA", "city", "Canton"),
]

COUNTRIES = [
    ("Chine", "CHN", "CH"), ("China", "CHN", "CH"), ("la Chine", "CHN", "CH"),
    ("Allemagne", "DEU", "GM"), ("Germany", "DEU", "GM"),
    ("Côte d'Ivoire", "CIV", "IV"), ("Côte d’Ivoire", "CIV", "IV"), ("Ivory Coast", "CIV", "IV"),
    ("États-Unis", "USA", "US"), ("Etats-Unis", "USA", "US"), ("les États-Unis", "USA", "US"),
    ("United States", "USA", "US"), ("the United States", "USA", "US"), ("USA", "USA", "US"),
    ("Royaume-Uni", "GBR", "UK"), ("United Kingdom", "GBR", "UK"), ("Grande-Bretagne", "GBR", "UK"),
    ("Russie", "RUS", "RS"), ("Russia", "RUS", "RS"),
    ("Inde", "IND", "IN"), ("Japon", "JPN", "JA"),
    ("Corée du Nord", "PRK", "KN"), ("North Korea", "PRK", "KN"),
    ("Corée du Sud", "KOR", "KS"), ("South Korea", "KOR", "KS"),
    ("Syrie", "SYR", "SY"), ("Irak", "IRQ", "IZ"), ("Iraq", "IRQ", "IZ"), ("Iran", "IRN", "IR"),
    ("Israël", "ISR", "IS"), ("Liban", "LBN", "LE"), ("Jordanie", "JOR", "JO"),
    ("Égypte", "EGY", "EG"), ("Egypte", "EGY", "EG"), ("Arabie saoudite", "SAU", "SA"),
    ("Turquie", "TUR", "TU"), ("Türkiye", "TUR", "TU"), ("Grèce", "GRC", "GR"),
    ("Espagne", "ESP", "SP"), ("Pays-Bas", "NLD", "NL"), ("Suisse", "CHE", "SZ"),
    ("Belgique", "BEL", "BE"), ("Pologne", "POL", "PL"), ("Ukraine", "UKR", "UP"),
    ("Biélorussie", "BLR", "BO"), ("Tchad", "TCD", "CD"), ("Soudan du Sud", "SSD", "OD"),
    ("Éthiopie", "ETH", "ET"), ("Somalie", "SOM", "SO"), ("Cameroun", "CMR", "CM"),
    ("RDC", "COD", "CG"), ("République démocratique du Congo", "COD", "CG"),
    ("Afrique du Sud", "ZAF", "SF"), ("Algérie", "DZA", "AG"), ("Maroc", "MAR", "MO"),
    ("Libye", "LBY", "LY"), ("Brésil", "BRA", "BR"), ("Mexique", "MEX", "MX"),
    ("Mexico", "MEX", "MX"), ("Nouvelle-Zélande", "NZL", "NZ"), ("Birmanie", "MMR", "BM"),
    ("Burma", "MMR", "BM"), ("Viêt Nam", "VNM", "VM"), ("Thaïlande", "THA", "TH"),
    ("Haïti", "HTI", "HA"), ("Kosovo", "KSV", "KV"), ("Bosnie-Herzégovine", "BIH", "BK"),
    ("Taïwan", "TWN", "TW"), ("Émirats arabes unis", "ARE", "AE"), ("Yémen", "YEM", "YM"),
    ("Azerbaïdjan", "AZE", "AJ"), ("Géorgie", "GEO", "GG"), ("Georgia", "GEO", "GG"),
    ("Singapour", "SGP", "SN"), ("Koweït", "KWT", "KU"), ("Guinée équatoriale", "GNQ", "EK"),
]

STATES = [
    ("Georgia", ("USA",), "USGA"), ("Géorgie", ("USA",), "USGA"), ("California", (), "USCA"),
    ("Californie", (), "USCA"), ("Floride", (), "USFL"), ("Texas", (), "USTX"),
    ("Virginie", (), "USVA"), ("Pennsylvania", (), "USPA"), ("Washington State", (), "USWA"),
]

DATELINES = [
    ("PARIS, 30 juillet (AFP) - Le gouvernement a annoncé", "PARIS"),
    ("KYIV, March 3 (Reuters) - Ukraine said", "KYIV"),
    ("Bamako (AFP) - Des hommes armés ont attaqué", "Bamako"),
    ("BEIJING, April 28 (Xinhua) -- China and Russia", "BEIJING"),
    ("  GENÈVE, 12 mars 2018 (AFP) – Les négociations", "GENÈVE"),
    ("WASHINGTON, D.C., March 3, 2021 (Reuters) - The", "WASHINGTON"),
    ("Rio de Janeiro (AFP) - La police", "Rio de Janeiro"),
    ("Les Cayes (Haïti) (AFP) - Un séisme", "Les Cayes"),
    ("N'DJAMENA, 3 mai (AFP) - Le président", "N'DJAMENA"),
    ("ST. LOUIS (AP) — Protesters", "ST. LOUIS"),
    ("MOSCOW — The Kremlin said on Monday", "MOSCOW"),
    ("Dernière mise à jour le 25/04\nABIDJAN, 24 avril (AFP) - Le", "ABIDJAN"),
]

NOT_DATELINES = [
    "Le président chinois Xi Jinping a déclaré lundi",
    "Il a dit (AFP) - rien",
    "The talks (which lasted hours) - ended",
    "",
]


@pytest.mark.parametrize(("name", "hints", "country", "kind", "english"), CITIES)
def test_city_lookup(gazetteer, name, hints, country, kind, english):
    place = gazetteer.lookup(name, hints)
    assert place is not None, name
    assert (place.country, place.kind, place.name) == (country, kind, english)


@pytest.mark.parametrize(("name", "iso3", "fips"), COUNTRIES)
def test_country_lookup(gazetteer, name, iso3, fips):
    place = gazetteer.lookup(name)
    assert place is not None, name
    assert (place.kind, place.country, place.fips, place.adm1) == ("country", iso3, fips, None)


@pytest.mark.parametrize(("name", "hints", "adm1"), STATES)
def test_us_state_lookup(gazetteer, name, hints, adm1):
    place = gazetteer.lookup(name, hints)
    assert (place.kind, place.country, place.fips, place.adm1) == ("admin1", "USA", "US", adm1)


@pytest.mark.parametrize(("text", "place"), DATELINES)
def test_dateline(text, place):
    found = parse_dateline(text)
    assert found is not None
    name, (start, end) = found
    assert name == place
    assert text[start:end] == place


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize("name", ["Beijing", "Pékin", "pekin", "BEIJING", "Peking"])
def test_beijing_record(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place == Place("Beijing", 1816670, place.lat, place.lon, "CHN", "CH", "CH22", "city",
                          place.population)
    assert place.lat == pytest.approx(39.9, abs=0.1) and place.lon == pytest.approx(116.4, abs=0.1)


def test_qingdao_record(gazetteer):
    place = gazetteer.lookup("Qingdao", ("CHN",))
    assert (place.geonameid, place.country, place.fips, place.adm1) == (1797929, "CHN", "CH", "CH25")
    assert place.lat == pytest.approx(36.06, abs=0.01) and place.lon == pytest.approx(120.38, abs=0.01)


def test_georgia_by_hint(gazetteer):
    assert gazetteer.lookup("Georgia", ("GEO",)).kind == "country"
    assert gazetteer.lookup("Georgia", ("USA",)).kind == "admin1"
    assert gazetteer.lookup("Georgia").kind == "country"


def test_candidates_ranked_and_case_insensitive(gazetteer):
    found = gazetteer.candidates("paris")
    assert len(found) > 3
    assert found[0].country == "FRA" and found[0].geonameid == 2988507
    assert {p.country for p in found} >= {"FRA", "USA"}
    assert gazetteer.candidates("PARIS") == found == gazetteer.candidates("Páris")


def test_country_centroid_is_the_capital(gazetteer):
    china = gazetteer.lookup("Chine")
    assert china.lat == pytest.approx(39.9, abs=0.1) and china.lon == pytest.approx(116.4, abs=0.1)


def test_unknown_names(gazetteer):
    assert gazetteer.lookup("Xyzzyville") is None
    assert gazetteer.candidates("") == ()
    assert gazetteer.lookup("Xyzzyville", ("USA",)) is None


def test_normalize_name():
    assert normalize_name("Côte d’Ivoire") == normalize_name("cote d'ivoire") == "cote d ivoire"
    assert normalize_name("  Saint-Pétersbourg ") == "saint petersbourg"
    assert normalize_name("Łódź") == "lodz"


def test_load_is_cached_fast_and_small(tmp_path):
    assert Gazetteer.load() is Gazetteer.load()
    path = Path(__file__).resolve().parents[1] / "src/eventwire/resources/common/gazetteer.tsv.gz"
    assert path.stat().st_size < 5_000_000
    copy = tmp_path / "g.tsv.gz"
    copy.write_bytes(path.read_bytes())
    start = time.perf_counter()
    loaded = Gazetteer.load(copy)
    assert time.perf_counter() - start < 2.0     # budget is 1 s; slack for loaded CI machines
    assert len(loaded) > 60_000


def test_bad_file_says_what_to_do(tmp_path):
    from eventwire.errors import ResourceError
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as out:
        out.write("name\tlat\n")
    with pytest.raises(ResourceError, match="build_gazetteer"):
        Gazetteer.load(bad)
    with pytest.raises(ResourceError, match="build_gazetteer"):
        Gazetteer.load(tmp_path / "missing.tsv.gz")
