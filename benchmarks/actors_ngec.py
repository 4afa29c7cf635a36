"""Actor resolution against the NGEC unit-test phrases: a thin wrapper over
``eventwire eval --dataset ngec-actor-tests`` (the logic lives in eventwire/datasets/ngec.py).

Prints the figures and, with ``--misses``, every failed case; exits 1 below the floors and 0
with a note when ../shared is absent. The phrases are read in place, never copied.

    .venv/bin/python benchmarks/actors_ngec.py [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.datasets import evaluate_dataset, print_result

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FLOORS = {"pass_rate": 0.80, "country_accuracy": 0.88, "sector_accuracy": 0.80}


def main(argv: list[str]) -> int:
    if not (DATA / "ngec-actor-tests").is_dir():
        print(f"skipped: {DATA / 'ngec-actor-tests'} is absent")
        return 0
    result = evaluate_dataset("ngec-actor-tests", data_dir=DATA, errors=10_000 if "--misses" in argv else 0)
    print_result(result, out=sys.stdout, as_json=False)
    low = [name for name, floor in FLOORS.items() if (result.figures.get(name) or 0.0) < floor]
    for name in low:
        print(f"below floor: {name} {result.figures.get(name)} < {FLOORS[name]}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
