"""QUANTITIES: the numbers of an article and what they count ("3,000 troops", "$1.2bn").

Reads a parsed Doc (tokens, POS, dependencies, entities); writes ``Quantity`` records in
text order. Pure Python over one regex and the tokens (no dateparser), words in
``data/lexicons/units.yaml``. The choices, in the order they are applied:

1. A figure is digits (grouped by comma, space, no-break or thin space; a sign, U+2212
   included; a currency symbol; a glued scale as in "$1.2bn", "€50m"), number words
   ("three", "two hundred", "a dozen"), or a vague count ("dozens", "several thousand").
   "2,000 to 3,000" and "$2-3bn" are one figure with ``value_max``.
2. Not quantities: figures inside spaCy DATE, TIME or ORDINAL entities; a bare year
   (1000-2100 with nothing counted); ages ("62-year-old", "aged 62", "Smith, 62,");
   clock times, scores ("3-1"), phone numbers, identifiers ("Resolution 2231") and
   "one" used as a pronoun ("one of the", "no one").
3. Hedges and bounds ("about 300", "at least 12", "the estimated 30,000", "300 or so")
   keep the stated value, ``value_max`` null, ``approximate`` true. Vague counts take
   value..value_max from units.yaml ("dozens" 24..99), approximate true.
4. The unit is the counted noun after the figure, skipping modifiers ("8,500 US troops"
   -> troops; the text covers them), or after "of" ("dozens of protesters"); it is
   normalised by ``unit_groups`` (soldiers -> troops), demonyms and NORP entities become
   "people", any other noun its singular lemma ("tanks" -> tank). Money is an ISO 4217
   code, percentages "percent". A figure with no noun ("another 1,000") inherits the unit
   of the nearest preceding quantity in its sentence; its text is the figure alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..records import Quantity
from .quantity_words import Units, load_units

SKIPPED_ENTITIES = {"DATE", "TIME", "ORDINAL"}
NAME_ENTITIES = {"GPE", "ORG", "PERSON", "LOC", "FAC"}
HYPHENS = {"-", "–", "—", "‐"}
PHONE = re.compile(
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(\d{3}\)\s?\d{3}[-.]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b"
)
PAIRED = re.compile(r"\s*(?:to|and|or|-|–)\s*", re.I)
AGE_AFTER = re.compile(r"\s?[-‐]?\s?(?:years?|months?|weeks?|days?)[-‐ ]old\b", re.I)


@dataclass(slots=True)
class Figure:
    """A number found in the text, before its unit is looked for."""

    first: int          # first token
    after: int          # token after the figure (and its scale, percent or currency)
    start: int          # characters
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    approximate: bool = False
    kind: str = "digits"  # digits, words, vague


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity of ``doc`` in text order (see the module docstring for the rules)."""
    units = load_units()
    phones = [m.span() for m in PHONE.finditer(doc_text(doc))]
    figures = digit_figures(doc, units, phones)
    taken = {i for f in figures for i in range(f.first, f.after)}
    figures += word_figures(doc, units, taken)
    figures.sort(key=figure_start)
    quantities: list[Quantity] = []
    for number, figure in enumerate(figures):
        following = figures[number + 1] if number + 1 < len(figures) else None
        quantity = build_quantity(doc, figure, units, quantities, following)
        if quantity is not None:
            quantities.append(quantity)
    return joined_ranges(doc, quantities)


RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*$", re.I)


def joined_ranges(doc: Doc, quantities: list[Quantity]) -> list[Quantity]:
    """ "$1 million to $1.25 million", "between 5 and 7 percent": one quantity with value_max.

    Same unit, the second larger, only "to", a dash or (after "between") "and" between
    them; not after "from", where the two are a change ("rose from 200 to 300").
    """
    text, out = doc_text(doc), []
    for quantity in quantities:
        last = out[-1] if out else None
        if last is not None and ranged(text, last, quantity):
            out[-1] = Quantity(text=text[last.start:quantity.end], start=last.start, end=quantity.end,
                               value=last.value, value_max=quantity.value_max or quantity.value,
                               unit=last.unit, approximate=last.approximate)
        else:
            out.append(quantity)
    return out


def ranged(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether ``first`` and ``second`` are the two ends of one range (joined_ranges)."""
    gap = text[first.end:second.start]
    if first.value_max is not None or first.unit != second.unit or not RANGE_GAP.fullmatch(gap):
        return False
    if first.value is None or second.value is None or second.value <= first.value:
        return False
    before = text[:first.start].rstrip().lower()
    if before.endswith("from") and not re.search(r"\brang(?:e|es|ed|ing) from$", before):
        return False  # "rose from 200 to 300" is a change; "ranging from 200 to 300" a range
    return "and" not in gap.lower() or before.endswith("between")


def figure_start(figure: Figure) -> int:
    return figure.start


def number_value(match: re.Match, n: int, units: Units) -> float:
    """The value of part ``n`` of a figure match, sign and glued scale applied."""
    digits = re.sub(r"[,\u00a0\u202f\u2009 ]", "", match[f"num{n}"])
    value = float(digits) * units.suffixes.get((match[f"suf{n}"] or "").lower(), 1.0)
    return -value if match[f"sign{n}"] else value


def digit_figures(doc: Doc, units: Units, phones: list[tuple[int, int]]) -> list[Figure]:
    """Figures written in digits, with the scale, percent or currency words after them."""
    figures = []
    for match in units.figure.finditer(doc_text(doc)):
        if any(s < match.end() and match.start() < e for s, e in phones):
            continue
        if match["num2"] and changed_from(doc_text(doc)[:match.start()]):
            parts = [(match.start(), match.start("sep"), 1), (match.end("sep"), match.end(), 2)]
            figures += [f for f in (digit_figure(doc, match, units, *p) for p in parts) if f]
            continue
        figure = digit_figure(doc, match, units, match.start(), match.end(), 1)
        if figure is not None:
            figures.append(figure)
    return figures


def changed_from(before: str) -> bool:
    """ "from" just before a figure, not as in "ranging from": the two figures are a change."""
    before = before.rstrip().lower()
    return before.endswith("from") and not re.search(r"\brang(?:e|es|ed|ing) from$", before)


def digit_figure(doc: Doc, match: re.Match, units: Units, start: int, end: int, n: int) -> Figure | None:
    """Part ``n`` of a figure match (with the range of part 2 when it spans both)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    value = number_value(match, n, units)
    value_max = None
    if n == 1 and end == match.end() and match["num2"]:
        value_max = number_value(match, 2, units)
        if value_max <= value:
            return None  # a score ("3-1") or a dash between unrelated numbers
        if not match["suf1"] and match["suf2"]:
            value *= units.suffixes[match["suf2"].lower()]  # "$2-3bn"
    currency = match[f"cur{n}"] or (match["cur2"] if value_max is not None else None)
    figure = Figure(span.start, span.end, start, end, value, value_max,
                    units.currency_symbols.get(currency) if currency else None)
    return read_tail(doc, figure, units)


def read_tail(doc: Doc, figure: Figure, units: Units) -> Figure:
    """Apply scale words after a figure, then take a percent or currency word as its unit."""
    i = figure.after
    while i < len(doc) and doc[i].lower_ in units.scales:
        figure.value *= units.scales[doc[i].lower_]
        if figure.value_max is not None:
            figure.value_max *= units.scales[doc[i].lower_]
        i += 1
    if figure.unit is not None and i < len(doc) and doc[i].lower_ in units.suffixes:
        figure.value *= units.suffixes[doc[i].lower_]  # "€50 m" split by the tokenizer
        i += 1
    if figure.unit is None:
        length = phrase_at(doc, i, units.percent_words)
        if length:
            figure.unit, i = "percent", i + length
        else:
            code, length = lookup_at(doc, i, units.currency_words)
            if code:
                figure.unit, i = code, i + length
    if i > figure.after:
        figure.after, figure.end = i, doc[i - 1].idx + len(doc[i - 1])
    return figure


def phrase_at(doc: Doc, i: int, table: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase of ``table`` starting at token ``i`` (0 if none)."""
    for phrase in table:
        if tuple(t.lower_ for t in doc[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def lookup_at(doc: Doc, i: int, table: dict[tuple[str, ...], object]) -> tuple[object, int]:
    """The value of the longest key of ``table`` starting at token ``i``, and its length."""
    for length in (3, 2, 1):
        key = tuple(t.lower_ for t in doc[i:i + length])
        if len(key) == length and key in table:
            return table[key], length
    return None, 0


def word_figures(doc: Doc, units: Units, taken: set[int]) -> list[Figure]:
    """Figures in words: vague counts, vague multipliers with a scale, number words."""
    figures, i = [], 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        figure = vague_figure(doc, i, units) or words_figure(doc, i, units)
        if figure is None:
            i += 1
            continue
        figures.append(read_tail(doc, figure, units))
        i = figure.after
    return figures


def vague_figure(doc: Doc, i: int, units: Units) -> Figure | None:
    """ "dozens", "tens of thousands", "several thousand", "a few hundred"."""
    bounds, length = lookup_at(doc, i, units.vague_counts)
    factor = 1.0
    if not bounds:
        bounds, length = lookup_at(doc, i, units.vague_multipliers)
        j = i + length
        while bounds and j < len(doc) and doc[j].lower_ in units.scales:
            factor *= units.scales[doc[j].lower_]
            j += 1
        if not bounds or factor == 1.0:
            return None
        length = j - i
    low, high = bounds
    last = doc[i + length - 1]
    return Figure(i, i + length, doc[i].idx, last.idx + len(last), low * factor, high * factor,
                  approximate=True, kind="vague")


def words_figure(doc: Doc, i: int, units: Units) -> Figure | None:
    """ "three", "twenty-five", "two hundred thousand", "a dozen"."""
    words, j = [], i
    if doc[i].lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in units.scales:
        words, j = ["a"], i + 1
    while j < len(doc):
        word = doc[j].lower_
        joiner = word in HYPHENS or word == "and"
        if word in units.number_words or word in units.scales or (joiner and words and words[-1] != "a"):
            words.append(word)
            j += 1
            continue
        break
    while words and (words[-1] in HYPHENS or words[-1] == "and"):
        words.pop()
        j -= 1
    if not words or words == ["a"] or all(w in units.scales for w in words):
        return None  # "million" alone (as in "$US160 million" missed by the digits) is no figure
    last = doc[j - 1]
    return Figure(i, j, doc[i].idx, last.idx + len(last), words_value(words, units), kind="words")


def words_value(words: list[str], units: Units) -> float:
    """Combine number words: "two hundred thousand" -> 200000."""
    total, current = 0.0, 0.0
    for word in words:
        if word in units.number_words:
            current += units.number_words[word]
        elif word in units.scales:
            current = max(current, 1.0) * units.scales[word]
            if units.scales[word] >= 1000:
                total, current = total + current, 0.0
    return total + current


def build_quantity(doc: Doc, figure: Figure, units: Units, before: list[Quantity],
                   following: Figure | None) -> Quantity | None:
    """Turn a figure into a Quantity, or None when it is not one (rule 2)."""
    if excluded(doc, figure, units):
        return None
    figure.approximate = figure.approximate or hedged(doc, figure, units)
    end, unit = figure.end, figure.unit
    measure = units.measure.match(doc_text(doc), figure.end) if unit is None else None
    if measure is not None:
        end, unit = measure.end(), units.measure_of.get(measure["unit"]) or units.measure_of[measure["unit"].lower()]
    if unit is None:
        noun = counted_noun(doc, figure, units)
        if noun is not None:
            end, unit = noun.idx + len(noun), unit_name(noun, units)
        elif year_like(doc, figure):
            return None
        else:
            unit = paired_unit(doc, figure, following, units) or inherited_unit(doc, figure, before)
    if figure.first > 0 and doc[figure.first - 1].lower_ == "minus" and figure.value > 0:
        figure.value = -figure.value  # "minus 30 degrees"
    return Quantity(text=doc_text(doc)[figure.start:end], start=figure.start, end=end,
                    value=tidy(figure.value), value_max=tidy(figure.value_max), unit=unit,
                    approximate=figure.approximate)


def tidy(value: float | None) -> float | int | None:
    """Integral values as int (3000, not 3000.0), within float's exact range."""
    if value is not None and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def excluded(doc: Doc, figure: Figure, units: Units) -> bool:
    """Dates, times, ordinals, ages, identifiers and pronoun "one" (rule 2)."""
    tokens = doc[figure.first:figure.after]
    if figure.unit is None and any(t.ent_type_ in SKIPPED_ENTITIES for t in tokens):
        return True  # money and percentages are never dates, whatever the entity says
    after = doc[figure.after] if figure.after < len(doc) else None
    prev = doc[figure.first - 1] if figure.first > 0 else None
    if after is not None and after.lower_ in units.not_units:
        return True
    if AGE_AFTER.match(doc_text(doc), figure.end) or (prev is not None and prev.lower_ in ("aged", "age")):
        return True
    if figure.kind == "digits" and prev is not None and prev.lower_ in units.identifier_words:
        return True
    if model_number(doc, figure, prev, after):
        return True
    if figure.kind == "words" and [t.lower_ for t in tokens] == ["one"]:
        return not (tokens[0].dep_ == "nummod" and tokens[0].head.i > tokens[0].i)
    return apposed_age(doc, figure)


def model_number(doc: Doc, figure: Figure, prev: Token | None, after: Token | None) -> bool:
    """ "the S&P 500", "iPhone 11 Pro", "Game 7": a bare number that ends a proper name.

    Not when a plural noun follows ("Ford 13,000 workers" is still a count).
    """
    if figure.kind != "digits" or figure.unit is not None or prev is None or prev.tag_ != "NNP":
        return False
    if prev.ent_type_ in ("PERSON", "NORP") or prev.is_sent_start:
        return False
    return after is None or after.tag_ not in ("NNS", "NNPS")


def apposed_age(doc: Doc, figure: Figure) -> bool:
    """ "Jane Doe, 62, said": a bare number between commas after a person's name."""
    i, j = figure.first, figure.after
    if i < 2 or j >= len(doc) or figure.unit is not None or figure.kind != "digits":
        return False
    return (doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"
            and doc[j].text in (",", ")") and figure.value < 130)


def year_like(doc: Doc, figure: Figure) -> bool:
    """A bare four-digit number that reads as a year ("in 2022"), nothing counted."""
    text = doc_text(doc)[figure.start:figure.end]
    return figure.kind == "digits" and re.fullmatch(r"1\d{3}|20\d{2}|2100", text) is not None


def hedged(doc: Doc, figure: Figure, units: Units) -> bool:
    """An approximator just before the figure or an approximate suffix just after."""
    for phrase in units.approximators:
        start = figure.first - len(phrase)
        if start >= 0 and tuple(t.lower_ for t in doc[start:figure.first]) == phrase:
            return True
    i = figure.after
    if i < len(doc) and doc[i].text in HYPHENS:
        i += 1
    return phrase_at(doc, i, units.approximate_suffixes) > 0


def counted_noun(doc: Doc, figure: Figure, units: Units) -> Token | None:
    """The noun a figure counts, skipping modifiers ("8,500 US troops") or after "of"."""
    sent_end = doc[figure.first].sent.end
    i = skip_suffix(doc, figure.after, units)
    if i < sent_end and doc[i].lower_ == "of":
        if figure.kind != "vague" and (i + 1 >= sent_end or doc[i + 1].lower_ not in ("the", "them", "those")):
            return None
        i += 1
        while i < sent_end and doc[i].pos_ == "DET":
            i += 1
    noun = noun_from(doc, i, min(i + 5, sent_end), units)
    if noun is not None and figure.value != 1 and not countable(noun, units):
        return None  # "another 1,000 south": a singular noun after a plural figure
    return noun


def countable(noun: Token, units: Units) -> bool:
    """A noun a figure above one can count: plural, a unit group word or an abbreviation."""
    return (noun.tag_ not in ("NN", "NNP") or noun.lower_ in units.unit_of
            or noun.lemma_.lower() in units.unit_of or len(noun) <= 3)


def skip_suffix(doc: Doc, i: int, units: Units) -> int:
    """The token after an approximate suffix ("-odd", "or so"), or ``i``."""
    j = i + 1 if i < len(doc) and doc[i].text in HYPHENS else i
    length = phrase_at(doc, j, units.approximate_suffixes)
    return j + length if length else i


def noun_from(doc: Doc, i: int, limit: int, units: Units) -> Token | None:
    """The first head noun from token ``i``, passing adjectives and noun modifiers."""
    while i < limit:
        token = doc[i]
        following = doc[i + 1] if i + 1 < limit else None
        before_noun = following is not None and following.pos_ in ("NOUN", "PROPN")
        if token.is_space or token.text in HYPHENS:
            pass
        elif token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
            return token
        elif token.pos_ in ("NOUN", "PROPN") or token.lower_ in units.unit_of:
            if not before_noun or token.tag_ in ("NNS", "NNPS") and token.ent_type_ not in NAME_ENTITIES:
                return None if token.ent_type_ in NAME_ENTITIES else token
        elif not (token.pos_ == "ADJ" or token.ent_type_ == "NORP"
                  or token.tag_ in ("VBN", "VBG") and token.dep_ == "amod"):
            return None
        i += 1
    return None


def unit_name(noun: Token, units: Units) -> str:
    """Normalise a counted noun: groups of units.yaml, demonyms -> people, else the lemma."""
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if noun.ent_type_ == "NORP" or lower in units.demonyms or lower.rstrip("s") in units.demonyms:
        return "people"
    left = noun.doc[noun.i - 1] if noun.i > 0 else None
    if left is not None and left.dep_ == "compound":
        phrase = f"{left.lower_} {lemma}"
        if phrase in units.unit_of:
            return units.unit_of[phrase]
    return units.unit_of.get(lemma) or units.unit_of.get(lower) or lemma


def paired_unit(doc: Doc, figure: Figure, following: Figure | None, units: Units) -> str | None:
    """The unit of the next figure when only "to", "and", "or" part them ("from 200 to 300 points")."""
    if following is None or not PAIRED.fullmatch(doc_text(doc)[figure.end:following.start]):
        return None
    if following.unit is not None:
        return following.unit
    noun = counted_noun(doc, following, units)
    return unit_name(noun, units) if noun is not None else None


def inherited_unit(doc: Doc, figure: Figure, before: list[Quantity]) -> str | None:
    """The unit of the nearest earlier quantity in the same sentence ("another 1,000")."""
    sent = doc[figure.first].sent
    for quantity in reversed(before):
        if quantity.start < sent.start_char:
            break
        if quantity.unit == "percent":
            return None  # "rose 4.28 percent to 28030": a level after a rate is not a rate
        if quantity.unit is not None:
            return quantity.unit
    return None
