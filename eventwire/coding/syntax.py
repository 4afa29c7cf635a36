"""Small readings of the dependency parse shared by triggers, arguments and modality.

They encode English argument structure once: who the subject of a verb is when
it is passive, raised ("is said to be preparing"), controlled ("chooses to
invade") or coordinated ("denied ... and asked"), and what a verb or a noun
acts on.
"""

from __future__ import annotations

from spacy.tokens import Token

PHRASE_ENDS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj"})


def is_passive(token: Token) -> bool:
    """True when the verb has a passive subject or auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens plus their coordinated nouns ("Poland and Germany")."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.conjuncts if c.i > token.i and c.pos_ in ("PROPN", "NOUN", "PRON", "NUM"))
    return out


def children(token: Token, *deps: str) -> list[Token]:
    """Children of ``token`` with one of the dependency labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


RELATIVES = frozenset({"who", "which", "that", "whom"})


def own_subjects(token: Token) -> list[Token]:
    """The subject(s) written on this verb itself, active or passive.

    In a relative clause the pronoun stands for the noun it modifies:
    "14 people who blocked the road" -> "people".
    """
    found = children(token, "nsubj", "nsubjpass")
    if token.dep_ == "relcl":
        found = [token.head if s.lower_ in RELATIVES else s for s in found]
    return with_conjuncts(found)


def inherited_subjects(token: Token) -> list[Token]:
    """Subjects a verb takes from its governor: control, raising, coordination, gerunds."""
    head, dep = token.head, token.dep_
    if head == token:
        return []
    if dep == "xcomp" and children(head, "dobj", "dative"):
        return with_conjuncts(children(head, "dobj", "dative"))  # "urged Israel to withdraw": Israel withdraws
    if dep in ("xcomp", "conj", "advcl", "pcomp", "acomp") or (dep == "ccomp" and token.tag_ == "VB"):
        subjects = own_subjects(head)
        return subjects or inherited_subjects(head)
    if dep == "pobj" or dep == "prep":
        return inherited_subjects(head)
    return []


def subjects(token: Token) -> list[Token]:
    """The verb's subject, or the one it inherits."""
    return own_subjects(token) or inherited_subjects(token)


def agents(token: Token) -> list[Token]:
    """The by-phrase of a passive verb or a noun ("attacked by rebels", "attack by rebels")."""
    out = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            out.extend(children(child, "pobj"))
    return with_conjuncts(out)


def objects(token: Token) -> list[Token]:
    """Direct objects of a verb (active), or its passive subject."""
    found = children(token, "dobj", "attr", "oprd")
    if is_passive(token):
        found = children(token, "nsubjpass") + found
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "troops placed on standby"
        found.append(token.head)
    return with_conjuncts(found)


def noun_themes(token: Token) -> list[Token]:
    """What a nominal trigger acts on: "deployment of troops", "troop deployment"."""
    found = children(token, "compound", "nmod")
    for prep in children(token, "prep"):
        if prep.lower_ == "of":
            found.extend(children(prep, "pobj"))
    return with_conjuncts(found)


def preps(token: Token, *lemmas: str) -> list[Token]:
    """Objects of the token's prepositions with the given lemmas (all when none given)."""
    out = []
    for prep in children(token, "prep", "agent", "dative"):
        if not lemmas or prep.lower_ in lemmas:
            out.extend(children(prep, "pobj", "pcomp") or ([prep] if prep.dep_ == "dative" else []))
    return with_conjuncts(out)


def particles(token: Token) -> set[str]:
    """Particles of a phrasal verb ("pull out", "step down")."""
    return {c.lower_ for c in token.children if c.dep_ == "prt"}


def modifiers(token: Token) -> set[str]:
    """Lemmas of compound, adjectival and nominal modifiers, lower case."""
    return {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")}


def clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (itself when it is a verb)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head != current:
        current = current.head
    return current


def noun_phrase(token: Token) -> list[Token]:
    """The token's phrase, in text order, without entering clauses or prepositions other than "of"."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children
                     if (c.dep_ not in PHRASE_ENDS and c.dep_ != "prep") or (c.dep_ == "prep" and c.lower_ == "of"))
    return sorted(out, key=_index)


def _index(token: Token) -> int:
    return token.i
