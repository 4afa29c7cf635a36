"""NewsQuant loader and scorer: own fixtures in the set's JSON shape, then a sample of the set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.datasets.newsquant import FILE, evaluate, load_sentences, unit_key
from eventwire.errors import DatasetError

ITEMS = [
    {"text": "Rebels freed 120 hostages and paid $2.5 million in ransom.",
     "quantities": [{"change": "=", "value": "120.0", "unit": "hostages", "normalized_unit": "hostage",
                     "referred_concepts": "-"},
                    {"change": "=", "value": "2500000.0", "unit": "$", "normalized_unit": "dollar",
                     "referred_concepts": "ransom"}]},
    {"text": "Prices rose about 4 percent, and the car gives 300 hp.",
     "quantities": [{"change": "~", "value": "4.0", "unit": "percent", "normalized_unit": "percentage",
                     "referred_concepts": "-"},
                    {"change": "=", "value": "300.0", "unit": "hp", "normalized_unit": "horsepower",
                     "referred_concepts": "car"}]},
    {"text": "The ferry runs for 3 hours between 5 and 7 knots.",
     "quantities": [{"change": "=", "value": "3", "unit": "hours", "normalized_unit": "hour",
                     "referred_concepts": "-"},
                    {"change": "=", "value": "5.0-7.0", "unit": "knots", "normalized_unit": "knot",
                     "referred_concepts": "ferry"}]},
]


def write_set(root: Path, data: object) -> Path:
    path = root / FILE
    path.parent.mkdir(parents=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return root


def test_newsquant_load_sentences_reads_values_and_ranges(tmp_path):
    sentences = load_sentences(write_set(tmp_path, ITEMS) / FILE)
    assert [len(s.quantities) for s in sentences] == [2, 2, 2]
    assert (sentences[2].quantities[1].value, sentences[2].quantities[1].value_max) == (5.0, 7.0)
    assert [q.in_scope for q in sentences[2].quantities] == [False, True]


def test_newsquant_evaluate_scores_values_and_units(tmp_path):
    result = evaluate(write_set(tmp_path, ITEMS), part=None, limit=None, errors=3)
    figures = result.figures
    assert (result.items, figures["gold"], figures["in_scope_gold"]) == (3, 6, 5)
    assert figures["in_scope_value_unit_recall"] == 1.0
    assert figures["value_unit_recall"] == pytest.approx(5 / 6, abs=1e-3)
    assert figures["approximate_accuracy"] == 1.0


@pytest.mark.parametrize("unit,key", [
    ("dollar", "USD"), ("$", "USD"), ("US$ per barrel", "USD"), ("japanese yen", "JPY"),
    ("percentage", "percent"), ("%", "percent"), ("pc", "percent"), ("mph", "mile per hour"),
    ("horsepower", "horsepower"), ("soldiers", "people"), ("-", "-"), ("vehicles", "vehicle"),
])
def test_newsquant_unit_key_normalises_both_sides(unit, key):
    assert unit_key(unit) == key


@pytest.mark.parametrize("data,detail", [
    ("[{", "Expecting"),
    ({"text": "not a list"}, "JSON array"),
    ([{"text": "No figure."}], "'quantities' list"),
    ([{"text": "Ten boats.", "quantities": [{"value": "ten", "unit": "boats"}]}], "numeric 'value'"),
])
def test_newsquant_malformed_file_raises_dataset_error(tmp_path, data, detail):
    with pytest.raises(DatasetError, match=detail):
        evaluate(write_set(tmp_path, data), part=None, limit=None, errors=0)


def test_newsquant_sample_keeps_its_floor(shared_dir):
    """Regression on the first 150 sentences (measured 2026-12-07; floors a little under)."""
    result = evaluate(shared_dir / "data" / "newsquant", part=None, limit=150, errors=0)
    assert result.items == 150
    for name, floor in FLOORS.items():
        assert result.figures[name] >= floor, name


# Measured on this sample: 0.802, 0.741, 0.783.
FLOORS = {"value_f1": 0.76, "value_unit_f1": 0.70, "in_scope_value_unit_f1": 0.74}
