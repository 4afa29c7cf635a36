"""TIMES: date expressions of an article, normalised against its publication date.

Reads a parsed Doc (DATE/TIME entities, tags, dependencies) and ``article.published``;
writes ``TimeRef`` records in text order. Words live in ``data/lexicons/time_words.yaml``.

1. Candidates are spaCy DATE and TIME entities plus our own patterns for what the small
   model misses (ISO dates, "last Tuesday", "two days ago", "March 3"); overlapping ones
   are joined, and "yesterday, February 1" is one expression.
2. Dropped (not dates): durations ("for three years", "the next few days"), frequencies
   ("every week"), ages ("62-year-old"), vague words ("currently", "recent weeks"),
   clock times alone ("8 pm").
3. Each one is normalised by ``normalize_time`` with rules first and dateparser (cached,
   only for what the rules do not read) last. Relative expressions need ``published``;
   without it their value is None. A value of None means a time was named but could not
   be put on the calendar: the event coder ignores such a TimeRef.
4. Year of a month without one ("in March"): the publication year; in past-tense text a
   month after the publication month is last year's; in future-tense text a month before
   it is next year's. A bare weekday ("on Monday") is the latest such day on or before
   the publication date (news convention: on the day itself, it is that day), or the
   next one on or after it in future-tense text; "last Tuesday" is strictly before,
   "next Tuesday" strictly after. "earlier this year" -> the year, precision approximate.
5. A malformed ``published`` (not YYYY-MM-DD, optionally followed by a time) raises
   ``MalformedInput``: ingest must give a date or None, so the fault is found there.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import doc_text
from ..errors import MalformedInput, message
from ..records import TimeRef
from . import time_rules
from .time_rules import Words, load_words

ENTITY_LABELS = ("DATE", "TIME")
CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|gmt|utc|bst|et|est)?$|noon|midnight", re.I)
PUBLISHED = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
JOINER = re.compile(r"^,?\s*$")


def extract_times(doc: Doc, published: str | None) -> list[TimeRef]:
    """Every date expression of ``doc`` in text order, normalised against ``published``."""
    reference = parse_published(published)
    words = load_words()
    times = []
    for start, end in candidate_spans(doc, words):
        span = doc.char_span(start, end, alignment_mode="expand")
        text = doc_text(doc)[start:end]
        if span is None or not_a_date(doc, span, text, words):
            continue
        tense = tense_of(span, words)
        parts = range_parts(text, start, reference, tense)
        if parts:
            times += parts
            continue
        value, precision = time_rules.resolve(text, reference, tense=tense)
        times.append(TimeRef(text=text, start=start, end=end, value=value, precision=precision))
    return times


def range_parts(text: str, start: int, reference: date | None, tense: str | None) -> list[TimeRef]:
    """ "2009-2010", "Sept. 14 to Thursday", "1957-58": two dates, each its own TimeRef.

    Only when both ends resolve (a hyphen only between years); a two-digit end takes
    the century of the year before it.
    """
    match = RANGE.fullmatch(text)
    if match is None:
        return []
    a, b = ("a", "b") if match["a"] else ("c", "d")
    left = time_rules.resolve(match[a], reference, tense=tense)
    right = time_rules.resolve(match[b], reference, tense=tense)
    if left[1] == "year" and re.fullmatch(r"\d{2}", match[b]):
        right = (left[0][:2] + match[b], "year")
    if left[0] is None or right[0] is None:
        return []
    return [TimeRef(text=match[a], start=start + match.start(a), end=start + match.end(a),
                    value=left[0], precision=left[1]),
            TimeRef(text=match[b], start=start + match.start(b), end=start + match.end(b),
                    value=right[0], precision=right[1])]


RANGE = re.compile(r"(?:(?:between|from) )?(?P<a>\d{4})[-\u2013](?P<b>\d{2}|\d{4})"
                   r"|(?:(?:between|from) )?(?P<c>.+?) (?:to|through|until|till|and) (?P<d>.+)", re.I)


def normalize_time(text: str, published: str | None, *, tense: str | None = None
                   ) -> tuple[str | None, str | None]:
    """(ISO value, precision) of one time expression; (None, None) when not a date.

    ``tense`` ("past" or "future") is what extract_times reads from the governing verb;
    standalone callers (TempEval scoring) may leave it None.
    """
    words = load_words()
    if time_rules.shape_not_a_date(time_rules.clean(text, words), words):
        return None, None
    return time_rules.resolve(text, parse_published(published), tense=tense)


def parse_published(published: str | None) -> date | None:
    """The publication date, or None; anything but YYYY-MM-DD[Ttime] raises MalformedInput."""
    if published is None or published == "":
        return None
    match = PUBLISHED.match(published.strip()) if isinstance(published, str) else None
    if match is not None:
        try:
            return date.fromisoformat(match[1])
        except ValueError:
            pass
    raise MalformedInput(message(
        "E104", source="article.published",
        detail=f"{published!r} is not a date in YYYY-MM-DD form; give the publication date "
               "that way (a time after it is allowed) or leave it empty",
    ))


def candidate_spans(doc: Doc, words: Words) -> list[tuple[int, int]]:
    """Entity and pattern spans, overlapping ones joined, "yesterday, February 1" joined."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ENTITY_LABELS]
    spans += [m.span() for m in words.patterns.finditer(doc_text(doc))]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start < merged[-1][1] or joined(doc_text(doc), merged[-1], (start, end), words)):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [trimmed(doc_text(doc), s, e) for s, e in merged]


def joined(text: str, left: tuple[int, int], right: tuple[int, int], words: Words) -> bool:
    """A day word or weekday, a comma, then a date: one expression."""
    if not JOINER.match(text[left[1]:right[0]]) or "," not in text[left[1]:right[0]]:
        return False
    head = text[left[0]:left[1]].lower().split()
    return bool(head) and (head[-1] in words.weekdays or " ".join(head) in words.day_words
                           or head[0] in words.day_words)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".'"):
        end -= 1
    return start, end


def not_a_date(doc: Doc, span: SpacySpan, text: str, words: Words) -> bool:
    """Durations, frequencies, ages, vague words and lone clock times (rule 2)."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    cleaned = time_rules.clean(text, words)
    if before in words.frequency_words or before in ("aged", "age") or after in ("old", "-old"):
        return True
    if re.fullmatch(r"\d{1,3}", cleaned) or cleaned.split()[:1] in (["age"], ["ages"], ["aged"]):
        return True  # a bare small number ("65") or an age ("ages 6 months") is not a date
    if re.search(r"\d+\s*-?\s*(?:years?|months?|weeks?|days?)[- ]old", text, re.I):
        return True
    if all(e.label_ == "TIME" for e in doc.ents if e.start < span.end and span.start < e.end) \
            and CLOCK.search(cleaned) and not any(w in cleaned.split() for w in words.weekdays):
        return True
    return time_rules.shape_not_a_date(cleaned, words)


REPORTING_PRESENT = frozenset({"say", "tell", "report", "add", "note", "write", "claim", "be", "have"})


def tense_of(span: SpacySpan, words: Words) -> str | None:
    """ "past", "future" or None, read from the verb that governs the time expression.

    A plan verb ("scheduled", "expected", "due") makes it future unless its auxiliary is
    past ("had been due to expire Friday"); a present passive ("is scheduled") is not past;
    a bare present verb reads as a schedule only when the expression hangs on it directly
    and no verb of the sentence is in the past ("hurt ... which fell on Friday").
    """
    verb, direct = span.root, True
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        direct = direct and (verb == span.root or verb.pos_ == "ADP")
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past_helper = any(h.tag_ == "VBD" or h.lower_ in ("has", "have", "had") for h in helpers)
    if any(h.lower_ in words.future_cues for h in helpers):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ in words.future_cues:
        return "past" if verb.head.tag_ == "VBD" or past_of(verb.head) else "future"
    if verb.lower_ in words.plan_verbs:
        return "past" if past_helper else "future"
    if verb.tag_ == "VBD" or past_helper or (verb.tag_ == "VBN" and not helpers):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not helpers and verb.lemma_.lower() not in REPORTING_PRESENT \
            and direct and span.root.dep_ != "poss" and not any(t.tag_ == "VBD" for t in span.sent):
        return "future"  # "The president visits Slovenia on Friday": a schedule
    return None


def past_of(verb: Token) -> bool:
    """A verb with a past auxiliary ("had been", "was")."""
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in ("has", "have", "had"))
               for c in verb.children)
