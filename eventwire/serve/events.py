"""/api/events: events filtered as ``eventwire query`` filters, paged and sorted; one event
with its evidence and every value's offsets in the article text."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel

from ..store.query import EventFilter
from . import queries
from .reader import Session
from .errors import ERROR_RESPONSES, ApiError
from .highlights import event_highlights
from .params import Offset, Sort, cursor, event_filter

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)
Id = Annotated[str, Path(min_length=1, max_length=500)]


class EventRow(BaseModel):
    article_id: str
    event_id: str
    date: str | None
    published: str | None
    outlet: str | None
    event_type: str | None
    mode: str | None
    modality: str | None
    quad_class: str | None
    actor_names: list[str] | None
    actor_countries: list[str] | None
    recipient_names: list[str] | None
    recipient_countries: list[str] | None
    place_names: list[str] | None
    lat: float | None
    lon: float | None
    date_precision: str | None
    size: float | None
    size_unit: str | None
    source_name: str | None
    trigger: str | None
    evidence: str | None
    confidence: float | None


class EventPage(BaseModel):
    total: int
    offset: int
    limit: int
    sort: str
    items: list[EventRow]


class Highlight(BaseModel):
    role: str
    start: int
    end: int
    text: str
    label: str


class ArticleText(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    text: str


class EventDetail(BaseModel):
    """The event as its record has it, the article's text, and the spans to highlight in it."""

    article: ArticleText
    event: dict[str, Any]
    quotes: list[dict[str, Any]]
    highlights: list[Highlight]


@router.get("", response_model=EventPage, summary="Events, filtered, paged and sorted")
def list_events(db: Annotated[Session, Depends(cursor)],
                selection: Annotated[EventFilter, Depends(event_filter)], offset: Offset = 0,
                sort: Annotated[Sort, Query(description="order; '-' is descending")] = "-date") -> dict[str, Any]:
    total, rows = queries.events_page(db, selection, offset=offset, sort=sort)
    return {"total": total, "offset": offset, "limit": selection.limit, "sort": sort, "items": rows}


@router.get("/{article_id}/{event_id}", response_model=EventDetail, summary="One event with its evidence")
def get_event(article_id: Id, event_id: Id,
              db: Annotated[Session, Depends(cursor)]) -> dict[str, Any]:
    article = queries.article_record(db, article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    record = article["record"] or {}
    event = next((e for e in record.get("events", []) if e.get("id") == event_id), None)
    if event is None:
        raise ApiError(404, f"article {article_id!r} has no event {event_id!r}")
    quotes = record.get("quotes", [])
    text = article["text"] or ""
    return {"article": {key: article[key] for key in ("id", "url", "outlet", "title", "published")} | {"text": text},
            "event": event, "quotes": quotes, "highlights": event_highlights(text, event, quotes)}
