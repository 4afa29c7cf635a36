"""Shared fixtures: one real spaCy pipeline per test session; paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real packaged pipeline (with the line-break sentence rule)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project; tests needing it skip when it is absent."""
    if not (SHARED / "spec" / "RECORD.md").exists():
        pytest.skip("../shared is not beside this checkout (a fresh clone): evaluation data absent")
    return SHARED
