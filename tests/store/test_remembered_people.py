"""People introduced in one document are remembered in the store and recognised in later ones."""
from __future__ import annotations

import duckdb

from eventwire.runners.local import ingest
from eventwire.settings import Settings
from eventwire.store import Store

FIRST = ("Le ministre malien des Affaires étrangères Abdoulaye Sowé a rencontré mardi à Bamako "
         "l'ambassadeur de France pour évoquer la sécurité au Sahel.\n")
LATER = "Abdoulaye Sowé a reçu jeudi à Bamako une délégation de la CEDEAO.\n"


def test_a_person_met_once_is_known_later(tmp_path, pipeline):
    first, later = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(FIRST, encoding="utf-8")
    later.write_text(LATER, encoding="utf-8")
    db = tmp_path / "people.duckdb"
    with Store(db) as store:
        ingest([str(first)], store, Settings(), published="2024-03-14", lang="fr", pipeline=pipeline)
        assert ("Abdoulaye Sowé", "MLIGOV") in store.remembered_people()
        ingest([str(later)], store, Settings(), published="2024-03-15", lang="fr", pipeline=pipeline)
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT first_seen, last_seen, mentions FROM actors WHERE name = 'Abdoulaye Sowé' "
                      "AND code = 'MLIGOV'").fetchone()
    assert row is not None and str(row[0]) == "2024-03-12" and str(row[1]) >= "2024-03-12" and row[2] >= 2
    sources = {r[0] for r in con.execute("SELECT source_code FROM events").fetchall()}
    assert "MLIGOV" in sources
