"""The embedded store: articles and their coded records in one DuckDB file.

Every write goes through ``Store`` from one process (DuckDB has one writer). An
article and all its rows are written in one transaction, and an article already
stored is never written again, so ingest is idempotent, and a run killed at any
point leaves whole articles only: running it again loses and duplicates nothing.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import duckdb

from ..errors import StoreError, message
from ..records import Article, Event, Record, Skip

SCHEMA = resources.files("eventwire") / "store" / "schema.sql"


class Store:
    """One DuckDB file opened for reading and writing."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path)
        except duckdb.Error as error:
            raise StoreError(message("E500", path=self.path, detail=str(error))) from error
        self.db.execute(SCHEMA.read_text("utf-8"))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self, article: Article, fingerprint: str) -> str | None:
        """The id of a stored article with the same id, URL or normalized text."""
        row = self.db.execute(
            "SELECT COALESCE(duplicate_of, id) FROM articles WHERE id = ? OR fingerprint = ? "
            "OR (url IS NOT NULL AND url = ?) ORDER BY ingested_at LIMIT 1",
            [article.id, fingerprint, article.url]).fetchone()
        return row[0] if row else None

    def has(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def signatures(self) -> list[tuple[str, list[int]]]:
        """Every original's MinHash signature, to rebuild the near-duplicate index."""
        rows = self.db.execute("SELECT id, minhash FROM articles WHERE duplicate_of IS NULL "
                               "AND minhash IS NOT NULL").fetchall()
        return [(row[0], list(row[1])) for row in rows]

    def add_record(self, record: Record, *, source: str, fingerprint: str, minhash: list[int]) -> bool:
        """Store an article and its record in one transaction; False if it was already there."""
        if self.has(record.article.id):
            return False
        self.db.execute("BEGIN TRANSACTION")
        try:
            self._article(record.article, source=source, fingerprint=fingerprint, minhash=minhash,
                          duplicate_of=None, record=record)
            self._parts(record)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    def add_duplicate(self, article: Article, *, source: str, fingerprint: str, duplicate_of: str) -> bool:
        """Record another report of a stored article (not coded again)."""
        if self.has(article.id):
            return False
        self._article(article, source=source, fingerprint=fingerprint, minhash=None,
                      duplicate_of=duplicate_of, record=None)
        return True

    def add_error(self, skip: Skip) -> None:
        """Record an input that could not be coded; the same input and reason only once."""
        self.db.execute("INSERT OR IGNORE INTO errors VALUES (?, ?, ?, ?)",
                        [skip.source, skip.code, skip.reason, _now()])

    def counts(self) -> dict[str, int]:
        """Rows per table, and originals and duplicates among articles."""
        out = {}
        for table in ("articles", "events", "actors", "places", "quotes", "quantities", "errors"):
            out[table] = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        out["duplicates"] = self.db.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
        return out

    def records(self) -> list[Record]:
        """Every stored original's record, in ingest order."""
        rows = self.db.execute("SELECT record FROM articles WHERE record IS NOT NULL "
                               "ORDER BY ingested_at, id").fetchall()
        return [Record.from_dict(json.loads(row[0])) for row in rows]

    def _article(self, article: Article, *, source: str, fingerprint: str, minhash: list[int] | None,
                 duplicate_of: str | None, record: Record | None) -> None:
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article.id, article.url, article.outlet, article.title, article.published,
             article.language, article.text, source, fingerprint, minhash, duplicate_of, _now(),
             json.dumps(record.to_dict(), ensure_ascii=False) if record else None])

    def _parts(self, record: Record) -> None:
        article_id = record.article.id
        for event in record.events:
            self.db.execute("INSERT INTO events VALUES (" + ", ".join("?" * 22) + ")",
                            _event_row(article_id, event))
            for place in event.location:
                self.db.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                [article_id, event.id, place.start, place.end, place.text, place.name,
                                 place.country, place.admin1, place.lat, place.lon,
                                 None if place.geonameid is None else str(place.geonameid), place.feature])
        for actor in record.entities:
            self.db.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [article_id, actor.start, actor.end, actor.text, actor.name, actor.country,
                             actor.sector, actor.kind])
        for quote in record.quotes:
            speaker = quote.speaker
            self.db.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [article_id, quote.start, quote.end, quote.text,
                             speaker.name if speaker else None, speaker.country if speaker else None,
                             speaker.sector if speaker else None, quote.cue])
        for quantity in record.quantities:
            self.db.execute("INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [article_id, quantity.start, quantity.end, quantity.text, quantity.value,
                             quantity.value_max, quantity.unit, quantity.approximate])


def _event_row(article_id: str, event: Event) -> list[object]:
    located = next((p for p in event.location if p.lat is not None), None)
    return [
        article_id, event.id, event.event_type, event.mode, event.quad_class, event.modality,
        [a.name or a.text for a in event.actor], [a.country for a in event.actor if a.country],
        [a.name or a.text for a in event.recipient], [a.country for a in event.recipient if a.country],
        [p.name or p.text for p in event.location], [p.country for p in event.location if p.country],
        located.lat if located else None, located.lon if located else None,
        event.date.value if event.date else None, event.date.precision if event.date else None,
        event.size.value if event.size else None, event.size.unit if event.size else None,
        event.attribution.source.name if event.attribution and event.attribution.source else None,
        event.trigger.text if event.trigger else None,
        event.evidence[0].text if event.evidence else None, event.confidence,
    ]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
