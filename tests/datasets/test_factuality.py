"""MEANTIME and UW loaders, label mappings and scorer: CoNLL written for these tests, then
a small sample of each real set (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

from eventwire.datasets import factuality
from eventwire.errors import DatasetError

MEANTIME = ("1\tPortugal\t_\t_\t_\t_\n2\twill\t_\t_\t_\t_\n3\topen\tB-E-1\tB-CERTAIN-1\tB-POS-1\tB-FUTURE-1\n"
            "4\ttalks\t_\t_\t_\t_\n\n5\tChile\t_\t_\t_\t_\n6\tdid\t_\t_\t_\t_\n7\tnot\t_\t_\t_\t_\n"
            "8\tsign\tB-E-2\tB-CERTAIN-2\tB-NEG-2\tB-NON_FUTURE-2\n9\t.\t_\t_\t_\t_\n")
UW = ("0\tPeru\t_\tNNP\t1\tnsubj\tperu\n1\tmay\t_\tMD\t2\taux\tmay\n2\tclose\t0.4\tVB\t2\tROOT\tclose\n"
      "3\tports\t_\tNNS\t2\tdobj\tport\n\n0\tGhana\t_\tNNP\t1\tnsubj\tghana\n"
      "1\tsigned\t3.0\tVBD\t1\tROOT\tsign\n2\t.\t_\t.\t1\tpunct\t.\n")


@pytest.mark.parametrize("certainty, polarity, time, modality", [
    ("CERTAIN", "POS", "NON_FUTURE", "asserted"),
    ("CERTAIN", "POS", "UNDERSPECIFIED", "asserted"),
    ("CERTAIN", "POS", "FUTURE", "future"),
    ("PROBABLE", "POS", "FUTURE", "hypothetical"),
    ("POSSIBLE", "POS", "NON_FUTURE", "hypothetical"),
    ("UNDERSPECIFIED", "UNDERSPECIFIED", "FUTURE", "hypothetical"),
    ("POSSIBLE", "NEG", "FUTURE", "negated"),
])
def test_factuality_meantime_mapping(certainty, polarity, time, modality):
    assert factuality.meantime_modality(certainty, polarity, time) == modality


@pytest.mark.parametrize("score, modality", [(3.0, "asserted"), (1.5, "asserted"), (1.4, "hypothetical"),
                                             (0.0, "hypothetical"), (-1.5, "negated"), (-3.0, "negated")])
def test_factuality_uw_mapping(score, modality):
    assert factuality.uw_modality(score) == modality


def _meantime(tmp_path, text=MEANTIME):
    folder = tmp_path / factuality.MEANTIME_DIR
    folder.mkdir(parents=True)
    (folder / "1_doc.xml.conll").write_text(text, "utf-8")
    return tmp_path


def _uw(tmp_path, text=UW):
    folder = tmp_path / factuality.UW_DIR
    folder.mkdir(parents=True)
    (folder / "test.conll").write_text(text, "utf-8")
    return tmp_path


def test_factuality_meantime_scores_every_mention(tmp_path):
    result = factuality.evaluate(_meantime(tmp_path), part="meantime", limit=None, errors=2)
    assert result.items == 2
    assert result.figures["accuracy"] == 1.0


def test_factuality_uw_scores_every_scored_token(tmp_path):
    result = factuality.evaluate(_uw(tmp_path), part="uw", limit=None, errors=2)
    assert result.items == 2
    assert result.figures["accuracy"] == 1.0
    assert result.figures["mae"] == pytest.approx(0.2)


def test_factuality_detokenize_keeps_offsets():
    text, offsets = factuality.detokenize(["Sales", "fell", "3", "%", "(", "again", ")", "."])
    assert text == "Sales fell 3% (again)."
    assert [text[o] for o in offsets] == ["S", "f", "3", "%", "(", "a", ")", "."]


@pytest.mark.parametrize("writer, part, text, detail", [
    ("meantime", "meantime", "1\tword\t_\n", "6 tab-separated"),
    ("meantime", "meantime", "1\tword\tE-1\tCERTAIN\tPOS\tFUTURE\n", "B-<label>-<id>"),
    ("uw", "uw", "0\tword\t9.5\tNN\t0\tROOT\tword\n", "not a number in"),
])
def test_factuality_malformed_file_raises(tmp_path, writer, part, text, detail):
    data_dir = _meantime(tmp_path, text) if writer == "meantime" else _uw(tmp_path, text)
    with pytest.raises(DatasetError, match=detail):
        factuality.evaluate(data_dir, part=part, limit=None, errors=0)


@pytest.mark.parametrize("folder, part, limit, floor", [
    ("meantime-factuality", "meantime", 20, 0.76),
    ("uw-factuality", "uw", 100, 0.72),
])
def test_factuality_sample_floor(shared_dir, folder, part, limit, floor):
    """Measured 2026-12-07: MEANTIME first 20 files 0.795, UW first 100 test sentences 0.765."""
    result = factuality.evaluate(shared_dir / "data" / folder, part=part, limit=limit, errors=0)
    assert result.figures["accuracy"] >= floor
