"""The child processes of ``python -m bench``: each does one job in a fresh interpreter (so
its imports count and its peak memory is its own) and prints its figures on stdout,
ending with ``maxrss_kb N``, its peak RSS from the OS.

    python -m bench.child start-app FILE [every-row]
    python -m bench.child start-bare FILE ROWS COLS TABLE...
    python -m bench.child edit FILE REPEAT
    python -m bench.child docx FILE OUT
    python -m bench.child plan FILE OUT
"""

from __future__ import annotations

import json
import os
import resource
import sys


def _maxrss() -> str:
    """This process's peak RSS in KiB: the kernel's VmHWM of its own memory map. Not
    getrusage's ru_maxrss: exec carries the parent's peak over into it, so a child of a big
    bench process would report the parent's size."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return f"maxrss_kb {int(line.split()[1])}"
    except OSError:
        pass
    return f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}"  # not Linux


def _paint_and_exit(app, win, view, then=None) -> None:
    """Run the event loop until ``view`` first paints; then print the grid's size and the
    peak memory and leave at once (no teardown timed). ``then``: run after the paint before
    leaving (with the event loop turning)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    model = view.model()
    say = f"grid {model.rowCount()} {model.columnCount()}"

    def leave():
        if then is not None:
            then()
        print(say, flush=True)
        print(_maxrss(), flush=True)
        os._exit(0)

    class Spy(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, leave) if then is not None else leave()
            return False

    spy = Spy()
    view.viewport().installEventFilter(spy)
    win.repaint()
    app.processEvents()
    QTimer.singleShot(120_000, lambda: os._exit(1))
    app.exec()


def start_app(path: str, every_row: str = "") -> None:  # noqa: ARG001 - a flag word
    """The app's start; ``every_row``: leave only once what the window reads after its
    first paint (the quarterly rows, the page check and the backup copy) is done too."""
    from pathlib import Path

    from lkip_desktop import collector

    collector.begin_start()  # as ``lkip_desktop.__main__`` before the imports; run() ends it
    from lkip_desktop.ui.app import install_crash_reports, make_app
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    win = MainWindow(opening=True)  # as ``ui.app.run`` with a file given
    install_crash_reports(win)  # as ``ui.app.run``: the crash log is part of every start
    win.resize(1280, 800)
    win.show()
    if not win.open_path(Path(path)):
        sys.exit(2)
    collector.end_start()  # as ``ui.app.run`` before its event loop
    view = win.page_stack.currentWidget().views[0]

    def rest():
        svc = win.context.service
        svc.start_integrity_check()
        svc.check_integrity()  # waits for the thread: every row read and checked

    _paint_and_exit(app, win, view, rest if every_row else None)


def bare_table_model(rows: list[tuple], ncols: int):
    """The least a Qt grid over tuples needs: row count, column count, text of a cell."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else ncols

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                row = rows[index.row()]
                v = row[index.column() % len(row)]
                return "" if v is None else str(v)
            return None

        def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
            row = list(rows[index.row()])
            row[index.column() % len(row)] = value
            rows[index.row()] = tuple(row)
            for first, last in self.repaint(index):
                self.dataChanged.emit(first, last)
            return True

        def repaint(self, index):
            """The ranges a change of ``index`` repaints: the cell itself, or ``same_cells``."""
            if not self.same_cells:
                return [(index, index)]
            rows_of: dict = {}  # the app's rows, in order, onto the typed row and those below it
            out = []
            for node, first, last in self.same_cells:
                r = min(rows_of.setdefault(node, index.row() + len(rows_of)), len(rows) - 1)
                out.append((self.index(r, first), self.index(r, last)))
            return out

    model = Model()
    model.same_cells = []  # (app row id, first column, last column) the app's grid repainted
    return model


def read_tables(conn, tables: list[str]) -> list[tuple]:
    """SELECT * of every table, all rows as tuples in one list."""
    out: list[tuple] = []
    for t in tables:
        out.extend(conn.execute(f"SELECT * FROM [{t}]").fetchall())
    return out


def start_bare(path: str, nrows: str, ncols: str, *tables: str) -> None:
    import sqlite3

    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    win = QMainWindow()
    win.resize(1280, 800)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    every = read_tables(conn, list(tables))
    n = int(nrows)
    rows = (every * (n // max(len(every), 1) + 1))[:n]  # the app's grid size, cut from the data read
    model = bare_table_model(rows, int(ncols))
    view = QTableView()
    view.setModel(model)
    win.setCentralWidget(view)
    win.show()
    _paint_and_exit(app, win, view)


WARM_UP = 10  # untimed edits of each side first (see edit)


def edit(path: str, repeat: str) -> None:
    """One typed IKU realisasi through the app's grid (parse, undo, transaction + audit,
    recompute, dataChanged, repaint) vs the bare: setData on a grid of the same size +
    upsert of the same row in a copy of the same file + commit + repaint of the same cells
    the app's grid repainted for that edit (the typed figure and those computed from it).
    A second bare repaints the typed cell only. Interleaved: app, bare, bare one cell."""
    import shutil
    import sqlite3
    import time
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    bare_path = Path(path).with_suffix(".bare-edit.sqlite")
    shutil.copy(path, bare_path)
    app = make_app()
    win = MainWindow()
    win.resize(1280, 800)
    win.show()
    assert win.open_path(Path(path))
    page = win.show_page("realisasi")
    model, view = page.model, page.view
    c_real = next(c for c, col in enumerate(model.columns) if col.header.startswith("Realisasi\n2"))
    row = next(r for r in range(model.rowCount()) if model.cell_ref(model.index(r, c_real)) is not None)
    ref = model.cell_ref(model.index(row, c_real))
    idx = model.index(row, c_real)
    view.scrollTo(idx)
    app.processEvents()

    conn = sqlite3.connect(bare_path, isolation_level=None)
    for pragma in ("journal_mode = DELETE", "synchronous = FULL", "locking_mode = EXCLUSIVE"):
        conn.execute(f"PRAGMA {pragma}")
    rows = conn.execute("SELECT * FROM indicator_value").fetchall()
    n = model.rowCount()
    bmodel = bare_table_model((rows * (n // max(len(rows), 1) + 1))[:n], model.columnCount())
    bview = QTableView()
    bview.setModel(bmodel)
    bview.resize(1280, 800)
    bview.show()
    bidx = bmodel.index(min(row, n - 1), c_real)
    bview.scrollTo(bidx)
    app.processEvents()
    # The same row the app writes: an upsert, since the typed cell may have no stored row yet
    # (an UPDATE of a missing row would commit nothing and the bare would skip the disk).
    upd = ("INSERT INTO indicator_value (nilai, indicator_id, tahun, jenis_nilai, periode) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT (indicator_id, tahun, jenis_nilai, periode) DO UPDATE SET nilai = excluded.nilai")
    key = ref.key

    repainted: list[tuple] = []  # what the app's grid marks changed: (row id, first, last column)
    model.dataChanged.connect(lambda a, b, _roles=(): repainted.append((a.internalId(), a.column(), b.column())))

    def bare_edit(whole: int, tenths: int, same_cells: list) -> float:
        bmodel.same_cells = same_cells
        t0 = time.perf_counter()
        bmodel.setData(bidx, f"{whole},{tenths}")
        conn.execute("BEGIN")
        # a value other than the row's last: SQLite skips the write (and the disk) of an equal one
        written = conn.execute(upd, (f"{whole}.{tenths}", *key)).rowcount
        conn.execute("COMMIT")
        assert written == 1  # the bare writes its row every time, as the app does
        app.processEvents()
        return time.perf_counter() - t0

    app_t, bare_t, one_t = [], [], []
    # The first WARM_UP edits of each side are not timed: the first after the open waits for
    # the file's check, and Python specializes a function's bytecode only after its first runs
    # (the app's edits fell from ~2 to ~1.3 ms over their first ten; a user makes hundreds).
    for k in range(-WARM_UP, int(repeat)):
        typed = f"{80 + k % 7},{k % 10}"
        repainted.clear()
        t0 = time.perf_counter()
        ok = model.setData(idx, typed, Qt.ItemDataRole.EditRole)
        app.processEvents()  # paints what dataChanged marked dirty, as the event loop would
        took = time.perf_counter() - t0
        assert ok and repainted
        sides = (took, bare_edit(80 + k % 7, k % 10, list(repainted)), bare_edit(90 + k % 7, k % 10, []))
        if k >= 0:
            for out, t in zip((app_t, bare_t, one_t), sides):
                out.append(t)
    conn.close()
    bare_path.unlink()
    print(json.dumps({"app": app_t, "bare": bare_t, "bare_one_cell": one_t, "cells": sorted(set(repainted))}))
    print(_maxrss(), flush=True)
    os._exit(0)  # skip Qt teardown


def docx(path: str, out: str) -> None:
    from lkip_desktop.reports.export import plan_export, write_export
    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.open(path, readonly=True) as svc:
        write_export(plan_export(svc, docx=out))
    print(_maxrss(), flush=True)


def plan(path: str, out: str) -> None:
    """The reference for the Word line: open and build the whole LKIP, write nothing."""
    from lkip_desktop.reports.export import plan_export
    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.open(path, readonly=True) as svc:
        plan_export(svc, docx=out)
    print(_maxrss(), flush=True)


ROLES = {"start-app": start_app, "start-bare": start_bare, "edit": edit, "docx": docx, "plan": plan}

if __name__ == "__main__":
    ROLES[sys.argv[1]](*sys.argv[2:])
