"""The grid view: a tree view that edits like a spreadsheet (typing replaces, F2 edits,
Enter moves down, Tab right, Delete clears, Ctrl+C/Ctrl+V/Ctrl+D block edits).

Keys follow Excel/LibreOffice: Tab / Shift+Tab commit and select the next / previous
editable cell of the row (wrapping to the next / previous row), Enter / Shift+Enter commit
and select the cell below / above, Esc cancels, Ctrl+Tab leaves the grid; Ctrl+F / Ctrl+G
open the find / go-to-kode bar (``find.py``). A move never
opens an editor: the next typed key opens one on the selected cell and replaces its text,
so a figure typed after Tab can only land in the cell the ring shows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QToolTip,
    QTreeView,
    QWidget,
)

from .clipboard import BlockEditMixin
from .columns import Node
from .delegate import GridDelegate
from .find import FindBar, row_path
from .widths import HeaderDragWatcher, restore as restore_widths


STRETCH_MIN_CHARS = 18  # a stretching column (a name) never gets narrower than this


EXPAND_ALL_ROWS = 3000  # rows a grid opens fully expanded; beyond, its first level

RING = QColor("#1d4ed8")  # the current cell's ring while the grid has focus
RING_IDLE = QColor("#7a8699")  # ... while focus is elsewhere


class GridView(BlockEditMixin, QTreeView):
    """A tree view that edits like a spreadsheet: typing replaces, F2 edits, Enter moves
    down, Tab right to the next editable cell, Ctrl+Tab leaves, Delete clears, Ctrl+C/Ctrl+V copy and paste tab-separated blocks,
    Ctrl+D fills down. Each paste/clear/fill is one ``values.set_values`` verb = one undo step."""

    message = Signal(str)  # Indonesian, for the status bar: a refusal or an error
    notice = Signal(str)  # Indonesian, for the status bar: done (copied, pasted)
    current_ref = Signal(object)  # CellRef | None of the current cell (history page)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.setAllColumnsShowFocus(False)
        self.setItemDelegate(GridDelegate(self))
        self.header().setStretchLastSection(False)
        self.header().setSectionsMovable(False)
        self.header().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setIndentation(max(self.fontMetrics().averageCharWidth() * 2, 12))
        HeaderDragWatcher(self)  # widths dragged by the user are remembered per grid

    def paintEvent(self, event) -> None:
        """The cells, then the ring that shows which cell the next typed key goes to: drawn
        once per paint here, not by a Python delegate call per painted cell."""
        super().paintEvent(event)
        current = self.currentIndex()
        if not current.isValid():
            return
        rect = self.visualRect(current)
        if rect.isEmpty() or not event.region().intersects(rect):
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(RING if self.hasFocus() else RING_IDLE, 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.end()

    def setModel(self, model) -> None:
        super().setModel(model)
        if model is None:
            return
        self.apply_widths()
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def apply_widths(self) -> None:
        """Widths in characters of the current font (so they follow 100–200 % scaling); a
        header is never narrower than its longest line."""
        model = self.model()
        fm = self.fontMetrics()
        hfm = self.header().fontMetrics()
        avg = max(fm.averageCharWidth(), 5)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._base_widths = []
        for c, col in enumerate(model.columns):
            head = max((hfm.horizontalAdvance(line) for line in col.header.split("\n")), default=0) + 14
            w = max(int(col.width * avg) + 12, head)
            if c == 0 and self.rootIsDecorated():
                w += self.indentation() * 2
            self._base_widths.append(w)
            self.header().resizeSection(c, w)
        restore_widths(self)
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        model = self.model()
        widths = getattr(self, "_base_widths", None)
        if model is None or not widths or len(widths) != len(model.columns):
            return
        stretch = [c for c, col in enumerate(model.columns) if col.stretch and not self.isColumnHidden(c)]
        if not stretch:
            return
        used = sum(self.header().sectionSize(c) for c in range(len(widths))
                   if c not in stretch and not self.isColumnHidden(c))
        spare = self.viewport().width() - used - 2
        # a narrow window shrinks the stretching column (its tooltip keeps the full text)
        # before the figures to its right go out of sight
        least = max(self.fontMetrics().averageCharWidth(), 5) * STRETCH_MIN_CHARS
        for c in stretch:
            self.header().resizeSection(c, max(min(widths[c], least), spare // len(stretch)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stretch()
        if getattr(self, "_find_bar", None) is not None and self._find_bar.isVisible():
            self._find_bar.place()

    def _before_reset(self) -> None:
        # An edit that reshapes the grid (a kode, a komponen name) rebuilds its rows: keep
        # the cursor on the same thing, so the next Tab goes on from there.
        cur = self.currentIndex()
        focus = QApplication.focusWidget()
        self._had_focus = focus is self or self.isAncestorOf(focus)  # the editor goes with the reset
        if cur.isValid():
            node = self.model().node(cur)
            self._kept = (node.kind, node.id, self._row_path(cur), cur.column())
        else:
            self._kept = None

    def expand_default(self) -> None:
        """Every row shown when the grid is small; a big one (a 100x budget tree) opens at its
        model's ``fold_depth``: laying out 50,000 expanded rows through the Python model blocks the
        window for seconds, and a collapsed branch costs nothing until it is opened (a jump
        to a cell opens its parents, ``select_cell``)."""
        model = self.model()
        if model is None or model.row_total() <= EXPAND_ALL_ROWS:
            self.expandAll()
        elif model.fold_depth >= 0:
            self.expandToDepth(model.fold_depth)
        else:
            self.collapseAll()

    def _after_reset(self) -> None:
        self.expand_default()
        if getattr(self, "_had_focus", False):
            self._had_focus = False
            self.setFocus()
        kept, self._kept = getattr(self, "_kept", None), None
        if kept is None:
            return
        kind, ident, path, column = kept
        model = self.model()
        ident = model.successor(kind, ident)
        node = next((n for n in model.iter_nodes() if n.kind == kind and n.id == ident), None)
        index = model.index_of(node, column) if node is not None else self._index_at(path, column)
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, self.selectionModel().SelectionFlag.ClearAndSelect)

    _row_path = staticmethod(row_path)

    def _index_at(self, path: list[int], column: int) -> QModelIndex:
        model, index = self.model(), QModelIndex()
        for i, row in enumerate(path):
            index = model.index(row, column if i == len(path) - 1 else 0, index)
        return index

    def _current_changed(self, current, _previous) -> None:
        model = self.model()
        ref = model.cell_ref(current) if current.isValid() else None
        if ref is None and current.isValid():
            col = model.column_of(current)
            ref = col.ref(model.node(current)) if col.ref is not None else None
        self.current_ref.emit(ref)

    # messages at the cell
    def show_error(self, index: QModelIndex, text: str) -> None:
        rect = self.visualRect(index)
        pos = self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom()))
        QToolTip.showText(pos, text, self.viewport(), rect, 6000)
        self.message.emit(text)

    # keys
    def keyPressEvent(self, event) -> None:
        key = event.key()
        mods = event.modifiers()
        editing = self.state() == QAbstractItemView.State.EditingState
        if self.find_key(event):
            return
        if self.is_leave_key(event):
            self.leave(forward=not (mods & Qt.KeyboardModifier.ShiftModifier or key == Qt.Key.Key_Backtab))
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            self.fill_down()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not editing:
            self.clear_cells()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self._move(1 if not mods & Qt.KeyboardModifier.ShiftModifier else -1)
            return
        super().keyPressEvent(event)

    def find_key(self, event) -> bool:
        """Ctrl+F find and filter, Ctrl+G go to kode, F3 / Shift+F3 next / previous match."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_F, Qt.Key.Key_G):
            self.find_bar().open("kode" if key == Qt.Key.Key_G else "find")
            return True
        if key == Qt.Key.Key_F3:
            self.find_bar().find_next(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        return False

    def find_bar(self) -> FindBar:
        if getattr(self, "_find_bar", None) is None:
            self._find_bar = FindBar(self)
        return self._find_bar

    @staticmethod
    def is_leave_key(event) -> bool:
        """Ctrl+Tab / Ctrl+Shift+Tab: leave the grid (Tab alone moves inside it)."""
        return (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def leave(self, forward: bool = True) -> None:
        """Focus the next (previous) widget after the grid, committing an open editor."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        QWidget.focusNextPrevChild(self, forward)

    def cancel_edit(self) -> None:
        """Close an open editor without storing its text (Esc)."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def moveCursor(self, action, modifiers):
        # A tree view moves Tab down; a spreadsheet moves it right.
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
            target = self.next_editable(self.currentIndex(), step)
            return target if target.isValid() else self.currentIndex()
        return super().moveCursor(action, modifiers)

    def next_editable(self, index: QModelIndex, step: int) -> QModelIndex:
        """The next (step 1) or previous (-1) editable cell in reading order, or invalid."""
        model = self.model()
        if model is None or not index.isValid():
            return QModelIndex()
        editable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ncols = model.columnCount()
        row, col = index.sibling(index.row(), 0), index.column()
        while row.isValid():
            col += step
            while 0 <= col < ncols:
                cell = row.sibling(row.row(), col)
                if not self.isColumnHidden(col) and model.flags(cell) & editable:
                    return cell
                col += step
            row = self.indexBelow(row) if step > 0 else self.indexAbove(row)
            col = -1 if step > 0 else ncols
        return QModelIndex()

    def closeEditor(self, editor, hint) -> None:
        QToolTip.hideText()
        H = QAbstractItemDelegate.EndEditHint
        if hint in (H.SubmitModelCache, H.EditNextItem, H.EditPreviousItem):
            # Commit, then select the next cell without opening it (typing opens it).
            super().closeEditor(editor, H.NoHint)
            if hint == H.SubmitModelCache:
                shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
                self._move(-1 if shift else 1)
            else:
                target = self.next_editable(self.currentIndex(), 1 if hint == H.EditNextItem else -1)
                if target.isValid():
                    self.setCurrentIndex(target)
            return
        super().closeEditor(editor, hint)

    def _move(self, step: int) -> None:
        cur = self.currentIndex()
        if not cur.isValid():
            return
        target = self.indexBelow(cur) if step > 0 else self.indexAbove(cur)
        if target.isValid():
            target = target.sibling(target.row(), cur.column())
            self.setCurrentIndex(target)

    def select_cell(self, node: Node, column: int) -> None:
        idx = self.model().index_of(node, column)
        parent = idx.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(idx)
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus()
