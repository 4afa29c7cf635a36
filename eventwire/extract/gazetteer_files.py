"""Loads and validates the gazetteer's data files, reporting file:line for any error.

Reads ``regions.yaml``, ``aliases.yaml``, ``admin1.csv`` and ``country_centroids.csv``
from ``eventwire/data/gazetteer/``; each opens with a comment naming its source
and licence. Lines starting with ``#`` in the CSV files are comments.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafiles import LINE, fail, read_yaml

REGION_KEYS = {"name", "aliases", "feature", "countries", "lat", "lon"}
PREFERRED_KEYS = {"name", "country", "feature", "place"}


@dataclass(frozen=True, slots=True)
class Region:
    """A named region from regions.yaml ("Eastern Europe", "the Sahel")."""

    name: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...] | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Admin1Row:
    """A curated first-level unit from admin1.csv."""

    country: str
    code: str
    name: str
    aliases: tuple[str, ...]
    lat: float | None
    lon: float | None
    check_city: str


@dataclass(frozen=True, slots=True)
class Preferred:
    """The referent a shared name usually means in news (aliases.yaml, ``preferred``)."""

    name: str
    country: str
    feature: str
    place: str


def load_regions(path: Path, *, countries: set[str]) -> list[Region]:
    """Regions from ``path``; ``countries`` are the valid ISO alpha-3 codes."""
    entries = read_yaml(path)
    if not isinstance(entries, list):
        raise fail(path, 1, "expected a list of regions (- name: ...)")
    return [region_from(entry, path, countries) for entry in entries]


def region_from(entry: Any, path: Path, countries: set[str]) -> Region:
    """One validated region entry."""
    if not isinstance(entry, dict):
        raise fail(path, 1, f"each region must be a mapping, got {entry!r}")
    line = entry.pop(LINE)
    if set(entry) != REGION_KEYS:
        raise fail(path, line, f"a region needs exactly the keys {sorted(REGION_KEYS)}, "
                               f"got {sorted(entry)}")
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        raise fail(path, line, "name must be a non-empty string")
    if entry["feature"] != "region":
        raise fail(path, line, f"feature must be 'region', got {entry['feature']!r}")
    aliases = entry["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise fail(path, line, "aliases must be a list of names ([] when none)")
    codes = entry["countries"]
    if codes is not None and (not isinstance(codes, list) or set(codes) - countries):
        raise fail(path, line, f"countries must be null or a list of ISO alpha-3 codes, got {codes!r}")
    lat, lon = coordinates(entry["lat"], entry["lon"], path, line)
    return Region(entry["name"], tuple(aliases), None if codes is None else tuple(codes), lat, lon)


def coordinates(lat: Any, lon: Any, path: Path, line: int) -> tuple[float | None, float | None]:
    """Validated (lat, lon): both null, or numbers within range."""
    if lat is None and lon is None:
        return None, None
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError) as error:
        raise fail(path, line, f"lat/lon must be numbers or both null, got {lat!r}, {lon!r}") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(path, line, f"lat/lon out of range: {lat}, {lon}")
    return lat, lon


def load_aliases(path: Path, *, countries: set[str]) -> tuple[dict[str, list[str]], list[Preferred]]:
    """Country aliases (alpha-3 -> names) and preferred referents from aliases.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict) or {"countries", "preferred"} - set(data):
        raise fail(path, 1, "expected the keys 'countries' and 'preferred'")
    table = dict(data["countries"])
    line = table.pop(LINE, 1)
    for code, names in table.items():
        if code not in countries or not isinstance(names, list):
            raise fail(path, line, f"countries: {code!r} must be an ISO alpha-3 code with a list of names")
    return table, [preferred_from(entry, path) for entry in data["preferred"]]


def preferred_from(entry: Any, path: Path) -> Preferred:
    """One validated ``preferred`` entry."""
    line = entry.pop(LINE, 1) if isinstance(entry, dict) else 1
    if not isinstance(entry, dict) or set(entry) != PREFERRED_KEYS:
        raise fail(path, line, f"a preferred entry needs exactly the keys {sorted(PREFERRED_KEYS)}")
    if entry["feature"] not in ("city", "admin1"):
        raise fail(path, line, f"feature must be city or admin1, got {entry['feature']!r}")
    return Preferred(str(entry["name"]), entry["country"], entry["feature"], str(entry["place"]))


def load_demonyms(path: Path, *, countries: set[str], regions: set[str]) -> dict[str, tuple[str, str]]:
    """Demonym -> ("country", alpha-3) or ("region", region name) from demonyms.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) - {LINE} != {"countries", "regions"}:
        raise fail(path, 1, "expected the keys 'countries' and 'regions'")
    table: dict[str, tuple[str, str]] = {}
    for section, valid, feature in (("countries", countries, "country"), ("regions", regions, "region")):
        entries = dict(data[section])
        line = entries.pop(LINE, 1)
        for word, target in entries.items():
            if not isinstance(word, str) or target not in valid:
                raise fail(path, line, f"{section}: {word!r} -> {target!r} names no known {feature}")
            table[word] = (feature, target)
    return table


def read_csv(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line, row) pairs of a CSV whose '#' lines are comments; checks the header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise fail(path, 0, f"cannot read the file: {error}") from error
    blanked = ["" if line.startswith("#") else line for line in lines]
    reader = csv.reader(blanked)
    rows, header = [], None
    for cells in reader:
        if not cells:
            continue
        if header is None:
            header = cells
            if header != columns:
                raise fail(path, reader.line_num, f"the header must be {','.join(columns)}")
            continue
        if len(cells) != len(columns):
            raise fail(path, reader.line_num, f"expected {len(columns)} columns, got {len(cells)}")
        rows.append((reader.line_num, dict(zip(columns, cells))))
    return rows


def load_centroids(path: Path) -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> (lat, lon) from country_centroids.csv."""
    points = {}
    for line, row in read_csv(path, ["iso3", "lat", "lon"]):
        if len(row["iso3"]) != 3 or not row["iso3"].isupper():
            raise fail(path, line, f"not an ISO alpha-3 code: {row['iso3']!r}")
        points[row["iso3"]] = coordinates(row["lat"], row["lon"], path, line)
    return points


def load_admin1(path: Path, *, countries: set[str]) -> list[Admin1Row]:
    """Curated admin1 units; ``countries`` are the valid ISO alpha-2 codes."""
    columns = ["country", "code", "name", "aliases", "lat", "lon", "check_city"]
    rows = []
    for line, row in read_csv(path, columns):
        if row["country"] not in countries or not row["code"] or not row["name"]:
            raise fail(path, line, "country must be an ISO alpha-2 code, code and name non-empty")
        lat, lon = coordinates(row["lat"] or None, row["lon"] or None, path, line)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        rows.append(Admin1Row(row["country"], row["code"], row["name"], aliases, lat, lon,
                              row["check_city"]))
    return rows
