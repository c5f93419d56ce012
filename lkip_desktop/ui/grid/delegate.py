"""The cell editor of a grid: a line edit or a combo, checked before it closes."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QToolTip

class GridDelegate(QStyledItemDelegate):
    """A line edit (or a combo for choices); text is checked by the service's parser before
    the editor closes, so bad input is shown at the cell and nothing is stored."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):
        model = index.model()
        col = model.column_of(index)
        if col.choices:
            box = QComboBox(parent)
            box.addItems(list(col.choices))
            box.setProperty("grid_index", QPersistentModelIndex(index))
            return box
        edit = QLineEdit(parent)
        edit.setFrame(False)
        if col.numeric:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setProperty("grid_index", QPersistentModelIndex(index))
        return edit

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            i = editor.findText(str(text))
            editor.setCurrentIndex(max(i, 0))
        else:
            editor.setText(str(text))

    def setModelData(self, editor, model, index):
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        if text == current:
            return
        err = model.validate(index, text)
        if err:
            self.view.show_error(index, err)
            return
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == event.Type.KeyPress and self.view.is_leave_key(event):
            # Ctrl+Tab: commit (if valid) and leave the grid, not a Tab inside it.
            if not self._refuse(editor):
                self.view.leave(forward=event.key() == Qt.Key.Key_Tab
                                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        # Enter/Tab with bad text: keep the editor open and say why, at the cell.
        if event.type() == event.Type.KeyPress and isinstance(editor, QLineEdit):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                if self._refuse(editor):
                    return True
            if event.key() == Qt.Key.Key_Escape:
                QToolTip.hideText()
        return super().eventFilter(editor, event)

    def _refuse(self, editor) -> bool:
        """True (and the reason shown at the cell) when the editor's text cannot be stored."""
        if not isinstance(editor, QLineEdit):
            return False
        pidx = editor.property("grid_index")
        if pidx is None or not pidx.isValid():
            return False
        index = pidx.model().index(pidx.row(), pidx.column(), pidx.parent())
        text = editor.text()
        if text == (index.data(Qt.ItemDataRole.EditRole) or ""):
            return False
        err = index.model().validate(index, text)
        if err:
            self.view.show_error(index, err)
            return True
        return False
