"""The real dashboard in headless Chromium (Debian's /usr/bin/chromium driven by Playwright),
against the app served by uvicorn on 127.0.0.1: load, filter, open an event, see its evidence
highlighted, and prove that an article's <script> and <img onerror> payloads run nothing.

Screenshots of the main views go to docs/screenshots/.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from eventwire.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
# Screenshots go to a temporary folder; EVENTWIRE_SCREENSHOTS=docs/screenshots refreshes the
# README's pictures (a plain test run leaves the work tree as it was).
SHOTS = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or tempfile.mkdtemp(prefix="eventwire-shots-"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: "
                                     "pip install playwright (the browser is Debian's chromium)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium: apt-get install -y chromium chromium-driver", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(store_path):
    """The app on a free loopback port, served by uvicorn in a background thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url):
    """A fresh page that fails the test on any script error or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, base_url=base_url)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith(base_url)
            else problems.append(f"request outside the app: {request.url}"))
    yield page
    context.close()
    assert not problems, problems


def _ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready={view}]", timeout=15_000)


def test_dashboard_overview_draws_timeline_map_graph_and_events(page):
    page.goto("/")
    _ready(page, "overview")
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#map circle.point").count() >= 3
    assert page.locator("#map line.graticule").count() > 10
    assert page.locator("#graph g.node").count() >= 2 and page.locator("#graph path.edge").count() >= 1
    stored = page.request.get("/api/events?limit=100").json()["total"]   # what the store holds
    assert page.locator("#events tbody tr").count() == stored > 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)


def test_dashboard_filter_by_type_and_country(page):
    page.goto("/")
    _ready(page, "overview")
    page.select_option("#filters select[name=type]", "PROTEST")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=PROTEST')")
    _ready(page, "overview")
    types = page.locator("#events tbody tr td:nth-child(2)").all_text_contents()
    assert types and set(types) == {"PROTEST"}
    assert {k for k in page.locator("#timeline rect.bar").evaluate_all("rs => rs.map(r => r.dataset.key)")} == {"PROTEST"}
    page.goto("/#/?country=JPN")
    _ready(page, "overview")
    rows = page.locator("#events tbody tr").count()
    assert rows >= 1 and page.locator("#filters select[name=country]").input_value() == "JPN"
    page.screenshot(path=str(SHOTS / "filtered.png"), full_page=True)


def test_dashboard_event_page_highlights_every_value(page):
    page.goto("/#/?type=MOBILIZE")
    _ready(page, "overview")
    page.locator("#events tbody tr[data-event='lisbon-troops/e1']").click()
    _ready(page, "event")
    assert page.locator("#overview").is_hidden()
    text = page.locator("#article-text")
    assert "Portugal will send 300 troops" in text.inner_text()
    for role in ("trigger", "actor", "size", "date"):
        assert page.locator(f"#article-text mark[data-roles~={role}]").count() >= 1, role
    trigger = "".join(page.locator("#article-text mark.hl-trigger").all_text_contents())
    assert trigger == page.evaluate("fetch('/api/events/lisbon-troops/e1').then(r => r.json())"
                                    ".then(d => d.event.trigger.text)")
    assert page.locator("#values tr[data-role=size]").count() == 1
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)


@pytest.mark.parametrize("strip_csp", [False, True], ids=["with-csp", "without-csp"])
def test_dashboard_script_payload_runs_nothing(page, base_url, strip_csp):
    """Escaping alone keeps the payload inert: the test also runs with the CSP header removed."""
    if strip_csp:
        page.route("**/*", _without_csp)
    for url in ("/", "/#/event/belgrade-protest/e1"):
        page.goto(url)
        _ready(page, "overview" if url == "/" else "event")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img").count() == 0
        assert page.locator("main script").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert "<img src=x onerror=" in page.locator("#event-title").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    if not strip_csp:
        page.screenshot(path=str(SHOTS / "escaped-payload.png"), full_page=True)


def _without_csp(route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers=headers)
