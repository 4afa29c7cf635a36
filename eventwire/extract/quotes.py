"""QUOTES stage: direct quotations and who said them.

Reads the Doc's text and parse and the article's resolved actor mentions; writes one
``Quote`` per pair of quotation marks (" ", “ ”, ' ', ‘ ’, « », ‹ ›, `` ''), in text order.
The quote is the words inside the marks; a mark left open closes at the end of its
paragraph. Apostrophes (didn't, the US's, the '90s, rock 'n' roll) are told apart from
single quote marks by the characters around them.

The speaker is found in this order:
  1. the reporting cue whose claim holds the quote in the parse ("X said '...'",
     "'...', he said", "X, saying that troops '...'", "according to X, '...'");
  2. a cue right beside the marks ("'...,' said X", "X said: '...'"), or a
     paragraph ending "X said:" just before a quote paragraph;
  3. a quote opening the sentence after a quote with a speaker continues it.
A quoted phrase with no cue over it ("the 'historic' deal") keeps speaker and cue null,
and so does one whose only cue is a news outlet reporting it (RECORD.md: the speaker is
not the outlet that reported the words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from ..nlp import doc_text, index_by_token, tokens_in
from ..records import Actor, Quote
from .claims import claim_cues, pick_cue
from .reporting import Cue, Lexicon, cue_of, load_reporting, source_actor

FAMILIES = {'"': "double", "“": "double", "”": "double", "„": "double",
            "'": "single", "‘": "single", "’": "single", "‚": "single",
            "«": "angle", "»": "angle", "‹": "angle2", "›": "angle2"}
OPENERS = "“„‘‚«‹"
CLOSERS = "”»›"
BEFORE_OPEN = "([{—–-/"
AFTER_CLOSE = ".,;:!?)]}—–-…"
ELISIONS = re.compile(r"'n'|'(?:\d\d)s?\b|'(?:em|til|cause|tis|twas)\b", re.IGNORECASE)
OUTLET_SECTORS = ("MED",)  # RECORD.md: the speaker is not the outlet that reported the words
NEAR = 4  # tokens between a cue and the quote mark it introduces ("the minister said: '")
AFTER = 12  # tokens after a clause-final quote to look for its cue ("', the minister said")


@dataclass(slots=True)
class Finding:
    """A quote with the cue that gives its speaker (None when it has none)."""

    quote: Quote
    cue: Cue | None


def extract_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """Every direct quotation of ``doc``, in text order, with its speaker and cue."""
    return [finding.quote for finding in find_quotes(doc, index_by_token(doc, actors))]


def find_quotes(doc: Doc, actor_index: dict[int, Actor], *,
                lexicon: Lexicon | None = None) -> list[Finding]:
    """Quotes with the cue behind each speaker (the attribution stage reads the cue)."""
    lexicon = lexicon or load_reporting()
    findings: list[Finding] = []
    for start, end in quote_spans(doc_text(doc)):
        words = tokens_in(doc, start, end)
        if words is None:
            continue
        cue = _speaker_cue(words, (start, end), actor_index, lexicon) or _continued(words, findings)
        if cue is not None and not _speaks(cue, actor_index):
            cue = None
        speaker = source_actor(cue.source, actor_index) if cue is not None else None
        quote = Quote(text=doc_text(doc)[start:end], start=start, end=end, speaker=speaker,
                      cue=cue.text if speaker is not None else None)
        findings.append(Finding(quote, cue if speaker is not None else None))
    return findings


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the words inside each pair of quotation marks."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        spans.extend(_pair(_marks(text, match.start(), match.end()), text, match.end()))
    return [_trim(text, start, end) for start, end in spans if _has_words(text[start:end])]


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Quote marks of one paragraph as (offset, width, family, role); role: open, close, either.

    Two straight single marks ('' or ``), as some wires write double quotes, are one mark.
    """
    marks, skip = [], set()
    for match in ELISIONS.finditer(text, start, end):
        if match.start() == start or not text[match.start() - 1].isalnum():
            skip.update(i for i in range(match.start(), match.end()) if text[i] == "'")
    i = start
    while i < end:
        width = 2 if text[i:i + 2] in ("''", "``") else 1
        family = "double" if width == 2 else FAMILIES.get(text[i])
        role = None if family is None or i in skip else _role(text, i, start, end, width)
        if role is not None:
            marks.append((i, width, family, role))
        i += width
    return marks


def _role(text: str, i: int, start: int, end: int, width: int) -> str | None:
    """Whether the mark at ``i`` can open or close a quote (None: an apostrophe)."""
    char = "``" if text[i:i + width] == "``" else text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if char in "'’" and before.isalnum() and after.isalnum():
        return None
    if char == "’" and before.isspace() and after.isdigit():
        return None
    if char in OPENERS or char == "``":
        return "open"
    if char in CLOSERS:
        return "close"
    can_open = (before.isspace() or before in BEFORE_OPEN or before in FAMILIES) and not after.isspace()
    can_close = (after.isspace() or after in AFTER_CLOSE or after in FAMILIES) and not before.isspace()
    if char == "’" and can_close:
        return "close"
    if can_open and can_close:
        return "either"
    return "open" if can_open else "close" if can_close else None


def _pair(marks: list[tuple[int, int, str, str]], text: str, end: int) -> list[tuple[int, int]]:
    """Match opening and closing marks of a paragraph; outer quotes only."""
    spans, opened = [], None
    for n, (i, width, family, role) in enumerate(marks):
        if opened is None:
            if role in ("open", "either"):
                opened = (i + width, family)
        elif family == opened[1] and role in ("close", "either"):
            if _possessive(text, i) and any(f == family and r != "open" for _, _, f, r in marks[n + 1:]):
                continue
            spans.append((opened[0], i))
            opened = None
    if opened is not None:
        spans.append((opened[0], end))
    return spans


def _possessive(text: str, i: int) -> bool:
    """A plural possessive ("the soldiers' families") rather than a closing mark."""
    return text[i] == "'" and text[i - 1] in "sS" and re.match(r" [a-z]", text[i + 1:i + 3]) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _speaker_cue(words: SpacySpan, chars: tuple[int, int], actor_index: dict[int, Actor],
                 lexicon: Lexicon) -> Cue | None:
    """The cue over the quote in the parse, else a cue right beside its marks."""
    for token in words:
        if token.is_punct or token.is_space:
            continue
        if token.head.i in range(words.start, words.end) and token.head.i != token.i:
            continue
        cues = claim_cues(token, lexicon, outside=chars, speech=True)
        cue = pick_cue((c for c in cues if _speaks(c, actor_index)), actor_index, lexicon)
        if cue is not None:
            return cue
    return _beside(words, lexicon) or _introduced(words, lexicon)


def _speaks(cue: Cue, actor_index: dict[int, Actor]) -> bool:
    """Whether the cue's source can be a speaker: an outlet reporting the words is not one."""
    source = source_actor(cue.source, actor_index)
    return source is not None and source.sector not in OUTLET_SECTORS


def _beside(words: SpacySpan, lexicon: Lexicon) -> Cue | None:
    """A cue right after a clause-final quote ("'...,' he said") or right before it ("said: '...'")."""
    doc = words.doc
    sent = doc[words.end - 1].sent
    after = doc[words.end:min(words.end + AFTER, sent.end)]
    lead = [t for t in after[:2] if t.is_punct]
    if words[-1].text in ",!?" or any(t.text == "," for t in lead):
        for token in after[len(lead):]:
            cue = cue_of(token, lexicon, speech=True)
            if cue is not None and cue.source is not None:
                return cue
            if token.pos_ == "VERB" or token.text in ".;:!?":
                break
    opening = words.start - 1
    while opening > 0 and doc[opening].is_punct and doc[opening].text in FAMILIES:
        opening -= 1
    if opening <= 0 or doc[opening].text not in ":,":
        return None
    for token in reversed(doc[max(opening - NEAR, 0):opening]):
        cue = cue_of(token, lexicon)
        if cue is not None and cue.source is not None:
            return cue
    return None


def _introduced(words: SpacySpan, lexicon: Lexicon) -> Cue | None:
    """A quote paragraph after a paragraph that ends "X said:"."""
    doc, text = words.doc, doc_text(words.doc)
    line_start = text.rfind("\n", 0, words.start_char) + 1
    if line_start == 0 or text[line_start:words.start_char].strip() not in FAMILIES:
        return None
    previous = text[:line_start].rstrip()
    if not previous.endswith(":"):
        return None
    colon = doc.char_span(len(previous) - 1, len(previous), alignment_mode="expand")
    if colon is None:
        return None
    for token in reversed(list(colon.sent)):
        cue = cue_of(token, lexicon)
        if cue is not None and cue.source is not None:
            return cue
    return None


def _continued(words: SpacySpan, findings: list[Finding]) -> Cue | None:
    """A quote opening the sentence after a quote with a speaker: the same speaker."""
    if not findings or findings[-1].cue is None:
        return None
    doc = words.doc
    first = doc[words.start].sent
    opening = doc[first.start:words.start]
    if any(not (t.is_punct or t.is_space) for t in opening):
        return None
    if first.start == 0:
        return None
    before = doc[first.start - 1].sent
    previous = findings[-1].quote
    if previous.end < before.start_char or previous.end > words.start_char:
        return None
    return findings[-1].cue
