"""Paths, directories and stdin to a stream of Article | Skip, one per article.

- A file is read by its extension: .txt/.text (plain text), .html/.htm, .json (one
  article object), .jsonl (one object per line). A file named explicitly with any
  other extension is read as text; whether text is HTML is decided by its tags.
- A directory is walked recursively in sorted order; its files with one of those
  extensions are read, any other file yields a Skip (E104) so nothing goes missing
  unseen; hidden files and folders (a name starting with ".") are ignored.
- "-" reads stdin: JSON Lines when its first line is a JSON object, one JSON object
  when it starts with "{", else text or HTML.
- Sizes are checked before reading: a file over 4 x max_chars bytes (10 x for HTML,
  JSON and stdin, whose markup is not text) is refused unread, with its byte count
  as the size; a .jsonl is streamed line by line. Any InputError becomes a Skip.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from ..config import Settings
from ..errors import EmptyInput, InputError, UnreadableInput, message
from ..records import Article, Skip
from .article import HTML_FACTOR, article_from_text, check_size
from .objects import Defaults, parse_json, read_json, read_jsonl, skip_from
from .text import SNIFF_BYTES, binary_kind, decode_bytes
from .web import FEED_SUFFIXES, WARC_SUFFIXES, is_url, read_feed, read_url, read_warc

EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
              ".json": "json", ".jsonl": "jsonl"}
TEXT_FACTOR = 4  # UTF-8 spends at most 4 bytes on a character
STDIN = "<stdin>"
_CHUNK = 1 << 20



def read_inputs(paths: Sequence[str], *, settings: Settings, published: str | None = None,
                outlet: str | None = None, url: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Article | Skip]:
    """Every article of ``paths`` as an Article, or a Skip saying why it is not one.

    CLI metadata (``published``, ``outlet``, ``url``) fills what an input lacks.
    """
    defaults = Defaults(published=published, outlet=outlet, url=url)
    for path in [paths] if isinstance(paths, str) else paths:
        if path == "-":
            stream = stdin or getattr(sys.stdin, "buffer", None)
            if stream is None:  # no standard input at all (a detached process)
                yield Skip(STDIN, message("E101", source=STDIN), EmptyInput.code)
                continue
            yield from read_stdin(stream, settings=settings, defaults=defaults)
        elif is_url(path):
            yield from read_url(path, settings=settings, defaults=defaults)
        else:
            yield from read_path(Path(path), settings=settings, defaults=defaults)


def read_path(path: Path, *, settings: Settings, defaults: Defaults) -> Iterator[Article | Skip]:
    """A file or a directory; a missing path is one Skip."""
    if path.is_dir():
        yield from read_directory(path, settings=settings, defaults=defaults)
    elif not path.exists():
        yield _unreadable(str(path), "no such file or directory")
    elif path.name.lower().endswith(WARC_SUFFIXES):
        yield from read_warc(path, settings=settings, defaults=defaults)
    elif path.suffix.lower() in FEED_SUFFIXES:
        yield from read_feed(path.read_bytes(), source=str(path), settings=settings, defaults=defaults)
    else:
        kind = EXTENSIONS.get(path.suffix.lower(), "text")
        yield from read_file(path, kind=kind, settings=settings, defaults=defaults)


def read_directory(root: Path, *, settings: Settings,
                   defaults: Defaults) -> Iterator[Article | Skip]:
    """Every non-hidden file under ``root``, sorted; one Skip if there is none."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root=root))
    if not files:
        yield Skip(str(root), message("E101", source=root), EmptyInput.code)
    for path in files:
        kind = EXTENSIONS.get(path.suffix.lower())
        if path.name.lower().endswith(WARC_SUFFIXES) or path.suffix.lower() in FEED_SUFFIXES:
            yield from read_path(path, settings=settings, defaults=defaults)
        elif kind is None:
            detail = "not an article file (.txt, .html, .htm, .json, .jsonl); skipped."
            yield Skip(str(path), message("E104", source=path, detail=detail), "E104")
        else:
            yield from read_file(path, kind=kind, settings=settings, defaults=defaults)


def _hidden(path: Path, *, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path, *, kind: str, settings: Settings,
              defaults: Defaults) -> Iterator[Article | Skip]:
    """One file of a known kind; a failure is a Skip naming the file."""
    source = str(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl_file(path, settings=settings, defaults=defaults)
            return
        factor = TEXT_FACTOR if kind == "text" else HTML_FACTOR
        check_size(path.stat().st_size, limit=factor * settings.max_chars, source=source)
        yield _from_bytes(path.read_bytes(), kind=kind, source=source,
                          settings=settings, defaults=defaults)
    except InputError as error:
        yield skip_from(error, source=source)
    except OSError as error:
        yield _unreadable(source, error.strerror or str(error))


def _read_jsonl_file(path: Path, *, settings: Settings,
                     defaults: Defaults) -> Iterator[Article | Skip]:
    """A .jsonl file, refused whole if it is binary, else streamed line by line."""
    with path.open("rb") as stream:
        if binary_kind(stream.read(SNIFF_BYTES)) is not None:
            yield Skip(str(path), message("E102", source=path), "E102")
            return
        stream.seek(0)
        yield from read_jsonl(stream, source=str(path), settings=settings, defaults=defaults)


def _from_bytes(data: bytes, *, kind: str, source: str, settings: Settings,
                defaults: Defaults) -> Article:
    """The Article of a whole file's bytes (text, HTML or one JSON object)."""
    if kind == "json":
        return read_json(data, source=source, settings=settings, defaults=defaults)
    text = decode_bytes(data, source=source, html=kind == "html")
    if not text.strip():
        raise EmptyInput(message("E101", source=source))
    return article_from_text(text, settings=settings, source=source, published=defaults.published,
                             outlet=defaults.outlet, url=defaults.url)


def read_stdin(stream: BinaryIO, *, settings: Settings,
               defaults: Defaults) -> Iterator[Article | Skip]:
    """Standard input: JSON Lines if its first line is an object, else one document."""
    limit = HTML_FACTOR * settings.max_chars
    first = stream.readline(limit + 1)
    if _is_object_line(first):
        yield from read_jsonl(_Prepended(first, stream), source=STDIN,
                              settings=settings, defaults=defaults)
        return
    data = first + stream.read(max(limit + 1 - len(first), 0))
    try:
        if len(data) > limit:
            check_size(len(data) + _drain(stream), limit=limit, source=STDIN)
        kind = "json" if data.lstrip().startswith(b"{") else "html"
        yield _from_bytes(data, kind=kind, source=STDIN, settings=settings, defaults=defaults)
    except InputError as error:
        yield skip_from(error, source=STDIN)


def _is_object_line(line: bytes) -> bool:
    """True for one complete JSON object on one line (the start of JSON Lines)."""
    stripped = line.strip()
    if not (stripped.startswith(b"{") and stripped.endswith(b"}")):
        return False
    try:
        return isinstance(parse_json(stripped.decode("utf-8"), source=STDIN), dict)
    except (InputError, UnicodeDecodeError):
        return False


def _drain(stream: BinaryIO) -> int:
    """Read the rest of ``stream`` in chunks, keeping nothing; the bytes read."""
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
    return size


class _Prepended:
    """A line-reading stream: ``first``, then the rest of ``stream``."""

    def __init__(self, first: bytes, stream: BinaryIO) -> None:
        self._first = first
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if self._first:
            line, self._first = self._first, b""
            return line
        return self._stream.readline(limit)


def _unreadable(source: str, reason: str) -> Skip:
    return Skip(source, message("E107", source=source, reason=reason), UnreadableInput.code)
