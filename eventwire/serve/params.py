"""Query parameters shared by the routes: the event filters, pagination, the sort.

Each is validated by FastAPI from these declarations, so a bad value is a 422 in the one
error shape, and the OpenAPI description lists every choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from fastapi import Query, Request

from ..records import EVENT_TYPES, MODALITIES
from ..store.query import EventFilter
from .queries import SORTS
from .reader import Session

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]
Words = Annotated[str | None, Query(min_length=1, max_length=200)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 (or IGO)")]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]


def cursor(request: Request) -> Iterator[Session]:
    """The request's read-only access to the store, closed after it."""
    db = request.app.state.reader.session()
    try:
        yield db
    finally:
        db.close()


def event_filter(since: Day = None, until: Day = None,
                 type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,  # noqa: A002
                 modality: Annotated[Modality | None, Query()] = None,
                 country: Country = None,
                 place: Annotated[str | None, Query(min_length=1, max_length=200,
                                                    description="a place name or its country code")] = None,
                 outlet: Words = None,
                 text: Annotated[str | None, Query(min_length=1, max_length=200,
                                                   description="words of the evidence sentence")] = None,
                 limit: Limit = 50) -> EventFilter:
    """The filters of ``eventwire query``, read from the query string."""
    return EventFilter(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                       event_type=type, modality=modality, country=country, place=place, outlet=outlet,
                       text=text, limit=limit)
