"""POST /api/code: code a posted article and return its record (stateless: nothing is stored).

Off by default: without an operator's token the route does not exist (404), so a read-only
deployment exposes no coding. With a token, a request without ``Authorization: Bearer
<token>`` (or with another token) gets 401. Coding runs one article at a time.
"""

from __future__ import annotations

import hmac
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field, model_validator

from ..config import Settings
from ..errors import InputError, InputTooLarge
from ..ingest import article_from_text
from ..pipeline import code_article
from .errors import ERROR_RESPONSES, ErrorBody, ApiError

LOCK = threading.Lock()


class CodeRequest(BaseModel):
    """One article as text or as an HTML page (exactly one of the two)."""

    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    id: str | None = Field(default=None, min_length=1, max_length=500)

    @model_validator(mode="after")
    def _one_body(self) -> CodeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


def router(token: str, settings: Settings) -> APIRouter:
    """The coding route, guarded by ``token``."""
    routes = APIRouter(prefix="/api", tags=["coding"],
                       responses=ERROR_RESPONSES | {401: {"model": ErrorBody, "description": "Unauthorized"},
                                                    413: {"model": ErrorBody, "description": "Too large"}})

    @routes.post("/code", summary="Code one posted article; returns its record")
    def code(body: CodeRequest, request: Request,
             authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        _check(authorization, token)
        return _code(body, settings)

    return routes


def _check(authorization: str | None, token: str) -> None:
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "send the operator's token as 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})


def _code(body: CodeRequest, settings: Settings) -> dict[str, Any]:
    try:
        article = article_from_text(body.text or body.html or "", settings=settings,
                                    published=body.published.isoformat() if body.published else None,
                                    outlet=body.outlet, url=body.url, title=body.title,
                                    article_id=body.id, source="the posted article")
        with LOCK:
            return code_article(article, settings).to_dict()
    except InputTooLarge as error:
        raise ApiError(413, str(error)) from error
    except InputError as error:
        raise ApiError(422, f"[{error.code}] {error}") from error
