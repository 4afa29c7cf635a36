"""One event per real event: folds repeated mentions of an event within an article.

Coders that emit one event per sentence count "the deployment" and "the forces
are expected to deploy" as new deployments. A mention joins an earlier event of
the same type when it refers back (a definite nominal or definite participants),
when it only refines it (an exact "8,500" inside "several thousand"), or when
its subject is that event ("the attack killed 12"); never when the two disagree
on actor, recipient, place, date or size. Breakdowns with their own numbers or
places stay separate events, as the annotation guideline asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..records import Event, EventMention, Quantity
from . import syntax

WINDOW = 2
ADJACENT = 4
PROPOSALS = frozenset({"request", "demand", "proposal", "offer", "call", "appeal", "plea",
                       "ultimatum", "plan", "bid", "invitation", "condition"})
RESPONSES = frozenset({"REJECT", "AGREE", "CONCEDE"})


@dataclass(slots=True)
class _Cluster:
    event: Event
    last_sentence: int
    triggers: set[int] = field(default_factory=set)
    nominal_only: bool = False


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    """Fold mentions into events, in text order of their first mention."""
    clusters: list[_Cluster] = []
    for mention in mentions:
        target = _target(mention, clusters)
        if target is None:
            clusters.append(_Cluster(event=mention.event, last_sentence=mention.sentence,
                                     triggers={mention.trigger_i}))
        else:
            _absorb(target, mention)
    _borrow_actors(mentions, clusters)
    _borrow_recipients(mentions, clusters)
    return [c.event for c in clusters]


def _target(mention: EventMention, clusters: list[_Cluster]) -> _Cluster | None:
    event = mention.event
    same = [c for c in reversed(clusters) if c.event.event_type == event.event_type
            and _compatible(c.event, event)]
    if mention.subject_of is not None:
        for cluster in same:
            if mention.subject_of in cluster.triggers:
                return cluster
    for cluster in same:
        if cluster.last_sentence != mention.sentence:
            continue
        if min(abs(mention.trigger_i - i) for i in cluster.triggers) <= ADJACENT:
            return cluster  # "placed on standby to deploy": one event, two words for it
        if mention.head_i in cluster.triggers and mention.clause_dep in ("xcomp", "advcl"):
            return cluster  # "summoned the envoy to lodge a protest"
        if not mention.actor_found:
            return cluster  # "shelled villages ..., and three civilians were killed"
    near = [c for c in same if mention.sentence - c.last_sentence <= WINDOW]
    if mention.anaphoric:
        pool = [c for c in same if mention.nominal or c.event.modality == event.modality]
        return _prefer_place(pool, event)
    for cluster in near:
        if cluster.event.modality == event.modality and _refines(cluster.event.size, event.size):
            return cluster
    return None


def _prefer_place(pool: list[_Cluster], event: Event) -> _Cluster | None:
    """Among candidates, the most recent one at the same place, else the most recent."""
    if not pool:
        return None
    names = {(p.name or p.text).lower() for p in event.location}
    for cluster in pool:
        if names & {(p.name or p.text).lower() for p in cluster.event.location}:
            return cluster
    return pool[0]


def _countries(actors: list) -> set[str]:
    return {a.country for a in actors if a.country}


def _compatible(first: Event, second: Event) -> bool:
    """False when the two mentions disagree on any argument both of them state."""
    for a, b in ((_countries(first.actor), _countries(second.actor)),
                 (_countries(first.recipient), _countries(second.recipient))):
        if a and b and not a & b:
            return False
    if first.size and second.size and not (_same_size(first.size, second.size)
                                           or _refines(first.size, second.size)):
        return False
    if first.location and second.location:
        names = {(p.country, (p.name or p.text).lower()) for p in first.location}
        other = {(p.country, (p.name or p.text).lower()) for p in second.location}
        if not ({n for _, n in names} & {n for _, n in other}
                or ({c for c, _ in names if c} & {c for c, _ in other if c})):
            return False
    if first.date and second.date and first.date.value != second.date.value:
        return False
    return True


def _same_size(a: Quantity, b: Quantity) -> bool:
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value), 1)


def _refines(rough: Quantity | None, exact: Quantity | None) -> bool:
    """An exact figure inside an approximate range ("8,500" within "several thousand")."""
    if rough is None or exact is None or not rough.approximate or exact.approximate:
        return False
    if rough.value is None or exact.value is None:
        return False
    top = rough.value_max if rough.value_max is not None else rough.value
    return rough.value <= exact.value <= top


def _absorb(cluster: _Cluster, mention: EventMention) -> None:
    """Add the mention's evidence and fill the fields the event still lacks."""
    event, other = cluster.event, mention.event
    for span in other.evidence:
        if all(span.start != e.start for e in event.evidence):
            event.evidence.append(span)
    event.actor = event.actor or other.actor
    event.recipient = event.recipient or other.recipient
    event.location = event.location or other.location
    event.date = event.date or other.date
    event.attribution = event.attribution or other.attribution
    if event.size is None or _refines(event.size, other.size):
        event.size = other.size or event.size
    event.confidence = max(event.confidence or 0.0, other.confidence or 0.0)
    cluster.last_sentence = max(cluster.last_sentence, mention.sentence)
    cluster.triggers.add(mention.trigger_i)


def _borrow_actors(mentions: list[EventMention], clusters: list[_Cluster]) -> None:
    """'The move of troops shows support': the mover is the supporter."""
    by_trigger = {i: c for c in clusters for i in c.triggers}
    for mention in mentions:
        if mention.subject_of is None or mention.actor_found:
            continue
        source = by_trigger.get(mention.subject_of)
        if source is not None and source.event.actor and source.event is not mention.event:
            mention.event.actor = list(source.event.actor)


def _borrow_recipients(mentions: list[EventMention], clusters: list[_Cluster]) -> None:
    """'Taiwan condemned the drills': whoever held the drills is the recipient."""
    by_trigger = {i: c for c in clusters for i in c.triggers}
    for mention in mentions:
        if mention.object_of is None or mention.event.recipient:
            continue
        source = by_trigger.get(mention.object_of)
        if source is None or source.event is mention.event:
            continue
        own = _countries(mention.event.actor)
        borrowed = [a for a in source.event.actor if not (a.country and a.country in own)]
        mention.event.recipient = borrowed


def link_responses(mentions: list[EventMention], doc: Doc) -> None:
    """'A request the US rejected': the rejecter is the request's recipient, and back."""
    requests = [m for m in mentions if m.event.event_type == "REQUEST"]
    for response in (m for m in mentions if m.event.event_type in RESPONSES):
        token = doc[response.trigger_i]
        nouns = syntax.objects(token) + ([token.head] if token.dep_ == "relcl" else [])
        if not any(n.lemma_.lower() in PROPOSALS for n in nouns):
            continue
        earlier = [r for r in requests if r.trigger_i < response.trigger_i
                   and response.sentence - r.sentence <= 1]
        if not earlier:
            continue
        request = earlier[-1]
        if not response.event.recipient:
            response.event.recipient = list(request.event.actor)
        if not request.event.recipient:
            request.event.recipient = list(response.event.actor)
