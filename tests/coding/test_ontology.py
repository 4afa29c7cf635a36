"""ONTOLOGY: the packaged PLOVER ontology and lexicons load, and a broken user lexicon
is refused with a DataFileError naming its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.coding.ontology import DATA, load_lexicon
from eventwire.errors import DataFileError
from eventwire.records import EVENT_TYPES

QUAD_CLASSES = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
EVENTS_DIR = DATA / "lexicons" / "events"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_ontology_packaged_lexicon_loads(lexicon):
    assert lexicon.entries and lexicon.classes and lexicon.modality
    assert set(lexicon.modality) >= {"future_aux", "hypothetical_aux", "negators", "governors", "light_verbs"}


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_ontology_every_type_has_a_lexicon_file(event_type):
    path = EVENTS_DIR / f"{event_type}.yaml"
    assert path.is_file()
    assert re.search(rf"^type:\s*{event_type}\s*$", path.read_text("utf-8"), re.MULTILINE)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_ontology_every_type_has_a_quad_class_and_triggers(lexicon, event_type):
    assert lexicon.types[event_type].quad_class in QUAD_CLASSES
    assert any(e.event_type == event_type for entries in lexicon.entries.values() for e in entries)


def test_ontology_quad_classes_follow_plover(lexicon):
    quads = {name: info.quad_class for name, info in lexicon.types.items()}
    assert quads["CONSULT"] == "verbal_cooperation"
    assert quads["AID"] == "material_cooperation"
    assert quads["THREATEN"] == "verbal_conflict"
    assert quads["ASSAULT"] == "material_conflict"
    assert set(quads) == set(EVENT_TYPES)


def test_ontology_class_references_expand(lexicon):
    from eventwire.coding.ontology import expand_words

    words = expand_words(lexicon, ["@forces", "Envoy"])
    assert {"troop", "soldier", "envoy"} <= words


def test_ontology_entries_name_their_source_line(lexicon):
    entry = next(e for e in lexicon.entries["deploy"] if e.event_type == "MOBILIZE")
    name, line = entry.source.split(":")
    assert name == "MOBILIZE.yaml" and int(line) > 1


GOOD_HEAD = "# test lexicon, written for eventwire tests (MIT)\ntype: PROTEST\ntriggers:\n"


def _user_dir(tmp_path: Path, name: str, body: str) -> tuple[str, Path]:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "PROTEST.yaml"
    path.write_text(GOOD_HEAD + body, encoding="utf-8")
    return str(folder), path


def test_ontology_user_lexicon_dir_replaces_packaged(tmp_path):
    folder, _ = _user_dir(tmp_path, "good", "  - {lemma: picket}\n  - {lemma: rally, pos: NOUN}\n")
    lexicon = load_lexicon(folder)
    assert set(lexicon.entries) == {"picket", "rally"}
    assert lexicon.entries["picket"][0].source == "PROTEST.yaml:4"


@pytest.mark.parametrize("name, body, line, words", [
    ("unknown_key", "  - {lemma: picket}\n  - {lemma: march, colour: red}\n", 5, "unknown key"),
    ("unknown_class", "  - {lemma: picket}\n  - {lemma: march, subject: ['@marchers']}\n", 5,
     "unknown class @marchers"),
    ("bad_pos", "  - {lemma: march, pos: ADVERB}\n", 4, "pos must be one of"),
    ("no_lemma", "  - {lemma: picket}\n  - {pos: NOUN}\n", 5, "needs a 'lemma'"),
])
def test_ontology_bad_entry_names_file_and_line(tmp_path, name, body, line, words):
    folder, path = _user_dir(tmp_path, name, body)
    with pytest.raises(DataFileError) as caught:
        load_lexicon(folder)
    assert f"{path}:{line}:" in str(caught.value)
    assert words in str(caught.value)


def test_ontology_bad_yaml_names_file_and_line(tmp_path):
    folder, path = _user_dir(tmp_path, "bad_yaml", "  - {lemma: picket\n  - {lemma: march}\n")
    with pytest.raises(DataFileError) as caught:
        load_lexicon(folder)
    match = re.search(rf"{re.escape(str(path))}:(\d+): not valid YAML", str(caught.value))
    assert match and int(match.group(1)) >= 4


def test_ontology_file_without_type_is_refused(tmp_path):
    folder = tmp_path / "no_type"
    folder.mkdir()
    (folder / "X.yaml").write_text("# test lexicon (MIT)\ntype: PARADE\ntriggers: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"X\.yaml:1: the file must start with 'type:'"):
        load_lexicon(str(folder))


def test_ontology_empty_dir_is_refused(tmp_path):
    with pytest.raises(DataFileError, match=r":0: no event lexicon files"):
        load_lexicon(str(tmp_path))


def test_ontology_error_carries_data_file_code(tmp_path):
    folder, _ = _user_dir(tmp_path, "code", "  - {lemma: march, pos: ADVERB}\n")
    with pytest.raises(DataFileError) as caught:
        load_lexicon(folder)
    assert caught.value.code == "E200"
