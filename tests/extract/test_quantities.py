"""QUANTITIES: numbers and what they count, with vague counts, money and hedges."""

from __future__ import annotations

import pytest

from eventwire.extract.quantities import extract_quantities


def by_text(nlp, sentence):
    return {q.text: q for q in extract_quantities(nlp(sentence))}


@pytest.mark.parametrize("sentence,text,value,value_max,unit,approximate", [
    ("The ministry sent 3,000 troops to the border.", "3,000 troops", 3000, None, "troops", False),
    ("Commanders moved 2,000 tanks north and another 1,000 south.", "1,000", 1000, None, "tank", False),
    ("The alliance put 8,500 US troops on alert.", "8,500 US troops", 8500, None, "troops", False),
    ("There are 40,000 international troops in the region.", "40,000 international troops",
     40000, None, "troops", False),
    ("Several thousand troops crossed the river.", "Several thousand troops", 2000, 9000, "troops", True),
    ("Dozens of protesters gathered at the gate.", "Dozens of protesters", 24, 99, "protesters", True),
    ("Hundreds of residents fled the town.", "Hundreds of residents", 200, 999, "people", True),
    ("Tens of thousands of people marched.", "Tens of thousands of people", 20000, 99999, "people", True),
    ("At least 12 people were killed in the blast.", "12 people", 12, None, "people", True),
    ("About 300 police officers were deployed.", "300 police officers", 300, None, "police", True),
    ("The estimated 30,000 Brazilians abroad were urged to return.", "30,000 Brazilians",
     30000, None, "people", True),
    ("The city hosts 1.2 million refugees.", "1.2 million refugees", 1200000, None, "refugees", False),
    ("The firm raised $1.2bn last year.", "$1.2bn", 1.2e9, None, "USD", False),
    ("The firm raised $1.2 billion last year.", "$1.2 billion", 1.2e9, None, "USD", False),
    ("Brussels set aside €50m for repairs.", "€50m", 5e7, None, "EUR", False),
    ("The club paid £3 million for him.", "£3 million", 3e6, None, "GBP", False),
    ("Tokyo approved 1.5 trillion yen in spending.", "1.5 trillion yen", 1.5e12, None, "JPY", False),
    ("The bank lent 500 million euros.", "500 million euros", 5e8, None, "EUR", False),
    ("Turnout fell 12% in the capital.", "12%", 12, None, "percent", False),
    ("Support rose to 41 per cent.", "41 per cent", 41, None, "percent", False),
    ("Three soldiers were wounded.", "Three soldiers", 3, None, "troops", False),
    ("Twenty-five vehicles were burned.", "Twenty-five vehicles", 25, None, "vehicle", False),
    ("The navy shot down a dozen drones.", "a dozen drones", 12, None, "drone", False),
    ("Police made 300-odd arrests.", "300-odd arrests", 300, None, "arrest", True),
    ("Between 2,000-3,000 troops and $2-3bn were pledged.", "2,000-3,000 troops", 2000, 3000, "troops", False),
    ("Between 2,000-3,000 troops and $2-3bn were pledged.", "$2-3bn", 2e9, 3e9, "USD", False),
    ("The budget of 2,500,000,000,000 yen is the largest.", "2,500,000,000,000 yen", 2.5e12, None, "JPY", False),
    ("Some 3\u00a0000 soldiers left.", "3\u00a0000 soldiers", 3000, None, "troops", True),
    ("The army has 3\u202f500 tanks.", "3\u202f500 tanks", 3500, None, "tank", False),
    ("Output changed by \u22125% this quarter.", "\u22125%", -5, None, "percent", False),
    ("The index rose from 200 to 300 points.", "200", 200, None, "point", False),
])
def test_quantities_reads_value_unit_and_hedges(nlp, sentence, text, value, value_max, unit, approximate):
    quantity = by_text(nlp, sentence)[text]
    assert (quantity.value, quantity.value_max, quantity.unit, quantity.approximate) == (
        pytest.approx(value), None if value_max is None else pytest.approx(value_max), unit, approximate)


@pytest.mark.parametrize("sentence", [
    "The law was passed in 2022.",
    "The strike began on February 1.",
    "She came first in the race.",
    "A 62-year-old man was arrested.",
    "Maria Lopez, 54, was released.",
    "The train leaves at 10:30 and arrives at 8 pm.",
    "Call 555-123-4567 or +44 20 7946 0958 for details.",
    "One of the guards opened the gate.",
    "No one was hurt.",
    "Resolution 2231 was adopted.",
    "The home side won 3-1.",
    "She has lived there for three years.",
])
def test_quantities_ignores_years_dates_ordinals_ages_times_and_ids(nlp, sentence):
    assert extract_quantities(nlp(sentence)) == []


def test_quantities_offsets_index_the_text_in_order(nlp):
    doc = nlp("Rebels seized 40 trucks; 12 people died and another 3 were hurt, about 5% of them.")
    quantities = extract_quantities(doc)
    assert [q.text for q in quantities] == ["40 trucks", "12 people", "3", "5%"]
    assert all(doc.text[q.start:q.end] == q.text for q in quantities)
    assert quantities[2].unit == "people"


def test_quantities_ellipsis_does_not_cross_sentences(nlp):
    doc = nlp("The army sent 500 tanks.\nLater another 200 followed.")
    assert [(q.text, q.unit) for q in extract_quantities(doc)] == [("500 tanks", "tank"), ("200", None)]


def test_quantities_values_are_exact_ints_for_counts(nlp):
    quantity = extract_quantities(nlp("It has 1,234,567 voters."))[0]
    assert quantity.value == 1234567 and isinstance(quantity.value, int)


def test_quantities_huge_numbers_stay_floats(nlp):
    quantity = extract_quantities(nlp("Debt reached 90,000,000,000,000,000 dollars."))[0]
    assert quantity.value == pytest.approx(9e16) and quantity.unit == "USD"
