"""Fixtures for the extract-stage tests."""

from __future__ import annotations

import pytest

from eventwire.records import Actor

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def entity_actors(doc, **phrases: str) -> list[Actor]:
    """TEST HELPER, not the actor stage: one Actor per spaCy entity, "he"/"she" resolved
    to the last person named, and ``phrases`` (text -> name) marked by hand."""
    actors, last_person = [], None
    starts = {ent.start: ent for ent in doc.ents if ent.label_ in ENTITY_LABELS}
    for token in doc:
        ent = starts.get(token.i)
        if ent is not None:
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            actors.append(Actor(ent.text, ent.start_char, ent.end_char, name=name))
            last_person = actors[-1] if ent.label_ == "PERSON" else last_person
        if token.lower_ in ("he", "she") and last_person is not None:
            actors.append(Actor(token.text, token.idx, token.idx + len(token), name=last_person.name))
    for text, name in phrases.items():
        start = doc.text.find(text)
        if start < 0:
            raise ValueError(f"test phrase {text!r} is not in the sentence")
        actors.append(Actor(text, start, start + len(text), name=name))
    return sorted(actors, key=_by_start)


def _by_start(actor: Actor) -> int:
    return actor.start


@pytest.fixture(scope="session")
def hand_actors():
    """The test helper above, as a fixture."""
    return entity_actors
