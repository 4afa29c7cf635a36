"""Links an event's arguments: actor, recipient, location, date and size.

Reads a ``TriggerMatch`` and the article's mentions indexed by token; writes the
actor and recipient lists and the location, date and size of that one event.
Arguments come from syntax (subjects, by-phrases, objects, prepositions) so that
"a place in the sentence" is not mistaken for "where the event happened".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..nlp import index_by_token
from ..records import Actor, Mentions, Place, Quantity, TimeRef
from . import syntax
from .ontology import TypeInfo
from .triggers import TriggerMatch, themes, trigger_subjects

LOCATIVE = ("in", "into", "to", "at", "near", "across", "throughout", "inside", "along",
            "toward", "towards", "outside", "within", "on", "around", "off")
ATTACHED = frozenset({"npadvmod", "tmod", "prep", "pobj", "appos", "nummod", "compound",
                      "advmod", "amod", "conj", "cc", "punct", "det", "nmod", "quantmod", "poss"})
REPORTING = frozenset({"report", "say", "tell", "add", "announce", "confirm", "state", "claim", "note"})
BOUNDARY = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj"})


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """The article's mentions keyed by the token index they cover."""

    actors: dict[int, Actor]
    places: dict[int, Place]
    times: dict[int, TimeRef]
    quantities: dict[int, Quantity]

    @classmethod
    def build(cls, doc: Doc, mentions: Mentions) -> MentionIndex:
        return cls(actors=index_by_token(doc, mentions.actors),
                   places=index_by_token(doc, mentions.places),
                   times=index_by_token(doc, [t for t in mentions.times if t.value]),
                   quantities=index_by_token(doc, mentions.quantities))


def actor_at(token: Token, index: MentionIndex) -> Actor | None:
    """The actor mention a token heads, looking into its compounds ("US officials")."""
    if token.i in index.actors:
        actor = index.actors[token.i]
        return _owner_country(token, actor, index) if actor.country is None else actor
    if token.lower_ in ("it", "they") and token.dep_ in ("nsubj", "nsubjpass"):
        return _antecedent(token, index)
    if token.like_num or token.lemma_.lower() in PARTITIVES:  # "thousands of farmers", "some of the rebels"
        for inner in syntax.preps(token, "of"):
            if inner.i in index.actors:
                return index.actors[inner.i]
    for child in token.children:  # "Yemen's Houthi movement", "the Israeli military"
        actor = index.actors.get(child.i)
        if child.dep_ in ("compound", "amod") and actor is not None and actor.kind != "person":
            return actor
    return None


def _antecedent(pronoun: Token, index: MentionIndex) -> Actor | None:
    """'It said it had dispatched...': the latest subject that is a state, organization or group,
    in this sentence or the two before ("he"/"she" are resolved by the actor stage)."""
    sentences = list(pronoun.doc.sents)
    here = next(n for n, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
    kinds = ("group",) if pronoun.lower_ == "they" else ("state", "organization")
    for sentence in reversed(sentences[max(here - 2, 0):here + 1]):
        for token in reversed(list(sentence)):
            actor = index.actors.get(token.i)
            if token.i < pronoun.i and token.dep_ in ("nsubj", "nsubjpass") and actor is not None \
                    and (actor.kind in kinds or (pronoun.lower_ == "they" and actor.kind == "organization")):
                return actor
    return None


def _owner_country(token: Token, actor: Actor, index: MentionIndex) -> Actor:
    """'Pakistan's military denied that its troops ...': "its" names the clause's subject."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return actor
    for verb in token.ancestors:
        for subject in syntax.own_subjects(verb):
            owner = index.actors.get(subject.i)
            if owner is not None and owner.country and subject.i != token.i:
                return replace(actor, country=owner.country)
    return actor


PARTITIVES = frozenset({"thousand", "hundred", "dozen", "million", "score", "some", "many", "most", "all",
                        "group", "number", "crowd", "handful", "majority", "tens", "hundreds", "thousands"})
RECIPROCAL_HEADS = frozenset({"two", "side", "country", "nation", "neighbour", "neighbor", "government",
                              "leader", "party", "capital", "state", "delegation", "minister"})


def reciprocal(token: Token, index: MentionIndex) -> list[Actor]:
    """'The two agreed', 'both sides', 'the two neighbours': the last two states named before."""
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
    if token.lemma_.lower() not in RECIPROCAL_HEADS or not (words & {"both", "two"} or token.lower_ == "two"):
        return []
    found: list[Actor] = []
    for start in sorted({a.start for a in index.actors.values() if a.end <= token.idx}, reverse=True):
        actor = next(a for a in index.actors.values() if a.start == start)
        if actor.country and actor.country != "IGO" and actor.sector not in ("MED", "JRN") \
                and all(a.country != actor.country for a in found):
            found.append(actor)
        if len(found) == 2:
            return found[::-1]
    return []


def actors_of(tokens: list[Token], index: MentionIndex) -> list[Actor]:
    """Distinct actor mentions for the tokens, in order; "both sides" stands for two."""
    out: list[Actor] = []
    for token in tokens:
        if token.i not in index.actors:
            for actor in reciprocal(token, index):
                if all(a.start != actor.start for a in out):
                    out.append(actor)
        actor = actor_at(token, index)
        if actor is not None and all(a.start != actor.start for a in out):
            out.append(actor)
    return out


def find_actor(match: TriggerMatch, index: MentionIndex) -> tuple[list[Actor], bool]:
    """The event's actor and whether syntax (not a fallback) found it."""
    token, predicate = match.token, match.predicate
    if match.entry.pos == "NOUN" and predicate == token:
        found = _noun_actor(token, index)
        if found:
            return found, True
        inside = token.dep_ == "pobj" and token.head.lower_ in ("in", "into", "to", "for", "with")
        if token.dep_ in ("dobj", "nsubjpass", "attr") or inside:  # not "arrested ... after a rally"
            verb = token.head if token.dep_ != "pobj" else token.head.head
            found = actors_of(syntax.subjects(verb), index)
            return found, bool(found)
        return [], False
    if syntax.is_passive(predicate):
        found = actors_of(syntax.agents(predicate), index) or actors_of(syntax.inherited_subjects(predicate), index)
    else:
        found = actors_of(trigger_subjects(predicate if predicate != token else token, match.entry), index)
    return found, bool(found)


def _noun_actor(token: Token, index: MentionIndex) -> list[Actor]:
    """Possessors, modifiers and by-phrases of a nominal trigger ("Russia's invasion")."""
    modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    return actors_of(modifiers, index) or actors_of(syntax.agents(token), index)


def sentence_fallback_actor(match: TriggerMatch, index: MentionIndex, exclude: set[int]) -> list[Actor]:
    """The first actor that is a clause subject in the sentence, when syntax found none."""
    subjects = [t for t in match.token.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i not in exclude]
    subjects.sort(key=_in_condition)  # main-clause subjects first, "if X ..." last
    for token in subjects:
        actor = actor_at(token, index)
        if actor is not None and actor.country:
            return [actor]
    return []


def _in_condition(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.head.children)


def recipient_tokens(match: TriggerMatch, info: TypeInfo) -> list[Token]:
    """Tokens in the roles the ontology names as the type's recipient, in role order."""
    token, predicate = match.token, match.predicate
    heads = [predicate] if predicate == token else [predicate, token]
    found: list[Token] = []
    for role in info.recipient_from:
        for head in heads:
            found.extend(_role_tokens(role, head, match))
    return found


def find_recipient(match: TriggerMatch, info: TypeInfo, index: MentionIndex,
                   actors: list[Actor]) -> list[Actor]:
    """Actors in the recipient roles, else the owners of what fills them.

    "fired at a Philippine supply boat", "condemned Beijing's decision", "troops to
    the border with Belarus": when the role holds a thing, its owner is the recipient.
    """
    found = recipient_tokens(match, info)
    taken = {(a.name or a.text).lower() for a in actors}
    direct = [a for a in actors_of(found, index) if (a.name or a.text).lower() not in taken]
    if direct:
        return direct
    owners = [c for t in found for c in t.children if c.dep_ in ("poss", "compound", "amod")]
    owners += [p for t in found for p in syntax.preps(t, "of", "with")]
    own = {a.country for a in actors if a.country}  # "demanded the return of its prisoners"
    return [a for a in actors_of(owners, index)
            if (a.name or a.text).lower() not in taken and a.country not in own]


def _role_tokens(role: str, head: Token, match: TriggerMatch) -> list[Token]:
    if role in ("dobj", "dobj_actor"):
        return syntax.objects(head) if head.pos_ != "NOUN" else []
    if role == "nsubjpass":
        return syntax.children(head, "nsubjpass")
    if role == "dative":
        return syntax.children(head, "dative")
    if role == "prep:of_noun":
        return syntax.preps(head, "of") if head.pos_ in ("NOUN", "PROPN") else []
    if role == "poss_of_object":
        return [c for o in syntax.objects(head) for c in o.children if c.dep_ == "poss"]
    if role == "border_with":
        borders = [t for t in syntax.preps(head, "to", "toward", "towards", "along", "near", "on", "at")
                   if t.lemma_.lower() in ("border", "frontier", "boundary")]
        return [p for b in borders for p in syntax.preps(b, "with")]
    if role.startswith("prep:"):
        return syntax.preps(head, role[5:])
    return []


def find_location(match: TriggerMatch, index: MentionIndex) -> list[Place]:
    """Places in locative phrases of the predicate, the trigger or what it acts on."""
    token, predicate = match.token, match.predicate
    holders = [predicate, token] + themes(token, match.entry) + syntax.objects(predicate)
    out: list[Place] = []
    for holder in dict.fromkeys(holders):
        for pobj in syntax.preps(holder, *LOCATIVE):
            place = index.places.get(pobj.i)
            if place is not None and all(p.start != place.start for p in out):
                out.append(place)
    return out


def find_date(match: TriggerMatch, index: MentionIndex) -> TimeRef | None:
    """A normalized time expression attached to the predicate within its own clause."""
    anchors = {match.predicate.i, match.token.i}
    reporter = match.predicate.head
    if match.predicate.dep_ in ("ccomp", "parataxis") and reporter.lemma_.lower() in REPORTING:
        anchors.add(reporter.i)  # "X happened yesterday, CNN reports": the parser hangs the date on the cue
    for token in match.token.sent:
        time = index.times.get(token.i)
        if time is None or token.i in anchors:
            continue
        if _attached(token, anchors):
            return time
    return None


def _attached(token: Token, anchors: set[int]) -> bool:
    """True when the path from token up to an anchor crosses no clause boundary."""
    current = token
    for _ in range(8):
        if current.head.i in anchors and current.dep_ not in BOUNDARY:
            return True
        if current.dep_ not in ATTACHED or current.head == current:
            return False
        current = current.head
    return False


def find_size(match: TriggerMatch, index: MentionIndex) -> Quantity | None:
    """A quantity inside what the event acts on or who takes part ("3,000 troops")."""
    token, predicate = match.token, match.predicate
    holders = (themes(token, match.entry) + syntax.objects(predicate) + syntax.own_subjects(predicate)
               + syntax.agents(predicate) + ([token] if token.pos_ == "NOUN" else []))
    if token.dep_ == "acl" and token.tag_ == "VBG":
        holders.append(token.head)
    for holder in holders:
        for inner in syntax.noun_phrase(holder):
            quantity = index.quantities.get(inner.i)
            if quantity is not None and quantity.unit != "percent":
                return quantity
    return None
