"""One JSON error shape for every error the API returns, as Datasette's ``error_body``.

    {"ok": false, "status": 422, "title": "Invalid request", "error": "limit: ...",
     "errors": [{"location": "query.limit", "message": "..."}]}

``errors`` is present only for invalid requests, one item per bad parameter.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

LOG = logging.getLogger("eventwire.serve")
TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 413: "Too large", 422: "Invalid request",
          500: "Server error", 503: "Store unavailable"}


class ErrorItem(BaseModel):
    location: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: bool = False
    status: int
    title: str
    error: str
    errors: list[ErrorItem] | None = None


ERROR_RESPONSES = {status: {"model": ErrorBody, "description": TITLES[status]}
                   for status in (404, 422, 503)}


class ApiError(Exception):
    """An error a route raises on purpose: its status and a message that says what to do."""

    def __init__(self, status: int, error: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.headers = headers


def error_body(status: int, error: str, *, errors: list[ErrorItem] | None = None) -> dict[str, object]:
    """The error shape as a dict (``errors`` left out when there are none)."""
    body = ErrorBody(status=status, title=TITLES.get(status, "Error"), error=error, errors=errors)
    return body.model_dump(exclude_none=True)


def install(app: FastAPI) -> None:
    """Route every kind of error through ``error_body``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _unexpected)


async def _api_error(request: Request, error: ApiError) -> JSONResponse:
    return JSONResponse(error_body(error.status, error.error), status_code=error.status, headers=error.headers)


async def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    text = error.detail if isinstance(error.detail, str) else TITLES.get(error.status_code, "Error")
    if error.status_code == 404 and text == "Not Found":
        text = f"no such page: {request.url.path}"
    return JSONResponse(error_body(error.status_code, text), status_code=error.status_code,
                        headers=getattr(error, "headers", None))


async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
    items = [ErrorItem(location=".".join(str(part) for part in item.get("loc", ())),
                       message=str(item.get("msg", "invalid"))) for item in error.errors()]
    summary = "; ".join(f"{item.location}: {item.message}" for item in items) or "invalid request"
    return JSONResponse(error_body(422, summary, errors=items), status_code=422)


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    LOG.exception("unexpected error on %s", request.url.path)
    return JSONResponse(error_body(500, "the server failed on this request; see its log"), status_code=500)
