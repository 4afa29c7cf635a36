"""Finds event triggers: tokens whose lemma and syntax match a lexicon entry.

Reads a parsed Doc and the lexicon; writes ``TriggerMatch`` values naming the
trigger token, the entry it matched and the *predicate* (the light verb for
"had a call", "imposed sanctions"; the trigger itself otherwise), from which
arguments and modality are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import syntax
from .ontology import Lexicon, TriggerEntry, expand_words

PLACE_WORD = "__place__"  # what a toponym object counts as: class @places in classes.yaml
POS_OF = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN"), "ADJ": ("ADJ", "VERB")}
CONSULT_PREPS = ("with", "between", "among", "on", "against", "to", "for", "of", "over")


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A token that expresses an event, and how it was recognised."""

    token: Token
    entry: TriggerEntry
    predicate: Token


def find_triggers(doc: Doc, lexicon: Lexicon, actor_tokens: frozenset[int]) -> list[TriggerMatch]:
    """Every trigger in the doc, one per predicate, most specific entry first."""
    by_predicate: dict[int, TriggerMatch] = {}
    for token in doc:
        if token.is_space or token.is_punct or (token.dep_ == "compound" and token.pos_ in ("NOUN", "PROPN")):
            continue  # "riot police", "protest leaders": a modifier names no event
        for entry in _candidates(token, lexicon):
            if not _fits(token, entry, lexicon, actor_tokens):
                continue
            match = TriggerMatch(token=token, entry=entry, predicate=_predicate(token, entry, lexicon))
            _keep_best(by_predicate, match)
            break
    found = sorted(by_predicate.values(), key=_order)
    verbs = {m.token.i for m in found if m.entry.pos == "VERB" and "object" in m.entry.conditions}
    return [m for m in found if not _theme_of_trigger(m, verbs)]


def _theme_of_trigger(match: TriggerMatch, verbs: set[int]) -> bool:
    """'suspended peace talks': the talks are what the suspension is about, not an event."""
    token = match.token
    return match.entry.pos == "NOUN" and token.dep_ in ("dobj", "nsubjpass") and token.head.i in verbs


def _order(match: TriggerMatch) -> int:
    return match.token.i


def _candidates(token: Token, lexicon: Lexicon) -> list[TriggerEntry]:
    """Entries for the token's lemma (or its surface form when the lemma is wrong)."""
    found: list[TriggerEntry] = []
    for key in dict.fromkeys((token.lemma_.lower(), token.lower_)):
        found.extend(e for e in lexicon.entries.get(key, ()) if token.pos_ in POS_OF[e.pos])
    return sorted(found, key=_specificity, reverse=True)


def _specificity(entry: TriggerEntry) -> int:
    return entry.specificity


def _keep_best(by_predicate: dict[int, TriggerMatch], match: TriggerMatch) -> None:
    """One event per predicate: a verb entry's own conditions beat a light noun's."""
    key = match.predicate.i
    current = by_predicate.get(key)
    if current is None or (match.token == match.predicate and current.token != current.predicate):
        by_predicate[key] = match


def light_verb(token: Token, lexicon: Lexicon) -> Token | None:
    """The light verb carrying a noun: "held talks", "held a second round of talks"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
        token, head = head.head, head.head.head
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lexicon.modality["light_verbs"]:
        return head
    return None


def is_light(token: Token, lexicon: Lexicon) -> bool:
    """A noun trigger carried by a light verb, an eventive subject verb, or a partner phrase."""
    head = token.head
    if light_verb(token, lexicon) is not None:
        return True
    eventive = lexicon.modality["subject_event_verbs"]
    if token.dep_ in ("nsubj", "nsubjpass") and (head.lemma_.lower() in eventive or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in eventive for c in head.children)):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in token.children)


def _predicate(token: Token, entry: TriggerEntry, lexicon: Lexicon) -> Token:
    verb = light_verb(token, lexicon) if entry.pos == "NOUN" else None
    return verb if verb is not None else token


def themes(token: Token, entry: TriggerEntry) -> list[Token]:
    """What the trigger acts on, by its part of speech."""
    if entry.pos == "NOUN":
        return syntax.noun_themes(token)
    if entry.pos == "ADJ":
        return syntax.subjects(token.head) if token.dep_ == "acomp" else syntax.subjects(token)
    return syntax.objects(token)


def trigger_subjects(token: Token, entry: TriggerEntry) -> list[Token]:
    """The trigger's subject, reading through copulas and participles."""
    if entry.pos in ("ADJ", "NOUN") and token.dep_ in ("acomp", "attr", "pobj"):
        return syntax.subjects(token.head if token.dep_ != "pobj" else token.head.head)
    if token.dep_ == "acl" and token.tag_ == "VBG":  # "troops moving to Romania"
        return [token.head]
    return syntax.subjects(token)


def _words(tokens: list[Token]) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        out.add(token.lower_)
        out.update(c.lemma_.lower() for c in token.children if c.dep_ == "compound")
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            out.add(PLACE_WORD)
        if token.pos_ == "NUM":
            out.update(_elided_noun(token))
        for inner in syntax.preps(token, "of"):  # "dozens of warplanes", "a convoy of trucks"
            out.add(inner.lemma_.lower())
    return out


def _elided_noun(number: Token) -> set[str]:
    """'2,000 troops ..., with another 1,000 moving': a bare figure counts the last counted noun."""
    for token in reversed(number.doc[number.sent.start:number.i]):
        if token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children):
            return {token.lemma_.lower()}
    return set()


def _fits(token: Token, entry: TriggerEntry, lexicon: Lexicon, actor_tokens: frozenset[int]) -> bool:
    """Check every condition of the entry against the token's syntax."""
    for key, value in entry.conditions.items():
        if not _CHECKS[key](token, entry, lexicon, value, actor_tokens):
            return False
    return True


def _in(words: set[str], lexicon: Lexicon, value: object) -> bool:
    return bool(words & expand_words(lexicon, value))


def _check_object(token, entry, lexicon, value, actor_tokens):
    return _in(_words(themes(token, entry)), lexicon, value)


def _check_not_object(token, entry, lexicon, value, actor_tokens):
    return not _check_object(token, entry, lexicon, value, actor_tokens)


def _check_subject(token, entry, lexicon, value, actor_tokens):
    return _in(_words(trigger_subjects(token, entry)), lexicon, value)


def _check_not_subject(token, entry, lexicon, value, actor_tokens):
    return not _check_subject(token, entry, lexicon, value, actor_tokens)


def _check_prep(token, entry, lexicon, value, actor_tokens):
    found = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "prt")}
    return bool(found & expand_words(lexicon, value))


def _check_not_prep(token, entry, lexicon, value, actor_tokens):
    return not _check_prep(token, entry, lexicon, value, actor_tokens)


def _check_prep_object(token, entry, lexicon, value, actor_tokens):
    named = [p for p in _as_phrases(entry.conditions.get("prep", [])) if not p.startswith("@")]
    return _in(_words(syntax.preps(token, *named)), lexicon, value)


def _check_not_prep_object(token, entry, lexicon, value, actor_tokens):
    return not _check_prep_object(token, entry, lexicon, value, actor_tokens)


def _check_prt(token, entry, lexicon, value, actor_tokens):
    """A particle, or the same word parsed as a preposition ("walked off the job")."""
    words = syntax.particles(token) | {c.lower_ for c in token.children if c.dep_ == "prep"}
    return bool(words & expand_words(lexicon, value))


def _check_not_prt(token, entry, lexicon, value, actor_tokens):
    return not _check_prt(token, entry, lexicon, value, actor_tokens)


def _check_light(token, entry, lexicon, value, actor_tokens):
    return is_light(token, lexicon) == bool(value)


def _check_modifier(token, entry, lexicon, value, actor_tokens):
    return _in(syntax.modifiers(token) | {token.lower_}, lexicon, value)


def _check_not_modifier(token, entry, lexicon, value, actor_tokens):
    return not _in(syntax.modifiers(token), lexicon, value)


def _check_xcomp(token, entry, lexicon, value, actor_tokens):
    return bool(syntax.children(token, "xcomp")) == bool(value)


def _check_not_xcomp(token, entry, lexicon, value, actor_tokens):
    return not syntax.children(token, "xcomp")


def _check_xcomp_lemma(token, entry, lexicon, value, actor_tokens):
    return _in({c.lemma_.lower() for c in syntax.children(token, "xcomp")}, lexicon, value)


def _check_ccomp_modal(token, entry, lexicon, value, actor_tokens):
    modal = {"would", "will", "could", "might", "may"}
    return any(a.lower_ in modal for c in syntax.children(token, "ccomp") for a in c.children)


def _check_followed_by(token, entry, lexicon, value, actor_tokens):
    """The words right after the trigger (parse-independent: "placed on standby")."""
    after = " " + " ".join(t.lower_ for t in token.doc[token.i + 1:token.i + 7]) + " "
    return any(f" {phrase} " in after for phrase in _as_phrases(value))


def _as_phrases(value: object) -> list[str]:
    return [v.lower() for v in (value if isinstance(value, list) else [value])]


def _check_not_dep(token, entry, lexicon, value, actor_tokens):
    """Exclude a syntactic role: "troops already stationed there" describes, it does not report."""
    return token.dep_ not in _as_phrases(value)


def _check_transitive(token, entry, lexicon, value, actor_tokens):
    """The verb has a direct object (or a passive subject): "returned the mandate", not "returned home"."""
    return bool(themes(token, entry)) == bool(value)


def _check_active(token, entry, lexicon, value, actor_tokens):
    """'would be met with a response', 'when asked about': the verb must be active."""
    bare_participle = token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    return (not syntax.is_passive(token) and token.dep_ != "acl" and not bare_participle) == bool(value)


def _check_not_xcomp_lemma(token, entry, lexicon, value, actor_tokens):
    return not _check_xcomp_lemma(token, entry, lexicon, value, actor_tokens)


def _check_object_is_actor(token, entry, lexicon, value, actor_tokens):
    return any(t.i in actor_tokens for t in themes(token, entry))


_CHECKS = {
    "object": _check_object, "not_object": _check_not_object,
    "subject": _check_subject, "not_subject": _check_not_subject,
    "prep": _check_prep, "not_prep": _check_not_prep,
    "prep_object": _check_prep_object, "not_prep_object": _check_not_prep_object,
    "prt": _check_prt, "not_prt": _check_not_prt, "light": _check_light,
    "modifier": _check_modifier, "not_modifier": _check_not_modifier,
    "xcomp": _check_xcomp, "not_xcomp": _check_not_xcomp, "xcomp_lemma": _check_xcomp_lemma,
    "ccomp_modal": _check_ccomp_modal, "object_is_actor": _check_object_is_actor,
    "followed_by": _check_followed_by, "not_dep": _check_not_dep, "active": _check_active, "transitive": _check_transitive,
    "not_xcomp_lemma": _check_not_xcomp_lemma,
}
