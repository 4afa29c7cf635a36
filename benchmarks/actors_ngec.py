"""Actor resolution against the NGEC unit-test phrases (../shared/data/ngec-actor-tests).

Each phrase is parsed and run through the ACTORS stage; the widest mention must carry the
expected country and sector. Prints the accuracies and the time the stage takes next to the
parse. Exits 0 with a note when ../shared is absent. The phrases are read in place, never copied.

    .venv/bin/python benchmarks/actors_ngec.py [--misses]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from eventwire.extract.actors import extract_actors, load_actor_kb
from eventwire.nlp import load_pipeline

CASES = Path(__file__).resolve().parents[2] / "shared" / "data" / "ngec-actor-tests" / "actor_resolution_cases.json"
FLOORS = {"country": 0.45, "sector": 0.40}


def _widest(actors):
    return max(actors, key=_width, default=None)


def _width(actor) -> int:
    return actor.end - actor.start


def main(argv: list[str]) -> int:
    if not CASES.exists():
        print(f"skipped: {CASES} is absent")
        return 0
    nlp, kb = load_pipeline(), load_actor_kb()
    extract_actors(nlp("warm-up"), kb)  # builds the matchers once, outside the timing
    cases = [c for c in json.loads(CASES.read_text("utf-8"))["cases"]
             if c["method"] == "agent_to_code" and "text" in c["input"] and c.get("expected")]
    scores = {"country": [0, 0], "sector": [0, 0]}
    parse_time = stage_time = 0.0
    for case in cases:
        started = time.perf_counter()
        doc = nlp(case["input"]["text"])
        parsed = time.perf_counter()
        best = _widest(extract_actors(doc, kb))
        stage_time += time.perf_counter() - parsed
        parse_time += parsed - started
        for field, key, value in (("country", "country", best and best.country), ("sector", "code_1", best and best.sector)):
            expected = case["expected"].get(key)
            if not expected or (field == "country" and len(expected) != 3):
                continue
            scores[field][1] += 1
            scores[field][0] += value == expected
            if value != expected and "--misses" in argv:
                print(f"{field:8} {case['input']['text']!r}: expected {expected}, got {value}")
    failed = False
    for field, (hits, total) in scores.items():
        accuracy = hits / total if total else 0.0
        failed |= accuracy < FLOORS[field]
        print(f"{field}: {hits}/{total} = {accuracy:.2f} (floor {FLOORS[field]:.2f})")
    print(f"actors stage {stage_time:.3f}s vs parse {parse_time:.3f}s ({100 * stage_time / parse_time:.1f}%)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
