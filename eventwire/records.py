"""Every record type that flows between eventwire's stages.

Field names are exactly those of ``shared/spec/RECORD.md``; ``to_dict`` gives the
JSON shape of ``record.schema.json`` and ``from_dict`` reads it back (gold files
included). Offsets (``start``, ``end``, end exclusive) index ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "future", "hypothetical", "negated")


@dataclass(slots=True)
class Span:
    """Words of ``article.text`` a value came from."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """A state, organization, group or person, resolved where possible."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None


@dataclass(slots=True)
class Place:
    """A toponym resolved to the gazetteer."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | str | None = None
    feature: str | None = None


@dataclass(slots=True)
class TimeRef:
    """A time expression normalized against the article's date."""

    text: str
    start: int
    end: int
    value: str | None = None
    precision: str | None = None


@dataclass(slots=True)
class Quantity:
    """A number and what it counts."""

    text: str
    start: int
    end: int
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    approximate: bool | None = None


@dataclass(slots=True)
class Attribution:
    """The in-text source of a claim and its verb ("CNN reports")."""

    text: str
    start: int
    end: int
    source: Actor | None = None
    cue: str | None = None


@dataclass(slots=True)
class Quote:
    """Words inside quotation marks and who said them."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None


@dataclass(slots=True)
class Event:
    """One real-world event of the article, with every mention in ``evidence``."""

    id: str
    event_type: str
    modality: str
    evidence: list[Span]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad_class: str | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    location: list[Place] = field(default_factory=list)
    date: TimeRef | None = None
    size: Quantity | None = None
    attribution: Attribution | None = None
    trigger: Span | None = None
    confidence: float | None = None
    optional: bool = False
    alt_types: list[str] = field(default_factory=list)
    alt_modality: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """The cleaned article the extractor reads; offsets index ``text``."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "en"


@dataclass(slots=True)
class Record:
    """What eventwire emits for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    entities: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of record.schema.json (gold-only keys left out when unset)."""
        data = asdict(self)
        for event in data["events"]:
            for key in ("optional", "alt_types", "alt_modality"):
                if not event[key]:
                    del event[key]
        if not data["warnings"]:
            del data["warnings"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Read a record or gold file back into typed records."""
        return cls(
            article=_build(Article, data["article"]),
            events=[_event(e) for e in data.get("events", [])],
            entities=[_build(Actor, a) for a in data.get("entities", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            quantities=[_build(Quantity, q) for q in data.get("quantities", [])],
            warnings=list(data.get("warnings", [])),
        )


@dataclass(slots=True)
class Skip:
    """An input that could not be coded, and why: a batch records it and goes on."""

    source: str
    reason: str
    code: str

    def to_dict(self) -> dict[str, Any]:
        return {"skipped": asdict(self)}


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    """Build a flat record from a dict, ignoring keys the type does not have."""
    if data is None:
        return None
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _quote(data: dict[str, Any]) -> Quote:
    quote = _build(Quote, data)
    quote.speaker = _build(Actor, data.get("speaker"))
    return quote


def _attribution(data: dict[str, Any] | None) -> Attribution | None:
    if data is None:
        return None
    attribution = _build(Attribution, data)
    attribution.source = _build(Actor, data.get("source"))
    return attribution


def _event(data: dict[str, Any]) -> Event:
    event = _build(Event, data)
    event.evidence = [_build(Span, s) for s in data.get("evidence", [])]
    event.actor = [_build(Actor, a) for a in data.get("actor", [])]
    event.recipient = [_build(Actor, a) for a in data.get("recipient", [])]
    event.location = [_build(Place, p) for p in data.get("location", [])]
    event.date = _build(TimeRef, data.get("date"))
    event.size = _build(Quantity, data.get("size"))
    event.attribution = _attribution(data.get("attribution"))
    event.trigger = _build(Span, data.get("trigger"))
    event.context = list(data.get("context") or [])
    return event


@dataclass(slots=True)
class Mentions:
    """What the extract stages found in one article, before events are coded.

    ``actors`` holds every actor mention (pronouns and "the official" resolved to
    the actor they stand for); ``places`` every toponym, resolved or not;
    ``times`` every time expression; the event coder links them to events.
    """

    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class EventMention:
    """One mention of an event while coding, before mentions of one event are merged.

    ``sentence`` is the sentence's index in the article; ``anaphoric`` marks a
    mention that refers back ("the deployment", "the forces are expected to");
    ``subject_of`` is the token index of an event trigger this mention's
    predicate takes as subject ("the move ... shows support"), so the later
    event can borrow that event's actor; ``object_of`` likewise for an event in
    the recipient role ("condemned the drills": the drills' actor is the recipient).
    """

    event: Event
    sentence: int
    anaphoric: bool = False
    nominal: bool = False
    trigger_i: int = -1
    predicate_i: int = -1
    head_i: int = -1
    clause_dep: str = ""
    subject_of: int | None = None
    object_of: int | None = None
    actor_found: bool = True


@dataclass(slots=True)
class DatasetResult:
    """eventwire's figures on one public gold set (``eventwire eval --dataset``).

    ``figures`` are the metrics by name (fractions 0..1, or counts); ``table`` the rows a
    person reads, each (label, formatted value); ``worst`` the worst cases, one line each,
    quoting no more of the set's text than a reader needs to find the item.
    """

    name: str
    items: int
    figures: dict[str, float | int | None] = field(default_factory=dict)
    table: list[tuple[str, str]] = field(default_factory=list)
    worst: list[str] = field(default_factory=list)
