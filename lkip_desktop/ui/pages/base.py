"""What every page shares: the Page base (title, context, its grids, row actions, locate),
the delete question, moving a row among its siblings, and small helpers."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ...edits import rows
from ...edits.cells import Place
from ..grid.view import GridView


ERROR_STYLE = "color: #b42318;"
OK_STYLE = "color: #1d6b3a;"
BIG_ROWS = 20000  # budget items + indicators above which long work goes to a worker thread


def is_big(wb) -> bool:
    return len(wb.items) + len(wb.indicators) > BIG_ROWS


# A real timer: the paint and what the user did meanwhile go first (a 0 ms one is a queued
# call, run in the same pass of the event loop as the work that asked for it).
AFTER_PAINT_MS = 1


def after_paint(widget: QWidget, fn) -> None:
    """Run ``fn`` once the window has painted and answered: the second half of a long first
    show, or a worker's start (a worker running while a page paints for the first time starves
    the paint of the interpreter: each Python call from Qt waits for its turn)."""
    QTimer.singleShot(AFTER_PAINT_MS, widget, fn)


def button(text: str, slot, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


def confirm_delete(parent, title: str, text: str) -> bool:
    """Ask before deleting a row that takes others with it (tests replace this function)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton("Hapus", QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    ok = box.clickedButton() is yes
    box.deleteLater()
    return ok


def plural(n: int, what: str) -> str:
    return f"{n} {what}"


class Page(QWidget):
    """Base: a title, the context, the grids it shows (for Edit menu actions and history)."""

    title = ""
    message = Signal(str)  # a refusal or an error (shown red)
    notice = Signal(str)  # something done or worth knowing (shown plain)
    views_added = Signal(object)  # a GridView built after the page (lazy tabs)
    open_page = Signal(str)  # a page key the window should show (the Alur kerja buttons)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.views: list[GridView] = []

    def add_view(self, view: GridView, model) -> GridView:
        view.setModel(model)
        view.expand_default()
        view.message.connect(self.message)
        view.notice.connect(self.notice)
        self.views.append(view)
        return view

    def locate(self, place: Place) -> bool:
        """Put the cursor on ``place`` (a reviu finding, a history row) if this page shows it."""
        return False

    def on_shown(self) -> None:
        pass

    # Row actions (Sunting menu: Tambah/Hapus/Naik/Turun); pages with rows override them.
    can_edit_rows = False

    def row_add(self) -> None:
        pass

    def row_delete(self) -> None:
        pass

    def row_move(self, step: int) -> bool:
        return False

    def _move(self, view: GridView, kind: str, siblings: list, obj_id: str, step: int, what: str) -> bool:
        if not rows.move_ops(kind, siblings, obj_id, step):
            self.message.emit(f"{what} sudah di {'atas' if step < 0 else 'bawah'}.")
            return False
        col = max(view.currentIndex().column(), 0)
        label = f"{'Naikkan' if step < 0 else 'Turunkan'} {what.lower()}"
        if self.context.run(rows.move, kind, siblings, obj_id, step, label) is None:
            return False
        node = view.model().find((kind, obj_id))
        if node is not None:
            view.select_cell(node, col)
        return True

    def _locate_in(self, view: GridView, dep: tuple, ref, fallback_col: int = 0) -> bool:
        model = view.model()
        node = model.find(dep)
        if node is None:
            return False
        col = model.column_for(node, ref) if ref is not None else None
        view.select_cell(node, fallback_col if col is None else col)
        return True
