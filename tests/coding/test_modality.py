"""MODALITY: asserted / future / hypothetical / negated, end to end through
``eventwire.code(text, published="2024-03-05")``, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.coding.modality import modality_of
from eventwire.coding.ontology import load_lexicon


MODALITY_TABLE = [
    # asserted
    ("Turkish troops shelled a village near the Syrian border on Sunday.", "ASSAULT", "asserted"),
    ("Kenya expelled two Somali diplomats on Friday.", "SANCTION", "asserted"),
    ("Protesters marched through the streets of Santiago on Saturday.", "PROTEST", "asserted"),
    ("Egyptian police arrested 40 protesters in Cairo on Monday.", "COERCE", "asserted"),
    ("Ukrainian drones struck an oil depot in Bryansk on Monday.", "ASSAULT", "asserted"),
    ("Venezuela threatened to seize the oil fields of Guyana.", "THREATEN", "asserted"),
    ("Washington urged Israel to withdraw its forces from Rafah.", "REQUEST", "asserted"),
    # future
    ("More troops will be sent to Estonia, the Dutch defence ministry said.", "MOBILIZE", "future"),
    ("Norway plans to send medical supplies to Sudan.", "AID", "future"),
    ("Japan is expected to impose new sanctions on North Korea.", "SANCTION", "future"),
    ("Indian and Chinese diplomats are set to meet in Beijing.", "CONSULT", "future"),
    ("Russian forces are set to withdraw from Armenia.", "RETREAT", "future"),
    ("Spanish and Moroccan ministers meet in Rabat next week.", "CONSULT", "future"),
    ("Poland will deploy 1,500 soldiers to the Belarusian border on Friday.", "MOBILIZE", "future"),
    ("The Czech government plans to expel four Russian diplomats.", "SANCTION", "future"),
    ("Nigeria is preparing to deploy troops to Niger.", "MOBILIZE", "future"),
    ("Sweden intends to provide 500 million kronor in aid to Ukraine.", "AID", "future"),
    pytest.param("The Croatian president visits Slovenia on Friday.", "CONSULT", "future"),
    # hypothetical
    ("Japan will impose sanctions on Russia if Russia invades Georgia.", "SANCTION", "hypothetical"),
    ("Japan will impose sanctions on Russia if Russia invades Georgia.", "ASSAULT", "hypothetical"),
    ("NATO will send troops to Latvia if Russia invades.", "MOBILIZE", "hypothetical"),
    ("Serbia may recall its ambassador from Montenegro.", "SANCTION", "hypothetical"),
    ("Rwanda could withdraw its troops from Mozambique.", "RETREAT", "hypothetical"),
    ("The Indian army may deploy 5,000 soldiers to Manipur.", "MOBILIZE", "hypothetical"),
    ("It is unlikely that Turkey will send troops to Syria.", "MOBILIZE", "hypothetical"),
    ("Officials said Ecuador was unlikely to expel the Mexican ambassador.", "SANCTION", "hypothetical"),
    ("Venezuela threatened to seize the oil fields of Guyana.", "COERCE", "hypothetical"),
    ("Washington urged Israel to withdraw its forces from Rafah.", "RETREAT", "hypothetical"),
    ("The African Union called for Ethiopian troops to withdraw from Somalia.", "RETREAT", "hypothetical"),
    ("Beijing warned that it would impose tariffs on Australian wine.", "SANCTION", "hypothetical"),
    ("Mali is considering expelling the French ambassador.", "SANCTION", "hypothetical"),
    pytest.param("The Arab League called for talks between Algeria and Morocco.", "CONSULT", "hypothetical"),
    # negated
    ("Russia denied that its troops had attacked the Ukrainian village.", "ASSAULT", "negated"),
    ("Britain denied sending special forces to Yemen.", "MOBILIZE", "negated"),
    ("Hungary did not send weapons to Ukraine.", "MOBILIZE", "negated"),
    ("Nepal did not attack Indian border posts, the army said.", "ASSAULT", "negated"),
    ("No troops have been deployed to the border, the Lithuanian army said.", "MOBILIZE", "negated"),
    ("No sanctions have been imposed on Israel.", "SANCTION", "negated"),
    ("Pakistan refused to extradite the suspect to India.", "COOPERATE", "negated"),
    ("Kazakhstan refused to join the sanctions against Russia.", "SANCTION", "negated"),
    ("Brazil has never sent troops to Haiti.", "MOBILIZE", "negated"),
    ("Bulgarian troops will never be deployed to Ukraine.", "MOBILIZE", "negated"),
    ("Iraq has not expelled the Turkish ambassador.", "SANCTION", "negated"),
    ("The Philippine navy would not withdraw from the shoal, officials said.", "RETREAT", "negated"),
]


@pytest.mark.parametrize("sentence, event_type, modality", MODALITY_TABLE)
def test_modality_of_event(event_of, sentence, event_type, modality):
    assert event_of(sentence, event_type).modality == modality


def test_modality_refusal_itself_is_asserted(event_of):
    """'refused to extradite': the refusal happened, the extradition did not."""
    assert event_of("Pakistan refused to extradite the suspect to India.", "REJECT").modality == "asserted"


def test_modality_cue_word_is_returned(nlp):
    doc = nlp("Rwanda could withdraw its troops from Mozambique.")
    verb = next(t for t in doc if t.lower_ == "withdraw")
    assert modality_of(verb, verb, load_lexicon()) == ("hypothetical", "could")


def test_modality_asserted_has_no_cue(nlp):
    doc = nlp("Rwanda withdrew its troops from Mozambique.")
    verb = next(t for t in doc if t.lower_ == "withdrew")
    assert modality_of(verb, verb, load_lexicon()) == ("asserted", None)


def test_modality_date_after_published_makes_future(coded):
    """The same sentence is asserted or future depending on the article's date."""
    sentence = "Spanish and Moroccan ministers meet in Rabat on 20 March."
    before = [e for e in coded(sentence, "2024-03-25").events if e.event_type == "CONSULT"]
    after = [e for e in coded(sentence).events if e.event_type == "CONSULT"]
    assert [e.modality for e in before] == ["asserted"]
    assert [e.modality for e in after] == ["future"]
