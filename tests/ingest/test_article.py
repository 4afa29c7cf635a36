"""ingest/article.py: article_from_text cleans, fills metadata, ids, limits, languages."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.errors import EmptyInput, InputTooLarge, MalformedInput, UnsupportedLanguage
from eventwire.ingest import article_from_text
from eventwire.ingest.article import normalise_date, stable_id

SETTINGS = Settings()
BODY = "The army of Freedonia crossed the river on Tuesday.\nAdvertisement\nA spokesman confirmed it."
PAGE = ("<html><head><title>River crossing</title><meta property='og:site_name' content='Lantern'>"
        "<meta property='article:published_time' content='2026-04-01'></head><body><article>"
        "<h1>River crossing</h1><p>The army of Freedonia crossed the river on Tuesday.</p>"
        "<p>Advertisement</p><p>A spokesman confirmed it.</p></article></body></html>")
FRENCH = ("Le gouvernement de la Freedonie a envoyé cinq cents soldats à sa frontière nord lundi, "
          "et les responsables de la capitale ont déclaré que les troupes y resteraient un mois.")


def test_article_text_is_cleaned():
    article = article_from_text(BODY, settings=SETTINGS)
    assert article.text == "The army of Freedonia crossed the river on Tuesday.\nA spokesman confirmed it.\n"
    assert article.language == "en"


def test_article_html_detected_and_cleaned_alike():
    article = article_from_text(PAGE, settings=SETTINGS)
    assert article.text == article_from_text(BODY, settings=SETTINGS).text
    assert (article.title, article.outlet, article.published) == ("River crossing", "Lantern", "2026-04-01")


def test_article_caller_metadata_wins_over_page():
    article = article_from_text(PAGE, settings=SETTINGS, published="2026-04-02", outlet="Wire",
                                title="Own title", url="https://example.org/a", article_id="a-1")
    assert (article.id, article.published, article.outlet, article.title, article.url) == \
        ("a-1", "2026-04-02", "Wire", "Own title", "https://example.org/a")


def test_article_id_stable_from_url_else_text():
    by_url = article_from_text(BODY, settings=SETTINGS, url="https://example.org/a")
    assert by_url.id == stable_id(url="https://example.org/a", text="ignored")
    by_text = article_from_text(BODY, settings=SETTINGS)
    assert by_text.id == article_from_text(BODY + "\n\n", settings=SETTINGS).id
    assert by_text.id.startswith("sha1:") and len(by_text.id) == 21
    assert by_text.id != by_url.id


@pytest.mark.parametrize("value,expected", [
    ("2022-02-02", "2022-02-02"),
    ("2022-02-02T10:15:00Z", "2022-02-02"),
    ("2022-02-02 10:15", "2022-02-02"),
    ("2 February 2022", "2022-02-02"),
    ("Feb 2, 2022", "2022-02-02"),
    ("", None),
    (None, None),
])
def test_article_published_normalised(value, expected):
    assert normalise_date(value, source="a.txt") == expected


@pytest.mark.parametrize("value", ["2022-02-30", "yesterday-ish", "February 2022"])
def test_article_published_not_a_date(value):
    with pytest.raises(MalformedInput, match="a.txt: published date"):
        normalise_date(value, source="a.txt")


@pytest.mark.parametrize("text", ["", "   \n\t ", "Advertisement\nShare this article\nTopics: a, b",
                                  "<html><body></body></html>"])
def test_article_empty(text):
    with pytest.raises(EmptyInput, match="a.txt: no article text is left after cleaning"):
        article_from_text(text, settings=SETTINGS, source="a.txt")


def test_article_too_large():
    with pytest.raises(InputTooLarge, match="a.txt: 2,000 characters is over the limit of 1,000"):
        article_from_text("word " * 400, settings=Settings(max_chars=1000), source="a.txt")


def test_article_html_limit_counts_text_not_markup():
    page = "<html><body><article>" + "<div class='x'></div>" * 100 + "<p>The army moved.</p></article></body></html>"
    assert article_from_text(page, settings=Settings(max_chars=1000)).text == "The army moved.\n"


def test_article_language():
    with pytest.raises(UnsupportedLanguage, match="'fr'"):
        article_from_text(FRENCH, settings=SETTINGS, source="a.txt")
    unchecked = article_from_text(FRENCH, settings=Settings(language_check=False))
    assert unchecked.language == "fr"
