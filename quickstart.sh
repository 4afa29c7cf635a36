#!/bin/sh
# Sets up eventwire in ./.venv (Python 3.11+) and codes the bundled sample article.
set -e
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/eventwire code eventwire/samples/border-deployment.txt --published 2025-03-14 --outlet "eventwire sample" --pretty
