"""NGEC actor cases: a cases file written for these tests, the judging rules, then a sample
of the real file (skipped when ../shared is absent)."""

from __future__ import annotations

import json

import pytest

from eventwire.datasets import ngec
from eventwire.errors import DatasetError
from eventwire.extract.actors import load_actor_kb
from eventwire.records import Actor

CASES = [
    {"case_id": 1, "method": "agent_to_code", "input": {"text": "Peruvian soldiers"},
     "expected": {"country": "PER", "code_1": "MIL"}, "collected_by_pytest": True},
    {"case_id": 2, "method": "search_nat", "input": {"text": "Norway"},
     "expected": {"country_code": "NOR", "remaining_text": ""}, "collected_by_pytest": True},
    {"case_id": 3, "method": "agent_to_code", "input": {"text": "Zorblat Quimby"}, "expected_none": True,
     "collected_by_pytest": True},
    {"case_id": 4, "method": "query_wiki", "input": {"query_term": "the Kremlin"},
     "expected": {"title": "Moscow Kremlin"}, "collected_by_pytest": True},
    {"case_id": 5, "method": "agent_to_code", "input": {"text": "Defense Minister", "context": "Peruvian"},
     "expected": {"country": "PER", "code_1": "GOV"}, "pytest_markers": ["skip"], "collected_by_pytest": True},
]


def _write(tmp_path, cases=CASES):
    (tmp_path / ngec.FILE).write_text(json.dumps({"field_meanings": {}, "cases": cases}), "utf-8")
    return tmp_path


def _actor(country, sector, kind="group"):
    return Actor("x", 0, 1, "x", country, sector, kind)


def test_ngec_loads_cases(tmp_path):
    cases = ngec.load_cases(_write(tmp_path) / ngec.FILE)
    assert [c.text for c in cases] == ["Peruvian soldiers", "Norway", "Zorblat Quimby", "the Kremlin", "Defense Minister"]
    assert cases[1].expected["country"] == "NOR" and cases[3].expected["wiki"] == "Moscow Kremlin"
    assert cases[4].context == "Peruvian" and not cases[4].collected


@pytest.mark.parametrize("body", ["{not json", json.dumps({"cases": [{"case_id": 1, "method": "x", "input": {}}]})])
def test_ngec_malformed_file_is_a_dataset_error(tmp_path, body):
    (tmp_path / ngec.FILE).write_text(body, "utf-8")
    with pytest.raises(DatasetError):
        ngec.load_cases(tmp_path / ngec.FILE)


@pytest.mark.parametrize("expected, actor, fields", [
    ({"country": "EUR", "code_1": "LEG"}, _actor("IGO", "LEG"), {"country": True, "sector": True}),
    ({"country": "", "code_1": "MED"}, _actor(None, "HLH"), {"country": True, "sector": True}),
    ({"country": "FRA", "code_1": ""}, _actor("FRA", "GOV", "state"), {"country": True, "sector": True}),
    ({"country": "GEO", "code_1": "PRE"}, _actor("GEO", "GOV", "state"), {"country": True}),
    ({"code_1": "GOV", "code_2": "MIL"}, _actor(None, "MIL"), {"sector": True}),
    ({"code_1": "UNK"}, None, {"sector": True}),
    ({"country": "RUS", "code_1": "SPY"}, _actor("RUS", "GOV"), {"country": True, "sector": False}),
])
def test_ngec_judge_maps_codes(expected, actor, fields):
    case = ngec.Case(1, "agent_to_code", "x", "", expected, {}, {}, False, True)
    assert ngec.judge(case, actor).fields == fields


def test_ngec_expected_none_passes_an_uncoded_actor():
    case = ngec.Case(1, "agent_to_code", "x", "", {}, {}, {}, True, True)
    assert ngec.judge(case, _actor(None, None, "person")).passed
    assert not ngec.judge(case, _actor("USA", "MIL", "person")).passed


@pytest.mark.parametrize("phrase, context, expected", [
    ("Peruvian soldiers", "", ("PER", "MIL")),
    ("Defense Minister", "Peruvian", ("PER", "GOV")),
    ("people in Norway", "", ("NOR", "CVL")),
    ("a former army officer", "", (None, "ELI")),
])
def test_ngec_resolve_phrase(nlp, phrase, context, expected):
    actor = ngec.resolve_phrase(nlp, load_actor_kb(), phrase, context=context)
    assert (actor.country, actor.sector) == expected


def test_ngec_evaluate_on_written_cases(tmp_path):
    result = ngec.evaluate(_write(tmp_path), part=None, limit=None, errors=5)
    assert result.items == 5 and result.figures["judged"] == 4
    assert result.figures["pass_rate"] == 1.0


def test_ngec_sample_of_the_real_cases(shared_dir):
    result = ngec.evaluate(shared_dir / "data" / "ngec-actor-tests", part=None, limit=150, errors=0)
    assert result.figures["judged"] > 100
    assert result.figures["pass_rate"] >= 0.78
    assert result.figures["country_accuracy"] >= 0.85
