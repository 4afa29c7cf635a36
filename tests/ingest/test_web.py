"""URLs, feeds and WARC files, through a real HTTP server on loopback and real WARC files."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.config import Settings
from eventwire.ingest import read_inputs
from eventwire.records import Article, Skip

PAGE = ("<html><head><title>Port strike spreads</title></head><body><article>"
        "<h1>Port strike spreads</h1>"
        "<p>ROTTERDAM, June 3 - Dock workers in the Netherlands walked off the job on Monday, "
        "union leaders said, halting container traffic at Europe's largest port.</p>"
        "<p>The employers' federation called the strike unlawful and asked a court to order "
        "the workers back, a request the union said it would fight.</p>"
        "<p>Police said two people were detained after scuffles near the terminal gates.</p>"
        "</article></body></html>")
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>one</title><link>{base}/article</link><pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate></item>
<item><title>two</title><link>{base}/latin1</link><pubDate>Tue, 03 Jun 2025 09:00:00 GMT</pubDate></item>
<item><title>three</title><link>{base}/missing</link></item>
</channel></rss>"""
LATIN1 = PAGE.replace("Europe's largest port", "Europe\u2019s largest port, caf\u00e9s closed").encode("cp1252")


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/article": ("text/html; charset=utf-8", PAGE.encode()),
            "/latin1": ("text/html; charset=windows-1252", LATIN1),
            "/feed": ("application/rss+xml", FEED.format(base=base).encode()),
            "/broken-feed": ("application/rss+xml", b"<rss><channel><item><link>oops"),
            "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        }
        if self.path == "/redirect":
            self._send(302, "text/html", b"", location="/article")
        elif self.path == "/flaky" and self.hits[self.path] == 1:
            self._send(503, "text/plain", b"busy")
        elif self.path == "/flaky":
            self._send(200, "text/html", PAGE.encode())
        elif self.path == "/huge":
            self._stream_huge()
        elif self.path in routes:
            self._send(200, *routes[self.path])
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes, location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def _stream_huge(self) -> None:
        """A 100 MB page sent without a length: the client must stop at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        try:
            for _ in range(100_000_000 // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


ALLOW = Settings(allow_private_addresses=True, fetch_retries=1, max_fetch_bytes=2_000_000)


def _read(source: str, settings: Settings = ALLOW) -> list[Article | Skip]:
    return list(read_inputs([source], settings=settings))


def test_web_page_is_fetched_and_extracted(server):
    [article] = _read(f"{server}/article")
    assert isinstance(article, Article)
    assert article.url == f"{server}/article" and "walked off the job" in article.text
    assert article.title == "Port strike spreads"


def test_web_loopback_is_refused_without_the_flag(server):
    [skip] = _read(f"{server}/article", Settings())
    assert isinstance(skip, Skip) and skip.code == "E601" and "--allow-private" in skip.reason


@pytest.mark.parametrize(("path", "code"), [
    ("/image", "E602"), ("/missing", "E600"), ("/huge", "E603"), ("/broken-feed", "E104")])
def test_web_bad_items_are_skips_with_reasons(server, path, code):
    found = _read(f"{server}{path}")
    assert [type(i) for i in found] == [Skip] and found[0].code == code


def test_web_redirect_and_retry(server):
    [redirected] = _read(f"{server}/redirect")
    [retried] = _read(f"{server}/flaky")
    assert redirected.url == f"{server}/article" and isinstance(retried, Article)


def test_web_feed_items_are_fetched_with_their_dates_and_outlet(server):
    items = _read(f"{server}/feed")
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.published for a in articles] == ["2025-06-03", "2025-06-03"]
    assert {a.outlet for a in articles} == {"Harbour Wire"}
    assert "cafés" in articles[1].text                    # the declared windows-1252 charset
    assert [s.code for s in items if isinstance(s, Skip)] == ["E600"]   # the item whose page is gone


def _warc(path: Path, records: list[tuple[str, str, bytes]]) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for uri, kind, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return path


def test_web_warc_html_responses_become_articles(tmp_path):
    path = _warc(tmp_path / "news.warc.gz", [("https://example.org/a", "text/html", PAGE.encode()),
                                             ("https://example.org/logo.png", "image/png", b"\x89PNG"),
                                             ("https://example.org/b", "text/html; charset=utf-8",
                                              PAGE.replace("Monday", "Tuesday").encode())])
    items = _read(str(path), Settings())
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://example.org/a", "https://example.org/b"]
    assert [s.reason for s in items if isinstance(s, Skip)] == [
        f"{path}: 1 record(s) that are not HTML responses skipped"]


def test_web_truncated_warc_keeps_what_came_before(tmp_path):
    records = [("https://example.org/a", "text/html", PAGE.encode()),
               ("https://example.org/b", "text/html", PAGE.encode())]
    plain = _warc(tmp_path / "whole.warc", records).read_bytes()
    members = _warc(tmp_path / "whole.warc.gz", records).read_bytes()  # one gzip member a record
    for name, body in (("cut.warc", plain[:-150]), ("cut.warc.gz", members[:-60])):
        (tmp_path / name).write_bytes(body)
        items = _read(str(tmp_path / name), Settings())
        assert [type(i) for i in items] == [Article, Skip]          # the first record, then the fault
        assert "truncated or corrupt" in items[-1].reason
