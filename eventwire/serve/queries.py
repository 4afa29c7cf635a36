"""The SQL behind the read routes: filters as ``EventFilter``, pages, sorts, aggregates.

The filters are ``store.query.where``, the same as ``eventwire query``; the API adds an
offset, a total and a sort.
Every value reaches DuckDB as a bound parameter; only names from the tables below are
spliced into the SQL.
"""

from __future__ import annotations

import json

from ..store.query import COLUMNS, DAY, EventFilter, where
from ..store.stats import DAY as SERIES_DAY
from ..store.stats import KEYS as SERIES_KEYS
from .reader import Session

SORTS = {
    "-date": f"{DAY} DESC NULLS LAST", "date": f"{DAY} ASC NULLS LAST",
    "type": "e.event_type ASC", "modality": "e.modality ASC", "outlet": "a.outlet ASC NULLS LAST",
    "-confidence": "e.confidence DESC NULLS LAST", "-size": "e.size DESC NULLS LAST",
}
EVENT_COLUMNS = COLUMNS + ("quad_class", "date_precision", "lat", "lon", "confidence")
FROM_EVENTS = "FROM events e JOIN articles a ON a.id = e.article_id"
Rows = list[dict[str, object]]


def events_page(db: Session, selection: EventFilter, *, offset: int,
                sort: str) -> tuple[int, Rows]:
    """(number of matching events, the page of them in ``sort`` order)."""
    clause, params = where(selection)
    total = db.execute(f"SELECT count(*) {FROM_EVENTS} WHERE {clause}", params).fetchone()[0]
    columns = ", ".join("a.published" if c == "published" else "a.outlet" if c == "outlet" else f"e.{c}"
                        for c in EVENT_COLUMNS)
    sql = (f"SELECT {columns} {FROM_EVENTS} WHERE {clause} "
           f"ORDER BY {SORTS[sort]}, e.article_id, e.event_id LIMIT ? OFFSET ?")
    rows = db.execute(sql, params + [selection.limit, offset]).fetchall()
    return total, [dict(zip(EVENT_COLUMNS, row)) for row in rows]


def article_record(db: Session, article_id: str) -> dict[str, object] | None:
    """One stored article with its parsed record (None for a duplicate), or None if absent."""
    row = db.execute("SELECT id, url, outlet, title, published, language, text, source, duplicate_of, "
                     "ingested_at, record FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    keys = ("id", "url", "outlet", "title", "published", "language", "text", "source", "duplicate_of",
            "ingested_at", "record")
    article = dict(zip(keys, row))
    article["ingested_at"] = str(article["ingested_at"]) if article["ingested_at"] else None
    article["record"] = json.loads(article["record"]) if article["record"] else None
    return article


def articles_page(db: Session, *, outlet: str | None, since: str | None,
                  until: str | None, limit: int, offset: int) -> tuple[int, Rows]:
    """(number of matching articles, the page of them, newest first)."""
    clauses, params = ["1 = 1"], []
    if outlet:
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    if until:
        clauses.append("a.published <= ?")
        params.append(until)
    clause = " AND ".join(clauses)
    total = db.execute(f"SELECT count(*) FROM articles a WHERE {clause}", params).fetchone()[0]
    keys = ("id", "url", "outlet", "title", "published", "duplicate_of", "events")
    sql = (f"SELECT a.id, a.url, a.outlet, a.title, a.published, a.duplicate_of, "
           f"(SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a WHERE {clause} "
           f"ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
    rows = db.execute(sql, params + [limit, offset]).fetchall()
    return total, [dict(zip(keys, row)) for row in rows]


def actors_page(db: Session, *, country: str | None, name: str | None,
                limit: int, offset: int) -> tuple[int, Rows]:
    """Actors as resolved (name, country, sector, kind) with their mentions, most mentioned first."""
    clauses, params = ["1 = 1"], []
    if country:
        clauses.append("upper(country) = upper(?)")
        params.append(country)
    if name:
        clauses.append("COALESCE(name, text) ILIKE ?")
        params.append(f"%{name}%")
    grouped = (f"SELECT COALESCE(name, text) AS name, country, sector, kind, count(*) AS mentions, "
               f"count(DISTINCT article_id) AS articles FROM actors WHERE {' AND '.join(clauses)} "
               f"GROUP BY ALL")
    total = db.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    rows = db.execute(f"{grouped} ORDER BY mentions DESC, name, country NULLS LAST, sector NULLS LAST, "
                      f"kind NULLS LAST LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    keys = ("name", "country", "sector", "kind", "mentions", "articles")
    return total, [dict(zip(keys, row)) for row in rows]


def places_page(db: Session, selection: EventFilter, *, located: bool,
                offset: int) -> tuple[int, Rows]:
    """Places of the selected events with their number of events, most eventful first."""
    clause, params = where(selection)
    if located:
        clause += " AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
    grouped = (f"SELECT COALESCE(p.name, p.text) AS name, p.country, p.admin1, p.feature, "
               f"round(p.lat, 4) AS lat, round(p.lon, 4) AS lon, count(DISTINCT (e.article_id, e.event_id)) "
               f"AS events FROM places p JOIN events e ON e.article_id = p.article_id AND "
               f"e.event_id = p.event_id JOIN articles a ON a.id = e.article_id WHERE {clause} GROUP BY ALL")
    total = db.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    rows = db.execute(f"{grouped} ORDER BY events DESC, name, country NULLS LAST, lat NULLS LAST, "
                      f"lon NULLS LAST LIMIT ? OFFSET ?", params + [selection.limit, offset]).fetchall()
    keys = ("name", "country", "admin1", "feature", "lat", "lon", "events")
    return total, [dict(zip(keys, row)) for row in rows]


def series(db: Session, selection: EventFilter, *, by: str) -> list[tuple[str, str, int]]:
    """(day, type or dyad, events) of the selected events, as ``store.stats.daily_counts`` counts."""
    clause, params = where(selection)
    sql = (f"SELECT {SERIES_DAY} AS day, {SERIES_KEYS[by]} AS key, count(*) {FROM_EVENTS} "
           f"WHERE {clause} AND {SERIES_DAY} IS NOT NULL GROUP BY day, key ORDER BY day, key")
    return [(day, key, count) for day, key, count in db.execute(sql, params).fetchall()]


def dyads(db: Session, selection: EventFilter) -> Rows:
    """Who did what to whom: (actor country, recipient country, quad class, events)."""
    clause, params = where(selection)
    sql = (f"SELECT e.actor_countries[1] AS actor, e.recipient_countries[1] AS recipient, e.quad_class, "
           f"count(*) AS events {FROM_EVENTS} WHERE {clause} AND e.actor_countries[1] IS NOT NULL AND "
           f"e.recipient_countries[1] IS NOT NULL GROUP BY ALL ORDER BY events DESC, actor, recipient, "
           f"e.quad_class NULLS LAST LIMIT ?")
    rows = db.execute(sql, params + [selection.limit]).fetchall()
    return [dict(zip(("actor", "recipient", "quad_class", "events"), row)) for row in rows]


def facets(db: Session) -> dict[str, object]:
    """What the filters can choose from: outlets, countries, the range of days."""
    outlets = db.execute("SELECT a.outlet, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
                         "WHERE a.outlet IS NOT NULL GROUP BY ALL ORDER BY n DESC, a.outlet").fetchall()
    countries = db.execute("SELECT c, count(*) AS n FROM (SELECT unnest(list_distinct(list_concat("
                           "actor_countries, recipient_countries))) AS c FROM events) GROUP BY c "
                           "ORDER BY n DESC, c").fetchall()
    first, last = db.execute(f"SELECT min({DAY}), max({DAY}) {FROM_EVENTS}").fetchone()
    return {"outlets": [{"value": o, "events": n} for o, n in outlets],
            "countries": [{"value": c, "events": n} for c, n in countries],
            "first_day": first, "last_day": last}
