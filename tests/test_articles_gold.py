"""Every gold file of tests/data/articles is valid, so broken gold can never land.

Offsets must index the cleaned text, enum values must be the guideline's, every
evidence span must lie inside the text, and each .gold.json must be what
make_gold.py builds from its .txt and .gold.yaml. Needs no ../shared.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.records import EVENT_TYPES, MODALITIES, Record

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
GOLD_FILES = sorted(ARTICLES.glob("*.gold.json"))
KINDS = {"person", "organization", "state", "group", None}
FEATURES = {"country", "admin1", "city", "region", "other", None}
PRECISIONS = {"day", "week", "month", "year", "approximate", None}


def load_make_gold():
    """The authoring script, imported from its file (it is not a package module)."""
    spec = importlib.util.spec_from_file_location("make_gold", ARTICLES / "make_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_GOLD = load_make_gold()


def spans(value, path="record"):
    """Every span-shaped dict below ``value`` (article text excluded), with its path."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= set(value) and path != "record.article":
            yield path, value
        for key, item in value.items():
            if key != "article":
                yield from spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans(item, f"{path}[{index}]")


def actors_of(record):
    for event in record["events"]:
        yield from event["actor"]
        yield from event["recipient"]
        if event.get("attribution"):
            yield event["attribution"]["source"]
    yield from record["entities"]
    for quote in record["quotes"]:
        if quote["speaker"]:
            yield quote["speaker"]


@pytest.fixture(scope="module", params=GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def gold(request):
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_articles_gold_set_is_present():
    assert len(GOLD_FILES) >= 20


def test_articles_gold_offsets_match_text(gold):
    text = gold["article"]["text"]
    bad = [path for path, span in spans(gold) if text[span["start"]:span["end"]] != span["text"]]
    assert bad == []


def test_articles_gold_evidence_within_text(gold):
    text = gold["article"]["text"]
    for event in gold["events"]:
        assert event["evidence"], event["id"]
        for span in event["evidence"] + [event["trigger"]]:
            assert 0 <= span["start"] < span["end"] <= len(text), event["id"]
        trigger = event["trigger"]
        assert any(e["start"] <= trigger["start"] and trigger["end"] <= e["end"]
                   for e in event["evidence"]), event["id"]


def test_articles_gold_event_enums_valid(gold):
    ids = [event["id"] for event in gold["events"]]
    assert len(ids) == len(set(ids))
    for event in gold["events"]:
        kind = event["event_type"]
        assert kind in EVENT_TYPES, event["id"]
        assert event["modality"] in MODALITIES, event["id"]
        assert event["quad_class"] == MAKE_GOLD.QUAD[kind], event["id"]
        assert event["mode"] is None or event["mode"] in MAKE_GOLD.MODES.get(kind, set()), event["id"]
        assert set(event["context"]) <= MAKE_GOLD.CONTEXTS, event["id"]
        assert set(event.get("alt_types", [])) <= set(EVENT_TYPES) - {kind}, event["id"]
        assert set(event.get("alt_modality", [])) <= set(MODALITIES) - {event["modality"]}, event["id"]
        if event["date"]:
            assert event["date"]["precision"] in PRECISIONS, event["id"]


def test_articles_gold_actor_and_place_enums_valid(gold):
    for actor in actors_of(gold):
        assert actor["kind"] in KINDS, actor
        assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"]), actor
    for event in gold["events"]:
        for place in event["location"]:
            assert place["feature"] in FEATURES, place
            assert place["lat"] is None or -90 <= place["lat"] <= 90, place
            assert place["lon"] is None or -180 <= place["lon"] <= 180, place


def test_articles_gold_loads_as_record(gold):
    record = Record.from_dict(gold)
    assert record.article.text == gold["article"]["text"]
    assert len(record.events) == len(gold["events"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_articles_gold_is_built_from_its_authoring_file(path):
    slug = path.name[: -len(".gold.json")]
    built = MAKE_GOLD.dump(MAKE_GOLD.build(slug, ARTICLES))
    assert built == path.read_text(encoding="utf-8"), f"run make_gold.py: {slug} is stale"


def test_articles_gold_set_covers_every_type_and_modality():
    records = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    articles_per_type = Counter(t for r in records for t in {e["event_type"] for e in r["events"]})
    modalities = Counter(e["modality"] for r in records for e in r["events"])
    central = {(r["events"][0]["event_type"], r["events"][0]["modality"]) for r in records}
    assert all(articles_per_type[t] >= 3 for t in EVENT_TYPES), articles_per_type
    assert all(modalities[m] >= 8 for m in MODALITIES), modalities
    assert {t for t, _ in central} == set(EVENT_TYPES)
    assert {m for _, m in central} == set(MODALITIES)
