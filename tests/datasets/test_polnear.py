"""PolNeAR loader and scorer: brat files written for these tests, then a small sample of
the real test split (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

from eventwire.datasets import polnear
from eventwire.errors import DatasetError

TEXT = "The mayor said the bridge would reopen in May. Crews are working at night."
METADATA = "compartment\tfilename\tlevel\ntest\tcity_bridge\tNone\ntrain\tother\tNone\n"
ANN = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 46\tthe bridge would reopen in May\n"
       "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
       "T5\tContent 47 55;56 73\tCrews are working at night\n")


def _write(tmp_path, ann=ANN):
    data = tmp_path / "data"
    (data / "test" / "text").mkdir(parents=True)
    (data / "test" / "attributions").mkdir(parents=True)
    (data / "metadata.tsv").write_text(METADATA, "utf-8")
    (data / "test" / "text" / "city_bridge.txt").write_text(TEXT, "utf-8")
    (data / "test" / "attributions" / "city_bridge_ab12.ann").write_text(ann, "utf-8")
    return tmp_path


def test_polnear_loads_attributions_of_the_part(tmp_path):
    annotations = polnear.load_annotations(_write(tmp_path), part="test")
    assert [a.article for a in annotations] == ["city_bridge"]
    gold = annotations[0].attributions[0]
    assert "".join(TEXT[i] for i in sorted(gold.spans["source"])) == "Themayor"
    assert gold.cue_text == "said"


def test_polnear_scores_eventwire_claims(tmp_path):
    result = polnear.evaluate(_write(tmp_path), part="test", limit=None, errors=1)
    assert result.items == 1
    assert result.figures["source_exact_f1"] == 1.0
    assert result.figures["cue_exact_f1"] == 1.0
    assert result.figures["content_overlap_f1"] == 1.0


@pytest.mark.parametrize("ann, detail", [
    ("T1\tSource 0 9\tThe mayor\nX1\tnonsense\n", "not a brat T or E line"),
    ("T1\tSource 0 900\tThe mayor\n", "beyond the end"),
    ("E1\tAttribution:T4 Source:T9\n", "no T line defines"),
])
def test_polnear_malformed_file_raises(tmp_path, ann, detail):
    with pytest.raises(DatasetError, match=detail):
        polnear.load_annotations(_write(tmp_path, ann), part="test")


def test_polnear_sample_floor(shared_dir):
    """Measured 2026-12-07 on the first 10 articles: source overlap F1 0.678, exact 0.523, cue overlap 0.645."""
    result = polnear.evaluate(shared_dir / "data" / "polnear", part="test", limit=10, errors=0)
    assert result.figures["source_overlap_f1"] >= 0.63
    assert result.figures["source_exact_f1"] >= 0.48
    assert result.figures["cue_overlap_f1"] >= 0.60
