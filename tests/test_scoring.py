"""The single rules evaluate.py is built from: words, overlap, matching, names, distance."""

from __future__ import annotations

import itertools
import random

import pytest

from eventwire.records import Actor, Place
from eventwire.scoring import (best_assignment, distance_km, is_unnamed, normal_name,
                               quote_overlap, span_overlap, words)


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway sent 3,000 engineers.", ["norway", "sent", "3,000", "engineers"]),
    ("\u201cWe won\u2019t go,\u201d she said \u2014 twice", ["we", "won't", "go", "she", "said", "twice"]),
    ("  (U.S.)  officials ", ["u.s", "officials"]),
    ("$1.2bn  -- !!", ["$1.2bn"]),
    ("", []),
])
def test_scoring_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(("output", "gold", "expected"), [
    ("a b c d", "a b c d", 1.0),
    ("a b", "a b c d", 1.0),                 # the shorter span is wholly shared
    ("a b x y", "a b c d", 0.5),
    ("a a a b", "a b c", 1.0),               # distinct words
    ("", "a b", 0.0),
    ("a b " + "z " * 14, "a b", 1.0),        # 16 words = 3 x 2 + 10: still allowed
    ("a b " + "z " * 15, "a b", 0.0),        # 17 words: over-long, never matches
])
def test_scoring_span_overlap(output, gold, expected):
    assert span_overlap(output, gold) == expected


@pytest.mark.parametrize(("output", "gold", "expected"), [
    ("we go now", "we go now", 1.0),
    ("WE  GO", "we go now", 5 / 9),
    ("xyz", "abc", 0.0),
])
def test_scoring_quote_overlap(output, gold, expected):
    assert quote_overlap(output, gold) == pytest.approx(expected)


def brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        best = max(best, sum(weights[i][j] for i, j in enumerate(perm) if j < cols))
    return best


@pytest.mark.parametrize("seed", range(30))
def test_scoring_best_assignment_is_maximal(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = [[rng.choice([0, 0, 1, 5, 9, 40]) for _ in range(cols)] for _ in range(rows)]
    pairs = best_assignment(weights)
    assert len(set(pairs.values())) == len(pairs)
    assert all(weights[i][j] > 0 for i, j in pairs.items())
    assert sum(weights[i][j] for i, j in pairs.items()) == brute_force(weights)


def test_scoring_best_assignment_empty():
    assert best_assignment([]) == {} and best_assignment([[]]) == {}


@pytest.mark.parametrize(("name", "expected"), [
    ("The Harbour Gazette", "harbour gazette"),
    ("U.S. officials", "us officials"),
    ("a  navy officer", "navy officer"),
    ("The", "the"),
    (None, None),
])
def test_scoring_normal_name(name, expected):
    assert normal_name(name) == expected


@pytest.mark.parametrize(("name", "unnamed"), [
    ("senior navy officer", True), ("A senior navy officer", True), (None, True),
    ("Ida Berg", False), ("The Pentagon", False),
])
def test_scoring_is_unnamed(name, unnamed):
    assert is_unnamed(Actor("x", 0, 1, name=name)) is unnamed


def test_scoring_distance_km():
    oslo = Place("Oslo", 0, 1, lat=59.91, lon=10.75)
    bergen = Place("Bergen", 0, 1, lat=60.39, lon=5.32)
    assert distance_km(oslo, bergen) == pytest.approx(305, abs=5)
    assert distance_km(oslo, oslo) == 0.0
