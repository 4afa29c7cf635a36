"""/api/events under concurrent load: requests per second and latency percentiles.

    .venv/bin/python benchmarks/serve.py [--events 10000] [--seconds 15] [--concurrency 16] [--json]

The store is built in a temporary folder: eventwire's own 21 gold articles
(tests/data/articles/*.txt) are ingested for real (``eventwire.corpus.ingest``), then their
article and event rows are copied with new ids and dates shifted by whole days until there are
at least ``--events`` events (synthetic copies of real rows, so filters and sorts see the real
value mix). The app runs under uvicorn in its own process on 127.0.0.1; this process sends
the load (httpx, asyncio, ``--concurrency`` connections) over loopback, a mix of the
dashboard's queries: the first page, filtered by type, by country, by date range, a later
page, sorted by confidence.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["", "?type=PROTEST", "?country=USA", "?since=2024-01-01&until=2024-06-30",
           "?offset=5000&limit=50", "?sort=-confidence&modality=asserted", "?text=troops&limit=20"]


def build_store(folder: Path, *, events: int) -> dict[str, int]:
    """Ingest the gold articles, then copy their rows until the store has ``events`` events."""
    import duckdb

    from eventwire.config import Settings
    from eventwire.corpus import ingest

    db = folder / "bench.duckdb"
    sources = sorted(str(p) for p in (ROOT / "tests" / "data" / "articles").glob("*.txt"))
    ingest(sources, db=db, settings=Settings(), workers=os.cpu_count(), published="2024-03-01", progress=False)
    con = duckdb.connect(str(db))
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    copies = -(-events // max(base, 1)) - 1
    for copy in range(1, copies + 1):
        suffix = f"#{copy}"
        con.execute("INSERT INTO articles SELECT id || ? AS id, url, outlet, title, "
                    "strftime(CAST(published AS DATE) + INTERVAL (?) DAY, '%Y-%m-%d'), language, text, source, "
                    "NULL, minhash, duplicate_of, ingested_at, record FROM articles WHERE NOT contains(id, '#')",
                    [suffix, copy % 700])
        con.execute("INSERT INTO events SELECT article_id || ?, event_id, event_type, mode, quad_class, modality, "
                    "actor_names, actor_countries, recipient_names, recipient_countries, place_names, "
                    "place_countries, lat, lon, CASE WHEN length(date) = 10 THEN strftime(CAST(date AS DATE) + "
                    "INTERVAL (?) DAY, '%Y-%m-%d') ELSE date END, date_precision, size, size_unit, source_name, "
                    "trigger, evidence, confidence FROM events WHERE NOT contains(article_id, '#')",
                    [suffix, copy % 700])
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events")}  # noqa: S608
    con.close()
    return counts | {"ingested_events": base}


def start_server(db: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (f"import uvicorn; from eventwire.serve import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    return server, port


async def load(base: str, *, seconds: float, concurrency: int) -> tuple[list[float], int]:
    """Send requests from ``concurrency`` connections for ``seconds``; latencies in ms, errors."""
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker(index: int, client: httpx.AsyncClient) -> None:
        nonlocal errors
        turn = index
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await client.get(f"{base}/api/events{QUERIES[turn % len(QUERIES)]}")
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200
            turn += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        await asyncio.gather(*(worker(i, client) for i in range(concurrency)))
    return latencies, errors


def wait_ready(base: str) -> None:
    import httpx

    for _ in range(200):
        try:
            if httpx.get(f"{base}/api/events?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        counts = build_store(Path(tmp), events=args.events)
        server, port = start_server(Path(tmp) / "bench.duckdb")
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base)
            asyncio.run(load(base, seconds=2, concurrency=args.concurrency))  # warm-up
            latencies, errors = asyncio.run(load(base, seconds=args.seconds, concurrency=args.concurrency))
        finally:
            server.terminate()
            server.wait(timeout=10)
    ordered = sorted(latencies)
    figures = {"events": counts["events"], "articles": counts["articles"], "ingested_events": counts["ingested_events"],
               "concurrency": args.concurrency, "seconds": args.seconds, "requests": len(latencies),
               "errors": errors, "requests_per_second": round(len(latencies) / args.seconds, 1),
               "p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(ordered[int(0.95 * len(ordered)) - 1], 1),
               "p99_ms": round(ordered[int(0.99 * len(ordered)) - 1], 1),
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>20}  {value}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
