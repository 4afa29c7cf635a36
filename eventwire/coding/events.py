"""Codes an article's events: triggers, arguments, modality, then one event per real event.

Reads the parsed Doc and the article's ``Mentions``; writes ``Event`` records
with every field of RECORD.md. Each trigger first becomes an ``EventMention``;
``merge.merge_mentions`` then folds repeated mentions of one event together.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..extract.attribution import attribution_for
from ..nlp import sentence_of
from ..records import Actor, Event, EventMention, Mentions, Span
from . import syntax
from .arguments import (MentionIndex, actor_at, actors_of, find_actor, find_date, find_location, find_recipient,
                        find_size, recipient_tokens, sentence_fallback_actor)
from .breakdown import breakdowns
from .merge import link_responses, merge_mentions
from .modality import modality_of
from .ontology import Lexicon, TypeInfo
from .triggers import TriggerMatch, find_triggers, themes

ANOTHER = frozenset({"also", "again", "separately", "later", "additionally", "too", "further"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "such"})


LOCAL_SECTORS = frozenset({"CVL", "LAB", "BUS", "EDU", "JRN", "REF", "REL", "OPP", "PTY", "COP", "JUD",
                           "LEG", "HLH", "NGO", "CRM", "REB", "UNK", None})


def code_events(doc: Doc, mentions: Mentions, lexicon: Lexicon, *, published: str | None,
                home: str | None = None) -> list[Event]:
    """All events of the article, merged, numbered and scored.

    ``home`` is the country of the wire dateline: where unnamed local people
    ("workers", "civilians") belong when the event's own place is not given.
    """
    index = MentionIndex.build(doc, mentions)
    matches = find_triggers(doc, lexicon, frozenset(index.actors))
    sentence_ids = {s.start: n for n, s in enumerate(doc.sents)}
    trigger_tokens = {m.token.i for m in matches}
    drafts = [part for m in matches
              for part in breakdowns(_mention(m, index, lexicon, published, sentence_ids, trigger_tokens),
                                     m, index)]
    link_responses(drafts, doc)
    events = merge_mentions(drafts)
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
        _localize(event, home)
    return events


def _localize(event: Event, home: str | None) -> None:
    """'workers', 'civilians': unnamed local people belong to the country where it happens."""
    country = next((p.country for p in event.location if p.country), None) or home
    if country is None:
        return
    for role in (event.actor, event.recipient):
        for number, actor in enumerate(role):
            if actor.country is None and actor.kind in ("group", "person") and actor.sector in LOCAL_SECTORS:
                role[number] = replace(actor, country=country)


def _mention(match: TriggerMatch, index: MentionIndex, lexicon: Lexicon, published: str | None,
             sentence_ids: dict[int, int], trigger_tokens: set[int]) -> EventMention:
    info = lexicon.types[match.entry.event_type]
    actors, found = find_actor(match, index)
    retyped = info.state_actor_type is not None and bool(actors) and all(
        a.kind == "state" or a.sector == "GOV" for a in actors)
    if retyped:
        info = lexicon.types[info.state_actor_type]
    attribution = attribution_for(match.predicate, index.actors)
    if not actors and info.actor_from_theme:
        actors = [a for a in actors_of(themes(match.token, match.entry), index) if a.country]
    # a bare nominal ("after a rally ... turned violent") names no actor of its own: borrowing the
    # sentence's subject would make the police the protesters; a light verb's noun is verb-like
    nominal = match.entry.pos == "NOUN" and match.predicate == match.token
    if not actors and not nominal:
        exclude = {t.i for t in themes(match.token, match.entry)}
        actors = sentence_fallback_actor(match, index, exclude)
    recipient = find_recipient(match, info, index, actors) or _conditional_target(match, index, actors, info)
    taken = {a.start for a in recipient}
    location = [p for p in find_location(match, index) if p.start not in taken]  # "sanctions on Iran"
    modality, _cue = modality_of(match.token, match.predicate, lexicon)
    date = find_date(match, index)
    if modality == "asserted" and date and published and date.value and date.value[:10] > published:
        modality = "future"
    event = Event(
        id="", event_type=info.name, modality=modality, evidence=[_sentence_span(match.token)],
        mode=info.default_mode if retyped else _mode(match, info, lexicon), context=_contexts(match, info, lexicon),
        quad_class=info.quad_class, actor=actors, recipient=recipient,
        location=location, date=date, size=_size(match, index, info),
        attribution=attribution, trigger=_trigger_span(match),
        confidence=_confidence(match, found, bool(recipient), info, _governed(match, trigger_tokens)))
    return EventMention(
        event=event, sentence=sentence_ids.get(match.token.sent.start, 0),
        anaphoric=_anaphoric(match), nominal=match.entry.pos == "NOUN", trigger_i=match.token.i, predicate_i=match.predicate.i,
        head_i=match.predicate.head.i, clause_dep=match.predicate.dep_, subject_of=_subject_trigger(match, trigger_tokens),
        object_of=_object_trigger(match, info, trigger_tokens),
        actor_found=found)


def _size(match: TriggerMatch, index: MentionIndex, info: TypeInfo):
    """Troops moved, people killed, arrested or protesting, money given: material events have a
    size; "the two agreed" does not."""
    return find_size(match, index) if info.quad_class.startswith("material") else None


def _sentence_span(token: Token) -> Span:
    sentence = sentence_of(token)
    return Span(text=sentence.text, start=sentence.start_char, end=sentence.end_char)


def _trigger_span(match: TriggerMatch) -> Span:
    """The words that express the event: auxiliaries, verb, particle; light verb to noun."""
    token, predicate = match.token, match.predicate
    first = min([predicate.i, token.i] + [c.i for c in predicate.children
                                          if c.dep_ in ("aux", "auxpass") and c.i < predicate.i])
    last = max([predicate.i, token.i] + [c.i for c in token.children if c.dep_ == "prt"])
    doc = token.doc
    return Span(text=doc[first:last + 1].text, start=doc[first].idx,
                end=doc[last].idx + len(doc[last].text))


def _mode(match: TriggerMatch, info: TypeInfo, lexicon: Lexicon) -> str | None:
    """The entry's mode, else one read off what the event acts on or how."""
    if match.entry.mode:
        return match.entry.mode
    words = {t.lemma_.lower() for t in themes(match.token, match.entry)}
    words |= {c.lemma_.lower() for c in match.token.children if c.dep_ in ("compound", "amod")}
    for mode, classes in info.mode_by_class.items():
        for name in classes:
            if words & lexicon.classes.get(name.lstrip("@"), frozenset({name})):
                return mode
    clause = {t.lemma_.lower() for t in match.predicate.subtree} | {match.token.lemma_.lower()}
    for word, mode in info.mode_by_word.items():
        if word in clause:
            return mode
    if info.mode_by_class:
        return next(iter(info.mode_by_class))
    return info.default_mode


def _contexts(match: TriggerMatch, info: TypeInfo, lexicon: Lexicon) -> list[str]:
    found = list(info.context) + list(match.entry.context)
    for token in match.predicate.subtree:
        context = lexicon.context_words.get(token.lemma_.lower())
        if context and context not in found:
            found.append(context)
    return found


def _anaphoric(match: TriggerMatch) -> bool:
    """A mention that refers back: "the deployment", "the forces are expected to deploy"."""
    token = match.token
    if token.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in token.children) \
            or token.dep_ == "pcomp"
    if token.dep_ == "pcomp":
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ANOTHER for c in match.predicate.children):
        return False  # "They also ambushed a convoy": a further event, not the same one again
    participants = syntax.subjects(match.predicate) + syntax.objects(match.predicate)
    return any(_definite(t) for t in participants) and not any(
        c.like_num for t in participants for c in t.subtree)


def _definite(token: Token) -> bool:
    if token.lower_ in ("they", "them", "it"):
        return True
    return token.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE
                                        for c in token.children)


def _subject_trigger(match: TriggerMatch, trigger_tokens: set[int]) -> int | None:
    for subject in syntax.own_subjects(match.predicate):
        if subject.i in trigger_tokens and subject.i != match.token.i:
            return subject.i
    return None


def _object_trigger(match: TriggerMatch, info: TypeInfo, trigger_tokens: set[int]) -> int | None:
    """'Taiwan condemned the drills': the recipient role holds another event."""
    for token in recipient_tokens(match, info):
        if token.i in trigger_tokens and token.i != match.token.i:
            return token.i
    return None


def _conditional_target(match: TriggerMatch, index: MentionIndex, actors: list[Actor],
                        info: TypeInfo) -> list[Actor]:
    """'Sanctions if Russia invades': the subject of the condition is the target."""
    if not info.target_from_condition:
        return []
    taken = {(a.name or a.text).lower() for a in actors}
    scope = [match.predicate, *match.predicate.ancestors, *syntax.children(match.predicate, "xcomp", "ccomp")]
    for token in scope:
        for clause in syntax.children(token, "advcl"):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
                for subject in syntax.own_subjects(clause):
                    actor = actor_at(subject, index)
                    if actor is not None and (actor.name or actor.text).lower() not in taken:
                        return [actor]
    return []


def _confidence(match: TriggerMatch, actor_found: bool, has_recipient: bool, info: TypeInfo,
                governed: bool) -> float:
    """A rough self-estimate: specific entries and syntactic arguments raise it.

    An event governed by another trigger ("refused to meet", "threatened to impose
    sanctions") is what the governing event is about, so it is the less sure report.
    """
    score = 0.55 + 0.05 * min(match.entry.specificity, 3)
    score += 0.15 if actor_found else 0.0
    score += 0.1 if has_recipient else 0.0
    score -= 0.3 if governed else 0.0
    return round(min(max(score, 0.05), 0.95), 2)


GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "acl", "dobj", "conj"})


def _governed(match: TriggerMatch, trigger_tokens: set[int]) -> bool:
    """True when the predicate is the complement of another trigger, within three steps."""
    current = match.predicate
    for _ in range(3):
        if current.dep_ not in GOVERNED_DEPS or current.head == current:
            return False
        if current.dep_ == "conj":  # "agreed to meet and (to) discuss": the conjunct shares the head
            current = current.head
            continue
        current = current.head
        if current.i in trigger_tokens and current.i != match.token.i:
            return True
    return False
