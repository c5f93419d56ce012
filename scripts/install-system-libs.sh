#!/bin/sh
# Installs the system libraries the PySide6 wheels need, only when Qt cannot start.
# Debian/Ubuntu with apt and root (or sudo); elsewhere it only says what is missing.
# Usage: scripts/install-system-libs.sh PYTHON [gui]
set -eu
PY="${1:-python3}"
WANT_GUI="${2:-}"
probe() {
    "$PY" - "$1" <<'PYEOF' >/dev/null 2>&1
import sys
from PySide6.QtWidgets import QApplication
QApplication(["probe", "-platform", sys.argv[1]])
PYEOF
}
LIBS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0"
XCB="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"
need=""
probe offscreen || need="$LIBS"
if [ -n "$WANT_GUI" ] && [ -n "${DISPLAY:-}" ] && ! probe xcb; then need="$need $LIBS $XCB"; fi
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    echo "Memasang pustaka sistem untuk Qt: $need"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
else
    echo "Qt tidak dapat berjalan; pasang pustaka sistem ini: $need" >&2
fi
