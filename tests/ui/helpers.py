"""Small helpers to drive grids like a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit


def column(model, header_start: str) -> int:
    for c, col in enumerate(model.columns):
        if col.header.replace("\n", " ").startswith(header_start):
            return c
    raise KeyError(header_start)


def row_of(model, dep) -> int:
    node = model.find(dep)
    assert node is not None, dep
    return node.row


def cell_text(model, row: int, col: int, parent=None) -> str:
    idx = model.index(row, col) if parent is None else model.index(row, col, parent)
    return idx.data(Qt.ItemDataRole.DisplayRole)


def type_into(qtbot, view, index, text: str, enter: bool = True) -> QLineEdit:
    """Select a cell and type as a user does: the first key opens the editor (replacing the
    content), the rest go to the editor, Enter commits."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, text[0])
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]  # closed ones await deletion
    assert editors, "typing did not open an editor"
    editor = editors[-1]
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
    return editor
