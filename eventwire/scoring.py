"""The comparisons ``evaluate.py`` is made of: span words, one-to-one matching, field agreement.

Each function is one rule of the "Scoring" section of RECORD.md; the choices the
spec leaves open are listed, numbered, in ``eventwire.evaluate``'s docstring.
Field rules take the gold event first and the output event second.
"""

from __future__ import annotations

import math
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from .records import Actor, Attribution, Event, Place

MIN_OVERLAP = 0.5          # share of the shorter span's distinct words (events) / of the gold quote
LENGTH_FACTOR = 3          # an output span longer than 3 x the gold span + 10 words never matches
LENGTH_SLACK = 10
CITY_KM = 50.0
SIZE_TOLERANCE = 0.01
EARTH_RADIUS_KM = 6371.0088
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_ARTICLES = ("the", "a", "an")


def words(text: str) -> list[str]:
    """The words of a span: NFKC, casefolded, split on whitespace, punctuation stripped from edges."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """``words``, cached: every evidence sentence is compared with many others."""
    normal = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    stripped = (_strip_punctuation(word) for word in normal.split())
    return tuple(word for word in stripped if word)


def _strip_punctuation(word: str) -> str:
    """Drop Unicode punctuation (category P*) from both ends; inner marks ("3,000") stay."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def span_overlap(output_text: str, gold_text: str) -> float:
    """Share of the shorter span's distinct words that the other span has; 0 for an over-long output."""
    output_words, gold_words = _words(output_text), _words(gold_text)
    if not output_words or not gold_words:
        return 0.0
    if len(output_words) > LENGTH_FACTOR * len(gold_words) + LENGTH_SLACK:
        return 0.0
    output_set, gold_set = set(output_words), set(gold_words)
    return len(output_set & gold_set) / min(len(output_set), len(gold_set))


def evidence_overlap(gold: Event, output: Event) -> float:
    """The best overlap of any output evidence span with any gold one (0 when none reaches the bar)."""
    best = max((span_overlap(o.text, g.text) for g in gold.evidence for o in output.evidence),
               default=0.0)
    return best if best >= MIN_OVERLAP else 0.0


def type_agreement(gold: Event, output: Event) -> int:
    """2 for the gold type, 1 for one of its alt_types, 0 otherwise."""
    if output.event_type == gold.event_type:
        return 2
    return 1 if output.event_type in gold.alt_types else 0


def quote_overlap(output_text: str, gold_text: str) -> float:
    """Longest run of characters the quotes share, as a share of the gold quote (normalized text)."""
    gold_chars, output_chars = _normal_chars(gold_text), _normal_chars(output_text)
    if not gold_chars or not output_chars:
        return 0.0
    matcher = SequenceMatcher(None, gold_chars, output_chars, autojunk=False)
    run = matcher.find_longest_match(0, len(gold_chars), 0, len(output_chars)).size
    return run / len(gold_chars)


def _normal_chars(text: str) -> str:
    """Text for character comparison: NFKC, casefolded, straight apostrophes, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES).split())


def best_assignment(weights: Sequence[Sequence[int]]) -> dict[int, int]:
    """Row -> column pairs of greatest total weight (Hungarian method); weight-0 pairs are left out."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return {}
    size = max(rows, cols)
    top = max(max(row) for row in weights)
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0) for j in range(size)]
            for i in range(size)]
    owner = _hungarian(cost)
    return {i: j for j, i in enumerate(owner) if i < rows and j < cols and weights[i][j] > 0}


def _hungarian(cost: list[list[int]]) -> list[int]:
    """For each column of a square cost matrix, the row assigned to it at least total cost."""
    size = len(cost)
    row_pot, col_pot = [0] * (size + 1), [0] * (size + 1)
    owner, way = [0] * (size + 1), [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0], col = row, 0
        slack, used = [math.inf] * (size + 1), [False] * (size + 1)
        while owner[col] != 0:
            used[col], current, delta, next_col = True, owner[col], math.inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    reduced = cost[current - 1][j - 1] - row_pot[current] - col_pot[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, col
                    if slack[j] < delta:
                        delta, next_col = slack[j], j
            for j in range(size + 1):
                if used[j]:
                    row_pot[owner[j]] += delta
                    col_pot[j] -= delta
                else:
                    slack[j] -= delta
            col = next_col
        while col:
            owner[col] = owner[way[col]]
            col = way[col]
    return [owner[j] - 1 for j in range(1, size + 1)]


def lexicographic(parts: Sequence[int], *, base: int) -> int:
    """One integer that orders like the tuple ``parts`` when summed over fewer than base/100 pairs."""
    total = 0
    for part in parts:
        total = total * base + part
    return total


# --- names and actors ---------------------------------------------------------------------

def normal_name(name: str | None) -> str | None:
    """A name for comparison: casefolded, accents and periods dropped, one leading article dropped."""
    if name is None:
        return None
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    found = words(plain.replace(".", ""))
    if len(found) > 1 and found[0] in _ARTICLES:
        found = found[1:]
    return " ".join(found) or None


def same_name(gold: str | None, output: str | None) -> bool:
    gold_name = normal_name(gold)
    return gold_name is not None and gold_name == normal_name(output)


def countries(actors: Sequence[Actor]) -> set[str]:
    """The actors' country codes, nulls left out."""
    return {actor.country for actor in actors if actor.country is not None}


def _role_agrees(gold: Sequence[Actor], output: Sequence[Actor]) -> bool:
    """Same country sets; an empty gold list (role unstated) accepts any output."""
    return not gold or countries(gold) == countries(output)


def actor_agrees(gold: Event, output: Event) -> bool:
    return _role_agrees(gold.actor, output.actor)


def recipient_agrees(gold: Event, output: Event) -> bool:
    return _role_agrees(gold.recipient, output.recipient)


def _source_agrees(gold: Actor | None, output: Actor | None) -> bool:
    """Same name, or the same known country and sector."""
    if gold is None or output is None:
        return gold is output
    if same_name(gold.name, output.name):
        return True
    return None not in (gold.country, gold.sector) and \
        (gold.country, gold.sector) == (output.country, output.sector)


def attribution_agrees(gold: Event, output: Event) -> bool:
    return _attribution_agrees(gold.attribution, output.attribution)


def _attribution_agrees(gold: Attribution | None, output: Attribution | None) -> bool:
    if gold is None or output is None:
        return gold is output
    return _source_agrees(gold.source, output.source)


def is_unnamed(actor: Actor) -> bool:
    """A speaker known only by a description ("senior defence official"): no capitalised name."""
    tokens = (actor.name or "").split()
    if tokens and tokens[0].casefold() in _ARTICLES:
        tokens = tokens[1:]
    return not tokens or not tokens[0][:1].isupper()


def speaker_agrees(gold: Actor | None, output: Actor | None) -> bool:
    """Null needs null; a named person needs the same name (accents aside); any other speaker
    the same name or the same country+sector, as RECORD.md scores attribution sources.

    So "China's commerce ministry" agrees with "Chinese Ministry of Commerce" (CHN/GOV) and
    "the official" with "senior defence official", but Ida Berg is never Lars Holm.
    """
    if gold is None or output is None:
        return gold is output
    if same_name(gold.name, output.name):
        return True
    if gold.kind == "person" and not is_unnamed(gold):
        return False
    return gold.country is not None and gold.sector is not None and \
        (gold.country, gold.sector) == (output.country, output.sector)


# --- the other fields ----------------------------------------------------------------------

def modality_agrees(gold: Event, output: Event) -> bool:
    return output.modality == gold.modality or output.modality in gold.alt_modality


def date_value(event: Event) -> str | None:
    value = event.date.value if event.date is not None else None
    return (value.strip().casefold() or None) if value else None


def date_agrees(gold: Event, output: Event) -> bool:
    return date_value(gold) == date_value(output)


def size_value(event: Event) -> float | None:
    return event.size.value if event.size is not None else None


def size_agrees(gold: Event, output: Event) -> bool:
    """The same value within 1% of the gold value; both null agree."""
    gold_value, output_value = size_value(gold), size_value(output)
    if gold_value is None or output_value is None:
        return gold_value is output_value
    return abs(output_value - gold_value) <= SIZE_TOLERANCE * abs(gold_value)


def place_agrees(gold: Place, output: Place) -> bool:
    """Cities within 50 km; regions without a country by name; anything else by country."""
    if gold.feature == "city":
        if None not in (gold.lat, gold.lon, output.lat, output.lon):
            return distance_km(gold, output) <= CITY_KM
        return gold.country == output.country and same_name(gold.name, output.name)
    if gold.country is None:
        return same_name(gold.name, output.name)
    return gold.country == output.country


def location_agrees(gold: Event, output: Event) -> bool:
    """Every gold place agrees with some output place and every output place with some gold one."""
    if not gold.location or not output.location:
        return not gold.location and not output.location
    covered = all(any(place_agrees(g, o) for o in output.location) for g in gold.location)
    needed = all(any(place_agrees(g, o) for g in gold.location) for o in output.location)
    return covered and needed


def distance_km(first: Place, second: Place) -> float:
    """Great-circle (haversine) distance between two places with coordinates."""
    lat1, lon1, lat2, lon2 = map(math.radians, (first.lat, first.lon, second.lat, second.lon))
    chord = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, chord)))


# --- how values are shown in the report ----------------------------------------------------

def show_actors(actors: Sequence[Actor | None]) -> str:
    shown = [f"{a.name or a.text} ({a.country or '?'}/{a.sector or '?'})" for a in actors if a]
    return "; ".join(shown) or "none"


def show_actor(event: Event, *, gold: bool = False) -> str:
    return show_actors(event.actor)


def show_recipient(event: Event, *, gold: bool = False) -> str:
    return show_actors(event.recipient)


def show_modality(event: Event, *, gold: bool = False) -> str:
    others = f" (or {', '.join(event.alt_modality)})" if gold and event.alt_modality else ""
    return event.modality + others


def show_date(event: Event, *, gold: bool = False) -> str:
    return date_value(event) or "none"


def show_location(event: Event, *, gold: bool = False) -> str:
    shown = [f"{p.name or p.text} ({p.country or p.feature or '?'})" for p in event.location]
    return "; ".join(shown) or "none"


def show_size(event: Event, *, gold: bool = False) -> str:
    value = size_value(event)
    return "none" if value is None else f"{value:g}"


def show_attribution(event: Event, *, gold: bool = False) -> str:
    if event.attribution is None:
        return "none"
    return show_actors([event.attribution.source]) if event.attribution.source else "no source"


# field name, agreement rule (gold, output), how a value is shown
FIELD_RULES = (
    ("actor", actor_agrees, show_actor),
    ("recipient", recipient_agrees, show_recipient),
    ("modality", modality_agrees, show_modality),
    ("date", date_agrees, show_date),
    ("location", location_agrees, show_location),
    ("size", size_agrees, show_size),
    ("attribution", attribution_agrees, show_attribution),
)
