"""ECB+ (Cybulska and Vossen 2014): a cross-document event baseline, recorded for later.

Only the sentences listed in ``ECBplus_coreference_sentences.csv`` are read, as the corpus
README asks. Each document's listed sentences (tokens joined by spaces, one sentence a line)
are coded by the whole pipeline (``code_article``). Two figures:

- detection: recall of the gold ACTION_* / NEG_ACTION_* mentions of those sentences (a gold
  mention is found when an event trigger overlaps its tokens) and the share of event triggers
  that overlap a gold action mention (precision against an annotation that marks only some
  of the events in a sentence, so a lower bound);
- clustering: the trivial baseline "same PLOVER type in the same topic is one event". Every
  found gold mention takes the cluster (topic, type) of the event whose trigger found it; the
  gold cluster is its CROSS_DOC_COREF instance (else INTRA_DOC_COREF chain, else itself).
  B-cubed precision, recall and F1 over the found mentions.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import DatasetError, message
from ..pipeline import code_article
from ..records import Article, DatasetResult

NAME = "ecbplus"
ROOT = "ECB+_LREC2014"
SENTENCES = "ECBplus_coreference_sentences.csv"
ACTION_PREFIXES = ("ACTION_", "NEG_ACTION_")


@dataclass(slots=True)
class GoldMention:
    """One gold action mention: its character range in the rebuilt text and its chain."""

    m_id: str
    tag: str
    start: int
    end: int
    chain: str


@dataclass(slots=True)
class EcbDocument:
    """The listed sentences of one document, rebuilt as text, with their action mentions."""

    topic: str
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


def read_selection(path: Path) -> dict[str, set[int]]:
    """Document name ("1_10ecbplus") -> its listed sentence numbers."""
    selection: dict[str, set[int]] = defaultdict(set)
    try:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                selection[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise DatasetError(message("E402", name=NAME, path=path, detail=f"{type(error).__name__}: {error}")) from error
    return selection


def read_document(path: Path, topic: str, sentences: set[int]) -> EcbDocument:
    """Rebuild the listed sentences of one CAT XML file and map its action mentions onto them."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise DatasetError(message("E402", name=NAME, path=path, detail=str(error))) from error
    offsets, text = _rebuild(root, sentences)
    chains = _chains(root)
    mentions = []
    for markable in root.find("Markables") if root.find("Markables") is not None else []:
        anchors = [offsets[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in offsets]
        if not markable.tag.startswith(ACTION_PREFIXES) or not anchors:
            continue
        m_id = markable.get("m_id", "")
        mentions.append(GoldMention(m_id, markable.tag, min(a[0] for a in anchors), max(a[1] for a in anchors),
                                    chains.get(m_id, f"{path.stem}/{m_id}")))
    return EcbDocument(topic, path.stem, text, mentions)


def _rebuild(root: ET.Element, sentences: set[int]) -> tuple[dict[str, tuple[int, int]], str]:
    """Token id -> (start, end) in a text of the listed sentences, tokens spaced, one a line."""
    lines: dict[int, list[ET.Element]] = defaultdict(list)
    for token in root.iter("token"):
        if int(token.get("sentence", -1)) in sentences:
            lines[int(token.get("sentence", -1))].append(token)
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    at = 0
    for number in sorted(lines):
        for token in lines[number]:
            word = token.text or ""
            offsets[token.get("t_id", "")] = (at, at + len(word))
            parts.append(word + " ")
            at += len(word) + 1
        parts.append("\n")
        at += 1
    return offsets, "".join(parts)


def _chains(root: ET.Element) -> dict[str, str]:
    """Mention id -> chain: the CROSS_DOC_COREF instance, else the INTRA_DOC_COREF relation."""
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        chain = relation.get("note") or relation.get("r_id", "")
        if relation.tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            for source in relation.findall("source"):
                chains.setdefault(source.get("m_id", ""), f"{relation.tag}:{chain}")
    return chains


def load_documents(data_dir: Path, *, limit: int | None = None) -> list[EcbDocument]:
    """The documents the sentence list names, in topic and file order (first ``limit``)."""
    base = Path(data_dir) / ROOT
    selection = read_selection(base / SENTENCES)
    names = sorted(selection, key=_order)[:limit]
    documents = []
    for name in names:
        topic = name.split("_", 1)[0]
        path = base / "ECB+" / topic / f"{name}.xml"
        if not path.is_file():
            raise DatasetError(message("E402", name=NAME, path=path, detail="listed in the sentence file but missing"))
        documents.append(read_document(path, topic, selection[name]))
    return documents


def _order(name: str) -> tuple[int, str]:
    topic, rest = name.split("_", 1)
    return int(topic) if topic.isdigit() else 0, rest


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Action-mention recall, trigger precision and the same-type-same-topic B-cubed."""
    documents = load_documents(data_dir, limit=limit)
    settings = Settings()
    found: list[tuple[str, str]] = []  # (gold chain, predicted cluster) per found gold mention
    gold_total = triggers = triggers_right = 0
    misses: list[str] = []
    for document in documents:
        record = code_article(Article(id=document.name, text=document.text), settings)
        spans = [(e.trigger.start, e.trigger.end, e.event_type) for e in record.events if e.trigger]
        gold_total += len(document.mentions)
        for mention in document.mentions:
            hit = next((t for t in spans if t[0] < mention.end and mention.start < t[1]), None)
            if hit is None:
                misses.append(f"{document.name}: missed {mention.tag} {document.text[mention.start:mention.end]!r}")
                continue
            found.append((f"{document.topic}:{mention.chain}" if mention.chain.startswith("CROSS")
                          else f"{document.name}:{mention.chain}", f"{document.topic}:{hit[2]}"))
        for start, end, _ in spans:
            triggers += 1
            triggers_right += any(m.start < end and start < m.end for m in document.mentions)
    return _result(len(documents), gold_total, found, triggers, triggers_right, misses[:errors])


def b_cubed(pairs: list[tuple[str, str]]) -> tuple[float | None, float | None, float | None]:
    """B-cubed precision, recall, F1 of predicted clusters against gold ones, item by item."""
    if not pairs:
        return None, None, None
    gold: dict[str, list[int]] = defaultdict(list)
    predicted: dict[str, list[int]] = defaultdict(list)
    for i, (g, p) in enumerate(pairs):
        gold[g].append(i)
        predicted[p].append(i)
    precision = recall = 0.0
    for g, p in pairs:
        both = len(set(gold[g]) & set(predicted[p]))
        precision += both / len(predicted[p])
        recall += both / len(gold[g])
    precision, recall = precision / len(pairs), recall / len(pairs)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _result(items: int, gold_total: int, found: list[tuple[str, str]], triggers: int, right: int,
            worst: list[str]) -> DatasetResult:
    precision, recall, f1 = b_cubed(found)
    figures: dict[str, float | int | None] = {
        "action_recall": _round(len(found) / gold_total if gold_total else None), "action_gold": gold_total,
        "trigger_precision": _round(right / triggers if triggers else None), "triggers": triggers,
        "bcubed_precision": _round(precision), "bcubed_recall": _round(recall), "bcubed_f1": _round(f1),
    }
    table = [
        ("action mentions found", f"{figures['action_recall']} of {gold_total}"),
        ("triggers on a gold action", f"{figures['trigger_precision']} of {triggers}"),
        ("same type + topic B-cubed", f"F1 {figures['bcubed_f1']}  P {figures['bcubed_precision']}  "
                                      f"R {figures['bcubed_recall']}  (over {len(found)} found mentions)"),
    ]
    return DatasetResult(NAME, items, figures, table, worst)
