"""Rules that put one time expression on the calendar, for ``extract.times``.

Each rule is a regex over the cleaned, lower-case expression and a small function; the
first rule that matches decides. dateparser is the last resort: cached, and only called
on strings the rules do not read that hold a digit or a month name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from dateparser.date import DateDataParser

from ._lexicon import load_lexicon
from .quantity_words import load_units

LEXICON = "time_words.yaml"
SECTIONS = (
    ("weekdays", "mapping"), ("months", "mapping"), ("day_words", "mapping"),
    ("parts_of_day", "list"), ("calendar_units", "mapping"), ("seasons", "mapping"),
    ("modifiers", "list"), ("prepositions", "list"), ("vague", "list"),
    ("frequency_words", "list"), ("future_cues", "list"), ("plan_verbs", "list"),
    ("decade_words", "mapping"),
)
Result = tuple[str | None, str | None]
NOTHING: Result = (None, None)
UNITS = r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?|fortnights?|quarters?)"


@dataclass(frozen=True, slots=True)
class Words:
    """time_words.yaml, indexed, with the regexes built from it."""

    weekdays: dict[str, int]
    months: dict[str, int]
    day_words: dict[str, int]
    calendar_units: dict[str, str]
    seasons: dict[str, int]
    modifiers: tuple[str, ...]
    prepositions: tuple[str, ...]
    vague: frozenset[str]
    frequency_words: frozenset[str]
    future_cues: frozenset[str]
    plan_verbs: frozenset[str]
    decade_words: dict[str, int]
    numbers: dict[str, int]
    patterns: re.Pattern[str]
    duration: re.Pattern[str]
    rules: tuple[tuple[re.Pattern[str], Callable[..., Result]], ...]


def alternation(names: object) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(re.escape(str(n)) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_words() -> Words:
    """Read time_words.yaml once and build the candidate and rule regexes."""
    data = load_lexicon(LEXICON, sections=SECTIONS)
    lower = {section: {str(k).lower(): v for k, v in data[section].items()}
             for section in ("weekdays", "months", "day_words", "calendar_units", "seasons")}
    numbers = dict(load_units().number_words) | {"a": 1, "an": 1, "a couple of": 2}
    full_days = alternation(k for k, v in lower["weekdays"].items() if len(k) > 4)
    regex = {"WD": alternation(lower["weekdays"]), "MON": alternation(lower["months"]),
             "DAYW": alternation(lower["day_words"]), "PART": alternation(data["parts_of_day"]),
             "NUM": alternation(numbers) + r"|\d+", "SEASON": alternation(lower["seasons"]),
             "FULLDAY": full_days, "DECW": alternation(data["decade_words"]),
             "FULLMON": alternation(k for k in lower["months"] if len(k) > 3 or k == "may")}
    return Words(
        weekdays=lower["weekdays"], months=lower["months"], day_words=lower["day_words"],
        calendar_units=lower["calendar_units"], seasons=lower["seasons"],
        modifiers=tuple(sorted((str(m) for m in data["modifiers"]), key=len, reverse=True)),
        prepositions=tuple(sorted((str(p) for p in data["prepositions"]), key=len, reverse=True)),
        vague=frozenset(str(v) for v in data["vague"]),
        frequency_words=frozenset(str(v) for v in data["frequency_words"]),
        future_cues=frozenset(str(v) for v in data["future_cues"]),
        plan_verbs=frozenset(str(v) for v in data["plan_verbs"]),
        decade_words={str(k).lower(): int(v) for k, v in data["decade_words"].items()},
        numbers=numbers,
        patterns=re.compile(fill(CANDIDATES, regex), re.I),
        duration=re.compile(fill(DURATION, regex)),
        rules=tuple((re.compile(fill(pattern, regex)), rule) for pattern, rule in RULES),
    )


def fill(pattern: str, regex: dict[str, str]) -> str:
    """Put the word alternations into a pattern's <NAME> slots."""
    for name, alternatives in regex.items():
        pattern = pattern.replace(f"<{name}>", f"(?:{alternatives})")
    return pattern


CANDIDATES = (
    r"\b(?:\d{4}-\d{2}-\d{2}"
    r"|(?:(?:last|next|this) )?<FULLDAY>(?: <PART>)?"
    r"|<DAYW>(?: <PART>)?|this <PART>"
    r"|(?:last|this|next|past) (?:week|month|year|weekend)"
    r"|(?:earlier|later) this (?:week|month|year)"
    r"|(?:<NUM>) (?:days?|weeks?|months?|years?) ago"
    r"|<MON>\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:of )?<FULLMON>(?: \d{4})?"
    r"|<FULLMON>,? \d{4})\b"
)
DURATION = (
    r"^(?:the )?(?:(?:past|last|next|coming|previous|first|final|following|recent|latest|"
    r"entire|whole|full) )?(?:<NUM>|\d+(?:\.\d+)?|a few|few|several|many|a couple of|"
    r"couple of|some|a number of)(?:[ -]<NUM>)*[ -](?:and a half )?" + UNITS + r"(?: long)?$"
)


def clean(text: str, words: Words) -> str:
    """Lower case, no dots in abbreviations, single spaces, no leading preposition."""
    cleaned = text.lower().replace("\u2019", "'")
    cleaned = re.sub(r"(?<!\d)\.|\.(?!\d)", "", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,;:()\"'")
    cleaned = re.sub(r"(?<=\w)\s?'s$|\bfiscal[- ]", "", cleaned).strip()
    changed = True
    while changed:
        changed = False
        for word in words.prepositions:
            if cleaned.startswith(word + " "):
                cleaned, changed = cleaned[len(word) + 1:], True
    return cleaned


def shape_not_a_date(cleaned: str, words: Words) -> bool:
    """Vague words, frequencies and durations, from the expression alone."""
    tokens = cleaned.split()
    if not tokens or cleaned in words.vague or tokens[0] in words.frequency_words:
        return True
    if any(t in ("daily", "weekly", "monthly", "annually", "yearly", "hourly") for t in tokens):
        return True
    return words.duration.match(cleaned) is not None


def resolve(text: str, reference: date | None, *, tense: str | None = None) -> Result:
    """(value, precision) of one expression; (None, None) when it cannot be placed."""
    words = load_words()
    cleaned = strip_modifiers(clean(text, words), words)
    result = apply_rules(cleaned, reference, tense, None, words)
    if result is None and "," in cleaned:
        result = combined(cleaned, reference, tense, words)
    if result is None:
        result = without_leading_words(cleaned, reference, tense, words)
    if result is None and might_be_date(cleaned, words):
        result = parsed_by_dateparser(cleaned, reference)
    return result or NOTHING


def without_leading_words(cleaned: str, reference: date | None, tense: str | None,
                          words: Words) -> Result | None:
    """ "just last month", "earlier sunday", "10 pm wednesday": the date after a few words."""
    tokens = cleaned.split()
    for cut in range(1, min(4, len(tokens))):
        rest = strip_modifiers(clean(" ".join(tokens[cut:]), words), words)
        if shape_not_a_date(rest, words):
            continue
        result = apply_rules(rest, reference, tense, None, words)
        if result is not None:
            return result
    return None


def strip_modifiers(cleaned: str, words: Words) -> str:
    """ "early March" -> "march": the value stays that of the whole month."""
    bare = cleaned[4:] if cleaned.startswith("the ") else cleaned
    for word in words.modifiers:
        if bare.startswith(word + " ") or (word.endswith("-") and bare.startswith(word)):
            rest = clean(bare[len(word):].strip(), words)
            return CURRENT_PERIOD.sub(r"this \1", rest)
    return cleaned


CURRENT_PERIOD = re.compile(r"^(?:(?:the|this) )?(year|month|week)$")  # "the end of the month": this month


def apply_rules(cleaned: str, reference: date | None, tense: str | None, anchor: date | None,
                words: Words) -> Result | None:
    """The result of the first rule whose regex matches the whole expression."""
    for pattern, rule in words.rules:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return rule(match, reference, tense, anchor, words)
    return None


def combined(cleaned: str, reference: date | None, tense: str | None, words: Words) -> Result | None:
    """ "yesterday, february 1": the explicit date, its year taken near the relative one."""
    left, right = (part.strip() for part in cleaned.split(",", 1))
    first = apply_rules(left, reference, tense, None, words)
    anchor = None
    if first is not None and first[1] == "day" and first[0] is not None:
        anchor = date.fromisoformat(first[0])
    second = apply_rules(strip_modifiers(right, words), reference, tense, anchor, words)
    if second is not None and second[0] is not None:
        return second
    return first


def might_be_date(cleaned: str, words: Words) -> bool:
    """Worth a dateparser call: a year, a numeric date or a month name ("the 99th day" is not)."""
    if re.search(r"\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", cleaned):
        return True
    return any(t in words.months for t in cleaned.split())


@lru_cache(maxsize=8)
def date_parser(reference: date | None) -> DateDataParser:
    """One dateparser per reference date (building one is slow)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                   "PREFER_DAY_OF_MONTH": "first"}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def parsed_by_dateparser(cleaned: str, reference: date | None) -> Result | None:
    """dateparser's reading; without a reference only strings that hold a year."""
    if reference is None and not re.search(r"\b\d{4}\b", cleaned):
        return None
    data = date_parser(reference).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if period == "week":
        return week_of(day), "week"
    return day.isoformat(), "day"


def week_of(day: date) -> str:
    """ISO week value ("2022-W05") of a day."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_year(month: int, reference: date, tense: str | None, anchor: date | None) -> int:
    """The year of a month named without one (module docstring, rule 4)."""
    if anchor is not None:
        years = (anchor.year, anchor.year - 1, anchor.year + 1)
        gaps = [abs((date(year, month, 1) - anchor).days) for year in years]
        return years[gaps.index(min(gaps))]
    if tense == "past" and month > reference.month:
        return reference.year - 1
    if tense == "future" and month < reference.month:
        return reference.year + 1
    if tense is None and reference.month - month > 6:
        return reference.year + 1  # "payable Jan. 2" in a November article
    return reference.year


def safe_day(year: int, month: int, day: int) -> Result:
    """A day value, or (None, None) for an impossible date ("February 30")."""
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return NOTHING


def rule_iso_day(match, reference, tense, anchor, words) -> Result:
    return safe_day(int(match[1]), int(match[2]), int(match[3]))


def rule_iso_month(match, reference, tense, anchor, words) -> Result:
    month = int(match[2])
    return (month_value(int(match[1]), month), "month") if 1 <= month <= 12 else NOTHING


def rule_day_month(match, reference, tense, anchor, words) -> Result:
    """ "3 march 2021", "march 3", "monday, march 3, 2021"."""
    month, day = words.months[match["m"]], int(match["d"])
    if match["y"]:
        return safe_day(int(match["y"]), month, day)
    if reference is None and anchor is None:
        return NOTHING
    return safe_day(month_year(month, reference or anchor, tense, anchor), month, day)


def rule_month_year(match, reference, tense, anchor, words) -> Result:
    return month_value(int(match["y"]), words.months[match["m"]]), "month"


def rule_year(match, reference, tense, anchor, words) -> Result:
    return match["y"], "year"


def rule_decade(match, reference, tense, anchor, words) -> Result:
    return match["dec"], "approximate"


def rule_decade_word(match, reference, tense, anchor, words) -> Result:
    """ "the nineties", "the '80s": that decade of the 1900s, approximate."""
    tens = words.decade_words.get(match["w"]) if match["w"] else int(match["n"])
    return f"19{tens // 10}", "approximate"


def rule_month(match, reference, tense, anchor, words) -> Result:
    """ "march", "last march", "next march"."""
    if reference is None:
        return NOTHING
    month, relation = words.months[match["m"]], match["rel"]
    if relation in ("last", "past"):
        year = reference.year if month < reference.month else reference.year - 1
    elif relation in ("next", "coming"):
        year = reference.year if month > reference.month else reference.year + 1
    elif relation == "this":
        year = reference.year
    else:
        year = month_year(month, reference, tense, anchor)
    return month_value(year, month), "month"


def rule_day_word(match, reference, tense, anchor, words) -> Result:
    """ "yesterday", "tonight", "this morning", "yesterday afternoon"."""
    if reference is None:
        return NOTHING
    offset = words.day_words.get(match["w"] or "", 0)
    return (reference + timedelta(days=offset)).isoformat(), "day"


def rule_weekday(match, reference, tense, anchor, words) -> Result:
    """ "monday", "last tuesday", "next friday" (module docstring, rule 4)."""
    if reference is None:
        return NOTHING
    target, relation, today = words.weekdays[match["wd"]], match["rel"], reference.weekday()
    if relation in ("last", "past"):
        delta = -((today - target) % 7 or 7)
    elif relation in ("next", "coming"):
        delta = (target - today) % 7 or 7
    elif tense == "future":
        delta = (target - today) % 7
    else:
        delta = -((today - target) % 7)
    return (reference + timedelta(days=delta)).isoformat(), "day"


def rule_period(match, reference, tense, anchor, words) -> Result:
    """ "last week", "this month", "next year", "earlier this year" (approximate)."""
    if reference is None:
        return NOTHING
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(match["rel"], 0)
    unit = words.calendar_units[match["u"]]
    if unit == "week":
        value = week_of(reference + timedelta(weeks=step))
    elif unit == "month":
        value = month_value(*add_months(reference, step))
    else:
        value = f"{reference.year + step:04d}"
    return value, "approximate" if match["approx"] else unit


def rule_ago(match, reference, tense, anchor, words) -> Result:
    """ "two days ago", "a week ago", "three months ago", "a year ago"."""
    if reference is None:
        return NOTHING
    count = int(match["n"]) if match["n"].isdigit() else words.numbers[match["n"]]
    unit = words.calendar_units[match["u"]]
    if unit == "day":
        return (reference - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return week_of(reference - timedelta(weeks=count)), "week"
    if unit == "month":
        return month_value(*add_months(reference, -count)), "month"
    return f"{reference.year - count:04d}", "year"


def rule_season(match, reference, tense, anchor, words) -> Result:
    """ "last summer", "winter 2021": the year, approximate."""
    if match["y"]:
        return match["y"], "approximate"
    if reference is None:
        return NOTHING
    ends = words.seasons[match["s"]]
    step = {"last": -1, "past": -1, "next": 1}.get(match["rel"] or "", 0)
    if step == -1 and ends < reference.month:
        step = 0
    return f"{reference.year + step:04d}", "approximate"


def rule_month_relative_year(match, reference, tense, anchor, words) -> Result:
    """ "june last year", "january this year", "march next year"."""
    if reference is None:
        return NOTHING
    step = {"last": -1, "next": 1}.get(match["rel"], 0)
    return month_value(reference.year + step, words.months[match["m"]]), "month"


def rule_units_before(match, reference, tense, anchor, words) -> Result:
    """ "a year earlier", "two weeks before": read against the publication date, like "ago"."""
    return rule_ago(match, reference, tense, anchor, words)


def rule_century(match, reference, tense, anchor, words) -> Result:
    """ "the 20th century" -> "19" (ISO 8601 century), approximate."""
    number = int(match["c"])
    return (f"{number - 1:02d}", "approximate") if 1 <= number <= 21 else NOTHING


def rule_year_end(match, reference, tense, anchor, words) -> Result:
    """ "year-end", "by year end": this year, approximate."""
    return (f"{reference.year:04d}", "approximate") if reference is not None else NOTHING


def rule_spoken_year(match, reference, tense, anchor, words) -> Result:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if match["k"]:
        return f"{2000 + words.numbers.get(match['k2'] or '', 0):04d}", "year"
    tail = sum(words.numbers[w] for w in re.split(r"[- ]", match["t"]) if w in words.numbers)
    return f"{words.numbers[match['h']]:02d}{tail:02d}", "year"


def rule_quarter(match, reference, tense, anchor, words) -> Result:
    """ "the third quarter of 2020", "Q1 2021": the year, approximate."""
    return match["y"], "approximate"


SUFFIX = r"(?:st|nd|rd|th)?"
RULES: tuple[tuple[str, Callable[..., Result]], ...] = (
    (r"(\d{4})-(\d{1,2})-(\d{1,2})", rule_iso_day),
    (r"(\d{4})-(\d{2})", rule_iso_month),
    (r"(?:<WD>,? )?(?:the )?(?P<d>\d{1,2})" + SUFFIX + r" (?:of )?(?P<m><MON>)(?:,? (?P<y>\d{4}))?",
     rule_day_month),
    (r"(?:<WD>,? )?(?P<m><MON>) (?:the )?(?P<d>\d{1,2})" + SUFFIX + r"(?:,? (?P<y>\d{4}))?",
     rule_day_month),
    (r"(?P<m><MON>),? (?:of )?(?P<y>\d{4})", rule_month_year),
    (r"(?:the year )?(?P<y>1\d{3}|2\d{3})", rule_year),
    (r"(?:the )?(?P<dec>1\d{2}|20\d)0s", rule_decade),
    (r"(?:the )?(?:(?P<w><DECW>)|'(?P<n>[1-9]0)s)", rule_decade_word),
    (r"(?:(?P<rel>last|next|this|past|coming) )?(?P<m><MON>)", rule_month),
    (r"(?:(?P<w><DAYW>)|this)(?: <PART>)?", rule_day_word),
    (r"(?:(?P<rel>last|next|this|past|coming) )?(?P<wd><WD>)(?: <PART>)?", rule_weekday),
    (r"(?:the )?(?P<approx>(?:earlier|later) )?(?P<rel>last|this|next|past|coming|previous|current)"
     r" (?P<u>week|month|year|weekend)", rule_period),
    (r"(?P<n><NUM>) (?P<u>days?|weeks?|months?|years?) ago", rule_ago),
    (r"(?P<n><NUM>) (?P<u>days?|weeks?|months?|years?) (?:earlier|before)", rule_units_before),
    (r"(?P<m><MON>),? (?P<rel>last|this|next) year", rule_month_relative_year),
    (r"(?:the )?(?P<c>\d{1,2})(?:st|nd|rd|th) century", rule_century),
    (r"(?:the )?(?:year[- ]?end|year's end|end of (?:the )?year)", rule_year_end),
    (r"(?:the year )?(?:(?P<h>nineteen|eighteen) (?P<t>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
     r"ninety)(?:[- ][a-z]+)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
     r"nineteen)|(?P<k>two thousand)(?: and)?(?: (?P<k2>[a-z]+))?)", rule_spoken_year),
    (r"(?:the )?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th|q[1-4])(?: quarter)?"
     r"(?: of|,)? (?P<y>\d{4})", rule_quarter),
    (r"(?:(?P<rel>last|this|next|past) )?(?P<s><SEASON>)(?:,? (?:of )?(?P<y>\d{4}))?", rule_season),
)
