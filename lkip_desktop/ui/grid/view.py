"""The grid view: a tree view that edits like a spreadsheet (typing replaces, F2 edits,
Enter moves down, Tab right, Delete clears, Ctrl+C/Ctrl+V/Ctrl+D block edits)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QToolTip, QTreeView

from .clipboard import BlockEditMixin
from .columns import Node
from .delegate import GridDelegate


class GridView(BlockEditMixin, QTreeView):
    """A tree view that edits like a spreadsheet: typing replaces, F2 edits, Enter moves
    down, Tab right, Delete clears, Ctrl+C/Ctrl+V copy and paste tab-separated blocks,
    Ctrl+D fills down. Each paste/clear/fill is one ``values.set_values`` verb = one undo step."""

    message = Signal(str)  # Indonesian, for the status bar
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

    def setModel(self, model) -> None:
        super().setModel(model)
        if model is None:
            return
        self.apply_widths()
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
        for c in stretch:
            self.header().resizeSection(c, max(widths[c], spare // len(stretch)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stretch()

    def _after_reset(self) -> None:
        self.expandAll()

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
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            self.fill_down()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_cells()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self._move(1 if not mods & Qt.KeyboardModifier.ShiftModifier else -1)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        QToolTip.hideText()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            # Enter: commit and go down, as in a spreadsheet.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move(1)
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
