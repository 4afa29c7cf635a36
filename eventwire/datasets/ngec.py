"""NGEC's actor-resolution cases (``ngec-actor-tests``): phrase -> country and sector.

``actor_resolution_cases.json`` lists the inputs and asserted values of NGEC's unit tests
(ahalterman/NGEC-2025, ``tests/test_actor_resolution.py``). Each phrase is resolved the way
eventwire resolves an actor phrase: the knowledge base first (``ActorKB.lookup``: names,
aliases, titles, "modifier + agent noun"), else the widest mention the ACTORS stage finds
when the phrase is parsed. A case's ``context``/``known_country`` gives a country only when
the phrase resolved without one (as the article's dominant state would). ``query_date`` is
ignored: eventwire's knowledge base has no terms of office.

What is judged, per case (a case passes when every judged field does):

- country: ``country`` (``country_code`` for search_nat); NGEC's group codes IGO, EUR (EU)
  and UNO (UN bodies) are eventwire's IGO; "" is no country.
- sector: ``code_1`` through ``SECTOR_MAP`` (NGEC code -> eventwire sectors of the same class);
  "" (no code: a bare country) passes for a state or a sectorless actor; codes eventwire has
  no class for (``UNJUDGED``) are not judged. eventwire gives one sector, NGEC up to two: a
  sector equal to ``code_2`` also passes ("Defense Ministry": NGEC GOV + MIL, eventwire MIL).
- ``expected_none`` (NGEC returns nothing): passes when eventwire codes neither a country nor
  a sector. ``expected_not_equal`` / ``expected_one_of`` on country or code_1 likewise.
- Wikipedia titles (``wiki``, query_wiki's ``title``) are not part of the pass rate; the
  ``wiki_name_match`` figure compares them with the canonical name eventwire gives, folded.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import DatasetError, message
from ..extract.actor_kb import ActorKB
from ..extract.actors import extract_actors, load_actor_kb
from ..nlp import load_pipeline
from ..records import Actor, DatasetResult

NAME = "ngec-actor-tests"
FILE = "actor_resolution_cases.json"
PHRASE_METHODS = frozenset({"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"})
GROUP_CODES = {"IGO": "IGO", "EUR": "IGO", "UNO": "IGO"}
# NGEC agent code -> the eventwire sectors that name the same class. NGEC's MED is medical
# (paramedics, ambulances), eventwire's MED is media; NGEC's JRN is journalists and news
# agencies; PRM (paramilitaries) and UAF (unidentified armed men) are filed under REB in
# eventwire's agent nouns; UNK is an unknown actor (also no sector).
SECTOR_MAP: dict[str, frozenset[str | None]] = {
    **{code: frozenset({code}) for code in (
        "GOV MIL COP JUD LEG REB PTY OPP BUS CVL REF REL EDU LAB NGO IGO SPY CRM ELI AGR ENV MOD RAD".split())},
    "MED": frozenset({"HLH"}), "HLH": frozenset({"HLH"}), "JRN": frozenset({"JRN", "MED"}),
    "PRM": frozenset({"REB"}), "UAF": frozenset({"UAF", "REB"}), "UNK": frozenset({"UNK", None}),
}
# No eventwire class: PRE (partially recognized state), BUD (Buddhists), SOC, JNK (junk), and
# the malformed "COL" / "????" of two skipped tests.
UNJUDGED = frozenset({"PRE", "BUD", "SOC", "JNK", "COL", "????"})


@dataclass(frozen=True, slots=True)
class Case:
    """One NGEC call: the phrase, its context country words, what the test asserts."""

    case_id: int
    method: str
    text: str
    context: str
    expected: dict[str, Any]
    not_equal: dict[str, Any]
    one_of: dict[str, list[Any]]
    expect_none: bool
    collected: bool


@dataclass(slots=True)
class Verdict:
    """The judged fields of one case: field -> passed."""

    case: Case
    actor: Actor | None
    fields: dict[str, bool]

    @property
    def passed(self) -> bool:
        return all(self.fields.values())


def load_cases(path: Path) -> list[Case]:
    """The phrase cases of the file (query_wiki calls keep their title as ``wiki``)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return [_case(item) for item in data["cases"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DatasetError(message("E402", name=NAME, path=path, detail=f"{type(error).__name__}: {error}")) from error


def _case(item: dict[str, Any]) -> Case:
    given = item["input"]
    text = given.get("text", given.get("query_term"))
    if not isinstance(text, str):
        raise KeyError(f"case {item.get('case_id')} has no text")
    expected = dict(item.get("expected") or {})
    if "country_code" in expected:
        expected["country"] = expected.pop("country_code")
    if "title" in expected:
        expected["wiki"] = expected.pop("title")
    context = " ".join(str(given.get(k) or "") for k in ("context", "known_country", "country", "limit_term"))
    markers = item.get("pytest_markers")
    return Case(int(item["case_id"]), str(item["method"]), text, context.strip(), expected,
                dict(item.get("expected_not_equal") or {}), dict(item.get("expected_one_of") or {}),
                bool(item.get("expected_none")), bool(item.get("collected_by_pytest")) and not markers)


def resolve_phrase(nlp, kb: ActorKB, text: str, *, context: str = "") -> Actor | None:
    """The actor a phrase stands for: the knowledge base, else the widest ACTORS mention."""
    text = " ".join(text.split())
    actor = kb.lookup(text)
    if actor is None:
        doc = nlp(text)
        actor = _head_mention(extract_actors(doc, kb), doc)
    if actor is not None and actor.country is None and context:
        country = kb.country_of(context) or _context_country(kb, context)
        actor = replace(actor, country=country) if country else actor
    return actor


def _context_country(kb: ActorKB, context: str) -> str | None:
    return next((code for word in context.split() if (code := kb.country_of(word))), None)


def _head_mention(actors: list[Actor], doc) -> Actor | None:
    """The mention holding the phrase's syntactic head ("FSB, Russia's security service"), else the widest."""
    roots = [sent.root.idx for sent in doc.sents]
    heads = [a for a in actors if any(a.start <= root < a.end for root in roots[:1])]
    return max(heads or actors, key=_width, default=None)


def _width(actor: Actor) -> int:
    return actor.end - actor.start


def judge(case: Case, actor: Actor | None) -> Verdict:
    """Which fields eventwire can be judged on for this case, and whether each passes."""
    country = actor.country if actor else None
    sector = actor.sector if actor else None
    fields: dict[str, bool] = {}
    if case.expect_none:
        fields["none"] = country is None and sector is None
    if (value := case.expected.get("country")) is not None and _country_code(value) is not False:
        fields["country"] = country == _country_code(value)
    if (code := case.expected.get("code_1")) is not None and code not in UNJUDGED:
        second = case.expected.get("code_2") or None
        fields["sector"] = _sector_ok(code, actor) or (second not in (None, *UNJUDGED) and _sector_ok(second, actor))
    if (value := case.not_equal.get("country")) is not None:
        fields["country"] = country != _country_code(value)
    if (codes := case.one_of.get("code_1")) is not None:
        fields["sector"] = any(_sector_ok(code, actor) for code in codes if code not in UNJUDGED)
    return Verdict(case, actor, fields)


def _country_code(value: str) -> str | None | bool:
    """NGEC's country value as eventwire writes it; False when it is no country code."""
    if value == "":
        return None
    if value in GROUP_CODES:
        return GROUP_CODES[value]
    return value if len(value) == 3 and value.isupper() and value.isalpha() else False


def _sector_ok(code: str, actor: Actor | None) -> bool:
    sector = actor.sector if actor else None
    if code == "":
        return sector is None or (actor is not None and actor.kind == "state")
    return sector in SECTOR_MAP.get(code, frozenset({code}))


def fold(name: str | None) -> str:
    """A title without accents, case, a leading "The" or a "(disambiguation)" ending."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    text = text.split(" (", 1)[0].strip()
    return text[4:] if text.startswith("the ") else text


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Pass rate, country and sector accuracy over the NGEC phrase cases."""
    path = Path(data_dir) / FILE
    if not path.is_file():
        raise DatasetError(message("E402", name=NAME, path=path, detail="the cases file is missing"))
    cases = load_cases(path)[:limit]
    nlp, kb = load_pipeline(), load_actor_kb()
    verdicts = [judge(case, resolve_phrase(nlp, kb, case.text, context=case.context)) for case in cases]
    return _result(verdicts, errors)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _result(verdicts: list[Verdict], errors: int) -> DatasetResult:
    judged = [v for v in verdicts if v.case.method in PHRASE_METHODS and v.fields]
    collected = [v for v in judged if v.case.collected]
    by_field = {f: [v.fields[f] for v in judged if f in v.fields] for f in ("country", "sector", "none")}
    wiki = [v for v in verdicts if v.case.expected.get("wiki")]
    wiki_hits = sum(fold(v.actor.name if v.actor else None) == fold(v.case.expected["wiki"]) for v in wiki)
    figures: dict[str, float | int | None] = {
        "pass_rate": _rate(sum(v.passed for v in judged), len(judged)), "judged": len(judged),
        "passed": sum(v.passed for v in judged),
        "collected_pass_rate": _rate(sum(v.passed for v in collected), len(collected)),
        "collected_judged": len(collected),
        **{f"{f}_accuracy": _rate(sum(hits), len(hits)) for f, hits in by_field.items()},
        **{f"{f}_n": len(hits) for f, hits in by_field.items()},
        "wiki_name_match": _rate(wiki_hits, len(wiki)), "wiki_n": len(wiki),
    }
    table = [
        ("cases judged", f"{len(judged)} of {len(verdicts)}"),
        ("pass rate", f"{figures['pass_rate']}  (NGEC's own suite: 1.0 on its collected, unmarked tests by construction)"),
        ("pass rate, pytest-collected unmarked", f"{figures['collected_pass_rate']} of {len(collected)}"),
        *[(f"{f} accuracy", f"{figures[f + '_accuracy']} of {len(hits)}") for f, hits in by_field.items()],
        ("wiki title = canonical name", f"{figures['wiki_name_match']} of {len(wiki)} (not in the pass rate)"),
    ]
    worst = [_describe(v) for v in judged if not v.passed][:errors]
    return DatasetResult(NAME, len(verdicts), figures, table, worst)


def _describe(verdict: Verdict) -> str:
    case, actor = verdict.case, verdict.actor
    wanted = {k: case.expected.get(k) for k in ("country", "code_1") if k in case.expected}
    if case.expect_none:
        wanted["none"] = True
    got = f"{actor.name!r} {actor.country} {actor.sector} {actor.kind}" if actor else "nothing"
    failed = ",".join(f for f, ok in verdict.fields.items() if not ok)
    return f"#{case.case_id} {case.text[:60]!r}: failed {failed}; expected {wanted}; got {got}"
