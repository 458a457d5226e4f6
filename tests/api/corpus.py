"""A small corpus written for the API and dashboard tests, and a database built from it."""
from __future__ import annotations

import json
from pathlib import Path

# (id, url, published, lang, text): a week of dispatches in both languages, with places and every QuadClass.
DISPATCHES = [
    ("dakar-visit", "https://www.le-courrier-ouest.example/monde/101", "2024-05-06", "fr",
     "Le président sénégalais a reçu lundi à Dakar le ministre chinois des Affaires étrangères pour discuter "
     "de la coopération économique entre les deux pays."),
    ("sumy-shelling", "https://eastern-front-news.example/ua/2201", "2024-05-07", "en",
     "Russian troops shelled the Ukrainian town of Sumy on Tuesday, killing four civilians, regional officials said."),
    ("kaduna-rescue", "https://lagos-evening.example/security/77", "2024-05-08", "en",
     "Nigerian soldiers arrested eleven suspected kidnappers in Kaduna on Wednesday, an army spokesman said."),
    ("gao-condemnation", "https://journal-du-fleuve.example/politique/45", "2024-05-09", "fr",
     "Le gouvernement malien a condamné jeudi à Bamako les sanctions imposées par la France."),
    ("berlin-talks", "https://continental-desk.example/europe/310", "2024-05-10", "en",
     "The French foreign minister met his German counterpart in Berlin on Friday to discuss support for Ukraine."),
    ("marseille-arrests", "https://provence-matin.example/faits/9", "2024-05-10", "fr",
     "La police française a arrêté vendredi à Marseille douze manifestants qui protestaient contre la réforme."),
    ("brazil-plan", "https://rio-wire.example/world/58", "2024-05-13", "en",
     "Chinese President Xi Jinping hopes to visit Brazil in June, the Brazilian foreign ministry said on Monday."),
    ("arusha-deal", "https://lake-region-post.example/business/12", "2024-05-13", "en",
     "Kenya and Tanzania signed a trade agreement in Arusha on Monday, the two governments said."),
    ("caracas-threat", "https://andes-observer.example/politica/4", "2024-05-14", "en",
     "Venezuela threatened on Tuesday to expel the Colombian ambassador from Caracas over border incidents."),
]


def write_corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for key, url, published, lang, text in DISPATCHES:
            out.write(json.dumps({"id": key, "url": url, "published": published, "lang": lang, "text": text},
                                 ensure_ascii=False) + "\n")
    return path


def build_database(directory: Path, pipeline) -> Path:
    """Ingest the corpus through the local runner (in this process, with the session pipeline)."""
    from eventwire.runners.local import ingest
    from eventwire.settings import Settings
    from eventwire.store import Store

    corpus = write_corpus(directory / "dispatches.jsonl")
    path = directory / "api.duckdb"
    with Store(path) as store:
        ingest([str(corpus)], store, Settings(), pipeline=pipeline)
    return path
