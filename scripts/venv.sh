#!/bin/sh
# Creates .venv (once) and installs the project into it with the given extras.
# Usage: scripts/venv.sh [EXTRAS]   e.g. scripts/venv.sh test
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        # Debian's python3 ships venv separately.
        rm -rf .venv
        if command -v apt-get >/dev/null 2>&1; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        fi
        "$PYTHON" -m venv .venv
    fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
if [ -n "${1:-}" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$1]"
else
    .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi
