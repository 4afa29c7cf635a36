"""TIMES: date expressions found and normalised against the publication date."""

from __future__ import annotations

import pytest

from eventwire.errors import MalformedInput
from eventwire.extract.times import extract_times, normalize_time, parse_published

WEDNESDAY = "2022-02-02"  # a Wednesday in ISO week 5


def found(nlp, sentence, published):
    return {t.text: (t.value, t.precision) for t in extract_times(nlp(sentence), published)}


@pytest.mark.parametrize("sentence,text,value,precision", [
    ("The minister resigned yesterday after the vote.", "yesterday", "2022-02-01", "day"),
    ("The envoy said yesterday, February 1, that the border stayed shut.",
     "yesterday, February 1", "2022-02-01", "day"),
    ("Rebels shelled the airport on Monday.", "Monday", "2022-01-31", "day"),
    ("The two leaders spoke by phone last Tuesday.", "last Tuesday", "2022-02-01", "day"),
    ("A summit will open in Geneva next Tuesday.", "next Tuesday", "2022-02-08", "day"),
    ("Farmers blocked the motorway on Wednesday.", "Wednesday", "2022-02-02", "day"),
    ("The council voted in March to close the mine.", "March", "2021-03", "month"),
    ("The council will vote in March on the mine.", "March", "2022-03", "month"),
    ("The navy tested the ship in January.", "January", "2022-01", "month"),
    ("Police raided the office on March 3.", "March 3", "2021-03-03", "day"),
    ("The pact was signed on 3 March 2021 in Oslo.", "3 March 2021", "2021-03-03", "day"),
    ("The filing, dated 2021-03-03, was leaked.", "2021-03-03", "2021-03-03", "day"),
    ("Strikes spread across the region last week.", "last week", "2022-W04", "week"),
    ("Prices have risen this month, traders said.", "this month", "2022-02", "month"),
    ("Exports fell last month, the agency said.", "last month", "2022-01", "month"),
    ("The company was founded in 2019 by two engineers.", "2019", "2019", "year"),
    ("Guards fired on the crowd two days ago.", "two days ago", "2022-01-31", "day"),
    ("The ceasefire collapsed earlier this year.", "earlier this year", "2022", "approximate"),
    ("The mayor spoke to reporters this morning.", "this morning", "2022-02-02", "day"),
    ("Talks broke down three weeks ago.", "three weeks ago", "2022-W02", "week"),
])
def test_times_normalizes_against_published(nlp, sentence, text, value, precision):
    assert found(nlp, sentence, WEDNESDAY)[text] == (value, precision)


@pytest.mark.parametrize("sentence", [
    "She has lived there for three years.",
    "Aid will arrive in the next few days, officials hope.",
    "Little changed during this period.",
    "The plant is currently closed and is frequently inspected.",
    "The feud has gone on for decades.",
    "A 62-year-old man was detained.",
    "The bus runs every week.",
    "The crowd cheered loudly as the band played.",
])
def test_times_ignores_durations_frequencies_ages_and_vague_words(nlp, sentence):
    assert extract_times(nlp(sentence), WEDNESDAY) == []


@pytest.mark.parametrize("sentence,text,value", [
    ("The minister resigned yesterday.", "yesterday", None),
    ("Rebels shelled the airport on Monday.", "Monday", None),
    ("The pact was signed on 3 March 2021 in Oslo.", "3 March 2021", "2021-03-03"),
    ("The company was founded in 2019.", "2019", "2019"),
])
def test_times_without_published_resolves_only_absolute_dates(nlp, sentence, text, value):
    assert found(nlp, sentence, None)[text][0] == value


@pytest.mark.parametrize("published", ["yesterday", "2022-13-40", "02/02/2022", "2022"])
def test_times_malformed_published_raises(nlp, published):
    with pytest.raises(MalformedInput, match="YYYY-MM-DD"):
        extract_times(nlp("Troops left on Monday."), published)


@pytest.mark.parametrize("published,expected", [
    (None, None), ("", None), ("2022-02-02", "2022-02-02"), ("2022-02-02T09:30:00Z", "2022-02-02"),
])
def test_times_parse_published_accepts_dates_and_datetimes(published, expected):
    day = parse_published(published)
    assert (day.isoformat() if day else None) == expected


def test_times_offsets_index_the_text_in_order(nlp):
    doc = nlp("On Monday the army moved; last week it had massed, and in 2019 it trained.")
    times = extract_times(doc, WEDNESDAY)
    assert [t.text for t in times] == ["Monday", "last week", "2019"]
    assert all(doc.text[t.start:t.end] == t.text for t in times)


@pytest.mark.parametrize("text,published,value,precision", [
    ("yesterday", WEDNESDAY, "2022-02-01", "day"),
    ("Monday, March 3, 2021", WEDNESDAY, "2021-03-03", "day"),
    ("Feb. 5", WEDNESDAY, "2022-02-05", "day"),
    ("early December", "2013-03-22", "2013-12", "month"),
    ("last December", "2013-03-22", "2012-12", "month"),
    ("next March", "2013-03-22", "2014-03", "month"),
    ("March 2020", None, "2020-03", "month"),
    ("the 1990s", None, "199", "approximate"),
    ("last summer", "2013-03-22", "2012", "approximate"),
    ("the third quarter of 2020", None, "2020", "approximate"),
    ("a year ago", WEDNESDAY, "2021", "year"),
    ("the day before yesterday", WEDNESDAY, "2022-01-31", "day"),
    ("next week", WEDNESDAY, "2022-W06", "week"),
    ("February 30", WEDNESDAY, None, None),
    ("for three years", WEDNESDAY, None, None),
    ("recent weeks", WEDNESDAY, None, None),
    ("banana", WEDNESDAY, None, None),
    ("the 99th day", WEDNESDAY, None, None),
    ("12/03/2021", None, "2021-12-03", "day"),
])
def test_times_normalize_time_table(text, published, value, precision):
    assert normalize_time(text, published) == (value, precision)


@pytest.mark.parametrize("tense,value", [("past", "2021-11"), ("future", "2022-11"), (None, "2022-11")])
def test_times_month_year_follows_tense(tense, value):
    assert normalize_time("November", WEDNESDAY, tense=tense) == (value, "month")
