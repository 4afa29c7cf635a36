"""ACTORS stage: wire-style sentences written for these tests, each row one behaviour."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.extract.actors import distinct_entities, extract_actors, load_actor_kb


@pytest.fixture(scope="module")
def kb():
    return load_actor_kb()


def _find(actors, text):
    """The first actor whose text is ``text``, as (name, country, sector, kind)."""
    for actor in actors:
        if actor.text == text:
            return actor.name, actor.country, actor.sector, actor.kind
    return None


def _run(nlp, kb, sentence):
    doc = nlp(sentence)
    actors = extract_actors(doc, kb)
    for actor in actors:
        assert doc.text[actor.start:actor.end] == actor.text
    return actors


@pytest.mark.parametrize("sentence, text, expected", [
    ("Russia denied any plan to cross the border.", "Russia", ("Russia", "RUS", "GOV", "state")),
    ("The U.S. imposed new tariffs on steel.", "U.S.", ("United States", "USA", "GOV", "state")),
    ("The US and its partners met in Oslo.", "US", ("United States", "USA", "GOV", "state")),
    ("America will answer any attack, the senator said.", "America", ("United States", "USA", "GOV", "state")),
    ("Britain recalled its envoy on Friday.", "Britain", ("United Kingdom", "GBR", "GOV", "state")),
    ("The UK said the vote was unlawful.", "UK", ("United Kingdom", "GBR", "GOV", "state")),
    ("South Korea fired warning shots at the boat.", "South Korea", ("South Korea", "KOR", "GOV", "state")),
    ("Ivory Coast closed its northern border.", "Ivory Coast", ("Ivory Coast", "CIV", "GOV", "state")),
    ("Iran rejected the proposal within hours.", "Iran", ("Iran", "IRN", "GOV", "state")),
    ("Syria accused Turkey of shelling a village.", "Turkey", ("Turkey", "TUR", "GOV", "state")),
    ("China summoned the envoy.", "China", ("China", "CHN", "GOV", "state")),
    ("Burkina Faso expelled two diplomats.", "Burkina Faso", ("Burkina Faso", "BFA", "GOV", "state")),
])
def test_actors_countries(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Moscow said the talks had failed.", "Moscow", ("Russia", "RUS", "GOV", "state")),
    ("Washington and Beijing agreed to resume talks.", "Beijing", ("China", "CHN", "GOV", "state")),
    ("Washington and Beijing agreed to resume talks.", "Washington", ("United States", "USA", "GOV", "state")),
    ("Kiev rejected the claim on Sunday.", "Kiev", ("Ukraine", "UKR", "GOV", "state")),
    ("Kyiv has asked for more air defence.", "Kyiv", ("Ukraine", "UKR", "GOV", "state")),
    ("The Kremlin denied the report.", "Kremlin", ("Kremlin", "RUS", "GOV", "organization")),
    ("The White House declined to comment.", "White House", ("White House", "USA", "GOV", "organization")),
    ("Downing Street said the call was constructive.", "Downing Street", ("Downing Street", "GBR", "GOV", "organization")),
])
def test_actors_capitals_and_seats(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text", [
    ("The minister flew to Moscow on Monday.", "Moscow"),
    ("Talks were held in Beijing last week.", "Beijing"),
])
def test_actors_capital_as_place_is_no_actor(nlp, kb, sentence, text):
    assert _find(_run(nlp, kb, sentence), text) is None


@pytest.mark.parametrize("sentence, text, expected", [
    ("Michael Jordan played on Sunday.", "Michael Jordan", ("Michael Jordan", None, None, "person")),
    ("George Washington crossed the river.", "George Washington", ("George Washington", None, None, "person")),
])
def test_actors_country_words_inside_a_person_name(nlp, kb, sentence, text, expected):
    actors = _run(nlp, kb, sentence)
    assert _find(actors, text) == expected
    assert all(a.kind != "state" for a in actors)


@pytest.mark.parametrize("sentence, text, expected", [
    ("Russian president Vladimir Putin signed the decree.", "Vladimir Putin", ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Secretary of State Antony Blinken arrived in Cairo.", "Antony Blinken", ("Antony Blinken", "USA", "GOV", "person")),
    ("French foreign minister Jean-Marc Delorme said Paris was ready.", "Jean-Marc Delorme", ("Jean-Marc Delorme", "FRA", "GOV", "person")),
    ("Kenyan defence minister Daniel Otieno visited the base.", "Daniel Otieno", ("Daniel Otieno", "KEN", "GOV", "person")),
    ("Kenyan army commander Peter Mwangi visited the base.", "Peter Mwangi", ("Peter Mwangi", "KEN", "MIL", "person")),
    ("Senator Marco Rubio said the bill would pass.", "Marco Rubio", ("Marco Rubio", "USA", "LEG", "person")),
    ("Chile's Defense Department said the drill was over.", "Chile's Defense Department", ("Chile's Defense Department", "CHL", "MIL", "organization")),
    ("TEHRAN - Officials met on Sunday.", "TEHRAN", ("Iran", "IRN", "GOV", "state")),
    ("Tomas Varga, the Slovak interior minister, said the border was shut.", "Tomas Varga", ("Tomas Varga", "SVK", "GOV", "person")),
    ("The Polish defence minister, Marek Zielinski, said troops would stay.", "Marek Zielinski", ("Marek Zielinski", "POL", "GOV", "person")),
    ("Sen. Tomas Ruiz said the bill would pass.", "Tomas Ruiz", ("Tomas Ruiz", None, "LEG", "person")),
    ("Lt. Gen. Joseph Okello of Uganda's army spoke.", "Joseph Okello", ("Joseph Okello", "UGA", "MIL", "person")),
    ("Union president Rosa Quilca of Peru said the strike would go on.", "Rosa Quilca", ("Rosa Quilca", "PER", "LAB", "person")),
    ("Hamas spokesman Basem Naim rejected the offer.", "Basem Naim", ("Basem Naim", "PSE", "REB", "person")),
])
def test_actors_titles_and_appositions(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Israeli troops entered the town at dawn.", "Israeli troops", ("Israeli troops", "ISR", "MIL", "group")),
    ("US officials said the plan was ready.", "US officials", ("US officials", "USA", "GOV", "group")),
    ("Ukrainian police arrested two men.", "Ukrainian police", ("Ukrainian police", "UKR", "COP", "group")),
    ("The Pentagon sent more jets on Tuesday.", "Pentagon", ("Pentagon", "USA", "MIL", "organization")),
    ("Nigeria's defence ministry said the raid worked.", "Nigeria's defence ministry", ("Nigeria's defence ministry", "NGA", "MIL", "organization")),
    ("The Kenyan Ministry of Defence said it was ready.", "The Kenyan Ministry of Defence", ("Kenyan Ministry of Defence", "KEN", "MIL", "organization")),
    ("Russia's army pulled back from the river.", "Russia's army", ("Russia's army", "RUS", "MIL", "organization")),
    ("The decision reassured the country's European allies.", "European allies", ("European allies", None, "GOV", "group")),
    ("Protesters gathered outside parliament.", "Protesters", ("Protesters", None, "CVL", "group")),
    ("Rebels attacked a convoy near the border.", "Rebels", ("Rebels", None, "REB", "group")),
    ("Judges ruled that the law was void.", "Judges", ("Judges", None, "JUD", "group")),
    ("Lawmakers voted to extend the mission.", "Lawmakers", ("Lawmakers", None, "LEG", "group")),
    ("Journalists were detained at the airport.", "Journalists", ("Journalists", None, "JRN", "group")),
    ("Refugees crossed the river overnight.", "Refugees", ("Refugees", None, "REF", "group")),
    ("Pro-Russian separatists shelled the town.", "Pro-Russian separatists", ("Pro-Russian separatists", None, "REB", "group")),
    ("A senior police official said the raid was lawful.", "A senior police official", ("senior police official", None, "COP", "person")),
    ("UN peacekeepers patrolled the buffer zone.", "UN peacekeepers", ("UN peacekeepers", "IGO", "MIL", "group")),
    ("Some 400 South Korean troops arrived.", "South Korean troops", ("South Korean troops", "KOR", "MIL", "group")),
])
def test_actors_common_noun_agents(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Antony Blinken met his counterpart. Blinken later said the talks went well.", "Blinken", ("Antony Blinken", "USA", "GOV", "person")),
    ("Estonian foreign minister Kadri Tamm spoke on Tuesday. The minister said the sanctions would stay.", "The minister", ("Kadri Tamm", "EST", "GOV", "person")),
    ("President Joe Biden called on Monday. The president said the deal was close.", "The president", ("Joe Biden", "USA", "GOV", "person")),
    ("Maria Kowalczyk, a Polish diplomat, arrived on Monday. Kowalczyk said the border would reopen.", "Kowalczyk", ("Maria Kowalczyk", "POL", "GOV", "person")),
    ("A senior defence official spoke to reporters in Washington. The official said more units were ready.", "The official", ("senior defence official", None, "MIL", "person")),
])
def test_actors_carry_over(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Vladimir Putin spoke on Monday. He said the talks had stalled.", "He", ("Vladimir Putin", "RUS", "GOV", "person")),
    ("'We are ready,' she said after Kaja Kallas left.", None, None),
    ("The weather was cold and wet. He said nothing more.", "He", None),
    ("Antony Blinken spoke by phone with Sergey Lavrov. He said it was useful.", "He", ("Antony Blinken", "USA", "GOV", "person")),
    ("Emmanuel Macron met Olaf Scholz in Berlin on Friday. He later said the talks went well.", "He", ("Emmanuel Macron", "FRA", "GOV", "person")),
    ("Xi Jinping met envoys. The rain kept falling. Roads were shut. Shops closed. He left.", "He", None),
])
def test_actors_pronouns(nlp, kb, sentence, text, expected):
    actors = _run(nlp, kb, sentence)
    if text is None:
        assert all(a.text.lower() not in ("he", "she") or a.name for a in actors)
    else:
        assert _find(actors, text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("NATO will send jets to the Baltic.", "NATO", ("NATO", "IGO", "MIL", "organization")),
    ("The UN Security Council met in an emergency session.", "UN Security Council", ("UN Security Council", "IGO", "GOV", "organization")),
    ("The European Union agreed new sanctions.", "European Union", ("European Union", "IGO", "GOV", "organization")),
    ("The EU agreed new sanctions.", "EU", ("European Union", "IGO", "GOV", "organization")),
    ("The African Union suspended the junta.", "African Union", ("African Union", "IGO", "GOV", "organization")),
    ("The OSCE sent monitors.", "OSCE", ("OSCE", "IGO", "GOV", "organization")),
    ("The WHO warned of an outbreak.", "WHO", ("World Health Organization", "IGO", "HLH", "organization")),
    ("The IAEA said inspectors had been barred.", "IAEA", ("International Atomic Energy Agency", "IGO", "GOV", "organization")),
])
def test_actors_igos(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Hamas fighters fired rockets overnight.", "Hamas", ("Hamas", "PSE", "REB", "organization")),
    ("Hezbollah said it had hit a base.", "Hezbollah", ("Hezbollah", "LBN", "REB", "organization")),
    ("The Taliban took the district.", "Taliban", ("Taliban", "AFG", "REB", "organization")),
    ("Islamic State claimed the bombing.", "Islamic State", ("Islamic State", None, "REB", "organization")),
    ("ISIS claimed the bombing.", "ISIS", ("Islamic State", None, "REB", "organization")),
    ("Al-Shabaab attacked a hotel.", "Al-Shabaab", ("al-Shabaab", "SOM", "REB", "organization")),
    ("The Houthis fired a drone at a tanker.", "Houthis", ("Houthis", "YEM", "REB", "organization")),
    ("The Wagner Group pulled out of the town.", "Wagner Group", ("Wagner Group", "RUS", "MIL", "organization")),
    ("M23 seized the airport.", "M23", ("M23", "COD", "REB", "organization")),
    ("Boko Haram kidnapped students.", "Boko Haram", ("Boko Haram", "NGA", "REB", "organization")),
])
def test_actors_armed_groups(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("The plan was first reported by Reuters.", "Reuters", ("Reuters", "GBR", "MED", "organization")),
    ("The Associated Press obtained the letter.", "Associated Press", ("Associated Press", "USA", "MED", "organization")),
    ("AFP saw the document.", "AFP", ("Agence France-Presse", "FRA", "MED", "organization")),
    ("Al Jazeera broadcast the footage.", "Al Jazeera", ("Al Jazeera", "QAT", "MED", "organization")),
    ("TASS quoted an unnamed source.", "TASS", ("TASS", "RUS", "MED", "organization")),
    ("Xinhua carried the statement.", "Xinhua", ("Xinhua", "CHN", "MED", "organization")),
    ("The New York Times first reported the talks.", "New York Times", ("The New York Times", "USA", "MED", "organization")),
    ("The Wall Street Journal said the deal was off.", "Wall Street Journal", ("The Wall Street Journal", "USA", "MED", "organization")),
    ("NBC News said the meeting lasted an hour.", "NBC News", ("NBC News", "USA", "MED", "organization")),
    ("The BBC aired the interview.", "BBC", ("BBC", "GBR", "MED", "organization")),
])
def test_actors_outlets(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Philippine vessels sailed past the shoal.", "Philippine", ("Philippines", "PHL", "GOV", "state")),
    ("The deal angered South Korean carmakers.", "South Korean", ("South Korea", "KOR", "GOV", "state")),
    ("Israeli troops entered the town.", "Israeli", ("Israel", "ISR", "GOV", "state")),
])
def test_actors_nationality_adjective_is_its_state(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("The European Union met on Friday. The bloc agreed to extend the sanctions.", "The bloc", ("European Union", "IGO", "GOV", "organization")),
    ("The European Commission proposed tariffs. The Commission said talks would go on.", "The Commission", ("European Commission", "IGO", "GOV", "organization")),
    ("Boko Haram raided a village. The group later released a video.", "The group", ("Boko Haram", "NGA", "REB", "organization")),
    ("The IAEA said its inspectors were barred. The agency gave no details.", "The agency", ("International Atomic Energy Agency", "IGO", "GOV", "organization")),
])
def test_actors_organization_referred_back(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


def test_actors_unresolved_reference_noun_is_dropped(nlp, kb):
    assert _find(_run(nlp, kb, "The bloc was quiet on Sunday."), "The bloc") is None


@pytest.mark.parametrize("sentence, text, expected", [
    ("Labour Minister Jorge Fuentes met the union.", "Jorge Fuentes", ("Jorge Fuentes", None, "GOV", "person")),
    ("Congolese Foreign Minister Therese Anne Wagner spoke.", "Therese Anne Wagner", ("Therese Anne Wagner", "COD", "GOV", "person")),
    ("A spokesperson for the UN said aid was blocked.", "A spokesperson", ("spokesperson", "IGO", "GOV", "person")),
    ("Japan conveyed its concerns to Beijing on Friday.", "Beijing", ("China", "CHN", "GOV", "state")),
    ("Congo accused Rwanda of backing the rebels.", "Congo", ("Democratic Republic of the Congo", "COD", "GOV", "state")),
    ("Ahmed Warsame, Somalia's envoy, arrived.", "Ahmed Warsame", ("Ahmed Warsame", "SOM", "GOV", "person")),
])
def test_actors_names_inside_titles_and_people(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


def test_actors_dominant_state_fills_a_missing_country(nlp, kb):
    text = ("Chile said on Monday it would act. Chile's government met. Chilean officials said the plan was set. "
            "A senior police official said the raid was lawful.")
    assert _find(_run(nlp, kb, text), "A senior police official") == ("senior police official", "CHL", "COP", "person")


@pytest.mark.parametrize("sentence, text, expected", [
    ("Peru's government said on Monday that protesters had blocked the highway.", "protesters", ("protesters", "PER", "CVL", "group")),
    ("Peru's government met Minera Quispe on Monday.", "Minera Quispe", ("Minera Quispe", "PER", None, "organization")),
    ("Peru's government met the miners. Union president Rosa Huaman said no deal was near.", "Rosa Huaman", ("Rosa Huaman", "PER", "LAB", "person")),
    ("Georgia said riot police had moved in overnight.", "riot police", ("riot police", "GEO", "COP", "group")),
])
def test_actors_dominant_state_for_agents_people_and_organizations(nlp, kb, sentence, text, expected):
    assert _find(_run(nlp, kb, sentence), text) == expected


def test_actors_refugees_keep_no_country(nlp, kb):
    assert _find(_run(nlp, kb, "Poland said refugees were arriving."), "refugees")[1] is None


def test_actors_no_dominant_state_when_unclear(nlp, kb):
    text = "Chile and Peru said on Monday they would talk. A senior police official said the raid was lawful."
    assert _find(_run(nlp, kb, text), "A senior police official")[1] is None


def test_actors_in_text_order_with_longer_first(nlp, kb):
    actors = _run(nlp, kb, "US officials said Hamas fighters had left.")
    assert [(a.start, -a.end) for a in actors] == sorted((a.start, -a.end) for a in actors)
    assert [a.text for a in actors][:2] == ["US officials", "US"]


def test_actors_distinct_entities_first_mention_no_pronouns(nlp, kb):
    text = "Vladimir Putin spoke. He said Russia was ready. Putin added that Russia would wait."
    entities = distinct_entities(_run(nlp, kb, text))
    assert [(e.text, e.name) for e in entities] == [("Vladimir Putin", "Vladimir Putin"), ("Russia", "Russia")]


@pytest.mark.parametrize("phrase, expected", [
    ("Kremlin", ("Kremlin", "RUS", "GOV", "organization")),
    ("the Kremlin", ("Kremlin", "RUS", "GOV", "organization")),
    ("Russian foreign minister", ("Russian foreign minister", "RUS", "GOV", "person")),
    ("US officials", ("US officials", "USA", "GOV", "group")),
    ("South Korean troops", ("South Korean troops", "KOR", "MIL", "group")),
    ("European allies", ("European allies", None, "GOV", "group")),
    ("Pentagon officials", ("Pentagon officials", "USA", "MIL", "group")),
    ("the Wall Street Journal", ("The Wall Street Journal", "USA", "MED", "organization")),
    ("Blinken", ("Antony Blinken", "USA", "GOV", "person")),
    ("protesters", ("protesters", None, "CVL", "group")),
    ("Moscow", ("Russia", "RUS", "GOV", "state")),
    ("Russian president Vladimir Putin", ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Foreign Minister Sergey Lavrov", ("Sergey Lavrov", "RUS", "GOV", "person")),
    ("French foreign minister Jean Dupont", ("Jean Dupont", "FRA", "GOV", "person")),
    ("Putin's spokesman", ("Putin's spokesman", "RUS", "GOV", "person")),
])
def test_actors_kb_lookup(kb, phrase, expected):
    actor = kb.lookup(phrase)
    assert (actor.name, actor.country, actor.sector, actor.kind) == expected
    assert (actor.text, actor.start, actor.end) == (phrase, 0, len(phrase))


def test_actors_kb_lookup_unknown_is_none(kb):
    assert kb.lookup("a bowl of soup") is None


@pytest.mark.parametrize("word, code", [
    ("Russian", "RUS"), ("Russia", "RUS"), ("Moscow", "RUS"), ("US", "USA"), ("U.S.", "USA"),
    ("American", "USA"), ("Kiev", "UKR"), ("Kyiv", "UKR"), ("British", "GBR"), ("Ivorian", "CIV"),
    ("South Korean", "KOR"), ("Russia's", "RUS"), ("Americans", "USA"), ("Tuvalu", "TUV"), ("soup", None),
])
def test_actors_kb_country_of(kb, word, code):
    assert kb.country_of(word) == code


def test_actors_every_iso_country_is_a_state(kb):
    import pycountry

    for country in pycountry.countries:
        assert country.alpha_3 in kb.country_names


def test_actors_user_extra_file(nlp, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "# test fixture, written for eventwire tests\n"
        "people:\n"
        "  - {name: Ilse Brandvold, country: NOR, role: defence minister, sector: MIL}\n"
        "organizations:\n"
        "  - {name: Northern Shield Brigade, aliases: [NSB], country: NOR, sector: MIL}\n",
        encoding="utf-8",
    )
    kb = load_actor_kb(extra_files=(str(extra),))
    actors = _run(nlp, kb, "Ilse Brandvold said the NSB would deploy. Brandvold gave no date.")
    assert _find(actors, "Ilse Brandvold") == ("Ilse Brandvold", "NOR", "MIL", "person")
    assert _find(actors, "NSB") == ("Northern Shield Brigade", "NOR", "MIL", "organization")
    assert _find(actors, "Brandvold") == ("Ilse Brandvold", "NOR", "MIL", "person")
    assert load_actor_kb(extra_files=(str(extra),)) is kb


@pytest.mark.parametrize("body, line, detail", [
    ("people:\n  - {name: A B, country: RUS}\n  - {name: C D, country: XYZ}\n", 3, "'XYZ' is not an ISO"),
    ("organizations:\n  - {name: Bad Org, sector: WIZ}\n", 2, "unknown sector 'WIZ'"),
    ("organizations:\n  - {aliases: [X], sector: GOV}\n", 2, "lacks 'name'"),
    ("organizations:\n  - {name: Org, colour: red}\n", 2, "unknown field 'colour'"),
    ("agents:\n  - {sector: GOV, kind: crowd, words: [folk]}\n", 2, "unknown kind 'crowd'"),
    ("planets:\n  - {name: Mars}\n", 1, "unknown section 'planets'"),
    ("people:\n  - {name: A B, country: RUS}\n  - {name: A B, country: RUS}\n", 3, "duplicate people entry 'A B' (first at line 2)"),
    ("people:\n  - {name: A B, country: RUS\n", 3, "not valid YAML"),
    ("countries:\n  - {code: RUS, name: Russia, aliases: Moscow}\n", 2, "'aliases' must be a list"),
])
def test_actors_bad_data_file_names_file_and_line(tmp_path, body, line, detail):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_actor_kb(extra_files=(str(bad),))
    assert str(caught.value).startswith(f"{bad}:{line}: ")
    assert detail in str(caught.value)


def test_actors_missing_or_empty_extra_file(tmp_path):
    with pytest.raises(DataFileError, match=r"nowhere\.yaml:0: cannot read the file"):
        load_actor_kb(extra_files=(str(tmp_path / "nowhere.yaml"),))
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"empty\.yaml:1: the file must be a mapping"):
        load_actor_kb(extra_files=(str(empty),))


def test_actors_packaged_files_open_with_source_and_licence():
    from eventwire.extract.actor_kb import DATA_DIR, PACKAGED

    for name in PACKAGED:
        head = (DATA_DIR / name).read_text("utf-8").splitlines()[:6]
        assert head[0].startswith("#")
        assert any("MIT" in line for line in head if line.startswith("#"))


def test_actors_seed_article_resolves(nlp, kb, shared_dir):
    text = (shared_dir / "spec" / "examples" / "seed-article.txt").read_text("utf-8")
    entities = {a.name: (a.country, a.sector, a.kind) for a in distinct_entities(_run(nlp, kb, text))}
    assert entities["United States"] == ("USA", "GOV", "state")
    assert entities["Pentagon"] == ("USA", "MIL", "organization")
    for person in ("Vladimir Putin", "Antony Blinken"):
        assert entities[person] == ("USA" if person == "Antony Blinken" else "RUS", "GOV", "person")
    assert entities["Sergey Lavrov"] == ("RUS", "GOV", "person")
    assert entities["NATO"][0] == "IGO"
    for outlet in ("CNN", "NBC News", "The Wall Street Journal"):
        assert entities[outlet] == ("USA", "MED", "organization")
