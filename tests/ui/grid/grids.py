"""Every editable grid of the GUI, shown and ready to type in (shared by the key and undo tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from lkip_desktop.edits import cells

GRIDS = ["renstra", "realisasi", "triwulan", "anggaran", "capaian", "prestasi", "komponen"]


def show_grid(win, name: str):
    """The (view, model) of grid ``name``, its page shown."""
    if name == "triwulan":
        page = win.show_page("realisasi")
        page.tabs.setCurrentIndex(1)
        page.rupiah.setChecked(True)
        return page.qview, page.qmodel
    if name == "komponen":
        page = win.show_page("renstra")
        ikk = next(i for i in win.context.wb.iku_list() if i.rumus_komponen)
        page.locate(cells.place("indicator", (ikk.id,)))
        return page.editor.view, page.editor.model
    page = win.show_page(name)
    return page.view, page.model


def editable(model, index) -> bool:
    return bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)


def _focus(view):
    """Where a keyboard's key goes: the focus widget; offscreen, a window may lose activation,
    then the open editor (or the view) stands in for it."""
    focus = QApplication.focusWidget()
    if focus is not None:
        return focus
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    return editors[-1] if editors else view


def press(qtbot, view, *keys) -> None:
    """Each key to the focused widget, as a keyboard does; text is typed key by key."""
    for key in keys:
        target = _focus(view)
        if isinstance(key, str):
            for ch in key:
                qtbot.keyClick(_focus(view), ch)
        elif isinstance(key, tuple):
            qtbot.keyClick(target, key[0], key[1])
        else:
            qtbot.keyClick(target, key)
        QApplication.processEvents()


def editable_runs(view, model):
    """(node, [columns]) of every row, its editable text/number cells left to right (the
    cells Tab walks through; choice and checkbox cells are left out)."""
    out = []
    for node in model.iter_nodes():
        cols = [c for c, col in enumerate(model.columns)
                if not view.isColumnHidden(c) and not col.choices
                and editable(model, model.index_of(node, c))]
        if cols:
            out.append((node, cols))
    return out


def sample_text(model, index, n: int) -> str:
    """A text the cell accepts and that differs from what it holds."""
    col = model.column_of(index)
    options = [str(70 + n), f"Uji {n}"] if col.numeric else [f"Uji {n}", str(70 + n)]
    if col.header.startswith("Tanggal"):
        options.insert(0, f"1{n}/03/2024")
    for text in options:
        if text != model.data(index, Qt.ItemDataRole.EditRole) and model.validate(index, text) is None:
            return text
    raise AssertionError(f"no sample text for {col.header}")


class Repaints:
    """Records what a model told its views to repaint (dataChanged ranges, resets)."""

    def __init__(self, model):
        self.model, self.ranges, self.reset = model, [], False
        model.dataChanged.connect(lambda tl, br, _roles=(): self.ranges.append((tl, br)))
        model.modelReset.connect(self._on_reset)

    def _on_reset(self):
        self.reset = True

    def clear(self):
        self.ranges, self.reset = [], False

    def covers(self, index) -> bool:
        return self.reset or any(
            tl.parent() == index.parent() and tl.row() <= index.row() <= br.row()
            and tl.column() <= index.column() <= br.column() for tl, br in self.ranges)
