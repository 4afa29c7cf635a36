"""Reads record and gold files, validating each record against eventwire's JSON schema.

A directory is read as its ``*.gold.json`` files (sorted); a ``.jsonl`` file as one
record, or one ``{"skipped": ...}`` line, per line (blank lines ignored); any other
file as one JSON record or a JSON array of records. Anything that does not follow
``eventwire/data/record.schema.json`` raises GoldError naming the file (and line).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .errors import GoldError, message
from .records import Record, Skip

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "record.schema.json"


def load_records(path: str | Path) -> list[Record]:
    """The records of a .json file, a .jsonl file or a directory of *.gold.json."""
    return load_batch(path)[0]


def load_batch(path: str | Path) -> tuple[list[Record], list[Skip]]:
    """Records and the skipped-article lines of a file or directory."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.gold.json"))
        if not files:
            raise GoldError(message("E300", path=path, detail="the folder has no *.gold.json file; "
                                    "give a folder of gold files, a .json or a .jsonl file"))
        return [record for file in files for record in _read_json(file)], []
    if not path.is_file():
        raise GoldError(message("E300", path=path, detail="no such file; give a gold .json, "
                                "a records .jsonl or a folder of *.gold.json"))
    if path.suffix == ".jsonl":
        return _read_jsonl(path)
    return _read_json(path), []


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(message("E300", path=path, detail=f"cannot be read as UTF-8 text ({error}); "
                                "re-save it as UTF-8 JSON")) from error


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise GoldError(message("E300", path=where, detail=f"not valid JSON ({error.msg} at "
                                f"line {error.lineno} column {error.colno}); fix the syntax")) from error


def _read_json(path: Path) -> list[Record]:
    data = _parse(_read_text(path), str(path))
    items = data if isinstance(data, list) else [data]
    return [_record(item, f"{path}[{n}]" if isinstance(data, list) else str(path))
            for n, item in enumerate(items)]


def _read_jsonl(path: Path) -> tuple[list[Record], list[Skip]]:
    records: list[Record] = []
    skips: list[Skip] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        data = _parse(line, where)
        if isinstance(data, dict) and "skipped" in data:
            skips.append(_skip(data["skipped"], where))
        else:
            records.append(_record(data, where))
    return records, skips


def _skip(data: Any, where: str) -> Skip:
    if not isinstance(data, dict):
        raise GoldError(message("E300", path=where, detail='"skipped" must be an object with '
                                '"source", "reason" and "code"'))
    return Skip(source=str(data.get("source", where)), reason=str(data.get("reason", "")),
                code=str(data.get("code", "")))


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _record(data: Any, where: str) -> Record:
    """Validate one record against the schema and build it."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        raise GoldError(message("E300", path=where, detail=f"at {error.json_path}: {error.message}; "
                                "make the record follow eventwire/data/record.schema.json"))
    return Record.from_dict(data)
