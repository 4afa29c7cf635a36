"""re3d loader and NER scorer: mongoexport files written for these tests, then a small
sample of the real set (skipped when ../shared is absent)."""

from __future__ import annotations

import json

import pytest

from eventwire.datasets import re3d
from eventwire.errors import DatasetError

TEXT = "Syrian troops shelled Aleppo on Monday, the army of Jordan said. Jane Doe counted 40 shells."


def _entity(begin, end, kind):
    return {"_id": f"d1-{begin}", "documentId": "d1", "begin": begin, "end": end, "type": kind,
            "value": TEXT[begin:end], "confidence": 1}


ENTITIES = [_entity(0, 6, "Nationality"), _entity(22, 28, "Location"), _entity(32, 38, "Temporal"),
            _entity(40, 58, "Organisation"), _entity(65, 73, "Person"), _entity(82, 91, "Quantity"),
            _entity(85, 91, "Weapon")]


def _write(tmp_path, entities=ENTITIES):
    source = tmp_path / "Written Source"
    source.mkdir()
    (source / "documents.json").write_text(json.dumps({"_id": "d1", "title": "t", "text": TEXT}) + "\n", "utf-8")
    (source / "entities.json").write_text("".join(json.dumps(e) + "\n" for e in entities), "utf-8")
    relation = {"_id": "r1", "documentId": "d1", "type": "FightingAgainst", "begin": 14, "end": 21}
    (source / "relations.json").write_text(json.dumps(relation) + "\n", "utf-8")
    return tmp_path


def test_re3d_loads_documents_entities_and_relations(tmp_path):
    [document] = re3d.load_documents(_write(tmp_path))
    assert document.source == "Written Source" and document.relations == 1
    assert [e[0] for e in document.entities] == [e["type"] for e in ENTITIES]


def test_re3d_malformed_line_is_a_dataset_error(tmp_path):
    _write(tmp_path)
    (tmp_path / "Written Source" / "entities.json").write_text('{"documentId": "d1"\n', "utf-8")
    with pytest.raises(DatasetError, match="entities.json:1"):
        re3d.load_documents(tmp_path)


def test_re3d_missing_file_is_a_dataset_error(tmp_path):
    _write(tmp_path)
    (tmp_path / "Written Source" / "relations.json").unlink()
    with pytest.raises(DatasetError):
        re3d.load_documents(tmp_path)


@pytest.mark.parametrize("a, b, expected", [
    (("Person", 0, 5), ("Person", 4, 9), True),
    (("Person", 0, 5), ("Person", 5, 9), False),
    (("Person", 0, 5), ("Organisation", 0, 5), False),
])
def test_re3d_overlap(a, b, expected):
    assert re3d.overlaps(a, b) is expected


def test_re3d_evaluate_on_written_document(tmp_path):
    result = re3d.evaluate(_write(tmp_path), part=None, limit=None, errors=3)
    assert result.items == 1
    assert result.figures["entities_out_of_scope"] == 1 and result.figures["relations_not_scored"] == 1
    assert result.figures["temporal_recall"] == 1.0 and result.figures["location_gold"] == 1
    assert result.figures["person_recall"] == 1.0 and result.figures["nationality_recall"] == 1.0


def test_re3d_sample_of_the_real_set(shared_dir):
    result = re3d.evaluate(shared_dir / "data" / "re3d", part=None, limit=12, errors=0)
    assert result.items == 12
    assert result.figures["micro_f1"] >= FLOOR


FLOOR = 0.55
