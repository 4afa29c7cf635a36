"""One text or HTML string to one cleaned ``Article``.

Metadata precedence: what the caller passes (an object's own fields, then CLI options)
wins over what an HTML page says about itself, which fills the gaps. The id is the
caller's, else ``sha1:`` + 16 hex digits of the URL, else of the cleaned text, so
the same input always gets the same id.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from ..clean import MIN_LANGUAGE_CONFIDENCE, check_language, clean_text, identify_language
from ..config import Settings
from ..errors import EmptyInput, InputTooLarge, MalformedInput, message
from ..records import Article
from .html import Page, extract_html, looks_like_html

# A page's markup is several times its text: HTML up to this many times max_chars
# is read and extracted, and the extracted text must then fit max_chars.
HTML_FACTOR = 10
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|[+-]\d{2}:?\d{2}$|Z$)")


def article_from_text(text_or_html: str, *, settings: Settings, published: str | None = None,
                      outlet: str | None = None, url: str | None = None,
                      title: str | None = None, article_id: str | None = None,
                      source: str = "<text>") -> Article:
    """Clean ``text_or_html`` (HTML detected by its tags) into an Article.

    Raises InputTooLarge, EmptyInput, MalformedInput or UnsupportedLanguage, each
    with its catalogue message naming ``source``.
    """
    page = Page(text=text_or_html)
    if looks_like_html(text_or_html):
        check_size(len(text_or_html), limit=settings.max_chars * HTML_FACTOR, source=source)
        page = extract_html(text_or_html, source=source)
    check_size(len(page.text), limit=settings.max_chars, source=source)
    text = clean_text(page.text)
    if not text.strip():
        raise EmptyInput(message("E101", source=source))
    url = url or page.url
    return Article(
        id=article_id or stable_id(url=url, text=text),
        text=text,
        url=url,
        outlet=outlet or page.outlet,
        title=title or page.title,
        published=normalise_date(published or page.published, source=source),
        language=_language(text, settings=settings, source=source),
    )


def check_size(size: int, *, limit: int, source: str) -> None:
    """InputTooLarge when ``size`` characters (or bytes) exceed ``limit``."""
    if size > limit:
        raise InputTooLarge(message("E105", source=source, size=size, limit=limit))


def stable_id(*, url: str | None, text: str) -> str:
    """``sha1:`` and the first 16 hex digits of the URL's hash, else of the text's."""
    key = url if url else text
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: str | None, *, source: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp, else from a date in words."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    iso = _ISO_DATE.match(value)
    parsed = _valid_date(*iso.groups()) if iso else _date_in_words(value)
    if parsed is None:
        detail = f"published date '{value}' is not a date; give it as YYYY-MM-DD."
        raise MalformedInput(message("E104", source=source, detail=detail))
    return parsed


def _valid_date(year: str, month: str, day: str) -> str | None:
    """The ISO date if it exists on the calendar (no 2023-02-30)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _date_in_words(value: str) -> str | None:
    """A full date written out ("2 February 2022", "Feb 2, 2022"), via dateparser."""
    import dateparser  # slow to import; most inputs give ISO dates

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def _language(text: str, *, settings: Settings, source: str) -> str:
    """"en" (or UnsupportedLanguage) when checking; else the identified language."""
    if settings.language_check:
        return check_language(text, source=source)
    language, confidence = identify_language(text)
    return language if confidence >= MIN_LANGUAGE_CONFIDENCE else "en"
