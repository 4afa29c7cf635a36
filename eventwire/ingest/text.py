"""Bytes to text: refuse binary files, then find the encoding.

The order (``decode_bytes``):
1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32), which must fit;
2. known magic numbers (PDF, ZIP/DOCX, PNG, ...), NUL bytes or many control bytes
   mean binary -> BinaryInput;
3. strict UTF-8;
4. an encoding the page declares (``<meta charset>``, HTML only), if it decodes;
5. cp1252, the encoding of most non-UTF-8 English news (it covers latin-1's letters);
6. charset-normalizer's best guess, accepted only for a text mostly in a non-Latin
   script (cp1251 Russian, ...; the language check then judges it);
each of 4-6 only if the result reads as text (charset-normalizer's mess ratio), else
DecodeError. A plausible fallback decoding is used silently: it is not a defect of
the article.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ..errors import BinaryInput, DecodeError, message

# Leading bytes of formats that are never an article's text.
MAGIC_NUMBERS = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"), (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "ELF"), (b"MZ", "EXE"), (b"\xd0\xcf\x11\xe0", "OLE (DOC/XLS)"),
    (b"RIFF", "RIFF"), (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"\x00\x00\x01\x00", "ICO"),
    (b"SQLite format 3\x00", "SQLite"), (b"PAR1", "Parquet"), (b"wOFF", "WOFF"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 65_536          # binary checks look at the start of the data only
MAX_CONTROL_RATIO = 0.05      # more control bytes than this (besides \t \n \r \f) is binary
MAX_MESS = 0.1                # charset-normalizer mess ratio above which a decoding is garbage
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)


def decode_bytes(data: bytes, *, source: str, html: bool = False) -> str:
    """The text of ``data``; BinaryInput or DecodeError with a catalogue message."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_or_fail(data, encoding, source=source)
    if binary_kind(data) is not None:
        raise BinaryInput(message("E102", source=source))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _fallback_encodings(data, html=html):
        text = _decode_plausibly(data, encoding)
        if text is not None:
            return text
    text = _guess(data)
    if text is None:
        raise DecodeError(message("E103", source=source))
    return text


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is ("PDF", "NUL bytes", ...), or None for text."""
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            return name
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > MAX_CONTROL_RATIO:
        return "control bytes"
    return None


def _decode_or_fail(data: bytes, encoding: str, *, source: str) -> str:
    """Decode with the encoding a byte-order mark names; it must fit and read as text."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(message("E103", source=source)) from error
    if not _reads_as_text(text):
        raise DecodeError(message("E103", source=source))
    return text


def _fallback_encodings(data: bytes, *, html: bool) -> list[str]:
    """The encoding a page declares (if any and known), then cp1252."""
    encodings = []
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared is not None:
        name = declared.group(1).decode("ascii")
        if _known(name) and codecs.lookup(name).name != "utf-8":
            encodings.append(name)
    encodings.append("cp1252")
    return encodings


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _decode_plausibly(data: bytes, encoding: str) -> str | None:
    """``data`` in ``encoding`` if it decodes strictly and reads as text."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _reads_as_text(text) else None


def _reads_as_text(text: str) -> bool:
    return mess_ratio(text[:SNIFF_BYTES], MAX_MESS) < MAX_MESS


def _guess(data: bytes) -> str | None:
    """charset-normalizer's decoding, kept only for text mostly outside ASCII letters.

    A mostly-ASCII text that cp1252 does not explain is English with bad bytes; a
    code page that turns those few bytes into Urdu or Thai letters is no better.
    """
    best = from_bytes(data[: SNIFF_BYTES * 4]).best()
    if best is None:
        return None
    text = _decode_plausibly(data, best.encoding)
    if text is None:
        return None
    letters = [c for c in text[:SNIFF_BYTES] if c.isalpha()]
    foreign = sum(1 for c in letters if not c.isascii())
    return text if letters and foreign / len(letters) >= 0.5 else None
