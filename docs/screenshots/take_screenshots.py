"""Take the README screenshots from the running app with the demo workbook.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_screenshots.py
(or QT_QPA_PLATFORM=offscreen). Writes docs/screenshots/*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

PAGES = [("realisasi", "realisasi"), ("capaian", "capaian"), ("renstra", "renstra"), ("anggaran", "anggaran"),
         ("dukungan", "dukungan"), ("reviu", "reviu"), ("profil", "profil")]


def main() -> int:
    tmp = Path(tempfile.mkdtemp())
    # Screenshots never touch the user's settings or demo copy.
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    from PySide6.QtWidgets import QApplication

    from lkip_desktop.exchange.demo import build_demo
    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    demo = build_demo(tmp / "contoh-setda-2024.lkip")
    only = sys.argv[1:]
    win = MainWindow()
    win.resize(1600, 1000)
    win.show()
    app.processEvents()
    win.welcome.refresh()
    if not only or "welcome" in only:
        app.processEvents()
        win.grab().save(str(OUT / "welcome.png"))
    win.open_path(demo)
    for key, name in PAGES:
        if only and name not in only:
            continue
        win.show_page(key)
        for _ in range(3):
            app.processEvents()
        if key == "realisasi":
            page = win.pages[key]
            page.view.setCurrentIndex(page.model.index(1, 8))
        if key == "capaian":  # a chosen IKU fills the analysis box
            page = win.pages[key]
            page.view.setCurrentIndex(page.model.index(0, 1))
        app.processEvents()
        win.grab().save(str(OUT / f"{name}.png"))
        print("saved", name)
    if not only or "triwulan" in only:
        win.show_page("realisasi")
        win.pages["realisasi"].tabs.setCurrentIndex(1)  # builds the triwulan grid
        app.processEvents()
        win.grab().save(str(OUT / "triwulan.png"))
    win.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
