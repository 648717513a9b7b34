#!/usr/bin/env bash
# Install what the tests need (Chromium from Debian where apt exists) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
# LibreOffice (about 20 s to install here) lets a test prove the vote-count minutes open; optional: skipped without it.
if ! command -v soffice >/dev/null && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils \
        >/dev/null; } || echo "LibreOffice not installed: the minutes-to-PDF test will be skipped"
fi
python3 -m pip install -q -r requirements-dev.txt
python3 -m ruff check .
python3 -m pytest -q
