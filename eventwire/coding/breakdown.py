"""Splits a breakdown into its own events: "2,000 to Poland and 1,000 to Romania".

The annotation guideline counts each part with its own number or place as an
event. The parser reads such gapped coordination as a second object conjoined
to the verb, with its own prepositions after it; each conjunct, with the places
that follow it up to the next conjunct, becomes one event.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..records import EventMention
from . import syntax
from .arguments import LOCATIVE, MentionIndex
from .triggers import TriggerMatch


def breakdowns(mention: EventMention, match: TriggerMatch, index: MentionIndex) -> list[EventMention]:
    """The mention itself, or one mention per part when its object is a gapped breakdown."""
    predicate = match.predicate
    gaps = [c for c in predicate.children if c.dep_ in ("conj", "npadvmod", "appos")
            and c.pos_ in ("NOUN", "NUM", "PROPN") and c.i > predicate.i
            and c.ent_type_ not in ("DATE", "TIME") and c.i not in index.times]
    objects = syntax.children(predicate, "dobj") or syntax.children(predicate, "nsubjpass")
    if not gaps or not objects:
        return [mention]
    heads = [objects[0], *gaps]
    parts, own = [], []
    for number, head in enumerate(heads):
        end = heads[number + 1].i if number + 1 < len(heads) else predicate.sent.end
        part, found = _part(mention, predicate, head, end, index)
        parts.append(part)
        own.append(found)
    if sum(size for size, _ in own) < 2 and sum(place for _, place in own) < 2:
        return [mention]  # a breakdown gives each part its own figure or its own place
    return parts


def _part(mention: EventMention, predicate: Token, head: Token, end: int,
          index: MentionIndex) -> tuple[EventMention, tuple[bool, bool]]:
    """One part (its own size and the places between its head and the next part), and
    whether it had a size and a place of its own."""
    places = []
    for prep in syntax.children(predicate, "prep") + syntax.children(head, "prep"):
        if head.i < prep.i < end and prep.lower_ in LOCATIVE:
            for pobj in syntax.with_conjuncts(syntax.children(prep, "pobj")):
                place = index.places.get(pobj.i)
                if place is not None and all(p.start != place.start for p in places):
                    places.append(place)
    size = next((index.quantities[t.i] for t in syntax.noun_phrase(head) if t.i in index.quantities), None)
    event = replace(mention.event, location=places or list(mention.event.location),
                    size=size or mention.event.size, evidence=list(mention.event.evidence))
    part = replace(mention, event=event, trigger_i=head.i if head.i != mention.trigger_i else mention.trigger_i)
    return part, (size is not None, bool(places))
