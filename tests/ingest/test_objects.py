"""ingest/objects.py: article objects checked field by field; JSON Lines line by line."""

from __future__ import annotations

import io

import pytest

from eventwire.config import Settings
from eventwire.errors import MalformedInput
from eventwire.ingest.objects import Defaults, article_from_object, read_jsonl
from eventwire.records import Article, Skip

SETTINGS = Settings()
TEXT = "The harbour authority asked a labour court to order the dock workers back."


def test_objects_fields_and_defaults():
    value = {"id": "h-1", "text": TEXT, "url": "https://example.org/h", "title": "Court asked",
             "published": "2026-05-01", "extra": [1, 2]}
    article = article_from_object(value, source="h.json", settings=SETTINGS,
                                  defaults=Defaults(published="2020-01-01", outlet="Wire"))
    assert article == Article(id="h-1", text=TEXT + "\n", url="https://example.org/h", outlet="Wire",
                              title="Court asked", published="2026-05-01", language="en")


@pytest.mark.parametrize("value,expected", [
    ({"id": 42, "text": TEXT}, "42"),
    ({"text": "  ", "html": f"<p>{TEXT}</p>"}, None),
])
def test_objects_id_numbers_and_html_body(value, expected):
    article = article_from_object(value, source="h.json", settings=SETTINGS)
    assert article.text == TEXT + "\n"
    assert expected is None or article.id == expected


@pytest.mark.parametrize("value,detail", [
    ({"title": "No body"}, "neither 'text' nor 'html'"),
    ({"text": None, "html": None}, "neither 'text' nor 'html'"),
    ({"text": 5}, "'text' must be a string, not int"),
    ({"text": TEXT, "published": 20260501}, "'published' must be a string"),
    ({"text": TEXT, "id": ""}, "'id' must be a non-empty string"),
    ({"text": TEXT, "id": True}, "'id' must be a non-empty string"),
    ([{"text": TEXT}], "found a list .*jsonl"),
    ("just a string", "found str"),
])
def test_objects_malformed(value, detail):
    with pytest.raises(MalformedInput, match=f"h.json: .*{detail}"):
        article_from_object(value, source="h.json", settings=SETTINGS)


def test_objects_jsonl_bad_lines_named_others_go_on():
    lines = [
        '{"id": "a", "text": "The navy left port on Friday."}',
        '{"id": "b", "text": ',
        "",
        '{"id": "c"}',
        '{"id": "d", "text": "The army stayed in its barracks."}',
    ]
    stream = io.BytesIO("\n".join(lines).encode("utf-8"))
    items = list(read_jsonl(stream, source="x.jsonl", settings=SETTINGS, defaults=Defaults()))
    assert [(type(i).__name__, getattr(i, "id", None) or i.source) for i in items] == [
        ("Article", "a"), ("Skip", "x.jsonl:2"), ("Skip", "x.jsonl:4"), ("Article", "d")]
    assert items[1].code == "E104" and "not valid JSON" in items[1].reason


def test_objects_jsonl_long_line_skipped_without_keeping_it():
    settings = Settings(max_chars=100)  # lines up to 1,000 bytes are read
    stream = io.BytesIO(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "The army moved."}\n')
    items = list(read_jsonl(stream, source="x.jsonl", settings=settings, defaults=Defaults()))
    assert isinstance(items[0], Skip) and items[0].code == "E105" and items[0].source == "x.jsonl:1"
    assert "5,013 characters" in items[0].reason
    assert isinstance(items[1], Article)


def test_objects_jsonl_empty_is_one_skip():
    items = list(read_jsonl(io.BytesIO(b"\n \n"), source="x.jsonl", settings=SETTINGS, defaults=Defaults()))
    assert [(i.source, i.code) for i in items] == [("x.jsonl", "E101")]
