"""The dashboard: server-rendered pages (Jinja2), htmx for the table and the evidence panel, ECharts
for the timeline, the dyad network and the map (world-atlas shapes), all served from static/.

The front-end libraries come from the npm registry at build time (`make setup` runs `npm ci` and
copies them into static/vendor/); nothing is fetched from a CDN. Without them the pages still
render (the table and the evidence work without JavaScript) and say how to install the charts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..api.app import CursorDep

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("echarts.min.js", "htmx.min.js", "topojson-client.min.js", "countries-110m.json")
PAGE_SIZE = 25

templates = Jinja2Templates(directory=str(HERE / "templates"))

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def vendor_missing() -> list[str]:
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def highlight(text: str | None, spans: dict | None) -> Markup:
    """The sentence with the source, target and trigger spans wrapped in <mark> (overlaps allowed)."""
    if not text:
        return Markup("")
    classes: list[set[str]] = [set() for _ in text]
    for name, span in (spans or {}).items():
        if not span or len(span) != 2:
            continue
        start, end = max(0, int(span[0])), min(len(text), int(span[1]))
        for i in range(start, end):
            classes[i].add(name)
    out, run_start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or classes[i] != classes[run_start]:
            piece = escape(text[run_start:i])
            names = classes[run_start]
            if names:
                css = " ".join(f"hl-{n}" for n in sorted(names))
                out.append(Markup(f'<mark class="{css}" data-role="{" ".join(sorted(names))}">') + piece + Markup("</mark>"))
            else:
                out.append(piece)
            run_start = i
    return Markup("").join(out)


def filters_or_error(request: Request):
    """The dashboard's filters from the URL; a bad one is shown on the page rather than refused."""
    from ..api.app import ApiError, parse_filters
    from ..api.queries import Filters

    try:
        return parse_filters(request.query_params.multi_items()), None
    except ApiError as exc:
        return Filters(), exc.message


def page_offset(request: Request) -> int:
    try:
        return max(0, min(int(request.query_params.get("offset", "0")), 10_000_000))
    except ValueError:
        return 0


def table_context(con, filters, offset: int) -> dict:
    from ..api import queries

    total, events = queries.list_events(con, filters, limit=PAGE_SIZE, offset=offset, sort="-date")
    query = filters.query_string()

    def page_url(new_offset: int) -> str:
        return "/fragments/events?" + urlencode({**query, "offset": new_offset}, doseq=True)

    return {"events": events, "total": total, "offset": offset, "page_size": PAGE_SIZE,
            "prev_url": page_url(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
            "next_url": page_url(offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None}


def error_page(request: Request, status: int, code: str, message: str, detail=None):
    fragment = request.headers.get("hx-request") == "true"
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message,
                                                             "fragment": fragment}, status_code=status)


def add_web_routes(app: FastAPI) -> None:
    from ..api.app import ApiError, CodeRequest, check_id, code_text, get_state

    app.mount("/static", StaticFiles(directory=str(STATIC), check_dir=False), name="static")
    templates.env.filters["highlight"] = highlight
    templates.env.globals["quad_names"] = QUAD_NAMES

    def base_context(request: Request) -> dict:
        missing = vendor_missing()
        return {"vendor_missing": missing, "charts_ready": not missing}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, con: CursorDep):
        from ..api import queries

        filters, problem = filters_or_error(request)
        return templates.TemplateResponse(request, "dashboard.html", {
            **base_context(request), "filters": filters, "problem": problem, "facets": queries.facets(con),
            "modalities": queries.MODALITIES, **table_context(con, filters, page_offset(request))})

    @app.get("/fragments/events", response_class=HTMLResponse, include_in_schema=False)
    def events_fragment(request: Request, con: CursorDep):
        filters, problem = filters_or_error(request)
        return templates.TemplateResponse(request, "_table.html", {
            "problem": problem, **table_context(con, filters, page_offset(request))})

    def evidence_context(con, event_id: str) -> dict:
        from ..api import queries

        check_id(event_id, "event_id")
        event = queries.event_detail(con, event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id}")
        return {"event": event}

    @app.get("/fragments/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def evidence_fragment(event_id: str, request: Request, con: CursorDep):
        return templates.TemplateResponse(request, "_evidence.html", evidence_context(con, event_id))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str, request: Request, con: CursorDep):
        return templates.TemplateResponse(request, "event.html", {**base_context(request),
                                                                  **evidence_context(con, event_id)})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str, request: Request, con: CursorDep):
        from ..api import queries

        check_id(doc_id, "doc_id")
        doc = queries.document_detail(con, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id}")
        focus = request.query_params.get("sentence")
        return templates.TemplateResponse(request, "document.html", {
            **base_context(request), "doc": doc, "pieces": document_pieces(doc),
            "focus": int(focus) if focus and focus.isdigit() else None})

    @app.get("/code", response_class=HTMLResponse, include_in_schema=False)
    def code_page(request: Request):
        return templates.TemplateResponse(request, "code.html", {**base_context(request), "form": {}, "result": None})

    @app.post("/code", response_class=HTMLResponse, include_in_schema=False)
    def code_submit(request: Request, state=Depends(get_state),
                    text: Annotated[str, Form()] = "", lang: Annotated[str, Form()] = "",
                    published: Annotated[str, Form()] = "", kind: Annotated[str, Form()] = "plain"):
        form = {"text": text, "lang": lang, "published": published, "kind": kind}
        result, problem = None, None
        try:
            body = CodeRequest(text=text, lang=lang or None, published=published or None, kind=kind or "plain")
        except ValueError as exc:
            errors = exc.errors() if hasattr(exc, "errors") else [{"loc": (), "msg": str(exc)}]
            problem = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'form'}: {e['msg']}" for e in errors)
        else:
            try:
                result = code_text(state, body)
            except ApiError as exc:
                problem = exc.message
        return templates.TemplateResponse(request, "code.html", {**base_context(request), "form": form,
                                                                 "result": result, "problem": problem},
                                          # htmx swaps only successful answers: the problem is shown in the page
                                          status_code=200 if problem is None or request.headers.get("hx-request")
                                          else 422)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {
            "swagger_ready": (VENDOR / "swagger-ui-bundle.js").is_file()})


def document_pieces(doc: dict) -> list[tuple[str, dict | None]]:
    """The document text cut into plain stretches and the event-bearing sentences."""
    text = doc["text"]
    pieces, cursor = [], 0
    for sentence in sorted((s for s in doc["sentences"] if s["start"] >= 0), key=lambda s: s["start"]):
        if sentence["start"] < cursor:
            continue
        pieces.append((text[cursor:sentence["start"]], None))
        pieces.append((text[sentence["start"]:sentence["end"]], sentence))
        cursor = sentence["end"]
    pieces.append((text[cursor:], None))
    return [(t, s) for t, s in pieces if t]
