"""The FastAPI application: routes, error responses, the dashboard and offline API docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import Errors, TidingsError
from .db import Database
from .routes import catalog, events, stances, write

STATIC = Path(__file__).parent / "static"
# Status of each error code; any other TidingsError is a bad request.
_STATUS = {"E201": 404, "E502": 403, "E503": 401, "E504": 403, "E505": 404, "E506": 422}
# The dashboard loads only its own files: no CDN, no tiles, no outside requests at all.
_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
# Swagger UI starts from an inline script.
_DOCS_CSP = _CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def create_app(db: str | Path, *, write_token: str | None = None) -> FastAPI:
    """The server's app over the store at ``db``: read-only unless ``write_token`` is set."""
    database = Database(db, writable=bool(write_token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    # No trailing-slash redirects: an id that decodes to "/" is simply not found.
    app = FastAPI(title="tidings", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=lifespan, redirect_slashes=False,
                  description="PLOVER political events coded from news: query, aggregate, "
                              "download. The dashboard is at `/`.")
    app.state.db = database
    app.state.write_token = write_token or None
    for router in (events.router, catalog.router, stances.router, write.router):
        app.include_router(router)
    _add_error_handlers(app)
    _add_pages(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def _error(status: int, message: str, code: str, **extra: object) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message, "code": code, **extra}, status_code=status,
                        headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> JSONResponse:
        return _error(_STATUS.get(exc.code, 400), str(exc), exc.code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = [str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path")]
            name = ".".join(where) or "request"
            value = err.get("input")
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                shown = value if not isinstance(value, str) or len(value) < 60 else value[:57] + "..."
            else:
                shown = None
            problems.append(Errors.E501.format(name=name, value=shown, detail=err.get("msg", "")))
        status = 422 if any(err.get("loc", ("",))[0] == "body" for err in exc.errors()) else 400
        return _error(status, problems[0] if problems else "E501 bad request", "E501",
                      problems=problems)


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        vendor = "/static/vendor/swagger-ui"
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="tidings API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/favicon-32x32.png",
                                   swagger_ui_parameters={"validatorUrl": None})
        page.headers["Content-Security-Policy"] = _DOCS_CSP
        return page

    @app.get("/api", include_in_schema=False)
    def api_index() -> dict:
        return {"name": "tidings", "version": __version__, "docs": "/docs",
                "openapi": "/openapi.json", "writes": bool(app.state.write_token)}
