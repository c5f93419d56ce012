"""Take the Alur kerja and Capaian charts screenshots at 1366x768 with the demo workbook.

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/take_alur_charts.py
Writes docs/screenshots/alur.png and charts.png (the Alur kerja page of a new workbook)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))


def main() -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    from lkip_desktop.exchange.demo import build_demo
    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    demo = build_demo(tmp / "contoh-setda-2024.lkip")
    win = MainWindow()
    win.resize(1366, 740)
    win.show()
    win.open_path(demo)

    def settle():
        for _ in range(5):
            app.processEvents()

    win.show_page("alur")
    settle()
    win.grab().save(str(OUT / "alur.png"))
    win.show_page("capaian")
    page = win.pages["capaian"]
    page.tabs.setCurrentIndex(1)
    page.split.setSizes([10000, 0])  # the charts alone: the analysis box folds away
    settle()
    win.grab().save(str(OUT / "charts.png"))
    win.close_workbook()
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
