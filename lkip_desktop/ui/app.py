"""The GUI entry point: ``run(argv)``, called by ``python -m lkip_desktop [file.lkip | --demo]``.

``LKIP_SMOKE_EXIT_MS`` (installer smoke test): quit after that many milliseconds; exit 0 only
if the workbook asked for opened.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# Before PySide6: once imported, PySide6 reads the source of every module imported after it
# (its __feature__ check, ~0.1 ms a module); a module imported before is read only if a later
# import names it. So the Qt-free core every window needs (the service, the edit verbs, with
# the store and domain modules only they import) is imported first: ~60 fewer reads.
from .. import APP_NAME, __version__, collector, crashlog
from ..edits import rows, values  # noqa: F401 - imported early on purpose, see above
from ..store import service  # noqa: F401 - imported early on purpose, see above

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, Slot  # noqa: E402 - after the core, see above
from PySide6.QtWidgets import QApplication  # noqa: E402

log = logging.getLogger(__name__)


def _no_feature_scan_of_our_modules() -> None:
    """PySide6's import hook reads the whole source of each module an import names (the
    ``__feature__`` check: does it say "PySide6"?), ~0.1–0.5 ms a module, ~15 ms of a start
    from a source install (a frozen bundle has no source: there the read fails at once).
    Two answers are known without the read: the standard library never uses PySide6 (-1,
    "ignore"), and none of our modules selects a feature (0, "no feature", what the read of
    a Qt module of ours finds). Other modules keep the read; a PySide6 without this hook is
    left alone."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "ours_answered", False):
        return

    def uses_pyside(module) -> bool:
        top = getattr(module, "__name__", "").partition(".")[0]
        if top == "lkip_desktop":
            return True
        return False if top in sys.stdlib_module_names else scan(module)

    uses_pyside.ours_answered = True
    feature._mod_uses_pyside = uses_pyside


_no_feature_scan_of_our_modules()


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


class CrashRelay(QObject):
    """Lives in the UI thread: a crash reported from a worker thread reaches ``tell`` queued."""

    crashed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.crashed.connect(self.tell)

    @Slot(str)
    def tell(self, detail: str) -> None:
        from .crash import show_crash

        try:
            self.window.show_message(f"Terjadi kesalahan tak terduga: {detail}", error=True)
            show_crash(self.window, detail)
        except Exception:  # noqa: BLE001 - the window may be gone at exit; the log has it
            log.exception("crash dialog")


def install_crash_reports(window) -> CrashRelay:
    """An unexpected error in a slot or a worker thread goes to the crash log and the
    "Kesalahan tak terduga" dialog; the app stays up."""
    relay = CrashRelay(window)
    crashlog.install(relay.crashed.emit)
    return relay


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    app = make_app()
    from .main_window import MainWindow

    paths = [a for a in argv if not a.startswith("--")]
    window = MainWindow(opening=bool(paths) or "--demo" in argv)
    install_crash_reports(window)
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
    opened = True
    if "--demo" in argv:
        opened = window.open_demo()
    elif paths:
        opened = window.open_path(Path(paths[0]))
    window.end_opening()  # e.g. the demo could not even be made
    collector.end_start()  # begun by ``__main__`` before the imports
    rc = app.exec()
    window.close_workbook()
    if smoke:  # the smoke test passes only if the asked-for workbook really opened
        return 0 if (rc == 0 and opened) else 1
    return rc
