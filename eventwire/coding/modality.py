"""Decides an event's modality: asserted, future, hypothetical or negated.

Existing coders report "sanctions if Russia invades" as sanctions and "denied
plans to invade" as an invasion. Here the modality is read off the path from
the trigger up to its sentence's root: negators and negative determiners on the
trigger and its arguments, modal and future auxiliaries, conditional clauses,
and governing words ("plans to", "threatened to", "denied", "unlikely that").
The strongest cue on the path wins: negated > hypothetical > future > asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax
from .ontology import Lexicon

RANK = {"asserted": 0, "future": 1, "hypothetical": 2, "negated": 3}
CLIMB = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acomp", "dobj", "nsubjpass", "nsubj",
                   "attr", "oprd", "csubj", "conj", "prep"})
STOP_GOVERNORS = frozenset({"relcl", "parataxis", "appos", "ROOT"})


def modality_of(trigger: Token, predicate: Token, lexicon: Lexicon) -> tuple[str, str | None]:
    """The modality of the event and the word that decided it (None when asserted)."""
    best, cue = "asserted", None
    for token, own in _path(trigger, predicate, lexicon):
        found = _cues_at(token, lexicon, own=own)
        for modality, word in found:
            if RANK[modality] > RANK[best]:
                best, cue = modality, word
    best, cue = _reported_would(trigger, predicate, lexicon, best, cue)
    return best, cue


def _path(trigger: Token, predicate: Token, lexicon: Lexicon) -> list[tuple[Token, bool]]:
    """The trigger, its predicate, and the governors whose meaning scopes over it.

    Each step says whether the token's own lemma is *not* a cue: true for the
    trigger itself and for the head of a coordination ("denied X and asked Y":
    "asked" shares the auxiliaries of "denied", not its meaning).
    """
    path = [(trigger, True)] if predicate == trigger else [(trigger, True), (predicate, False)]
    current = predicate
    nouns = {w for words in lexicon.modality["nouns"].values() if isinstance(words, list) for w in words}
    governors = {w for words in lexicon.modality["governors"].values() if isinstance(words, list) for w in words}
    while current.head != current and len(path) < 12:
        dep, head = current.dep_, current.head
        if dep == "acl" and head.lemma_.lower() in nouns:
            pass  # "plans to invade": the noun governs
        elif dep == "pobj" and head.dep_ == "prep" and _lemma(head.head) in governors:
            path.append((head, True))  # "called for talks": the verb governs through its preposition
            current = head
            continue
        elif dep not in CLIMB or (current.pos_ in ("NOUN", "PROPN") and dep in ("nsubj", "nsubjpass")
                                  and current != trigger):
            break
        path.append((head, dep == "conj"))
        current = head
    return path


def _cues_at(token: Token, lexicon: Lexicon, *, own: bool) -> list[tuple[str, str]]:
    """Cues carried by one token of the path: its lemma (unless it is the trigger) and its children."""
    cues = lexicon.modality
    lemma = _lemma(token)
    found: list[tuple[str, str]] = []
    if not own:
        for modality in ("future", "hypothetical", "negated"):
            words = cues["governors"][modality] + cues["nouns"][modality]
            if lemma == "go" and token.tag_ != "VBG":
                continue  # "is going to" looks ahead; "went on to win" does not
            if lemma in words or (lemma == "rule" and "out" in syntax.particles(token)):
                found.append((modality, token.text))
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and word in cues["negators"]):
            found.append(("negated", child.text))
        elif child.dep_ == "aux" and word in cues["future_aux"]:
            found.append(("future", child.text))
        elif child.dep_ == "aux" and word in cues["hypothetical_aux"]:
            found.append(("hypothetical", child.text))
        elif child.dep_ == "advcl" and _conditional(child, lexicon):
            found.append(("hypothetical", "if"))
        elif child.dep_ == "mark" and word in cues["conditional_marks"]:
            found.append(("hypothetical", child.text))
        elif child.dep_ == "acomp" and _lemma(child) in cues["governors"]["hypothetical"]:
            found.append(("hypothetical", child.text))
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_det(child, lexicon):
            found.append(("negated", "no"))
        elif child.dep_ == "prep" and word == "without":
            continue
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        found.append(("negated", "without"))
    return found


def _conditional(clause: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lexicon.modality["conditional_marks"] for c in clause.children)


def _negative_det(noun: Token, lexicon: Lexicon) -> bool:
    """'no new forces', 'not a single round', 'none of the troops'."""
    if noun.lower_ in ("none", "nobody", "nothing"):
        return True
    words = lexicon.modality["negative_determiners"]
    return any(t.lower_ in words or (t.lower_ == "not" and t.dep_ in ("neg", "preconj", "advmod", "det"))
               for t in noun.lefts for t in t.subtree)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _reported_would(trigger: Token, predicate: Token, lexicon: Lexicon, best: str,
                    cue: str | None) -> tuple[str, str | None]:
    """'Officials said troops would be sent' reports a plan: future, not a supposition."""
    if best != "hypothetical" or cue is None or cue.lower() != "would":
        return best, cue
    reporting = set(lexicon.modality["reporting"])
    if any(_lemma(t) in reporting for t in predicate.ancestors):
        return "future", cue
    return best, cue
