"""The dashboard's pages and fragments as HTML, in process (no browser)."""
from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(web_db, pipeline):
    from eventwire.api import ApiLimits, create_app

    with TestClient(create_app(web_db, pipeline=pipeline, limits=ApiLimits(rate_burst=0))) as test_client:
        yield test_client


def rows(html: str) -> list[str]:
    return re.findall(r'<tr class="event-row quad-(\d)" data-event-id="([0-9a-f]{16})"', html)


def test_dashboard_renders_filters_table_and_chart_slots(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    for view in ("timeline", "network", "map", "events-table", "evidence"):
        assert f'id="{view}"' in html
    assert rows(html)
    # every script and stylesheet comes from the app itself: no CDN
    sources = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert sources and all(s.startswith("/static/") for s in sources), sources


def test_filters_from_the_url_fill_the_form_and_the_table(client):
    html = client.get("/?quad_class=4&country=FRA").text
    assert '<option value="4" selected>' in html
    assert 'name="country" value="FRA"' in html
    found = rows(html)
    assert found and {q for q, _ in found} == {"4"}
    assert len(found) < len(rows(client.get("/").text))


def test_a_bad_filter_is_shown_not_refused(client):
    page = client.get("/?start=someday")
    assert page.status_code == 200
    assert 'id="filter-problem"' in page.text and "YYYY-MM-DD" in page.text


def test_table_fragment_pages(client):
    fragment = client.get("/fragments/events?offset=0").text
    assert "<html" not in fragment and rows(fragment)
    total = int(re.search(r'data-total="(\d+)"', fragment).group(1))
    second = client.get("/fragments/events?offset=25").text
    assert len(rows(second)) == max(0, min(25, total - 25))
    assert "No events match" in client.get("/fragments/events?country=ISL").text


def test_evidence_fragment_highlights_source_trigger_and_target(client):
    event = client.get("/api/events", params={"place": "Berlin"}).json()["events"][0]
    fragment = client.get(f"/fragments/events/{event['event_id']}").text
    text = event["sentence_text"]
    for role in ("source", "trigger", "target"):
        start, end = event[role]["span"]
        assert f'<mark class="hl-{role}" data-role="{role}">{text[start:end]}</mark>' in fragment, role
    assert f'href="/documents/{event["doc_id"]}?sentence={event["sentence"]}' in fragment
    assert "https://continental-desk.example/europe/310" in fragment
    assert client.get(f"/events/{event['event_id']}").status_code == 200


def test_document_page_marks_event_sentences(client):
    event = client.get("/api/events", params={"place": "Arusha"}).json()["events"][0]
    page = client.get(f"/documents/{event['doc_id']}?sentence={event['sentence']}")
    assert page.status_code == 200
    assert f'id="s{event["sentence"]}" class="event-sentence focus"' in page.text
    assert f'href="/events/{event["event_id"]}"' in page.text


def test_missing_pages_answer_html_to_browsers_and_json_to_programs(client):
    page = client.get("/events/0123456789abcdef", headers=HTML)
    assert page.status_code == 404 and "<html" in page.text and "no event" in page.text
    api = client.get("/events/0123456789abcdef", headers={"accept": "application/json"})
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert client.get("/documents/xyz", headers=HTML).status_code == 422


def test_code_page_form(client):
    assert 'id="code-form"' in client.get("/code").text
    page = client.post("/code", data={"text": "Kenya and Uganda signed a border agreement in Kampala on Friday.",
                                      "lang": "en", "published": "2024-05-10", "kind": "plain"})
    assert page.status_code == 200, page.text
    assert 'id="code-summary"' in page.text and 'class="coded-event' in page.text
    refused = client.post("/code", data={"text": "", "lang": "xx"})
    assert refused.status_code == 422 and 'id="code-problem"' in refused.text
    # htmx swaps only successful answers, so it gets the problem with a 200
    shown = client.post("/code", data={"text": ""}, headers={"hx-request": "true"})
    assert shown.status_code == 200 and 'id="code-problem"' in shown.text


def test_pages_work_without_the_front_end_libraries(client, monkeypatch, tmp_path):
    import eventwire.web as web

    monkeypatch.setattr(web, "VENDOR", tmp_path / "no-vendor")
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="vendor-missing"' in page.text and "make setup" in page.text
    assert "echarts.min.js" not in re.sub(r'<div class="banner warn".*?</div>', "", page.text, flags=re.S)
    assert rows(page.text)                                    # the table is still there
    assert "make setup" in client.get("/docs").text and "/openapi.json" in client.get("/docs").text
    assert client.get("/api/stats/timeline").status_code == 200
