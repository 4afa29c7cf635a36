"""The real app over a real DuckDB store: every route, filters, pages, sorts, the error shape."""

from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.serve import create_app
from eventwire.store.query import EventFilter, query_events
from eventwire.store.stats import daily_counts

from .conftest import PAYLOAD

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as client:
        yield client


@pytest.fixture(scope="module")
def store(store_path):
    """The store as query_events and daily_counts take it, read-only like the app's."""
    db = duckdb.connect(str(store_path), read_only=True)
    yield SimpleNamespace(db=db)
    db.close()


@pytest.fixture(scope="module")
def coder(store_path):
    with TestClient(create_app(store_path, code_token=TOKEN)) as client:
        yield client


def _error_shape(response, status):
    body = response.json()
    assert response.status_code == status
    assert body["ok"] is False and body["status"] == status and body["title"] and body["error"]
    return body


def test_api_articles_are_paged_and_count_duplicates(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    rest = client.get("/api/articles", params={"limit": 50, "offset": 2}).json()
    assert first["total"] == rest["total"] == 5 and len(first["items"]) == 2
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(set(ids)) == 5
    copy = next(a for a in first["items"] + rest["items"] if a["id"] == "nairobi-copy")
    assert copy["duplicate_of"] == "nairobi-arrests" and copy["events"] == 0


def test_api_article_has_text_and_record(client):
    article = client.get("/api/articles/belgrade-protest").json()
    assert PAYLOAD in article["text"]
    assert article["record"]["article"]["id"] == "belgrade-protest" and article["record"]["events"]


@pytest.mark.parametrize("params", [
    {}, {"type": "PROTEST"}, {"modality": "future"}, {"country": "ken"}, {"outlet": "atlantic wire"},
    {"since": "2025-04-01"}, {"until": "2025-04-30"}, {"text": "troops"},
    {"type": "AID", "country": "JPN", "since": "2025-01-01"},
])
def test_api_events_filter_as_query_events_does(client, store, params):
    names = {"type": "event_type"}
    selection = EventFilter(**{names.get(k, k): v for k, v in params.items()}, limit=500)
    expected = [(r["article_id"], r["event_id"]) for r in query_events(store, selection)]
    page = client.get("/api/events", params=params | {"limit": 500}).json()
    assert [(r["article_id"], r["event_id"]) for r in page["items"]] == expected
    assert page["total"] == len(expected)


@pytest.mark.parametrize(("place", "expected"), [("Nairobi", {"nairobi-arrests"}), ("srb", {"belgrade-protest"}),
                                               ("Atlantis", set())])
def test_api_events_filter_by_place_name_or_country(client, place, expected):
    items = client.get("/api/events", params={"place": place}).json()["items"]
    assert {r["article_id"] for r in items} == expected


def test_api_events_pages_cover_all_without_overlap(client):
    total = client.get("/api/events").json()["total"]
    seen = []
    for offset in range(0, total, 3):
        seen += [(r["article_id"], r["event_id"]) for r in
                 client.get("/api/events", params={"limit": 3, "offset": offset}).json()["items"]]
    assert len(seen) == len(set(seen)) == total > 5


@pytest.mark.parametrize(("sort", "key", "reverse"), [
    ("type", "event_type", False), ("-confidence", "confidence", True), ("date", None, False),
])
def test_api_events_sort(client, sort, key, reverse):
    items = client.get("/api/events", params={"sort": sort, "limit": 500}).json()["items"]
    values = [r[key] if key else (r["date"] or r["published"])[:10] for r in items]
    assert values == sorted(values, reverse=reverse)


def test_api_event_has_evidence_and_offsets_into_the_text(client):
    detail = client.get("/api/events/lisbon-troops/e1").json()
    text = detail["article"]["text"]
    roles = {h["role"] for h in detail["highlights"]}
    assert {"evidence", "trigger", "actor", "size", "date"} <= roles
    for highlight in detail["highlights"]:
        assert text[highlight["start"]:highlight["end"]] == highlight["text"]
    assert detail["event"]["id"] == "e1" and detail["event"]["event_type"] == "MOBILIZE"


def test_api_actors_and_places(client):
    actors = client.get("/api/actors", params={"country": "JPN"}).json()
    assert actors["items"] and all(a["country"] == "JPN" for a in actors["items"])
    places = client.get("/api/places", params={"located": "true"}).json()["items"]
    nairobi = next(p for p in places if p["name"] == "Nairobi")
    assert nairobi["country"] == "KEN" and -2 < nairobi["lat"] < 0 and 36 < nairobi["lon"] < 38


@pytest.mark.parametrize("by", ["type", "dyad"])
def test_api_series_unfiltered_is_daily_counts(client, store, by):
    expected = [list(row) for row in daily_counts(store, by=by)]
    rows = client.get("/api/series", params={"by": by}).json()["rows"]
    assert [[r["day"], r["key"], r["count"]] for r in rows] == expected


def test_api_series_and_dyads_follow_filters(client):
    rows = client.get("/api/series", params={"type": "PROTEST"}).json()["rows"]
    assert rows and {r["key"] for r in rows} == {"PROTEST"}
    dyads = client.get("/api/dyads", params={"country": "JPN"}).json()
    assert dyads and all("JPN" in (d["actor"], d["recipient"]) for d in dyads)


@pytest.mark.parametrize(("path", "status"), [
    ("/api/events?limit=0", 422), ("/api/events?limit=501", 422), ("/api/events?offset=-1", 422),
    ("/api/events?type=RIOT", 422), ("/api/events?since=2025-13-01", 422), ("/api/events?country=KENYA", 422),
    ("/api/events?sort=random", 422), ("/api/series?by=outlet", 422), ("/api/articles/no-such", 404),
    ("/api/events/lisbon-troops/e99", 404), ("/api/events/no-such/e1", 404), ("/api/nothing", 404),
    ("/api/code", 404),
])
def test_api_errors_have_one_shape(client, path, status):
    body = _error_shape(client.get(path), status)
    if status == 422:
        assert body["errors"] and body["errors"][0]["location"].startswith("query.")


def test_api_code_is_off_without_a_token(client):
    _error_shape(client.post("/api/code", json={"text": "Police arrested ten people."}), 404)
    assert "/api/code" not in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_api_code_needs_the_token(coder, headers):
    response = coder.post("/api/code", json={"text": "Police arrested ten people."}, headers=headers)
    _error_shape(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_code_returns_a_record(coder):
    response = coder.post("/api/code", headers={"Authorization": f"Bearer {TOKEN}"},
                          json={"text": "Police in Kenya arrested 40 protesters in Nairobi on Sunday.",
                                "published": "2025-05-05", "outlet": "Rift Daily", "id": "posted"})
    record = response.json()
    assert response.status_code == 200 and record["article"]["id"] == "posted"
    assert record["article"]["outlet"] == "Rift Daily"
    assert any(e["event_type"] == "COERCE" for e in record["events"])


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>a</p>"}, {"text": "x", "published": "May 5"},
                                  {"text": "   "}])
def test_api_code_rejects_bad_bodies(coder, body):
    _error_shape(coder.post("/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"}), 422)


def test_api_missing_store_is_503(tmp_path):
    with TestClient(create_app(tmp_path / "absent.duckdb")) as client:
        body = _error_shape(client.get("/api/events"), 503)
    assert "eventwire ingest" in body["error"]


def test_api_dashboard_is_served_offline_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("app.js", "app.css"):
        text = client.get(f"/static/{asset}").text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text
    assert "innerHTML" not in client.get("/static/app.js").text.replace("(no innerHTML)", "")


def test_api_openapi_documents_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    responses = spec["paths"]["/api/events"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
