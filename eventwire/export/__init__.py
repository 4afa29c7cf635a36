"""Exports of the store: records as JSON Lines, events as CSV, Parquet, PLOVER or GDELT.

JSON Lines are the records exactly as ``eventwire code`` writes them (they validate
against the record schema); CSV and Parquet are the ``events`` table, one row per
event, written by DuckDB itself; ``plover`` and ``gdelt`` are in ``export/plover.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import StoreError, message
from ..store.duckdb import Store
from .plover import write_gdelt, write_plover

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


def export(store: Store, *, fmt: str, path: str | Path) -> int:
    """Write the store in ``fmt`` to ``path``; returns the number of rows or records written."""
    path = Path(path)
    if fmt == "jsonl":
        records = store.records()
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return len(records)
    if fmt in ("csv", "parquet"):
        options = "(FORMAT csv, HEADER true)" if fmt == "csv" else "(FORMAT parquet)"
        quoted = str(path).replace("'", "''")
        store.db.execute(f"COPY (SELECT * FROM events ORDER BY article_id, event_id) TO '{quoted}' {options}")
        return store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    if fmt in ("plover", "gdelt"):
        writer = write_plover if fmt == "plover" else write_gdelt
        with path.open("w", encoding="utf-8", newline="") as out:
            return writer(store.records(), out)
    raise StoreError(message("E501", fmt=fmt, known=", ".join(FORMATS)))
