"""ingest/text.py: bytes to str, binary refused, encodings found or DecodeError."""

from __future__ import annotations

import codecs
import random

import pytest

from eventwire.errors import BinaryInput, DecodeError
from eventwire.ingest.text import binary_kind, decode_bytes

SENTENCE = "The minister’s visit to Zürich was “productive”, café owners said — prices rose 5 €."


def random_high_bytes(count: int, *, seed: int = 7) -> bytes:
    """Bytes 0x80-0xFF only: never UTF-8, no NUL, and no code page reads them as text."""
    generator = random.Random(seed)
    return bytes(generator.randrange(0x80, 0x100) for _ in range(count))


@pytest.mark.parametrize("data,expected", [
    (SENTENCE.encode("utf-8"), SENTENCE),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), SENTENCE),
    (SENTENCE.encode("utf-16"), SENTENCE),                      # BOM first, NULs allowed
    (SENTENCE.encode("cp1252"), SENTENCE),                      # Windows news text
    ("Le café était fermé à Málaga.".encode("latin-1"), "Le café était fermé à Málaga."),
    ("Министр заявил, что переговоры продолжатся на следующей неделе.".encode("cp1251"),
     "Министр заявил, что переговоры продолжатся на следующей неделе."),
    (b"Tabs\tand\r\nform\x0cfeeds are text.", "Tabs\tand\r\nform\x0cfeeds are text."),
])
def test_text_decodes(data, expected):
    assert decode_bytes(data, source="a.txt") == expected


def test_text_declared_html_charset_used():
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>Prix : 5 €</p></body></html>'
    assert decode_bytes(page.encode("iso-8859-15"), source="a.html", html=True) == page


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    (b"Plain words then a NUL\x00 byte", "NUL bytes"),
    (b"text" + bytes(range(1, 9)) * 20, "control bytes"),
])
def test_text_binary_refused(data, kind):
    assert binary_kind(data) == kind
    with pytest.raises(BinaryInput, match="a.txt: this is a binary file"):
        decode_bytes(data, source="a.txt")


@pytest.mark.parametrize("data", [
    random_high_bytes(2000),
    b"The troops " + random_high_bytes(300) + b" arrived at dawn.",
    b"\xef\xbb\xbf" + b"BOM then invalid \xff\xfe\xfd",           # UTF-8 BOM, bytes not UTF-8
    codecs.BOM_UTF16_LE + random_high_bytes(2000),               # UTF-16 BOM, then noise
])
def test_text_undecodable_refused(data):
    with pytest.raises(DecodeError, match="a.txt: the bytes are not valid text"):
        decode_bytes(data, source="a.txt")


def test_text_plain_text_is_not_binary():
    assert binary_kind(SENTENCE.encode("utf-8")) is None
    assert binary_kind(b"") is None
