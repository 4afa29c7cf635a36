"""Accuracy floors: CI fails if coding gets worse than these on gold articles.

Like trafilatura's eval_gate: the figures themselves are measured and reported by
``benchmarks/articles.py`` (see BENCHMARKS.md); this only pins floors a little below
them, so a change that loses events, dyads or modality is caught.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.evaluate import score
from eventwire.ingest import read_inputs
from eventwire.pipeline import code_article
from eventwire.recordfiles import load_records
from eventwire.records import Record

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"

# The seed: issue 2 asked for event F1 0.85, dyad 0.75, modality 0.90, quotes and speakers 0.80;
# eventwire reaches 1.0 on each, and issue 3's tuning must not lower it, so the floors sit just
# under that (one false alarm in 13 events still passes). Our own set: a little under today.
SEED_FLOORS = {"event_f1": 0.95, "dyad_f1": 0.95, "modality_accuracy": 0.95, "quote_f1": 0.95,
               "speaker_accuracy": 0.95}
OWN_FLOORS = {"event_f1": 0.72, "dyad_f1": 0.31, "modality_accuracy": 0.85, "quote_f1": 0.95,
              "speaker_accuracy": 0.80, "size_accuracy": 0.85, "date_accuracy": 0.75}
MAX_DUPLICATE_RATE = 0.10


def _code(path: Path, gold: Record) -> Record:
    settings = Settings()
    items = list(read_inputs([str(path)], settings=settings, published=gold.article.published,
                             outlet=gold.article.outlet))
    return code_article(items[0], settings)


@pytest.fixture(scope="module")
def own_scores():
    golds = load_records(ARTICLES)
    outputs = [_code(ARTICLES / f"{gold.article.id}.txt", gold) for gold in golds]
    return score(golds, outputs)


@pytest.fixture(scope="module")
def seed(shared_dir):
    examples = shared_dir / "spec" / "examples"
    gold = Record.from_dict(json.loads((examples / "seed.gold.json").read_text("utf-8")))
    return gold, _code(examples / "seed-article.txt", gold)


@pytest.mark.parametrize(("figure", "floor"), sorted(OWN_FLOORS.items()))
def test_accuracy_gate_own_articles(own_scores, figure, floor):
    assert getattr(own_scores, figure) >= floor


def test_accuracy_gate_own_articles_duplicates(own_scores):
    assert own_scores.duplicate_rate <= MAX_DUPLICATE_RATE


@pytest.mark.parametrize(("figure", "floor"), sorted(SEED_FLOORS.items()))
def test_accuracy_gate_seed(seed, figure, floor):
    gold, output = seed
    assert getattr(score([gold], [output]), figure) >= floor


def test_accuracy_gate_seed_call_is_dated_and_sourced(seed):
    """Issue 2: the phone call is dated from "yesterday, February 1" and attributed to CNN."""
    _gold, output = seed
    calls = [e for e in output.events if e.event_type == "CONSULT" and e.mode == "phone"]
    assert [(e.date.value if e.date else None, e.attribution.source.name if e.attribution else None)
            for e in calls] == [("2022-02-01", "CNN")]


def test_accuracy_gate_seed_sizes_on_their_events(seed):
    """Issue 2: each deployment figure sits on its own MOBILIZE event."""
    _gold, output = seed
    sizes = {e.size.value for e in output.events if e.event_type == "MOBILIZE" and e.size}
    assert {3000, 2000, 1000, 8500} <= sizes
