"""The embedded store: DuckDB (``duckdb.py``) with its schema (``schema.sql``)."""
