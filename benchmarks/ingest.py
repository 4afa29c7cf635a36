"""Ingest throughput: articles per second on every core, store size per 1,000 articles, peak memory.

    .venv/bin/python benchmarks/ingest.py [--limit 1000] [--workers 2] [--json]

The corpus is built in a temporary folder from real article texts in ../shared/data, read in
place: the PolNeAR texts (all splits), then the geoparsing articles (GWN, LGL, TR-News,
GeoVirus) until ``--limit``. Nothing is copied into the repository; the temporary folder and
store are deleted afterwards. Exits 0 with a note when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def corpus_texts(limit: int) -> list[str]:
    """Up to ``limit`` article texts, PolNeAR first, then the geoparsing sets."""
    texts = [p.read_text("utf-8", errors="replace") for p in sorted((SHARED / "polnear").rglob("text/*.txt"))]
    for path in sorted((SHARED / "geoparsing").rglob("*.xml")):
        if len(texts) >= limit:
            break
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        texts += [t.text for t in root.iter("text") if t.text and len(t.text.split()) > 40]
    unique = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
    return unique[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the evaluation data sit beside a checkout)")
        return 0
    from eventwire.config import Settings
    from eventwire.corpus import ingest
    from eventwire.store.duckdb import Store

    texts = corpus_texts(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for number, text in enumerate(texts):
            (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        summary = ingest([str(folder)], db=db, settings=Settings(), workers=args.workers, progress=False)
        seconds = time.perf_counter() - start
        with Store(db) as store:
            counts = store.counts()
        size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.duckdb.*"))
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    result = {
        "benchmark": "ingest", "articles_in": len(texts), "coded": summary.coded, "duplicates": summary.duplicates,
        "skipped": len(summary.skipped), "events": counts["events"], "workers": args.workers,
        "seconds": round(seconds, 2), "articles_per_s": round(len(texts) / seconds, 2),
        "db_mb": round(size / 1e6, 2), "db_mb_per_1000": round(size / 1e6 * 1000 / max(len(texts), 1), 2),
        "peak_rss_mb_one_process": round(peak / 1024, 1),
    }
    if not args.json:
        for key, value in result.items():
            print(f"{key:<26} {value}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
