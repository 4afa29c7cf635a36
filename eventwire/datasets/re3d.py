"""re3d (Dstl): NER F1 per entity type, for the types eventwire produces.

Each source folder holds ``documents.json``, ``entities.json`` and ``relations.json``, one
mongoexport JSON object a line. Every document is parsed once and run through the ACTORS,
PLACES, TIMES and QUANTITIES stages; re3d's types map to what eventwire writes (``TYPES``):

- Person -> an actor of kind person; Organisation -> an actor of kind organization or group,
  or a named state read as an actor (re3d tags a country that acts, "Iraq said", Organisation);
- Nationality -> a nationality word: an adjective the ACTORS stage reads as its state
  ("Syrian"), or a demonym group ("Syrians");
- Location -> a Place; Temporal -> a TimeRef; Quantity and Money -> a Quantity (one type).

Out of scope (eventwire has no such field): Weapon, Vehicle, MilitaryPlatform,
DocumentReference, CommsIdentifier, Frequency, Url, Coordinate. Relations are not scored (no
eventwire stage writes entity-entity relations); their count is reported.

Matching is by span overlap: a gold entity is found when a prediction of its type overlaps
it; a prediction is right when it overlaps a gold entity of its type. re3d's annotation is
not exhaustive, so precision is a lower bound. Reading the BBC subset (CC BY-NC 3.0) for
evaluation is non-commercial use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatasetError, message
from ..extract.actor_kb import ActorKB
from ..extract.actors import extract_actors, load_actor_kb
from ..extract.places import extract_places, load_gazetteer
from ..extract.quantities import extract_quantities
from ..extract.times import extract_times
from ..nlp import load_pipeline
from ..records import DatasetResult

NAME = "re3d"
FILES = ("documents.json", "entities.json", "relations.json")
TYPES = {"Person": "Person", "Organisation": "Organisation", "Nationality": "Nationality",
         "Location": "Location", "Temporal": "Temporal", "Quantity": "Quantity", "Money": "Quantity"}
SCORED = ("Person", "Organisation", "Nationality", "Location", "Temporal", "Quantity")


@dataclass(slots=True)
class Document:
    """One re3d document with its gold entities as (type, begin, end, value)."""

    doc_id: str
    source: str
    text: str
    entities: list[tuple[str, int, int, str]] = field(default_factory=list)
    relations: int = 0


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of one mongoexport file, one a line; DatasetError at the bad line."""
    rows = []
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except OSError as error:
        raise DatasetError(message("E402", name=NAME, path=path, detail=str(error))) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise DatasetError(message("E402", name=NAME, path=f"{path}:{number}", detail=str(error))) from error
        if not isinstance(row, dict):
            raise DatasetError(message("E402", name=NAME, path=f"{path}:{number}", detail="not a JSON object"))
        rows.append(row)
    return rows


def load_source(folder: Path) -> list[Document]:
    """The documents of one source folder with their entities and relation counts."""
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise DatasetError(message("E402", name=NAME, path=folder / missing[0], detail="file missing"))
    try:
        documents = {row["_id"]: Document(row["_id"], folder.name, row["text"])
                     for row in read_lines(folder / "documents.json")}
        for row in read_lines(folder / "entities.json"):
            documents[row["documentId"]].entities.append(
                (row["type"], int(row["begin"]), int(row["end"]), str(row.get("value", ""))))
        for row in read_lines(folder / "relations.json"):
            documents[row["documentId"]].relations += 1
    except (KeyError, TypeError, ValueError) as error:
        raise DatasetError(message("E402", name=NAME, path=folder, detail=f"{type(error).__name__}: {error}")) from error
    return list(documents.values())


def load_documents(data_dir: Path) -> list[Document]:
    """Every source folder's documents, folders in name order."""
    folders = sorted(p for p in Path(data_dir).iterdir() if p.is_dir())
    if not folders:
        raise DatasetError(message("E402", name=NAME, path=data_dir, detail="no source folders"))
    return [doc for folder in folders for doc in load_source(folder)]


def predict(nlp, kb: ActorKB, text: str) -> list[tuple[str, int, int]]:
    """eventwire's spans of one text, typed as re3d types."""
    doc = nlp(text)
    spans = []
    for actor in extract_actors(doc, kb):
        kind = _actor_type(kb, actor.text, actor.kind)
        if kind is not None:
            spans.append((kind, actor.start, actor.end))
    spans += [("Location", p.start, p.end) for p in extract_places(doc, load_gazetteer())]
    spans += [("Temporal", t.start, t.end) for t in extract_times(doc, None)]
    spans += [("Quantity", q.start, q.end) for q in extract_quantities(doc)]
    return spans


def _actor_type(kb: ActorKB, text: str, kind: str | None) -> str | None:
    """Person, Organisation or Nationality for an actor mention (a named state is an Organisation)."""
    if kind == "person":
        return "Person"
    entry = kb.entry(text, surnames=False)
    if kind == "state":
        return "Nationality" if entry is None else "Organisation"
    if kind == "group" and entry is not None and entry.kind == "group" and entry.sector == "CVL":
        return "Nationality"
    return "Organisation" if kind in ("organization", "group") else None


def overlaps(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Overlap precision, recall and F1 per mapped type, and micro over them."""
    documents = load_documents(data_dir)[:limit]
    nlp, kb = load_pipeline(), load_actor_kb()
    counts = {t: [0, 0, 0, 0] for t in SCORED}  # gold found, gold, predictions right, predictions
    misses: list[tuple[int, str]] = []
    for document in documents:
        gold = [(TYPES[t], b, e) for t, b, e, _ in document.entities if t in TYPES]
        predicted = predict(nlp, kb, document.text)
        for g in gold:
            found = any(overlaps(g, p) for p in predicted)
            counts[g[0]][0] += found
            counts[g[0]][1] += 1
            if not found:
                misses.append((0, f"{document.source}: missed {g[0]} {document.text[g[1]:g[2]][:40]!r}"))
        for p in predicted:
            counts[p[0]][2] += any(overlaps(p, g) for g in gold)
            counts[p[0]][3] += 1
    return _result(documents, counts, [line for _, line in misses][:errors])


def _prf(found: int, gold: int, right: int, predicted: int) -> tuple[float | None, float | None, float | None]:
    recall = found / gold if gold else None
    precision = right / predicted if predicted else None
    if not recall or not precision:
        return precision, recall, 0.0 if gold else None
    return precision, recall, 2 * precision * recall / (precision + recall)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _result(documents: list[Document], counts: dict[str, list[int]], worst: list[str]) -> DatasetResult:
    figures: dict[str, float | int | None] = {}
    table = []
    for kind, (found, gold, right, predicted) in counts.items():
        p, r, f = _prf(found, gold, right, predicted)
        figures.update({f"{kind.lower()}_f1": _round(f), f"{kind.lower()}_precision": _round(p),
                        f"{kind.lower()}_recall": _round(r), f"{kind.lower()}_gold": gold})
        table.append((kind, f"F1 {_round(f)}  P {_round(p)}  R {_round(r)}  (gold {gold}, predicted {predicted})"))
    totals = [sum(c[i] for c in counts.values()) for i in range(4)]
    p, r, f = _prf(*totals)
    figures.update({"micro_f1": _round(f), "micro_precision": _round(p), "micro_recall": _round(r),
                    "entities_out_of_scope": sum(1 for d in documents for t, *_ in d.entities if t not in TYPES),
                    "relations_not_scored": sum(d.relations for d in documents)})
    table.append(("micro (6 types)", f"F1 {_round(f)}  P {_round(p)}  R {_round(r)}"))
    table.append(("not scored", f"{figures['entities_out_of_scope']} out-of-scope entities, "
                                f"{figures['relations_not_scored']} relations"))
    return DatasetResult(NAME, len(documents), figures, table, worst)
