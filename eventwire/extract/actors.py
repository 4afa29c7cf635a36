"""ACTORS stage: every actor mention of a parsed article, resolved to name, country, sector, kind.

Reads the spaCy ``Doc`` (tokens, dependency parse, NER) and the ``ActorKB``; writes a list of
``Actor`` records in text order, offsets into ``doc.text``. The steps:

1. proper names: knowledge-base names matched exactly (countries, capitals, organizations,
   people), then spaCy PERSON and ORG entities the base lacks. A capital counts only where it
   does not read as a place ("Moscow said", not "talks in Moscow" or "flew to Moscow"); a bare
   surname from the base only where spaCy tags exactly it as a person or the full name came
   earlier; a country or organization word inside a longer person's name ("Michael Jordan") or a
   longer title ("Labour Minister") does not count. Titles, appositions and "of <country>" give
   an unknown person a country and sector ("French foreign minister Jean Dupont", "Dupont, the
   French foreign minister", "Gen. Dupont of France's army").
2. common-noun agents ("US officials", "Israeli troops", "Russia's army", "the army of Peru"):
   the agent noun gives sector and kind; a nationality adjective, country compound, possessive
   or "of/for <country>" gives the country; a region word ("European allies") leaves it null on
   purpose. A nationality adjective is also a mention of its state ("Philippine vessels").
3. references (``actor_refs``): a later surname, "the minister" / "the official" / "the
   president", "he"/"she" as a subject, and "the bloc" / "the agency" take the earlier actor's
   name, country, sector and kind; unresolved pronouns and reference nouns are dropped.
4. dominant state (``actor_refs.dominant``): an agent (not refugees), a titled person or an
   unknown organization with no country and no region word ("a senior defence official") takes
   the article's dominant country, the most frequent among the state and GOV mentions before
   it, when it leads clearly (more than 1.5 times the runner-up, and two mentions or no rival).

A country used as a modifier is both its own state mention and part of the group ("US" and
"US officials"); at equal start the longer mention comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token
from spacy.util import filter_spans

from ..records import Actor
from .actor_kb import ActorKB, Agent, Entry, load_actor_kb, token_key
from .actor_refs import PRONOUNS, Mention, pronoun_mentions, resolve, surname_mentions

__all__ = ["ActorKB", "distinct_entities", "extract_actors", "load_actor_kb"]

LOCATIVE = frozenset({"in", "to", "into", "from", "at", "near", "toward", "towards", "across", "around",
                      "outside", "inside", "through", "via", "within", "throughout", "between", "over"})
STOP_DETERMINERS = frozenset({"the", "a", "an", "some", "several", "many", "other", "these", "those", "all",
                              "both", "any", "most", "few", "no", "this", "that", "another", "each", "more",
                              "fewer", "further"})
DEFINITE = frozenset({"the", "this", "that"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
WINDOW = 6
UNPLACED_SECTORS = frozenset({"REF", "UNK"})


@dataclass(slots=True)
class _Modifiers:
    """What the words before an agent noun say: its country, an organization, a region word."""

    first: int
    country: str | None = None
    organization: Entry | None = None
    region: bool = False
    definite: bool = False
    sector: str | None = None


def extract_actors(doc: Doc, kb: ActorKB) -> list[Actor]:
    """Every actor mention of ``doc``, in text order, references resolved."""
    name_matcher, agent_matcher, names, agents = kb.matchers(doc.vocab)
    agent_spans = filter_spans([doc[s:e] for _, s, e in agent_matcher(doc)])
    agent_index = {i: span for span in agent_spans for i in range(span.start, span.end)}
    mentions = [m for m in _name_mentions(doc, kb, name_matcher, names) if not _inside_agent(m, agent_index)]
    mentions += _entity_mentions(doc, kb, mentions, agent_index)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    agent_at = {i: agents[token_key(span).lower()] for span in agent_spans for i in range(span.start, span.end)}
    for mention in mentions:
        if mention.actor.kind == "person":
            _add_person_context(doc, kb, mention, by_token, agent_index, agent_at)
    for span in agent_spans:
        if taken.isdisjoint(range(span.start, span.end)) and not _modifies_agent(span, agent_at):
            found = _agent_mention(doc, kb, span, agents[token_key(span).lower()], by_token, agent_at)
            mentions += [found] if found else []
    mentions += surname_mentions(doc, mentions)
    mentions += _adjective_mentions(doc, kb, taken)
    mentions += pronoun_mentions(doc, taken)
    mentions.sort(key=_order)
    return resolve(doc, kb, mentions)


def distinct_entities(actors: list[Actor]) -> list[Actor]:
    """The first mention of each distinct actor, by name; pronouns left out."""
    seen: set[str] = set()
    entities: list[Actor] = []
    for actor in actors:
        if actor.name is None or actor.text.lower() in PRONOUNS or actor.name in seen:
            continue
        seen.add(actor.name)
        entities.append(actor)
    return entities


def _order(mention: Mention) -> tuple[int, int]:
    return mention.start, -mention.end


def _actor(span: SpacySpan, entry: Entry) -> Actor:
    return Actor(span.text, span.start_char, span.end_char, entry.name, entry.country, entry.sector, entry.kind)


def _name_mentions(doc: Doc, kb: ActorKB, matcher, names: dict[str, Entry]) -> list[Mention]:
    """Knowledge-base names as written; capitals that read as places and untagged surnames left out."""
    mentions = []
    seen: set[str] = set()
    for span in filter_spans([doc[s:e] for _, s, e in matcher(doc)]):
        entry = names[token_key(span)]
        if entry.capital and _reads_as_place(span, kb):
            continue
        if kb.is_surname(entry, span.text) and not _surname_counts(span, entry.name in seen):
            continue
        if entry.kind != "person" and _inside_person(span):
            continue
        if entry.kind == "organization" and _generic_after_country(kb, span):
            continue
        seen.add(entry.name)
        roles = set(entry.role.split()) if entry.role else set()
        mentions.append(Mention(span.start, span.end, _actor(span, entry), roles=roles))
    return mentions


def _surname_counts(span: SpacySpan, named_before: bool) -> bool:
    """A bare surname counts when spaCy tags exactly it as a person, or the full name came earlier."""
    ent = _entity_at(span.doc, span.start)
    if ent is not None and ent.label_ == "PERSON":
        end = ent.end - 1 if span.doc[ent.end - 1].text in POSSESSIVE else ent.end
        return ent.start == span.start and end == span.end
    return named_before and ent is None


def _inside_person(span: SpacySpan) -> bool:
    """A country or organization name that is one word of a longer person's name ("Michael Jordan")."""
    ent = _entity_at(span.doc, span.start)
    return ent is not None and ent.label_ == "PERSON" and span.end <= ent.end and len(ent) > len(span)


def _entity_at(doc: Doc, i: int) -> SpacySpan | None:
    """The named entity covering token ``i``, found from the IOB tags (no scan of ``doc.ents``)."""
    if doc[i].ent_iob_ not in ("B", "I"):
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=doc[i].ent_type_)


def _generic_after_country(kb: ActorKB, span: SpacySpan) -> bool:
    """"Chile's Defense Department": a generic office name after another country is that country's."""
    if span.text.lower() not in kb.agents or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if before.text in POSSESSIVE and span.start > 1:
        before = span.doc[span.start - 2]
    return kb.country_of(before.text) not in (None, kb.entry(span.text, surnames=False).country)


def _inside_agent(mention: Mention, agent_index: dict[int, SpacySpan]) -> bool:
    """A name that is only part of a longer title ("Labour" in "Labour Minister")."""
    span = agent_index.get(mention.start)
    return span is not None and mention.end <= span.end and len(span) > mention.end - mention.start


def _reads_as_place(span: SpacySpan, kb: ActorKB) -> bool:
    """A capital after a locative preposition ("talks in Moscow", "flew to Moscow") is a place."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE:
        return False
    return root.head.lower_ != "to" or root.head.head.lemma_.lower() in kb.motion


def _entity_mentions(doc: Doc, kb: ActorKB, known: list[Mention], agent_index: dict[int, SpacySpan]) -> list[Mention]:
    """spaCy PERSON and ORG entities the knowledge base does not name."""
    taken = {i for m in known for i in range(m.start, m.end)}
    agent_tokens = set(agent_index)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or not taken.isdisjoint(range(ent.start, ent.end)):
            continue
        if kb.country_of(ent.text) is not None:
            continue
        if ent.label_ == "PERSON":
            ent = _trim_title(ent, agent_tokens)
            if ent is not None:
                actor = Actor(ent.text, ent.start_char, ent.end_char, _strip_possessive(ent), None, None, "person")
                mentions.append(Mention(ent.start, ent.end, actor, unknown_person=True, unknown_name=True))
        elif agent_tokens.isdisjoint(range(ent.start, ent.end)):
            ent = _trim_determiner(ent)
            country = next((kb.country_of(t.text) for t in ent if kb.country_of(t.text)), None)
            actor = Actor(ent.text, ent.start_char, ent.end_char, _strip_possessive(ent), country, None, "organization")
            mentions.append(Mention(ent.start, ent.end, actor, unknown_name=True, national=True))
    return mentions


def _trim_title(ent: SpacySpan, agent_tokens: set[int]) -> SpacySpan | None:
    """A PERSON entity without the title words spaCy sometimes folds in ("President X")."""
    start = ent.start
    while start < ent.end and (start in agent_tokens or ent.doc[start].is_punct):
        start += 1
    end = ent.end - 1 if ent.doc[ent.end - 1].text in POSSESSIVE else ent.end
    return ent.doc[start:end] if start < end else None


def _trim_determiner(ent: SpacySpan) -> SpacySpan:
    """An ORG entity without a leading "the" or a trailing possessive."""
    start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
    end = ent.end - 1 if ent.doc[ent.end - 1].text in POSSESSIVE and ent.end - 1 > start else ent.end
    return ent.doc[start:end]


def _strip_possessive(span: SpacySpan) -> str:
    tokens = [t for t in span if t.text not in POSSESSIVE]
    return "".join(t.text_with_ws for t in tokens).strip() if tokens else span.text


def _add_person_context(doc: Doc, kb: ActorKB, mention: Mention, by_token: dict[int, Mention],
                        agent_index: dict[int, SpacySpan], agent_at: dict[int, Agent]) -> None:
    """Give a person the country and sector of the title before it or its apposition."""
    title = _title_before(mention.start, agent_index) or _apposition(doc[mention.start:mention.end], agent_index)
    first = title.start if title is not None else mention.start
    modifiers = _modifiers(doc, kb, first, title.end if title is not None else mention.end, by_token, agent_at)
    if title is not None:
        mention.roles.update(t.lower_ for t in title)
    if not mention.unknown_person:
        titled = agent_at[title.start].sector if title is not None else "GOV"
        if titled != "GOV" and mention.actor.sector != titled:
            mention.actor = replace(mention.actor, sector=titled)
        return
    actor = mention.actor
    country = modifiers.country or (modifiers.organization.country if modifiers.organization else None)
    country = country or _prep_country(doc[mention.start:mention.end].root, by_token)[0]
    sector = agent_at[title.start].sector if title is not None else None
    if sector == "GOV" and modifiers.sector:
        sector = modifiers.sector
    mention.national = title is not None
    if modifiers.organization is not None and sector in (None, "GOV") and modifiers.organization.sector:
        sector = modifiers.organization.sector
    mention.actor = replace(actor, country=country, sector=sector)


def _title_before(start: int, agent_index: dict[int, SpacySpan]) -> SpacySpan | None:
    """The agent ending right before ``start`` ("foreign minister" X)."""
    span = agent_index.get(start - 1)
    return span if span is not None and span.end == start else None


def _apposition(span: SpacySpan, agent_index: dict[int, SpacySpan]) -> SpacySpan | None:
    """The agent in apposition to a name: "X, the Russian foreign minister" or its mirror."""
    root = span.root
    heads = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        heads.append(root.head)
    for head in heads:
        agent = agent_index.get(head.i)
        if agent is not None and agent.end - 1 == head.i:
            return agent
    return None


def _modifiers(doc: Doc, kb: ActorKB, start: int, end: int, by_token: dict[int, Mention],
               agent_at: dict[int, Agent]) -> _Modifiers:
    """Walk left from ``start`` over the words that modify the phrase ending at ``end``."""
    found = _Modifiers(first=start)
    i = start - 1
    limit = max(start - WINDOW, doc[start].sent.start if start < len(doc) else 0)
    while i >= limit:
        token = doc[i]
        if token.text in POSSESSIVE and i - 1 in by_token:
            i = _take_known(found, by_token[i - 1], kb) - 1
            continue
        if i in by_token and token.pos_ == "PROPN":
            i = _take_known(found, by_token[i], kb) - 1
            continue
        if token.lower_ in STOP_DETERMINERS:
            if token.dep_ in ("det", "amod", "predet"):
                found.first, found.definite = i, token.lower_ in DEFINITE
            break
        if not _modifies(token, end) or (i > 0 and doc[i - 1].tag_ == "TO"):
            break
        if token.i in agent_at:
            found.sector = found.sector or agent_at[token.i].sector
            found.first = token.i
        elif not _take_word(found, doc, token, kb):
            break
        i -= 1
    return found


def _modifies(token: Token, end: int) -> bool:
    """An adjective or noun attached inside the phrase to its right."""
    return ((token.pos_ in ("ADJ", "NOUN", "PROPN") or token.tag_ in ("VBN", "VBG"))
            and not token.like_num and token.lower_ not in LOCATIVE
            and token.dep_ in ("amod", "compound", "nmod", "npadvmod") and token.i < token.head.i < end)


def _take_known(found: _Modifiers, mention: Mention, kb: ActorKB) -> int:
    """A country, organization or person mention before the agent: take its country."""
    actor = mention.actor
    if found.country is None and found.organization is None:
        if actor.kind == "organization":
            found.organization = kb.entry(actor.name or "", surnames=False)
        found.country = actor.country
    found.first = mention.start
    return mention.start


def _take_word(found: _Modifiers, doc: Doc, token: Token, kb: ActorKB) -> bool:
    """One modifier word; False when it ends the phrase (a region word is kept, then stops)."""
    found.first = token.i
    if token.lower_ in kb.regions or _pro_anti(doc, token):
        found.region = True
        found.first = token.i - 2 if _pro_anti(doc, token) else token.i
        return False
    pair = f"{doc[token.i - 1].text} {token.text}" if token.i > 0 else ""
    code = kb.country_of(pair) if pair and doc[token.i - 1].is_title else None
    if code is not None:
        found.first = token.i - 1
    code = code or (kb.country_of(token.text) if token.is_title or token.is_upper else None)
    if code is not None and found.country is None:
        found.country = code
    return True


def _pro_anti(doc: Doc, token: Token) -> bool:
    """"pro-Russian": the country names whom they side with, not whose they are."""
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("pro", "anti")


def _modifies_agent(span: SpacySpan, agent_at: dict[int, Agent]) -> bool:
    """An agent noun that only modifies a later one ("police" in "police spokesman")."""
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= span.end and last.head.i in agent_at


def _agent_mention(doc: Doc, kb: ActorKB, span: SpacySpan, agent: Agent,
                   by_token: dict[int, Mention], agent_at: dict[int, Agent]) -> Mention | None:
    """A common-noun agent with its country from the words around it; None for a title before a name."""
    head = doc[span.end - 1]
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if span.end < len(doc) and doc[span.end].pos_ == "PROPN" and agent.kind == "person":
        return None
    modifiers = _modifiers(doc, kb, span.start, span.end, by_token, agent_at)
    prep_country, origin_stated = _prep_country(head, by_token)
    country = modifiers.country or prep_country
    sector = modifiers.sector if agent.sector == "GOV" and modifiers.sector else agent.sector
    organization = modifiers.organization
    if organization is not None:
        country = country or organization.country
        if sector == "GOV" and organization.sector:
            sector = organization.sector
    if modifiers.region:
        country = None
    name_start = modifiers.first + (1 if modifiers.first < span.start and doc[modifiers.first].lower_ in STOP_DETERMINERS else 0)
    name = doc[name_start:span.end].text
    actor = Actor(doc[modifiers.first:span.end].text, doc[modifiers.first].idx, span.end_char,
                  name, country, sector, agent.kind)
    named = _named_in_apposition(head, by_token)
    if named is not None and agent.kind == "person":
        actor = replace(named, text=actor.text, start=actor.start, end=actor.end)
    return Mention(modifiers.first, span.end, actor, generic=named is None, definite=modifiers.definite,
                   national=sector not in UNPLACED_SECTORS,
                    modified=name_start < span.start, region=modifiers.region or origin_stated,
                    roles={t.lower_ for t in doc[name_start:span.end]})


def _named_in_apposition(head: Token, by_token: dict[int, Mention]) -> Actor | None:
    """The person a title stands in apposition to ("the Polish defence minister, Jan Nowak")."""
    for child in head.children:
        if child.dep_ == "appos" and child.i in by_token and by_token[child.i].actor.kind == "person":
            return by_token[child.i].actor
    return None


def _prep_country(head: Token, by_token: dict[int, Mention]) -> tuple[str | None, bool]:
    """The country named in "of/for/from <X>" after an agent noun, and whether such a phrase exists."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "from"):
            continue
        for pobj in (t for t in prep.children if t.dep_ == "pobj"):
            for token in [*pobj.lefts, pobj]:
                if token.i in by_token and by_token[token.i].actor.country:
                    return by_token[token.i].actor.country, True
            return None, prep.lower_ == "from"
    return None, False


def _adjective_mentions(doc: Doc, kb: ActorKB, taken: set[int]) -> list[Mention]:
    """A nationality adjective stands for its state ("Philippine vessels" -> the Philippines)."""
    mentions = []
    for token in doc:
        adjective = token.pos_ == "ADJ" or token.ent_type_ == "NORP"
        if token.i in taken or not token.is_title or not adjective or _pro_anti(doc, token):
            continue
        start = token.i - 1 if token.i > 0 and kb.country_of(f"{doc[token.i - 1].text} {token.text}") else token.i
        code = kb.country_of(doc[start:token.i + 1].text)
        if code is None or start in taken or kb.entry(doc[start:token.i + 1].text, surnames=False):
            continue
        span = doc[start:token.i + 1]
        actor = Actor(span.text, span.start_char, span.end_char, kb.country_names.get(code), code, "GOV", "state")
        mentions.append(Mention(start, token.i + 1, actor))
    return mentions


