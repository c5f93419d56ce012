"""Run as a script in a subprocess (the scale factor must be set before Qt starts): opens the
demo workbook in the real main window, sized as on first start to an offscreen screen of the
given device size and scale, visits every page, grabs the window, and prints what it measured
as JSON (the test judges it). ``screen_env`` gives the environment for such a subprocess.

    python tests/ui/window/screen_probe.py DEMO.lkip [PNG_FOLDER]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# (name, device width, device height, scale): the four office screens of issue 14
SCREENS = [("1366x768-100", 1366, 768, 1.0), ("1366x768-125", 1366, 768, 1.25),
           ("1920x1080-150", 1920, 1080, 1.5), ("1920x1080-200", 1920, 1080, 2.0)]
KEY_COLUMNS = {"realisasi": ("Capaian", "Peringkat"), "capaian": ("Capaian", "Peringkat")}


def screen_env(folder: Path, width: int, height: int, scale: float) -> dict[str, str]:
    """The environment of a Qt process whose only screen is ``width`` x ``height`` device px
    at ``scale`` (the real high-DPI path: QT_SCALE_FACTOR)."""
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "Kantor", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale),
               QT_ENABLE_HIGHDPI_SCALING="1", PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    return env


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _in_scroll_viewport(w, page) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    p = w.parentWidget()
    while p is not None and p is not page:
        gp = p.parentWidget()
        if isinstance(gp, QAbstractScrollArea) and p is gp.viewport():
            return True
        p = gp
    return False


def _cut_widgets(win, page) -> list[str]:
    """Visible widgets of the page whose right edge lies past the window's, outside any
    scroll area (there nothing lets the user reach them)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    cut = []
    for w in page.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or _in_scroll_viewport(w, page):
            continue
        right = w.mapTo(win, QPoint(w.width(), 0)).x()
        if right > win.width() + 1:
            cut.append(f"{type(w).__name__} {w.objectName() or w.accessibleName() or ''} right={right}")
    return cut


def _views(page) -> list[dict]:
    """Every visible item view: its columns' reach (visible or behind a horizontal scroll bar)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

    out = []
    for v in page.findChildren(QAbstractItemView):
        if not v.isVisible() or not isinstance(v, (QTableView, QTreeView)):
            continue
        head: QHeaderView = v.horizontalHeader() if isinstance(v, QTableView) else v.header()
        model, bar = v.model(), v.horizontalScrollBar()
        cols = {}
        for c in range(head.count()):
            if head.isSectionHidden(c):
                continue
            title = str(model.headerData(c, Qt.Orientation.Horizontal) or "").replace("\n", " ")
            x = head.sectionViewportPosition(c)
            cols[title] = {"x": x, "w": head.sectionSize(c)}
        out.append({"name": v.objectName() or type(v).__name__, "viewport": v.viewport().width(),
                    "length": head.length(), "bar_max": bar.maximum(),
                    "bar_visible": bar.isVisible() and v.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff,
                    "columns": cols})
    return out


def probe(demo: Path, shots: Path | None) -> dict:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow
    from lkip_desktop.ui.pages.registry import PAGES

    app = make_app()
    win = MainWindow()  # no saved geometry: the first start
    win.show()
    assert win.open_path(demo)
    screen = win.screen() or QGuiApplication.primaryScreen()
    result = {"available": _rect(screen.availableGeometry()), "dpr": screen.devicePixelRatio(), "pages": {}}
    for entry in PAGES:
        page = win.show_page(entry.key)
        for _ in range(3):
            app.processEvents()
        bar = win.statusBar()
        image = win.grab()
        if shots is not None:
            image.save(str(shots / f"{entry.key}.png"))
        result["pages"][entry.key] = {
            "frame": _rect(win.frameGeometry()), "size": [win.width(), win.height()], "min_hint": [win.minimumSizeHint().width(), win.minimumSizeHint().height()],
            "minimum": [win.minimumSize().width(), win.minimumSize().height()],
            "status": _rect(bar.geometry().translated(win.geometry().topLeft())), "status_visible": bar.isVisible(),
            "grab": [image.width(), image.height(), image.devicePixelRatio()],
            "cut": _cut_widgets(win, page), "views": _views(page)}
    win.close()
    QApplication.processEvents()
    return result


if __name__ == "__main__":
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(probe(Path(sys.argv[1]), out)))
