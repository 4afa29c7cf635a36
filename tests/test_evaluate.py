"""Scoring records against gold, rule by rule of RECORD.md "Scoring" (texts written for these tests)."""

from __future__ import annotations

import io
import json
from dataclasses import fields

import pytest

from eventwire.errors import GoldError
from eventwire.evaluate import Scores, load_batch, load_records, report, run, score
from eventwire.records import (Actor, Article, Attribution, Event, Place, Quantity, Quote, Record,
                               Span, TimeRef)

S1 = "Norway sent two hundred engineers to Chile after the floods."
S2 = "Chile thanked Norway for the quick help on Tuesday."
S3 = "Brazil accused Peru of hiding the mining report."
S4 = "Officials in Lima denied any cover-up and called the claim absurd."
TEXT = " ".join((S1, S2, S3, S4))


def span(text: str) -> Span:
    start = max(TEXT.find(text), 0)
    return Span(text, start, start + len(text))


def state(country: str | None, name: str | None = None) -> Actor:
    return Actor(name or country or "someone", 0, 1, name=name or country, country=country,
                 sector="GOV", kind="state")


def event(event_id: str, event_type: str, *evidence: str, **values) -> Event:
    values.setdefault("modality", "asserted")
    return Event(id=event_id, event_type=event_type, evidence=[span(e) for e in evidence],
                 trigger=span(evidence[0].split()[1]), **values)


def record(events: list[Event], quotes: list[Quote] = (), *, article_id: str = "a1",
           text: str = TEXT) -> Record:
    return Record(article=Article(id=article_id, text=text), events=list(events),
                  quotes=list(quotes))


def one(gold: list[Event], output: list[Event]) -> Scores:
    return score([record(gold)], [record(output)])


def total(scores: Scores, *keys: str) -> tuple[int, ...]:
    return tuple(scores.counts["total"][key] for key in keys)


OUTCOMES = ("hits", "misses", "false_alarms", "duplicates", "optional_matches")


@pytest.mark.parametrize(("case", "gold", "output", "expected"), [
    ("exact hit", [event("g1", "MOBILIZE", S1)], [event("o1", "MOBILIZE", S1)], (1, 0, 0, 0, 0)),
    ("alt type hit", [event("g1", "ACCUSE", S3, alt_types=["THREATEN"])],
     [event("o1", "THREATEN", S3)], (1, 0, 0, 0, 0)),
    ("other type", [event("g1", "ACCUSE", S3)], [event("o1", "ASSAULT", S3)], (0, 1, 1, 0, 0)),
    ("optional reported", [event("g1", "AID", S1, optional=True)], [event("o1", "AID", S1)],
     (0, 0, 0, 0, 1)),
    ("optional not reported", [event("g1", "AID", S1, optional=True)], [], (0, 0, 0, 0, 0)),
    ("duplicate", [event("g1", "MOBILIZE", S1)],
     [event("o1", "MOBILIZE", S1), event("o2", "MOBILIZE", S1)], (1, 0, 0, 1, 0)),
    ("optional reported twice", [event("g1", "AID", S1, optional=True)],
     [event("o1", "AID", S1), event("o2", "AID", S1)], (0, 0, 0, 1, 1)),
    ("false alarm", [event("g1", "MOBILIZE", S1)],
     [event("o1", "MOBILIZE", S1), event("o2", "REJECT", S4)], (1, 0, 1, 0, 0)),
    ("miss", [event("g1", "MOBILIZE", S1), event("g2", "ACCUSE", S3)],
     [event("o1", "MOBILIZE", S1)], (1, 1, 0, 0, 0)),
    ("second evidence span", [event("g1", "MOBILIZE", S1, S2)], [event("o1", "MOBILIZE", S2)],
     (1, 0, 0, 0, 0)),
])
def test_evaluate_event_outcomes(case, gold, output, expected):
    assert total(one(gold, output), *OUTCOMES) == expected, case


@pytest.mark.parametrize(("output", "precision", "recall", "duplicate_rate"), [
    ([event("o1", "MOBILIZE", S1)], 1.0, 1.0, 0.0),
    ([event("o1", "MOBILIZE", S1), event("o2", "MOBILIZE", S1)], 0.5, 1.0, 0.5),
    ([event("o1", "MOBILIZE", S1), event("o2", "REJECT", S4)], 0.5, 1.0, 0.0),
    ([event("o1", "MOBILIZE", S1), event("o2", "AID", S2)], 1.0, 1.0, 0.0),  # AID is optional
    ([], None, 0.0, None),
])
def test_evaluate_precision_counts_duplicates_not_optional(output, precision, recall,
                                                          duplicate_rate):
    gold = [event("g1", "MOBILIZE", S1), event("g2", "AID", S2, optional=True)]
    scores = one(gold, output)
    assert (scores.event_precision, scores.event_recall, scores.duplicate_rate) == \
        (precision, recall, duplicate_rate)


@pytest.mark.parametrize(("output_span", "matches"), [
    ("Norway sent engineers", True),                             # all 3 words of the shorter
    ("NORWAY, sent... engineers!", True),                        # case and edge punctuation
    ("Norway and Chile talked", True),                           # 2 of 4 distinct: exactly half
    ("Norway talked with Peru", False),                          # 1 of 4
    ("Norway sent engineers " + "and more " * 14, True),         # 31 words: 3 x 7 + 10 = 31
    ("Norway sent engineers " + "and more " * 14 + "today", False),  # 32 words: over-long
])
def test_evaluate_span_overlap_edges(output_span, matches):
    gold_span = "Norway sent engineers to Chile on Monday."  # 7 words
    scores = one([Event("g1", "MOBILIZE", "asserted", [Span(gold_span, 0, 41)])],
                 [Event("o1", "MOBILIZE", "asserted", [Span(output_span, 0, 1)])])
    assert total(scores, "hits")[0] == int(matches)


def test_evaluate_one_sentence_breakdown_pairs_by_fields():
    """Two gold events in one sentence: each output pairs with the gold event it agrees with."""
    gold = [event("g1", "MOBILIZE", S1, size=Quantity("x", 0, 1, value=120)),
            event("g2", "MOBILIZE", S1, size=Quantity("x", 0, 1, value=80))]
    output = [event("o1", "MOBILIZE", S1, size=Quantity("x", 0, 1, value=80)),
              event("o2", "MOBILIZE", S1, size=Quantity("x", 0, 1, value=120))]
    scores = one(gold, output)
    assert total(scores, "hits", "duplicates") == (2, 0)
    assert scores.size_accuracy == 1.0


def test_evaluate_matching_is_maximal_not_greedy():
    """o1 fits both gold events better than o2 fits g1; a maximum matching still hits both."""
    gold = [event("g1", "ACCUSE", S3), event("g2", "ACCUSE", "Brazil accused Peru again.")]
    output = [event("o1", "ACCUSE", "Brazil accused Peru."),
              event("o2", "ACCUSE", "the mining report was hidden, Brazil said")]
    assert total(one(gold, output), "hits", "misses", "duplicates") == (2, 0, 0)


def test_evaluate_exact_type_preferred_over_alt_type():
    gold = [event("g1", "SANCTION", S3, alt_types=["THREATEN"]), event("g2", "THREATEN", S3)]
    output = [event("o1", "THREATEN", S3)]
    scores = one(gold, output)
    assert [m.event_id for m in scores.misses] == ["g1"]


US = state("NOR")
CL = state("CHL")
PE = state("PER")
NOBODY = state(None, "allies")


@pytest.mark.parametrize(("gold_roles", "output_roles", "dyad_hit"), [
    (([US], [CL]), ([US], [CL]), True),
    (([US], [CL]), ([US], [PE]), False),
    (([US], [CL]), ([CL], [US]), False),
    (([US], []), ([US], [PE]), True),                 # empty gold recipient accepts any
    (([], []), ([PE], [CL]), True),
    (([US], [CL]), ([US, NOBODY], [CL]), True),       # null countries are ignored
    (([US], [NOBODY]), ([US], []), True),             # gold set empty, output set empty
    (([US], [NOBODY]), ([US], [PE]), False),          # a stated role with no known country
    (([US, CL], []), ([CL, US, US], []), True),       # sets, not lists
])
def test_evaluate_dyad(gold_roles, output_roles, dyad_hit):
    gold = event("g1", "AID", S1, actor=gold_roles[0], recipient=gold_roles[1])
    output = event("o1", "AID", S1, actor=output_roles[0], recipient=output_roles[1])
    scores = one([gold], [output])
    assert scores.event_f1 == 1.0
    assert scores.dyad_f1 == (1.0 if dyad_hit else 0.0)


def place(name: str, country: str | None, feature: str, lat=None, lon=None) -> Place:
    return Place(name, 0, 1, name=name, country=country, feature=feature, lat=lat, lon=lon)


def source(name: str | None, country: str | None = None, sector: str | None = None) -> Attribution:
    actor = Actor(name or "they", 0, 1, name=name, country=country, sector=sector)
    return Attribution("x", 0, 1, source=actor, cue="said")


def day(value: str | None) -> TimeRef:
    return TimeRef("x", 0, 1, value=value, precision="day")


def size(value: float | None) -> Quantity:
    return Quantity("x", 0, 1, value=value, unit="engineers")


OSLO = place("Oslo", "NOR", "city", 59.91, 10.75)
NEAR_OSLO = place("Drammen", "NOR", "city", 59.74, 10.20)     # about 35 km away
BERGEN = place("Bergen", "NOR", "city", 60.39, 5.32)
ANDES = place("the Andes", None, "region")


@pytest.mark.parametrize(("field", "gold_value", "output_value", "correct"), [
    ("modality", "future", "future", True),
    ("modality", "future", "asserted", False),
    ("modality", ("future", ["asserted"]), "asserted", True),
    ("date", day("2024-03-05"), day("2024-03-05"), True),
    ("date", day("2024-03-05"), day("2024-03-06"), False),
    ("date", None, None, True),
    ("date", None, day("2024-03-05"), False),
    ("date", day(None), None, True),
    ("location", [place("Chile", "CHL", "country")], [place("Santiago", "CHL", "city")], True),
    ("location", [place("Chile", "CHL", "country")], [place("Peru", "PER", "country")], False),
    ("location", [OSLO], [NEAR_OSLO], True),
    ("location", [OSLO], [BERGEN], False),
    ("location", [ANDES], [place("The Andes", None, "region")], True),
    ("location", [ANDES], [place("Patagonia", None, "region")], False),
    ("location", [], [], True),
    ("location", [], [OSLO], False),
    ("location", [OSLO], [], False),
    ("location", [place("Chile", "CHL", "country")],
     [place("Chile", "CHL", "country"), place("Peru", "PER", "country")], False),
    ("location", [place("Chile", "CHL", "country"), place("Peru", "PER", "country")],
     [place("Peru", "PER", "country"), place("Lima", "PER", "city"),
      place("Chile", "CHL", "country")], True),
    ("size", size(200), size(202), True),            # exactly 1%
    ("size", size(200), size(203), False),
    ("size", None, None, True),
    ("size", size(200), None, False),
    ("attribution", source("The Harbour Gazette"), source("harbour gazette"), True),
    ("attribution", source("navy officials", "NOR", "MIL"), source("the navy", "NOR", "MIL"), True),
    ("attribution", source("navy officials", "NOR", "MIL"), source("the navy", "NOR", "GOV"), False),
    ("attribution", source("The Harbour Gazette"), source("The Evening Post"), False),
    ("attribution", None, None, True),
    ("attribution", source("The Harbour Gazette"), None, False),
])
def test_evaluate_field_accuracy(field, gold_value, output_value, correct):
    gold_values = {field: gold_value}
    if field == "modality" and isinstance(gold_value, tuple):
        gold_values = {"modality": gold_value[0], "alt_modality": gold_value[1]}
    scores = one([event("g1", "MOBILIZE", S1, **gold_values)],
                 [event("o1", "MOBILIZE", S1, **{field: output_value})])
    assert getattr(scores, f"{field}_accuracy") == (1.0 if correct else 0.0)
    assert [e.field for e in scores.field_errors] == ([] if correct else [field])


def test_evaluate_fields_are_not_scored_on_optional_matches():
    scores = one([event("g1", "AID", S1, optional=True, size=size(5))],
                 [event("o1", "AID", S1, size=size(900))])
    assert (scores.size_accuracy, scores.field_errors) == (None, [])


Q1 = "we will rebuild every bridge before winter"
Q2 = "nobody in this ministry has seen that report"


def quote(text: str, speaker: Actor | None = None) -> Quote:
    return Quote(text, 0, len(text), speaker=speaker, cue="said")


def person(name: str | None, country="NOR", sector="GOV") -> Actor:
    return Actor(name or "he", 0, 1, name=name, country=country, sector=sector, kind="person")


@pytest.mark.parametrize(("gold", "output", "figures"), [
    ([quote(Q1, person("Ida Berg"))], [quote(Q1, person("Ida Berg"))], (1.0, 1.0, 1.0)),
    ([quote(Q1, person("Ida Berg"))], [quote(Q1[:22])], (1.0, 1.0, 0.0)),     # 22 of 42: >= half
    ([quote(Q1, person("Ida Berg"))], [quote(Q1[:20])], (0.0, 0.0, None)),    # 20 of 42: < half
    ([quote(Q1)], [quote(Q1, person("Ida Berg"))], (1.0, 1.0, 0.0)),          # null needs null
    ([quote(Q1)], [quote(Q1)], (1.0, 1.0, 1.0)),
    ([quote(Q1, person("Ida Berg"))], [quote(Q1, person("Lars Holm"))], (1.0, 1.0, 0.0)),
    ([quote(Q1, person("senior navy officer", sector="MIL"))],
     [quote(Q1, person("a navy officer", sector="MIL"))], (1.0, 1.0, 1.0)),   # unnamed: profile
    ([quote(Q1, person("senior navy officer", sector="MIL"))],
     [quote(Q1, person("a navy officer", sector="GOV"))], (1.0, 1.0, 0.0)),
    ([quote(Q1, person("António Costa"))], [quote(Q1, person("Antonio Costa"))], (1.0, 1.0, 1.0)),
    ([quote(Q1, Actor("ministry", 0, 1, name="Norwegian Ministry of Defence", country="NOR",
                      sector="GOV", kind="organization"))],
     [quote(Q1, Actor("ministry", 0, 1, name="Norway's defence ministry", country="NOR",
                      sector="GOV", kind="organization"))], (1.0, 1.0, 1.0)),  # an org: profile
    ([quote(Q1)], [quote(Q1), quote(Q1)], (0.5, 1.0, 1.0)),                  # one-to-one
    ([quote(Q1, person("Ida Berg")), quote(Q2, person("Lars Holm"))],
     [quote(Q2.upper(), person("lars holm"))], (1.0, 0.5, 1.0)),
])
def test_evaluate_quotes_and_speakers(gold, output, figures):
    scores = score([record([], gold)], [record([], output)])
    assert (scores.quote_precision, scores.quote_recall, scores.speaker_accuracy) == figures


def test_evaluate_multiple_articles_micro_average():
    golds = [record([event("g1", "MOBILIZE", S1)], article_id="a1"),
             record([event("g1", "ACCUSE", S3), event("g2", "REJECT", S4),
                     event("g3", "AID", S2)], article_id="a2")]
    outputs = [record([event("o1", "MOBILIZE", S1)], article_id="a1"),
               record([event("o1", "ASSAULT", S3)], article_id="a2")]
    scores = score(golds, outputs)
    assert scores.event_recall == 0.25                  # 1 of 4, not the mean of 1.0 and 0.0
    assert scores.event_precision == 0.5
    assert scores.counts["articles"]["a2"]["misses"] == 3


def test_evaluate_unknown_and_missing_articles():
    golds = [record([event("g1", "MOBILIZE", S1)], article_id="a1"),
             record([event("g1", "ACCUSE", S3)], article_id="a2")]
    outputs = [record([event("o1", "MOBILIZE", S1)], article_id="a1"),
               record([event("o1", "REJECT", S4)], article_id="zz", text="Another article.")]
    scores = score(golds, outputs)
    assert (scores.unknown_articles, scores.missing_articles) == (["zz"], ["a2"])

    assert total(scores, "hits", "misses", "false_alarms") == (1, 1, 0)
    assert "zz" in report(scores) and "a2/g1 ACCUSE" in report(scores)


def test_evaluate_pairs_an_unknown_id_by_text():
    """Coding a bare .txt gives a hashed id; the gold of the same text still pairs with it."""
    golds = [record([event("g1", "MOBILIZE", S1)], article_id="gold-id")]
    outputs = [record([event("o1", "MOBILIZE", S1)], article_id="sha1:0123456789abcdef")]
    scores = score(golds, outputs)
    assert (scores.unknown_articles, scores.missing_articles) == ([], [])
    assert scores.event_f1 == 1.0


def test_evaluate_repeated_gold_article_is_an_error():
    with pytest.raises(GoldError, match="appears twice"):
        score([record([]), record([])], [])


def test_evaluate_report_lists_every_error():
    gold = [event("g1", "MOBILIZE", S1, size=size(200)), event("g2", "ACCUSE", S3)]
    output = [event("o1", "MOBILIZE", S1, size=size(90)), event("o2", "MOBILIZE", S1),
              event("o3", "REJECT", S4)]
    text = report(one(gold, output))
    for expected in ("events", "a1/g2 ACCUSE", S3, "a1/o3 REJECT", "a1/o2 MOBILIZE repeats g1",
                     "size: 200 vs 90"):
        assert expected in text


def write_record(path, rec: Record) -> None:
    path.write_text(json.dumps(rec.to_dict()), "utf-8")


def test_evaluate_loads_folder_and_jsonl_with_skips(tmp_path):
    gold = record([event("g1", "MOBILIZE", S1)])
    (tmp_path / "gold").mkdir()
    write_record(tmp_path / "gold" / "a1.gold.json", gold)
    (tmp_path / "gold" / "notes.json").write_text("not a gold file", "utf-8")
    skip = {"skipped": {"source": "b.html", "reason": "empty", "code": "E101"}}
    lines = [json.dumps(gold.to_dict()), "", json.dumps(skip)]
    (tmp_path / "out.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    assert [r.article.id for r in load_records(tmp_path / "gold")] == ["a1"]
    records, skips = load_batch(tmp_path / "out.jsonl")
    assert (len(records), [s.source for s in skips]) == (1, ["b.html"])
    out = io.StringIO()
    assert run([str(tmp_path / "gold")], str(tmp_path / "out.jsonl"), as_json=True, out=out) == 0
    figures = json.loads(out.getvalue())
    assert (figures["event_f1"], figures["counts"]["total"]["skipped"]) == (1.0, 1)


def test_evaluate_loads_json_array(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([record([], article_id="a1").to_dict(),
                                record([], article_id="a2").to_dict()]), "utf-8")
    assert [r.article.id for r in load_records(path)] == ["a1", "a2"]


def good_dict() -> dict:
    return record([event("g1", "MOBILIZE", S1)]).to_dict()


def break_modality(data):
    data["events"][0]["modality"] = "likely"


def break_country(data):
    data["events"][0]["actor"] = [{"text": "Norway", "start": 0, "end": 6, "country": "nor"}]


def drop_events(data):
    del data["events"]


def empty_evidence(data):
    data["events"][0]["evidence"] = []


def event_not_object(data):
    data["events"] = ["MOBILIZE"]


def empty_id(data):
    data["article"]["id"] = ""


@pytest.mark.parametrize("breaker", [break_modality, break_country, drop_events, empty_evidence,
                                     event_not_object, empty_id])
def test_evaluate_malformed_gold_raises(tmp_path, breaker):
    data = good_dict()
    breaker(data)
    path = tmp_path / "bad.gold.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(GoldError, match="bad.gold.json"):
        load_records(path)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("a.json", "{ not json", "not valid JSON"),
    ("a.jsonl", '{"skipped": {"source": "x"}}\n{"article": 1}\n', r"a\.jsonl:2"),
    ("a.json", b"\xff\xfe\x00bad", "UTF-8"),
    ("missing.json", None, "no such file"),
])
def test_evaluate_unreadable_files_raise(tmp_path, name, content, expected):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(GoldError, match=expected):
        load_records(path)


def test_evaluate_run_bad_input_exits_2(tmp_path):
    err = io.StringIO()
    assert run([str(tmp_path / "nothing.json")], str(tmp_path / "x.jsonl"), err=err) == 2
    assert "nothing.json" in err.getvalue()


def test_evaluate_seed_against_itself_is_perfect(shared_dir):
    golds = load_records(shared_dir / "spec" / "examples" / "seed.gold.json")
    scores = score(golds, golds)
    figures = {f.name: getattr(scores, f.name) for f in fields(Scores)
               if f.name.endswith(("precision", "recall", "f1", "accuracy"))}
    assert figures == {name: 1.0 for name in figures}
    assert scores.duplicate_rate == 0.0
    assert (scores.misses, scores.false_alarms, scores.field_errors) == ([], [], [])
