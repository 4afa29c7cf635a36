"""Loads the packaged YAML lexicons of the extract stages, reporting file:line on error.

Each lexicon is a YAML mapping of named sections; a stage declares the sections it needs
and the shape of each ("mapping" or "list"), so a broken file fails at load with the
line to fix instead of deep inside an article.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import parse_yaml

from ..errors import DataFileError, message

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"
SHAPES = {"mapping": dict, "list": list}


@lru_cache(maxsize=16)
def load_lexicon(name: str, *, sections: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """Read ``data/lexicons/<name>``; every (section, shape) in ``sections`` must be present."""
    path = LEXICON_DIR / name
    text = path.read_text("utf-8")
    data = parse_yaml(text, path=path, lines=False)
    if not isinstance(data, dict):
        raise DataFileError(message("E200", path=path, line=1, detail="expected a mapping of sections"))
    for section, shape in sections:
        if not isinstance(data.get(section), SHAPES[shape]):
            raise DataFileError(message(
                "E200", path=path, line=line_of(text, section),
                detail=f"section '{section}' must be a {shape}; fix or restore the packaged file",
            ))
    return data


def fail(name: str, key: str, detail: str) -> DataFileError:
    """A DataFileError pointing at the first line of lexicon ``name`` that mentions ``key``."""
    path = LEXICON_DIR / name
    return DataFileError(message("E200", path=path, line=line_of(path.read_text("utf-8"), key),
                                 detail=detail))


def line_of(text: str, key: str) -> int:
    """1-based number of the first line holding ``key`` (1 when absent)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if key in line:
            return number
    return 1
