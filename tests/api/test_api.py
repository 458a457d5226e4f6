"""The HTTP API in process: every endpoint, its filters, its pagination and its errors."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from eventwire.model import Event

from .conftest import TOKEN, make_client
from .corpus import DISPATCHES

pytestmark = pytest.mark.slow

EVENT_KEYS = set(Event.__dataclass_fields__) - {"when", "plover_type", "plover_mode"}
EVENT_KEYS |= {"plover", "date", "date_precision", "date_method"}


def assert_error(response, status: int, code: str, *words: str):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code, body
    for word in words:
        assert word in body["error"]["message"], body["error"]["message"]
    return body["error"]


def all_events(client, **params):
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert body["total"] == len(body["events"])
    return body["events"]


# -- health and listing --------------------------------------------------------------------------

def test_health_counts_the_database(client, con):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["events"] == con.execute("SELECT count(*) FROM events").fetchone()[0] > 10
    assert body["documents"] == len(DISPATCHES)
    assert body["ingest_enabled"] is True
    assert body["first"] <= body["last"]


def test_events_have_the_event_record_shape_and_counts(client, con):
    body = client.get("/api/events").json()
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert body["total"] == total and len(body["events"]) == total      # default page of 50 holds them all
    assert body["next_offset"] is None and body["offset"] == 0 and body["sort"] == "-date"
    for event in body["events"]:
        assert EVENT_KEYS <= set(event), EVENT_KEYS - set(event)
        assert {"num_mentions", "num_sources", "num_articles"} <= set(event)
        text = event["sentence_text"]
        start, end = event["source"]["span"]
        assert text[start:end] == event["source"]["text"]
        start, end = event["trigger"]["span"]
        assert 0 <= start < end <= len(text)
        if event["target"] and event["target"]["span"]:
            start, end = event["target"]["span"]
            assert text[start:end] == event["target"]["text"]
    dates = [e["date"] for e in body["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_pagination_walks_every_event_once(client):
    everything = [e["event_id"] for e in all_events(client)]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        assert len(page["events"]) <= 4
        seen += [e["event_id"] for e in page["events"]]
        offset = page["next_offset"]
    assert seen == everything
    past = client.get("/api/events", params={"offset": 1000}).json()
    assert past["events"] == [] and past["total"] == len(everything)


@pytest.mark.parametrize("sort, key, reverse", [
    ("date", "date", False), ("-date", "date", True), ("goldstein", "goldstein", False),
    ("-goldstein", "goldstein", True), ("-mentions", "num_mentions", True)])
def test_sorting(client, sort, key, reverse):
    values = [e[key] for e in all_events(client, sort=sort) if e[key] is not None]
    assert values == sorted(values, reverse=reverse)


# -- filters -------------------------------------------------------------------------------------

def test_date_range(client):
    from datetime import date, timedelta

    everything = all_events(client)
    days = sorted({e["date"] for e in everything if e["date"]})
    assert len(days) >= 3, days
    first = date.fromisoformat(days[0])
    start, end = days[0], (first + timedelta(days=2)).isoformat()
    events = all_events(client, start=start, end=end)
    assert events and all(start <= e["date"] <= end for e in events)
    assert len(events) < len(everything)
    later = days[-1]
    assert all(e["date"] >= later for e in all_events(client, start=later))


def test_actor_by_code_prefix_and_by_name(client):
    by_code = all_events(client, actor="FRA")
    assert by_code and all(e["source"]["code"].startswith("FRA") or (e["target"] or {}).get("code", "").startswith("FRA")
                           or "fra" in ((e["source"]["name"] or "") + ((e["target"] or {}).get("name") or "")).lower()
                           for e in by_code)
    assert "FRAGOV" in {e["source"]["code"] for e in by_code} | {(e["target"] or {}).get("code") for e in by_code}
    exact = all_events(client, actor="rusmil")           # codes are matched case-insensitively
    assert exact and all("RUSMIL" in (e["source"]["code"], (e["target"] or {}).get("code")) for e in exact)
    by_name = all_events(client, actor="Xi Jinping")
    assert by_name and all("CHNGOV" in (e["source"]["code"], (e["target"] or {}).get("code")) for e in by_name)


def test_country_matches_source_target_or_place(client):
    events = all_events(client, country="ukr")
    assert events
    for e in events:
        countries = {e["source"]["country"], (e["target"] or {}).get("country"), (e["place"] or {}).get("country")}
        assert "UKR" in countries
    assert all_events(client, country="ISL") == []


def test_root_code_quad_class_and_modality(client):
    assert {e["root"] for e in all_events(client, root="17")} == {"17"}
    assert {e["root"] for e in all_events(client, root="4")} == {"04"}
    both = all_events(client, root="17,04")
    assert {e["root"] for e in both} == {"17", "04"}
    assert len(all_events(client, root=["17", "04"])) == len(both)
    assert {e["cameo"] for e in all_events(client, code="057")} == {"057"}
    assert {e["quad_class"] for e in all_events(client, quad_class="4")} == {4}
    assert {e["quad_class"] for e in all_events(client, quad_class="1,4")} == {1, 4}
    intended = all_events(client, modality="intended")
    assert intended and {e["modality"] for e in intended} == {"intended"}
    assert {e["modality"] for e in all_events(client, modality=["asserted", "reported"])} == {"asserted", "reported"}


def test_place_name_and_bounding_box(client):
    berlin = all_events(client, place="berl")
    assert berlin and {e["place"]["name"] for e in berlin} == {"Berlin"}
    europe = all_events(client, bbox="-10,35,40,60")
    assert europe and all(-10 <= e["place"]["lon"] <= 40 and 35 <= e["place"]["lat"] <= 60 for e in europe)
    assert {"Berlin", "Marseille", "Sumy"} <= {e["place"]["name"] for e in europe}
    assert "Dakar" not in {e["place"]["name"] for e in europe}
    # a box across the antimeridian holds nothing here
    assert all_events(client, bbox="170,-50,-170,50") == []


def test_text_search_and_language(client):
    marseille = all_events(client, q="manifestants")
    assert marseille and all("manifestants" in e["sentence_text"] for e in marseille)
    assert all(e["lang"] == "fr" for e in all_events(client, lang="fr"))
    assert all(e["lang"] == "en" for e in all_events(client, lang="en"))
    assert all_events(client, q="100%_not_there") == []    # LIKE wildcards are taken literally
    assert all_events(client, q="%") == [] and all_events(client, actor="_") == []
    assert all_events(client, q="senegalais") == all_events(client, q="Sénégalais") != []   # accents folded


def test_filters_combine(client):
    events = all_events(client, country="FRA", quad_class=4)
    assert events and all(e["quad_class"] == 4 for e in events)
    assert len(events) < len(all_events(client, country="FRA"))
    body = client.get("/api/events", params={"country": "FRA", "quad_class": "4", "start": ""}).json()
    assert body["filters"] == {"country": "FRA", "quad_class": ["4"]}     # empty values are ignored


# -- CSV -----------------------------------------------------------------------------------------

def test_csv_download_has_every_matching_event(client):
    response = client.get("/api/events", params={"format": "csv", "limit": 2})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == client.get("/api/events").json()["total"]     # limit/offset do not cut a download
    assert {"event_id", "date", "source_code", "target_code", "cameo", "quad_class", "goldstein", "lat", "lon",
            "num_mentions", "sentence_text"} <= set(rows[0])
    assert all(r["sentence_text"] for r in rows)
    ukraine = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv", "country": "UKR"}).text)))
    assert ukraine and len(ukraine) == len(all_events(client, country="UKR"))


# -- one event, one document ----------------------------------------------------------------------

def test_event_detail_has_mentions_documents_and_evidence(client):
    first = [e for e in all_events(client, place="Sumy") if e["source"]["code"] == "RUSMIL"][0]
    body = client.get(f"/api/events/{first['event_id']}").json()
    assert body["event_id"] == first["event_id"] and body["cameo"] == first["cameo"]
    assert len(body["mentions"]) == body["num_mentions"] >= 1
    mention = body["mentions"][0]
    assert mention["sentence_text"] and mention["spans"]["source"] and mention["spans"]["trigger"]
    [doc] = body["documents"]
    assert doc["url"] == "https://eastern-front-news.example/ua/2201" and doc["lang"] == "en"
    assert doc["published"] == "2024-05-07" and doc["articles"][0]["source"] == "eastern-front-news.example"
    evidence = body["evidence"]
    text = evidence["sentence_text"]
    assert evidence["spans"] == {"source": first["source"]["span"], "target": first["target"]["span"],
                                 "trigger": first["trigger"]["span"]}
    start, end = evidence["spans"]["source"]
    assert text[start:end] == "Russian troops"


def test_document_detail(client):
    event = all_events(client, place="Arusha")[0]
    doc = client.get(f"/api/documents/{event['doc_id']}").json()
    assert "Tanzania" in doc["text"] and doc["lang"] == "en"
    [sentence] = doc["sentences"]
    assert doc["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert event["event_id"] in sentence["events"]


def test_unknown_and_malformed_ids(client):
    assert_error(client.get("/api/events/0123456789abcdef"), 404, "not_found", "0123456789abcdef")
    assert_error(client.get("/api/events/not-an-id"), 422, "invalid_parameter", "event_id")
    assert_error(client.get("/api/documents/0123456789abcdef"), 404, "not_found")
    assert_error(client.get("/api/documents/DROP TABLE"), 422, "invalid_parameter", "doc_id")


# -- statistics -----------------------------------------------------------------------------------

def test_timeline_counts_day_events_by_quad_class(client, con):
    body = client.get("/api/stats/timeline").json()
    days = [date.fromisoformat(d) for d in body["buckets"]]
    assert all((b - a).days == 1 for a, b in zip(days, days[1:]))          # gaps filled
    assert [s["quad_class"] for s in body["series"]] == [1, 2, 3, 4]
    assert all(len(s["counts"]) == len(days) for s in body["series"])
    day_events = con.execute("SELECT count(*) FROM events WHERE date_precision = 'day'").fetchone()[0]
    assert sum(sum(s["counts"]) for s in body["series"]) == body["total"] == day_events
    assert body["undated"] + body["less_precise"] + body["total"] == client.get("/api/events").json()["total"]
    conflict = client.get("/api/stats/timeline", params={"quad_class": 4}).json()
    assert conflict["total"] == len(all_events(client, quad_class=4)) < body["total"]
    assert all(sum(s["counts"]) == 0 for s in conflict["series"] if s["quad_class"] != 4)
    weeks = client.get("/api/stats/timeline", params={"bucket": "week"}).json()
    assert weeks["total"] == body["total"] and len(weeks["buckets"]) < len(days)
    assert client.get("/api/stats/timeline", params={"bucket": "month"}).json()["buckets"][0].endswith("-01")
    empty = client.get("/api/stats/timeline", params={"country": "ISL"}).json()
    assert empty["buckets"] == [] and empty["total"] == 0


def test_dyads_are_top_pairs_with_mean_goldstein(client):
    body = client.get("/api/stats/dyads").json()
    edges = body["edges"]
    assert edges and [e["events"] for e in edges] == sorted((e["events"] for e in edges), reverse=True)
    codes = {n["code"] for n in body["nodes"]}
    assert all(e["source"] in codes and e["target"] in codes for e in edges)
    assert all(-10 <= e["goldstein_mean"] <= 10 for e in edges)
    assert any(e["goldstein_mean"] < 0 for e in edges) and any(e["goldstein_mean"] > 0 for e in edges)
    assert len(client.get("/api/stats/dyads", params={"limit": 2}).json()["edges"]) == 2
    cooperation = client.get("/api/stats/dyads", params={"quad_class": 1}).json()["edges"]
    assert cooperation and all(e["goldstein_mean"] >= 0 for e in cooperation)


def test_places_points_and_countries(client):
    body = client.get("/api/stats/places").json()
    names = {p["name"] for p in body["places"]}
    assert len({"Dakar", "Sumy", "Berlin", "Arusha", "Caracas", "Marseille"} & names) >= 5
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in body["places"])
    countries = {c["country"]: c for c in body["countries"]}
    assert countries["UKR"]["numeric"] == "804" and countries["SEN"]["numeric"] == "686"
    assert sum(c["events"] for c in body["countries"]) + body["no_place"] == client.get("/api/events").json()["total"]
    mali = client.get("/api/stats/places", params={"country": "MLI"}).json()
    assert {p["country"] for p in mali["places"]} <= {"MLI", "FRA"} and len(mali["places"]) < len(body["places"])


# -- parameter validation: one error shape ---------------------------------------------------------

@pytest.mark.parametrize("path, params, code, words", [
    ("/api/events", {"start": "2024-13-01"}, "invalid_parameter", ["start", "YYYY-MM-DD"]),
    ("/api/events", {"start": "2024-05-10", "end": "2024-05-01"}, "invalid_parameter", ["before start"]),
    ("/api/events", {"root": "25"}, "invalid_parameter", ["root", "01 to 20"]),
    ("/api/events", {"code": "03a"}, "invalid_parameter", ["code"]),
    ("/api/events", {"quad_class": "5"}, "invalid_parameter", ["quad_class"]),
    ("/api/events", {"modality": "maybe"}, "invalid_parameter", ["modality", "asserted"]),
    ("/api/events", {"country": "France"}, "invalid_parameter", ["country", "alpha-3"]),
    ("/api/events", {"bbox": "1,2,3"}, "invalid_parameter", ["bbox"]),
    ("/api/events", {"bbox": "0,95,10,96"}, "invalid_parameter", ["latitudes"]),
    ("/api/events", {"lang": "de"}, "invalid_parameter", ["lang"]),
    ("/api/events", {"q": "x" * 201}, "invalid_parameter", ["q", "200"]),
    ("/api/events", {"limit": "0"}, "invalid_parameter", ["limit"]),
    ("/api/events", {"limit": "501"}, "invalid_parameter", ["limit", "500"]),
    ("/api/events", {"limit": "ten"}, "invalid_parameter", ["limit"]),
    ("/api/events", {"offset": "-1"}, "invalid_parameter", ["offset"]),
    ("/api/events", {"sort": "random"}, "invalid_parameter", ["sort"]),
    ("/api/events", {"format": "xml"}, "invalid_parameter", ["format"]),
    ("/api/events", {"quadclass": "1"}, "unknown_parameter", ["quadclass", "quad_class"]),
    ("/api/stats/timeline", {"bucket": "year"}, "invalid_parameter", ["bucket"]),
    ("/api/stats/timeline", {"limit": "3"}, "unknown_parameter", ["limit"]),
    ("/api/stats/dyads", {"limit": "1000"}, "invalid_parameter", ["limit"]),
    ("/api/stats/places", {"root": "x"}, "invalid_parameter", ["root"]),
    ("/api/health", {"verbose": "1"}, "unknown_parameter", ["verbose"]),
])
def test_bad_parameters_get_one_error_shape(client, path, params, code, words):
    error = assert_error(client.get(path, params=params), 422, code, *words)
    assert isinstance(error["detail"], list) and error["detail"][0]["parameter"]


def test_several_problems_are_reported_together(client):
    error = assert_error(client.get("/api/events", params={"root": "99", "country": "XX"}), 422, "invalid_parameter")
    assert {d["parameter"] for d in error["detail"]} == {"root", "country"}


def test_unknown_path_and_wrong_method(client):
    assert_error(client.get("/api/nothing"), 404, "not_found", "/api/nothing")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed", "DELETE")


def test_openapi_and_docs_are_served_locally(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places",
            "/api/code", "/api/ingest"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "actor", "country", "root", "quad_class", "modality", "bbox", "q", "limit", "offset",
            "format"} <= names
    from eventwire.web import VENDOR

    page = client.get("/docs")
    assert page.status_code == 200
    if (VENDOR / "swagger-ui-bundle.js").exists():
        assert '<script src="/static/vendor/swagger-ui-bundle.js">' in page.text
    else:                                   # front-end files not built: a pointer to make setup
        assert "make setup" in page.text and 'href="/openapi.json"' in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert "/openapi.json" in client.get("/static/docs.js").text


# -- POST /api/code ---------------------------------------------------------------------------------

def test_code_a_pasted_text(client):
    response = client.post("/api/code", json={
        "text": "Le ministre malien des Affaires étrangères a rencontré mardi à Bamako son homologue nigérien.",
        "published": "2024-03-13"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document"]["lang"] == "fr" and body["document"]["published"] == "2024-03-13"
    assert body["events"] and body["events"][0]["source"]["code"].startswith("MLI")
    assert EVENT_KEYS <= set(body["events"][0])
    assert client.get("/api/health").json()["documents"] == len(DISPATCHES)     # nothing stored


@pytest.mark.parametrize("payload, status, code, words", [
    ({}, 422, "invalid_parameter", ["text"]),
    ({"text": ""}, 422, "invalid_parameter", ["text"]),
    ({"text": "Kenya signed a deal.", "lang": "de"}, 422, "invalid_parameter", ["lang"]),
    ({"text": "Kenya signed a deal.", "published": "yesterday"}, 422, "invalid_parameter", ["published"]),
    ({"text": "Kenya signed a deal.", "colour": "red"}, 422, "invalid_parameter", ["colour"]),
    ({"text": "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland beschlossen, teilte ein Sprecher mit."},
     422, "not_coded", ["language"]),
    ({"text": "x" * 100_001}, 413, "payload_too_large", ["100,000"]),
])
def test_code_refusals(client, payload, status, code, words):
    assert_error(client.post("/api/code", json=payload), status, code, *words)


def test_code_needs_a_json_body(client):
    assert_error(client.post("/api/code", content=b"not json", headers={"content-type": "application/json"}),
                 422, "invalid_parameter")


# -- POST /api/ingest ----------------------------------------------------------------------------------

NEW_DOCUMENT = {"id": "lome-talks", "url": "https://gulf-of-guinea.example/a/3", "published": "2024-05-15", "lang": "en",
                "text": "Togo's foreign minister met his Ghanaian counterpart in Lome on Tuesday to discuss border security."}


def test_ingest_needs_the_token(client):
    error = assert_error(client.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}), 401, "unauthorized", "Bearer")
    assert error
    assert client.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}).headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/ingest", json={"documents": [NEW_DOCUMENT]},
                             headers={"Authorization": "Bearer wrong"}), 403, "forbidden")
    assert_error(client.post("/api/ingest", json={"documents": [NEW_DOCUMENT]},
                             headers={"Authorization": f"Basic {TOKEN}"}), 401, "unauthorized")


def test_ingest_is_disabled_without_a_token(db_copy, pipeline):
    with make_client(db_copy, pipeline) as plain:
        assert plain.get("/api/health").json()["ingest_enabled"] is False
        assert_error(plain.post("/api/ingest", json={"documents": [NEW_DOCUMENT]},
                                headers={"Authorization": "Bearer anything"}), 403, "ingest_disabled", "--token")


def test_ingest_stores_new_documents_once(db_copy, pipeline):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with make_client(db_copy, pipeline, token=TOKEN) as writer:
        before = writer.get("/api/health").json()
        response = writer.post("/api/ingest", json={"documents": [NEW_DOCUMENT, {"text": "   ", "html": None}]},
                               headers=auth)
        assert_error(response, 422, "invalid_parameter", "documents.1")
        response = writer.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}, headers=auth)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["documents_added"] == 1 and body["events_added"] >= 1 and body["rejections"] == []
        after = writer.get("/api/health").json()
        assert after["documents"] == before["documents"] + 1 and after["events"] == before["events"] + body["events_added"]
        assert all_events(writer, place="Lome")
        again = writer.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}, headers=auth).json()
        assert again["documents_added"] == 0 and again["skipped"] == 1
        run = writer.app.state.eventwire.store.con.execute(
            "SELECT status, command FROM runs WHERE run_id = ?", [body["run_id"]]).fetchone()
        assert run == ("done", "serve:ingest")
        rejected = writer.post("/api/ingest", headers=auth, json={"documents": [
            {"id": "de", "text": "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland beschlossen."}]}).json()
        assert rejected["documents_added"] == 0 and rejected["rejections"][0]["stage"] == "language"


def test_ingest_size_limits(db_copy, pipeline):
    from eventwire.api import ApiLimits

    with make_client(db_copy, pipeline, token=TOKEN,
                     limits=ApiLimits(rate_burst=0, max_ingest_documents=2, max_body_bytes=3_000)) as small:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        docs = [{**NEW_DOCUMENT, "id": str(n)} for n in range(3)]
        assert_error(small.post("/api/ingest", json={"documents": docs}, headers=auth), 413, "payload_too_large", "at most 2")
        big = {"documents": [{"text": "word " * 1000}]}
        error = assert_error(small.post("/api/ingest", json=big, headers=auth), 413, "payload_too_large", "3,000")
        assert error["detail"]["limit_bytes"] == 3000
        assert_error(small.post("/api/ingest", json={"documents": []}, headers=auth), 422, "invalid_parameter")


# -- limits ----------------------------------------------------------------------------------------------

def test_request_size_limit_covers_every_endpoint(api_db, pipeline):
    from eventwire.api import ApiLimits

    with make_client(api_db, pipeline, limits=ApiLimits(rate_burst=0, max_body_bytes=1_000)) as small:
        assert_error(small.post("/api/code", json={"text": "a" * 2_000}), 413, "payload_too_large")

        def chunks():                       # no Content-Length: counted as it streams
            for _ in range(10):
                yield b"x" * 500
        assert_error(small.post("/api/code", content=chunks(), headers={"content-type": "application/json"}),
                     413, "payload_too_large")


def test_rate_limit_per_client(api_db, pipeline):
    from eventwire.api import ApiLimits

    with make_client(api_db, pipeline, limits=ApiLimits(rate_burst=3, rate_per_second=0.01)) as limited:
        assert [limited.get("/api/health").status_code for _ in range(3)] == [200] * 3
        response = limited.get("/api/events")
        error = assert_error(response, 429, "rate_limited", "retry")
        assert int(response.headers["retry-after"]) >= 1 and error["detail"]["retry_after_seconds"] >= 1
        assert limited.get("/static/app.css").status_code == 200       # static files do not count


def test_token_bucket_refills():
    from eventwire.api.limits import RateLimit

    now = [0.0]
    limit = RateLimit(None, burst=2, per_second=1.0, clock=lambda: now[0])
    assert [limit.take("a"), limit.take("a")] == [0.0, 0.0]
    assert limit.take("a") > 0 and limit.take("b") == 0.0
    now[0] += 1.0
    assert limit.take("a") == 0.0


def test_parallel_reads(client):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/events", "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places"] * 6
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda p: client.get(p).status_code, paths))
    assert codes == [200] * len(paths)
