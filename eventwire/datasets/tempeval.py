"""TempEval-3 (TE3-platinum test, TimeBank development): TIMEX3 extraction and values.

Reads the inline TimeML ``.tml`` files in place: the ``<DCT>`` TIMEX3 is the reference
date, the ``<TEXT>`` element with its tags stripped is the text (gold TIMEX3 offsets are
taken while stripping). ``extract_times`` runs on that text, parsed by the packaged
pipeline. Scoring follows TempEval-3 Task A:

1. Extraction: strict (same span) and relaxed (overlapping spans, one-to-one) P/R/F1.
2. Value: over relaxed matches, the ISO value must equal the gold ``value`` string.
   ``value_f1`` is TempEval-3's attribute F1 (correct values over all system and over all
   gold timexes); ``value_accuracy`` is correct values over matched pairs (what eventwire
   extracts). Type accuracy: eventwire's type is TIME when its value has a clock part,
   else DATE (it extracts no durations or sets).
3. Each figure twice: over all gold types, and over DATE+TIME only (gold DURATION and
   SET timexes, and system spans overlapping them, left out: eventwire drops durations
   and frequencies on purpose, rule 2 of ``extract.times``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DatasetError, message
from ..extract.times import extract_times
from ..nlp import load_pipeline
from ..records import DatasetResult, TimeRef

PARTS = {"platinum": "data/TempEval3/Evaluation/te3-platinum",
         "timebank": "data/TempEval3/Training/TBAQ-cleaned/TimeBank"}
COVERED_TYPES = ("DATE", "TIME")
ALL_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3 of the text: character offsets into the stripped text."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(slots=True)
class TimemlDoc:
    """One .tml file: its name, creation date, stripped text and gold timexes."""

    name: str
    dct: str
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


@dataclass(slots=True)
class Tally:
    """Counts behind the figures of one view (all types, DATE+TIME, one type)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Score TIMES on one part of TempEval-3 (module docstring)."""
    part = part or "platinum"
    if part not in PARTS:
        raise DatasetError(message("E402", name="tempeval3", path=data_dir,
                                   detail=f"no part '{part}'; known: {', '.join(PARTS)}"))
    folder = Path(data_dir) / PARTS[part]
    paths = sorted(folder.glob("*.tml"))[:limit]
    if not paths:
        raise DatasetError(message("E402", name="tempeval3", path=folder, detail="no .tml files"))
    nlp = load_pipeline()
    tallies = {view: Tally() for view in ("all", "date_time", *ALL_TYPES)}
    mistakes: list[tuple[int, str]] = []
    for path in paths:
        doc = load_document(path)
        found = extract_times(nlp(doc.text), doc.dct)
        mistakes += score_document(doc, found, tallies)
    name = "tempeval3" if part == "platinum" else f"tempeval3:{part}"
    mistakes.sort(key=mistake_rank)
    return DatasetResult(name=name, items=len(paths), figures=figures_of(tallies),
                         table=table_of(tallies), worst=[line for _, line in mistakes[:errors]])


def load_document(path: Path) -> TimemlDoc:
    """Parse one inline TimeML file; DatasetError when it is not one."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise DatasetError(message("E402", name="tempeval3", path=path, detail=str(error))) from error
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None or not dct.get("value", "")[:10].count("-") == 2:
        raise DatasetError(message("E402", name="tempeval3", path=path,
                                   detail="needs a <DCT> TIMEX3 with a YYYY-MM-DD value and a <TEXT>"))
    doc = TimemlDoc(name=path.stem, dct=dct.get("value", "")[:10], text="")
    pieces: list[str] = []
    strip_tags(body, pieces, doc, path)
    doc.text = "".join(pieces)
    return doc


def strip_tags(element: ElementTree.Element, pieces: list[str], doc: TimemlDoc, path: Path) -> None:
    """Append the text of ``element`` to ``pieces``, recording each TIMEX3's offsets."""
    start = sum(len(p) for p in pieces)
    pieces.append(element.text or "")
    for child in element:
        strip_tags(child, pieces, doc, path)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(element.itertext()))
        if element.get("type") not in ALL_TYPES or element.get("value") is None:
            raise DatasetError(message("E402", name="tempeval3", path=path,
                                       detail=f"TIMEX3 {element.get('tid')} needs a type and a value"))
        doc.timexes.append(GoldTimex(start, end, element.get("type", ""), element.get("value", ""),
                                     "".join(element.itertext())))


def overlaps(gold: GoldTimex, found: TimeRef) -> bool:
    return found.start < gold.end and gold.start < found.end


def system_type(found: TimeRef) -> str:
    """eventwire extracts dates only: TIME when the value has a clock part."""
    return "TIME" if found.value is not None and "T" in found.value else "DATE"


def pair_up(gold: list[GoldTimex], found: list[TimeRef]) -> list[tuple[GoldTimex, TimeRef]]:
    """One-to-one relaxed matches, exact spans first, then the largest overlap."""
    candidates = [(g, f) for g in gold for f in found if overlaps(g, f)]
    candidates.sort(key=pair_rank)
    pairs, used_gold, used_found = [], set(), set()
    for g, f in candidates:
        if id(g) not in used_gold and id(f) not in used_found:
            pairs.append((g, f))
            used_gold.add(id(g))
            used_found.add(id(f))
    return pairs


def pair_rank(pair: tuple[GoldTimex, TimeRef]) -> tuple[bool, int]:
    g, f = pair
    return (g.start, g.end) != (f.start, f.end), -(min(g.end, f.end) - max(g.start, f.start))


def score_document(doc: TimemlDoc, found: list[TimeRef], tallies: dict[str, Tally]) -> list[tuple[int, str]]:
    """Add one document's counts to ``tallies``; return its mistakes (rank, line)."""
    pairs = pair_up(doc.timexes, found)
    uncovered = [g for g in doc.timexes if g.type not in COVERED_TYPES]
    for view, gold in (("all", doc.timexes), ("date_time", [g for g in doc.timexes if g.type in COVERED_TYPES])):
        system = found if view == "all" else [f for f in found if not any(overlaps(g, f) for g in uncovered)]
        count(tallies[view], gold, system, [p for p in pairs if p[0] in gold])
    for kind in ALL_TYPES:
        gold = [g for g in doc.timexes if g.type == kind]
        count(tallies[kind], gold, [], [p for p in pairs if p[0].type == kind])
    return mistakes_of(doc, found, pairs)


def count(tally: Tally, gold: list[GoldTimex], system: list[TimeRef],
          pairs: list[tuple[GoldTimex, TimeRef]]) -> None:
    """Gold, system, strict, relaxed, value and type counts of one view."""
    tally.gold += len(gold)
    tally.system += len(system)
    tally.relaxed += len(pairs)
    tally.strict += sum((g.start, g.end) == (f.start, f.end) for g, f in pairs)
    tally.value += sum(g.value == f.value for g, f in pairs)
    tally.type += sum(g.type == system_type(f) for g, f in pairs)


def mistakes_of(doc: TimemlDoc, found: list[TimeRef], pairs: list[tuple[GoldTimex, TimeRef]]
                ) -> list[tuple[int, str]]:
    """Wrong values first, then misses of dates, then spurious spans: one short line each."""
    lines = [(0, f"{doc.name}: '{short(g.text)}' {g.type} gold {g.value}, ours '{short(f.text)}' {f.value}")
             for g, f in pairs if g.value != f.value]
    matched_gold = {id(g) for g, _ in pairs}
    matched_found = {id(f) for _, f in pairs}
    lines += [(1 if g.type in COVERED_TYPES else 3, f"{doc.name}: missed '{short(g.text)}' {g.type} {g.value}")
              for g in doc.timexes if id(g) not in matched_gold]
    lines += [(2, f"{doc.name}: spurious '{short(f.text)}' -> {f.value}")
              for f in found if id(f) not in matched_found]
    return lines


def mistake_rank(mistake: tuple[int, str]) -> int:
    return mistake[0]


def short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def f1(correct: int, system: int, gold: int) -> float | None:
    p, r = ratio(correct, system), ratio(correct, gold)
    if p is None or r is None or p + r == 0:
        return 0.0 if system or gold else None
    return round(2 * p * r / (p + r), 4)


def figures_of(tallies: dict[str, Tally]) -> dict[str, float | int | None]:
    """Named figures of the all-types and DATE+TIME views, and value accuracy per gold type."""
    figures: dict[str, float | int | None] = {}
    for view, prefix in (("all", ""), ("date_time", "date_time_")):
        t = tallies[view]
        figures |= {
            f"{prefix}gold": t.gold, f"{prefix}system": t.system,
            f"{prefix}strict_precision": ratio(t.strict, t.system), f"{prefix}strict_recall": ratio(t.strict, t.gold),
            f"{prefix}strict_f1": f1(t.strict, t.system, t.gold),
            f"{prefix}relaxed_precision": ratio(t.relaxed, t.system),
            f"{prefix}relaxed_recall": ratio(t.relaxed, t.gold),
            f"{prefix}relaxed_f1": f1(t.relaxed, t.system, t.gold),
            f"{prefix}value_f1": f1(t.value, t.system, t.gold),
            f"{prefix}value_accuracy": ratio(t.value, t.relaxed),
            f"{prefix}type_accuracy": ratio(t.type, t.relaxed),
        }
    for kind in ALL_TYPES:
        t = tallies[kind]
        figures |= {f"{kind.lower()}_gold": t.gold, f"{kind.lower()}_recall": ratio(t.relaxed, t.gold),
                    f"{kind.lower()}_value_accuracy": ratio(t.value, t.relaxed)}
    return figures


def table_of(tallies: dict[str, Tally]) -> list[tuple[str, str]]:
    """The rows a person reads: both views, then recall and value accuracy by gold type."""
    rows = []
    for view, label in (("all", "all types"), ("date_time", "DATE+TIME")):
        t = tallies[view]
        rows += [
            (f"{label}: gold / ours", f"{t.gold} / {t.system}"),
            (f"{label}: strict P R F1", prf(t.strict, t.system, t.gold)),
            (f"{label}: relaxed P R F1", prf(t.relaxed, t.system, t.gold)),
            (f"{label}: value F1", fmt(f1(t.value, t.system, t.gold))),
            (f"{label}: value accuracy (matched)", f"{fmt(ratio(t.value, t.relaxed))} ({t.value}/{t.relaxed})"),
            (f"{label}: type accuracy (matched)", fmt(ratio(t.type, t.relaxed))),
        ]
    for kind in ALL_TYPES:
        t = tallies[kind]
        rows.append((f"{kind}: recall, value accuracy",
                     f"{fmt(ratio(t.relaxed, t.gold))}, {fmt(ratio(t.value, t.relaxed))} (gold {t.gold})"))
    return rows


def prf(correct: int, system: int, gold: int) -> str:
    return f"{fmt(ratio(correct, system))} {fmt(ratio(correct, gold))} {fmt(f1(correct, system, gold))}"


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
