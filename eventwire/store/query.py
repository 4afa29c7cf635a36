"""Queries over the stored events: filters as keyword options, rows as dicts.

The filters are those an analyst asks first: when, what type, how certain, who (actor or
recipient country), where, which outlet, and words of the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .duckdb import Store

COLUMNS = ("article_id", "event_id", "date", "published", "outlet", "event_type", "mode", "modality",
           "actor_names", "actor_countries", "recipient_names", "recipient_countries", "place_names",
           "size", "size_unit", "source_name", "trigger", "evidence")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; None means any."""

    since: str | None = None        # YYYY-MM-DD, on the event date, else the article's date
    until: str | None = None
    event_type: str | None = None
    modality: str | None = None
    country: str | None = None      # ISO alpha-3, as actor or recipient
    place: str | None = None        # a place name or its country code
    outlet: str | None = None
    text: str | None = None         # words in the evidence sentence
    limit: int = 100


DAY = "COALESCE(left(e.date, 10), a.published)"


def where(selection: EventFilter) -> tuple[str, list[object]]:
    """The WHERE clause of ``selection`` over ``events e JOIN articles a``, and its parameters."""
    clauses, params = ["1 = 1"], []
    if selection.since:
        clauses.append(f"{DAY} >= ?")
        params.append(selection.since)
    if selection.until:
        clauses.append(f"{DAY} <= ?")
        params.append(selection.until + "~")
    for column, value in (("e.event_type", selection.event_type), ("e.modality", selection.modality),
                          ("a.outlet", selection.outlet)):
        if value:
            clauses.append(f"lower({column}) = lower(?)")
            params.append(value)
    if selection.country:
        clauses.append("(list_contains(e.actor_countries, ?) OR list_contains(e.recipient_countries, ?))")
        params += [selection.country.upper()] * 2
    if selection.place:
        clauses.append("(list_contains(e.place_countries, upper(?)) OR "
                       "list_contains(list_transform(e.place_names, lambda x: lower(x)), lower(?)))")
        params += [selection.place] * 2
    if selection.text:
        clauses.append("e.evidence ILIKE ?")
        params.append(f"%{selection.text}%")
    return " AND ".join(clauses), params


def query_events(store: Store, selection: EventFilter) -> list[dict[str, object]]:
    """The stored events that pass ``selection``, newest first."""
    clause, params = where(selection)
    sql = (f"SELECT e.article_id, e.event_id, e.date, a.published, a.outlet, e.event_type, e.mode, "
           f"e.modality, e.actor_names, e.actor_countries, e.recipient_names, e.recipient_countries, "
           f"e.place_names, e.size, e.size_unit, e.source_name, e.trigger, e.evidence "
           f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {clause} "
           f"ORDER BY {DAY} DESC NULLS LAST, e.article_id, e.event_id LIMIT ?")
    rows = store.db.execute(sql, params + [selection.limit]).fetchall()
    return [dict(zip(COLUMNS, row)) for row in rows]
