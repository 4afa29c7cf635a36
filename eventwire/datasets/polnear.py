"""PolNeAR (political news attribution relations): source, cue and content of attributions.

Reads ``data/metadata.tsv`` (rows whose ``compartment`` is the part, "test"), each
article's ``data/<part>/text/<file>.txt`` and its brat standoff annotations
``data/<part>/attributions/<file>_<annotator>.ann``: ``T`` lines (Source, Cue, Content,
with character offsets, fragments joined by ";") and ``E`` lines tying one attribution
together. Two articles were annotated by six annotators: every annotation file is one
item, scored against the same run of eventwire over its article.

eventwire's side is ``attribution.claims_in``: every reporting cue the QUOTES and
ATTRIBUTION stages know (``reporting.cue_of`` as reached by ``claims.claim_cues``), its
source words, and as content the words whose closest cue it is. Spans are compared as
sets of the offsets of their letters and digits, so punctuation and spacing at the edges
(quote marks, a final full stop) do not count: "exact" means the same words, "overlap"
at least one shared character. Matching is one to one, gold against predicted, per role.
The README asks that the test split serve only to compute scores: worst cases name the
file and its counts, and quote no text.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from ..errors import DatasetError, message
from ..extract.actors import extract_actors, load_actor_kb
from ..extract.attribution import Claim, claims_in
from ..nlp import index_by_token, load_pipeline
from ..records import DatasetResult

ROLES = ("source", "cue", "content")
LABELS = {"Source": "source", "Cue": "cue", "Content": "content"}
T_LINE = re.compile(r"([\w-]+) (\d+ \d+(?:;\d+ \d+)*)$")
Chars = frozenset[int]


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution: each role as the offsets of its letters and digits."""

    spans: dict[str, Chars]
    cue_text: str = ""


@dataclass(slots=True)
class Annotation:
    """One annotator's file over one article."""

    path: Path
    article: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Score eventwire's claims against every annotation file of the part."""
    part = part or "test"
    annotations = load_annotations(data_dir, part=part, limit=limit)
    predicted = _predict(data_dir, part, sorted({a.article for a in annotations}))
    totals: dict[str, list[int]] = {}
    scored = []
    for annotation in annotations:
        counts = score_annotation(annotation.attributions, predicted[annotation.article])
        for key, values in counts.items():
            totals[key] = [a + b for a, b in zip(totals.get(key, [0, 0, 0]), values)]
        scored.append((annotation, counts))
    figures: dict[str, float | int | None] = {
        "files": len(annotations), "articles": len(predicted),
        "gold_attributions": sum(len(a.attributions) for a in annotations),
        "predicted_claims": sum(len(predicted[a.article]) for a in annotations)}
    for key, (hits, n_pred, n_gold) in sorted(totals.items()):
        figures.update(_prf(key, hits, n_pred, n_gold))
    table = [(key.replace("_", " "), _row(figures, key)) for key in sorted(totals)]
    table.append(("gold / predicted", f"{figures['gold_attributions']} / {figures['predicted_claims']}"))
    return DatasetResult(name=f"polnear:{part}", items=len(annotations), figures=figures,
                         table=table, worst=_worst(scored, errors))


def score_annotation(gold: list[GoldAttribution],
                     predicted: list[dict[str, Chars]]) -> dict[str, tuple[int, int, int]]:
    """(matches, predicted, gold) per role and kind, matched one to one; and "linked":
    the source of a gold attribution whose cue a predicted cue overlaps."""
    counts = {}
    for role in ROLES:
        gold_spans = [g.spans[role] for g in gold if g.spans.get(role)]
        spans = [p[role] for p in predicted if p.get(role)]
        counts[f"{role}_exact"] = (_exact(gold_spans, spans), len(spans), len(gold_spans))
        counts[f"{role}_overlap"] = (len(_overlaps(gold_spans, spans)), len(spans), len(gold_spans))
    pairs = _overlaps([g.spans.get("cue", frozenset()) for g in gold], [p["cue"] for p in predicted])
    linked = sum(1 for g, p in pairs if gold[g].spans.get("source") and predicted[p].get("source")
                 and gold[g].spans["source"] == predicted[p]["source"])
    counts["source_linked"] = (linked, sum(1 for p in predicted if p.get("source")),
                               sum(1 for g in gold if g.spans.get("source")))
    return counts


def _exact(gold: list[Chars], predicted: list[Chars]) -> int:
    remaining = list(gold)
    hits = 0
    for span in predicted:
        if span in remaining:
            remaining.remove(span)
            hits += 1
    return hits


def _overlaps(gold: list[Chars], predicted: list[Chars]) -> list[tuple[int, int]]:
    """(gold, predicted) index pairs, one to one, the largest overlaps first."""
    candidates = sorted(((len(g & p), gi, pi) for gi, g in enumerate(gold)
                         for pi, p in enumerate(predicted) if g & p), reverse=True)
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def _prf(key: str, hits: int, n_pred: int, n_gold: int) -> dict[str, float | None]:
    precision = hits / n_pred if n_pred else None
    recall = hits / n_gold if n_gold else None
    f1 = 2 * hits / (n_pred + n_gold) if n_pred + n_gold else None
    return {f"{key}_p": precision, f"{key}_r": recall, f"{key}_f1": f1}


def _row(figures: dict, key: str) -> str:
    values = [figures.get(f"{key}_{m}") for m in ("p", "r", "f1")]
    return "  ".join(f"{name} {value:.3f}" if value is not None else f"{name} -"
                     for name, value in zip(("P", "R", "F1"), values))


def _worst(scored: list, errors: int) -> list[str]:
    """The files with the lowest source overlap F1 (names and counts only: no text)."""
    lines = []
    for annotation, counts in sorted(scored, key=_source_f1)[:errors]:
        hits, n_pred, n_gold = counts["source_overlap"]
        lines.append(f"{annotation.path.name[:60]}: source overlap {hits}/{n_gold} gold, "
                     f"{n_pred} predicted; cue {counts['cue_overlap'][0]}/{counts['cue_overlap'][2]}")
    return lines


def _source_f1(item) -> float:
    hits, n_pred, n_gold = item[1]["source_overlap"]
    return 2 * hits / (n_pred + n_gold) if n_pred + n_gold else 1.0


def load_annotations(data_dir: Path, *, part: str, limit: int | None = None) -> list[Annotation]:
    """The annotation files of the articles of ``part`` (the first ``limit`` articles)."""
    articles = _articles(data_dir, part)[:limit]
    folder = data_dir / "data" / part / "attributions"
    annotations = []
    for article in articles:
        paths = sorted(folder.glob(f"{article}_*.ann"))
        if not paths:
            raise DatasetError(message("E402", name="polnear", path=folder,
                                       detail=f"no annotation file for article {article}"))
        text = _read_text(data_dir / "data" / part / "text" / f"{article}.txt")
        annotations.extend(read_ann(path, article, text) for path in paths)
    return annotations


def _articles(data_dir: Path, part: str) -> list[str]:
    path = data_dir / "data" / "metadata.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as error:
        raise DatasetError(message("E402", name="polnear", path=path, detail=str(error))) from error
    if not rows or "compartment" not in rows[0] or "filename" not in rows[0]:
        raise DatasetError(message("E402", name="polnear", path=path,
                                   detail="expected a header with 'compartment' and 'filename'"))
    return [row["filename"] for row in rows if row["compartment"] == part]


def read_ann(path: Path, article: str, text: str) -> Annotation:
    """One brat file over ``text``: its T spans, tied into attributions by its E lines."""
    spans: dict[str, tuple[str, Chars, str]] = {}
    events: list[tuple[int, list[str]]] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and T_LINE.match(fields[1]):
            label, offsets = T_LINE.match(fields[1]).groups()
            chars = _offsets(offsets)
            if max(chars, default=0) >= len(text):
                raise DatasetError(message("E402", name="polnear", path=f"{path}:{number}",
                                           detail="offsets beyond the end of the article"))
            spans[fields[0]] = (label, words_only(chars, text), fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            events.append((number, fields[1].split()))
        elif not line.startswith(("#", "A", "R", "N", "*")):
            raise DatasetError(message("E402", name="polnear", path=f"{path}:{number}",
                                       detail="not a brat T or E line"))
    annotation = Annotation(path=path, article=article)
    for number, arguments in events:
        annotation.attributions.append(_attribution(path, number, arguments, spans))
    return annotation


def _offsets(offsets: str) -> Chars:
    """Every character offset within the fragments ("752 760;769 800")."""
    chars: set[int] = set()
    for fragment in offsets.split(";"):
        start, end = (int(n) for n in fragment.split())
        chars.update(range(start, end))
    return frozenset(chars)


def _attribution(path: Path, number: int, arguments: list[str],
                 spans: dict[str, tuple[str, Chars, str]]) -> GoldAttribution:
    gold = GoldAttribution(spans={})
    for argument in arguments[1:]:
        role, _, ref = argument.partition(":")
        role = LABELS.get(role.rstrip("0123456789"))
        if role is None:
            continue
        if ref not in spans:
            raise DatasetError(message("E402", name="polnear", path=f"{path}:{number}",
                                       detail=f"E line names {ref}, which no T line defines"))
        chars = spans[ref][1]
        gold.spans[role] = gold.spans.get(role, frozenset()) | chars
        if role == "cue":
            gold.cue_text = spans[ref][2]
    return gold


def _predict(data_dir: Path, part: str, articles: list[str]) -> dict[str, list[dict[str, Chars]]]:
    """eventwire's claims per article, each role as character offsets."""
    nlp, kb = load_pipeline(), load_actor_kb()
    texts = [_read_text(data_dir / "data" / part / "text" / f"{name}.txt") for name in articles]
    predicted = {}
    for name, doc in zip(articles, nlp.pipe(texts, batch_size=8)):
        actor_index = index_by_token(doc, extract_actors(doc, kb))
        predicted[name] = [_claim_spans(doc, claim) for claim in claims_in(doc, actor_index)]
    return predicted


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(message("E402", name="polnear", path=path, detail=str(error))) from error


def _claim_spans(doc: Doc, claim: Claim) -> dict[str, Chars]:
    spans = {"cue": _token_chars(doc, range(claim.cue.words.start, claim.cue.words.end)),
             "content": _token_chars(doc, claim.content)}
    if claim.cue.source is not None:
        spans["source"] = _token_chars(doc, range(claim.cue.source.start, claim.cue.source.end))
    return spans


def _token_chars(doc: Doc, indices) -> Chars:
    """The offsets of the letters and digits of the tokens at ``indices``."""
    return frozenset(doc[i].idx + k for i in indices for k, char in enumerate(doc[i].text)
                     if char.isalnum())


def words_only(chars: Chars, text: str) -> Chars:
    """The offsets of letters and digits: what exact and overlap matching compare."""
    return frozenset(i for i in chars if i < len(text) and text[i].isalnum())
