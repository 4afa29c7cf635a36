"""The command line: parse arguments, call the library, print.

    eventwire code PATH... [--published YYYY-MM-DD] [--outlet NAME] [--url URL]
    eventwire eval GOLD... --output RECORDS.jsonl [--json]
    eventwire eval --dataset NAME [--limit N] [--data-dir DIR] [--errors [K]] [--json]
    eventwire ingest SOURCE... [--db PATH] [--workers N]
    eventwire query [--db PATH] [--type T] [--modality M] [--country ISO3] [--since D] ... [--json]
    eventwire export --format jsonl|csv|parquet|plover|gdelt --output PATH [--db PATH]
    eventwire stats [--db PATH] [--by type|dyad] [--png PATH]
    eventwire serve [--db PATH] [--host 127.0.0.1] [--port 8000] [--code-token-file FILE]

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
from .corpus import ingest
from .datasets import DEFAULT_DATA_DIR, evaluate_dataset, print_result
from .export import FORMATS, export
from .store.duckdb import Store
from .store.query import EventFilter, query_events
from .store.stats import KEYS, daily_counts, plot
from .errors import EventwireError
from .ingest import read_inputs
from .pipeline import code_article
from .records import Skip


DEFAULT_DB = "eventwire.duckdb"


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
    _fetch_options(code)
    score = commands.add_parser("eval", help="score records against gold records, or on a public data set")
    score.add_argument("golds", nargs="*", metavar="GOLD", help="gold .json files, .jsonl, or directories")
    score.add_argument("--output", help="the records eventwire wrote (JSON Lines)")
    score.add_argument("--json", action="store_true", help="print one JSON line of figures")
    score.add_argument("--dataset", metavar="NAME", help="a public set in --data-dir, e.g. geoparsing:TR-News")
    score.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="the folder holding the data sets")
    score.add_argument("--limit", type=int, help="score only the first N items of the set")
    score.add_argument("--errors", type=int, nargs="?", const=20, default=0, metavar="K",
                       help="list the K worst cases (default 20)")
    _store_commands(commands)
    return parser


def _store_commands(commands: argparse._SubParsersAction) -> None:
    """The corpus commands: ingest into the store, query it, export it."""
    ingest = commands.add_parser("ingest", help="code many articles into a DuckDB store")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE", help="files, directories, .jsonl, or -")
    ingest.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    ingest.add_argument("--workers", type=int, help="processes coding in parallel (default: every core)")
    ingest.add_argument("--published", help="publication date for inputs that lack one")
    ingest.add_argument("--outlet", help="outlet for inputs that lack one")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.add_argument("--log", action="store_true", help="one line on stderr per article stored")
    _fetch_options(ingest)
    query = commands.add_parser("query", help="events in the store, filtered")
    query.add_argument("--db", default=DEFAULT_DB)
    for name, text in (("since", "YYYY-MM-DD"), ("until", "YYYY-MM-DD"), ("type", "PLOVER type"),
                       ("modality", "asserted|future|hypothetical|negated"),
                       ("country", "ISO alpha-3 of actor or recipient"), ("place", "place name or ISO3"),
                       ("outlet", "publisher"), ("text", "words in the evidence")):
        query.add_argument(f"--{name}", help=text)
    query.add_argument("--limit", type=int, default=100)
    query.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    export = commands.add_parser("export", help="write the store as JSON Lines, CSV or Parquet")
    export.add_argument("--db", default=DEFAULT_DB)
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--output", required=True)
    serve = commands.add_parser("serve", help="the REST API and the dashboard over a store")
    serve.add_argument("--db", default=DEFAULT_DB)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--code-token-file", metavar="FILE",
                       help="enable POST /api/code for requests bearing the token kept in FILE")
    stats = commands.add_parser("stats", help="events per day by type or dyad, as a table and a PNG")
    stats.add_argument("--db", default=DEFAULT_DB)
    stats.add_argument("--by", choices=sorted(KEYS), default="type")
    stats.add_argument("--png", help="also draw the counts as a bar chart in this PNG file")


def _fetch_options(parser: argparse.ArgumentParser) -> None:
    """How URLs and feeds are fetched (SOURCE or PATH may be an http(s) URL)."""
    parser.add_argument("--allow-private", action="store_true", help=_help("allow_private_addresses"))
    parser.add_argument("--fetch-timeout", type=float, help=_help("fetch_timeout"))
    parser.add_argument("--max-fetch-bytes", type=int, help=_help("max_fetch_bytes"))


def _fetch_settings(args: argparse.Namespace) -> dict[str, object]:
    return {"allow_private_addresses": True if args.allow_private else None,
            "fetch_timeout": args.fetch_timeout, "max_fetch_bytes": args.max_fetch_bytes}


def _help(name: str) -> str:
    return next(text for key, _default, text in SETTINGS if key == name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "eval":
            return run_eval(args, out=sys.stdout, err=sys.stderr)
        if args.command in STORE_COMMANDS:
            return STORE_COMMANDS[args.command](args, out=sys.stdout, err=sys.stderr)
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
            lexicon_dir=args.lexicon_dir, min_confidence=args.min_confidence, **_fetch_settings(args))
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


def run_ingest(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    try:
        summary = ingest(args.sources, db=args.db, settings=load_settings(**_fetch_settings(args)),
                         workers=args.workers,
                         published=args.published, outlet=args.outlet, progress=not args.no_progress,
                         log=err if args.log else None)
    except EventwireError as error:
        print(f"eventwire: {error}", file=err)
        return 2
    for line in summary.lines():
        print(line, file=err)
    return 0 if summary.coded or summary.duplicates or summary.already_stored or not summary.skipped else 1


def run_query(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    selection = EventFilter(since=args.since, until=args.until, event_type=args.type,
                            modality=args.modality, country=args.country, place=args.place,
                            outlet=args.outlet, text=args.text, limit=args.limit)
    try:
        with Store(args.db) as store:
            rows = query_events(store, selection)
    except EventwireError as error:
        print(f"eventwire: {error}", file=err)
        return 2
    for row in rows:
        if args.json:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            who = ",".join(row["actor_countries"] or []) or "-"
            whom = ",".join(row["recipient_countries"] or []) or "-"
            out.write(f"{row['date'] or row['published'] or '':<10}  {row['event_type']:<9} "
                      f"{row['modality']:<12} {who:>7} -> {whom:<7} {row['trigger']}\n")
    return 0


def run_export(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    try:
        with Store(args.db) as store:
            count = export(store, fmt=args.format, path=args.output)
    except EventwireError as error:
        print(f"eventwire: {error}", file=err)
        return 2
    print(f"wrote {count} {'records' if args.format == 'jsonl' else 'events'} to {args.output}", file=err)
    return 0


def run_stats(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    try:
        with Store(args.db) as store:
            rows = daily_counts(store, by=args.by)
    except EventwireError as error:
        print(f"eventwire: {error}", file=err)
        return 2
    for day, key, count in rows:
        out.write(f"{day}  {key:<12} {count}\n")
    if args.png:
        plot(rows, args.png, title=f"events per day by {args.by}")
        print(f"wrote {args.png}", file=err)
    return 0


def run_serve(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    """Serve the store; the token comes from a file so that it never shows in ``ps``."""
    from .serve import serve

    token = Path(args.code_token_file).read_text("utf-8").strip() if args.code_token_file else None
    serve(args.db, host=args.host, port=args.port, token=token)
    return 0


STORE_COMMANDS = {"ingest": run_ingest, "query": run_query, "export": run_export, "stats": run_stats,
                  "serve": run_serve}


if __name__ == "__main__":
    sys.exit(main())
