"""HTML pages to article text and metadata, through trafilatura.

``extract_html`` is a two-step cascade:
1. trafilatura's main-content extraction (body, title, date, author, site name,
   canonical URL), paragraphs kept as lines;
2. if it finds no body, trafilatura's ``baseline`` (all the page's visible text),
   logged as a warning: a page with text is coded from what it has rather than lost;
   a page with no text at all becomes EmptyInput when ``article_from_text`` cleans it.
The headline, kept in ``Page.title``, is removed from the top of the body so it is not
read twice. Boilerplate lines are left to ``clean.clean_text``, as for plain text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml.etree import LxmlError

from ..errors import MalformedInput, message

log = logging.getLogger(__name__)

# Dates only from the page's metadata and date markup, never guessed from body text,
# and the first publication rather than the last update.
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|p|div|br|span|meta|title|h[1-6])\b", re.I
)

_DOCUMENT = re.compile(r"<(?:html|body)\b", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives: its body text (one paragraph per line) and metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    fallback: bool = False


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` holds an HTML tag (``<p>``, ``<html>``, ...)."""
    return _HTML_START.search(text[:4096]) is not None


def extract_html(html: str, *, source: str) -> Page:
    """Body and metadata of an HTML page (see the module docstring for the cascade)."""
    if _DOCUMENT.search(html[:4096]) is None:
        html = f"<html><body>{html}</body></html>"  # trafilatura drops bare fragments
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, date_extraction_params=DATE_OPTIONS,
        )
    except (LxmlError, ValueError) as error:
        raise MalformedInput(message("E104", source=source,
                                     detail=f"the HTML does not parse ({error})")) from error
    if document is None or not (document.text or "").strip():
        return _baseline(html, source=source)
    title = _clean_meta(document.title)
    return Page(
        text=_drop_title(document.text, title),
        title=title,
        published=_clean_meta(document.date),
        outlet=_clean_meta(document.sitename),
        author=_clean_meta(document.author),
        url=_clean_meta(document.url),
    )


def _baseline(html: str, *, source: str) -> Page:
    """Step 2: the page's visible text, when trafilatura finds no article body."""
    _, text, _ = trafilatura.baseline(html)
    if text.strip():
        log.warning("%s: no article body found; coding all the page's visible text", source)
    return Page(text=text, fallback=True)


def _clean_meta(value: str | None) -> str | None:
    """A metadata string stripped, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _drop_title(text: str, title: str | None) -> str:
    """The body without leading lines that repeat the headline."""
    if not title:
        return text
    lines = text.split("\n")
    headline = " ".join(title.split()).casefold()
    while lines and " ".join(lines[0].split()).casefold() == headline:
        lines.pop(0)
    return "\n".join(lines)
