"""Scores coded records against gold: what ``eventwire eval`` prints.

Implements the "Scoring" section of RECORD.md. The rules themselves live in
``eventwire.scoring``; this module loads files, pairs articles, counts and reports.
Where RECORD.md leaves a choice open, eventwire decides:

1. Words. A span's words are its NFKC, casefolded text split on whitespace, with
   Unicode punctuation (categories P*) stripped from each word's two edges: "Ukraine,"
   is "ukraine"; inner marks stay ("3,000", "u.s", "biden's"); curly apostrophes
   count as "'"; symbols such as "$" are kept.
2. Span overlap. Two evidence spans overlap when the distinct words they share are at
   least half the distinct words of the span with fewer of them. The length guard
   counts all words: an output span with more than 3 x (gold span's words) + 10
   words never matches that gold span. Two events overlap on their best span pair.
3. One-to-one matching, per article, is a maximum-weight bipartite matching (the
   Hungarian method) that prefers, in this order: more non-optional gold events
   matched; more matches in all (optional gold events included); more exact types
   (an alt_types match ranks below); greater word overlap (in whole percent); more
   agreeing fields (actor, recipient, modality, date, location, size, attribution),
   so a breakdown of one sentence into several events pairs each with its own.
4. Output events left out of the matching are duplicates when they match some gold
   event (optional ones included: reporting an optional event twice is a duplicate)
   and false alarms when they match none. Output events matched to optional gold
   events are neither; their fields are not scored.
5. Precision = hits / (hits + false alarms + duplicates): duplicates count against it.
   Recall = hits / non-optional gold events. Duplicate rate = duplicates / all output
   events. A ratio with a zero denominator is None (JSON null, "n/a" in the report).
6. Dyads. A dyad hit is an event hit whose actor country set and recipient country
   set (nulls left out) each equal the gold's. Only an empty gold list accepts any
   output: a gold list whose actors all have a null country has the empty set, which
   an output with no known country (or no actor) agrees with.
7. Field accuracies are over event hits. Modality: the gold value or an alt_modality.
   Date: the same ``value`` (trimmed, casefolded); no date and a null value are both
   "none", and none agrees with none. Size: ``value`` within 1% of the gold value;
   value_max and unit are not compared; null agrees with null only.
8. Location lists agree when both are empty, or when every gold place agrees with some
   output place and every output place with some gold place (extra places are errors:
   the location is where the event happens, not every place named). Two places agree
   when: the gold place is a city and both have coordinates, within 50 km (haversine);
   a city without coordinates on either side, same country and name; a gold place
   with a null country (a region), same name; otherwise the same country.
9. Names are compared casefolded, periods removed, words as in 1, one leading "the",
   "a" or "an" dropped. Attribution: null agrees with null only; else the same source
   name, or the same non-null source country and sector.
10. Quotes. Overlap is the longest run of characters two quote texts share (NFKC,
   casefolded, whitespace collapsed) as a share of the gold quote's length, so it does
   not depend on offsets; a match needs at least half. Matching is one-to-one and
   maximal, preferring greater overlap, then an agreeing speaker, then overlapping
   offsets. Quote precision = matched / output quotes, recall = matched / gold quotes.
11. Speakers. A null gold speaker needs a null output speaker. Otherwise the same name
   agrees (case, accents, periods and a leading article aside). A named person needs
   that; any other speaker (an organization, a group, or an unnamed person: no name, or
   one that does not start with a capital after any article, "senior defence official")
   also agrees with the same country + sector, as attribution sources do in RECORD.md.
12. Articles pair by ``article.id``; an output whose id no gold has pairs with the
   gold article of the same text (whitespace collapsed), so coding a bare .txt (whose
   id is a hash) can be scored against a gold file that names its own id. Counts are summed over articles (micro-average).
   A gold article with no output has all its events and quotes missed; an output
   article with no gold is ignored and listed in ``unknown_articles``; an article id
   given twice in gold, or twice in output, is a GoldError.
13. Files are read by ``eventwire.recordfiles`` (``load_records``, ``load_batch``): a
   directory as its ``*.gold.json``, a ``.jsonl`` file line by line with
   ``{"skipped": ...}`` lines kept apart as skipped articles, anything else as JSON;
   every record is validated against ``eventwire/data/record.schema.json``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Sequence, TextIO

from . import scoring
from .errors import GoldError, message
from .recordfiles import load_batch, load_records
from .records import Event, Quote, Record, Skip

__all__ = ["Scores", "UnmatchedEvent", "Duplicate", "FieldError", "QuoteError",
           "load_records", "load_batch", "score", "report", "run"]

ACCURACY_FIELDS = ("modality", "date", "location", "size", "attribution")
COUNT_KEYS = (
    "gold_events", "optional_gold", "output_events", "hits", "misses", "false_alarms",
    "duplicates", "optional_matches", "dyad_hits", *(f"{name}_correct" for name in ACCURACY_FIELDS),
    "gold_quotes", "output_quotes", "quote_hits", "speaker_correct",
)


@dataclass(slots=True)
class UnmatchedEvent:
    """A non-optional gold event no output matched (a miss), or an output event that matches
    no gold event (a false alarm): which one is the list it is in."""

    article_id: str
    event_id: str
    event_type: str
    trigger: str | None
    evidence: list[str]


@dataclass(slots=True)
class Duplicate:
    """An output event matching a gold event another output event already matched."""

    article_id: str
    event_id: str
    event_type: str
    duplicate_of: str


@dataclass(slots=True)
class FieldError:
    """A matched event (or quote) whose field disagrees with gold."""

    article_id: str
    item: str
    output_item: str
    field: str
    gold: str
    output: str


@dataclass(slots=True)
class QuoteError:
    """A gold quote nobody matched ("miss") or an output quote matching none ("false_alarm")."""

    article_id: str
    kind: str
    text: str
    speaker: str | None


@dataclass(slots=True)
class Scores:
    """The figures of one evaluation, with the counts and the errors behind them."""

    event_precision: float | None = None
    event_recall: float | None = None
    event_f1: float | None = None
    dyad_precision: float | None = None
    dyad_recall: float | None = None
    dyad_f1: float | None = None
    modality_accuracy: float | None = None
    date_accuracy: float | None = None
    location_accuracy: float | None = None
    size_accuracy: float | None = None
    attribution_accuracy: float | None = None
    quote_precision: float | None = None
    quote_recall: float | None = None
    quote_f1: float | None = None
    speaker_accuracy: float | None = None
    duplicate_rate: float | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    misses: list[UnmatchedEvent] = field(default_factory=list)
    false_alarms: list[UnmatchedEvent] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    quote_errors: list[QuoteError] = field(default_factory=list)
    unknown_articles: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- scoring -------------------------------------------------------------------------------

def score(golds: Sequence[Record], outputs: Sequence[Record], *,
          skipped: Sequence[Skip] = ()) -> Scores:
    """Pair articles by id, score each, and sum the counts (see 12)."""
    gold_by_id = _by_id(golds, "gold records")
    output_by_id = _pair_by_text(gold_by_id, _by_id(outputs, "output records"))
    scores = Scores(unknown_articles=[i for i in output_by_id if i not in gold_by_id],
                    missing_articles=[i for i in gold_by_id if i not in output_by_id],
                    skipped=[f"{skip.source}: {skip.reason}" for skip in skipped])
    totals: Counter[str] = Counter({key: 0 for key in COUNT_KEYS})
    per_article: dict[str, dict[str, int]] = {}
    for article_id, gold in gold_by_id.items():
        counts = _score_article(gold, output_by_id.get(article_id), scores)
        per_article[article_id] = dict(counts)
        totals.update(counts)
    scores.counts = {"total": {**dict(totals), "skipped": len(skipped)}, "articles": per_article}
    _set_figures(scores, totals)
    return scores


def _pair_by_text(golds: dict[str, Record], outputs: dict[str, Record]) -> dict[str, Record]:
    """Re-key outputs with an unknown id to the gold id of the article with the same text."""
    unmatched = {" ".join(g.article.text.split()): i for i, g in golds.items() if i not in outputs}
    paired: dict[str, Record] = {}
    for article_id, record in outputs.items():
        if article_id not in golds:
            article_id = unmatched.pop(" ".join(record.article.text.split()), article_id)
        paired[article_id] = record
    return paired


def _by_id(records: Sequence[Record], label: str) -> dict[str, Record]:
    found: dict[str, Record] = {}
    for record in records:
        if record.article.id in found:
            raise GoldError(message("E300", path=label, detail=f"article id {record.article.id!r} "
                                    "appears twice; give each article once"))
        found[record.article.id] = record
    return found


def _score_article(gold: Record, output: Record | None, scores: Scores) -> Counter[str]:
    """Count one article's events and quotes, appending its errors to ``scores``."""
    counts: Counter[str] = Counter({key: 0 for key in COUNT_KEYS})
    outputs = output.events if output is not None else []
    _score_events(gold.article.id, gold.events, outputs, counts, scores)
    _score_quotes(gold.article.id, gold.quotes, output.quotes if output is not None else [],
                  counts, scores)
    return counts


def _event_weight(gold: Event, output: Event, base: int) -> int:
    """The matching weight of a candidate pair (see 3); 0 when the pair cannot match."""
    kind, overlap = scoring.type_agreement(gold, output), scoring.evidence_overlap(gold, output)
    if kind == 0 or overlap == 0.0:
        return 0
    agreeing = sum(rule(gold, output) for _, rule, _ in scoring.FIELD_RULES)
    parts = (0 if gold.optional else 1, 1, 1 if kind == 2 else 0, round(overlap * 100), agreeing)
    return scoring.lexicographic(parts, base=base)


def _score_events(article_id: str, golds: list[Event], outputs: list[Event],
                  counts: Counter[str], scores: Scores) -> None:
    base = 101 * (max(len(golds), len(outputs)) + 1)
    weights = [[_event_weight(g, o, base) for o in outputs] for g in golds]
    pairs = scoring.best_assignment(weights)
    counts["gold_events"] = sum(not g.optional for g in golds)
    counts["optional_gold"] = len(golds) - counts["gold_events"]
    counts["output_events"] = len(outputs)
    for i, gold in enumerate(golds):
        if i in pairs and gold.optional:
            counts["optional_matches"] += 1
        elif i in pairs:
            _score_hit(article_id, gold, outputs[pairs[i]], counts, scores)
        elif not gold.optional:
            counts["misses"] += 1
            scores.misses.append(UnmatchedEvent(article_id, gold.id, gold.event_type, _trigger(gold),
                                      [span.text for span in gold.evidence]))
    matched = set(pairs.values())
    for j, output in enumerate(outputs):
        if j not in matched:
            _score_unmatched(article_id, golds, [row[j] for row in weights], output, counts, scores)


def _score_hit(article_id: str, gold: Event, output: Event, counts: Counter[str],
               scores: Scores) -> None:
    counts["hits"] += 1
    agrees = {}
    for name, rule, show in scoring.FIELD_RULES:
        agrees[name] = rule(gold, output)
        if not agrees[name]:
            scores.field_errors.append(FieldError(article_id, gold.id, output.id, name,
                                                  show(gold, gold=True), show(output)))
    counts["dyad_hits"] += agrees["actor"] and agrees["recipient"]
    for name in ACCURACY_FIELDS:
        counts[f"{name}_correct"] += agrees[name]


def _score_unmatched(article_id: str, golds: list[Event], column: list[int], output: Event,
                     counts: Counter[str], scores: Scores) -> None:
    """An output event outside the matching: a duplicate of its best gold event, or a false alarm."""
    best = max(range(len(golds)), key=column.__getitem__, default=None)
    if best is not None and column[best] > 0:
        counts["duplicates"] += 1
        scores.duplicates.append(Duplicate(article_id, output.id, output.event_type, golds[best].id))
        return
    counts["false_alarms"] += 1
    scores.false_alarms.append(UnmatchedEvent(article_id, output.id, output.event_type,
                                          _trigger(output), [span.text for span in output.evidence]))


def _trigger(event: Event) -> str | None:
    return event.trigger.text if event.trigger is not None else None


def _quote_weight(gold: Quote, output: Quote, base: int) -> int:
    overlap = scoring.quote_overlap(output.text, gold.text)
    if overlap < scoring.MIN_OVERLAP:
        return 0
    same_place = output.start < gold.end and gold.start < output.end
    parts = (1, round(overlap * 100), scoring.speaker_agrees(gold.speaker, output.speaker), same_place)
    return scoring.lexicographic(parts, base=base)


def _score_quotes(article_id: str, golds: list[Quote], outputs: list[Quote],
                  counts: Counter[str], scores: Scores) -> None:
    base = 101 * (max(len(golds), len(outputs)) + 1)
    pairs = scoring.best_assignment([[_quote_weight(g, o, base) for o in outputs] for g in golds])
    counts["gold_quotes"], counts["output_quotes"] = len(golds), len(outputs)
    counts["quote_hits"] = len(pairs)
    for i, gold in enumerate(golds):
        if i not in pairs:
            scores.quote_errors.append(QuoteError(article_id, "miss", gold.text, _speaker(gold)))
            continue
        output = outputs[pairs[i]]
        if scoring.speaker_agrees(gold.speaker, output.speaker):
            counts["speaker_correct"] += 1
        else:
            scores.field_errors.append(FieldError(
                article_id, f"quote {gold.start}-{gold.end}", f"quote {output.start}-{output.end}",
                "speaker", _speaker(gold) or "none", _speaker(output) or "none"))
    matched = set(pairs.values())
    scores.quote_errors.extend(QuoteError(article_id, "false_alarm", o.text, _speaker(o))
                               for j, o in enumerate(outputs) if j not in matched)


def _speaker(quote: Quote) -> str | None:
    return scoring.show_actors([quote.speaker]) if quote.speaker is not None else None


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _set_figures(scores: Scores, totals: Counter[str]) -> None:
    """The figures of 5, 6, 7 and 10 from the summed counts."""
    reported = totals["hits"] + totals["false_alarms"] + totals["duplicates"]
    scores.event_precision = _ratio(totals["hits"], reported)
    scores.event_recall = _ratio(totals["hits"], totals["gold_events"])
    scores.event_f1 = _f1(scores.event_precision, scores.event_recall)
    scores.dyad_precision = _ratio(totals["dyad_hits"], reported)
    scores.dyad_recall = _ratio(totals["dyad_hits"], totals["gold_events"])
    scores.dyad_f1 = _f1(scores.dyad_precision, scores.dyad_recall)
    for name in ACCURACY_FIELDS:
        setattr(scores, f"{name}_accuracy", _ratio(totals[f"{name}_correct"], totals["hits"]))
    scores.quote_precision = _ratio(totals["quote_hits"], totals["output_quotes"])
    scores.quote_recall = _ratio(totals["quote_hits"], totals["gold_quotes"])
    scores.quote_f1 = _f1(scores.quote_precision, scores.quote_recall)
    scores.speaker_accuracy = _ratio(totals["speaker_correct"], totals["quote_hits"])
    scores.duplicate_rate = _ratio(totals["duplicates"], totals["output_events"])


# --- report and CLI ------------------------------------------------------------------------

def _figure(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _clip(text: str | None, limit: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(scores: Scores) -> list[str]:
    """The figures as a few aligned lines."""
    total = scores.counts.get("total", {})
    lines = [f"{'':10} precision  recall     f1"]
    for label, prefix in (("events", "event"), ("dyads", "dyad"), ("quotes", "quote")):
        figures = [getattr(scores, f"{prefix}_{name}") for name in ("precision", "recall", "f1")]
        lines.append(f"{label:10} " + "  ".join(f"{_figure(f):>8}" for f in figures))
    accuracies = "  ".join(f"{name} {_figure(getattr(scores, f'{name}_accuracy'))}"
                           for name in ACCURACY_FIELDS)
    lines.append(f"on {total.get('hits', 0)} matched events: {accuracies}")
    lines.append(f"on {total.get('quote_hits', 0)} matched quotes: speaker "
                 f"{_figure(scores.speaker_accuracy)}")
    lines.append(f"duplicate rate {_figure(scores.duplicate_rate)}; "
                 + ", ".join(f"{key.replace('_', ' ')} {total.get(key, 0)}" for key in (
                     "gold_events", "output_events", "hits", "misses", "false_alarms",
                     "duplicates", "optional_matches", "skipped")))
    return lines


def _details(scores: Scores) -> list[str]:
    """What was missed, falsely reported, duplicated or got a field wrong."""
    lines: list[str] = []
    sections = (
        ("Missed (gold event, type, trigger, evidence)", [
            f"  {m.article_id}/{m.event_id} {m.event_type} \"{_clip(m.trigger, 40)}\": "
            f"{_clip(m.evidence[0] if m.evidence else '')}" for m in scores.misses]),
        ("False alarms (output event, type, trigger, evidence)", [
            f"  {f.article_id}/{f.event_id} {f.event_type} \"{_clip(f.trigger, 40)}\": "
            f"{_clip(f.evidence[0] if f.evidence else '')}" for f in scores.false_alarms]),
        ("Duplicates (output event, type, gold event it repeats)", [
            f"  {d.article_id}/{d.event_id} {d.event_type} repeats {d.duplicate_of}"
            for d in scores.duplicates]),
        ("Field errors (gold event / output event, field: gold vs output)", [
            f"  {e.article_id}/{e.item} / {e.output_item}, {e.field}: {e.gold} vs {e.output}"
            for e in scores.field_errors]),
        ("Quotes missed or not in gold", [
            f"  {q.article_id} {q.kind.replace('_', ' ')}: \"{_clip(q.text, 80)}\" "
            f"({q.speaker or 'no speaker'})" for q in scores.quote_errors]),
        ("Output articles without gold (ignored)", [f"  {i}" for i in scores.unknown_articles]),
        ("Gold articles without output", [f"  {i}" for i in scores.missing_articles]),
        ("Skipped articles", [f"  {s}" for s in scores.skipped]),
    )
    for title, entries in sections:
        if entries:
            lines += ["", f"{title}:", *entries]
    return lines


def report(scores: Scores) -> str:
    """A short table of the figures, then every miss, false alarm, duplicate and field error."""
    return "\n".join(_table(scores) + _details(scores))


def run(gold_paths: Sequence[str], output_path: str, *, as_json: bool = False,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """``eventwire eval GOLD... --output RECORDS.jsonl [--json]``: 0 when scored, 2 on bad input."""
    out = sys.stdout if out is None else out
    try:
        golds = [record for path in gold_paths for record in load_records(path)]
        outputs, skips = load_batch(output_path)
        scores = score(golds, outputs, skipped=skips)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr if err is None else err)
        return 2
    text = json.dumps(scores.to_dict(), ensure_ascii=False) if as_json else report(scores)
    print(text, file=out)
    return 0
