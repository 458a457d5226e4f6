"""Smoke test of the Ray engine on a local Ray instance: Parquet partitions out, `eventwire load` in,
the same events as a local ingest of the same inputs, and loading twice adds nothing."""
from __future__ import annotations

import duckdb
import pytest

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'eventwire[ray]'")
pytest.importorskip("pyarrow", reason="Ray Data needs pyarrow: pip install 'eventwire[ray]'")

from eventwire.cli import main  # noqa: E402
from eventwire.runners.local import ingest  # noqa: E402
from eventwire.settings import Settings  # noqa: E402
from eventwire.store import Store  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]  # Ray Data's own

PUBLISHED = "2024-05-14"
DOCUMENTS = {
    "fr_rabat.txt": "Rabat, 13 mai. Le ministre marocain des Affaires étrangères a reçu lundi son homologue "
                    "espagnol pour discuter de la coopération migratoire entre les deux pays.",
    "fr_dakar.txt": "Dakar, 13 mai. Le président sénégalais a condamné mardi l'attaque contre un poste de "
                    "gendarmerie près de la frontière malienne et promis une enquête.",
    "fr_kinshasa.txt": "La République démocratique du Congo a accusé le Rwanda de soutenir les rebelles du M23, "
                       "a déclaré lundi le porte-parole du gouvernement congolais à Kinshasa.",
    "en_manila.txt": "Manila, May 13. The Philippines protested on Monday against China after coast guard "
                     "vessels fired water cannon at a supply boat near a disputed shoal.",
    "en_nairobi.txt": "Nairobi, May 13. Kenya's president met the Ethiopian prime minister on Monday and the two "
                      "leaders signed an agreement on cross-border trade.",
    "en_kyiv.txt": "Kyiv, May 13. Ukraine asked Germany on Monday for more air defence systems after a wave of "
                   "Russian missile strikes on its power grid.",
    "en_short.txt": "Too short.",
}


@pytest.fixture(scope="module")
def local_ray():
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    if started:
        ray.shutdown()


def rows(db, sql):
    with duckdb.connect(str(db), read_only=str(db) != ":memory:") as con:
        return con.execute(sql).fetchall()


def test_ray_engine_matches_local_ingest_and_loads_idempotently(tmp_path, local_ray, pipeline):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out, ray_db, local_db = tmp_path / "parts", tmp_path / "ray.duckdb", tmp_path / "local.duckdb"

    assert main(["ingest", str(corpus), "--engine", "ray", "--output", str(out), "--workers", "2",
                 "--batch-size", "2", "--published", PUBLISHED, "--quiet"]) == 0

    # Parquet partitions, one directory per table
    parquet = lambda table: str(out / table / "*.parquet")  # noqa: E731
    docs = rows(":memory:", f"SELECT doc_id, origin, lang FROM read_parquet('{parquet('documents')}')")
    assert len(docs) == 6 and {lang for _, _, lang in docs} == {"fr", "en"}
    rejected = rows(":memory:", f"SELECT origin, stage FROM read_parquet('{parquet('rejections')}')")
    assert [(o.rsplit("/", 1)[-1], stage) for o, stage in rejected] == [("en_short.txt", "extract")]
    ray_mentions = rows(":memory:", f"SELECT mention_id FROM read_parquet('{parquet('mentions')}') ORDER BY 1")
    assert len(ray_mentions) >= 5

    # the same inputs through the local in-process runner
    with Store(local_db) as store:
        local = ingest([str(corpus)], store, Settings(batch_size=2), published=PUBLISHED, pipeline=pipeline)
    assert local.documents == 6

    assert main(["load", str(out), "--db", str(ray_db), "--quiet"]) == 0
    events = "SELECT event_id, seq, link_key, cameo, num_mentions, num_sources, num_articles FROM events ORDER BY event_id"
    mentions = "SELECT * EXCLUDE (run_id, added_at) FROM mentions ORDER BY mention_id"
    assert rows(ray_db, events) == rows(local_db, events)
    assert rows(ray_db, mentions) == rows(local_db, mentions)
    assert [(m,) for m, *_ in rows(ray_db, mentions)] == ray_mentions
    counts = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_origins), " \
             "(SELECT count(*) FROM events), (SELECT count(*) FROM mentions), (SELECT count(*) FROM rejections), " \
             "(SELECT sum(mentions) FROM actors)"
    first = rows(ray_db, counts)
    assert first[0][:2] == (6, 6)

    # loading again adds nothing; loading onto the local ingest doubles nothing
    assert main(["load", str(out), "--db", str(ray_db), "--quiet"]) == 0
    assert rows(ray_db, counts) == first
    before = rows(local_db, counts)
    assert main(["load", str(out), "--db", str(local_db), "--quiet"]) == 0
    assert rows(local_db, counts)[0][:4] == before[0][:4]
    assert rows(local_db, events) == rows(ray_db, events)
