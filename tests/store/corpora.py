"""Test corpora written for these tests: dispatches, their syndicated and rewritten versions, near-misses."""
from __future__ import annotations

import json
from pathlib import Path

# (key, url, published, lang, text). Keys name the story; `_miss_` ones must stay apart from it.
LINKING = [
    ("kenya", "https://www.dailywire-ke.example/a/1", "2024-03-12", "en",
     "Kenyan police arrested three opposition lawmakers in Nairobi on Monday, officials said."),
    # the same wire text carried by a second site: same document, one more article and source
    ("kenya", "https://news.coastpost.example/wire/88", "2024-03-12", "en",
     "Kenyan police arrested three opposition lawmakers in Nairobi on Monday, officials said."),
    ("kenya", "https://www.eastafrican-ledger.example/politics/7", "2024-03-12", "en",
     "Police in Kenya detained three opposition members of parliament in Nairobi on Monday, a spokesman said."),
    ("kenya", "https://morning-brief.example/2024/03/13", "2024-03-13", "en",
     "Three Kenyan opposition lawmakers were arrested by police in Nairobi on Monday."),
    ("kenya_miss_day", "https://www.dailywire-ke.example/a/2", "2024-03-16", "en",
     "Kenyan police arrested three opposition lawmakers in Nairobi on Thursday, officials said."),
    ("kenya_miss_place", "https://news.coastpost.example/wire/91", "2024-03-12", "en",
     "Kenyan police arrested three opposition lawmakers in Mombasa on Monday, officials said."),
    ("kenya_miss_dyad", "https://www.eastafrican-ledger.example/politics/9", "2024-03-12", "en",
     "Kenyan soldiers arrested three opposition lawmakers in Nairobi on Monday, officials said."),
    ("mali", "https://journal-sahel.example/diplomatie/12", "2024-03-13", "fr",
     "Le ministre malien des Affaires étrangères a rencontré mardi à Bamako son homologue sénégalais pour "
     "discuter de la sécurité régionale."),
    ("mali", "https://www.quotidien-dakar.example/monde/4", "2024-03-13", "fr",
     "Le chef de la diplomatie malienne s'est entretenu mardi à Bamako avec son homologue sénégalais."),
    ("mali", "https://westafrica-today.example/news/55", "2024-03-13", "en",
     "Mali's foreign minister met his Senegalese counterpart in Bamako on Tuesday to discuss regional security."),
    ("mali_miss_place", "https://journal-sahel.example/diplomatie/13", "2024-03-13", "fr",
     "Le ministre malien des Affaires étrangères a rencontré mardi à Dakar son homologue sénégalais."),
    ("kharkiv", "https://frontline-wire.example/ua/301", "2024-03-20", "en",
     "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, Ukrainian officials said."),
    ("kharkiv", "https://www.europe-soir.example/international/88", "2024-03-20", "fr",
     "Les forces russes ont bombardé mardi la ville ukrainienne de Kharkiv, selon des responsables ukrainiens."),
    ("kharkiv_miss_place", "https://frontline-wire.example/ua/302", "2024-03-20", "en",
     "Russian forces shelled the Ukrainian city of Odesa on Tuesday, Ukrainian officials said."),
]


def write_linking_corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number, (key, url, published, lang, text) in enumerate(LINKING):
            out.write(json.dumps({"id": f"{key}-{number}", "url": url, "published": published, "lang": lang,
                                  "text": text}, ensure_ascii=False) + "\n")
    return path


COUNTRIES = [("Kenyan", "Nairobi"), ("Nigerian", "Abuja"), ("French", "Paris"), ("German", "Berlin"),
             ("Ghanaian", "Accra"), ("Brazilian", "Brasilia")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_many(directory: Path, count: int = 60) -> Path:
    """`count` short distinct English dispatches, one file each."""
    directory.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        adjective, city = COUNTRIES[n % len(COUNTRIES)]
        day = DAYS[(n // len(COUNTRIES)) % len(DAYS)]
        text = (f"{adjective} police arrested {n + 2} protesters in {city} on {day}, officials said.\n"
                f"The {n + 2} protesters had gathered outside the parliament building to demand lower fuel prices.\n")
        (directory / f"dispatch_{n:03d}.txt").write_text(text, encoding="utf-8")
    return directory
