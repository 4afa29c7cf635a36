"""Counts over the store: actors, places, daily series by type or dyad, dyads, facets."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from ..records import EVENT_TYPES, MODALITIES
from ..store.query import EventFilter
from . import queries
from .reader import Session
from .errors import ERROR_RESPONSES
from .params import Country, Limit, Offset, Words, cursor, event_filter

router = APIRouter(prefix="/api", tags=["aggregates"], responses=ERROR_RESPONSES)
Db = Annotated[Session, Depends(cursor)]
Selection = Annotated[EventFilter, Depends(event_filter)]


class ActorRow(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    mentions: int
    articles: int


class ActorPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ActorRow]


class PlaceRow(BaseModel):
    name: str | None
    country: str | None
    admin1: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    events: int


class PlacePage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[PlaceRow]


class Count(BaseModel):
    day: str
    key: str
    count: int


class Series(BaseModel):
    by: str
    rows: list[Count]


class Dyad(BaseModel):
    actor: str
    recipient: str
    quad_class: str | None
    events: int


class Facet(BaseModel):
    value: str
    events: int


class Facets(BaseModel):
    event_types: list[str]
    modalities: list[str]
    outlets: list[Facet]
    countries: list[Facet]
    first_day: str | None
    last_day: str | None


@router.get("/actors", response_model=ActorPage, summary="Actors as resolved, most mentioned first")
def list_actors(db: Db, country: Country = None, name: Words = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
    total, rows = queries.actors_page(db, country=country, name=name, limit=limit, offset=offset)
    return {"total": total, "offset": offset, "limit": limit, "items": rows}


@router.get("/places", response_model=PlacePage, summary="Places of the filtered events")
def list_places(db: Db, selection: Selection, offset: Offset = 0,
                located: Annotated[bool, Query(description="only places with coordinates")] = False) -> dict[str, Any]:
    total, rows = queries.places_page(db, selection, located=located, offset=offset)
    return {"total": total, "offset": offset, "limit": selection.limit, "items": rows}


@router.get("/series", response_model=Series, summary="Events per day by type or dyad")
def get_series(db: Db, selection: Selection,
               by: Annotated[Literal["type", "dyad"], Query(description="count by event type or dyad")] = "type"
               ) -> dict[str, Any]:
    rows = queries.series(db, selection, by=by)
    return {"by": by, "rows": [{"day": d, "key": k, "count": c} for d, k, c in rows]}


@router.get("/dyads", response_model=list[Dyad], summary="Who did what to whom: country pairs by quad class")
def list_dyads(db: Db, selection: Selection) -> list[dict[str, Any]]:
    return queries.dyads(db, selection)


@router.get("/facets", response_model=Facets, summary="The values the filters can take")
def get_facets(db: Db) -> dict[str, Any]:
    return {"event_types": list(EVENT_TYPES), "modalities": list(MODALITIES)} | queries.facets(db)
