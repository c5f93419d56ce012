"""Take the README screenshots from the running app with the demo workbook.

    xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/take_screenshots.py
    python docs/screenshots/take_screenshots.py --size 1366x768 --scale 1.25 --out /tmp/shots
    xvfb-run -s "-screen 0 1920x1080x24" python docs/screenshots/take_screenshots.py --office
(or QT_QPA_PLATFORM=offscreen). The window takes the whole screen of --size (the office
laptop's 1366x768 by default) at --scale (QT_SCALE_FACTOR: 1.25 = 125 %); PNGs go to --out
(docs/screenshots/ by default). Names after the options pick pages: realisasi capaian ...
rencana-aksi (quarter targets) cari (the Ctrl+F bar). --office takes the key pages at the four
office screens (1366x768 at 100 % and 125 %, 1920x1080 at 150 % and 200 %), one process each
(the scale is read when Qt starts), as docs/screenshots/screens/<size>-<scale>-<page>.png.
PNGs are saved with a 256-colour palette: screenshots of flat UI stay sharp and small."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

PAGES = [("realisasi", "realisasi"), ("capaian", "capaian"), ("renstra", "renstra"), ("anggaran", "anggaran"),
         ("dukungan", "dukungan"), ("reviu", "reviu"), ("profil", "profil"), ("pk", "pk"),
         ("laporan", "laporan")]
OFFICE_SCREENS = [("1366x768", "1"), ("1366x768", "1.25"), ("1920x1080", "1.5"), ("1920x1080", "2")]
OFFICE_PAGES = ["realisasi", "anggaran", "capaian", "pk", "laporan"]


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1366x768", help="screen size in device pixels, WxH")
    ap.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 1.25 or 1.5")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    ap.add_argument("--prefix", default="", help="put before every PNG name")
    ap.add_argument("--office", action="store_true", help="the key pages at the four office screens")
    ap.add_argument("only", nargs="*", help="page names to take (default: all)")
    return ap.parse_args(argv)


def save_png(widget, path: Path) -> None:
    """The widget as a palette PNG (a quarter of the size of a true-colour one, as sharp)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    flags = Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    image.save(str(path), "PNG", 0)


def office(out: Path) -> int:
    """Each office screen in its own process (QT_SCALE_FACTOR is read when Qt starts)."""
    folder = out / "screens"
    for size, scale in OFFICE_SCREENS:
        prefix = f"{size}-{round(float(scale) * 100)}-"
        cmd = [sys.executable, __file__, "--size", size, "--scale", scale, "--out", str(folder),
               "--prefix", prefix, *OFFICE_PAGES]
        if subprocess.run(cmd).returncode:
            return 1
    return 0


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.office:
        return office(args.out)
    width, height = (int(v) for v in args.size.lower().split("x"))
    os.environ["QT_SCALE_FACTOR"] = args.scale  # before the QApplication exists
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
    only = args.only
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    scale = float(args.scale)
    win = MainWindow()
    # the whole screen in logical pixels, less a task bar (40 device px)
    win.resize(int(width / scale), int((height - 40) / scale))
    win.show()
    app.processEvents()
    print(f"window {win.width()}x{win.height()} logical, minimum {win.minimumSizeHint().width()}x"
          f"{win.minimumSizeHint().height()}, scale {scale}")
    win.welcome.refresh()

    def save(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        save_png(win, out / f"{args.prefix}{name}.png")
        print("saved", name)

    if not only or "welcome" in only:
        save("welcome")
    win.open_path(demo)
    for key, name in PAGES:
        if only and name not in only:
            continue
        win.show_page(key)
        for _ in range(3):
            app.processEvents()
        if key == "realisasi":
            page = win.pages[key]
            real = next(c for c, col in enumerate(page.model.columns) if col.header.startswith("Realisasi\n2"))
            page.view.setCurrentIndex(page.model.index(1, real))
        if key == "capaian":  # a chosen IKU fills the analysis box
            page = win.pages[key]
            page.view.setCurrentIndex(page.model.index(0, 1))
        save(name)
    if not only or "triwulan" in only:
        win.show_page("realisasi")
        win.pages["realisasi"].tabs.setCurrentIndex(1)  # builds the triwulan grid
        save("triwulan")
    if not only or "rencana-aksi" in only:  # target, realisasi and capaian per triwulan
        win.show_page("realisasi")
        page = win.pages["realisasi"]
        page.tabs.setCurrentIndex(0)
        page.plan.setChecked(True)
        from decimal import Decimal

        from lkip_desktop.edits import cells, values

        wb = win.context.wb  # an example plan on the temporary demo copy
        plan = {0: ((10, 20, 30, 40), (9, 21, 28, None)), 3: ((80, 81, 82, 83), (80.5, 82.1, None, None))}
        pairs = [(ref(ind.id, wb.settings.tahun, tw), Decimal(str(v)))
                 for r, rows in plan.items() for ind in [wb.iku_list()[r]]
                 for ref, vals in zip((cells.target, cells.realisasi), rows)
                 for tw, v in enumerate(vals, 1) if v is not None]
        win.context.run(values.set_values, pairs, "Contoh rencana aksi")
        page.view.setCurrentIndex(page.model.index(0, 4))
        save("rencana-aksi")
        page.plan.setChecked(False)
    if not only or "cari" in only:  # the find bar (Ctrl+F) with a filter over the budget tree
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        win.show_page("anggaran")
        view = win.pages["anggaran"].view
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar = view.find_bar()
        bar.filter_edit.setText("penyediaan")
        QTest.keyClicks(bar.find_edit, "listrik")
        QTest.keyClick(bar.find_edit, Qt.Key.Key_Return)
        save("cari")
        bar.close_bar()
    win.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
