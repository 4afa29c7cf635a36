"""eventwire: news articles in, sourced PLOVER event records out.

    >>> import eventwire
    >>> record = eventwire.code("Rebels attacked a police post in Goma on Monday.", published="2024-05-08")
    >>> [e.event_type for e in record.events]
    ['ASSAULT']
"""

from __future__ import annotations

from .config import Settings, load_settings
from .errors import EventwireError, InputError
from .ingest import article_from_text, read_inputs
from .pipeline import code_article
from .records import (Actor, Article, Attribution, Event, Place, Quantity, Quote, Record, Skip, Span,
                      TimeRef)

__all__ = [
    "Actor", "Article", "Attribution", "Event", "EventwireError", "InputError", "Place", "Quantity",
    "Quote", "Record", "Settings", "Skip", "Span", "TimeRef", "article_from_text", "code", "code_article",
    "load_settings", "read_inputs",
]
__version__ = "0.1.0"


def code(text_or_html: str, *, published: str | None = None, outlet: str | None = None,
         url: str | None = None, title: str | None = None, article_id: str | None = None,
         settings: Settings | None = None) -> Record:
    """Code one article given as text or HTML; raises InputError when it cannot be coded."""
    settings = settings or Settings()
    article = article_from_text(text_or_html, settings=settings, published=published, outlet=outlet,
                                url=url, title=title, article_id=article_id)
    return code_article(article, settings)
