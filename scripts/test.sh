#!/bin/sh
# Installs LKIP Desktop with its test extras into .venv and runs the whole suite:
# the layer contracts (import-linter) and pytest (GUI tests offscreen).
set -eu
cd "$(dirname "$0")/.."
sh scripts/venv.sh test
sh scripts/install-system-libs.sh .venv/bin/python
.venv/bin/lint-imports
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -p no:cacheprovider "$@"
