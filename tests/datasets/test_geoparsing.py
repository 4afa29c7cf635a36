"""Geoparsing sets: the XML loaders on hand-written fixtures, the scorer, and a sample of the real sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.datasets import evaluate_dataset
from eventwire.datasets.geoparsing import (
    FILES, GoldToponym, Tally, evaluate, load_articles, overlap_pairs,
)
from eventwire.errors import DatasetError
from eventwire.records import Place

# Our own sentences, in each set's format (not text from the sets).
GAZTAG_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <text><![CDATA[Flooding closed roads near Lyon on Friday, and Texas sent help.]]></text>
    <toponyms>
      <toponym><start>27</start><end>31</end><phrase>Lyon</phrase>
        <gaztag geonameid="2996944"><name>Lyon</name><fclass>P</fclass><fcode>PPLA</fcode>
          <lat>45.74846</lat><lon>4.84671</lon><country geonameid="3017382">France</country>
        </gaztag></toponym>
      <toponym><start>47</start><end>52</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><fclass>A</fclass><fcode>ADM1</fcode>
          <lat>31.25044</lat><lon>-99.25061</lon><country geonameid="6252001">United States</country>
        </gaztag></toponym>
      <toponym><start>0</start><end>3</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""
GWN_XML = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <text>The French envoy flew from Oslo to Norway's north; Oslo Airport staff and residents waved.</text>
    <toponyms>
      <toponym><extractedName>French</extractedName><normalisedName>France</normalisedName>
        <type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
        <nonLocational>No</nonLocational><start>4</start><end>10</end>
        <geonamesID>3017382</geonamesID><latitude>46</latitude><longitude>2</longitude></toponym>
      <toponym><extractedName>Oslo</extractedName><normalisedName>Oslo</normalisedName>
        <type>Literal</type><modifierType></modifierType><nonLocational>No</nonLocational>
        <start>27</start><end>31</end>
        <geonamesID>3143244</geonamesID><latitude>59.91273</latitude><longitude>10.74609</longitude></toponym>
      <toponym><extractedName>Norway</extractedName><normalisedName>Norway</normalisedName>
        <type>Literal</type><modifierType></modifierType><nonLocational>No</nonLocational>
        <start>35</start><end>41</end>
        <geonamesID>3144096</geonamesID><latitude>62</latitude><longitude>10</longitude></toponym>
      <toponym><extractedName>Oslo Airport</extractedName><normalisedName></normalisedName>
        <type>Non_Toponym</type><modifierType></modifierType><nonLocational>No</nonLocational>
        <start>51</start><end>63</end></toponym>
      <toponym><extractedName>residents</extractedName><normalisedName></normalisedName>
        <type>Non_Lit_Expression</type><modifierType></modifierType><nonLocational>Yes</nonLocational>
        <start>74</start><end>83</end></toponym>
    </toponyms>
  </article>
</articles>
"""
GEOVIRUS_XML = """<articles>
  <article>
    <source>https://example.org/wiki/Outbreak</source>
    <text>Health officials in Nairobi reported new cases.</text>
    <locations>
      <location><name>Nairobi</name><start>21</start><end>28</end>
        <lat>-1.28</lat><lon>36.82</lon><page>https://example.org/wiki/Nairobi</page></location>
    </locations>
  </article>
</articles>
"""


def write(root: Path, part: str, text: str) -> Path:
    path = root / FILES[part]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_geoparsing_loads_gaztag_toponyms(tmp_path):
    (article,) = load_articles(write(tmp_path, "TR-News", GAZTAG_XML), part="TR-News")
    lyon, texas, nowhere = article.toponyms
    assert (article.id, lyon.text, lyon.geonameid, lyon.country) == ("7", "Lyon", 2996944, "FRA")
    assert (texas.country, round(texas.lat, 2)) == ("USA", 31.25)
    assert (nowhere.geonameid, nowhere.lat) == (None, None)    # no gaztag: recognition only


def test_geoparsing_gwn_counts_place_types_only(tmp_path):
    (article,) = load_articles(write(tmp_path, "GWN", GWN_XML), part="GWN")
    assert [t.text for t in article.toponyms] == ["Oslo", "Norway"]
    assert [t.country for t in article.toponyms] == ["NOR", "NOR"]


def test_geoparsing_geovirus_offsets_reanchored(tmp_path):
    (article,) = load_articles(write(tmp_path, "GeoVirus", GEOVIRUS_XML), part="GeoVirus")
    (nairobi,) = article.toponyms
    assert (nairobi.start, nairobi.end, nairobi.text, nairobi.country) == (20, 27, "Nairobi", "KEN")


@pytest.mark.parametrize("broken,detail", [
    ("<articles><article><text>x</text>", "cannot read the XML"),
    ("<articles></articles>", "no <article>"),
    ("<articles><article><toponyms/></article></articles>", "no <text>"),
    ("<articles><article><text>Lyon</text><toponyms><toponym><start>a</start><end>4</end>"
     "<phrase>Lyon</phrase></toponym></toponyms></article></articles>", "not a number"),
])
def test_geoparsing_malformed_file_is_dataset_error(tmp_path, broken, detail):
    path = write(tmp_path, "LGL", broken)
    with pytest.raises(DatasetError, match=detail):
        load_articles(path, part="LGL")


def test_geoparsing_overlap_pairs_one_to_one():
    golds = (GoldToponym(0, 5, "Paris"), GoldToponym(10, 15, "Lyon"))
    places = [Place(text="Paris, France", start=0, end=13), Place(text="Lyon", start=11, end=15)]
    assert overlap_pairs(golds, places) == {0: 0, 1: 1}


def test_geoparsing_tally_figures():
    tally = Tally()
    gold = GoldToponym(0, 4, "Lyon", 2996944, 45.75, 4.85, "FRA")
    tally.add(gold, Place(text="Lyon", start=0, end=4, country="FRA", lat=45.76, lon=4.83, geonameid=2996944))
    tally.add(gold, Place(text="Lyon", start=0, end=4, country="USA", lat=41.0, lon=-91.0, geonameid=1))
    tally.add(gold, None)
    figures = tally.figures("x")
    assert figures["x_country_accuracy"] == figures["x_exact_match"] == figures["x_acc161"] == 0.3333
    assert 3000 < figures["x_mean_error_km"] < 4500     # the unresolved one is left out of the mean


def test_geoparsing_evaluate_fixture(tmp_path):
    write(tmp_path, "TR-News", GAZTAG_XML)
    result = evaluate(tmp_path, part="TR-News", limit=None, errors=2)
    assert (result.items, result.figures["toponyms"], result.figures["gold_scored"]) == (1, 3, 2)
    assert result.figures["gold_country_accuracy"] == 1.0 and result.figures["gold_acc161"] == 1.0
    assert result.figures["recall"] == pytest.approx(2 / 3, abs=0.001)
    assert len(result.worst) == 2


# Floors a little under the figures measured on these samples (2026-12-07).
SAMPLE_FLOORS = {
    "geoparsing:TR-News": (25, {"recall": 0.72, "gold_country_accuracy": 0.93, "gold_acc161": 0.87}),
    "geoparsing:LGL": (40, {"recall": 0.60, "gold_country_accuracy": 0.83, "gold_acc161": 0.74}),
}


@pytest.mark.parametrize("name", sorted(SAMPLE_FLOORS))
def test_geoparsing_real_sample_floor(shared_dir, name):
    limit, floors = SAMPLE_FLOORS[name]
    result = evaluate_dataset(name, data_dir=shared_dir / "data", limit=limit)
    assert result.items == limit
    for figure, floor in floors.items():
        assert result.figures[figure] >= floor, (figure, result.figures[figure])
