"""Reference resolution for the ACTORS stage: who "Blinken", "the minister", "he" and "the bloc" are.

Reads the mentions ``actors.extract_actors`` found, in text order, and writes each one's
resolved Actor: a later surname, a definite title ("the minister"), a subject pronoun or a
definite organization noun ("the bloc", "the agency") takes the name, country, sector and kind
of the earlier actor it stands for, keeping its own words and offsets. Unresolved pronouns and
reference nouns are dropped. A national-sector agent with no country takes the article's
dominant state when one leads clearly (see ``dominant``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ..records import Actor
from .actor_kb import ActorKB

PRONOUNS = frozenset({"he", "she"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK_SENTENCES = 2


@dataclass(slots=True)
class Mention:
    """An actor mention while the article is read; ``generic`` marks a common-noun agent."""

    start: int
    end: int
    actor: Actor
    generic: bool = False
    definite: bool = False
    modified: bool = False
    region: bool = False
    roles: set[str] = field(default_factory=set)
    unknown_person: bool = False
    unknown_name: bool = False
    national: bool = False
    subject: bool = False


def surname_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A proper noun spaCy left untagged that repeats the last word of an earlier person's name."""
    first_seen: dict[str, int] = {}
    for mention in mentions:
        if mention.actor.kind == "person" and mention.actor.name and " " in mention.actor.name:
            first_seen.setdefault(mention.actor.name.split()[-1], mention.end)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    return [
        Mention(t.i, t.i + 1, Actor(t.text, t.idx, t.idx + len(t.text), t.text, kind="person"), unknown_name=True)
        for t in doc
        if t.pos_ == "PROPN" and t.i not in taken and first_seen.get(t.text, len(doc)) <= t.i
    ]


def pronoun_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """"he"/"she" as a subject: placeholders the resolver fills or drops."""
    return [
        Mention(t.i, t.i + 1, Actor(t.text, t.idx, t.idx + len(t.text), kind="person"))
        for t in doc if t.lower_ in PRONOUNS and t.dep_ in SUBJECT_DEPS and t.i not in taken
    ]


def resolve(doc: Doc, kb: ActorKB, mentions: list[Mention]) -> list[Actor]:
    """Carry earlier actors over to surnames, titles, pronouns and "the bloc"; apply the dominant state."""
    sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    people: list[tuple[int, Mention]] = []
    organizations: list[Actor] = []
    counts: Counter[str] = Counter()
    actors: list[Actor] = []
    for mention in mentions:
        sentence = sentence_of.get(mention.start, 0)
        actor = _carry_over(mention, people, sentence)
        if actor is mention.actor:
            actor = _refer_back(kb, mention, organizations)
        if actor is None:
            continue
        if actor is mention.actor:
            actor = dominant(mention, counts)
        mention.actor = actor
        if actor.kind == "person":
            mention.subject = doc[mention.start:mention.end].root.dep_ in SUBJECT_DEPS
            people.append((sentence, mention))
        elif actor.kind == "organization" and not mention.generic:
            organizations.append(actor)
        if actor.country and actor.country != "IGO" and (actor.kind == "state" or actor.sector == "GOV"):
            counts[actor.country] += 1
        actors.append(actor)
    return actors


def _refer_back(kb: ActorKB, mention: Mention, organizations: list[Actor]) -> Actor | None:
    """"the bloc", "the Commission": the latest named organization the words can stand for; None drops it."""
    actor = mention.actor
    words = (actor.name or "").lower().split()
    suffixes = [" ".join(words[i:]) for i in range(len(words))]
    targets = next((kb.refers[s] for s in suffixes if s in kb.refers), None)
    definite = mention.generic and mention.definite and not mention.modified
    if mention.unknown_name or (definite and targets):
        for earlier in reversed(organizations):
            named = (earlier.name or "").lower().split()
            fits = targets is not None and (earlier.country in targets or earlier.sector in targets)
            if fits or (targets is not None and "NAMED" in targets and words[-1] in named) or (
                    mention.unknown_name and words and set(words) <= set(named)):
                return _as(actor, earlier)
    return None if actor.sector == "UNK" else actor


def _antecedent(pronoun: Actor, people: list[tuple[int, Mention]], sentence: int) -> Actor | None:
    """The person "he"/"she" stands for: in the latest sentence (of the last three) naming a person,
    its subject if it has one, else its last person; None when no person is that close."""
    recent = [(n, m) for n, m in people if sentence - n <= LOOKBACK_SENTENCES]
    if not recent:
        return None
    latest = recent[-1][0]
    candidates = [m for n, m in recent if n == latest]
    subjects = [m for m in candidates if m.subject]
    return _as(pronoun, (subjects or candidates)[-1].actor)


def _carry_over(mention: Mention, people: list[tuple[int, Mention]], sentence: int) -> Actor | None:
    """The earlier person this mention refers to, as an Actor with this mention's words; None drops it."""
    actor = mention.actor
    if actor.text.lower() in PRONOUNS:
        return _antecedent(actor, people, sentence)
    if mention.unknown_name:
        words = set(actor.name.split()) if actor.name else set()
        for _, earlier in reversed(people):
            if earlier.actor.name and words <= set(earlier.actor.name.split()):
                return _as(actor, earlier.actor)
        return actor
    if mention.generic and mention.definite and actor.kind == "person":
        head = actor.text.split()[-1].lower()
        for _, earlier in reversed(people):
            compatible = actor.country in (None, earlier.actor.country)
            if compatible and head in earlier.roles and earlier.actor is not actor:
                return _as(actor, earlier.actor)
    return actor


def _as(mention: Actor, earlier: Actor) -> Actor:
    return replace(earlier, text=mention.text, start=mention.start, end=mention.end)


def dominant(mention: Mention, counts: Counter[str]) -> Actor:
    """A countryless agent, titled person or unknown organization takes the article's clearly dominant state.

    ``counts`` holds the countries of the state and GOV mentions read so far; the leader is clear
    when it has more than 1.5 times the runner-up's mentions and either two mentions or no rival.
    """
    actor = mention.actor
    if actor.country is not None or not mention.national or mention.region or not counts:
        return actor
    ranked = counts.most_common(2)
    top, runner_up = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0)
    if top > 1.5 * runner_up and (top >= 2 or runner_up == 0):
        return replace(actor, country=ranked[0][0])
    return actor
