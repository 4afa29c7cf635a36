"""Every public gold set in one run: the figures of ``eventwire eval --dataset`` and their time.

    .venv/bin/python benchmarks/accuracy.py [--limit N] [--only NAME ...] [--json]

Prints one line per set (its JSON figures) and a closing table of seconds per set; the
whole run must stay within 20 minutes on the 2-core machine (issue 3). Exits 0 with a note
when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="first N items of every set")
    parser.add_argument("--only", nargs="*", help="these sets only")
    parser.add_argument("--json", action="store_true", help="the JSON lines only")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    from eventwire.datasets import DATASETS, evaluate_dataset

    names = args.only or [n for n in DATASETS if n != "tempeval3:timebank"]
    seconds: dict[str, float] = {}
    for name in names:
        start = time.perf_counter()
        result = evaluate_dataset(name, data_dir=DATA, limit=args.limit)
        seconds[name] = time.perf_counter() - start
        print(json.dumps({"dataset": name, "items": result.items, "seconds": round(seconds[name], 1),
                          **result.figures}, sort_keys=True), flush=True)
        if not args.json:
            for label, value in result.table:
                print(f"    {label:<40} {value}", flush=True)
    if not args.json:
        print(f"total {sum(seconds.values()):.0f} s: " + ", ".join(f"{n} {s:.0f}s" for n, s in seconds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
