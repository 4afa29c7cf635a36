"""PLACES stage: every toponym of a parsed article, resolved against the offline gazetteer.

Reads the spaCy ``Doc`` (entities, tokens) and writes ``Place`` records in text order:

1. Mentions are spaCy's GPE/LOC/FAC entities plus gazetteer names the model
   misses ("eastern Europe", "the Sahel", "Donbas"), matched on token n-grams.
2. Demonyms ("Russian") and place names inside organization names
   ("Washington Post") are dropped.
3. Each mention is resolved twice: first alone, which gives the article's context
   (the countries and admin1 units it names); then with that context, so a shared
   city name picks the one in a context country ("Paris" near "Texas").

Coordinates follow ``gazetteer.py``: a country's are its approximate centroid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from ..records import Place
from .gazetteer import DATA_DIR, DEMONYM_SUFFIXES, UNIT_WORDS, Gazetteer, load_gazetteer, name_key
from .gazetteer_files import fail, read_yaml

__all__ = ["Gazetteer", "extract_places", "load_gazetteer", "resolve_toponym", "resolve_toponyms"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
MISLABELS = ("PERSON", "ORG")
WELL_KNOWN_CITY = 5.0      # log10 population: cities of 100,000 or more
MAX_NGRAM = 6
# Lowercase words a matched name may hold ("eastern Europe", "the Baltic states").
LOWER_OK = frozenset({
    "the", "of", "and", "eastern", "western", "northern", "southern", "central", "north",
    "south", "east", "west", "sub", "upper", "lower", "region", "oblast", "province",
    "state", "states", "countries", "nations", "republics", "peninsula", "strip", "heights",
    "sea", "city", "-",
})


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate toponym: token range and whether spaCy's NER proposed it."""

    start: int
    end: int
    from_ner: bool


@lru_cache(maxsize=1)
def non_place_words() -> tuple[frozenset[str], frozenset[str]]:
    """(org heads, demonyms) from non_places.yaml."""
    path = DATA_DIR / "non_places.yaml"
    data = read_yaml(path)
    sections = []
    for section in ("org_heads", "demonyms"):
        words = data.get(section) if isinstance(data, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise fail(path, 1, f"section '{section}' must be a list of words")
        sections.append(frozenset(words))
    return sections[0], sections[1]


def ner_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """spaCy's place entities, and PERSON/ORG ones that are well-known places, without 'the'."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and not (
                ent.label_ in MISLABELS and well_known_place(ent.text, gazetteer)):
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        if cased_like_a_name(doc[start:ent.end]):
            mentions.append(Mention(start, ent.end, True))
    return mentions


def well_known_place(text: str, gazetteer: Gazetteer) -> bool:
    """A name the small model often mislabels ("Kiev" as PERSON): a country, region,
    admin1 unit or city of 100,000+ by its own name."""
    best = gazetteer.best(text)
    if best is None:
        return False
    return best.place.feature != "city" or best.base >= WELL_KNOWN_CITY


def cased_like_a_name(span: SpacySpan) -> bool:
    """Capitalized where a name must be: 'eastern Europe' yes, 'us' or 'turkey' no."""
    capitalized = False
    for token in span:
        if token.text[:1].isupper():
            capitalized = True
        elif token.is_alpha and token.lower_ not in LOWER_OK:
            return False
    return capitalized


def gazetteer_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Token n-grams that are gazetteer phrases, longest first at each start."""
    keys = gazetteer.phrase_keys()
    mentions = []
    for start in range(len(doc)):
        if doc[start].is_space or doc[start].is_punct or doc[start].lower_ == "the":
            continue
        for end in range(min(len(doc), start + MAX_NGRAM), start, -1):
            span = doc[start:end]
            if span[-1].is_punct or span[-1].is_space:
                continue
            if name_key(span.text) in keys and cased_like_a_name(span):
                mentions.append(Mention(start, end, False))
                break
    return mentions


def blocked_by_entity(mention: Mention, doc: Doc) -> bool:
    """A gazetteer match overlapping a non-place entity it does not contain ("Washington Post")."""
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.end <= mention.start or ent.start >= mention.end:
            continue
        if not (mention.start <= ent.start and ent.end <= mention.end):
            return True
    return False


def merge(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions in text order; the longer wins, NER on ties."""
    ranked = sorted(mentions, key=mention_rank)
    chosen: list[Mention] = []
    taken: set[int] = set()
    for mention in ranked:
        tokens = set(range(mention.start, mention.end))
        if tokens & taken:
            continue
        chosen.append(mention)
        taken |= tokens
    return sorted(chosen, key=mention_start)


def mention_rank(mention: Mention) -> tuple[int, int, int]:
    return (mention.start - mention.end, 0 if mention.from_ner else 1, mention.start)


def mention_start(mention: Mention) -> int:
    return mention.start


def next_word(doc: Doc, index: int) -> str:
    """The text of the first non-space token at or after ``index`` ('' at the end)."""
    while index < len(doc) and doc[index].is_space:
        index += 1
    return doc[index].text if index < len(doc) else ""


def is_demonym(text: str, gazetteer: Gazetteer, demonyms: frozenset[str]) -> bool:
    """'Russian', 'Iraqi', 'Ukrainians': listed, or a country name's stem plus a demonym suffix."""
    if text in demonyms:
        return True
    if " " in text or not text[:1].isupper():
        return False
    key = name_key(text)
    for suffix in DEMONYM_SUFFIXES:
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= 3 and any(
                word.startswith(stem) for word in gazetteer.country_words()):
            return True
    return False


def with_unit_word(mention: Mention, doc: Doc, gazetteer: Gazetteer) -> Mention:
    """Extend 'Kherson' to 'Kherson region' when the longer name is an admin1 unit or region."""
    if mention.end >= len(doc) or doc[mention.end].lower_ not in UNIT_WORDS:
        return mention
    place = gazetteer.resolve(doc[mention.start:mention.end + 1].text)
    if place is not None and place.feature in ("admin1", "region"):
        return Mention(mention.start, mention.end + 1, mention.from_ner)
    return mention


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Steps 1-2: every toponym mention, demonyms and organization names removed."""
    org_heads, demonyms = non_place_words()
    found = ner_mentions(doc, gazetteer)
    found += [m for m in gazetteer_mentions(doc, gazetteer) if not blocked_by_entity(m, doc)]
    kept = []
    for mention in merge(found):
        mention = with_unit_word(mention, doc, gazetteer)
        text = doc[mention.start:mention.end].text
        if next_word(doc, mention.end) in org_heads or text in demonyms:
            continue
        if gazetteer.resolve(text) is None and is_demonym(text, gazetteer, demonyms):
            continue
        kept.append(mention)
    return kept


@dataclass(frozen=True, slots=True)
class Context:
    """What an article's other toponyms say about where it is (see ``Gazetteer.resolve``)."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    near_admin1: tuple[str, ...] = ()
    dominant: str | None = None


def article_context(places: list[Place | None]) -> Context:
    """Countries (most mentioned first), admin1 units named, admin1 units of named cities,
    and the country holding at least half of the resolved places."""
    countries: dict[str, int] = {}
    admin1: dict[str, int] = {}
    near: dict[str, int] = {}
    for place in places:
        if place is None:
            continue
        if place.country is not None:
            countries[place.country] = countries.get(place.country, 0) + 1
        if place.feature == "admin1" and place.admin1:
            admin1[place.admin1] = admin1.get(place.admin1, 0) + 1
        elif place.feature in ("city", "other") and place.admin1:
            near[place.admin1] = near.get(place.admin1, 0) + 1
    ranked = tuple(sorted(countries, key=countries.get, reverse=True))
    resolved = sum(1 for place in places if place is not None and place.country is not None)
    dominant = ranked[0] if ranked and 2 * countries[ranked[0]] >= resolved else None
    return Context(ranked, tuple(admin1), tuple(near), dominant)


def resolve_in_context(texts: list[str], gazetteer: Gazetteer, *,
                       demonyms: bool = False) -> list[Place | None]:
    """Each toponym string resolved with the context of the article's other toponyms (step 3):
    a name's own first reading never vouches for itself ("Paris" does not make France
    context for "Paris"). With ``demonyms``, an adjective of place names its country."""
    keys = [name_key(text) for text in texts]
    first = [resolve_one(text, gazetteer, demonyms=demonyms, context=Context()) for text in texts]
    done: dict[str, Place | None] = {}
    places = []
    for text, key in zip(texts, keys):
        if key not in done:
            others = [place for other, place in zip(keys, first) if other != key]
            done[key] = resolve_one(text, gazetteer, demonyms=demonyms, context=article_context(others))
        places.append(None if done[key] is None else replace(done[key]))
    return places


def resolve_one(text: str, gazetteer: Gazetteer, *, demonyms: bool, context: Context) -> Place | None:
    place = gazetteer.resolve(text, context_countries=context.countries, context_admin1=context.admin1,
                              near_admin1=context.near_admin1, dominant=context.dominant)
    return gazetteer.demonym(text) if place is None and demonyms else place


def local_mentions(doc: Doc, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """ORG entities that are only the name of a town in a state the article's places are in
    ("Torrington beat Watertown", the small model's ORG): local news names its towns bare."""
    context = article_context([gazetteer.resolve(doc[m.start:m.end].text) for m in mentions])
    states = set(context.admin1) | set(context.near_admin1)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    org_heads = non_place_words()[0]
    found = []
    for ent in doc.ents:
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        span = doc[start:ent.end]
        if (ent.label_ != "ORG" or not states or taken & set(range(start, ent.end))
                or not cased_like_a_name(span) or next_word(doc, ent.end) in org_heads):
            continue
        place = resolve_one(span.text, gazetteer, demonyms=False, context=context)
        if (place is not None and place.feature in ("city", "other") and place.admin1 in states
                and place.country == context.dominant):
            found.append(Mention(start, ent.end, True))
    return found


def extract_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every toponym mention in text order; an unresolved one keeps only its text and offsets."""
    mentions = find_mentions(doc, gazetteer)
    mentions = sorted(mentions + local_mentions(doc, gazetteer, mentions), key=mention_start)
    spans = [doc[m.start:m.end] for m in mentions]
    places = []
    for span, place in zip(spans, resolve_in_context([s.text for s in spans], gazetteer)):
        offsets = {"text": span.text, "start": span.start_char, "end": span.end_char}
        places.append(Place(**offsets) if place is None else replace(place, **offsets))
    return places


def resolve_toponym(text: str, *, context_countries: tuple[str, ...] = (),
                    context_admin1: tuple[str, ...] = ()) -> Place | None:
    """Resolve one toponym string with the packaged gazetteer (for geoparsing benchmarks);
    a demonym given as a toponym ("Turkish") resolves to its country."""
    context = Context(tuple(context_countries), tuple(context_admin1))
    return resolve_one(text, load_gazetteer(), demonyms=True, context=context)


def resolve_toponyms(texts: list[str]) -> list[Place | None]:
    """Resolve the toponym strings of one article together, each with the others as context."""
    return resolve_in_context(list(texts), load_gazetteer(), demonyms=True)
