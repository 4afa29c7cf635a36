"""Accuracy of the whole pipeline on eventwire's own gold articles and on the seed article.

Each ``tests/data/articles/<slug>.txt`` is read as ``eventwire code`` reads it
(``read_inputs``), with ``--published`` and ``--outlet`` taken from the ``article`` of its
``<slug>.gold.json``, coded with ``code_article`` under default Settings, and scored with
``eventwire.evaluate.score`` (articles pair by text, as in ``eventwire eval``). The seed
(../shared/spec/examples/seed-article.txt, published 2022-02-02, outlet UNILAD, against
seed.gold.json) is scored apart and read in place; it is skipped when ../shared is absent.

    .venv/bin/python benchmarks/articles.py [--json] [--details]

Prints the report table of each set, then one JSON line with both sets' figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.config import Settings
from eventwire.evaluate import Scores, load_records, report, score
from eventwire.ingest import read_inputs
from eventwire.pipeline import code_article
from eventwire.records import Record, Skip

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "data" / "articles"
SEED = ROOT.parent / "shared" / "spec" / "examples"
FIGURES = ("event_precision", "event_recall", "event_f1", "dyad_precision", "dyad_recall", "dyad_f1",
           "modality_accuracy", "date_accuracy", "location_accuracy", "size_accuracy",
           "attribution_accuracy", "quote_precision", "quote_recall", "quote_f1",
           "speaker_accuracy", "duplicate_rate")


def own_pairs() -> list[tuple[Path, Path]]:
    """(text, gold) for every own article that has both files."""
    return [(text, text.with_name(text.stem + ".gold.json")) for text in sorted(OWN.glob("*.txt"))
            if text.with_name(text.stem + ".gold.json").exists()]


def code_pairs(pairs: list[tuple[Path, Path]], settings: Settings, *,
               published: str | None = None, outlet: str | None = None) -> Scores:
    """Code each text with its gold's date and outlet (or the ones given) and score the set."""
    golds: list[Record] = []
    outputs: list[Record] = []
    skips: list[Skip] = []
    for text, gold_path in pairs:
        gold = load_records(gold_path)
        golds += gold
        meta = gold[0].article
        for item in read_inputs([str(text)], settings=settings, published=published or meta.published,
                                outlet=outlet or meta.outlet):
            if isinstance(item, Skip):
                skips.append(item)
            else:
                outputs.append(code_article(item, settings))
    return score(golds, outputs, skipped=skips)


def figures(scores: Scores) -> dict:
    """The headline figures and the total counts, JSON-ready."""
    return {**{name: getattr(scores, name) for name in FIGURES},
            "counts": scores.counts.get("total", {}),
            "unknown_articles": scores.unknown_articles, "missing_articles": scores.missing_articles}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--details", action="store_true", help="print every miss and field error too")
    args = parser.parse_args(argv)
    settings = Settings()
    sets: dict[str, Scores] = {"own": code_pairs(own_pairs(), settings)}
    seed_text, seed_gold = SEED / "seed-article.txt", SEED / "seed.gold.json"
    if seed_text.exists() and seed_gold.exists():
        sets["seed"] = code_pairs([(seed_text, seed_gold)], settings, published="2022-02-02", outlet="UNILAD")
    elif not args.json:
        print(f"seed skipped: {seed_text} or {seed_gold} is absent")
    result = {"benchmark": "articles", "own_articles": len(own_pairs()),
              **{name: figures(scores) for name, scores in sets.items()}}
    if not args.json:
        for name, scores in sets.items():
            text = report(scores)
            print(f"== {name} ==", text if args.details else text.split("\n\n")[0], "", sep="\n")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
