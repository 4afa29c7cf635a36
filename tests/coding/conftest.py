"""Fixtures for the event-coding tests: one cached end-to-end coder and the record schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema
import pytest

import eventwire

PUBLISHED = "2024-03-05"  # a Tuesday: "on Monday" is 2024-03-04, "next week" is later


@lru_cache(maxsize=None)
def _code(text: str, published: str) -> eventwire.Record:
    """Each test sentence is coded once per session, however many tests read it."""
    return eventwire.code(text, published=published)


@pytest.fixture(scope="session")
def record_validator():
    """A validator for the packaged record schema."""
    schema = json.loads((resources.files("eventwire") / "data" / "record.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def coded(nlp, record_validator):
    """code(text, published=...) -> Record, through the real pipeline; every record is
    checked against the schema the first time it is made."""
    checked: set[tuple[str, str]] = set()

    def code(text: str, published: str = PUBLISHED) -> eventwire.Record:
        record = _code(text, published)
        if (text, published) not in checked:
            record_validator.validate(record.to_dict())
            checked.add((text, published))
        return record

    return code


@pytest.fixture(scope="session")
def event_of(coded):
    """The first event of a given type in the coded text (pytest.fail when there is none)."""

    def find(text: str, event_type: str, published: str = PUBLISHED) -> eventwire.Event:
        events = coded(text, published).events
        for event in events:
            if event.event_type == event_type:
                return event
        found = [(e.event_type, e.trigger.text if e.trigger else None) for e in events]
        pytest.fail(f"no {event_type} event in {text!r}; found {found}")

    return find
