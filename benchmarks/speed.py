"""Throughput of eventwire on one core, beside spaCy's own parse of the same texts.

The corpus is the article texts of ../shared/data/polnear (data/test/text/*.txt), read in
place and never printed or copied; the first ``--limit`` files in name order, each with its
publisher and publication date from data/metadata.tsv. Measured per article, in one process:

- ``spacy nlp()``: ``load_pipeline()(raw text)``, the same pipeline eventwire parses with;
- ``eventwire``: ``article_from_text`` (cleaning, language check) + ``code_article``;
- ``code_article``: the same call timed alone (cleaning excluded);
- the stages: the stage functions called as ``eventwire/pipeline.py`` calls them, each timed.

The three per-article measurements run interleaved (their order rotates per article), so
load from other processes falls on all of them alike. ``spacy nlp.pipe`` (batched) is a
separate pass. Models and data files load before any timing; load time is reported apart.
Threads are pinned to one (OMP/BLAS variables set before spaCy is imported) and the process
is bound to one CPU (``os.sched_setaffinity``). Wall and CPU (process) seconds are both kept.

    .venv/bin/python benchmarks/speed.py [--limit N] [--json] [--profile K] [--cpu C]

Exits 0 with a note when ../shared is absent.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
              "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402  (the thread variables must be set before spaCy loads)
import cProfile  # noqa: E402
import io  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from eventwire.coding.events import code_events  # noqa: E402
from eventwire.coding.ontology import load_lexicon  # noqa: E402
from eventwire.config import Settings  # noqa: E402
from eventwire.errors import EventwireError  # noqa: E402
from eventwire.extract.actors import distinct_entities, extract_actors, load_actor_kb  # noqa: E402
from eventwire.extract.places import extract_places, load_gazetteer  # noqa: E402
from eventwire.extract.quantities import extract_quantities  # noqa: E402
from eventwire.extract.quotes import extract_quotes  # noqa: E402
from eventwire.extract.times import extract_times  # noqa: E402
from eventwire.ingest import article_from_text  # noqa: E402
from eventwire.nlp import load_pipeline  # noqa: E402
from eventwire.pipeline import code_article  # noqa: E402
from eventwire.records import Article, Mentions, Record  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "data"
STAGES = ("parse", "actors", "places", "times", "quantities", "quotes", "events", "assemble")
MEASURES = ("spacy", "eventwire", "stages")
WARM_UP = ("Meridian Wire, 3 March 2026. The foreign minister of Norway said on Tuesday that "
           "200 soldiers would leave Oslo. \"We will talk,\" she said.\n")
DEFAULT_LIMIT = 84  # all of the PolNeAR test split


@dataclass(slots=True)
class Text:
    """One corpus file: its name, raw text and the metadata eventwire is given."""

    name: str
    text: str
    published: str | None
    outlet: str | None


class Clock:
    """Sums wall and CPU seconds per label."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    @contextmanager
    def time(self, label: str):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[label] += time.perf_counter() - wall
            self.cpu[label] += time.process_time() - cpu


def read_corpus(root: Path, *, limit: int) -> list[Text]:
    """The first ``limit`` test texts by file name, with publisher and date from metadata.tsv."""
    meta: dict[str, dict[str, str]] = {}
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("compartment") == "test":
                meta[row["filename"]] = row
    texts = []
    for path in sorted((root / "test" / "text").glob("*.txt"))[:limit]:
        row = meta.get(path.name, {})
        texts.append(Text(name=path.name, text=path.read_text("utf-8"),
                          published=row.get("publication_date") or None,
                          outlet=row.get("publisher") or None))
    return texts


def code_by_stages(article: Article, settings: Settings, clock: Clock) -> Record:
    """``pipeline.code_article`` step by step, in its order, each stage under the clock."""
    with clock.time("parse"):
        doc = load_pipeline(settings.model)(article.text)
    with clock.time("actors"):
        actors = extract_actors(doc, load_actor_kb(extra_files=tuple(settings.actor_files)))
    with clock.time("places"):
        places = extract_places(doc, load_gazetteer())
    with clock.time("times"):
        times = extract_times(doc, article.published)
    with clock.time("quantities"):
        quantities = extract_quantities(doc)
    with clock.time("quotes"):
        quotes = extract_quotes(doc, actors)
    mentions = Mentions(actors=actors, places=places, times=times, quantities=quantities, quotes=quotes)
    with clock.time("events"):
        events = code_events(doc, mentions, load_lexicon(settings.lexicon_dir), published=article.published)
    with clock.time("assemble"):
        events = [e for e in events if (e.confidence or 0.0) >= settings.min_confidence]
        record = Record(article=article, events=events, entities=distinct_entities(actors),
                        quotes=mentions.quotes, quantities=mentions.quantities)
    return record


def load_models(settings: Settings) -> dict[str, float]:
    """Load the pipeline and every data file, then code one warm-up article; seconds of each."""
    seconds: dict[str, float] = {}
    for label, loader in (("spacy model", load_pipeline), ("actor kb", load_actor_kb),
                          ("gazetteer", load_gazetteer), ("lexicon", load_lexicon)):
        started = time.perf_counter()
        loader()
        seconds[label] = time.perf_counter() - started
    started = time.perf_counter()
    code_article(article_from_text(WARM_UP, settings=settings, published="2026-03-03"), settings)
    seconds["warm-up article"] = time.perf_counter() - started
    return seconds


def measure_one(item: Text, settings: Settings, clock: Clock, *, turn: int) -> dict[str, int] | None:
    """Time the three measures on one text, in rotated order; None when ingest refuses it."""
    nlp = load_pipeline(settings.model)
    try:
        article = article_from_text(item.text, settings=settings, published=item.published,
                                    outlet=item.outlet, source=item.name)
    except EventwireError as error:
        print(f"skipped {item.name}: {error}", file=sys.stderr)
        return None
    sizes = {"raw_chars": len(item.text), "clean_chars": len(article.text)}
    records = {}
    for measure in MEASURES[turn % 3:] + MEASURES[: turn % 3]:
        if measure == "spacy":
            with clock.time("spacy nlp()"):
                sizes["tokens"] = len(nlp(item.text))
        elif measure == "eventwire":
            with clock.time("eventwire"):
                with clock.time("article_from_text"):
                    article = article_from_text(item.text, settings=settings, published=item.published,
                                                outlet=item.outlet, source=item.name)
                with clock.time("code_article"):
                    records["pipeline"] = code_article(article, settings)
        else:
            records["stages"] = code_by_stages(article, settings, clock)
    if records["pipeline"].to_dict() != records["stages"].to_dict():
        print(f"warning: the staged run differs from code_article on {item.name}", file=sys.stderr)
    return sizes


def measure_pipe(texts: list[str], clock: Clock) -> None:
    """spaCy's batched parse of the same raw texts (one process, default batch size)."""
    nlp = load_pipeline()
    with clock.time("spacy nlp.pipe"):
        for _ in nlp.pipe(texts, n_process=1):
            pass


def profile(corpus: list[Text], settings: Settings, *, top: int) -> str:
    """cProfile of ingest + code_article over the corpus: the ``top`` functions by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for item in corpus:
        try:
            code_article(article_from_text(item.text, settings=settings, published=item.published,
                                           outlet=item.outlet, source=item.name), settings)
        except EventwireError:
            continue
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def summary(clock: Clock, sizes: list[dict[str, int]], loads: dict[str, float]) -> dict:
    """All figures as one JSON-ready dict."""
    count = len(sizes)
    base = clock.wall["spacy nlp()"]
    rows = {}
    for label in ("spacy nlp()", "spacy nlp.pipe", "eventwire", "code_article", "article_from_text"):
        wall = clock.wall[label]
        rows[label] = {"wall_s": round(wall, 4), "cpu_s": round(clock.cpu[label], 4),
                       "articles_per_s": round(count / wall, 3) if wall else None,
                       "ms_per_article": round(1000 * wall / count, 2) if count else None,
                       "spacy_over_this": round(base / wall, 3) if wall else None}
    parse = clock.wall["parse"]
    staged = sum(clock.wall[s] for s in STAGES)
    stages = {s: {"wall_s": round(clock.wall[s], 4), "cpu_s": round(clock.cpu[s], 4),
                  "ms_per_article": round(1000 * clock.wall[s] / count, 2) if count else None,
                  "pct_of_parse": round(100 * clock.wall[s] / parse, 1) if parse else None,
                  "pct_of_total": round(100 * clock.wall[s] / staged, 1) if staged else None}
              for s in STAGES}
    return {"benchmark": "speed", "corpus": "polnear test texts", "articles": count,
            "raw_chars": sum(s["raw_chars"] for s in sizes),
            "clean_chars": sum(s["clean_chars"] for s in sizes),
            "tokens": sum(s["tokens"] for s in sizes), "load_s": {k: round(v, 3) for k, v in loads.items()},
            "rows": rows, "stages": stages, "stages_total_s": round(staged, 4),
            "cpu_affinity": sorted(os.sched_getaffinity(0)), "omp_num_threads": os.environ["OMP_NUM_THREADS"],
            "python": platform.python_version(), "spacy": spacy.__version__}


def table(result: dict) -> str:
    """The figures as aligned text."""
    lines = [f"{result['articles']} articles, {result['raw_chars']} raw chars "
             f"({result['clean_chars']} after cleaning), {result['tokens']} spaCy tokens; "
             f"CPU {result['cpu_affinity']}, OMP_NUM_THREADS={result['omp_num_threads']}",
             "load: " + ", ".join(f"{k} {v:.2f}s" for k, v in result["load_s"].items()), "",
             f"{'run':22} {'wall s':>8} {'cpu s':>8} {'art/s':>8} {'ms/art':>8} {'ratio':>6}"]
    for label, row in result["rows"].items():
        lines.append(f"{label:22} {row['wall_s']:8.2f} {row['cpu_s']:8.2f} {row['articles_per_s'] or 0:8.2f} "
                     f"{row['ms_per_article'] or 0:8.1f} {row['spacy_over_this'] or 0:6.3f}")
    lines += ["(ratio = spacy nlp() wall time / this row's wall time; eventwire = article_from_text + "
              "code_article)", "", f"{'stage':12} {'wall s':>8} {'cpu s':>8} {'ms/art':>8} "
              f"{'% parse':>8} {'% total':>8}"]
    for stage, row in result["stages"].items():
        lines.append(f"{stage:12} {row['wall_s']:8.3f} {row['cpu_s']:8.3f} {row['ms_per_article'] or 0:8.2f} "
                     f"{row['pct_of_parse'] or 0:8.1f} {row['pct_of_total'] or 0:8.1f}")
    lines.append(f"{'all stages':12} {result['stages_total_s']:8.3f}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"first N texts (default {DEFAULT_LIMIT})")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="also print a cProfile top K")
    parser.add_argument("--cpu", type=int, default=None, help="CPU to bind to (default: the first allowed)")
    args = parser.parse_args(argv)
    if not (POLNEAR / "metadata.tsv").exists():
        print(f"skipped: {POLNEAR} is absent (the PolNeAR texts live in ../shared/data/polnear)")
        return 0
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0)) if args.cpu is None else args.cpu})
    settings = Settings()
    loads = load_models(settings)
    corpus = read_corpus(POLNEAR, limit=args.limit)
    clock = Clock()
    measured = [(item, measure_one(item, settings, clock, turn=turn)) for turn, item in enumerate(corpus)]
    sizes = [size for _, size in measured if size is not None]
    measure_pipe([item.text for item, size in measured if size is not None], clock)
    result = summary(clock, sizes, loads)
    if not args.json:
        print(table(result))
        if args.profile:
            print(profile(corpus, settings, top=args.profile))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
