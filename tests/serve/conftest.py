"""A real store for the serve tests: four articles written for these tests, ingested once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.corpus import ingest

PAYLOAD = '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">'
ARTICLES = [
    {"id": "lisbon-troops", "outlet": "Atlantic Wire", "published": "2025-05-05", "title": "Portugal sends troops",
     "text": "LISBON, May 4 - Portugal will send 300 troops to Romania next month, Defence Minister Nuno Melo "
             "said on Monday, as part of a NATO rotation on the alliance's eastern flank.\n"
             "Russia condemned the move and accused the alliance of raising tensions in the region.\n"},
    {"id": "nairobi-arrests", "outlet": "Rift Daily", "published": "2025-05-04", "title": "Arrests in Nairobi",
     "text": "NAIROBI, May 4 - Police in Kenya arrested 40 protesters in Nairobi on Sunday after a rally "
             "against new taxes turned violent, the interior ministry said.\n"
             "Opposition leaders called for a general strike and urged the government to withdraw the bill.\n"},
    {"id": "belgrade-protest", "outlet": "Atlantic Wire", "published": "2025-03-16",
     "title": "Students march " + PAYLOAD,
     "text": "BELGRADE, March 16 - Thousands of students protested in Belgrade on Saturday " + PAYLOAD +
             " against the government of Serbia, the opposition said.\n"
             "\"We will not stop until they listen,\" said student leader Ana Petrovic.\n"},
    {"id": "hanoi-talks", "outlet": "Mekong Post", "published": "2025-04-10", "title": "Talks in Hanoi",
     "text": "HANOI, April 10 - Vietnam and Japan signed an agreement on maritime security in Hanoi on "
             "Thursday, the foreign ministry said.\n"
             "Japan will provide six patrol boats to Vietnam's coast guard next year.\n"},
]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file built by ``eventwire.corpus.ingest`` from ARTICLES (and one duplicate)."""
    folder = tmp_path_factory.mktemp("serve")
    source = folder / "articles.jsonl"
    copy = dict(ARTICLES[1], id="nairobi-copy")
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES + [copy]), encoding="utf-8")
    db = folder / "store.duckdb"
    ingest([str(source)], db=db, settings=Settings(), workers=1, progress=False)
    return db
