"""Find, filter and go-to-kode over one grid: the bar that Ctrl+F / Ctrl+G open on a GridView.

The bar floats over the bottom of the grid (no page layout changes). "Cari" searches every
visible cell's text (case-insensitive) and jumps to the next match (Enter / F3) or the
previous one (Shift+Enter / Shift+F3), wrapping. "Saring" hides the rows in which no visible
cell contains the text; a tree row stays visible while one of its descendants matches, so a
match never loses its context. "Ke kode" jumps to the row whose Kode is the text typed
(exact first, else the first kode that starts with it). Esc closes the bar and shows every row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
)

from .. import fmt

SHOW = Qt.ItemDataRole.DisplayRole


def walk(model, parent: QModelIndex = QModelIndex()):
    """Column-0 indexes of every row (expanded or not), in reading order."""
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        yield idx
        yield from walk(model, idx)


def row_path(index: QModelIndex) -> list[int]:
    """Row numbers from the top level down to ``index``: its place in reading order."""
    path = []
    while index.isValid():
        path.insert(0, index.row())
        index = index.parent()
    return path


class FindBar(QFrame):
    """The find / filter / go-to-kode bar of one GridView (created on first use)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("teks (Enter: berikutnya)")
        self.find_edit.setClearButtonEnabled(True)
        self.count = QLabel("")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("sembunyikan baris lain")
        self.filter_edit.setClearButtonEnabled(True)
        self.kode_edit = QLineEdit()
        self.kode_edit.setPlaceholderText("ke kode (Ctrl+G)")
        self.kode_edit.setClearButtonEnabled(True)
        prev_btn, next_btn, close_btn = QToolButton(), QToolButton(), QToolButton()
        prev_btn.setText("▲")
        prev_btn.setToolTip("Sebelumnya (Shift+F3)")
        next_btn.setText("▼")
        next_btn.setToolTip("Berikutnya (F3)")
        close_btn.setText("✕")
        close_btn.setToolTip("Tutup (Esc)")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.kode_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2.16.02.1.01.0001") + 30)
        for w, stretch in ((QLabel("Cari:"), 0), (self.find_edit, 2), (self.count, 0), (prev_btn, 0),
                           (next_btn, 0), (QLabel("Saring:"), 0), (self.filter_edit, 2), (QLabel("Kode:"), 0),
                           (self.kode_edit, 1), (close_btn, 0)):
            lay.addWidget(w, stretch)
        prev_btn.clicked.connect(lambda: self.find_next(-1))
        next_btn.clicked.connect(lambda: self.find_next(1))
        close_btn.clicked.connect(self.close_bar)
        self.find_edit.textChanged.connect(lambda _t: self._count())
        self.filter_edit.textChanged.connect(lambda _t: self.apply_filter())
        for edit in (self.find_edit, self.filter_edit, self.kode_edit):
            edit.installEventFilter(self)
        view.model().modelReset.connect(self.apply_filter)
        self.hide()

    # placement: along the bottom of the grid (the headers stay readable), above a scroll bar
    def place(self) -> None:
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 640), self.view.width() - 4)
        height = self.sizeHint().height()
        bar = self.view.horizontalScrollBar()
        below = bar.height() if bar.isVisible() else 0
        self.setGeometry(self.view.width() - width - 2, self.view.height() - height - below - 2, width, height)
        self.raise_()

    def open(self, which: str = "find") -> None:
        edit = self.kode_edit if which == "kode" else self.find_edit
        self.show()
        self.place()
        edit.setFocus()
        edit.selectAll()

    def close_bar(self) -> None:
        self.filter_edit.clear()  # every row back
        self.hide()
        self.view.setFocus()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == event.Type.KeyPress:
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            # Enter is taken here: a line edit passes it on, and the grid would move down
            if key == Qt.Key.Key_F3 or (enter and obj is self.find_edit):
                self.find_next(-1 if shift else 1)
                return True
            if enter and obj is self.kode_edit:
                self.go_to_kode(self.kode_edit.text())
                return True
            if enter:
                return True
        return super().eventFilter(obj, event)

    # find
    def _columns(self) -> list[int]:
        model = self.view.model()
        return [c for c in range(model.columnCount()) if not self.view.isColumnHidden(c)]

    def _row_matches(self, row: QModelIndex, text: str, cols: list[int]) -> list[int]:
        model = self.view.model()
        out = []
        for c in cols:
            shown = model.data(row.sibling(row.row(), c), SHOW)
            if shown and text in str(shown).casefold():
                out.append(c)
        return out

    def matches(self) -> list[QModelIndex]:
        """Every visible cell (in rows the filter keeps) whose text contains the find text."""
        text = self.find_edit.text().strip().casefold()
        if not text:
            return []
        cols = self._columns()
        self.view.model().build_all()  # rows of branches not opened yet are searched too
        return [row.sibling(row.row(), c) for row in walk(self.view.model())
                if not self._row_hidden(row) for c in self._row_matches(row, text, cols)]

    def _row_hidden(self, row: QModelIndex) -> bool:
        while row.isValid():
            if self.view.isRowHidden(row.row(), row.parent()):
                return True
            row = row.parent()
        return False

    def _count(self) -> None:
        n = len(self.matches())
        self.count.setText(f"{n} cocok" if self.find_edit.text().strip() else "")

    def find_next(self, step: int = 1) -> bool:
        """Select the next (step 1) or previous (-1) match after the current cell, wrapping."""
        hits = self.matches()
        self.count.setText(f"{fmt.count(len(hits))} cocok" if self.find_edit.text().strip() else "")
        if not hits:
            if self.find_edit.text().strip():
                self.view.message.emit(f"“{self.find_edit.text().strip()}” tidak ditemukan di tabel ini.")
            return False
        cur = self.view.currentIndex()
        order = [(row_path(h), h.column()) for h in hits]
        here = (row_path(cur), cur.column()) if cur.isValid() else None
        if here is None:
            pick = 0 if step > 0 else len(hits) - 1
        elif step > 0:
            pick = next((i for i, k in enumerate(order) if k > here), 0)
        else:
            pick = next((i for i in range(len(order) - 1, -1, -1) if order[i] < here), len(hits) - 1)
        self._select(hits[pick])
        self.count.setText(f"{fmt.count(pick + 1)} dari {fmt.count(len(hits))}")
        return True

    def _select(self, index: QModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # filter
    def apply_filter(self) -> None:
        """Hide the rows without a match; keep every ancestor of a match (and show all when empty)."""
        model = self.view.model()
        if model is None:
            return
        text = self.filter_edit.text().strip().casefold()
        cols = self._columns()
        if text:
            model.build_all()

        def visit(parent: QModelIndex) -> bool:
            any_kept = False
            for r in range(model.rowCount(parent)):
                row = model.index(r, 0, parent)
                below = visit(row)
                keep = not text or below or bool(self._row_matches(row, text, cols))
                self.view.setRowHidden(r, parent, not keep)
                any_kept |= keep
            return any_kept

        visit(QModelIndex())
        if text:
            self.view.expandAll()
        self._count()

    # go to kode
    def _kode_column(self) -> int:
        model = self.view.model()
        heads = [model.columns[c].header.replace("\n", " ") for c in range(model.columnCount())]
        return next((c for c, h in enumerate(heads) if h.startswith("Kode")), 0)

    def go_to_kode(self, kode: str) -> bool:
        kode = kode.strip().casefold()
        if not kode:
            return False
        model, col = self.view.model(), self._kode_column()
        model.build_all()
        rows = list(walk(model))
        texts = [str(model.data(r.sibling(r.row(), col), SHOW) or "").strip().casefold() for r in rows]
        hit = next((i for i, t in enumerate(texts) if t == kode), None)
        if hit is None:
            hit = next((i for i, t in enumerate(texts) if t.startswith(kode)), None)
        if hit is None:
            self.view.message.emit(f"Kode “{kode}” tidak ada di tabel ini.")
            return False
        row = rows[hit]
        if self._row_hidden(row):
            self.filter_edit.clear()
        self._select(row.sibling(row.row(), col))
        self.view.setFocus()
        return True
