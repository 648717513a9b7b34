#!/usr/bin/env bash
# Install what the tests need (Chromium from Debian where apt exists) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install -q -r requirements-dev.txt
python3 -m ruff check .
python3 -m pytest -q
