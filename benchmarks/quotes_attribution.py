"""Benchmark of the QUOTES and ATTRIBUTION stages, with pinned floors.

Scores the project's own gold articles (tests/data/articles, written for eventwire) and,
when ../shared is beside the checkout, the seed article read in place. Uses the real
actor stage. Quotes as in RECORD.md: a quote matches a gold quote when they overlap by
half the shorter; speaker accuracy on matched quotes (same name, or the same words).
Attribution: for each gold event, ``attribution_for`` on the first verb of its trigger;
correct when both are null or the sources agree (same name or same country+sector).

    .venv/bin/python benchmarks/quotes_attribution.py [-v]

Exits 1 when a score falls below its floor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.extract.actor_kb import load_actor_kb
from eventwire.extract.actors import extract_actors
from eventwire.extract.attribution import attribution_for
from eventwire.extract.quotes import extract_quotes
from eventwire.nlp import index_by_token, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"quote_f1": 0.95, "speaker": 0.90, "attribution": 0.72}


def gold_files() -> list[Path]:
    files = sorted((ROOT / "tests" / "data" / "articles").glob("*.gold.json"))
    seed = ROOT.parent / "shared" / "spec" / "examples" / "seed.gold.json"
    return files + ([seed] if seed.exists() else [])


def overlaps(gold: dict, quote) -> bool:
    shared = min(gold["end"], quote.end) - max(gold["start"], quote.start)
    return shared > 0 and shared >= 0.5 * min(gold["end"] - gold["start"], quote.end - quote.start)


def same_source(gold: dict | None, actor) -> bool:
    if gold is None or actor is None:
        return gold is None and actor is None
    if gold.get("name") and actor.name and gold["name"].lower() == actor.name.lower():
        return True
    if gold.get("country") and gold["country"] == actor.country and gold.get("sector") == actor.sector:
        return True
    return max(gold["start"], actor.start) < min(gold["end"], actor.end)


def trigger_token(doc, trigger: dict):
    span = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
    verbs = [t for t in span if t.pos_ == "VERB"] or [t for t in span if t.pos_ in ("NOUN", "ADJ")]
    return (verbs or list(span))[0]


def score(verbose: bool) -> dict[str, float]:
    nlp, kb = load_pipeline(), load_actor_kb()
    counts = dict.fromkeys(("hits", "output", "gold", "speakers", "events", "attributions"), 0)
    for path in gold_files():
        gold = json.loads(path.read_text("utf-8"))
        doc = nlp(gold["article"]["text"])
        actors = extract_actors(doc, kb)
        quotes = extract_quotes(doc, actors)
        counts["output"] += len(quotes)
        counts["gold"] += len(gold["quotes"])
        free = list(quotes)
        for wanted in gold["quotes"]:
            match = next((q for q in free if overlaps(wanted, q)), None)
            if match is None:
                continue
            free.remove(match)
            counts["hits"] += 1
            counts["speakers"] += same_source(wanted["speaker"], match.speaker)
        index = index_by_token(doc, actors)
        for event in gold["events"]:
            ours = attribution_for(trigger_token(doc, event["trigger"]), index)
            wanted = event.get("attribution")
            right = same_source(wanted and wanted["source"], ours and ours.source)
            counts["events"] += 1
            counts["attributions"] += right
            if verbose and not right:
                print(f"{path.name}: {event['trigger']['text']!r} gold={wanted and wanted['text']!r} "
                      f"ours={ours and ours.text!r}")
    precision = counts["hits"] / max(counts["output"], 1)
    recall = counts["hits"] / max(counts["gold"], 1)
    return {
        "quote_f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "speaker": counts["speakers"] / max(counts["hits"], 1),
        "attribution": counts["attributions"] / max(counts["events"], 1),
    }


def main() -> int:
    scores = score("-v" in sys.argv)
    failed = [name for name, floor in FLOORS.items() if scores[name] < floor]
    for name, value in scores.items():
        print(f"{name:12} {value:.3f}  (floor {FLOORS[name]:.2f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
