"""QUOTES stage: quote marks, apostrophes and speakers, on sentences written for these tests."""

from __future__ import annotations

import json
import re

import pytest

from eventwire.extract.quotes import extract_quotes, quote_spans
from eventwire.records import Actor


def _texts(text):
    return [text[start:end] for start, end in quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we are ready" and left.', ["we are ready"]),
    ("“We are ready,” she said.", ["We are ready,"]),
    ("'We are ready,' he said.", ["We are ready,"]),
    ("‘We’re ready,’ he said.", ["We’re ready,"]),
    ("«Nous sommes prêts», a déclaré le ministre.", ["Nous sommes prêts"]),
    ("The US's allies didn't agree, and we're not sure they will.", []),
    ("It was like the '90s again: rock 'n' roll, cheap fuel and long queues.", []),
    ("Since the ’90s, ‘peace’ has held.", ["peace"]),
    ("The soldiers' families said 'enough' on Monday.", ["enough"]),
    ("'The soldiers' families are safe,' she said.", ["The soldiers' families are safe,"]),
    ('He said "the talks \'failed badly\' today" in Rome.', ["the talks 'failed badly' today"]),
    ("'We are ready. We will not wait,' he said.", ["We are ready. We will not wait,"]),
    ("She said the border is 'closed to all traffic.\nThe vote is on Monday.", ["closed to all traffic."]),
    ('He wrote "" in the box.', []),
    ("``We are ready,'' he said. ''Nobody should doubt it.''", ["We are ready,", "Nobody should doubt it."]),
])
def test_quotes_spans_tell_marks_from_apostrophes(text, expected):
    assert _texts(text) == expected


@pytest.mark.parametrize("sentence, phrases, quote, speaker, cue", [
    ("'We are ready,' Maria Lopez said.", {}, "We are ready,", "Maria Lopez", "said"),
    ('Maria Lopez said: "We are ready to talk."', {}, "We are ready to talk.", "Maria Lopez", "said"),
    ('"We will not leave," said Mayor Anna Kask.', {}, "We will not leave,", "Anna Kask", "said"),
    ("Tomas Berg spoke in Riga. 'Nobody should doubt our resolve,' he said.", {},
     "Nobody should doubt our resolve,", "Tomas Berg", "said"),
    ("President Omar Diallo said the plan is 'a serious step forward'.", {},
     "a serious step forward", "Omar Diallo", "said"),
    ("A senior defence official commented on the talks, saying that the troops 'are ready for any task'.",
     {"A senior defence official": "senior defence official"},
     "are ready for any task", "senior defence official", "saying"),
    ("Chancellor Eva Brandt hopes the 'negotiations will succeed' before winter.", {},
     "negotiations will succeed", "Eva Brandt", "hopes"),
    ("According to Interior Minister Tomas Berg, 'the border remains closed'.", {},
     "the border remains closed", "Tomas Berg", "According to"),
    ("Foreign Minister Lena Holm condemned the 'barbaric' attack on the convoy.", {},
     "barbaric", "Lena Holm", "condemned"),
    ("Lena Holm said the crossing is 'closed to all traffic.\nThe ministry declined to comment.", {},
     "closed to all traffic.", "Lena Holm", "said"),
])
def test_quotes_speaker_and_cue(nlp, hand_actors, sentence, phrases, quote, speaker, cue):
    doc = nlp(sentence)
    found = {q.text: q for q in extract_quotes(doc, hand_actors(doc, **phrases))}
    assert quote in found
    assert (found[quote].speaker.name, found[quote].cue) == (speaker, cue)


def test_quotes_offsets_index_the_text(nlp, hand_actors):
    doc = nlp("'We are ready,' Maria Lopez said. “Nobody should doubt it,” she added.")
    quotes = extract_quotes(doc, hand_actors(doc))
    assert [q.text for q in quotes] == ["We are ready,", "Nobody should doubt it,"]
    for quote in quotes:
        assert doc.text[quote.start:quote.end] == quote.text
        speaker = quote.speaker
        assert doc.text[speaker.start:speaker.end] == speaker.text


def test_quotes_speaker_is_the_resolved_person_not_the_pronoun(nlp, hand_actors):
    doc = nlp("Antonio Reyes arrived in Quito on Monday. 'It is up to them now,' he said.")
    (quote,) = extract_quotes(doc, hand_actors(doc))
    assert (quote.speaker.text, quote.speaker.name) == ("he", "Antonio Reyes")


@pytest.mark.parametrize("text, speakers", [
    ("'We are ready,' Maria Lopez said. 'Nobody should doubt it.'", ["Maria Lopez", "Maria Lopez"]),
    ("'The army is ready. We are not afraid,' Maria Lopez said.", ["Maria Lopez"]),
    ("Foreign Minister Lena Holm said:\n\"We will not accept this decision. Our ambassador is coming home.\"",
     ["Lena Holm"]),
    ("The 'historic' deal did not survive the winter.", [None]),
])
def test_quotes_speaker_across_sentences_and_scare_quotes(nlp, hand_actors, text, speakers):
    doc = nlp(text)
    quotes = extract_quotes(doc, hand_actors(doc))
    assert [q.speaker.name if q.speaker else None for q in quotes] == speakers
    assert all((q.cue is None) == (q.speaker is None) for q in quotes)


def test_quotes_scare_quote_after_a_reported_sentence_has_no_speaker(nlp, hand_actors):
    doc = nlp("The ministers spoke on Friday, Reuters reports. However, the 'frank' call changed little.")
    (quote,) = extract_quotes(doc, hand_actors(doc))
    assert (quote.text, quote.speaker, quote.cue) == ("frank", None, None)


def test_quotes_outlet_reporting_the_words_is_not_the_speaker(nlp):
    doc = nlp("Envoy Pablo Ortiz said the 'frank and useful' meeting changed little, Reuters reports. "
              "The 'historic' summit ended early, Reuters reports.")
    actors = [Actor("Pablo Ortiz", 6, 17, name="Pablo Ortiz", kind="person"),
              *(Actor("Reuters", m.start(), m.end(), name="Reuters", sector="MED", kind="organization")
                for m in re.finditer("Reuters", doc.text))]
    quotes = extract_quotes(doc, actors)
    assert [(q.text, q.speaker and q.speaker.name) for q in quotes] == [
        ("frank and useful", "Pablo Ortiz"), ("historic", None)]


def test_quotes_empty_doc(nlp):
    assert extract_quotes(nlp(""), []) == []


def _overlaps(gold, quote):
    shared = min(gold["end"], quote.end) - max(gold["start"], quote.start)
    return shared > 0 and shared >= 0.5 * min(gold["end"] - gold["start"], quote.end - quote.start)


def _same_speaker(gold, speaker):
    if gold is None or speaker is None:
        return gold is None and speaker is None
    if gold.get("name") and speaker.name and gold["name"].lower() == speaker.name.lower():
        return True
    return max(gold["start"], speaker.start) < min(gold["end"], speaker.end)


def test_quotes_seed_article_f1_and_speakers(nlp, hand_actors, shared_dir):
    """The seed article, read in place: quote F1 and speaker accuracy of at least 0.8."""
    gold = json.loads((shared_dir / "spec" / "examples" / "seed.gold.json").read_text("utf-8"))
    doc = nlp(gold["article"]["text"])
    quotes = extract_quotes(doc, hand_actors(doc))
    matched = [(g, next((q for q in quotes if _overlaps(g, q)), None)) for g in gold["quotes"]]
    hits = [(g, q) for g, q in matched if q is not None]
    precision, recall = len(hits) / max(len(quotes), 1), len(hits) / max(len(gold["quotes"]), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    speakers = sum(_same_speaker(g["speaker"], q.speaker) for g, q in hits) / max(len(hits), 1)
    assert f1 >= 0.8
    assert speakers >= 0.8
