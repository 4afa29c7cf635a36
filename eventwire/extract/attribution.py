"""ATTRIBUTION stage: the closest in-text source of the claim holding an event trigger.

Reads the parse around a trigger and the article's actor index; returns an
``Attribution`` ("US officials have said", "CNN reports", "according to the ministry")
or None. The source is the reporting cue's subject (or the object of "according to"),
resolved through the actor index; the cue is the verb as written.

What counts (see ``claims.claim_cues``): the trigger must be inside the claim, so
the reporting verb and its own subject get no attribution, and neither does an event
verb that is itself a speech act ("X accused Y"). When cues nest ("A said that B
reports ...") the innermost wins. Inside a direct quotation with no cue in its own
sentence, the quote's speaker is the source. Evidentials without a source ("is said
to", "reportedly", "is believed to") give None: ``hedged`` tells the modality coder.
The outlet that published the article is never an attribution: only in-text words are read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..records import Actor, Attribution
from .quotes import Finding, find_quotes
from .claims import claim_cues, pick_cue
from .claims import hedged as _hedged
from .reporting import Cue, Lexicon, cue_span_end, load_reporting, source_actor

QUOTE_CACHE = "eventwire.attribution.quotes"


@dataclass(slots=True)
class Claim:
    """One reporting cue of a Doc with the words of the claim it reports (token indices)."""

    cue: Cue
    content: list[int]


def attribution_for(token: Token, actor_index: dict[int, Actor]) -> Attribution | None:
    """The closest in-text source of the claim that contains ``token``, or None."""
    lexicon = load_reporting()
    cue = pick_cue(claim_cues(token, lexicon), actor_index, lexicon)
    if cue is not None:
        return _attribution(cue, actor_index, lexicon)
    finding = _quote_around(token, actor_index, lexicon)
    if finding is None or finding.cue is None or finding.cue.stance == "speech_act":
        return None
    attribution = _attribution(finding.cue, actor_index, lexicon)
    if attribution is not None and finding.quote.speaker is not None:
        attribution.source = replace(finding.quote.speaker)
    return attribution


def claims_in(doc: Doc, actor_index: dict[int, Actor]) -> list[Claim]:
    """Every cue of ``doc`` with its claim, in text order.

    A word belongs to the claim of the cue ``attribution_for`` would give it (the closest
    cue over it in the parse, else the speaker's cue of the quotation holding it); the
    cue's own words and its source's words are not part of the claim.
    """
    lexicon = load_reporting()
    claims: dict[tuple[int, int], Claim] = {}
    for token in doc:
        if token.is_space:
            continue
        cue = _cue_over(token, actor_index, lexicon)
        if cue is None:
            continue
        claim = claims.setdefault((cue.words.start, cue.words.end), Claim(cue, []))
        source = claim.cue.source
        if token.i in range(cue.words.start, cue.words.end) or (
                source is not None and token.i in range(source.start, source.end)):
            continue
        claim.content.append(token.i)
    return [claims[key] for key in sorted(claims) if claims[key].content]


def _cue_over(token: Token, actor_index: dict[int, Actor], lexicon: Lexicon) -> Cue | None:
    """The cue whose claim holds ``token``, as ``attribution_for`` finds it."""
    cue = pick_cue(claim_cues(token, lexicon), actor_index, lexicon)
    if cue is not None:
        return cue
    finding = _quote_around(token, actor_index, lexicon)
    if finding is None or finding.cue is None or finding.cue.stance == "speech_act":
        return None
    return finding.cue


def hedged(token: Token) -> bool:
    """Whether the claim holding ``token`` is hedged with no source ("reportedly")."""
    return _hedged(token, load_reporting())


def _attribution(cue: Cue, actor_index: dict[int, Actor], lexicon: Lexicon) -> Attribution | None:
    """The record for one cue: source words + cue as the text, the resolved source."""
    source = source_actor(cue.source, actor_index)
    if source is None or cue.source is None:
        return None
    start = min(cue.words.start_char, cue.source.start_char)
    end = cue_span_end(cue, lexicon)
    text = doc_text(cue.words.doc)
    return Attribution(text=text[start:end], start=start, end=end, source=source, cue=cue.text)


def _quote_around(token: Token, actor_index: dict[int, Actor], lexicon: Lexicon) -> Finding | None:
    """The direct quotation holding ``token``, found once per Doc and actor index."""
    doc: Doc = token.doc
    key = tuple((i, id(actor)) for i, actor in actor_index.items())
    cached = doc.user_data.get(QUOTE_CACHE)
    if cached is None or cached[0] != key:
        cached = (key, find_quotes(doc, actor_index, lexicon=lexicon))
        doc.user_data[QUOTE_CACHE] = cached
    for finding in cached[1]:
        if finding.quote.start <= token.idx < finding.quote.end:
            return finding
    return None
