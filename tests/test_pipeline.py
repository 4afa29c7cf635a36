"""PIPELINE and the public API: ``eventwire.code`` end to end, on text written for these tests."""

from __future__ import annotations

import __future__
import inspect
import json
import pickle
from importlib import resources

import jsonschema
import pytest

import eventwire
from eventwire.errors import EmptyInput, InputTooLarge
from eventwire.pipeline import code_article

ARTICLE = (
    "Britain deployed 800 troops to Estonia on Monday, the Ministry of Defence said.\n"
    "The deployment follows talks between the British defence secretary and his Estonian counterpart.\n"
    "Russia denied that its forces had violated Estonian airspace."
)
PUBLISHED = "2024-03-05"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((resources.files("eventwire") / "data" / "record.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def record(nlp):
    return eventwire.code(ARTICLE, published=PUBLISHED, outlet="Test Wire", url="https://example.invalid/a")


def test_pipeline_code_returns_a_valid_record(record, validator):
    assert isinstance(record, eventwire.Record)
    validator.validate(record.to_dict())
    assert record.article.published == PUBLISHED
    assert record.article.outlet == "Test Wire"
    assert "MOBILIZE" in [e.event_type for e in record.events]


def test_pipeline_record_round_trips_through_dict(record):
    assert eventwire.Record.from_dict(record.to_dict()).to_dict() == record.to_dict()


def test_pipeline_is_deterministic(record):
    again = eventwire.code(ARTICLE, published=PUBLISHED, outlet="Test Wire", url="https://example.invalid/a")
    assert json.dumps(again.to_dict(), sort_keys=True) == json.dumps(record.to_dict(), sort_keys=True)


def test_pipeline_article_id_is_stable_and_from_url(record):
    assert record.article.id.startswith("sha1:") and len(record.article.id) == 5 + 16


def test_pipeline_record_pickles(record):
    restored = pickle.loads(pickle.dumps(record))
    assert restored.to_dict() == record.to_dict()


def test_pipeline_code_article_pickles_by_name():
    assert pickle.loads(pickle.dumps(code_article)) is code_article


def test_pipeline_no_event_text_has_empty_events(nlp, validator):
    record = eventwire.code("The weather was mild in Geneva, and the lake was calm.", published=PUBLISHED)
    assert record.events == []
    validator.validate(record.to_dict())


def test_pipeline_empty_text_raises_empty_input():
    with pytest.raises(EmptyInput) as caught:
        eventwire.code("   \n\t ")
    assert caught.value.code == "E101"
    assert isinstance(caught.value, eventwire.InputError)


def test_pipeline_too_large_raises_with_settings():
    with pytest.raises(InputTooLarge, match="over the limit of 100"):
        eventwire.code("Troops moved. " * 20, settings=eventwire.Settings(max_chars=100))


def test_pipeline_min_confidence_drops_events(nlp):
    text = "Canada imposed sanctions on Iran."
    assert eventwire.code(text).events
    assert eventwire.code(text, settings=eventwire.Settings(min_confidence=0.99)).events == []


def test_pipeline_user_lexicon_dir_is_used(nlp, tmp_path):
    (tmp_path / "MOBILIZE.yaml").write_text(
        "# test lexicon, written for eventwire tests (MIT)\ntype: MOBILIZE\ntriggers:\n  - {lemma: impose}\n",
        encoding="utf-8")
    record = eventwire.code("Canada imposed sanctions on Iran.", settings=eventwire.Settings(lexicon_dir=str(tmp_path)))
    assert [e.event_type for e in record.events] == ["MOBILIZE"]


# --- the public names (after httpx's test_exported_members) ---------------------------------

def _public_names() -> set[str]:
    return {name for name in dir(eventwire) if not name.startswith("_")
            and not inspect.ismodule(getattr(eventwire, name))
            and not isinstance(getattr(eventwire, name), __future__._Feature)}


def test_pipeline_all_names_exist():
    assert len(eventwire.__all__) == len(set(eventwire.__all__))
    for name in eventwire.__all__:
        assert callable(getattr(eventwire, name)), f"eventwire.{name}"


def test_pipeline_all_is_sorted():
    assert eventwire.__all__ == sorted(eventwire.__all__)


def test_pipeline_exported_members_match_all():
    assert _public_names() == set(eventwire.__all__)


def test_pipeline_version_is_a_string():
    assert isinstance(eventwire.__version__, str) and eventwire.__version__.count(".") == 2
