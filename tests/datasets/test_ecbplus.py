"""ECB+ loader and baseline: a CAT file written for these tests, then a small sample of the
real corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

from eventwire.datasets import ecbplus
from eventwire.errors import DatasetError

WORDS = [(0, "http"), (1, "Rebels"), (1, "attacked"), (1, "the"), (1, "town"), (1, "."),
         (2, "Police"), (2, "arrested"), (2, "two"), (2, "men"), (2, "."), (3, "Unlisted"), (3, "fled"), (3, ".")]
XML = """<Document doc_name="9_1ecbplus.xml">
{tokens}
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="13"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT1" TAG_DESCRIPTOR="t9_attack"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def _write(tmp_path, xml=None):
    base = tmp_path / ecbplus.ROOT
    (base / "ECB+" / "9").mkdir(parents=True)
    tokens = "\n".join(f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>'
                       for i, (s, w) in enumerate(WORDS, start=1))
    (base / "ECB+" / "9" / "9_1ecbplus.xml").write_text(xml or XML.format(tokens=tokens), "utf-8")
    (base / ecbplus.SENTENCES).write_text("Topic,File,Sentence Number\n9,1ecbplus,1\n9,1ecbplus,2\n", "utf-8")
    return tmp_path


def test_ecbplus_loads_listed_sentences_and_action_mentions(tmp_path):
    [document] = ecbplus.load_documents(_write(tmp_path))
    assert document.text == "Rebels attacked the town . \nPolice arrested two men . \n"
    assert [(document.text[m.start:m.end], m.chain) for m in document.mentions] == [
        ("attacked", "CROSS_DOC_COREF:ACT1"), ("arrested", "9_1ecbplus/2")]


def test_ecbplus_malformed_xml_is_a_dataset_error(tmp_path):
    _write(tmp_path, xml="<Document><token")
    with pytest.raises(DatasetError):
        ecbplus.load_documents(tmp_path)


@pytest.mark.parametrize("pairs, expected", [
    ([("a", "x"), ("a", "x"), ("b", "y")], (1.0, 1.0, 1.0)),
    ([("a", "x"), ("b", "x")], (0.5, 1.0, 2 / 3)),
    ([], (None, None, None)),
])
def test_ecbplus_b_cubed(pairs, expected):
    assert ecbplus.b_cubed(pairs) == pytest.approx(expected) if pairs else ecbplus.b_cubed(pairs) == expected


def test_ecbplus_evaluate_on_written_document(tmp_path):
    result = ecbplus.evaluate(_write(tmp_path), part=None, limit=None, errors=5)
    assert result.items == 1 and result.figures["action_gold"] == 2
    assert result.figures["action_recall"] >= 0.5


def test_ecbplus_sample_of_the_real_corpus(shared_dir):
    result = ecbplus.evaluate(shared_dir / "data" / "ecbplus", part=None, limit=40, errors=0)
    assert result.figures["action_gold"] > 200
    assert result.figures["action_recall"] >= 0.02
    assert result.figures["trigger_precision"] >= 0.8
