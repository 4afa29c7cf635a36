"""The one YAML reader for eventwire's data files: lexicons, actors, gazetteer.

Every data file is read through here so that they all agree on two things: a
mapping remembers its line (``__line__``, for "file:line: what is wrong"
messages), and only ``true``/``false`` are booleans. YAML 1.1 would otherwise
read the words "on", "off", "yes", "no" of a lexicon, or Norway's code "NO",
as True and False.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError, message

LINE = "__line__"
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class StrictLoader(yaml.SafeLoader):
    """A safe loader whose only booleans are true and false."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


class LineLoader(StrictLoader):
    """A strict loader that records each mapping's line under ``__line__``."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def fail(path: Path | str, line: int, detail: str) -> DataFileError:
    """The DataFileError for ``path``:``line``."""
    return DataFileError(message("E200", path=path, line=line, detail=detail))


def read_yaml(path: Path | str, *, lines: bool = True) -> Any:
    """Parse ``path``; a syntax error or an unreadable file is a DataFileError naming its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise fail(path, 0, f"cannot read the file ({error})") from error
    return parse_yaml(text, path=path, lines=lines)


def parse_yaml(text: str, *, path: Path | str, lines: bool = True) -> Any:
    """Parse YAML text read from ``path`` (named in errors)."""
    try:
        return yaml.load(text, Loader=LineLoader if lines else StrictLoader)  # noqa: S506 - safe loaders
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise fail(path, line, f"not valid YAML: {getattr(error, 'problem', None) or error}") from error
