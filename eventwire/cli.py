"""The command line: parse arguments, call the library, print.

    eventwire code PATH... [--published YYYY-MM-DD] [--outlet NAME] [--url URL]
    eventwire eval GOLD... --output RECORDS.jsonl [--json]
    eventwire eval --dataset NAME [--limit N] [--data-dir DIR] [--errors [K]] [--json]

``code`` writes one JSON record per article to stdout (JSON Lines), flushed as
each is done; every input it could not code is one line on stderr naming the
input and the reason. It exits 1 only when nothing at all could be coded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence, TextIO

from . import evaluate
from .config import SETTINGS, load_settings
from .datasets import DEFAULT_DATA_DIR, evaluate_dataset, print_result
from .errors import EventwireError
from .ingest import read_inputs
from .pipeline import code_article
from .records import Skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=(
        "Turn news articles into sourced PLOVER event records."))
    commands = parser.add_subparsers(dest="command", required=True)
    code = commands.add_parser("code", help="code articles into JSON Lines records on stdout")
    code.add_argument("paths", nargs="+", metavar="PATH",
                      help=".txt, .html, .json article object, .jsonl, a directory, or - for stdin")
    code.add_argument("--published", help="publication date YYYY-MM-DD (reference for relative dates)")
    code.add_argument("--outlet", help="the publisher, e.g. Reuters")
    code.add_argument("--url", help="the article's URL")
    code.add_argument("--settings", help="a JSON file of settings")
    code.add_argument("--model", help=_help("model"))
    code.add_argument("--max-chars", type=int, help=_help("max_chars"))
    code.add_argument("--no-language-check", action="store_true", help="code non-English text too")
    code.add_argument("--actors", action="append", metavar="FILE", help=_help("actor_files"))
    code.add_argument("--lexicon-dir", help=_help("lexicon_dir"))
    code.add_argument("--min-confidence", type=float, help=_help("min_confidence"))
    code.add_argument("--pretty", action="store_true", help="indent the JSON (one record per block)")
    score = commands.add_parser("eval", help="score records against gold records, or on a public data set")
    score.add_argument("golds", nargs="*", metavar="GOLD", help="gold .json files, .jsonl, or directories")
    score.add_argument("--output", help="the records eventwire wrote (JSON Lines)")
    score.add_argument("--json", action="store_true", help="print one JSON line of figures")
    score.add_argument("--dataset", metavar="NAME", help="a public set in --data-dir, e.g. geoparsing:TR-News")
    score.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="the folder holding the data sets")
    score.add_argument("--limit", type=int, help="score only the first N items of the set")
    score.add_argument("--errors", type=int, nargs="?", const=20, default=0, metavar="K",
                       help="list the K worst cases (default 20)")
    return parser


def _help(name: str) -> str:
    return next(text for key, _default, text in SETTINGS if key == name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "eval":
            return run_eval(args, out=sys.stdout, err=sys.stderr)
        return run_code(args, out=sys.stdout, err=sys.stderr)
    except BrokenPipeError:  # "eventwire code ... | head": the reader has all it wants
        sys.stderr.close()
        return 0


def run_eval(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    """Gold files against an output, or eventwire on a public data set."""
    if args.dataset:
        try:
            result = evaluate_dataset(args.dataset, data_dir=Path(args.data_dir), limit=args.limit,
                                      errors=args.errors)
        except EventwireError as error:
            print(f"eventwire: {error}", file=err)
            return 2
        print_result(result, out=out, as_json=args.json)
        return 0
    if not args.golds or not args.output:
        print("eventwire: eval needs GOLD... --output RECORDS.jsonl, or --dataset NAME", file=err)
        return 2
    return evaluate.run(args.golds, args.output, as_json=args.json)


def run_code(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    """Code every input; a bad one is reported and the rest go on."""
    try:
        settings = load_settings(
            path=args.settings, model=args.model, max_chars=args.max_chars,
            language_check=False if args.no_language_check else None,
            actor_files=tuple(args.actors) if args.actors else None,
            lexicon_dir=args.lexicon_dir, min_confidence=args.min_confidence)
        coded = skipped = 0
        for item in read_inputs(args.paths, settings=settings, published=args.published,
                                outlet=args.outlet, url=args.url):
            if isinstance(item, Skip):
                skipped += 1
                print(f"eventwire: skipped {item.reason} [{item.code}]", file=err)
                continue
            record = code_article(item, settings)
            out.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
            out.flush()
            coded += 1
    except EventwireError as error:
        print(f"eventwire: {error}", file=err)
        return 2
    if coded == 0:
        print(f"eventwire: nothing could be coded ({skipped} input(s) skipped)", file=err)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
