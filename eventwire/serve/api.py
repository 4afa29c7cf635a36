"""The FastAPI app: read routes over a store, the dashboard at /, and optional coding.

``create_app`` builds it; ``serve`` runs it with uvicorn (``eventwire serve``). The app only
reads the store (read-only DuckDB); POST /api/code exists only with an operator's token.
The OpenAPI description is at /openapi.json; the interactive /docs page is off because it
loads its scripts from a CDN and the app works offline.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings
from . import aggregates, articles, coding, errors, events
from .reader import Reader

DASHBOARD = Path(str(resources.files("eventwire") / "serve" / "dashboard"))
HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db_path: str | Path, *, code_token: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``db_path``; POST /api/code only when ``code_token`` is set."""
    reader = Reader(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced PLOVER events coded from news: articles, events with their evidence, "
                              "actors, places and daily counts. Every error has one JSON shape (ErrorBody).")
    app.state.reader = reader
    errors.install(app)
    app.middleware("http")(_security_headers)
    for module in (articles, events, aggregates):
        app.include_router(module.router)
    if code_token:
        app.include_router(coding.router(code_token, settings or Settings()))
    app.mount("/static", StaticFiles(directory=DASHBOARD), name="static")
    app.add_api_route("/", _index, include_in_schema=False)
    return app


async def _index() -> FileResponse:
    return FileResponse(DASHBOARD / "index.html", media_type="text/html")


async def _security_headers(request: Request, call_next) -> Response:  # noqa: ANN001 - Starlette's type
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn until interrupted (``eventwire serve``)."""
    import uvicorn

    uvicorn.run(create_app(db, code_token=token), host=host, port=port, log_level="info")
