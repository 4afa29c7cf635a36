"""The reporting lexicon: packaged entries, and errors that name the file and line."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.extract.reporting import load_reporting


def test_reporting_packaged_lexicon_marks_stance():
    lexicon = load_reporting()
    assert lexicon.verbs["say"].stance == "neutral"
    assert lexicon.verbs["claim"].stance == "doubt"
    assert lexicon.verbs["deny"].stance == "deny"
    assert lexicon.verbs["announce"].objects is True
    assert lexicon.phrases["according to"] == ("neutral", "source_follows")
    assert "reportedly" in lexicon.hedge_adverbs and "believe" in lexicon.hedge_passives
    assert "accuse" not in lexicon.verbs and "accuse" in lexicon.speech_acts


GOOD_TAIL = """phrases:
  - {text: according to, stance: neutral, frame: source_follows}
cue_extensions:
  - {text: in a statement}
speech_acts:
  - {lemma: condemn}
claim_nouns:
  - {lemma: charge}
documents:
  - {lemma: statement}
evidentials:
  - {text: reportedly, kind: adverb}
"""


@pytest.mark.parametrize("verbs, line, words", [
    ("verbs:\n  - {lemma: say, stance: neutral, objects: false}\n  - {lemma: yell, stance: loud, objects: false}\n",
     3, "stance: loud"),
    ("verbs:\n  - {stance: neutral, objects: false}\n", 2, "lacks 'lemma'"),
    ("verbs: say\n", 1, "must be a list"),
    ("verbs:\n  - [say, neutral]\n", 2, "must be a mapping"),
    ("verbs:\n  - {lemma: say, stance: neutral, objects: false\n", 3, ""),
])
def test_reporting_bad_file_names_its_line(tmp_path, verbs, line, words):
    path = tmp_path / "reporting.yaml"
    path.write_text(verbs + GOOD_TAIL, "utf-8")
    with pytest.raises(DataFileError) as error:
        load_reporting(path)
    assert f"{path}:{line}:" in str(error.value)
    assert words in str(error.value)


def test_reporting_missing_section(tmp_path):
    path = tmp_path / "reporting.yaml"
    path.write_text("verbs:\n  - {lemma: say, stance: neutral, objects: false}\n", "utf-8")
    with pytest.raises(DataFileError, match="section 'phrases'"):
        load_reporting(path)
