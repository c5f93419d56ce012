"""GUI benchmark: start-up to a shown main window, and one typed edit to a repainted capaian,
each beside a bare PySide6 baseline measured in the same run.

    python -m bench.bench_gui                  # demo, 1x and 100x (about 2 minutes)
    python -m bench.bench_gui --scales 1       # quicker
    python -m bench.bench_gui --write          # also write bench/results-gui.md

- start-up: wall time from spawning ``python`` to the first paint of the window (imports
  included): the app (``MainWindow`` + ``open_path`` + the Realisasi page shown) vs a bare
  ``QApplication`` + ``QMainWindow`` with one ``QTableView`` over a 10x10 ``QStandardItemModel``.
  Each is run 3 times in fresh processes; the median is shown.
- edit: ``model.setData`` of one IKU realisasi in the Realisasi grid (the delegate's path:
  parse -> undo command -> service transaction + audit -> recompute -> exact dataChanged)
  then the repaint of what it marked dirty (processEvents), vs ``QStandardItemModel.setData`` + one sqlite3
  ``UPDATE`` + commit (rollback journal, synchronous=FULL) + the same processEvents. Median of 40.

Runs offscreen unless QT_QPA_PLATFORM is set. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD_APP = r"""
import sys, os
from pathlib import Path
from PySide6.QtCore import QObject, QEvent, QTimer
from lkip_desktop.ui.app import make_app
from lkip_desktop.ui.main_window import MainWindow
app = make_app()
win = MainWindow()
win.show()
win.open_path(Path(sys.argv[1]))
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("shown", flush=True); os._exit(0)
        return False
spy = Spy(); win.page_stack.currentWidget().views[0].viewport().installEventFilter(spy)
win.repaint()
app.processEvents()
QTimer.singleShot(30000, lambda: os._exit(1))
app.exec()
"""

CHILD_BARE = r"""
import os
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtGui import QStandardItemModel, QStandardItem
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
win = QMainWindow()
model = QStandardItemModel(10, 10)
for r in range(10):
    for c in range(10):
        model.setItem(r, c, QStandardItem(f"{r},{c}"))
view = QTableView(); view.setModel(model)
win.setCentralWidget(view); win.resize(1280, 800); win.show()
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("shown", flush=True); os._exit(0)
        return False
spy = Spy(); view.viewport().installEventFilter(spy)
win.repaint()
app.processEvents()
QTimer.singleShot(30000, lambda: os._exit(1))
app.exec()
"""


def _spawn(code: str, *args: str, env: dict) -> float:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=300)
    dt = time.perf_counter() - t0
    if "shown" not in p.stdout:
        raise RuntimeError(f"child failed: {p.stderr[-2000:]}")
    return dt


def startup(path: Path, tmp: Path, runs: int = 3) -> tuple[float, float]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "cfg"), XDG_DATA_HOME=str(tmp / "data"),
               PYTHONPATH=str(ROOT))
    app, bare = [], []
    for _ in range(runs):  # interleaved, so both see the same machine state
        bare.append(_spawn(CHILD_BARE, env=env))
        app.append(_spawn(CHILD_APP, str(path), env=env))
    return statistics.median(app), statistics.median(bare)


def edit(path: Path, tmp: Path, n: int = 40) -> tuple[float, float]:
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "cfg")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    win = MainWindow()
    win.resize(1400, 900)
    win.show()
    assert win.open_path(path)
    page = win.show_page("realisasi")
    model, view = page.model, page.view
    c_real = next(c for c, col in enumerate(model.columns) if col.header.startswith("Realisasi\n2"))
    c_cap = next(c for c, col in enumerate(model.columns) if col.header.startswith("Capaian"))
    row = next(r for r in range(model.rowCount()) if model.cell_ref(model.index(r, c_real)) is not None)
    idx = model.index(row, c_real)
    view.scrollTo(idx)
    app.processEvents()
    times = []
    for k in range(n):
        t0 = time.perf_counter()
        ok = model.setData(idx, f"{80 + k % 7},{k % 10}", Qt.ItemDataRole.EditRole)
        app.processEvents()  # paints what dataChanged marked dirty, as the event loop would
        times.append(time.perf_counter() - t0)
        assert ok and model.index(row, c_cap).data() != "-"
    win.close_workbook()
    win.close()

    # Bare: a QStandardItemModel cell, one UPDATE + commit on a same-pragma file, a repaint.
    db = tmp / "bare.sqlite"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, nilai TEXT)")
    conn.executemany("INSERT INTO v VALUES (?, ?)", [(i, "0") for i in range(1000)])
    smodel = QStandardItemModel(50, 12)
    for r in range(50):
        for c in range(12):
            smodel.setItem(r, c, QStandardItem("0"))
    tv = QTableView()
    tv.setModel(smodel)
    tv.resize(1400, 800)
    tv.show()
    app.processEvents()
    bare = []
    for k in range(n):
        t0 = time.perf_counter()
        smodel.setData(smodel.index(3, 8), f"{80 + k % 7},{k % 10}")
        conn.execute("BEGIN")
        conn.execute("UPDATE v SET nilai = ? WHERE id = ?", (f"{80 + k}", 3))
        conn.execute("COMMIT")
        app.processEvents()
        bare.append(time.perf_counter() - t0)
    tv.close()
    tv.deleteLater()
    conn.close()
    app.processEvents()
    return statistics.median(times), statistics.median(bare)


def workbook(scale: str, tmp: Path) -> Path:
    if scale == "demo":
        from lkip_desktop.exchange.demo import build_demo

        return build_demo(tmp / "demo.lkip")
    from bench.generate import generate

    path = tmp / f"gen-{scale}.lkip"
    if not path.exists():
        generate(path, float(scale))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="demo,1,100")
    ap.add_argument("--write", action="store_true", help="write bench/results-gui.md")
    ap.add_argument("--dir", default=None, help="folder for the workbooks (default: a temp folder)")
    args = ap.parse_args(argv)
    tmp = Path(args.dir or tempfile.mkdtemp(prefix="lkip-bench-gui-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = []
    for scale in args.scales.split(","):
        t0 = time.perf_counter()
        path = workbook(scale, tmp)
        gen = time.perf_counter() - t0
        s_app, s_bare = startup(path, tmp)
        e_app, e_bare = edit(path, tmp)
        label = "demo (Setda 2024)" if scale == "demo" else f"{scale}x"
        row = (label, s_app, s_bare, e_app, e_bare, path.stat().st_size / 1e6)
        rows.append(row)
        print(f"{label:18} start-up {s_app:6.2f} s vs bare {s_bare:5.2f} s (x{s_app / s_bare:4.1f}) | "
              f"edit {e_app * 1e3:7.2f} ms vs bare {e_bare * 1e3:6.2f} ms (x{e_app / e_bare:5.1f}) "
              f"[{row[5]:.1f} MB, made in {gen:.1f} s]", flush=True)
    if args.write:
        write(rows)
    return 0


def write(rows) -> None:
    import PySide6

    lines = [
        "# GUI benchmark (bench/bench_gui.py)",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}. "
        f"Run {time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        "Start-up: spawn `python` to first paint of the grid (median of 3 fresh processes), the app",
        "(main window + open the workbook + Realisasi page) vs a bare PySide6 window with one QTableView.",
        "Edit: one typed IKU realisasi through the real path (parse, undo command, one SQLite",
        "transaction with audit, recompute, exact dataChanged) plus the repaint of the dirty cells, vs",
        "QStandardItemModel.setData + sqlite3 UPDATE/commit (synchronous=FULL) + repaint (median of 40).",
        "",
        "| workbook | file | start-up app | start-up bare | ratio | edit app | edit bare | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, s_app, s_bare, e_app, e_bare, mb in rows:
        lines.append(f"| {label} | {mb:.1f} MB | {s_app:.2f} s | {s_bare:.2f} s | {s_app / s_bare:.1f}x | "
                     f"{e_app * 1e3:.2f} ms | {e_bare * 1e3:.2f} ms | {e_app / e_bare:.1f}x |")
    lines += ["", "Reproduce: `python -m bench.bench_gui --write`.", ""]
    (ROOT / "bench" / "results-gui.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
