"""NewsQuant (the CQE test set): quantities, their values and units, in news sentences.

Reads ``data/formatted_test_set/NewsQuant.json`` in place: a JSON array of
``{text, quantities: [{value, unit, normalized_unit, change, referred_concepts}]}``.
``extract_quantities`` runs on each sentence, parsed by the packaged pipeline. Scoring:

1. Value: a gold quantity and one of ours match when the values agree within 1%
   (a gold range "252.0-287.0" needs both ends: our ``value`` and ``value_max``);
   one-to-one per sentence. ``value_f1`` over all gold quantities.
2. Value + unit: the units must agree too, both sides normalised by ``unit_key``:
   lower case, singular, currencies to ISO 4217 through units.yaml (our own
   currency table: "japanese yen" and "Y" -> JPY), the percent family to "percent",
   eventwire's people groups (troops, refugees, protesters, police) and "people",
   "person" to "people"; a rate ("US$ per barrel") is compared on its numerator, and a
   gold noun phrase ("first-team players") also on its head noun ("player").
   A gold unit "-" (a bare count) matches a quantity with no unit.
3. ``approximate_accuracy``: over value matches, gold change "~", ">" or "<" against
   our ``approximate`` (eventwire has no up/down: those count as exact).
4. Each figure twice: over all gold quantities, and "in scope" without gold ages and
   durations (units of time), which eventwire leaves out on purpose (rule 2 of
   ``extract.quantities``: they are not the size of an event).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatasetError, message
from ..extract.quantities import extract_quantities
from ..extract.quantity_words import load_units
from ..nlp import load_pipeline
from ..records import DatasetResult, Quantity

FILE = "data/formatted_test_set/NewsQuant.json"
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade",
                        "century", "year of age", "millisecond", "quarter", "season"})
PEOPLE = frozenset({"people", "person", "troops", "refugees", "protesters", "police"})
APPROXIMATE_CHANGES = frozenset({"~", ">", "<"})
VALUE = re.compile(r"^\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(?:-\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?))?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    """One annotated quantity: value (and the top of a range), unit, change."""

    value: float
    value_max: float | None
    unit: str
    normalized_unit: str
    change: str

    @property
    def in_scope(self) -> bool:
        return unit_key(self.normalized_unit) not in TIME_UNITS


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    quantities: tuple[GoldQuantity, ...]


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    value: int = 0
    unit: int = 0
    approximate: int = 0


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Score QUANTITIES on NewsQuant (module docstring)."""
    sentences = load_sentences(Path(data_dir) / FILE)[:limit]
    nlp = load_pipeline()
    tallies = {"all": Tally(), "scope": Tally()}
    mistakes: list[tuple[int, str]] = []
    for number, sentence in enumerate(sentences):
        found = extract_quantities(nlp(sentence.text))
        mistakes += score_sentence(number, sentence, found, tallies)
    mistakes.sort(key=mistake_rank, reverse=True)
    return DatasetResult(name="newsquant", items=len(sentences), figures=figures_of(tallies),
                         table=table_of(tallies), worst=[line for _, line in mistakes[:errors]])


def load_sentences(path: Path) -> list[Sentence]:
    """The JSON array as Sentences; DatasetError when it is not the NewsQuant shape."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DatasetError(message("E402", name="newsquant", path=path, detail=str(error))) from error
    if not isinstance(data, list):
        raise DatasetError(message("E402", name="newsquant", path=path, detail="expected a JSON array"))
    return [sentence_of(item, number, path) for number, item in enumerate(data)]


def sentence_of(item: object, number: int, path: Path) -> Sentence:
    """One item, checked: a text and a list of quantities with a numeric value."""
    if not (isinstance(item, dict) and isinstance(item.get("text"), str)
            and isinstance(item.get("quantities"), list)):
        raise DatasetError(message("E402", name="newsquant", path=path,
                                   detail=f"item {number} needs 'text' and a 'quantities' list"))
    quantities = []
    for quantity in item["quantities"]:
        match = VALUE.match(str(quantity.get("value", ""))) if isinstance(quantity, dict) else None
        if match is None:
            raise DatasetError(message("E402", name="newsquant", path=path,
                                       detail=f"item {number}: a quantity without a numeric 'value'"))
        quantities.append(GoldQuantity(
            float(match[1]), float(match[2]) if match[2] else None, str(quantity.get("unit", "-")),
            str(quantity.get("normalized_unit", "-")), str(quantity.get("change", "="))))
    return Sentence(item["text"], tuple(quantities))


def close(ours: float | None, gold: float | None) -> bool:
    """Same value within 1% (exactly, for zero)."""
    if ours is None or gold is None:
        return ours is None and gold is None
    return abs(ours - gold) <= 0.01 * abs(gold) if gold else ours == 0


def value_matches(gold: GoldQuantity, found: Quantity) -> bool:
    if gold.value_max is None:
        return close(found.value, gold.value)
    return close(found.value, gold.value) and close(found.value_max, gold.value_max)


def unit_key(unit: str | None) -> str:
    """A unit in comparable form (module docstring, rule 2)."""
    if unit is None or unit.strip() in ("", "-"):
        return "-"
    text = re.split(r"\s+(?:per|a|an)\s+|/", unit.strip(), flags=re.I)[0].strip()
    units = load_units()
    if text in units.currency_symbols:
        return units.currency_symbols[text]
    measure = units.measure_of.get(text) or units.measure_of.get(text.lower())
    if measure:
        return measure
    text = text.lower()
    for phrase in (text, singular(text)):
        code = units.currency_words.get(tuple(phrase.split()))
        if code:
            return code
        if phrase in units.currency_symbols.values() or phrase.upper() in units.currency_symbols.values():
            return phrase.upper()
    if text in ("%", "percentage", "percent", "per cent", "pc", "pct"):
        return "percent"
    measure = units.measure_of.get(text) or units.measure_of.get(singular(text))
    word = measure or units.unit_of.get(text) or units.unit_of.get(singular(text)) or singular(text)
    return "people" if word in PEOPLE else word


def singular(text: str) -> str:
    """A crude singular of the last word ("vehicles" -> "vehicle", "inches" -> "inch")."""
    if text.endswith("ies") and len(text) > 4:
        return text[:-3] + "y"
    if re.search(r"(?:ch|sh|x|ss)es$", text):
        return text[:-2]
    if text.endswith("s") and not text.endswith(("ss", "us", "is")) and len(text) > 3:
        return text[:-1]
    return text


def unit_matches(gold: GoldQuantity, found: Quantity) -> bool:
    """Our unit against the gold one, its surface form, or the head noun of either."""
    ours = unit_key(found.unit)
    keys = {unit_key(gold.normalized_unit), unit_key(gold.unit)}
    keys |= {unit_key(text.split()[-1]) for text in (gold.normalized_unit, gold.unit)
             if len(text.split()) > 1 and " per " not in text}
    return ours in keys


def pair_up(gold: tuple[GoldQuantity, ...], found: list[Quantity], *, with_unit: bool
            ) -> list[tuple[GoldQuantity, Quantity]]:
    """One-to-one matches in text order of ours: the first gold quantity that fits."""
    pairs, used = [], set()
    for quantity in found:
        for index, g in enumerate(gold):
            if index not in used and value_matches(g, quantity) and (not with_unit or unit_matches(g, quantity)):
                pairs.append((g, quantity))
                used.add(index)
                break
    return pairs


def score_sentence(number: int, sentence: Sentence, found: list[Quantity],
                   tallies: dict[str, Tally]) -> list[tuple[int, str]]:
    """Add one sentence's counts; return its mistakes (rank = how many, one line)."""
    by_value = pair_up(sentence.quantities, found, with_unit=False)
    by_unit = pair_up(sentence.quantities, found, with_unit=True)
    for view, keep in (("all", None), ("scope", True)):
        gold = [g for g in sentence.quantities if keep is None or g.in_scope]
        tally = tallies[view]
        tally.gold += len(gold)
        tally.system += len(found)
        tally.value += sum(1 for g, _ in by_value if g in gold)
        tally.unit += sum(1 for g, _ in by_unit if g in gold)
        tally.approximate += sum(1 for g, f in by_value if g in gold
                                 and (g.change in APPROXIMATE_CHANGES) == bool(f.approximate))
    wrong = len(sentence.quantities) + len(found) - 2 * len(by_unit)
    if not wrong:
        return []
    gold_text = "; ".join(f"{g.value:g} {g.unit}" for g in sentence.quantities) or "none"
    ours_text = "; ".join(f"{f.value:g} {f.unit or '-'}" for f in found if f.value is not None) or "none"
    return [(wrong, f"#{number} '{short(sentence.text)}' gold [{gold_text}] ours [{ours_text}]")]


def mistake_rank(mistake: tuple[int, str]) -> int:
    return mistake[0]


def short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def f1(correct: int, system: int, gold: int) -> float | None:
    if not system or not gold:
        return None
    p, r = correct / system, correct / gold
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def figures_of(tallies: dict[str, Tally]) -> dict[str, float | int | None]:
    figures: dict[str, float | int | None] = {}
    for view, prefix in (("all", ""), ("scope", "in_scope_")):
        t = tallies[view]
        figures |= {
            f"{prefix}gold": t.gold, f"{prefix}system": t.system,
            f"{prefix}value_precision": ratio(t.value, t.system), f"{prefix}value_recall": ratio(t.value, t.gold),
            f"{prefix}value_f1": f1(t.value, t.system, t.gold),
            f"{prefix}value_unit_precision": ratio(t.unit, t.system),
            f"{prefix}value_unit_recall": ratio(t.unit, t.gold),
            f"{prefix}value_unit_f1": f1(t.unit, t.system, t.gold),
            f"{prefix}approximate_accuracy": ratio(t.approximate, t.value),
        }
    return figures


def table_of(tallies: dict[str, Tally]) -> list[tuple[str, str]]:
    rows = []
    for view, label in (("all", "all"), ("scope", "in scope (no ages/durations)")):
        t = tallies[view]
        rows += [
            (f"{label}: gold / ours", f"{t.gold} / {t.system}"),
            (f"{label}: value P R F1", prf(t.value, t.system, t.gold)),
            (f"{label}: value+unit P R F1", prf(t.unit, t.system, t.gold)),
            (f"{label}: approximate accuracy", fmt(ratio(t.approximate, t.value))),
        ]
    return rows


def prf(correct: int, system: int, gold: int) -> str:
    return f"{fmt(ratio(correct, system))} {fmt(ratio(correct, gold))} {fmt(f1(correct, system, gold))}"


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
