"""Factuality sets scored as eventwire's four modalities: MEANTIME and UW.

"meantime": ``corpora/MEANTIME/english/conll_gold/all/*.conll``, one token a line (id,
token, event mention ``B-E-<n>``/``I-E-<n>``, certainty, polarity, time; ``_`` elsewhere),
a blank line between sentences. A mention's labels map to a modality by rank, as
eventwire's coder ranks its cues (negated > hypothetical > future > asserted):

    polarity NEG                                   -> negated
    certainty PROBABLE or POSSIBLE                 -> hypothetical
    certainty or polarity UNDERSPECIFIED           -> hypothetical (no commitment either way)
    time FUTURE                                    -> future
    otherwise (CERTAIN, POS, NON_FUTURE or time UNDERSPECIFIED) -> asserted

"uw": ``unified/uw/test.conll`` (or ``dev``), one token a line (index, token, score in
[-3, +3] or ``_``, POS, head, label, lemma). UW scores say how sure the writer is that the
event happens (a firm "will" scores high), so the gold has three classes, cut at the
midpoints between "unknown" (0) and the ends: score >= 1.5 asserted (eventwire's future
counts as asserted here), score <= -1.5 negated, else hypothetical. For Pearson r and
MAE, eventwire's modalities map back to scores: asserted +3, future +2, hypothetical 0,
negated -3.

Every gold event mention is coded, not only PLOVER triggers: the sentence is rebuilt from
its tokens, parsed by eventwire's pipeline, and ``modality_of(token, token, lexicon)``
reads the word that heads the mention in that parse.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..coding.modality import modality_of
from ..coding.ontology import load_lexicon
from ..errors import DatasetError, message
from ..nlp import load_pipeline
from ..records import DatasetResult

MODALITIES = ("asserted", "future", "hypothetical", "negated")
UW_CLASSES = ("asserted", "hypothetical", "negated")
UW_CUT = 1.5
UW_SCORES = {"asserted": 3.0, "future": 2.0, "hypothetical": 0.0, "negated": -3.0}
MEANTIME_DIR = Path("corpora") / "MEANTIME" / "english" / "conll_gold" / "all"
UW_DIR = Path("unified") / "uw"
LABEL = re.compile(r"([BI])-(.+)-(\d+)$")
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})


@dataclass(slots=True)
class Mention:
    """One gold event mention: its sentence, its token positions, its gold label."""

    sentence: int
    tokens: list[int]
    gold: str
    score: float | None = None
    where: str = ""


@dataclass(slots=True)
class Sentences:
    """Tokenised sentences and the mentions annotated on them."""

    words: list[list[str]]
    mentions: list[Mention]


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Code every gold event mention's modality and score it."""
    if part == "meantime":
        gold = load_meantime(data_dir / MEANTIME_DIR, limit=limit)
        classes = MODALITIES
    elif part in ("uw", "uw:test", "uw:dev"):
        split = part.split(":")[1] if ":" in part else "test"
        gold = load_uw(data_dir / UW_DIR / f"{split}.conll", limit=limit)
        classes = UW_CLASSES
    else:
        raise DatasetError(message("E402", name="factuality", path=data_dir, detail=f"no part '{part}'"))
    predicted = code_mentions(gold)
    figures = _figures(gold.mentions, predicted, classes, uw=part != "meantime")
    table = [("mentions", str(len(gold.mentions))), ("accuracy", f"{figures['accuracy']:.3f}"),
             ("all-asserted accuracy", f"{figures['baseline_accuracy']:.3f}"),
             ("macro F1", f"{figures['macro_f1']:.3f}")]
    table += [(f"{name} F1", _fmt(figures[f"{name}_f1"]) + f"  (gold {figures[f'{name}_gold']})")
              for name in classes]
    if "pearson_r" in figures:
        table += [("Pearson r", _fmt(figures["pearson_r"])), ("MAE", _fmt(figures["mae"]))]
    return DatasetResult(name=part, items=len(gold.mentions), figures=figures, table=table,
                         worst=_worst(gold, predicted, errors))


def load_meantime(folder: Path, *, limit: int | None = None) -> Sentences:
    """The MEANTIME CoNLL files (the first ``limit`` in name order)."""
    paths = sorted(folder.glob("*.conll"))[:limit]
    if not paths:
        raise DatasetError(message("E402", name="meantime-factuality", path=folder,
                                   detail="no .conll files"))
    data = Sentences([], [])
    for path in paths:
        _read_meantime(path, data)
    return data


def _read_meantime(path: Path, data: Sentences) -> None:
    open_mentions: dict[str, Mention] = {}
    words: list[str] = []
    for number, line in enumerate(_lines(path) + [""], start=1):
        if not line.strip():
            if words:
                data.words.append(words)
            words, open_mentions = [], {}
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise DatasetError(message("E402", name="meantime-factuality", path=f"{path}:{number}",
                                       detail=f"expected 6 tab-separated columns, got {len(fields)}"))
        words.append(fields[1])
        if fields[2] == "_":
            continue
        tag = LABEL.match(fields[2])
        labels = [LABEL.match(f) for f in fields[3:6]]
        if tag is None or None in labels:
            raise DatasetError(message("E402", name="meantime-factuality", path=f"{path}:{number}",
                                       detail="event columns must read B-<label>-<id> or I-<label>-<id>"))
        key = tag.group(3)
        if tag.group(1) == "I" and key in open_mentions:
            open_mentions[key].tokens.append(len(words) - 1)
            continue
        gold = meantime_modality(*(m.group(2) for m in labels))
        mention = Mention(len(data.words), [len(words) - 1], gold, where=f"{path.name[:40]}:{number}")
        open_mentions[key] = mention
        data.mentions.append(mention)


def meantime_modality(certainty: str, polarity: str, time: str) -> str:
    """The modality of a MEANTIME mention (see the module docstring)."""
    if polarity == "NEG":
        return "negated"
    if certainty in ("PROBABLE", "POSSIBLE", "UNDERSPECIFIED") or polarity == "UNDERSPECIFIED":
        return "hypothetical"
    if time == "FUTURE":
        return "future"
    return "asserted"


def uw_modality(score: float) -> str:
    """The class of a UW score (see the module docstring)."""
    if score >= UW_CUT:
        return "asserted"
    if score <= -UW_CUT:
        return "negated"
    return "hypothetical"


def load_uw(path: Path, *, limit: int | None = None) -> Sentences:
    """The UW CoNLL file (the first ``limit`` sentences)."""
    data = Sentences([], [])
    words: list[str] = []
    scored: list[tuple[int, float, int]] = []
    for number, line in enumerate(_lines(path) + [""], start=1):
        if not line.strip():
            if words and (limit is None or len(data.words) < limit):
                data.mentions += [Mention(len(data.words), [i], uw_modality(s), s, f"{path.name}:{n}")
                                  for i, s, n in scored]
                data.words.append(words)
            words, scored = [], []
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            raise DatasetError(message("E402", name="uw-factuality", path=f"{path}:{number}",
                                       detail=f"expected 7 tab-separated columns, got {len(fields)}"))
        words.append(fields[1])
        if fields[2] != "_":
            scored.append((len(words) - 1, _score(path, number, fields[2]), number))
    return data


def _score(path: Path, number: int, value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = math.nan
    if not -3.0 <= score <= 3.0:
        raise DatasetError(message("E402", name="uw-factuality", path=f"{path}:{number}",
                                   detail=f"factuality '{value}' is not a number in [-3, 3]"))
    return score


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(message("E402", name="factuality", path=path, detail=str(error))) from error


def code_mentions(data: Sentences) -> list[str]:
    """eventwire's modality for every mention, in order."""
    lexicon = load_lexicon()
    texts, offsets = zip(*(detokenize(words) for words in data.words)) if data.words else ((), ())
    docs = list(load_pipeline().pipe(texts, batch_size=64))
    predicted = []
    for mention in data.mentions:
        doc = docs[mention.sentence]
        token = mention_head(doc, [offsets[mention.sentence][i] for i in mention.tokens])
        predicted.append(modality_of(token, token, lexicon)[0])
    return predicted


def detokenize(words: list[str]) -> tuple[str, list[int]]:
    """A sentence from its tokens, spaced as written text is, and each token's offset."""
    text, offsets = "", []
    for n, word in enumerate(words):
        if n and word not in NO_SPACE_BEFORE and words[n - 1] not in NO_SPACE_AFTER:
            text += " "
        offsets.append(len(text))
        text += word
    return text, offsets


def mention_head(doc: Doc, starts: list[int]) -> Token:
    """The parsed word that heads the mention whose tokens start at ``starts``."""
    tokens = []
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span[0] not in tokens:
            tokens.append(span[0])
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return (heads or tokens or [doc[0]])[0]


def _figures(mentions: list[Mention], predicted: list[str], classes: tuple[str, ...], *,
             uw: bool) -> dict[str, float | int | None]:
    folded = [("asserted" if p == "future" else p) if uw else p for p in predicted]
    gold = [m.gold for m in mentions]
    total = len(gold) or 1
    figures: dict[str, float | int | None] = {
        "mentions": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, folded)) / total,
        "baseline_accuracy": sum(g == "asserted" for g in gold) / total}
    for name in classes:
        hits = sum(g == p == name for g, p in zip(gold, folded))
        n_gold, n_pred = gold.count(name), folded.count(name)
        figures[f"{name}_f1"] = 2 * hits / (n_gold + n_pred) if n_gold + n_pred else None
        figures[f"{name}_gold"] = n_gold
        figures[f"{name}_predicted"] = n_pred
    scores = [f for f in (figures[f"{n}_f1"] for n in classes) if f is not None]
    figures["macro_f1"] = sum(scores) / len(scores) if scores else 0.0
    if uw:
        figures.update(_regression([m.score for m in mentions], [UW_SCORES[p] for p in predicted]))
    return figures


def _regression(gold: list[float], predicted: list[float]) -> dict[str, float | None]:
    """Pearson r and mean absolute error of the scores eventwire's modalities map to."""
    n = len(gold)
    if n < 2:
        return {"pearson_r": None, "mae": None}
    mean_g, mean_p = sum(gold) / n, sum(predicted) / n
    cov = sum((g - mean_g) * (p - mean_p) for g, p in zip(gold, predicted))
    var_g = sum((g - mean_g) ** 2 for g in gold)
    var_p = sum((p - mean_p) ** 2 for p in predicted)
    r = cov / math.sqrt(var_g * var_p) if var_g and var_p else None
    return {"pearson_r": r, "mae": sum(abs(g - p) for g, p in zip(gold, predicted)) / n}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _worst(data: Sentences, predicted: list[str], errors: int) -> list[str]:
    """Wrong mentions: where, the mention's words, gold and eventwire's modality."""
    lines = []
    for mention, modality in zip(data.mentions, predicted):
        if len(lines) >= errors:
            break
        if mention.gold != modality and not (mention.score is not None and modality == "future"
                                             and mention.gold == "asserted"):
            words = " ".join(data.words[mention.sentence][i] for i in mention.tokens)[:30]
            lines.append(f"{mention.where}: '{words}' gold {mention.gold}, eventwire {modality}")
    return lines
