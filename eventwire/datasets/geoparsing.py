"""Geolocation on the geoparsing sets (GWN, LGL, TR-News, GeoVirus): recognition and resolution.

Files (read in place): ``data/GWN.xml``, ``data/Corpora/lgl.xml``, ``data/Corpora/TR-News.xml``,
``data/Corpora/GeoVirus.xml``; each holds ``<article>`` elements with the text and gold
toponyms at character offsets.

Which gold toponyms count:
- LGL, TR-News: every ``<toponym>``; those with a ``<gaztag>`` (GeoNames id, lat/lon,
  country) are scored for resolution.
- GWN: the types that name a place - Literal, Mixed, Metonymic, Embedded_Literal,
  Embedded_Non_Lit, Literal_Modifier and the noun Non_Literal_Modifiers - and not
  ``nonLocational``. Left out: Non_Toponym, Homonym, Demonym, Language, Coercion (an
  organization or building used as a place), the common-noun ``*_Expression`` types
  and adjectival modifiers ("French": eventwire reads those as actor countries, not places).
  Resolution uses the counted ones with a ``geonamesID``.
- GeoVirus: every ``<location>`` (coordinates, no GeoNames id: no exact match). Its
  offsets are often one character late; a gold span is re-anchored on its name within
  ``ANCHOR_SLACK`` characters (the same is done for any set). A toponym whose offsets
  still miss the text (a few GWN entries have negative ones) is left out.

Scores:
- recognition: ``extract_places`` on the parsed text against the gold spans, one-to-one,
  a pair counting when the spans overlap; precision, recall, F1.
- end-to-end resolution (``e2e_*``): the places of the recognised toponyms matched to a
  gold toponym with coordinates, scored on those matched ones.
- gold-span resolution (``gold_*``): ``resolve_toponyms`` on the gold toponym strings of each
  article (the same two-pass article context as ``extract_places``), scored on every gold
  toponym with coordinates.
- each: country accuracy (gold country known), exact match (same GeoNames id; GeoVirus
  none), Acc@161 km and mean error km (an unresolved toponym or one without a point is
  wrong for the accuracies and left out of the mean).
A gold country is the gaztag's country (LGL/TR-News); for GWN/GeoVirus it is the
country whose GeoNames id the toponym has, else that of the nearest gazetteer city
(within ``NEAREST_CITY_KM``), so it is undefined in open sea.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DatasetError, message
from ..extract.gazetteer import Gazetteer
from ..extract.places import extract_places, load_gazetteer, resolve_toponyms
from ..nlp import load_pipeline
from ..records import DatasetResult, Place

FILES = {"GWN": "data/GWN.xml", "LGL": "data/Corpora/lgl.xml",
         "TR-News": "data/Corpora/TR-News.xml", "GeoVirus": "data/Corpora/GeoVirus.xml"}
GWN_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Embedded_Literal", "Embedded_Non_Lit",
                       "Literal_Modifier", "Non_Literal_Modifier"})
ANCHOR_SLACK = 12
NEAREST_CITY_KM = 300.0
ACC_KM = 161.0
EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: span, and where known its GeoNames id, point and country (alpha-3)."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a geoparsing set."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


# ---------------------------------------------------------------- loading

def load_articles(path: Path, *, part: str) -> list[GoldArticle]:
    """Every article of one file; DatasetError (E402) when it is not the expected XML."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise bad(part, path, f"cannot read the XML: {error}") from error
    articles = []
    for number, element in enumerate(root.iter("article")):
        text = element.findtext("text")
        if text is None:
            raise bad(part, path, f"article {number} has no <text>")
        ident = element.get("docid") or element.get("file") or str(number)
        reader = gwn_toponym if part == "GWN" else geovirus_location if part == "GeoVirus" else gaztag_toponym
        tag = "location" if part == "GeoVirus" else "toponym"
        found = [reader(item, text, part, path) for item in element.iter(tag)]
        articles.append(GoldArticle(ident, text, tuple(t for t in found if t is not None)))
    if not articles:
        raise bad(part, path, "no <article> elements")
    return articles


def bad(part: str, path: Path, detail: str) -> DatasetError:
    return DatasetError(message("E402", name=f"geoparsing:{part}", path=path, detail=detail))


def number(item: ET.Element, tag: str, part: str, path: Path, *, kind: type = int):
    """The number in ``<tag>`` (None when empty or absent for a float)."""
    raw = (item.findtext(tag) or "").strip()
    if not raw and kind is float:
        return None
    try:
        return kind(raw)
    except ValueError as error:
        raise bad(part, path, f"<{tag}> is not a number: {raw!r}") from error


def anchored(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    """The offsets of ``name`` nearest ``start`` within ANCHOR_SLACK characters; the given
    ones when it is not there but they lie in the text; None when they do not."""
    if name and text[start:end] != name:
        low = max(0, start - ANCHOR_SLACK)
        best, at = None, text.find(name, low, start + ANCHOR_SLACK + len(name))
        while at != -1:
            if best is None or abs(at - start) < abs(best - start):
                best = at
            at = text.find(name, at + 1, start + ANCHOR_SLACK + len(name))
        if best is not None:
            return best, best + len(name)
    return (start, end) if 0 <= start < end <= len(text) else None


def span_of(item: ET.Element, text: str, name_tag: str, part: str,
            path: Path) -> tuple[int, int, str] | None:
    """(start, end, surface) of a gold toponym, None when its offsets miss the text."""
    start, end = number(item, "start", part, path), number(item, "end", part, path)
    found = anchored(text, start, end, (item.findtext(name_tag) or "").strip())
    return None if found is None else (*found, text[found[0]:found[1]])


def gaztag_toponym(item: ET.Element, text: str, part: str, path: Path) -> GoldToponym | None:
    """An LGL/TR-News toponym; its gaztag (if any) gives id, point and country name."""
    found = span_of(item, text, "phrase", part, path)
    if found is None:
        return None
    start, end, surface = found
    tag = item.find("gaztag")
    if tag is None:
        return GoldToponym(start, end, surface)
    geonameid = tag.get("geonameid")
    return GoldToponym(start, end, surface, int(geonameid) if geonameid else None,
                       number(tag, "lat", part, path, kind=float),
                       number(tag, "lon", part, path, kind=float),
                       country_code(tag.findtext("country")))


def gwn_toponym(item: ET.Element, text: str, part: str, path: Path) -> GoldToponym | None:
    """A GWN toponym of a counted type (see the module docstring), else None."""
    kind = (item.findtext("type") or "").strip()
    if not kind:
        raise bad(part, path, "a <toponym> has no <type>")
    if (kind not in GWN_TYPES or (item.findtext("nonLocational") or "").strip() == "Yes"
            or (item.findtext("modifierType") or "").strip() == "Adjective"):
        return None
    found = span_of(item, text, "extractedName", part, path)
    if found is None:
        return None
    start, end, surface = found
    geonameid = (item.findtext("geonamesID") or "").strip()
    lat = number(item, "latitude", part, path, kind=float)
    lon = number(item, "longitude", part, path, kind=float)
    ident = int(geonameid) if geonameid.isdigit() else None
    return GoldToponym(start, end, surface, ident, lat, lon, country_at(ident, lat, lon))


def geovirus_location(item: ET.Element, text: str, part: str, path: Path) -> GoldToponym | None:
    found = span_of(item, text, "name", part, path)
    if found is None:
        return None
    start, end, surface = found
    lat = number(item, "lat", part, path, kind=float)
    lon = number(item, "lon", part, path, kind=float)
    return GoldToponym(start, end, surface, None, lat, lon, country_at(None, lat, lon))


def country_code(name: str | None) -> str | None:
    """Alpha-3 code of a GeoNames country name ("United States" -> USA), else None."""
    if not name:
        return None
    for candidate in load_gazetteer().candidates(name.strip()):
        if candidate.place.feature == "country":
            return candidate.place.country
    return None


def country_at(geonameid: int | None, lat: float | None, lon: float | None) -> str | None:
    """The country a GeoNames id names, else the nearest gazetteer city's country."""
    gazetteer = load_gazetteer()
    for place in gazetteer.countries.values():
        if geonameid is not None and place.geonameid == geonameid:
            return place.country
    if lat is None or lon is None:
        return None
    return country_near(gazetteer, lat, lon)


def country_near(gazetteer: Gazetteer, lat: float, lon: float) -> str | None:
    """The country of the nearest gazetteer city within NEAREST_CITY_KM (a rough reverse geocoder)."""
    grid = city_grid(gazetteer)
    best, best_km = None, NEAREST_CITY_KM
    row, col = math.floor(lat), math.floor(lon)
    for dr in range(-3, 4):
        for dc in range(-4, 5):
            for place in grid.get((row + dr, (col + dc + 180) % 360 - 180), ()):
                far = distance_km(lat, lon, place.lat, place.lon)
                if far < best_km:
                    best, best_km = place.country, far
    return best


@lru_cache(maxsize=1)
def city_grid(gazetteer: Gazetteer) -> dict[tuple[int, int], list[Place]]:
    """The gazetteer's cities by whole-degree cell of their point."""
    grid: dict[tuple[int, int], list[Place]] = {}
    seen: set[int] = set()
    for slot in gazetteer.index.values():
        for candidate in slot.values():
            place = candidate.place
            if place.feature != "city" or place.lat is None or place.geonameid in seen:
                continue
            seen.add(place.geonameid)
            grid.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append(place)
    return grid


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- scoring

@dataclass(slots=True)
class Tally:
    """Resolution counts for one mode."""

    scored: int = 0
    with_country: int = 0
    country_right: int = 0
    with_id: int = 0
    exact: int = 0
    within: int = 0
    errors_km: list | None = None

    def add(self, gold: GoldToponym, place: Place | None) -> float | None:
        """Count one gold toponym against its prediction; returns the error in km (None: no point)."""
        self.errors_km = [] if self.errors_km is None else self.errors_km
        self.scored += 1
        if gold.country is not None:
            self.with_country += 1
            self.country_right += place is not None and place.country == gold.country
        if gold.geonameid is not None:
            self.with_id += 1
            self.exact += place is not None and place.geonameid == gold.geonameid
        if place is None or place.lat is None or place.lon is None:
            return None
        error = distance_km(gold.lat, gold.lon, place.lat, place.lon)
        self.errors_km.append(error)
        self.within += error <= ACC_KM
        return error

    def figures(self, prefix: str) -> dict[str, float | int | None]:
        errors = self.errors_km or []
        return {f"{prefix}_scored": self.scored,
                f"{prefix}_country_accuracy": ratio(self.country_right, self.with_country),
                f"{prefix}_exact_match": ratio(self.exact, self.with_id),
                f"{prefix}_acc161": ratio(self.within, self.scored),
                f"{prefix}_mean_error_km": round(sum(errors) / len(errors), 1) if errors else None}


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def overlap_pairs(golds: tuple[GoldToponym, ...], places: list[Place]) -> dict[int, int]:
    """gold index -> place index, one-to-one, spans overlapping, in text order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for g, gold in enumerate(golds):
        for p, place in enumerate(places):
            if p not in used and place.start < gold.end and gold.start < place.end:
                pairs[g] = p
                used.add(p)
                break
    return pairs


def resolvable(gold: GoldToponym) -> bool:
    return gold.lat is not None and gold.lon is not None


def case_line(article: GoldArticle, gold: GoldToponym, place: Place | None, error: float | None) -> str:
    got = "unresolved" if place is None else f"{place.name} ({place.country}, {place.feature})"
    far = "no point" if error is None else f"{error:,.0f} km"
    return f"{article.id}: {gold.text!r} -> {got}; gold {gold.country} {gold.geonameid}; {far}"


def evaluate(data_dir: Path, *, part: str | None, limit: int | None, errors: int) -> DatasetResult:
    """Recognition and both resolution modes on one geoparsing file (see the module docstring)."""
    if part not in FILES:
        raise bad(str(part), data_dir, f"unknown part; known: {', '.join(FILES)}")
    articles = load_articles(data_dir / FILES[part], part=part)[:limit]
    gazetteer, nlp = load_gazetteer(), load_pipeline()
    found = gold_total = matched = 0
    e2e, given = Tally(), Tally()
    cases: list[tuple[float, str]] = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=8)):
        places = extract_places(doc, gazetteer)
        pairs = overlap_pairs(article.toponyms, places)
        found, gold_total, matched = found + len(places), gold_total + len(article.toponyms), matched + len(pairs)
        resolved = resolve_toponyms([g.text for g in article.toponyms])
        for g, gold in enumerate(article.toponyms):
            if not resolvable(gold):
                continue
            if g in pairs:
                e2e.add(gold, places[pairs[g]])
            error = given.add(gold, resolved[g])
            cases.append((math.inf if error is None else error, case_line(article, gold, resolved[g], error)))
    precision, recall = ratio(matched, found), ratio(matched, gold_total)
    f1 = (round(2 * precision * recall / (precision + recall), 4)
          if precision and recall else 0.0)
    figures = {"toponyms": gold_total, "predicted": found, "precision": precision,
               "recall": recall, "f1": f1, **e2e.figures("e2e"), **given.figures("gold")}
    table = [(label, "-" if value is None else f"{value}") for label, value in figures.items()]
    return DatasetResult(f"geoparsing:{part}", len(articles), figures, table, worst_lines(cases, errors))


def worst_lines(cases: list[tuple[float, str]], errors: int) -> list[str]:
    """The ``errors`` worst distinct cases, farthest first, a repeated one counted ("x3")."""
    counts: dict[str, int] = {}
    for _, line in sorted(cases, key=case_key, reverse=True):
        counts[line] = counts.get(line, 0) + 1
    return [line if n == 1 else f"{line} (x{n})" for line, n in list(counts.items())[:errors]]


def case_key(case: tuple[float, str]) -> float:
    return case[0]
