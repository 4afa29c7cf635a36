"""The words of the QUANTITIES stage: units.yaml, validated and indexed, and the figure regex."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._lexicon import fail, load_lexicon

LEXICON = "units.yaml"
SECTIONS = (
    ("number_words", "mapping"), ("scale_words", "mapping"), ("scale_suffixes", "mapping"),
    ("vague_counts", "mapping"), ("vague_multipliers", "mapping"), ("approximators", "list"),
    ("approximate_suffixes", "list"), ("currency_symbols", "mapping"),
    ("currency_words", "mapping"), ("percent_words", "list"), ("unit_groups", "mapping"),
    ("demonyms", "list"), ("identifier_words", "list"), ("not_units", "list"),
    ("measure_units", "mapping"),
)
MINUS = "-−–"
NUMBER = r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


@dataclass(frozen=True, slots=True)
class Units:
    """units.yaml, validated and indexed for matching (phrases as tuples of words)."""

    number_words: dict[str, int]
    scales: dict[str, float]
    suffixes: dict[str, float]
    vague_counts: dict[tuple[str, ...], tuple[float, float]]
    vague_multipliers: dict[tuple[str, ...], tuple[float, float]]
    approximators: tuple[tuple[str, ...], ...]
    approximate_suffixes: tuple[tuple[str, ...], ...]
    currency_symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    percent_words: tuple[tuple[str, ...], ...]
    unit_of: dict[str, str]
    demonyms: frozenset[str]
    identifier_words: frozenset[str]
    not_units: frozenset[str]
    measure_of: dict[str, str]
    measure: re.Pattern[str]
    figure: re.Pattern[str]


@lru_cache(maxsize=1)
def load_units() -> Units:
    """Read and index units.yaml once per process."""
    data = load_lexicon(LEXICON, sections=SECTIONS)
    symbols = {str(k): str(v) for k, v in data["currency_symbols"].items()}
    suffixes = {str(k).lower(): float(v) for k, v in data["scale_suffixes"].items()}
    measure_of = measure_forms(data)
    return Units(
        number_words={str(k): int(v) for k, v in data["number_words"].items()},
        scales={str(k): float(v) for k, v in data["scale_words"].items()},
        suffixes=suffixes,
        vague_counts=ranges(data, "vague_counts"),
        vague_multipliers=ranges(data, "vague_multipliers"),
        approximators=phrases(data["approximators"]),
        approximate_suffixes=phrases(data["approximate_suffixes"]),
        currency_symbols=symbols,
        currency_words={tuple(str(k).split()): str(v) for k, v in data["currency_words"].items()},
        percent_words=phrases(data["percent_words"]),
        unit_of={str(word).lower(): str(group) for group, words in data["unit_groups"].items()
                 for word in words},
        demonyms=frozenset(str(w).lower() for w in data["demonyms"]),
        identifier_words=frozenset(str(w).lower() for w in data["identifier_words"]),
        not_units=frozenset(str(w).lower() for w in data["not_units"]),
        measure_of=measure_of,
        measure=measure_pattern(measure_of),
        figure=figure_pattern(symbols, suffixes, measure_of),
    )


def measure_forms(data: dict) -> dict[str, str]:
    """measure_units as form -> name; short forms keep their case, long ones are lower case."""
    forms: dict[str, str] = {}
    for name, written in data["measure_units"].items():
        if not isinstance(written, list):
            raise fail(LEXICON, f"{name}:", f"measure unit '{name}' needs a list of forms")
        for form in map(str, written):
            forms[form if len(form) <= 3 else form.lower()] = str(name)
    return forms


def measure_alternation(forms: dict[str, str]) -> str:
    """Forms longest first; three letters or fewer case-sensitive, longer ones not."""
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f) if len(f) <= 3 else f"(?i:{re.escape(f)})" for f in ordered)


def measure_pattern(forms: dict[str, str]) -> re.Pattern[str]:
    """A unit of measure right after a figure: glued, spaced or hyphenated ("2.4-liter")."""
    return re.compile(rf"[ \u00a0]?[-‐]?[ \u00a0]?(?P<unit>{measure_alternation(forms)})(?![\w°])")


def ranges(data: dict, section: str) -> dict[tuple[str, ...], tuple[float, float]]:
    """A section of phrase -> [least, most], checked."""
    out: dict[tuple[str, ...], tuple[float, float]] = {}
    for phrase, bounds in data[section].items():
        if not (isinstance(bounds, list) and len(bounds) == 2
                and all(isinstance(b, (int, float)) for b in bounds) and bounds[0] <= bounds[1]):
            raise fail(LEXICON, f"{phrase}:", f"'{phrase}' in {section} needs [least, most] numbers")
        out[tuple(str(phrase).split())] = (float(bounds[0]), float(bounds[1]))
    return out


def phrases(words: list) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first so the longest match wins."""
    return tuple(sorted((tuple(str(w).lower().split()) for w in words), key=len, reverse=True))


def figure_pattern(symbols: dict[str, str], suffixes: dict[str, float],
                   measures: dict[str, str]) -> re.Pattern[str]:
    """The digits regex: currency, sign, grouped number, glued scale, optional range."""
    cur = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    suf = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    def part(n: int) -> str:
        return (rf"(?:(?P<cur{n}>{cur})[ \u00a0]?)?(?P<sign{n}>[{MINUS}])?(?P<num{n}>{NUMBER})"
                rf"(?:(?P<suf{n}>{suf})(?![a-z]))?")

    return re.compile(
        rf"(?<![{MINUS}\w.,:/$€£¥]){part(1)}(?:(?P<sep>\s?[{MINUS}]\s?|\sto\s){part(2)})?"
        rf"(?!(?!(?-i:{measure_alternation(measures)})(?![\w°]))\w|[.,:]\d)",
        re.IGNORECASE,
    )
