"""Public gold sets: a loader for each set's own format and a scorer for the stage it tests.

``eventwire eval --dataset NAME`` looks NAME up in ``DATASETS``: the folder's name in
``../shared/data``, or ``folder:part`` for one file or split of a folder that holds several
("geoparsing:TR-News"). Each entry names the module that knows the set; every module has

    evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult

which reads the original files in place (no converted copies live in the repository), runs
the relevant part of the pipeline, and returns the figures, a short table and the worst cases.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import TextIO

from ..errors import DatasetError, message
from ..records import DatasetResult

# name -> (module, part): the module under eventwire.datasets that scores the set.
DATASETS: dict[str, tuple[str, str | None]] = {
    "plover-gsr": ("event_types", "plover-gsr"),
    "zero-shot-plover": ("event_types", "zero-shot-plover"),
    "case2021-task2": ("event_types", "case2021-task2"),
    "confliBERT-cameo": ("event_types", "confliBERT-cameo"),
    "petrarch2-unittests": ("event_types", "petrarch2-unittests"),
    "geoparsing:GWN": ("geoparsing", "GWN"),
    "geoparsing:TR-News": ("geoparsing", "TR-News"),
    "geoparsing:LGL": ("geoparsing", "LGL"),
    "geoparsing:GeoVirus": ("geoparsing", "GeoVirus"),
    "tempeval3": ("tempeval", "platinum"),
    "tempeval3:timebank": ("tempeval", "timebank"),
    "polnear": ("polnear", "test"),
    "meantime-factuality": ("factuality", "meantime"),
    "uw-factuality": ("factuality", "uw"),
    "newsquant": ("newsquant", None),
    "re3d": ("re3d", None),
    "ngec-actor-tests": ("ngec", None),
    "ecbplus": ("ecbplus", None),
}
DEFAULT_DATA_DIR = Path("../shared/data")


def evaluate_dataset(name: str, *, data_dir: Path = DEFAULT_DATA_DIR, limit: int | None = None,
                     errors: int = 0) -> DatasetResult:
    """Score eventwire on one public set; DatasetError when the name or the data is wrong."""
    if name not in DATASETS:
        raise DatasetError(message("E400", name=name, known=", ".join(sorted(DATASETS))))
    module_name, part = DATASETS[name]
    folder = name.split(":", 1)[0]
    if not (Path(data_dir) / folder).is_dir():
        raise DatasetError(message("E401", name=name, path=Path(data_dir) / folder))
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.evaluate(Path(data_dir) / folder, part=part, limit=limit, errors=errors)


def print_result(result: DatasetResult, *, out: TextIO, as_json: bool) -> None:
    """One JSON line of figures; then, unless ``as_json``, the table and the worst cases."""
    print(json.dumps({"dataset": result.name, "items": result.items, **result.figures},
                     ensure_ascii=False, sort_keys=True), file=out)
    if as_json:
        return
    width = max((len(label) for label, _ in result.table), default=10)
    for label, value in result.table:
        print(f"  {label:<{width}}  {value}", file=out)
    if result.worst:
        print("worst cases:", file=out)
        for line in result.worst:
            print(f"  {line}", file=out)
