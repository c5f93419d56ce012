"""The GUI entry point: ``run(argv)``, called by ``python -m lkip_desktop [file.lkip | --demo]``.

``LKIP_SMOKE_EXIT_MS`` (installer smoke test): quit after that many milliseconds; exit 0 only
if the workbook asked for opened.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__

log = logging.getLogger(__name__)


def make_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "lkip-desktop"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    # Indonesian: number/date widgets and QLocale-based text follow id-ID.
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return app


def _install_excepthook(window) -> None:
    """An unexpected error in a slot is logged and shown in the status bar; the app stays up."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        traceback.print_exception(exc_type, exc, tb)
        try:
            window.show_message(f"Terjadi kesalahan tak terduga: {exc}", error=True)
        except Exception:  # noqa: BLE001 - the window may be gone at exit
            previous(exc_type, exc, tb)

    sys.excepthook = hook


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    app = make_app()
    from .main_window import MainWindow

    window = MainWindow()
    _install_excepthook(window)
    window.show()
    smoke = os.environ.get("LKIP_SMOKE_EXIT_MS")
    if smoke:
        try:
            ms = int(smoke)
        except ValueError:
            ms = 1000
        # Set before opening: an error dialog shown while opening would otherwise wait forever.
        QTimer.singleShot(ms, lambda: [w.close() for w in QApplication.topLevelWidgets()])
        QTimer.singleShot(ms + 50, app.quit)
    paths = [a for a in argv if not a.startswith("--")]
    opened = True
    if "--demo" in argv:
        opened = window.open_demo()
    elif paths:
        opened = window.open_path(Path(paths[0]))
    rc = app.exec()
    window.close_workbook()
    if smoke:  # the smoke test passes only if the asked-for workbook really opened
        return 0 if (rc == 0 and opened) else 1
    return rc
