"""Event-type gold sets: PLOVER GSR, PLV (Zero-Shot-PLOVER), CASE 2021 task 2, ConfliBERT, PETRARCH2.

Each set is read in its own format, every sentence is coded by the full eventwire
coder, and one predicted event is chosen per gold item: when the item marks its
source/target, the coded event whose actor/recipient overlaps them; else the most
confident event; "NONE" when nothing is coded. Gold labels are mapped to PLOVER
Draft 2.0 with the tables of ``data/mappings/event_labels.yaml`` (CAMEO codes with
``CAMEO2PLOVER-2021.txt``, read in place). Figures: accuracy and macro-F1 over the
set's gold classes, and actor/recipient F1 where the set has them.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..coding.events import code_events
from ..coding.ontology import DATA, load_lexicon
from ..datafiles import read_yaml
from ..errors import DatasetError, message
from ..extract.actors import extract_actors, load_actor_kb
from ..extract.places import extract_places, load_gazetteer
from ..extract.quantities import extract_quantities
from ..extract.quotes import extract_quotes
from ..extract.times import extract_times
from ..nlp import load_pipeline
from ..records import DatasetResult, Event, Mentions

MAPPINGS = DATA / "mappings" / "event_labels.yaml"
NONE = "NONE"
QUADS = {"1": "verbal_cooperation", "2": "material_cooperation", "3": "verbal_conflict",
         "4": "material_conflict"}
MARKUP = re.compile(r"\((SRC/TAR|SRC|TAR)[^:()]*:\s*([^(){}]*)[)}]")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One gold decision: a text, its mapped label (None: no PLOVER equivalent) and its roles."""

    key: str
    text: str
    gold: str | None
    raw: str
    sources: Spans = ()
    targets: Spans = ()
    source_codes: frozenset[str] = frozenset()
    target_codes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Pick:
    """The event chosen for an item, reduced to what is scored."""

    label: str
    confidence: float = 0.0
    actors: Spans = ()
    recipients: Spans = ()
    actor_codes: frozenset[str] = frozenset()
    recipient_codes: frozenset[str] = frozenset()


def _bad(name: str, path: Path, detail: str) -> DatasetError:
    return DatasetError(message("E402", name=name, path=path, detail=detail))


@lru_cache(maxsize=1)
def load_mappings() -> dict[str, Any]:
    """The per-set label tables (``data/mappings/event_labels.yaml``)."""
    return read_yaml(MAPPINGS)


def _map(table: dict[str, Any], label: str) -> str | None:
    return table.get(label, label) if label != "__line__" else None


# ---- loaders -------------------------------------------------------------------------------

def _find(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    at = text.find(phrase, start) if phrase else -1
    return (at, at + len(phrase)) if at >= 0 else None


def load_gsr(path: Path) -> list[Item]:
    """PLOVER_GSR_CAMEO.txt: a JSON array; the first record documents the file."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _bad("plover-gsr", path, f"not a JSON array ({error})") from error
    if not isinstance(records, list):
        raise _bad("plover-gsr", path, "not a JSON array")
    table = load_mappings()["plover-gsr"]["gold"]
    items = []
    for number, record in enumerate(records):
        if isinstance(record, dict) and record.get("event") == "DOCUMENT":
            continue
        if not isinstance(record, dict) or "event" not in record or "text" not in record:
            raise _bad("plover-gsr", path, f"record {number} has no 'event' and 'text'")
        text, markup = record["text"], record.get("textInfo")
        markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
        roles = {"SRC": [], "TAR": []}
        for tag, phrase in MARKUP.findall(markup):
            span = _find(text, phrase.strip())
            for role in tag.split("/"):
                if span and role in roles:
                    roles[role].append(span)
        items.append(Item(key=str(record.get("id", number)), text=text, raw=record["event"],
                          gold=_map(table, record["event"]), sources=tuple(roles["SRC"]),
                          targets=tuple(roles["TAR"]), source_codes=_codes(record.get("source")),
                          target_codes=_codes(record.get("target"))))
    return items


def _codes(actors: object) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(a["code"] for a in actors if isinstance(a, dict) and a.get("code"))


def _marked(marked: str, tag: str) -> Spans:
    """Offsets of <s>..</s> (or <t>) in the unmarked sentence."""
    plain = re.sub(r"</?[st]>", "", marked)
    spans, offset = [], 0
    for match in re.finditer(r"<(/?)([st])>", marked):
        if match.group(2) == tag and not match.group(1):
            start = match.start() - offset
        elif match.group(2) == tag:
            spans.append((start, match.start() - offset))
        offset += len(match.group(0))
    return tuple(s for s in spans if 0 <= s[0] < s[1] <= len(plain))


def _read_tsv(name: str, path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise _bad(name, path, f"cannot read the TSV ({error})") from error
    missing = [c for c in required if rows and c not in rows[0]] or ([] if rows else ["rows"])
    if missing:
        raise _bad(name, path, f"missing column(s) {missing}")
    return rows


def load_plv(path: Path) -> list[Item]:
    """PLV_test.tsv / PLV_train.tsv: sentence, marked_sentence (<s>, <t>), gold_root."""
    table = load_mappings()["zero-shot-plover"]["gold"]
    rows = _read_tsv("zero-shot-plover", path, ("sentence", "marked_sentence", "gold_root"))
    items = []
    for number, row in enumerate(rows):
        marked = row["marked_sentence"] or ""
        text = re.sub(r"</?[st]>", "", marked) or row["sentence"]
        items.append(Item(key=row.get("uid") or str(number), text=text, raw=row["gold_root"],
                          gold=_map(table, row["gold_root"]), sources=_marked(marked, "s"),
                          targets=_marked(marked, "t")))
    return items


def load_case2021(path: Path) -> list[Item]:
    """test_set_final_release_with_labels.tsv: id, EventSnippet, SubType."""
    table = load_mappings()["case2021-task2"]["gold"]
    rows = _read_tsv("case2021-task2", path, ("id", "EventSnippet", "SubType"))
    return [Item(key=row["id"], text=row["EventSnippet"], raw=row["SubType"],
                 gold=_map(table, row["SubType"])) for row in rows]


def load_conflibert(folder: Path) -> list[Item]:
    """cameo_class/test.tsv (sentence TAB label) aligned with cameo_ner/test.txt (token tag)."""
    table = load_mappings()["confliBERT-cameo"]["gold"]
    class_path, ner_path = folder / "cameo_class" / "test.tsv", folder / "cameo_ner" / "test.txt"
    try:
        lines = [ln.rstrip("\n") for ln in class_path.open(encoding="utf-8") if ln.strip()]
        blocks = [b for b in ner_path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    except (OSError, UnicodeDecodeError) as error:
        raise _bad("confliBERT-cameo", folder, f"cannot read ({error})") from error
    items = []
    for number, line in enumerate(lines):
        text, _, label = line.rpartition("\t")
        if label.strip() not in table:
            raise _bad("confliBERT-cameo", class_path, f"line {number + 1}: label {label!r} is not 0-4")
        roles = _ner_roles(text, blocks[number]) if number < len(blocks) else {"S": (), "T": ()}
        items.append(Item(key=str(number + 1), text=text, raw=label.strip(), gold=table[label.strip()],
                          sources=roles["S"], targets=roles["T"]))
    return items


def _ner_roles(text: str, block: str) -> dict[str, Spans]:
    """BIO tags S (source), T (target), R (both: "X and Y agreed") to character spans."""
    spans: dict[str, list[list[int]]] = {"S": [], "T": [], "R": []}
    position, last = 0, None
    for line in block.strip().split("\n"):
        token, _, tag = line.rpartition(" ") if " " in line else (line, "", "O")
        start = text.find(token, position)
        if start < 0:
            raise _bad("confliBERT-cameo", Path("cameo_ner/test.txt"), f"token {token!r} not in its sentence")
        position = start + len(token)
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind in spans and (tag.startswith("B-") or last != kind):
            spans[kind].append([start, position])
        elif kind in spans:
            spans[kind][-1][1] = position
        last = kind
    both = [tuple(s) for s in spans["R"]]
    return {"S": tuple(tuple(s) for s in spans["S"]) + tuple(both),
            "T": tuple(tuple(s) for s in spans["T"]) + tuple(both)}


def load_cameo_table(path: Path) -> dict[str, str]:
    """CAMEO2PLOVER-2021.txt: 'code: TYPE, mode, context # text'; the first line for a code wins."""
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise _bad("petrarch2-unittests", path, f"cannot read ({error})") from error
    for line in lines:
        match = re.match(r"\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if match:
            table.setdefault(match.group(1), match.group(2))
    if not table:
        raise _bad("petrarch2-unittests", path, "no 'code: TYPE' lines")
    return table


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: exact, else its 3- then 2-digit cue.

    None for codes PLOVER drops (01 statements, 02 appeals: the manual's table) and for
    codes the table lacks (the test dictionaries' 9xx and other private codes).
    """
    if code[:2] in ("01", "02"):
        return None
    for size in (len(code), 3, 2):
        if code[:size] in table:
            return table[code[:size]]
    return None


def load_petrarch(path: Path, table: dict[str, str]) -> list[Item]:
    """PETR.UnitTest.records.xml: one item per expected event, NONE for noevents records."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise _bad("petrarch2-unittests", path, f"not XML ({error})") from error
    items = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        codings = sentence.findall("EventCoding")
        if not text or not codings or any(c.get("error") for c in codings):
            continue
        key = sentence.get("id", str(len(items)))
        for coding in codings:
            if coding.get("noevents", "").strip().lower() == "true":
                items.append(Item(key=key, text=text, gold=NONE, raw="noevents"))
            elif coding.get("eventcode"):
                code = coding.get("eventcode").strip()
                items.append(Item(key=key, text=text, gold=cameo_to_plover(code, table), raw=code))
    return items


# ---- coding and choosing -------------------------------------------------------------------

def code_texts(texts: list[str]) -> dict[str, list[Event]]:
    """Code each distinct text once with the full event coder (one pipeline, nlp.pipe)."""
    nlp, kb, gazetteer, lexicon = load_pipeline(), load_actor_kb(), load_gazetteer(), load_lexicon(None)
    distinct = list(dict.fromkeys(texts))
    coded: dict[str, list[Event]] = {}
    for text, doc in zip(distinct, nlp.pipe(distinct, batch_size=64)):
        actors = extract_actors(doc, kb)
        mentions = Mentions(actors=actors, places=extract_places(doc, gazetteer),
                            times=extract_times(doc, None), quantities=extract_quantities(doc),
                            quotes=extract_quotes(doc, actors))
        coded[text] = code_events(doc, mentions, lexicon, published=None)
    return coded


def _overlaps(spans: Spans, actors: list) -> bool:
    return any(a.start < end and start < a.end for start, end in spans for a in actors)


def _actor_codes(actors: list) -> frozenset[str]:
    return frozenset(a.country or a.sector for a in actors if a.country or a.sector)


def reduce_type(event: Event, reductions: dict[str, dict[str, str]]) -> str:
    """The set's reading of (type, modality): the PLOVER manual codes a future meeting AGREE."""
    return reductions.get(event.modality or "", {}).get(event.event_type, event.event_type)


def choose(item: Item, events: list[Event], *, quad: bool = False,
           reductions: dict[str, dict[str, str]] | None = None) -> Pick:
    """The event for the item: roles overlapping the marked source/target first, then confidence."""
    if not events:
        return Pick(label=NONE)
    reductions = reductions or {}
    types = {id(e): reduce_type(e, reductions) for e in events}

    def rank(event: Event) -> tuple[int, float]:
        hits = _overlaps(item.sources, event.actor) + _overlaps(item.targets, event.recipient)
        hits += bool(item.source_codes & _actor_codes(event.actor))
        hits += bool(item.target_codes & _actor_codes(event.recipient))
        return hits, event.confidence or 0.0

    best = max(events, key=rank)
    label = types[id(best)]
    return Pick(label=load_lexicon(None).types[label].quad_class if quad else label, confidence=best.confidence or 0.0,
                actors=tuple((a.start, a.end) for a in best.actor),
                recipients=tuple((a.start, a.end) for a in best.recipient),
                actor_codes=_actor_codes(best.actor), recipient_codes=_actor_codes(best.recipient))


# ---- metrics -------------------------------------------------------------------------------

def class_scores(pairs: list[tuple[str, str]]) -> tuple[float, float, dict[str, float]]:
    """Accuracy, macro-F1 over the gold classes, and each gold class's F1."""
    if not pairs:
        return 0.0, 0.0, {}
    classes = sorted({g for g, _ in pairs})
    per = {}
    for name in classes:
        tp = sum(g == p == name for g, p in pairs)
        fp = sum(p == name != g for g, p in pairs)
        fn = sum(g == name != p for g, p in pairs)
        per[name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    return accuracy, sum(per.values()) / len(per), per


def span_f1(gold: list[Spans], predicted: list[Spans]) -> float | None:
    """Per item: a hit when a predicted span overlaps a gold span; F1 over items with either."""
    tp = sum(bool(g and p and any(a < d and c < b for a, b in g for c, d in p)) for g, p in zip(gold, predicted))
    n_gold, n_pred = sum(bool(g) for g in gold), sum(bool(p) for p in predicted)
    return _f1(tp, n_pred, n_gold)


def code_f1(gold: list[frozenset[str]], predicted: list[frozenset[str]]) -> float | None:
    """Micro F1 of actor codes (country, else sector) per item."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    return _f1(tp, sum(map(len, predicted)), sum(map(len, gold)))


def _f1(tp: int, n_pred: int, n_gold: int) -> float | None:
    if not n_gold:
        return None
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


# ---- per-set evaluation --------------------------------------------------------------------

def _score(name: str, items: list[Item], picks: list[Pick], *, fold: dict[str, str], roles: str | None,
           errors: int, extra: dict[str, float | int | None] | None = None) -> DatasetResult:
    """Figures and table for label items; ``roles`` 'span' or 'code' adds actor/recipient F1."""
    scored = [(i, p) for i, p in zip(items, picks) if i.gold is not None]
    pairs = [(i.gold, fold.get(p.label, p.label)) for i, p in scored]
    accuracy, macro, per = class_scores(pairs)
    figures: dict[str, float | int | None] = {"accuracy": round(accuracy, 4), "macro_f1": round(macro, 4),
                                              "scored": len(scored), "unmapped": len(items) - len(scored)}
    if fold:
        figures["accuracy_strict"] = round(class_scores([(i.gold, p.label) for i, p in scored])[0], 4)
    if roles == "span":
        figures["actor_f1"] = _round(span_f1([i.sources for i, _ in scored], [p.actors for _, p in scored]))
        figures["recipient_f1"] = _round(span_f1([i.targets for i, _ in scored], [p.recipients for _, p in scored]))
    elif roles == "code":
        figures["actor_f1"] = _round(code_f1([i.source_codes for i, _ in scored], [p.actor_codes for _, p in scored]))
        figures["recipient_f1"] = _round(code_f1([i.target_codes for i, _ in scored],
                                                 [p.recipient_codes for _, p in scored]))
    figures.update(extra or {})
    table = [(k, _show(v)) for k, v in figures.items()] + [(f"F1 {k}", f"{v:.3f}") for k, v in per.items()]
    wrong = sorted(((i, p) for i, p in scored if i.gold != fold.get(p.label, p.label)),
                   key=_wrong_order)
    worst = [f"{i.key}: gold {i.raw} ({i.gold}) got {p.label} [{p.confidence:.2f}]: {i.text[:70]!r}"
             for i, p in wrong[:errors]]
    return DatasetResult(name=name, items=len(items), figures=figures, table=table, worst=worst)


def _wrong_order(pair: tuple[Item, Pick]) -> float:
    return -pair[1].confidence


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _show(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def cameo_reductions() -> dict[str, dict[str, str]]:
    """(modality -> type -> type) for the sets coded from CAMEO-style guidance."""
    return {k: v for k, v in load_mappings()["cameo_reductions"].items() if k != "__line__"}


def _run(items: list[Item], *, quad: bool = False, cameo: bool = True) -> list[Pick]:
    coded = code_texts([i.text for i in items])
    reductions = cameo_reductions() if cameo else {}
    return [choose(i, coded[i.text], quad=quad, reductions=reductions) for i in items]


def _limit(items: list[Item], limit: int | None) -> list[Item]:
    return items[:limit] if limit else items


def _zsp_reference(path: Path, items: list[Item]) -> dict[str, float | int | None]:
    """The Zero-Shot-PLOVER system's own predictions (root_L2 column), scored the same way."""
    table = load_mappings()["zero-shot-plover"]["gold"]
    rows = _read_tsv("zero-shot-plover", path, ("gold_root",))[:len(items)]
    if "root_L2" not in rows[0]:
        return {}
    accuracy, macro, _ = class_scores([(_map(table, r["gold_root"]), _map(table, r["root_L2"])) for r in rows])
    return {"zsp_L2_accuracy": round(accuracy, 4), "zsp_L2_macro_f1": round(macro, 4)}


def _petrarch(data_dir: Path, limit: int | None, errors: int) -> DatasetResult:
    table = load_cameo_table(data_dir.parent / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    items = _limit(load_petrarch(data_dir / "petrarch2" / "data" / "text" / "PETR.UnitTest.records.xml",
                                 table), limit)
    coded = code_texts([i.text for i in items])
    picks, reductions = [], cameo_reductions()
    for item in items:  # a sentence may expect several events: right when one coded event has the type
        events = coded[item.text]
        hit = [e for e in events if reduce_type(e, reductions) == item.gold]
        picks.append(choose(item, hit or events, reductions=reductions))
    precise = [reduce_type(e, reductions) in {i.gold for i in items if i.text == t}
               for t in dict.fromkeys(coded) for e in coded[t]]
    extra = {"coded_event_precision": round(sum(precise) / len(precise), 4) if precise else None}
    return _score("petrarch2-unittests", items, picks, fold={}, roles=None, errors=errors, extra=extra)


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Score event types (and actor/recipient) on one of the five event-type sets."""
    maps = load_mappings()
    if part == "plover-gsr":
        items = _limit(load_gsr(data_dir / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"), limit)
        return _score(part, items, _run(items), fold={}, roles="code", errors=errors)
    if part == "zero-shot-plover":
        path = data_dir / "datasets" / "PLV_test.tsv"
        items = _limit(load_plv(path), limit)
        fold = {k: v for k, v in maps[part]["predicted"].items() if k != "__line__"}
        return _score(part, items, _run(items), fold=fold, roles="span", errors=errors,
                      extra=_zsp_reference(path, items))
    if part == "case2021-task2":
        items = _limit(load_case2021(data_dir / "task2" / "test_dataset" / "test_set_final_release_with_labels.tsv"),
                       limit)
        picks = _run(items, cameo=False)  # ACLED codes what happened, not intents
        diplo = set(maps[part]["diplo_types"])
        hits = [p.label in diplo for i, p in zip(items, picks) if i.raw == "DIPLO"]
        extra = {"diplo_accuracy": round(sum(hits) / len(hits), 4) if hits else None}
        return _score(part, items, picks, fold={}, roles=None, errors=errors, extra=extra)
    if part == "confliBERT-cameo":
        items = _limit(load_conflibert(data_dir / "data"), limit)
        picks = _run(items, quad=True)
        four = class_scores([(i.gold, p.label) for i, p in zip(items, picks) if i.gold != NONE])
        extra = {"accuracy_labels_1_4": round(four[0], 4), "macro_f1_labels_1_4": round(four[1], 4)}
        return _score(part, items, picks, fold={}, roles="span", errors=errors, extra=extra)
    if part == "petrarch2-unittests":
        return _petrarch(data_dir, limit, errors)
    raise DatasetError(message("E400", name=part, known="plover-gsr, zero-shot-plover, case2021-task2, "
                                                         "confliBERT-cameo, petrarch2-unittests"))
