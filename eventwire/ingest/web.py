"""URLs, RSS/Atom feeds and WARC archives to Articles (or Skips saying why not).

- A URL is fetched (``fetch``): a page becomes one article; a feed becomes one article
  per item, each item's link fetched and extracted, the item's date and the feed's
  title filling ``published`` and ``outlet`` when the article lacks them.
- A feed file (.rss, .atom, .xml) is read like a fetched feed.
- A WARC or WARC.gz file (e.g. Common Crawl News) yields one article per HTML response
  record; other records are counted and skipped in one Skip line at the end; a
  truncated or corrupt archive is a Skip after the records read before the fault.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Iterator

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Settings
from ..errors import InputError, message
from ..records import Article, Skip
from .article import article_from_text
from .fetch import fetch
from .objects import Defaults, skip_from
from .text import decode_bytes

FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_url(url: str, *, settings: Settings, defaults: Defaults) -> Iterator[Article | Skip]:
    """One page, or every item of a feed."""
    try:
        response = fetch(url, settings=settings)
        if response.is_feed:
            yield from read_feed(response.body, source=url, settings=settings, defaults=defaults)
        else:
            yield _page(response.body, url=response.url, settings=settings, defaults=defaults)
    except InputError as error:
        yield skip_from(error, source=url)


def read_feed(data: bytes, *, source: str, settings: Settings, defaults: Defaults) -> Iterator[Article | Skip]:
    """Every item of an RSS/Atom feed, its link fetched; a broken feed is one Skip."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        detail = f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})"
        yield Skip(source, message("E104", source=source, detail=detail), "E104")
        return
    outlet = defaults.outlet or feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            yield Skip(source, message("E104", source=source, detail="a feed item has no link"), "E104")
            continue
        published = defaults.published or _entry_date(entry)
        item = Defaults(published=published, outlet=outlet, url=None)
        yield from read_url(link, settings=settings, defaults=item)


def read_warc(path: Path, *, settings: Settings, defaults: Defaults) -> Iterator[Article | Skip]:
    """One article per HTML response record of a WARC file; the rest counted."""
    others = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, check_digests="raise"):  # a cut record fails its digest
                if record.rec_type != "response" or not _is_html(record):
                    others += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(settings.max_fetch_bytes + 1)
                if getattr(record.raw_stream, "limit", 0) > 0 and len(body) <= settings.max_fetch_bytes:
                    raise EOFError(f"record of {url} ends {record.raw_stream.limit} bytes short")
                if len(body) > settings.max_fetch_bytes:
                    yield Skip(url or str(path), message("E603", url=url, limit=settings.max_fetch_bytes), "E603")
                    continue
                day = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                item = Defaults(published=defaults.published or day, outlet=defaults.outlet, url=None)
                yield _page(body, url=url, settings=settings, defaults=item)
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as error:
        detail = f"the archive is truncated or corrupt after the records read so far ({error})"
        yield Skip(str(path), message("E104", source=path, detail=detail), "E104")
    if others:
        detail = f"{others} record(s) that are not HTML responses skipped"
        yield Skip(f"{path} (non-HTML records)", message("E104", source=path, detail=detail), "E104")


def _page(body: bytes, *, url: str, settings: Settings, defaults: Defaults) -> Article | Skip:
    try:
        text = decode_bytes(body, source=url, html=True)
        return article_from_text(text, settings=settings, source=url, url=url,
                                 published=defaults.published, outlet=defaults.outlet)
    except InputError as error:
        return skip_from(error, source=url)


def _is_html(record) -> bool:
    kind = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    return kind.split(";", 1)[0].strip().lower() in HTML_TYPES


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None

