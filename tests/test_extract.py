"""Extraction: main text without page chrome, publication stamps, language, HTML."""
from __future__ import annotations

import pytest

from eventwire.extract import clean_text, extract, parse_stamp
from eventwire.model import RawItem, Rejection

SCRAPED = """Mis à jour à 17h40 le 03/02
![]() |
Le Premier ministre canadien a annoncé vendredi l'envoi de deux avions de transport au Ghana.
Ottawa souhaite ainsi appuyer la mission régionale de maintien de la paix, a précisé son bureau.
La ministre ghanéenne de la Défense a salué cette décision lors d'une conférence de presse à Accra.
Record de chaleur en Australie
Un nouveau musée ouvre ses portes à Lyon
Les ventes de voitures électriques progressent
Suivez-nous sur Facebook et Instagram
Le prix du cacao atteint un sommet historique
"""


def test_scraped_text_keeps_article_drops_chrome():
    result = clean_text(SCRAPED)
    assert result.text.splitlines()[0].startswith("Le Premier ministre canadien")
    assert len(result.text.splitlines()) == 3
    for chrome in ("Record de chaleur", "Suivez-nous", "![]()", "cacao", "Mis à jour"):
        assert chrome not in result.text
    assert result.dropped == 7


@pytest.mark.parametrize("line, date, month_day, time, year_known", [
    ("Dernière mise à jour à 08h16 le 25/04", None, "04-25", "08:16", False),
    ("Mis à jour le 03/02/2024 à 17h40", "2024-02-03", "02-03", "17:40", True),
    ("Publié le 12 mars 2024 à 14h05", "2024-03-12", "03-12", "14:05", True),
    ("Updated 10:32 GMT, March 3, 2024", "2024-03-03", "03-03", "10:32", True),
    ("Published: 2023-11-30", "2023-11-30", "11-30", None, True),
])
def test_publication_stamps(line, date, month_day, time, year_known):
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.date, stamp.month_day, stamp.time, stamp.year_known) == (date, month_day, time, year_known)


def test_impossible_stamp_is_not_a_date():
    assert parse_stamp("Mis à jour le 31/02") is None


def test_year_comes_from_the_source_when_the_page_lacks_it():
    item = RawItem("x", "t.txt", SCRAPED, "text", published="2024-02-03", published_source="cli")
    doc = extract(item)
    assert doc.publication.date == "2024-02-03" and doc.publication.source == "page-text+cli"


def test_stamp_across_new_year_takes_the_closest_year():
    item = RawItem("x", "t.txt", SCRAPED.replace("03/02", "31/12"), "text", published="2024-01-01",
                   published_source="cli")
    assert extract(item).publication.date == "2023-12-31"


def test_no_year_and_no_source_is_flagged_unknown():
    doc = extract(RawItem("x", "t.txt", SCRAPED, "text"))
    assert doc.publication.year_known is False and doc.publication.date is None
    assert doc.publication.month_day == "02-03"


HTML = """<!doctype html><html><head><title>Kenya: police arrest protesters</title>
<meta property="article:published_time" content="2023-07-07T09:15:00+03:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kenyan police arrest dozens of protesters in Nairobi</h1>
<p>Kenyan police arrested dozens of opposition supporters in Nairobi on Thursday as protests against
new taxes spread across the capital, the interior ministry said.</p>
<p>Opposition leader Raila Odinga condemned the arrests and called on the government to release those detained.</p>
</article><aside><ul><li>Markets close higher</li><li>Weather: rain expected</li></ul></aside>
<footer>© 2023 Example News</footer></body></html>"""


def test_html_article_and_metadata_date():
    doc = extract(RawItem("x", "k.html", HTML, "html"))
    assert not isinstance(doc, Rejection)
    assert doc.lang == "en"
    assert "Kenyan police arrested dozens" in doc.text
    assert "Markets close higher" not in doc.text and "Home" not in doc.text
    assert doc.publication.date == "2023-07-07" and doc.publication.source == "html-meta"


def test_language_rejection_names_the_language():
    text = "La policía detuvo el lunes a varios manifestantes en Madrid, según informó el ministerio del Interior."
    outcome = extract(RawItem("x", "es.txt", text, "plain"))
    assert isinstance(outcome, Rejection) and outcome.reason == "unsupported-language"
    assert "'es'" in outcome.detail


def test_declared_language_skips_detection():
    doc = extract(RawItem("x", "t", "Le gouvernement a démissionné hier soir à Rome.", "plain", lang="fr"))
    assert doc.lang == "fr"
