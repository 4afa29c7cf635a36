"""ATTRIBUTION stage: the in-text source of the claim holding a trigger, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.attribution import attribution_for, hedged
from eventwire.nlp import index_by_token


def _token(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def _attribute(nlp, hand_actors, sentence, trigger, **phrases):
    doc = nlp(sentence)
    return attribution_for(_token(doc, trigger), index_by_token(doc, hand_actors(doc, **phrases)))


@pytest.mark.parametrize("sentence, trigger, text, source, cue", [
    ("Officials in Ankara have said the army will deploy 4,000 soldiers to the frontier.",
     "deploy", "Officials in Ankara have said", "Ankara", "said"),
    ("The ministry is withdrawing 500 police officers from the capital, the Kyiv Post reports.",
     "withdrawing", "the Kyiv Post reports", "Kyiv Post", "reports"),
    ("According to the Kenyan interior ministry, protesters attacked a police station in Nakuru.",
     "attacked", "According to the Kenyan interior ministry", "Kenyan", "According to"),
    ("Prime Minister Ana Ruiz told reporters the embassy in Caracas would close.",
     "close", "Prime Minister Ana Ruiz told reporters", "Ana Ruiz", "told"),
    ("A Turkish official told Reuters the army would open a second corridor.",
     "open", "A Turkish official told Reuters", "Turkish", "told"),
    ("The Kenyan government said in a statement that it had expelled two diplomats.",
     "expelled", "The Kenyan government said in a statement", "Kenyan", "said"),
    ("Germany announced the deployment of 300 engineers to Lithuania.",
     "deployment", "Germany announced", "Germany", "announced"),
    ("Hamas claimed that its fighters had shot down a drone.", "shot", "Hamas claimed", "Hamas", "claimed"),
    ("The Pentagon confirmed that a second carrier group had entered the Gulf.",
     "entered", "The Pentagon confirmed", "Pentagon", "confirmed"),
    ("Sources close to President Luis Herrera said talks with the unions would resume on Monday.",
     "resume", "Sources close to President Luis Herrera said", "Luis Herrera", "said"),
    ("The army will withdraw from the town, officials said on Tuesday.",
     "withdraw", "officials said", "officials", "said"),
    ("Rebels shelled the airport overnight, as Al Jazeera reported.",
     "shelled", "Al Jazeera reported", "Al Jazeera", "reported"),
    ("Troops will stay in the region until March, said Defence Minister Jan Novak.",
     "stay", "said Defence Minister Jan Novak", "Jan Novak", "said"),
    ("General Omar Diallo was quoted as saying that the convoy had crossed the river.",
     "crossed", "General Omar Diallo was quoted as saying", "Omar Diallo", "quoted as saying"),
    ("The minister told reporters that the embassy will close, Al Jazeera reported.",
     "told", "Al Jazeera reported", "Al Jazeera", "reported"),
    ("Rights groups have accused the police of beating detainees, a charge the interior ministry denies.",
     "beating", "the interior ministry denies", "interior ministry", "denies"),
])
def test_attribution_source_and_cue(nlp, hand_actors, sentence, trigger, text, source, cue):
    attribution = _attribute(nlp, hand_actors, sentence, trigger)
    assert (attribution.text, attribution.source.name, attribution.cue) == (text, source, cue)


def test_attribution_offsets_index_the_text(nlp, hand_actors):
    doc = nlp("Russia will hold naval drills in the Baltic next week, the Moscow Times reports.")
    attribution = attribution_for(_token(doc, "hold"), index_by_token(doc, hand_actors(doc)))
    assert doc.text[attribution.start:attribution.end] == attribution.text
    source = attribution.source
    assert doc.text[source.start:source.end] == source.text


@pytest.mark.parametrize("sentence, trigger", [
    ("Officials in Ankara have said the army will deploy troops to the frontier.", "said"),
    ("Officials in Ankara have said the army will deploy troops to the frontier.", "Officials"),
    ("President Viktor Hale accused Estonia of massing tanks on the border.", "accused"),
    ("Rights groups have accused the police of beating detainees, a charge the interior ministry denies.",
     "accused"),
    ("About 900 fighters are said to be ready to attack the town.", "attack"),
    ("The rebels reportedly seized a bridge near the capital.", "seized"),
    ("Some 2,000 troops are believed to have crossed the border.", "crossed"),
    ("Police arrested 40 people in the capital on Sunday.", "arrested"),
    ("Germany announced the deployment of 300 engineers to Lithuania.", "announced"),
])
def test_attribution_none_outside_a_claim(nlp, hand_actors, sentence, trigger):
    assert _attribute(nlp, hand_actors, sentence, trigger) is None


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("About 900 fighters are said to be ready to attack the town.", "attack", True),
    ("The rebels reportedly seized a bridge near the capital.", "seized", True),
    ("Some 2,000 troops are believed to have crossed the border.", "crossed", True),
    ("It is reported that the rebels seized a bridge.", "seized", True),
    ("Police arrested 40 people in the capital on Sunday.", "arrested", False),
    ("Officials said the army will deploy troops to the frontier.", "deploy", False),
])
def test_attribution_hedged_evidentials(nlp, sentence, trigger, expected):
    assert hedged(_token(nlp(sentence), trigger)) is expected


def test_attribution_closest_source_wins(nlp, hand_actors):
    attribution = _attribute(nlp, hand_actors,
                             "Senator Mark Olsen said that Reuters reports the navy has seized a tanker.",
                             "seized")
    assert (attribution.source.name, attribution.cue) == ("Reuters", "reports")


def test_attribution_inside_a_quote_is_its_speaker(nlp, hand_actors):
    attribution = _attribute(
        nlp, hand_actors,
        "'We will send 200 medics to the border. Nobody will be left alone,' Health Minister Clara Vidal said.",
        "send")
    assert (attribution.source.name, attribution.cue) == ("Clara Vidal", "said")
