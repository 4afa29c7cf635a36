"""clean.py: boilerplate lines dropped, article lines kept, text normalised, language judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.clean import (boilerplate_match, check_language, clean_text, fix_mojibake,
                             identify_language, load_boilerplate)
from eventwire.errors import DataFileError, UnsupportedLanguage

FIXTURES = Path(__file__).parent / "data" / "ingest"


@pytest.mark.parametrize("line,pattern", [
    ("Advert", "advert"),
    ("Advertisement", "advert"),
    ("ADVERTISEMENT", "advert"),
    ("Story continues below advertisement", "advert-continues"),
    ("Article continues below", "advert-continues"),
    ("Continue reading the main story", "advert-continues"),
    ("Sign up to our morning briefing newsletter", "newsletter"),
    ("Subscribe now for unlimited access", "newsletter"),
    ("Get the best stories of the week straight to your inbox", "newsletter"),
    ("If you have a story you want to tell, send it to The Lantern via tips@example.org", "send-story"),
    ("Send us your story at newsdesk@example.org", "send-story"),
    ("Got a story? Email our newsroom", "send-story"),
    ("Topics: Velmora, Strikes, Ports", "tag-list"),
    ("Tags: defence, border", "tag-list"),
    ("Related: Sylvania protests", "tag-list"),
    ("More on this story", "tag-list"),
    ("Read more: Port strikes spread along the northern coast", "read-more"),
    ("READ MORE", "read-more"),
    ("Most read", "read-more"),
    ("Share this article", "share"),
    ("Share on Facebook", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("Share", "share"),
    ("Follow us on Twitter", "follow-us"),
    ("Follow our live coverage of the port strike", "follow-us"),
    ("Download our free app", "follow-us"),
    ("Credit: Getty Images", "image-credit"),
    ("Image source, Lantern Wire", "image-credit"),
    ("Photograph: Mara Quell/Lantern Wire", "image-credit"),
    ("Getty Images", "image-credit"),
    ("(Photo: Mara Quell/Lantern Wire)", "photo-parenthetical"),
    ("(AP Photo/Tom Brandt)", "photo-parenthetical"),
    ("Click here to read our live coverage", "click-here"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookies"),
    ("© 2026 The Lantern Media Group. All rights reserved.", "copyright"),
    ("Copyright 2026 Lantern Wire", "copyright"),
    ("Published: 09:30, 14 March 2026", "timestamp"),
    ("Last updated on 2 May 2026", "timestamp"),
    ("By Jane Roe", "byline"),
    ("By Jane Roe, Defence Correspondent", "byline"),
    ("Reporting by Jane Roe; Editing by Tom Brandt", "wire-credit"),
    ("—", "empty"),
])
def test_clean_boilerplate_lines_dropped(line, pattern):
    assert boilerplate_match(line) == pattern
    assert clean_text(f"The army moved north.\n{line}\nThe navy stayed in port.") == \
        "The army moved north.\nThe navy stayed in port.\n"


@pytest.mark.parametrize("line", [
    "Advertising revenue at the broadcaster fell sharply last year, the company said.",
    "Topics discussed at the summit included trade and border security.",
    "Related talks in Geneva ended without a deal.",
    "Share prices in Velmora fell 3% after the announcement.",
    "Credit rating agencies downgraded the country on Friday.",
    "By Monday, more than 2,000 people had fled the town.",
    "Copyright law reform was debated in parliament on Tuesday.",
    "Published in 2019, the report warned of water shortages.",
    "Photo opportunities were limited during the visit.",
    "Subscribers to the service lost access on Monday.",
    "Comments made by the minister drew criticism from the opposition.",
    "Sign language interpreters joined the march in the capital.",
    "The minister said advertising on state television would be banned.",
    "Protesters shouted 'Read more books' outside the library.",
    "Police followed the live coverage closely, a spokesman said.",
])
def test_clean_article_lines_kept(line):
    assert boilerplate_match(line) is None
    assert clean_text(line) == line + "\n"


@pytest.mark.parametrize("raw,expected", [
    ("  The army   moved\t north.  ", "The army moved north.\n"),
    ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree.\n"),
    ("One.\n\n\n   \nTwo.", "One.\nTwo.\n"),
    ("Non\u00a0breaking\u2009spaces.", "Non breaking spaces.\n"),
    ("Zero\u200bwidth and soft\u00adhyphen.", "Zerowidth and softhyphen.\n"),
    ("Cafe\u0301 owners in Zu\u0308rich.", "Café owners in Zürich.\n"),
    ("He said “no” and ‘never’.", "He said “no” and ‘never’.\n"),
    ("The ministerâ€™s visit cost Â£5 â€” cafÃ© owners agreed.",
     "The minister’s visit cost £5 — café owners agreed.\n"),
    ("The ministerÃ¢â‚¬â„¢s visit.", "The minister’s visit.\n"),      # mojibake twice over
    ("Latin-1 read: itâ\x80\x99s here.", "Latin-1 read: it’s here.\n"),
    ("A line\u2028and another.", "A line\nand another.\n"),
    ("Bell\x07 and escape\x1b chars.", "Bell and escape chars.\n"),
    ("", ""),
])
def test_clean_normalises(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("text", [
    "café, Zürich, señor, naïve, Ångström, œuvre",
    "Prices rose 5 € and “quoted” words — fine.",
    "Ã alone, and Â at the end Â",
])
def test_clean_mojibake_leaves_real_text(text):
    assert fix_mojibake(text) == text


def test_clean_fixture_article():
    """Own fixture: every kind of boilerplate line in one article, and the clean result."""
    raw = (FIXTURES / "harbour-strike.txt").read_text("utf-8")
    expected = (FIXTURES / "harbour-strike.clean.txt").read_text("utf-8")
    assert clean_text(raw) == expected


def test_clean_seed_article_matches_gold(shared_dir):
    """The seed article (read in place) cleans to exactly the gold article.text."""
    examples = shared_dir / "spec" / "examples"
    raw = (examples / "seed-article.txt").read_text("utf-8")
    gold = json.loads((examples / "seed.gold.json").read_text("utf-8"))
    assert clean_text(raw) == gold["article"]["text"]


ENGLISH = ("The government of Freedonia sent five hundred soldiers to its northern border on "
           "Monday, and officials in the capital said the troops would stay there for a month.")
FRENCH = ("Le gouvernement de la Freedonie a envoyé cinq cents soldats à sa frontière nord lundi, "
          "et les responsables de la capitale ont déclaré que les troupes y resteraient un mois.")
GERMAN = ("Die Regierung von Freedonien schickte am Montag fünfhundert Soldaten an ihre Nordgrenze, "
          "und Beamte in der Hauptstadt sagten, die Truppen würden einen Monat lang dort bleiben.")


@pytest.mark.parametrize("text,refused", [
    (ENGLISH, None),
    (FRENCH, "fr"),
    (GERMAN, "de"),
    ("Le gouvernement a envoyé des soldats.", None),  # under 20 words: not judged
    ("Freedonia Sylvania Velmora NATO Kyiv Ankara", None),
])
def test_clean_check_language(text, refused):
    if refused is None:
        assert check_language(text, source="a.txt") == "en"
    else:
        with pytest.raises(UnsupportedLanguage, match=f"a.txt: .*'{refused}'"):
            check_language(text, source="a.txt")


def test_clean_identify_language_reports_code():
    assert identify_language(FRENCH)[0] == "fr"
    assert identify_language("Too short.") == ("en", 0.0)


def test_clean_boilerplate_file_loads_with_lines():
    patterns = load_boilerplate()
    assert len({p.id for p in patterns}) == len(patterns)
    assert all(p.line > 1 for p in patterns)


@pytest.mark.parametrize("body,line", [
    ("patterns:\n  - id: ok\n    regex: 'a+'\n  - id: bad\n    regex: '(unclosed'\n", 4),
    ("patterns:\n  - id: ok\n    regex: 'a+'\n    max_words: -2\n", 2),
    ("patterns:\n  - regex: 'a+'\n", 2),
    ("patterns: [\n", 2),
    ("lines:\n  - a\n", 1),
])
def test_clean_bad_boilerplate_file_names_line(tmp_path, body, line):
    path = tmp_path / "boilerplate.yaml"
    path.write_text(body, "utf-8")
    with pytest.raises(DataFileError, match=f"boilerplate.yaml:{line}:"):
        load_boilerplate(path)


REPO_ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", REPO_ARTICLES, ids=[p.stem for p in REPO_ARTICLES])
def test_clean_repo_articles_match_their_gold_text(path):
    """The project's evaluation articles clean to the article.text their gold files hold."""
    gold = path.with_name(path.stem + ".gold.json")
    if not gold.exists():
        pytest.skip(f"{path.name} has no .gold.json beside it")
    expected = json.loads(gold.read_text("utf-8"))["article"]["text"]
    assert clean_text(path.read_text("utf-8")) == expected
