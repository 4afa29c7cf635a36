"""Which reporting cue governs a word: the closest source of the claim that holds it.

Walks the dependency parse up from a word (an event trigger, the top word of a quote)
and yields the cues whose claim contains it, closest first; ``hedged`` tells the
evidentials with no source ("reportedly", "is said to") apart.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span as SpacySpan, Token

from ..records import Actor
from .reporting import (SPEECH_ACT, SUBJECT_DEPS, Cue, Lexicon, agent_words, cue_of, is_passive,
                        load_reporting, verb_entry)

# Dependency labels under a reporting verb that hold the claim it reports.
CLAIM_DEPS = ("ccomp", "xcomp", "parataxis")
OBJECT_DEPS = ("dobj", "nsubjpass")


def claim_cues(token: Token, lexicon: Lexicon, *, outside: tuple[int, int] | None = None,
               speech: bool = False) -> Iterator[Cue]:
    """Every cue whose claim contains ``token``, closest first: walk up the parse from it.

    At each word on the way up, an aside hanging on it ("according to X", ", officials
    said" as parataxis, "as X reported", "a charge X denies") counts, then the word's
    head when the word is that head's claim (ccomp, xcomp, parataxis; the object of
    verbs like "announce"). The token's own reporting verb and its subject are not in
    the claim. ``outside`` (a character range) skips cues whose words lie inside it.
    With ``speech`` (quotes), any path up counts except through a subject, and speech
    acts are cues too ("X condemned the 'barbaric' attacks").
    """
    node, came_from = token, None
    while True:
        yield from _aside_cues(node, came_from, lexicon, outside)
        head = node.head
        if head.i == node.i:
            return
        if _is_claim_of(node, head, lexicon) or (speech and node.dep_ not in SUBJECT_DEPS):
            cue = cue_of(head, lexicon, speech=speech)
            if cue is not None and cue.source is not None and not _within(cue.words, outside) \
                    and not (node.i == token.i and _charge_on_act(token, head, lexicon)):
                yield cue
        elif node.dep_ not in SUBJECT_DEPS and verb_entry(head, lexicon, speech=True) is SPEECH_ACT:
            yield from _charge_cues(token, head, lexicon)
        node, came_from = head, node


def _charge_on_act(act: Token, head: Token, lexicon: Lexicon) -> bool:
    """ "X accused Y of ..., a charge Z denies" parsed with "accused" under "denies": the
    denial is of the accusation's content, not of the act of accusing."""
    if verb_entry(act, lexicon, speech=True) is not SPEECH_ACT:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.claim_nouns and c.i > act.i
               for c in head.children)


def _charge_cues(token: Token, act: Token, lexicon: Lexicon) -> Iterator[Cue]:
    """ "X accused Y of <token> ..., a charge Z denies": Z is the source of the accusation's
    content (the accusation itself is X's act, never attributed)."""
    for noun in act.subtree:
        if noun.i > token.i and noun.lemma_.lower() in lexicon.claim_nouns and noun.i > 0 \
                and noun.doc[noun.left_edge.i - 1].text == ",":
            cue = _commented_claim(noun, lexicon)
            if cue is not None:
                yield cue


def pick_cue(cues: Iterable[Cue], actor_index: dict[int, Actor], lexicon: Lexicon) -> Cue | None:
    """The closest cue, passing over an unnamed document ("according to a statement")
    when a cue further up names who issued it."""
    first = None
    for cue in cues:
        if first is None:
            first = cue
            if not _unnamed_document(cue, actor_index, lexicon):
                return cue
        elif not _unnamed_document(cue, actor_index, lexicon):
            return cue
    return first


def _unnamed_document(cue: Cue, actor_index: dict[int, Actor], lexicon: Lexicon) -> bool:
    if cue.source is None or cue.source.root.lemma_.lower() not in lexicon.documents:
        return False
    return not any(token.i in actor_index for token in cue.source.root.subtree)


def _is_claim_of(node: Token, head: Token, lexicon: Lexicon) -> bool:
    """Whether ``node`` heads what ``head`` reports (its ccomp, "and that ..." conjunct, object)."""
    if node.dep_ in CLAIM_DEPS:
        return True
    if node.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return verb_entry(head, lexicon) is not None
    entry = verb_entry(head, lexicon)
    return node.dep_ in OBJECT_DEPS and entry is not None and entry.objects


def _aside_cues(node: Token, came_from: Token | None, lexicon: Lexicon,
                outside: tuple[int, int] | None) -> Iterator[Cue]:
    """Cues attached to ``node`` as an aside: "according to X", ", X said", "as X said"."""
    for child in node.children:
        if came_from is not None and child.i == came_from.i:
            continue
        if came_from is not None and child.lemma_.lower() in lexicon.claim_nouns:
            cue = _commented_claim(child, lexicon)
        elif _is_aside(child):
            cue = cue_of(child, lexicon)
        else:
            continue
        if cue is not None and cue.source is not None and not _within(cue.words, outside):
            yield cue


def _commented_claim(noun: Token, lexicon: Lexicon) -> Cue | None:
    """ "..., a charge the government denies": the cue of the clause on the claim noun."""
    if noun.pos_ != "NOUN" or noun.dep_ in SUBJECT_DEPS:
        return None
    for child in noun.children:
        if child.dep_ == "relcl":
            cue = cue_of(child, lexicon)
            if cue is not None and cue.source is not None:
                return cue
    return None


def _is_aside(child: Token) -> bool:
    """Whether ``child`` could be a reporting aside on its head's clause."""
    if child.lower_ == "according":
        return True
    if child.dep_ == "relcl":
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in child.children):
        return False
    if child.dep_ == "parataxis":
        return True
    if child.dep_ == "conj":
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        return before is not None and before.text == ","
    return child.dep_ == "advcl" and any(c.lower_ == "as" for c in child.children)


def _within(words: SpacySpan, outside: tuple[int, int] | None) -> bool:
    if outside is None:
        return False
    return words.start_char >= outside[0] and words.end_char <= outside[1]


def hedged(token: Token, lexicon: Lexicon | None = None) -> bool:
    """Whether ``token``'s clause is hedged with no source: "reportedly", "is said to"."""
    lexicon = lexicon or load_reporting()
    node = token
    while True:
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.hedge_adverbs for c in node.children):
            return True
        head = node.head
        if head.i == node.i:
            return False
        if (node.dep_ in ("xcomp", "ccomp") and is_passive(head) and agent_words(head) is None
                and head.lemma_.lower() in lexicon.hedge_passives):
            return True
        node = head
