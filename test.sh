#!/bin/sh
# Sets up eventwire in ./.venv (Python 3.11+) and runs the whole test suite.
# Tests that need ../shared (the evaluation data) skip with a reason when it is absent.
set -e
cd "$(dirname "$0")"
# The dashboard's browser tests drive Debian's Chromium (they skip with a reason without it).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 || true
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
exec .venv/bin/python -m pytest "$@"
