#!/bin/sh
# Sets up eventwire in ./.venv (Python 3.11+) and runs the whole test suite.
# Tests that need ../shared (the evaluation data) skip with a reason when it is absent.
set -e
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
exec .venv/bin/python -m pytest "$@"
