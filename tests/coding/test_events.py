"""EVENTS: type, dyad, arguments, size, date, attribution and merging of coded events,
end to end through the real pipeline, on sentences written for these tests.

Every record coded here is validated against the packaged record schema (the
``coded`` fixture does it the first time a text is coded)."""

from __future__ import annotations

import pytest

from eventwire.records import EVENT_TYPES, Event


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


# sentence, type, actor countries, recipient countries (None: not stated, not checked)
TYPE_TABLE = [
    ("Colombia and Ecuador agreed on a new border security pact on Wednesday.", "AGREE", {"COL", "ECU"}, None),
    ("Ghana agreed to a ceasefire with Togo.", "AGREE", {"GHA"}, {"TGO"}),
    ("The Kenyan foreign minister held talks with his Ugandan counterpart in Kampala.", "CONSULT",
     {"KEN"}, {"UGA"}),
    ("Austria had a phone call with Slovakia about gas supplies.", "CONSULT", {"AUT"}, {"SVK"}),
    ("Spain met with Portugal in Lisbon.", "CONSULT", {"ESP"}, {"PRT"}),
    ("Italy praised Tunisia for its efforts to curb migration.", "SUPPORT", {"ITA"}, {"TUN"}),
    ("Belgium endorsed the Dutch candidate for the NATO post.", "SUPPORT", {"BEL"}, None),
    ("Vietnam signed a defence cooperation pact with Cambodia.", "SUPPORT", {"VNM"}, {"KHM"}),
    ("Ethiopia apologized to Eritrea for the border incident.", "CONCEDE", {"ETH"}, {"ERI"}),
    ("Serbia eased restrictions on imports from Kosovo.", "CONCEDE", {"SRB"}, None),
    ("The Georgian government backed down on the foreign agents law.", "CONCEDE", {"GEO"}, None),
    ("Finland and Estonia launched a joint naval patrol in the Baltic.", "COOPERATE", {"FIN", "EST"}, None),
    ("Jordan extradited two suspects to Iraq.", "COOPERATE", {"JOR"}, None),
    ("Qatar sent food aid to Gaza.", "AID", {"QAT"}, None),
    ("The World Bank lent Zambia 200 million dollars.", "AID", {"IGO"}, {"ZMB"}),
    ("Sweden intends to provide 500 million kronor in aid to Ukraine.", "AID", {"SWE"}, {"UKR"}),
    ("Israeli forces withdrew from the Jenin refugee camp.", "RETREAT", {"ISR"}, None),
    ("Cuba released 50 political prisoners.", "RETREAT", {"CUB"}, None),
    ("Uganda pulled its troops out of South Sudan.", "RETREAT", {"UGA"}, None),
    ("Ukraine asked Germany for more air defence systems.", "REQUEST", {"UKR"}, {"DEU"}),
    ("The Maldives asked India to withdraw its troops.", "REQUEST", {"MDV"}, {"IND"}),
    ("Azerbaijan accused Armenia of shelling its positions.", "ACCUSE", {"AZE"}, {"ARM"}),
    ("Seoul condemned Pyongyang for the missile launch.", "ACCUSE", {"KOR"}, {"PRK"}),
    ("Indonesia rejected Malaysia's offer of mediation.", "REJECT", {"IDN"}, {"MYS"}),
    ("Pakistan refused to extradite the suspect to India.", "REJECT", {"PAK"}, None),
    pytest.param("Moldova rejected a Russian demand to close its border.", "REJECT", {"MDA"}, {"RUS"}),
    ("Iran threatened Israel with retaliation.", "THREATEN", {"IRN"}, {"ISR"}),
    ("Venezuela threatened to seize the oil fields of Guyana.", "THREATEN", {"VEN"}, None),
    ("Algeria threatened to cut gas supplies to Spain.", "THREATEN", {"DZA"}, None),
    ("Kenyan doctors went on strike in Nairobi.", "PROTEST", {"KEN"}, None),
    ("Protesters marched through the streets of Santiago on Saturday.", "PROTEST", set(), None),
    ("Students staged a sit-in outside the Ministry of Education in Dhaka.", "PROTEST", set(), None),
    ("The United States imposed sanctions on Russian banks.", "SANCTION", {"USA"}, {"RUS"}),
    ("Lithuania expelled three Belarusian diplomats.", "SANCTION", {"LTU"}, {"BLR"}),
    ("Britain deployed 800 troops to Estonia.", "MOBILIZE", {"GBR"}, None),
    ("Pakistan moved tanks to the Afghan border.", "MOBILIZE", {"PAK"}, None),
    ("Egyptian police arrested 40 protesters in Cairo on Monday.", "COERCE", {"EGY"}, {"EGY"}),
    ("Myanmar's junta imposed a curfew in Mandalay.", "COERCE", {"MMR"}, None),
    ("Gunmen killed 12 villagers in northern Nigeria.", "ASSAULT", {"NGA"}, None),  # unnamed locals take the place of the event
    ("A police station in Kandahar was attacked by Taliban fighters on Monday.", "ASSAULT", {"AFG"}, None),
    ("Ukrainian drones struck an oil depot in Bryansk overnight, Reuters reported.", "ASSAULT", {"UKR"}, None),
    ("Russian missiles struck a power plant in Kharkiv.", "ASSAULT", {"RUS"}, None),
]


def _row_type(row) -> str:
    return row.values[1] if hasattr(row, "values") else row[1]


def test_events_table_covers_every_plover_type():
    covered = {}
    for row in TYPE_TABLE:
        passing = not hasattr(row, "values")
        covered.setdefault(_row_type(row), []).append(passing)
    assert set(covered) == set(EVENT_TYPES)
    assert all(sum(flags) >= 2 for flags in covered.values())


@pytest.mark.parametrize("sentence, event_type, actors, recipients", TYPE_TABLE)
def test_events_type_and_dyad(event_of, sentence, event_type, actors, recipients):
    event = event_of(sentence, event_type)
    assert _countries(event.actor) == actors
    if recipients is not None:
        assert _countries(event.recipient) == recipients


@pytest.mark.parametrize("sentence, event_type", [(r[0], r[1]) for r in TYPE_TABLE if not hasattr(r, "values")])
def test_events_carry_record_fields(coded, sentence, event_type):
    """Quad class from the ontology, evidence and trigger inside the article text, ids e1.."""
    record = coded(sentence)
    text = record.article.text
    assert [e.id for e in record.events] == [f"e{n}" for n in range(1, len(record.events) + 1)]
    for event in record.events:
        assert event.quad_class and event.modality and 0.0 < event.confidence <= 1.0
        for span in [*event.evidence, event.trigger]:
            assert text[span.start:span.end] == span.text
        assert event.evidence[0].start <= event.trigger.start < event.evidence[0].end


@pytest.mark.parametrize("sentence, event_type", [
    ("The weather was mild in Geneva.", None),
    ("The match ended in a draw in Madrid.", None),
    ("Tourists enjoyed the sunshine on the beaches of Crete.", None),
])
def test_events_none_in_a_sentence_without_one(coded, sentence, event_type):
    assert coded(sentence).events == []


# --- argument linking ---------------------------------------------------------------------


def test_events_passive_by_agent_is_the_actor(event_of):
    event = event_of("A police station in Kandahar was attacked by Taliban fighters on Monday.", "ASSAULT")
    assert [a.name for a in event.actor] == ["Taliban fighters"]
    assert [p.name for p in event.location] == ["Kandahār"]


def test_events_passive_sent_by_capital(event_of):
    event = event_of("Chinese warships were sent to the South China Sea by Beijing.", "MOBILIZE")
    assert _countries(event.actor) == {"CHN"}
    assert [p.name for p in event.location] == ["South China Sea"]


@pytest.mark.parametrize("sentence, event_type, places", [
    ("The Netherlands deployed 300 soldiers to Poland and Germany.", "MOBILIZE", ["Poland", "Germany"]),
    ("Soldiers attacked villages in Mali and Burkina Faso.", "ASSAULT", ["Mali", "Burkina Faso"]),
])
def test_events_coordinated_places_are_all_locations(event_of, sentence, event_type, places):
    assert [p.name for p in event_of(sentence, event_type).location] == places


def test_events_coordinated_actors_are_all_actors(event_of):
    event = event_of("Chile and Argentina signed a trade agreement on Tuesday.", "SUPPORT")
    assert [a.country for a in event.actor] == ["CHL", "ARG"]


def test_events_relative_clause_response_links_both_ways(coded):
    """'..., a demand the ministry rejected': the rejecter answers the demander."""
    record = coded("Armenia demanded the return of its prisoners, a demand the Azerbaijani ministry rejected.")
    by_type = {e.event_type: e for e in record.events}
    assert set(by_type) == {"REQUEST", "REJECT"}
    assert _countries(by_type["REJECT"].actor) == {"AZE"}
    assert _countries(by_type["REJECT"].recipient) == {"ARM"}


def test_events_relative_clause_request_gets_the_rejecter(coded):
    record = coded("Armenia demanded the return of its prisoners, a demand the Azerbaijani ministry rejected.")
    request = next(e for e in record.events if e.event_type == "REQUEST")
    assert _countries(request.recipient) == {"AZE"}


def test_events_relative_clause_request_gets_the_rejecter_when_unstated(coded):
    record = coded("The Kenyan government issued a demand, a demand the Ugandan foreign ministry rejected.")
    by_type = {e.event_type: e for e in record.events}
    assert _countries(by_type["REQUEST"].recipient) == {"UGA"}
    assert _countries(by_type["REJECT"].recipient) == {"KEN"}


@pytest.mark.parametrize("sentence, event_type, trigger, actor, recipient", [
    ("The Turkish president held talks with the Greek prime minister in Athens.", "CONSULT",
     "held talks", "TUR", "GRC"),
    ("Canada imposed sanctions on Iran.", "SANCTION", "imposed sanctions", "CAN", "IRN"),
    ("The Thai prime minister had a call with the Cambodian prime minister.", "CONSULT",
     "had a call", "THA", "KHM"),
    ("Kyrgyzstan made a request to Kazakhstan for help.", "REQUEST", "made a request", "KGZ", "KAZ"),
])
def test_events_light_verb_carries_noun_event(event_of, sentence, event_type, trigger, actor, recipient):
    event = event_of(sentence, event_type)
    assert event.trigger.text == trigger
    assert (_countries(event.actor), _countries(event.recipient)) == ({actor}, {recipient})


@pytest.mark.parametrize("sentence, countries", [
    pytest.param("The Maldives asked India to withdraw its troops.", {"IND"}),
    pytest.param("Washington urged Israel to withdraw its forces from Rafah.", {"ISR"}),
    ("The African Union called for Ethiopian troops to withdraw from Somalia.", {"ETH"}),
])
def test_events_requested_action_belongs_to_the_addressee(event_of, sentence, countries):
    assert _countries(event_of(sentence, "RETREAT").actor) == countries


@pytest.mark.parametrize("sentence, event_type", [
    ("Britain deployed 800 troops to Estonia.", "MOBILIZE"),
    pytest.param("Canada imposed sanctions on Iran.", "SANCTION"),
    pytest.param("Ethiopia apologized to Eritrea for the border incident.", "CONCEDE"),
])
def test_events_location_is_where_it_happens(event_of, sentence, event_type):
    expected = {"MOBILIZE": ["Estonia"]}.get(event_type, [])
    assert [p.name for p in event_of(sentence, event_type).location] == expected


# --- size, date, attribution --------------------------------------------------------------

@pytest.mark.parametrize("sentence, event_type, value, unit", [
    ("The Romanian army sent 3,000 troops to the Moldovan border.", "MOBILIZE", 3000, "troop"),
    ("Nigerian police arrested 40 protesters in Lagos.", "COERCE", 40, "protester"),
    ("Sri Lanka expelled two Indian diplomats on Monday.", "SANCTION", 2, "diplomat"),
    ("Gunmen killed 12 villagers in northern Nigeria.", "ASSAULT", 12, "villager"),
])
def test_events_size(event_of, sentence, event_type, value, unit):
    size = event_of(sentence, event_type).size
    assert size.value == value
    assert size.unit.rstrip("s") == unit


@pytest.mark.parametrize("sentence, event_type, value", [
    ("Sri Lanka expelled two Indian diplomats on Monday.", "SANCTION", "2024-03-04"),
    ("Turkish troops shelled a village near the Syrian border on Sunday.", "ASSAULT", "2024-03-03"),
    ("Serbian troops attacked a border post in Kosovo on Thursday, Reuters reports.", "ASSAULT", "2024-02-29"),
    ("Poland will deploy 1,500 soldiers to the Belarusian border on Friday.", "MOBILIZE", "2024-03-08"),
    ("Britain deployed 800 troops to Estonia.", "MOBILIZE", None),
])
def test_events_date_normalized_against_published(event_of, sentence, event_type, value):
    date = event_of(sentence, event_type).date
    assert (date.value if date else None) == value


@pytest.mark.parametrize("sentence, event_type, source, cue", [
    ("Serbian troops attacked a border post in Kosovo on Thursday, Reuters reports.", "ASSAULT",
     "Reuters", "reports"),
    ("Hungarian police detained 15 migrants near the Serbian border, the BBC reported.", "COERCE",
     "BBC", "reported"),
])
def test_events_attribution_to_an_outlet(event_of, sentence, event_type, source, cue):
    attribution = event_of(sentence, event_type).attribution
    assert (attribution.source.name, attribution.source.sector, attribution.cue) == (source, "MED", cue)


def test_events_no_attribution_without_a_source(event_of):
    assert event_of("Britain deployed 800 troops to Estonia.", "MOBILIZE").attribution is None


# --- merging ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, event_type", [
    ("Spain deployed 500 soldiers to Latvia on Monday. "
     "The deployment was announced by the Spanish defence ministry.", "MOBILIZE"),
    ("Greek police arrested 25 protesters in Athens on Sunday. "
     "The arrests followed clashes near parliament.", "COERCE"),
    ("Japan sent 300 soldiers to the Philippines. The soldiers were sent to help with flood relief.", "MOBILIZE"),
])
def test_events_same_event_twice_is_one_event(coded, text, event_type):
    events = [e for e in coded(text).events if e.event_type == event_type]
    assert len(events) == 1
    assert len(events[0].evidence) == 2
    assert events[0].evidence[0].start < events[0].evidence[1].start


@pytest.mark.parametrize("text, expected", [
    ("Germany sent 2,000 soldiers to Lithuania. It also sent 1,000 soldiers to Poland.",
     {(2000, "Lithuania"), (1000, "Poland")}),
    pytest.param("The Pentagon deployed 3,000 troops, sending 2,000 to Poland and 1,000 to Romania.",
                 {(2000, "Poland"), (1000, "Romania")}),
    pytest.param("Italy sent 2,000 troops to Kosovo, 1,000 to Bosnia.",
                 {(2000, "Kosovo"), (1000, "Bosnia and Herzegovina")}),
    pytest.param("Germany sent 2,000 soldiers to Lithuania and 1,000 soldiers to Poland.",
                 {(2000, "Lithuania"), (1000, "Poland")}),
])
def test_events_breakdown_is_separate_events(coded, text, expected):
    found = {(e.size.value if e.size else None, p.name)
             for e in coded(text).events if e.event_type == "MOBILIZE" and len(e.location) == 1
             for p in e.location}
    assert expected <= found


def test_events_are_event_records(coded):
    assert all(isinstance(e, Event) for e in coded("Canada imposed sanctions on Iran.").events)


@pytest.mark.parametrize(("text", "event_type", "countries"), [
    ("Ethiopian and Somali officials met in Ankara on Monday. The two agreed to resume talks next month.",
     "AGREE", {"ETH", "SOM"}),
    ("Armenia and Azerbaijan signed the deal on Friday. Under it, both countries would withdraw troops "
     "from the border.", "RETREAT", {"ARM", "AZE"}),
])
def test_events_reciprocal_actors_are_the_two_states_named_before(coded, text, event_type, countries):
    event = next(e for e in coded(text).events if e.event_type == event_type)
    assert _countries(event.actor) == countries


def test_events_it_and_they_take_the_last_subject_and_also_marks_a_new_event(coded):
    record = coded("Rebels attacked a police post in the north on Monday. They also ambushed an army convoy.")
    assaults = [e for e in record.events if e.event_type == "ASSAULT"]
    assert [e.trigger.text for e in assaults] == ["attacked", "ambushed"]
    assert [a.name for a in assaults[1].actor] == ["Rebels"]


@pytest.mark.parametrize(("text", "event_type", "countries"), [
    ("Manila summoned the Chinese ambassador to protest the incident.", "ACCUSE", {"PHL"}),
    ("Thousands of farmers protested in Paris on Monday.", "PROTEST", {"FRA"}),
])
def test_events_government_protest_is_accuse_and_partitives_name_their_group(coded, text, event_type, countries):
    events = coded(text).events
    assert [e.event_type for e in events] == [event_type]
    assert _countries(events[0].actor) == countries
