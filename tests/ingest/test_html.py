"""ingest/html.py: trafilatura body and metadata, headline not repeated, fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest.html import extract_html, looks_like_html

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture(scope="module")
def page():
    return extract_html((FIXTURES / "border-drill.html").read_text("utf-8"), source="border-drill.html")


def test_html_metadata(page):
    assert page.title == "Freedonia moves troops to northern border"
    assert page.published == "2026-03-14"
    assert page.outlet == "The Daily Lantern"
    assert page.author == "Jane Roe"
    assert page.url == "https://lantern.example.org/world/freedonia-border"
    assert not page.fallback


def test_html_body_keeps_paragraphs_without_page_furniture(page):
    lines = page.text.split("\n")
    assert "The government of Freedonia sent 500 soldiers to its northern border on Monday, " \
           "officials in the capital said." in lines
    assert lines[0] != page.title                       # headline is kept in title only
    assert not any(word in page.text for word in ("Home", "Sport"))


def test_html_without_article_body_falls_back_to_visible_text():
    html = "<html><body><div><span>Troops crossed the river at dawn.</span></div></body></html>"
    page = extract_html(html, source="x.html")
    assert "Troops crossed the river at dawn." in page.text


def test_html_empty_page_gives_empty_text():
    page = extract_html("<html><head><title>Nothing</title></head><body></body></html>", source="x.html")
    assert page.text.strip() == ""


@pytest.mark.parametrize("text,is_html", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("<p>The army moved north.</p>", True),
    ("  \n<div class='story'>text</div>", True),
    ("The army moved north. 3 < 5 and <b> is not enough.", False),
    ("Prices rose <5% this year.", False),
])
def test_html_detection(text, is_html):
    assert looks_like_html(text) is is_html
