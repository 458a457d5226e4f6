"""`eventwire serve`: the HTTP API (FastAPI) over one DuckDB store, and the dashboard pages.

The server owns the database: it opens it for writing once (so it is the single writer DuckDB
allows, and a second writer gets DatabaseBusyError), writes only under a lock, and answers each
read with its own DuckDB cursor so reads run in parallel with each other and with an ingest.
Read endpoints are open; POST /api/ingest needs the bearer token. Every 4xx/5xx answer has one
shape: {"error": {"code", "message", "detail"}}.
"""
from __future__ import annotations

import csv
import hmac
import io
import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import EventwireError
from ..model import RawItem, Rejection, content_id
from ..settings import Settings
from . import queries
from .limits import BodySizeLimit, RateLimit
from .queries import MODALITIES, SORTS, Filters

log = logging.getLogger("eventwire.api")


@dataclass(frozen=True, slots=True)
class ApiLimits:
    max_body_bytes: int = 5_000_000         # any request body
    max_code_bytes: int = 100_000           # the text of one POST /api/code
    max_ingest_documents: int = 1_000       # documents in one POST /api/ingest
    rate_burst: int = 120                   # requests a client may make at once under /api/
    rate_per_second: float = 20.0           # and then per second (0 burst = no limit)
    max_page: int = 500                     # events per page
    max_csv_rows: int = 200_000             # rows in one CSV download


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, detail=None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.detail, self.headers = status, code, message, detail, headers


def error_response(status: int, code: str, message: str, detail=None, headers=None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "detail": detail}}, status_code=status,
                        headers=headers)


HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
              415: "unsupported_media_type", 422: "invalid_parameter", 429: "rate_limited"}


# -- application state ------------------------------------------------------------------------

class ServerState:
    """The store, the lock every write takes, and the coding pipeline (loaded once, on first use)."""

    def __init__(self, db_path: str | Path, settings: Settings, token: str | None, pipeline, limits: ApiLimits):
        from ..store import Store

        self.store = Store(db_path)
        self.db_path = Path(db_path)
        self.settings = settings
        self.token = token or None
        self.limits = limits
        self.write_lock = threading.Lock()
        self.pipeline_lock = threading.Lock()
        self._pipeline = pipeline
        self.closed = False

    def reader(self):
        """A DuckDB cursor of its own for one request (thread-safe alongside the writer)."""
        if self.closed:
            raise ApiError(503, "unavailable", "the server is shutting down")
        return self.store.con.cursor()

    @property
    def pipeline_loaded(self) -> bool:
        return self._pipeline is not None

    def pipeline(self):
        with self.pipeline_lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            return self._pipeline

    def preload(self) -> threading.Thread:
        """Load the models and both languages' lexicons in the background, so that the first
        POST /api/code does not wait for them."""
        warm_up = ("Le ministre des Affaires étrangères a rencontré lundi son homologue à Paris pour discuter.",
                   "The foreign minister met his counterpart in London on Monday to discuss trade.")

        def load():
            # one short text per language: loads the spaCy models, the lexicons and language detection
            self.process([RawItem(item_id=content_id("warm-up", text), origin="warm-up", content=text, kind="plain")
                          for text in warm_up])

        thread = threading.Thread(target=load, name="eventwire-load-models", daemon=True)
        thread.start()
        return thread

    def process(self, items):
        pipeline = self.pipeline()
        with self.pipeline_lock:
            return pipeline.process_batch(items)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            with self.write_lock:
                self.store.close()


def get_state(request: Request) -> ServerState:
    return request.app.state.eventwire


def reader(state: Annotated[ServerState, Depends(get_state)]) -> Iterator:
    cursor = state.reader()
    try:
        yield cursor
    finally:
        cursor.close()


# -- parameters ---------------------------------------------------------------------------------

FILTER_NAMES = ("start", "end", "actor", "country", "root", "code", "quad_class", "modality", "place", "bbox", "q",
                "lang")


def parse_filters(pairs) -> Filters:
    """Filters from query (name, value) pairs; empty values are ignored, list filters may repeat or use commas.
    Raises ApiError 422 naming every bad parameter."""
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        value = value.strip()
        if name in FILTER_NAMES and value:
            values.setdefault(name, []).append(value)
    problems: list[dict] = []

    def bad(name: str, message: str) -> None:
        problems.append({"parameter": name, "in": "query", "message": message})

    def single(name: str) -> str | None:
        found = values.get(name)
        if not found:
            return None
        if len(found) > 1:
            bad(name, "give it once")
        return found[-1]

    def listed(name: str) -> list[str]:
        return [part.strip() for v in values.get(name, []) for part in v.split(",") if part.strip()]

    out: dict = {}
    for name in ("start", "end"):
        text = single(name)
        if text is not None:
            try:
                out[name] = date.fromisoformat(text)
            except ValueError:
                bad(name, f"'{text}' is not a date; use YYYY-MM-DD")
    if out.get("start") and out.get("end") and out["start"] > out["end"]:
        bad("end", f"end {out['end']} is before start {out['start']}")
    for name, limit in (("actor", 100), ("place", 100), ("q", 200)):
        text = single(name)
        if text is not None:
            if len(text) > limit:
                bad(name, f"at most {limit} characters")
            else:
                out[name] = text
    country = single("country")
    if country is not None:
        if len(country) == 3 and country.isascii() and country.isalpha():
            out["country"] = country.upper()
        else:
            bad("country", f"'{country}' is not a three-letter country code (ISO 3166 alpha-3, e.g. MLI)")
    roots = []
    for root in listed("root"):
        if root.isdigit() and len(root) <= 2 and 1 <= int(root) <= 20:
            roots.append(f"{int(root):02d}")
        else:
            bad("root", f"'{root}' is not a CAMEO root; use 01 to 20")
    out["root"] = tuple(sorted(set(roots)))
    code = single("code")
    if code is not None:
        if code.isdigit() and 2 <= len(code) <= 4:
            out["code"] = code
        else:
            bad("code", f"'{code}' is not a CAMEO code; use 2 to 4 digits, e.g. 036")
    quads = []
    for quad in listed("quad_class"):
        if quad in ("1", "2", "3", "4"):
            quads.append(int(quad))
        else:
            bad("quad_class", f"'{quad}' is not a QuadClass; use 1 to 4")
    out["quad_class"] = tuple(sorted(set(quads)))
    modalities = []
    for modality in listed("modality"):
        if modality in MODALITIES:
            modalities.append(modality)
        else:
            bad("modality", f"'{modality}' is not a modality; use {', '.join(MODALITIES)}")
    out["modality"] = tuple(m for m in MODALITIES if m in modalities)
    bbox = single("bbox")
    if bbox is not None:
        try:
            box = tuple(float(v) for v in bbox.split(","))
            if len(box) != 4:
                raise ValueError
        except ValueError:
            bad("bbox", f"'{bbox}' is not min_lon,min_lat,max_lon,max_lat (four numbers)")
        else:
            if not all(-180 <= v <= 180 for v in box[0::2]) or not all(-90 <= v <= 90 for v in box[1::2]):
                bad("bbox", "longitudes must be within -180..180 and latitudes within -90..90")
            elif box[1] > box[3]:
                bad("bbox", "min_lat is above max_lat")
            else:
                out["bbox"] = box
    lang = single("lang")
    if lang is not None:
        if lang in ("fr", "en"):
            out["lang"] = lang
        else:
            bad("lang", f"'{lang}' is not a language eventwire reads; use fr or en")
    if problems:
        raise ApiError(422, "invalid_parameter", "; ".join(f"{p['parameter']}: {p['message']}" for p in problems),
                       problems)
    return Filters(**out)


def check_known(request: Request, allowed: tuple[str, ...]) -> None:
    unknown = sorted({name for name in request.query_params.keys() if name not in allowed})
    if unknown:
        raise ApiError(422, "unknown_parameter",
                       f"unknown query parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                       f"known: {', '.join(allowed)}",
                       [{"parameter": name, "in": "query", "message": "unknown parameter"} for name in unknown])


def filters_dependency(*extra: str):
    allowed = FILTER_NAMES + extra

    def dependency(
        request: Request,
        start: Annotated[str | None, Query(description="events dated on or after this day (YYYY-MM-DD)")] = None,
        end: Annotated[str | None, Query(description="events dated on or before this day (YYYY-MM-DD)")] = None,
        actor: Annotated[str | None, Query(description="actor code prefix (RUS, RUSGOV) or part of a name")] = None,
        country: Annotated[str | None, Query(description="ISO 3166 alpha-3 of the source, target or place")] = None,
        root: Annotated[list[str] | None, Query(description="CAMEO root(s) 01-20; repeat or comma-separate")] = None,
        code: Annotated[str | None, Query(description="CAMEO code prefix, 2-4 digits (036)")] = None,
        quad_class: Annotated[list[str] | None, Query(description="QuadClass 1-4; repeat or comma-separate")] = None,
        modality: Annotated[list[str] | None, Query(description="asserted, intended, negated, hypothetical, reported")] = None,
        place: Annotated[str | None, Query(description="part of the event place's name")] = None,
        bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
        q: Annotated[str | None, Query(description="words in an evidence sentence or an actor's name")] = None,
        lang: Annotated[str | None, Query(description="language of a report: fr or en")] = None,
    ) -> Filters:
        check_known(request, allowed)
        return parse_filters(request.query_params.multi_items())

    return dependency


# -- request bodies -----------------------------------------------------------------------------

class CodeRequest(BaseModel):
    """A text to code. Nothing is stored."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the text (or HTML page when kind is html)")
    lang: Literal["fr", "en"] | None = Field(None, description="skip language detection")
    published: date | None = Field(None, description="publication date: resolves 'lundi', 'last week'")
    kind: Literal["plain", "text", "html"] = Field(
        "plain", description="plain: clean text as is; text: scraped text (page chrome removed); html: a web page")


class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | int | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=2000)
    published: date | None = None
    lang: Literal["fr", "en"] | None = None

    @model_validator(mode="after")
    def has_content(self):
        if not ((self.text and self.text.strip()) or (self.html and self.html.strip())):
            raise ValueError('give "text" or "html" (a non-empty string)')
        return self


class IngestRequest(BaseModel):
    """Documents in eventwire's document-input form (the JSONL lines `eventwire ingest` reads)."""

    model_config = ConfigDict(extra="forbid")
    documents: list[IngestDocument] = Field(min_length=1)
    published: date | None = Field(None, description="publication date for documents that give none")
    lang: Literal["fr", "en"] | None = None


def rejection_json(rejection: Rejection) -> dict:
    return {"origin": rejection.origin, "stage": rejection.stage, "reason": rejection.reason, "detail": rejection.detail}


def code_text(state: ServerState, body: CodeRequest) -> dict:
    """Code one pasted text; raises ApiError for a text too large or rejected."""
    size = len(body.text.encode("utf-8", "surrogatepass"))
    limit = state.limits.max_code_bytes
    if size > limit:
        raise ApiError(413, "payload_too_large",
                       f"text of {size:,} bytes is over the {limit:,}-byte limit of /api/code; "
                       "code a shorter text, or ingest documents with POST /api/ingest", {"limit_bytes": limit})
    published = body.published.isoformat() if body.published else None
    item = RawItem(item_id=content_id(body.kind, body.text), origin="api:code", content=body.text, kind=body.kind,
                   published=published, published_source="api" if published else None, lang=body.lang)
    result = state.process([item])
    if not result.results:
        rejection = result.rejections[0]
        raise ApiError(422, "not_coded", rejection.detail.replace("api:code: ", ""),
                       {"stage": rejection.stage, "reason": rejection.reason})
    doc_result = result.results[0]
    doc = doc_result.document
    return {
        "document": {"doc_id": doc.doc_id, "lang": doc.lang, "title": doc.title, "chars": len(doc.text),
                     "sentences": doc_result.sentences, "published": doc.publication.date,
                     "published_source": doc.publication.source, "year_known": doc.publication.year_known},
        "events": [event.to_json() for event in doc_result.events],
    }


def ingest_documents(state: ServerState, body: IngestRequest) -> dict:
    from ..ingest.readers import read_jsonl_lines
    from ..pipeline import batched
    from ..runners.local import versions

    lines = [json.dumps({k: (v.isoformat() if isinstance(v, date) else v)
                         for k, v in doc.model_dump(exclude_none=True).items()}, ensure_ascii=False)
             for doc in body.documents]
    items = list(read_jsonl_lines(lines, "api", published=body.published.isoformat() if body.published else None,
                                  lang=body.lang))
    settings = state.settings
    totals = {"documents_added": 0, "skipped": 0, "mentions_added": 0, "events_added": 0}
    rejections: list[Rejection] = []
    with state.write_lock:
        if state.closed:
            raise ApiError(503, "unavailable", "the server is shutting down")
        store = state.store
        run_id = store.start_run("serve:ingest", [f"POST /api/ingest ({len(items)} documents)"],
                                 {**asdict(settings), "published": body.published and body.published.isoformat(),
                                  "lang": body.lang}, versions(settings), 1)
        status = "failed"
        try:
            for batch in batched(items, settings.batch_size):
                raw = [i for i in batch if isinstance(i, RawItem)]
                stored = store.stored_doc_ids(i.item_id for i in raw)
                if stored:
                    known = [i for i in raw if i.item_id in stored]
                    store.record_origins(known, run_id)
                    totals["skipped"] += len(known)
                todo = [i for i in batch if isinstance(i, Rejection) or i.item_id not in stored]
                if not todo:
                    continue
                result = state.process(todo)
                counts = store.write_batch(result, run_id)
                totals["documents_added"] += counts.documents
                totals["skipped"] += counts.skipped
                totals["mentions_added"] += counts.mentions
                totals["events_added"] += counts.events
                rejections.extend(result.rejections)
            status = "done"
        finally:
            store.finish_run(run_id, status)
    return {"run_id": run_id, **totals, "rejections": [rejection_json(r) for r in rejections]}


def require_token(request: Request, state: Annotated[ServerState, Depends(get_state)]) -> None:
    if not state.token:
        raise ApiError(403, "ingest_disabled",
                       "ingest is disabled on this server: start it with `eventwire serve --token TOKEN` "
                       "or EVENTWIRE_TOKEN=TOKEN to allow POST /api/ingest")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorized", "POST /api/ingest needs the server's token: send "
                       "'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), state.token.encode()):
        raise ApiError(403, "forbidden", "the bearer token is not this server's token")


# -- the application ----------------------------------------------------------------------------

def create_app(db_path: str | Path, settings: Settings | None = None, token: str | None = None, *,
               pipeline=None, limits: ApiLimits | None = None, preload: bool = False) -> FastAPI:
    """The API and the dashboard over the database at `db_path` (created if missing).

    `pipeline`: a loaded eventwire Pipeline to reuse (else one is loaded on first coding request, or at
    start with `preload`). Raises DatabaseBusyError when another process holds the database."""
    from contextlib import asynccontextmanager

    limits = limits or ApiLimits()
    state = ServerState(db_path, settings or Settings(), token, pipeline, limits)
    if preload:
        state.preload()

    @asynccontextmanager
    async def lifespan(app):
        yield
        state.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political events (CAMEO, PLOVER, GDELT-compatible) coded from French and English news. "
                              "Read endpoints are open; POST /api/ingest needs the server's bearer token. "
                              'Errors: {"error": {"code", "message", "detail"}}.')
    app.state.eventwire = state
    app.add_middleware(RateLimit, burst=limits.rate_burst, per_second=limits.rate_per_second)
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_body_bytes)
    install_error_handlers(app)
    add_api_routes(app)
    from ..web import add_web_routes

    add_web_routes(app)
    return app


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.startswith("/static/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "") or request.headers.get("hx-request") == "true"


def install_error_handlers(app: FastAPI) -> None:
    from ..web import error_page

    def respond(request: Request, status: int, code: str, message: str, detail=None, headers=None):
        if wants_html(request):
            return error_page(request, status, code, message, detail)
        return error_response(status, code, message, detail, headers)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for error in exc.errors():
            loc = [str(part) for part in error.get("loc", ())]
            where = loc[0] if loc else "request"
            name = ".".join(loc[1:]) or where
            problems.append({"parameter": name, "in": where, "message": error.get("msg", "invalid")})
        message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems) or "invalid request"
        return respond(request, 422, "invalid_parameter", message, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, "error" if exc.status_code < 500 else "server_error")
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}; the API is described at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, code, message, None, getattr(exc, "headers", None))

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError):
        return respond(request, 400, "bad_input", str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "server_error", "the server failed to answer; the error is in its log",
                              {"type": type(exc).__name__})


StateDep = Annotated[ServerState, Depends(get_state)]
CursorDep = Annotated[object, Depends(reader)]


def add_api_routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["meta"], summary="Server and database status")
    def health(state: StateDep, con: CursorDep, request: Request):
        check_known(request, ())
        return JSONResponse({"status": "ok", "version": __version__, "database": str(state.db_path),
                             "schema_version": state.store.schema_version(), "ingest_enabled": bool(state.token),
                             "models_loaded": state.pipeline_loaded, **queries.facets(con)})

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, a page at a time, as JSON or CSV")
    def list_events(
        state: StateDep, con: CursorDep,
        filters: Annotated[Filters, Depends(filters_dependency("limit", "offset", "sort", "format"))],
        limit: Annotated[int, Query(ge=1, description="events per page (at most 500)")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        sort: Annotated[Literal[tuple(SORTS)], Query(description="date, mentions or goldstein; '-' for descending")] = "-date",
        format: Annotated[Literal["json", "csv"], Query(description="csv: every matching event as a download")] = "json",
    ):
        if format == "csv":
            return csv_download(con, filters, sort, state.limits.max_csv_rows)
        if limit > state.limits.max_page:
            raise ApiError(422, "invalid_parameter", f"limit: at most {state.limits.max_page} events per page",
                           [{"parameter": "limit", "in": "query", "message": f"at most {state.limits.max_page}"}])
        total, events = queries.list_events(con, filters, limit=limit, offset=offset, sort=sort)
        next_offset = offset + limit if offset + limit < total else None
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "next_offset": next_offset,
                             "sort": sort, "filters": filters.query_string(), "events": events})

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its reports, documents and evidence spans")
    def get_event(event_id: str, con: CursorDep, request: Request):
        check_known(request, ())
        check_id(event_id, "event_id")
        event = queries.event_detail(con, event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id}")
        return JSONResponse(event)

    @app.get("/api/documents/{doc_id}", tags=["events"], summary="One stored document: text, articles, event sentences")
    def get_document(doc_id: str, con: CursorDep, request: Request):
        check_known(request, ())
        check_id(doc_id, "doc_id")
        doc = queries.document_detail(con, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id}")
        return JSONResponse(doc)

    @app.get("/api/stats/timeline", tags=["stats"], summary="Events per day (week, month) stacked by QuadClass")
    def stats_timeline(
        con: CursorDep, filters: Annotated[Filters, Depends(filters_dependency("bucket"))],
        bucket: Annotated[Literal["day", "week", "month"], Query()] = "day",
    ):
        return JSONResponse({"filters": filters.query_string(), **queries.timeline(con, filters, bucket)})

    @app.get("/api/stats/dyads", tags=["stats"], summary="Top source -> target pairs with mean Goldstein")
    def stats_dyads(
        con: CursorDep, filters: Annotated[Filters, Depends(filters_dependency("limit"))],
        limit: Annotated[int, Query(ge=1, le=200)] = 30,
    ):
        return JSONResponse({"filters": filters.query_string(), **queries.dyads(con, filters, limit)})

    @app.get("/api/stats/places", tags=["stats"], summary="Event places (points) and counts per country")
    def stats_places(
        con: CursorDep, filters: Annotated[Filters, Depends(filters_dependency("limit"))],
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ):
        return JSONResponse({"filters": filters.query_string(), **queries.places(con, filters, limit)})

    @app.post("/api/code", tags=["coding"], summary="Code a pasted text (nothing is stored)")
    def post_code(body: CodeRequest, state: StateDep, request: Request):
        check_known(request, ())
        return code_text(state, body)

    @app.post("/api/ingest", tags=["coding"], summary="Code documents into the database (bearer token)",
              dependencies=[Depends(require_token)])
    def post_ingest(body: IngestRequest, state: StateDep, request: Request):
        check_known(request, ())
        if len(body.documents) > state.limits.max_ingest_documents:
            raise ApiError(413, "payload_too_large",
                           f"{len(body.documents)} documents in one request; send at most "
                           f"{state.limits.max_ingest_documents} per request")
        return ingest_documents(state, body)


def check_id(value: str, name: str) -> None:
    if not (len(value) == 16 and all(c in "0123456789abcdef" for c in value)):
        raise ApiError(422, "invalid_parameter", f"{name}: '{value[:40]}' is not an eventwire id (16 hex digits)",
                       [{"parameter": name, "in": "path", "message": "16 lowercase hex digits"}])


def csv_download(con, filters: Filters, sort: str, max_rows: int) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(queries.CSV_COLUMNS)
    writer.writerows(queries.csv_rows(con, filters, sort=sort, limit=max_rows))

    # Built before responding: the request's cursor is closed once the endpoint has returned.
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="eventwire-events.csv"'})


__all__ = ["create_app", "ApiLimits", "ApiError", "parse_filters"]
