"""The app factory: ``create_app(settings)`` builds the ASGI app; nothing happens at import time."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from unveil import __version__
from unveil.per_ad import RuleEvaluator, warm_up
from unveil.web import routes_admin, routes_api, routes_pages
from unveil.web.auth import LoginRequired
from unveil.web.db import Database
from unveil.web.middleware import SecurityHeaders
from unveil.web.rules import load_rules
from unveil.web.settings import Settings
from unveil.web.state import WebState

log = logging.getLogger("unveil.web")
API_PREFIX = "/api/v1"
_RULES_UNSET: Any = object()

DESCRIPTION = """The unveil review workspace API. unveil ranks and explains; a human decides.

Every call needs `Authorization: Bearer <token>` (`unveil users token USER`). Roles: viewers read;
analysts also label, export, ingest and screen; admins also manage users and read the audit log.
Every view of an ad or network, search, label, export and screen is recorded in the audit log."""


def create_app(settings: Settings, *, rules: RuleEvaluator | None = _RULES_UNSET) -> FastAPI:
    """Build the workspace app for ``settings``.

    Args:
        settings: Where the store is and how to run.
        rules: The indicator rulebook for screening and ingest; default: the one ``unveil analyze`` uses.

    The store is opened when the app starts (lifespan) and closed when it stops.
    """
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = WebState(settings=settings, db=Database(settings.db, settings.pool_size),
                         rules=load_rules() if rules is _RULES_UNSET else rules)
        app.state.unveil = state
        keep_scans = getattr(state.rules, "keep_scans", None)
        if keep_scans is not None:
            keep_scans(0)  # screened and searched text is not kept in memory once answered
        # The extractors and rules load their tables on first use (about a second): pay it at start-up,
        # not in the first reviewer's search or the first screened ad.
        warm_up(state.rules)
        with state.db.use() as store:
            if not store.count("users"):
                log.warning("no accounts yet: stop the server and run `unveil users add NAME --role admin`")
        try:
            yield
        finally:
            state.db.close()

    app = FastAPI(
        title="unveil workspace API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # the stock docs pages load scripts from a CDN; the OpenAPI document is served below
        redoc_url=None,
        openapi_url=None,
    )
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(packages=[("unveil.web", "static")]), name="static")
    app.include_router(routes_pages.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_api.router, prefix=API_PREFIX)

    @app.get(f"{API_PREFIX}/openapi.json", include_in_schema=False)
    def openapi_document(request: Request) -> JSONResponse:
        routes_api.require_any_credentials(request)
        return JSONResponse(build_openapi(app))

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        from urllib.parse import quote

        target = "/login" if exc.next_path in ("", "/") else f"/login?next={quote(exc.next_path, safe='/')}"
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(API_PREFIX) or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return routes_pages.error_page(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith(API_PREFIX):
            return JSONResponse({"detail": _safe_errors(exc)}, status_code=422)
        return routes_pages.error_page(request, 422, "the form or address is not valid")

    return app


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of the REST API (built once; it needs no store)."""
    if app.openapi_schema is None:
        app.openapi_schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                         routes=app.routes)
    return app.openapi_schema


def _safe_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Validation errors without the submitted values (which may be identifiers)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
