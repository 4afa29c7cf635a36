"""The REST API and the offline dashboard over a store (``eventwire serve``).

    api.py        create_app(db_path, *, code_token=None): the FastAPI app; serve(): runs it
    errors.py     the one JSON error shape and the handlers that produce it
    reader.py     the store opened read-only, one cursor per request
    params.py     query parameters shared by routes (filters, pagination, sort)
    queries.py    the SQL behind every read route
    articles.py   /api/articles          events.py   /api/events
    aggregates.py /api/actors, /api/places, /api/series, /api/dyads, /api/facets
    coding.py     POST /api/code (off unless the operator sets a token)
    dashboard/    index.html, app.js, app.css: the dashboard, vanilla JS, no build step
"""

from __future__ import annotations

from .api import create_app, serve

__all__ = ["create_app", "serve"]
