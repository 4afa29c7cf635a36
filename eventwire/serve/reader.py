"""The store opened read-only for the app's lifetime; every request gets its own cursor.

Opening a DuckDB file costs tens of milliseconds and a cursor well under one, so the file is
opened once (``read_only=True``: the app never writes) and each request reads through a
cursor of its own. While the app holds the file, ``eventwire ingest`` cannot write to it:
DuckDB allows one writer or many readers. Stop the server to ingest, then start it again.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from .errors import ApiError


class Reader:
    """A read-only DuckDB connection, opened on first use, handing out cursors."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._db: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the store; 503 when the file is missing or locked by a writer."""
        with self._lock:
            if self._db is None:
                self._db = self._open()
            return self._db.cursor()

    def session(self) -> Session:
        """A cursor opened on first use, so a request that fails validation never opens the store."""
        return Session(self)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not Path(self.path).is_file():
            raise ApiError(503, f"{self.path}: no store here; run `eventwire ingest --db {self.path}` first")
        try:
            return duckdb.connect(self.path, read_only=True)
        except duckdb.Error as error:
            raise ApiError(503, f"{self.path}: the store cannot be opened read-only ({error}); "
                                "is an ingest writing to it?") from error


class Session:
    """One request's access to the store: ``execute`` like a DuckDB connection, then ``close``."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._cursor: duckdb.DuckDBPyConnection | None = None

    def execute(self, sql: str, params: list[object] | None = None) -> duckdb.DuckDBPyConnection:
        if self._cursor is None:
            self._cursor = self._reader.cursor()
        return self._cursor.execute(sql, params or [])

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
