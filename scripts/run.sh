#!/bin/sh
# Installs LKIP Desktop into .venv and starts it on the demo workbook (Setda Kota Bekasi 2024).
set -eu
cd "$(dirname "$0")/.."
sh scripts/venv.sh
sh scripts/install-system-libs.sh .venv/bin/python gui
exec .venv/bin/python -m lkip_desktop --demo "$@"
