"""Build ``<slug>.gold.json`` from ``<slug>.txt`` and its authoring file ``<slug>.gold.yaml``.

Gold offsets are never typed by hand: the authoring file names every span by its
exact words (plus ``#n`` for the n-th occurrence, 0-based, within the span's
scope) and this script computes ``start``/``end``, checks each span against
``article.text`` and validates the record against ``../shared/spec/record.schema.json``
when that file is present.

Usage (from the repository root)::

    .venv/bin/python tests/data/articles/make_gold.py            # rebuild every gold file
    .venv/bin/python tests/data/articles/make_gold.py --check    # fail if a gold file is stale
    .venv/bin/python tests/data/articles/make_gold.py --stats    # coverage per type / modality

Authoring format (see README.md beside this file for the full description):

* ``boilerplate``: exact lines of the .txt a cleaner must drop.
* ``actors`` / ``places``: registries keyed by a short alias; ``forms`` are the
  surface strings the actor or place goes by. A reference is ``key`` (nearest
  form to the anchor), ``key:surface`` or ``key:surface#n``.
* ``quantities``: ``[text, value, unit, approximate?, value_max?]``.
* ``quotes``: ``[quoted words, speaker ref or null, cue or null]``.
* ``events``: ``type mode ctx actor recip loc date size mod attr trig ev opt alt_types alt_mod``;
  each ``ev`` item is the opening words of a sentence (``#n`` for the n-th such
  sentence), extended to the sentence end, or ``opening||closing words`` for a
  span of several sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
if str(HERE.parents[2]) not in sys.path:
    sys.path.insert(0, str(HERE.parents[2]))

from eventwire.errors import GoldError  # noqa: E402 - the repository root is put on the path first

SCHEMA = HERE.parents[2].parent / "shared" / "spec" / "record.schema.json"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "future", "hypothetical", "negated")
QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict", "ASSAULT": "material_conflict",
}
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
}
KINDS = {"person", "organization", "state", "group"}
FEATURES = {"country", "admin1", "city", "region", "other"}
PRECISIONS = {"day", "week", "month", "year", "approximate"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "no", "jr", "capt",
                 "maj", "sen", "rep", "gov", "prof", "jan", "feb", "aug", "sept", "oct", "nov",
                 "dec", "u.s", "u.n", "a.m", "p.m", "vs", "inc", "co", "corp"}
CLOSERS = "\"'”’)"
OPENERS = "\"'“‘("
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVENT_KEYS = {"type", "mode", "ctx", "actor", "recip", "loc", "date", "size", "mod", "attr",
              "trig", "ev", "opt", "alt_types", "alt_mod", "note"}


class AuthoringError(GoldError):
    """An authoring file names a span that is not in the article, or breaks the guideline."""


def fail(slug: str, detail: str) -> None:
    """Stop with a message naming the authoring file and what to fix."""
    raise AuthoringError(f"{slug}.gold.yaml: {detail}")


# ---------------------------------------------------------------- text and spans

def clean_text(raw: str, boilerplate: list[str], slug: str) -> str:
    """Drop the boilerplate lines; paragraphs joined by newlines, with a trailing newline."""
    lines = [line.rstrip() for line in raw.splitlines()]
    for line in boilerplate:
        if line not in lines:
            fail(slug, f"boilerplate line {line!r} is not a line of {slug}.txt")
    kept = [line for line in lines if line and line not in boilerplate]
    return "\n".join(kept) + "\n"


def split_ref(ref: str) -> tuple[str, int | None]:
    """'words#2' -> ('words', 2); 'words' -> ('words', None)."""
    match = re.fullmatch(r"(.*?)#(\d+)", ref, flags=re.S)
    if match:
        return match.group(1), int(match.group(2))
    return ref, None


def find_all(text: str, words: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of ``words`` in text[lo:hi], on word boundaries where words begin/end."""
    hi = len(text) if hi is None else hi
    left = r"(?<!\w)" if words[:1].isalnum() else ""
    right = r"(?!\w)" if words[-1:].isalnum() else ""
    pattern = re.compile(left + re.escape(words) + right)
    return [m.start() for m in pattern.finditer(text, lo, hi)]


def span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def sentence_end(text: str, pos: int) -> int:
    """End offset (exclusive) of the sentence running on from ``pos``."""
    i = pos
    while i < len(text):
        char = text[i]
        if char == "\n":
            return i
        if char in ".?!" and is_boundary(text, i):
            j = i + 1
            while j < len(text) and text[j] in CLOSERS:
                j += 1
            return j
        i += 1
    return len(text)


def is_boundary(text: str, i: int) -> bool:
    """Whether the stop at ``i`` ends a sentence (not an abbreviation or a decimal)."""
    j = i + 1
    while j < len(text) and text[j] in CLOSERS:
        j += 1
    if j < len(text) and not text[j].isspace():
        return False
    word = re.search(r"([\w.]+)$", text[:i])
    if text[i] == "." and word and word.group(1).lower() in ABBREVIATIONS:
        return False
    return True


def at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" ")
    return not before or before[-1] in "\n.?!" + CLOSERS


def evidence_span(text: str, ref: str, slug: str) -> dict:
    """A sentence (or run of sentences) named by its opening words."""
    ref, closing = (ref.split("||", 1) + [None])[:2]
    words, nth = split_ref(ref)
    hits = [h for h in find_all(text, words) if at_sentence_start(text, h)]
    if not hits or len(hits) <= (nth or 0):
        fail(slug, f"no sentence opens with {words!r} (occurrence {nth or 0})")
    start = hits[nth or 0]
    last = start
    if closing is not None:
        found = text.find(closing, start)
        if found < 0:
            fail(slug, f"evidence {ref!r}: closing words {closing!r} not found after it")
        last = found
    return span(text, start, sentence_end(text, last))


def locate(text: str, words: str, nth: int | None, scopes: list[tuple[int, int]],
           anchor: int | None, slug: str) -> tuple[int, int]:
    """Offsets of ``words``: n-th in the first scope holding it, else nearest the anchor."""
    for lo, hi in scopes:
        hits = find_all(text, words, lo, hi)
        if not hits:
            continue
        if nth is not None:
            if nth >= len(hits):
                fail(slug, f"{words!r}#{nth}: only {len(hits)} occurrence(s) in scope")
            return hits[nth], hits[nth] + len(words)
        if anchor is not None and lo <= anchor <= hi:
            best = nearest(hits, anchor)
            return best, best + len(words)
        return hits[0], hits[0] + len(words)
    fail(slug, f"{words!r} not found (scopes {scopes})")
    return 0, 0


def nearest(starts: list[int], anchor: int) -> int:
    """The offset closest to the anchor (the earlier one on a tie)."""
    best = starts[0]
    for start in starts[1:]:
        if abs(start - anchor) < abs(best - anchor):
            best = start
    return best


# ---------------------------------------------------------------- registries

class Builder:
    """Resolves one authoring file against its article text."""

    def __init__(self, slug: str, spec: dict, text: str) -> None:
        self.slug, self.spec, self.text = slug, spec, text
        self.actors = spec.get("actors") or {}
        self.places = spec.get("places") or {}
        self.published = dt.date.fromisoformat(str(spec["published"]))
        self.whole = [(0, len(text))]
        self.quantities: dict[str, dict] = {}
        self.used: set[str] = set()

    def first_mention(self, forms: list[str]) -> tuple[int, int] | None:
        hits = [(h, h + len(f)) for f in forms for h in find_all(self.text, f)]
        return min(hits) if hits else None

    def ref(self, registry: dict, kind: str, ref: str, scopes: list[tuple[int, int]],
            anchor: int | None) -> tuple[dict, int, int]:
        """Resolve 'key', 'key:surface' or 'key:surface#n' to (entry, start, end)."""
        key, _, surface = str(ref).partition(":")
        if key not in registry:
            fail(self.slug, f"unknown {kind} {key!r}")
        entry = registry[key]
        self.used.add(f"{kind}:{key}")
        if surface:
            words, nth = split_ref(surface)
            start, end = locate(self.text, words, nth, scopes + self.whole, anchor, self.slug)
            return entry, start, end
        for lo, hi in scopes:
            hits = [(h, h + len(f)) for f in entry["forms"]
                    for h in find_all(self.text, f, lo, hi)]
            hits = [h for h in hits if not any(o != h and o[0] <= h[0] and h[1] <= o[1] for o in hits)]
            if hits:
                if anchor is not None and lo <= anchor <= hi:
                    start = nearest([h[0] for h in hits], anchor)
                    return (entry,) + next(h for h in hits if h[0] == start)
                return (entry,) + min(hits)
        found = self.first_mention(entry["forms"])
        if found is None:
            fail(self.slug, f"{kind} {key!r}: no form of {entry['forms']} in the text")
        return (entry,) + found

    def actor(self, ref: str, scopes, anchor) -> dict:
        entry, start, end = self.ref(self.actors, "actor", ref, scopes, anchor)
        return actor_dict(self.text, start, end, entry)

    def place(self, ref: str, scopes, anchor) -> dict:
        entry, start, end = self.ref(self.places, "place", ref, scopes, anchor)
        return place_dict(self.text, start, end, entry)

    # ------------------------------------------------------------ pieces

    def build_quantities(self) -> list[dict]:
        out = []
        for item in self.spec.get("quantities") or []:
            words, value, unit, *rest = item
            approximate = rest[0] if rest else False
            value_max = rest[1] if len(rest) > 1 else None
            phrase, nth = split_ref(words)
            start, end = locate(self.text, phrase, nth, self.whole, None, self.slug)
            quantity = span(self.text, start, end) | {
                "value": value, "value_max": value_max, "unit": unit, "approximate": approximate}
            if words in self.quantities:
                fail(self.slug, f"quantity {words!r} listed twice; add #n")
            self.quantities[words] = quantity
            out.append(quantity)
        return out

    def build_quotes(self) -> list[dict]:
        out = []
        for words, speaker, cue in self.spec.get("quotes") or []:
            phrase, nth = split_ref(words)
            start, end = locate(self.text, phrase, nth, self.whole, None, self.slug)
            if start == 0 or self.text[start - 1] not in OPENERS or self.text[end:end + 1] not in CLOSERS:
                fail(self.slug, f"quote {phrase[:40]!r} is not enclosed in quotation marks")
            para = (self.text.rfind("\n", 0, start) + 1, self.text.find("\n", end))
            who = None if speaker is None else self.actor(speaker, [para], start)
            out.append(span(self.text, start, end) | {"speaker": who, "cue": cue})
        return out

    def date(self, item, scopes, anchor) -> dict | None:
        if item is None:
            return None
        words, code, *rest = item
        phrase, nth = split_ref(words)
        start, end = locate(self.text, phrase, nth, scopes + self.whole, anchor, self.slug)
        value, precision = resolve_date(str(code), self.published)
        if rest:
            precision = rest[0]
        if precision not in PRECISIONS:
            fail(self.slug, f"date {words!r}: precision {precision!r}")
        return span(self.text, start, end) | {"value": value, "precision": precision}

    def attribution(self, item, scopes, anchor) -> dict | None:
        if item is None:
            return None
        words, source, cue = item
        phrase, nth = split_ref(words)
        start, end = locate(self.text, phrase, nth, scopes + self.whole, anchor, self.slug)
        who = self.actor(source, [(start, end)], start)
        if not (start <= who["start"] and who["end"] <= end):
            fail(self.slug, f"attribution {words!r}: source {source!r} is outside the span")
        return span(self.text, start, end) | {"source": who, "cue": cue}

    def event(self, number: int, item: dict) -> dict:
        unknown = set(item) - EVENT_KEYS
        if unknown:
            fail(self.slug, f"event e{number}: unknown keys {sorted(unknown)}")
        evidence = [evidence_span(self.text, ref, self.slug) for ref in item["ev"]]
        scopes = [(e["start"], e["end"]) for e in evidence]
        trig_words, trig_nth = split_ref(item["trig"])
        t_start, t_end = locate(self.text, trig_words, trig_nth, scopes, None, self.slug)
        trigger_scope = [s for s in scopes if s[0] <= t_start < s[1]]
        near = trigger_scope + [s for s in scopes if s not in trigger_scope]
        event = {
            "id": f"e{number}",
            "event_type": item["type"],
            "mode": item.get("mode"),
            "context": list(item.get("ctx") or []),
            "quad_class": QUAD.get(item["type"]),
            "actor": [self.actor(r, near, t_start) for r in item.get("actor") or []],
            "recipient": [self.actor(r, near, t_start) for r in item.get("recip") or []],
            "location": [self.place(r, near, t_start) for r in item.get("loc") or []],
            "date": self.date(item.get("date"), near, t_start),
            "size": self.size(item.get("size")),
            "modality": item["mod"],
            "attribution": self.attribution(item.get("attr"), near, t_start),
            "trigger": span(self.text, t_start, t_end),
            "evidence": evidence,
        }
        if item.get("opt"):
            event["optional"] = True
        for key, out in (("alt_types", "alt_types"), ("alt_mod", "alt_modality")):
            if item.get(key):
                event[out] = list(item[key])
        check_event(self.slug, event)
        return event

    def size(self, words) -> dict | None:
        if words is None:
            return None
        if words not in self.quantities:
            fail(self.slug, f"size {words!r} is not one of the listed quantities")
        return dict(self.quantities[words])

    def entities(self) -> list[dict]:
        out = []
        for key, entry in self.actors.items():
            found = self.first_mention(entry["forms"])
            if found is None:
                fail(self.slug, f"actor {key!r}: no form of {entry['forms']} in the text")
            out.append(actor_dict(self.text, *found, entry))
        out.sort(key=start_of)
        return out

    def record(self) -> dict:
        quantities = self.build_quantities()
        events = [self.event(i, e) for i, e in enumerate(self.spec["events"], start=1)]
        quotes = self.build_quotes()
        article = {
            "id": self.spec.get("id", self.slug), "url": None, "outlet": self.spec.get("outlet"),
            "title": self.spec.get("title"), "published": str(self.spec["published"]),
            "language": "en", "text": self.text,
        }
        return {"article": article, "events": events, "entities": self.entities(),
                "quotes": quotes, "quantities": quantities}


def start_of(value: dict) -> int:
    return value["start"]


def actor_dict(text: str, start: int, end: int, entry: dict) -> dict:
    if entry.get("kind") not in KINDS:
        raise AuthoringError(f"actor {entry.get('name')!r}: kind {entry.get('kind')!r}")
    country = entry.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
        raise AuthoringError(f"actor {entry.get('name')!r}: country {country!r}")
    return span(text, start, end) | {key: entry.get(key) for key in ("name", "country", "sector", "kind")}


def place_dict(text: str, start: int, end: int, entry: dict) -> dict:
    if entry.get("feature") not in FEATURES:
        raise AuthoringError(f"place {entry.get('name')!r}: feature {entry.get('feature')!r}")
    keys = ("name", "country", "admin1", "lat", "lon", "geonameid", "feature")
    return span(text, start, end) | {key: entry.get(key) for key in keys}


def resolve_date(code: str, published: dt.date) -> tuple[str, str]:
    """ISO value and precision of a date code relative to the publication date.

    ``2026-03-02`` / ``2026-03`` / ``2026`` as written; ``-1d`` ``+2d`` days;
    ``-tue`` the last Tuesday on or before publication, ``+fri`` the next Friday
    on or after it; ``-1w`` / ``+1w`` the ISO week before / after; ``-1m`` the month before.
    """
    code = code.lower()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", code):
        return code, "day"
    if re.fullmatch(r"\d{4}-\d{2}", code):
        return code, "month"
    if re.fullmatch(r"\d{4}", code):
        return code, "year"
    match = re.fullmatch(r"([+-])(\d+)([dwm])", code)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        count = sign * int(match.group(2))
        if match.group(3) == "d":
            return (published + dt.timedelta(days=count)).isoformat(), "day"
        if match.group(3) == "w":
            year, week, _ = (published + dt.timedelta(weeks=count)).isocalendar()
            return f"{year}-W{week:02d}", "week"
        month_index = published.year * 12 + published.month - 1 + count
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
    match = re.fullmatch(r"([+-])(mon|tue|wed|thu|fri|sat|sun)", code)
    if match:
        target = WEEKDAYS.index(match.group(2))
        delta = (published.weekday() - target) % 7
        if match.group(1) == "+":
            delta = -((target - published.weekday()) % 7)
        return (published - dt.timedelta(days=delta)).isoformat(), "day"
    raise AuthoringError(f"date code {code!r} is not understood")


def check_event(slug: str, event: dict) -> None:
    """The guideline's enums: type, mode of that type, modality, contexts, alternatives."""
    kind = event["event_type"]
    if kind not in EVENT_TYPES:
        fail(slug, f"{event['id']}: type {kind!r}")
    mode = event["mode"]
    if mode is not None and mode not in MODES.get(kind, set()):
        fail(slug, f"{event['id']}: mode {mode!r} is not a PLOVER mode of {kind}")
    if event["modality"] not in MODALITIES:
        fail(slug, f"{event['id']}: modality {event['modality']!r}")
    bad = set(event["context"]) - CONTEXTS
    if bad:
        fail(slug, f"{event['id']}: unknown contexts {sorted(bad)}")
    if set(event.get("alt_types", [])) - set(EVENT_TYPES) or kind in event.get("alt_types", []):
        fail(slug, f"{event['id']}: alt_types {event.get('alt_types')}")
    alt_mod = event.get("alt_modality", [])
    if set(alt_mod) - set(MODALITIES) or event["modality"] in alt_mod:
        fail(slug, f"{event['id']}: alt_modality {alt_mod}")


# ---------------------------------------------------------------- checks and lint

def check_spans(record: dict) -> list[str]:
    """Every span-shaped value must equal article.text[start:end]."""
    text = record["article"]["text"]
    problems = []

    def walk(value, path):
        if isinstance(value, dict):
            if {"text", "start", "end"} <= set(value) and isinstance(value.get("start"), int):
                if text[value["start"]:value["end"]] != value["text"]:
                    problems.append(f"{path}: {value['text']!r} != text[{value['start']}:{value['end']}]")
            for key, item in value.items():
                if key != "article":
                    walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(record, "record")
    return problems


def lint(record: dict) -> list[str]:
    """Warnings for the author: double-quoted passages and numbers not annotated."""
    text = record["article"]["text"]
    notes = []
    quoted = [(q["start"], q["end"]) for q in record["quotes"]]
    for match in re.finditer(r"[\"“]([^\"”\n]+)[\"”]", text):
        if not any(s <= match.start(1) < e for s, e in quoted):
            notes.append(f"unannotated quote {match.group(1)[:50]!r}")
    counted = [(q["start"], q["end"]) for q in record["quantities"]]
    for match in re.finditer(r"\d[\d,.]*", text):
        tail = text[match.end():match.end() + 9]
        head = text[max(0, match.start() - 12):match.start()]
        if re.search(r"(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\w*\.? $", head):
            continue
        if re.fullmatch(r"(19|20)\d\d", match.group().rstrip(",.")) or re.match(r"\s*(%|per ?cent|hours?|days?|years?|km|kilomet|miles)", tail):
            continue
        if not any(s <= match.start() < e for s, e in counted):
            notes.append(f"number not in quantities: {text[max(0, match.start() - 25):match.end() + 20]!r}")
    return notes


def validate_schema(record: dict, slug: str) -> None:
    if not SCHEMA.exists():
        return
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(record), key=str)
    if errors:
        fail(slug, f"schema: {errors[0].message} at {list(errors[0].absolute_path)}")


def build(slug: str, directory: Path = HERE) -> dict:
    """The gold record of one article, computed from its .txt and .gold.yaml."""
    spec = yaml.safe_load((directory / f"{slug}.gold.yaml").read_text(encoding="utf-8"))
    raw = (directory / f"{slug}.txt").read_text(encoding="utf-8")
    text = clean_text(raw, spec.get("boilerplate") or [], slug)
    record = Builder(slug, spec, text).record()
    problems = check_spans(record)
    if problems:
        fail(slug, "; ".join(problems))
    validate_schema(record, slug)
    return record


def dump(record: dict) -> str:
    return json.dumps(record, indent=1, ensure_ascii=False) + "\n"


def slugs(directory: Path = HERE) -> list[str]:
    return sorted(p.name[: -len(".gold.yaml")] for p in directory.glob("*.gold.yaml"))


def stats(records: list[dict]) -> str:
    """Counts per type and modality, and the central event of each article."""
    lines = []
    per_type: dict[str, list[int]] = {t: [0, 0] for t in EVENT_TYPES}
    per_mod = {m: 0 for m in MODALITIES}
    total = optional = 0
    for record in records:
        seen = set()
        for event in record["events"]:
            total += 1
            optional += bool(event.get("optional"))
            per_type[event["event_type"]][0] += 1
            seen.add(event["event_type"])
            per_mod[event["modality"]] += 1
        for kind in seen:
            per_type[kind][1] += 1
        first = record["events"][0]
        lines.append(f"{record['article']['id']:45s} {first['event_type']:10s} {first['modality']:12s} "
                     f"{len(record['events'])} events")
    lines.append("")
    lines += [f"{t:10s} {n:3d} events in {a:2d} articles" for t, (n, a) in per_type.items()]
    lines += [f"{m:12s} {n:3d}" for m, n in per_mod.items()]
    lines.append(f"total {total} events ({optional} optional) in {len(records)} articles")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", nargs="*")
    parser.add_argument("--check", action="store_true", help="fail if a .gold.json is stale")
    parser.add_argument("--stats", action="store_true", help="print coverage counts")
    parser.add_argument("--lint", action="store_true", help="print authoring warnings")
    args = parser.parse_args(argv)
    names = args.slug or slugs()
    records, stale = [], []
    for slug in names:
        try:
            record = build(slug)
        except AuthoringError as error:
            print(error, file=sys.stderr)
            return 1
        records.append(record)
        target = HERE / f"{slug}.gold.json"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != dump(record):
                stale.append(slug)
        else:
            target.write_text(dump(record), encoding="utf-8")
        if args.lint:
            for note in lint(record):
                print(f"{slug}: {note}")
    if args.stats:
        print(stats(records))
    if stale:
        print(f"stale gold files (run make_gold.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
