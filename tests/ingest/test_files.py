"""ingest/files.py: every input path fed good, empty, huge, binary, mis-encoded and malformed input.

Each case checks the whole output of ``read_inputs``: one Article or Skip per article,
nothing lost, each Skip naming its source and carrying the catalogue code.
"""

from __future__ import annotations

import io
import random
import tracemalloc
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.ingest import read_inputs
from eventwire.records import Article, Skip

SETTINGS = Settings()
KINDS = ("txt", "html", "json", "jsonl", "dir", "stdin")
FIXTURES = Path(__file__).resolve().parent.parent / "data" / "ingest"
GOOD = "The navy of Sylvania left port on Friday, its commander said, and returned two days later."
CP1252 = "The minister’s café meeting in Zürich was “productive”, aides said."
HUGE_BYTES = 20 * 1024 * 1024


def wrap(kind: str, body: bytes) -> bytes:
    """A whole input of ``kind`` carrying ``body`` as its article text."""
    if kind == "html":
        return b"<html><body><article><p>" + body + b"</p></article></body></html>"
    if kind in ("json", "jsonl"):
        return b'{"id": "x-1", "text": "' + body + b'"}\n'
    return body


def run(tmp_path: Path, kind: str, content: bytes, *, settings: Settings = SETTINGS, **metadata):
    """Feed ``content`` as the whole file (or stdin) of ``kind``; (items, source of the file)."""
    if kind == "stdin":
        items = list(read_inputs(["-"], settings=settings, stdin=io.BytesIO(content), **metadata))
        return items, "<stdin>"
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / ("a.txt" if kind == "dir" else f"a.{kind}")
    path.write_bytes(content)
    target = folder if kind == "dir" else path
    return list(read_inputs([str(target)], settings=settings, **metadata)), str(path)


def codes(items) -> list[str]:
    return [item.code if isinstance(item, Skip) else "article" for item in items]


def line_source(kind: str, source: str) -> str:
    return f"{source}:1" if kind == "jsonl" else source


@pytest.mark.parametrize("kind", KINDS)
def test_files_good_input(tmp_path, kind):
    items, _ = run(tmp_path, kind, wrap(kind, GOOD.encode("utf-8")))
    assert codes(items) == ["article"]
    assert items[0].text == GOOD + "\n"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
def test_files_empty(tmp_path, kind, content):
    items, source = run(tmp_path, kind, content)
    assert codes(items) == ["E101"]
    assert items[0].source == source
    assert items[0].reason.startswith(f"{source}: no article text is left")


@pytest.mark.parametrize("kind", KINDS)
def test_files_empty_body_in_container(tmp_path, kind):
    items, _ = run(tmp_path, kind, wrap(kind, b"Advertisement"))
    assert codes(items) == ["E101"]


@pytest.mark.parametrize("kind", KINDS)
def test_files_huge(tmp_path, kind):
    line = (GOOD + " ").encode("utf-8")
    body = line * (HUGE_BYTES // len(line) + 1)
    items, source = run(tmp_path, kind, wrap(kind, body))
    assert codes(items) == ["E105"]
    assert items[0].source == line_source(kind, source)
    assert "is over the limit of" in items[0].reason


def test_files_huge_text_file_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (HUGE_BYTES // 5))
    tracemalloc.start()
    items = list(read_inputs([str(path)], settings=SETTINGS))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert codes(items) == ["E105"] and f"{HUGE_BYTES:,} characters" in items[0].reason
    assert peak < HUGE_BYTES // 10


@pytest.mark.parametrize("kind", KINDS)
def test_files_text_over_max_chars(tmp_path, kind):
    items, _ = run(tmp_path, kind, wrap(kind, b"word " * 500), settings=Settings(max_chars=1000))
    assert codes(items) == ["E105"]


BINARY = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "zip": b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "nul": b"Some words\x00\x00\x00 then NUL bytes",
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", sorted(BINARY))
def test_files_binary(tmp_path, kind, name):
    items, source = run(tmp_path, kind, BINARY[name])
    assert codes(items) == ["E102"]
    assert items[0].reason == f"{source}: this is a binary file, not text or HTML; " \
                              "give the article as .txt, .html, .json or .jsonl."


@pytest.mark.parametrize("kind", KINDS)
def test_files_cp1252_decoded(tmp_path, kind):
    items, _ = run(tmp_path, kind, wrap(kind, CP1252.encode("cp1252")))
    assert codes(items) == ["article"]
    assert items[0].text == CP1252 + "\n"


@pytest.mark.parametrize("kind", KINDS)
def test_files_random_bytes_undecodable(tmp_path, kind):
    generator = random.Random(3)
    content = bytes(generator.randrange(0x80, 0x100) for _ in range(3000))
    items, source = run(tmp_path, kind, content)
    assert codes(items) == ["E103"]
    assert items[0].source == line_source(kind, source)


@pytest.mark.parametrize("kind,content,expected", [
    ("json", b'{"id": "x-1", "text": "unterminated', ["E104"]),
    ("json", b'{"id": "x-1", "title": "no body"}', ["E104"]),
    ("json", b'{"id": "x-1", "text": ["a", "list"]}', ["E104"]),
    ("json", b'[{"text": "one"}, {"text": "two"}]', ["E104"]),
    ("jsonl", b'{"text": \n{"text": "The army moved north on Monday."}\n42\n', ["E104", "article", "E104"]),
    ("stdin", b'{"text": ', ["E104"]),
    ("stdin", b'{"text": "The army moved."}\n{"text": 5}\n', ["article", "E104"]),
    ("html", b"<html><body><p>Unclosed <b>tags and <div>the army moved north", ["article"]),
    ("txt", b"<p>Markup in a .txt file is read as HTML</p>", ["article"]),
])
def test_files_malformed(tmp_path, kind, content, expected):
    items, source = run(tmp_path, kind, content)
    assert codes(items) == expected
    for number, item in enumerate(items, start=1):
        if isinstance(item, Skip) and kind in ("jsonl", "stdin") and len(expected) > 1:
            assert item.source == f"{source}:{number}"


def test_files_directory_walk(tmp_path):
    root = tmp_path / "batch"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text(GOOD, "utf-8")
    (root / "a.html").write_bytes(wrap("html", b"The army moved north on Monday."))
    (root / "bad.txt").write_bytes(BINARY["pdf"])
    (root / "notes.pdf").write_bytes(BINARY["pdf"])
    (root / ".hidden.txt").write_text(GOOD, "utf-8")
    (root / ".git" / "x.txt").write_text(GOOD, "utf-8")
    (root / "sub" / "c.json").write_bytes(wrap("json", b"The navy stayed in port."))
    (root / "sub" / "d.jsonl").write_bytes(wrap("jsonl", b"Talks resumed.") + b"not json\n")
    items = list(read_inputs([str(root)], settings=SETTINGS))
    assert [(Path(i.source).relative_to(root).as_posix() if isinstance(i, Skip) else i.id, codes([i])[0])
            for i in items] == [
        (items[0].id, "article"), (items[1].id, "article"), ("bad.txt", "E102"),
        ("notes.pdf", "E104"), ("x-1", "article"), ("x-1", "article"), ("sub/d.jsonl:2", "E104")]
    assert items[0].text == "The army moved north on Monday.\n"
    assert "not an article file" in items[3].reason


def test_files_empty_directory_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    items = list(read_inputs([str(tmp_path / "empty"), str(tmp_path / "missing.txt")], settings=SETTINGS))
    assert codes(items) == ["E101", "E107"]
    assert "no such file or directory" in items[1].reason


def test_files_paths_keep_their_order(tmp_path):
    (tmp_path / "z.txt").write_text(GOOD, "utf-8")
    (tmp_path / "a.md").write_text("Talks resumed in the capital.", "utf-8")  # named: read as text
    items = list(read_inputs([str(tmp_path / "z.txt"), "-", str(tmp_path / "a.md")], settings=SETTINGS,
                             stdin=io.BytesIO(b"The navy stayed in port.")))
    assert [i.text for i in items] == [GOOD + "\n", "The navy stayed in port.\n",
                                        "Talks resumed in the capital.\n"]


def test_files_cli_metadata_fills_gaps_object_values_win(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "own", "text": "The navy left port.", "outlet": "Harbour Post", "published": "2026-05-01"}\n'
        '{"text": "The army moved north."}\n', "utf-8")
    own, filled = read_inputs([str(path)], settings=SETTINGS, published="2026-06-02", outlet="Wire",
                              url="https://example.org/batch")
    assert (own.id, own.outlet, own.published, own.url) == \
        ("own", "Harbour Post", "2026-05-01", "https://example.org/batch")
    assert (filled.outlet, filled.published) == ("Wire", "2026-06-02")
    assert filled.id.startswith("sha1:")


def test_files_html_metadata_flows(tmp_path):
    html = FIXTURES / "border-drill.html"
    (article,) = read_inputs([str(html)], settings=SETTINGS)
    assert isinstance(article, Article)
    assert (article.title, article.outlet, article.published, article.url) == (
        "Freedonia moves troops to northern border", "The Daily Lantern", "2026-03-14",
        "https://lantern.example.org/world/freedonia-border")
    assert "Advertisement" not in article.text and "Topics:" not in article.text
    assert article.text.count("\n") == 4
    (given,) = read_inputs([str(html)], settings=SETTINGS, published="2026-03-20", outlet="Wire")
    assert (given.published, given.outlet, given.title) == ("2026-03-20", "Wire", article.title)


def test_files_non_english_skipped_unless_check_off(tmp_path):
    text = ("Le gouvernement de la Freedonie a envoyé cinq cents soldats à sa frontière nord lundi, "
            "et les responsables de la capitale ont déclaré que les troupes y resteraient un mois.")
    items, _ = run(tmp_path, "txt", text.encode("utf-8"))
    assert codes(items) == ["E106"]
    (article,) = read_inputs([str(tmp_path / "in" / "a.txt")], settings=Settings(language_check=False))
    assert article.language == "fr"
