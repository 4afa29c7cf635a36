"""Event-type gold sets: loaders on tiny fixtures of each format, label mapping, a real-sample floor."""

from __future__ import annotations

import json

import pytest

from eventwire.datasets import evaluate_dataset
from eventwire.datasets.event_types import (NONE, Item, cameo_to_plover, choose, class_scores, code_texts,
                                            load_cameo_table, load_case2021, load_conflibert, load_gsr,
                                            load_petrarch, load_plv, span_f1)
from eventwire.errors import DatasetError

PLV_HEADER = "uid\tsentence_id\tgold_penta\tgold_root\tsentence\tmarked_sentence\tsource\ttarget\troot_L2\n"


def _gsr(tmp_path, records):
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps([{"event": "DOCUMENT", "id": "doc"}, *records]), encoding="utf-8")
    return path


def test_event_types_gsr_maps_old_names_and_reads_markup(tmp_path):
    path = _gsr(tmp_path, [{"id": "r1", "event": "DEMAND", "text": "Ruritania asked Freedonia to pay.",
                            "source": [{"actorText": "Ruritania", "code": "RUR"}], "target": "",
                            "textInfo": {"markup": "(SRC: Ruritania) (EVT: asked) (TAR: Freedonia) to pay."}}])
    [item] = load_gsr(path)
    assert (item.gold, item.raw, item.sources, item.targets) == ("REQUEST", "DEMAND", ((0, 9),), ((16, 25),))
    assert item.source_codes == {"RUR"} and item.target_codes == frozenset()


@pytest.mark.parametrize(("raw", "mapped"), [("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"),
                                             ("INVESTIGATE", "ACCUSE"), ("AGREE", "AGREE")])
def test_event_types_gsr_label_table(tmp_path, raw, mapped):
    path = _gsr(tmp_path, [{"id": "r", "event": raw, "text": "A met B.", "textInfo": "A met B."}])
    assert load_gsr(path)[0].gold == mapped


def test_event_types_gsr_malformed(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text('[{"event": "AGREE"}', encoding="utf-8")
    with pytest.raises(DatasetError):
        load_gsr(path)
    with pytest.raises(DatasetError):
        load_gsr(_gsr(tmp_path, [{"id": "x", "event": "AGREE"}]))  # no text


def test_event_types_plv_marks_and_yield(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text(PLV_HEADER + "7\t1\t2\tYIELD\tOslo freed two sailors.\t<s>Oslo</s> freed two "
                    "<t>sailors</t>.\tOslo\tsailors\tYIELD\n", encoding="utf-8")
    [item] = load_plv(path)
    assert (item.key, item.gold, item.text) == ("7", "CONCEDE", "Oslo freed two sailors.")
    assert item.sources == ((0, 4),) and item.text[slice(*item.targets[0])] == "sailors"


def test_event_types_plv_missing_column(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text("uid\tsentence\n1\tA met B.\n", encoding="utf-8")
    with pytest.raises(DatasetError):
        load_plv(path)


@pytest.mark.parametrize(("subtype", "mapped"), [("PEACE_PROTEST", "PROTEST"), ("ARMED_CLASH", "ASSAULT"),
                                                 ("ARREST", "COERCE"), ("NATURAL_DISASTER", NONE),
                                                 ("ATTRIB", None), ("OTHER", None)])
def test_event_types_case2021_subtypes(tmp_path, subtype, mapped):
    path = tmp_path / "case.tsv"
    path.write_text(f"id\tEventSnippet\tSubType\n1\tSome snippet.\t{subtype}\n", encoding="utf-8")
    assert load_case2021(path)[0].gold == mapped


def test_event_types_conflibert_tags_to_spans(tmp_path):
    (tmp_path / "cameo_class").mkdir()
    (tmp_path / "cameo_ner").mkdir()
    (tmp_path / "cameo_class" / "test.tsv").write_text("Lima and Quito signed a pact with Bogota.\t1\n",
                                                      encoding="utf-8")
    (tmp_path / "cameo_ner" / "test.txt").write_text(
        "Lima B-R\nand I-R\nQuito I-R\nsigned O\na O\npact O\nwith O\nBogota B-T\n. O\n\n", encoding="utf-8")
    [item] = load_conflibert(tmp_path)
    assert item.gold == "verbal_cooperation"
    assert item.sources == ((0, 14),) and item.targets == ((34, 40), (0, 14))


def test_event_types_conflibert_bad_label(tmp_path):
    (tmp_path / "cameo_class").mkdir()
    (tmp_path / "cameo_ner").mkdir()
    (tmp_path / "cameo_class" / "test.tsv").write_text("A met B.\t9\n", encoding="utf-8")
    (tmp_path / "cameo_ner" / "test.txt").write_text("A O\n\n", encoding="utf-8")
    with pytest.raises(DatasetError):
        load_conflibert(tmp_path)


def test_event_types_petrarch_records_and_cameo_table(tmp_path):
    table_path = tmp_path / "c2p.txt"
    table_path.write_text("# table\n04: CONSULT\n042: CONSULT, visit, # visit\n08: CONCEDE\n"
                          "084: RETREAT, , # release\n", encoding="utf-8")
    table = load_cameo_table(table_path)
    assert [cameo_to_plover(c, table) for c in ("042", "0841", "081", "023", "999")] == \
        ["CONSULT", "RETREAT", "CONCEDE", None, None]
    xml = tmp_path / "records.xml"
    xml.write_text('<Validation><Sentences>'
                   '<Sentence id="A-1"><EventCoding sourcecode="X" targetcode="Y" eventcode="042"/>'
                   '<Text>Arnor visited Gondor.</Text></Sentence>'
                   '<Sentence id="A-2"><EventCoding noevents="True"/><Text>Nothing happened.</Text></Sentence>'
                   '<Sentence id="A-3"><EventCoding error="bad_input_parse"/><Text>x</Text></Sentence>'
                   '</Sentences></Validation>', encoding="utf-8")
    assert [(i.key, i.gold) for i in load_petrarch(xml, table)] == [("A-1", "CONSULT"), ("A-2", NONE)]
    xml.write_text("<Validation><Sentence>", encoding="utf-8")
    with pytest.raises(DatasetError):
        load_petrarch(xml, table)


def test_event_types_scores():
    accuracy, macro, per = class_scores([("A", "A"), ("A", "B"), ("B", "B")])
    assert (round(accuracy, 3), per) == (0.667, {"A": pytest.approx(2 / 3), "B": pytest.approx(2 / 3)})
    assert span_f1([((0, 4),), ()], [((2, 6),), ((0, 1),)]) == pytest.approx(2 / 3)


@pytest.mark.parametrize(("sentence", "marks", "reductions", "expected"), [
    ("Denmark refused to meet the Iranian envoy.", (), {}, "REJECT"),  # governing event first
    ("Chile will host the Peruvian president next week.", (), {"future": {"CONSULT": "AGREE"}}, "AGREE"),
    ("The weather was pleasant all week.", (), {}, NONE),
])
def test_event_types_choose(sentence, marks, reductions, expected):
    item = Item(key="1", text=sentence, gold=None, raw="", sources=marks)
    assert choose(item, code_texts([sentence])[sentence], reductions=reductions).label == expected


# Floors a little under the figures measured on these samples (2026-12-07).
SAMPLE_FLOORS = [("plover-gsr", 40, 0.7), ("zero-shot-plover", 60, 0.75), ("case2021-task2", 40, 0.5)]


@pytest.mark.parametrize(("name", "limit", "floor"), SAMPLE_FLOORS)
def test_event_types_real_sample(shared_dir, name, limit, floor):
    result = evaluate_dataset(name, data_dir=shared_dir / "data", limit=limit, errors=3)
    assert result.items == limit and result.figures["accuracy"] >= floor
