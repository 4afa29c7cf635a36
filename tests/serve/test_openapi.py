"""Schemathesis over the app's own OpenAPI description: no input makes it fail with a 5xx."""

from __future__ import annotations

import pytest

from eventwire.serve import create_app

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (test extra)")
from hypothesis import HealthCheck, given, settings  # noqa: E402 - after the skip
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from .conftest import ARTICLES  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def schema(store_path):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(store_path, code_token="t0ken"))


@pytest.mark.parametrize("mode", list(GenerationMode), ids=str)
def test_openapi_no_input_makes_a_server_error(schema, mode):
    """Every operation, generated inputs (valid, then invalid), checked for 5xx and the error shape."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code}")
            elif response.status_code >= 400 and response.json().get("ok") is not False:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} not in the error shape")

        try:
            run()
        except Unsatisfiable:  # an operation without parameters has no invalid input to make
            if mode is GenerationMode.POSITIVE:
                raise
    assert not failures, failures[:10]


def test_openapi_known_ids_reach_their_records(schema):
    """The path operations answer 200 for stored ids (the generator alone rarely finds one)."""
    from fastapi.testclient import TestClient

    with TestClient(schema.app) as http:
        for article in ARTICLES:
            assert http.get(f"/api/articles/{article['id']}").status_code == 200
