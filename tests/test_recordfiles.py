"""eventwire's record schema: it accepts what the spec schema accepts, plus "warnings"."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from eventwire.recordfiles import SCHEMA_PATH, load_records
from eventwire.records import (Actor, Article, Attribution, Event, Place, Quantity, Quote, Record,
                               Span, TimeRef)

TEXT = "Chile asked Norway for pumps on Friday, the Harbour Gazette reports."


@pytest.fixture(scope="module")
def ours():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8")))


@pytest.fixture(scope="module")
def spec(shared_dir):
    path = shared_dir / "spec" / "record.schema.json"
    return jsonschema.Draft202012Validator(json.loads(path.read_text("utf-8")))


def full_record() -> Record:
    """A record using every field the record types have."""
    chile = Actor("Chile", 0, 5, name="Chile", country="CHL", sector="GOV", kind="state")
    norway = Actor("Norway", 12, 18, name="Norway", country="NOR", sector="GOV", kind="state")
    paper = Actor("the Harbour Gazette", 40, 59, name="The Harbour Gazette", sector="MED",
                  kind="organization")
    pumps = Quantity("pumps", 23, 28, value=None, value_max=None, unit="pumps", approximate=True)
    event = Event(
        id="e1", event_type="REQUEST", modality="asserted", evidence=[Span(TEXT, 0, len(TEXT))],
        mode="material", context=["humanitarian"], quad_class="verbal_cooperation",
        actor=[chile], recipient=[norway],
        location=[Place("Chile", 0, 5, name="Chile", country="CHL", lat=-33.45, lon=-70.67,
                        geonameid=3895114, feature="country")],
        date=TimeRef("on Friday", 29, 38, value="2024-03-08", precision="day"), size=pumps,
        attribution=Attribution("the Harbour Gazette reports", 40, 67, source=paper, cue="reports"),
        trigger=Span("asked", 6, 11), confidence=0.75, alt_types=["COOPERATE"],
        alt_modality=["future"])
    return Record(article=Article(id="t1", text=TEXT, url="https://example.org/t1",
                                  outlet="Example", title="Pumps", published="2024-03-09"),
                  events=[event], entities=[chile, norway, paper],
                  quotes=[Quote("pumps", 23, 28, speaker=None, cue=None),
                          Quote("Friday", 32, 38, speaker=norway, cue="said")],
                  quantities=[pumps], warnings=["no sentence boundary found"])


def test_recordfiles_seed_gold_valid_under_both(ours, spec, shared_dir):
    data = json.loads((shared_dir / "spec" / "examples" / "seed.gold.json").read_text("utf-8"))
    assert list(ours.iter_errors(data)) == [] and list(spec.iter_errors(data)) == []
    assert load_records(shared_dir / "spec" / "examples" / "seed.gold.json")[0].events


def test_recordfiles_record_round_trips_under_both(ours, spec):
    data = full_record().to_dict()
    assert list(ours.iter_errors(data)) == []
    assert list(spec.iter_errors(data)) == []          # the spec allows extra top-level keys
    assert Record.from_dict(json.loads(json.dumps(data))) == full_record()


def edit(path: str, value):
    """A change to a record dict at a '/'-separated path; the value "<delete>" removes the key."""
    def apply(data):
        *parents, last = [int(p) if p.isdigit() else p for p in path.split("/")]
        target = data
        for part in parents:
            target = target[part]
        if value == "<delete>":
            del target[last]
        else:
            target[last] = value
    return apply


EDITS = [
    ("article/id", ""), ("article/id", 7), ("article/text", "<delete>"),
    ("article/published", "March 2024"), ("article/published", "2024-03-09T10:00"),
    ("article/published", None), ("article/language", None), ("article/extra", 1),
    ("events/0/event_type", "PRAISE"), ("events/0/modality", "likely"),
    ("events/0/modality", "<delete>"), ("events/0/actor", "<delete>"),
    ("events/0/recipient", []), ("events/0/evidence", []),
    ("events/0/evidence/0/start", -1), ("events/0/evidence/0/start", 2.0),
    ("events/0/evidence/0/end", "9"), ("events/0/evidence/0/text", "<delete>"),
    ("events/0/actor/0/country", "chl"), ("events/0/actor/0/country", "CL"),
    ("events/0/actor/0/country", "IGO"), ("events/0/actor/0/country", None),
    ("events/0/actor/0/kind", "person"), ("events/0/actor/0/kind", "crowd"),
    ("events/0/actor/0/name", None), ("events/0/location/0/lat", 91),
    ("events/0/location/0/lon", -180), ("events/0/location/0/geonameid", "3895114"),
    ("events/0/location/0/geonameid", 1.5), ("events/0/location/0/feature", "town"),
    ("events/0/date", None), ("events/0/date/precision", "hour"), ("events/0/date/value", None),
    ("events/0/size", None), ("events/0/size/approximate", "yes"), ("events/0/size/value", "3"),
    ("events/0/attribution", None), ("events/0/attribution/source", None),
    ("events/0/attribution/source", "<delete>"), ("events/0/trigger", None),
    ("events/0/trigger", "<delete>"), ("events/0/confidence", 1.5), ("events/0/confidence", None),
    ("events/0/quad_class", None), ("events/0/quad_class", "cooperation"),
    ("events/0/context", ["x", 1]), ("events/0/optional", "yes"), ("events/0/optional", True),
    ("events/0/alt_types", ["ANYTHING"]), ("events/0/alt_modality", "future"),
    ("events/0", 3), ("events", {}), ("entities/0/start", "<delete>"), ("entities", "<delete>"),
    ("quotes/0/speaker", "Norway"), ("quotes/0/speaker", None), ("quotes/0/cue", 3),
    ("quantities/0/value_max", "many"), ("quantities", "<delete>"), ("article", None),
]


@pytest.mark.parametrize(("path", "value"), EDITS)
def test_recordfiles_schema_accepts_what_spec_accepts(ours, spec, path, value):
    data = {k: v for k, v in full_record().to_dict().items() if k != "warnings"}
    changed = copy.deepcopy(data)
    edit(path, value)(changed)
    assert ours.is_valid(changed) == spec.is_valid(changed)


@pytest.mark.parametrize(("warnings", "valid"), [([], True), (["a", "b"], True), ([1], False),
                                                 ("a", False)])
def test_recordfiles_warnings_extension(ours, warnings, valid):
    data = full_record().to_dict()
    data["warnings"] = warnings
    assert ours.is_valid(data) is valid
