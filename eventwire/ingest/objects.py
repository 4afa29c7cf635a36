"""Article objects: one JSON object per .json file, one per line of a .jsonl stream.

An object is ``{"id", "text" | "html", "url", "title", "outlet", "published"}``;
only ``text`` or ``html`` is required (``text`` is used when it is not blank). Each
field is a string or null (``id`` may also be a whole number); other keys are
ignored. The object's own values win over the CLI's ``Defaults``, which fill gaps.
In a .jsonl, a bad line is a Skip named ``file:line`` and the other lines go on;
blank lines are not articles and yield nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from ..config import Settings
from ..errors import EmptyInput, InputError, MalformedInput, message
from ..records import Article, Skip
from .article import HTML_FACTOR, article_from_text
from .text import decode_bytes

TEXT_FIELDS = ("text", "html", "url", "title", "outlet", "published")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Defaults:
    """Metadata given on the command line for every input that lacks it."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def skip_from(error: InputError, *, source: str) -> Skip:
    """The batch record of an input that failed: its source, message and code."""
    return Skip(source=source, reason=str(error), code=error.code)


def parse_json(text: str, *, source: str) -> object:
    """The JSON value of ``text``; MalformedInput naming ``source`` if it does not parse."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        detail = f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); fix or re-export it."
        raise MalformedInput(message("E104", source=source, detail=detail)) from error


def article_from_object(value: object, *, source: str, settings: Settings,
                        defaults: Defaults = Defaults()) -> Article:
    """One article object to an Article; MalformedInput for a wrong shape or type."""
    fields = _checked_fields(value, source=source)
    body = fields.get("text")
    if body is None or (not body.strip() and fields.get("html") is not None):
        body = fields.get("html")
    if body is None:
        raise _malformed(source, "the object has neither 'text' nor 'html'; add the article body.")
    return article_from_text(
        body, settings=settings, source=source,
        published=fields.get("published") or defaults.published,
        outlet=fields.get("outlet") or defaults.outlet,
        url=fields.get("url") or defaults.url,
        title=fields.get("title"),
        article_id=fields.get("id"),
    )


def _checked_fields(value: object, *, source: str) -> dict[str, str | None]:
    """The known fields of an article object, each a string or None."""
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else type(value).__name__
        hint = " (many articles go in a .jsonl file, one per line)" if isinstance(value, list) else ""
        raise _malformed(source, f"expected one article object, found {kind}{hint}.")
    fields: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        field_value = value.get(name)
        if field_value is not None and not isinstance(field_value, str):
            raise _malformed(source, f"'{name}' must be a string, not {type(field_value).__name__}.")
        fields[name] = field_value
    fields["id"] = _checked_id(value.get("id"), source=source)
    return fields


def _checked_id(value: object, *, source: str) -> str | None:
    """An id string; whole numbers are accepted and written as strings."""
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _malformed(source, "'id' must be a non-empty string or a whole number.")


def _malformed(source: str, detail: str) -> MalformedInput:
    return MalformedInput(message("E104", source=source, detail=detail))


def read_json(data: bytes, *, source: str, settings: Settings, defaults: Defaults) -> Article:
    """A .json file's bytes (one article object) to an Article."""
    text = decode_bytes(data, source=source)
    if not text.strip():
        raise EmptyInput(message("E101", source=source))
    value = parse_json(text, source=source)
    return article_from_object(value, source=source, settings=settings, defaults=defaults)


def read_jsonl(stream: BinaryIO, *, source: str, settings: Settings,
               defaults: Defaults) -> Iterator[Article | Skip]:
    """One Article or Skip per non-blank line of a .jsonl stream, read line by line."""
    limit = settings.max_chars * HTML_FACTOR
    seen = False
    for number, line, size in _lines(stream, limit=limit):
        line_source = f"{source}:{number}"
        if size > limit:
            seen = True
            yield Skip(line_source, message("E105", source=line_source, size=size, limit=limit), "E105")
            continue
        if not line.strip():
            continue
        seen = True
        try:
            value = parse_json(decode_bytes(line, source=line_source), source=line_source)
            yield article_from_object(value, source=line_source, settings=settings, defaults=defaults)
        except InputError as error:
            yield skip_from(error, source=line_source)
    if not seen:
        yield Skip(source, message("E101", source=source), "E101")


def _lines(stream: BinaryIO, *, limit: int) -> Iterator[tuple[int, bytes, int]]:
    """(line number, bytes, size) per line; a line over ``limit`` is drained, not kept."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            line, size = b"", size + _drain_line(stream)
        yield number, line, size


def _drain_line(stream: BinaryIO) -> int:
    """Read to the end of the current line in chunks; the number of bytes read."""
    size = 0
    while True:
        chunk = stream.readline(_CHUNK)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return size
