"""Ingest into the DuckDB store: idempotent, crash-safe, duplicates recorded, bad items kept."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import jsonschema
import pytest

from eventwire.config import Settings
from eventwire.corpus import ingest
from eventwire.export import export
from eventwire.store.duckdb import Store
from eventwire.store.query import EventFilter, query_events

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
SCHEMA = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "record.schema.json"

STORY = ("LISBON, May 4 - Portugal will send 300 troops to Romania next month, Defence Minister "
         "Nuno Melo said on Monday, as part of a NATO rotation on the alliance's eastern flank.\n"
         "The deployment follows a request from Bucharest, which asked allies for more air defence "
         "after drone debris fell on its territory twice this spring.\n"
         "Russia condemned the move and accused the alliance of raising tensions in the region.\n")
OTHER = ("NAIROBI, May 4 - Police in Kenya arrested 40 protesters in the capital on Sunday after a "
         "rally against new taxes turned violent, the interior ministry said.\n"
         "Opposition leaders called for a general strike and urged the government to withdraw the bill.\n")


def _run(sources: list[Path], db: Path, **options: object):
    return ingest([str(s) for s in sources], db=db, settings=Settings(), workers=1, progress=False,
                  **options)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lisbon.txt").write_text(STORY, encoding="utf-8")
    (folder / "nairobi.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _tables(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return store.counts()


def test_corpus_ingest_stores_articles_and_events(corpus, tmp_path):
    summary = _run([corpus], tmp_path / "e.duckdb", published="2025-05-05")
    counts = _tables(tmp_path / "e.duckdb")
    assert (summary.coded, counts["articles"]) == (2, 2)
    assert counts["events"] == summary.events > 0
    assert counts["actors"] > 0 and counts["quantities"] > 0


def test_corpus_ingest_twice_changes_nothing(corpus, tmp_path):
    db = tmp_path / "e.duckdb"
    _run([corpus], db)
    before = _tables(db)
    again = _run([corpus], db)
    assert (again.coded, again.already_stored) == (0, 2)
    assert _tables(db) == before


def test_corpus_duplicates_are_further_reports_not_coded(corpus, tmp_path):
    (corpus / "copy-spacing.txt").write_text(STORY.replace(" ", "  ").upper(), encoding="utf-8")
    syndicated = STORY.replace("LISBON, May 4 - ", "LISBON (Agency) - ")
    (corpus / "copy-syndicated.txt").write_text(syndicated, encoding="utf-8")
    summary = _run([corpus], tmp_path / "e.duckdb")
    with Store(tmp_path / "e.duckdb") as store:
        rows = store.db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
        coded = store.db.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()
    assert (summary.coded, summary.duplicates, rows[0], coded[0]) == (2, 2, 2, 2)


@pytest.mark.parametrize(("name", "content"), [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50),
    ("broken.jsonl", b'{"id": "a", "text": "Police arrested ten people in Lima on Friday."}\n{not json\n'),
    ("french.txt", ("Le gouvernement a annoncé mardi de nouvelles mesures contre la hausse des prix, "
                    "tandis que les syndicats appellent à une grève générale dans tout le pays la "
                    "semaine prochaine pour protester contre la réforme des retraites.").encode()),
])
def test_corpus_bad_item_is_an_error_row_and_the_batch_goes_on(corpus, tmp_path, name, content):
    (corpus / name).write_bytes(content)
    summary = _run([corpus], tmp_path / "e.duckdb")
    with Store(tmp_path / "e.duckdb") as store:
        errors = store.db.execute("SELECT source, code FROM errors").fetchall()
    assert summary.coded >= 2 and errors and any(name in source for source, _ in errors)


def test_corpus_export_formats_are_read_back(corpus, tmp_path):
    db = tmp_path / "e.duckdb"
    _run([corpus], db)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    with Store(db) as store:
        assert export(store, fmt="jsonl", path=tmp_path / "r.jsonl") == 2
        events = export(store, fmt="parquet", path=tmp_path / "e.parquet")
        assert export(store, fmt="csv", path=tmp_path / "e.csv") == events
    for line in (tmp_path / "r.jsonl").read_text("utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)
    reader = duckdb.connect()
    parquet = reader.execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone()[0]
    csv_rows = reader.execute(f"SELECT count(*) FROM read_csv_auto('{tmp_path / 'e.csv'}')").fetchone()[0]
    assert parquet == csv_rows == events > 0


def test_corpus_export_plover_and_gdelt(corpus, tmp_path):
    db = tmp_path / "e.duckdb"
    _run([corpus], db, published="2025-05-05")
    with Store(db) as store:
        plover = export(store, fmt="plover", path=tmp_path / "p.jsonl")
        gdelt = export(store, fmt="gdelt", path=tmp_path / "g.tsv")
    rows = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert plover == gdelt == len(rows) > 0
    assert all({"id", "date", "actor", "event", "quad_code"} <= set(r) for r in rows)
    assert any("future" in r["context"] for r in rows)       # modality as PLOVER's auxiliary mode
    table = duckdb.connect().execute(f"SELECT EventRootCode, QuadClass FROM read_csv('{tmp_path / 'g.tsv'}', "
                                     "delim='\t', header=true, all_varchar=true)").fetchall()
    assert len(table) == gdelt and all(len(root) == 2 for root, _ in table)


def test_corpus_stats_table_and_chart(corpus, tmp_path, capsys):
    from eventwire.cli import main

    db = tmp_path / "e.duckdb"
    _run([corpus], db, published="2025-05-05")
    assert main(["stats", "--db", str(db), "--by", "dyad", "--png", str(tmp_path / "s.png")]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(row.startswith("2025-") for row in rows)
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("selection", "expected"), [
    (EventFilter(event_type="COERCE"), {"COERCE"}),
    (EventFilter(country="RUS"), {"ACCUSE"}),
    (EventFilter(modality="future", event_type="MOBILIZE"), {"MOBILIZE"}),
    (EventFilter(text="general strike"), {"REQUEST"}),
])
def test_corpus_query_filters(corpus, tmp_path, selection, expected):
    db = tmp_path / "e.duckdb"
    _run([corpus], db, published="2025-05-05")
    with Store(db) as store:
        found = {row["event_type"] for row in query_events(store, selection)}
    assert expected <= found and (selection.event_type is None or found == expected)


def test_corpus_survives_sigkill_without_loss_or_duplication(tmp_path):
    """Kill a real ingest with SIGKILL twice, then finish it: the store equals one clean run."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:10]:
        shutil.copy(path, folder / path.name)
    clean = tmp_path / "clean.duckdb"
    _run([folder], clean)
    killed = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "eventwire.cli", "ingest", str(folder), "--db", str(killed),
               "--workers", "1", "--no-progress", "--log"]
    stored = []
    for lines in (2, 3):  # kill while the next article is being coded or written
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(lines):
            stored.append(process.stderr.readline())
        process.send_signal(signal.SIGKILL)
        process.wait()
        with Store(killed) as store:  # what was logged is there; at most one more got in before the kill
            assert len(stored) <= store.counts()["articles"] <= len(stored) + 1
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with Store(clean) as a, Store(killed) as b:
        query = "SELECT id FROM articles ORDER BY id"
        assert a.db.execute(query).fetchall() == b.db.execute(query).fetchall()
        events = "SELECT article_id, event_id, event_type FROM events ORDER BY 1, 2"
        assert a.db.execute(events).fetchall() == b.db.execute(events).fetchall()
