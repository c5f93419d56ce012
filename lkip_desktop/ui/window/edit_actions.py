"""The Sunting menu's work: undo/redo, copy/paste/clear/fill on the focused grid or text
field, and row add/delete/move on the current page."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from ..grid.view import GridView
from ..pages.base import Page


class EditActionsMixin:
    """Edit actions routed to the focused widget or page (mixed into MainWindow)."""

    def _grid(self) -> GridView | None:
        w = QApplication.focusWidget()
        while w is not None:
            if isinstance(w, GridView):
                return w
            w = w.parentWidget()
        page = self.current_page()
        views = [v for v in page.views if v.isVisible()] if isinstance(page, Page) else []
        return views[0] if views else None

    def _focused_text_widget(self):
        w = QApplication.focusWidget()
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):  # the widgets with copy and paste
            return w
        return None

    def undo(self) -> None:
        if self.context is not None:
            self._drop_open_editors()
            self.context.undo_stack.undo()

    def redo(self) -> None:
        if self.context is not None:
            self._drop_open_editors()
            self.context.undo_stack.redo()

    def _drop_open_editors(self) -> None:
        """Undo/redo (from the menu) supersede a half-typed cell: an editor left open would
        show the old text over the restored value and store it when it loses focus."""
        for view in self.findChildren(GridView):
            view.cancel_edit()

    def copy(self) -> None:
        tw = self._focused_text_widget()
        if tw is not None:
            tw.copy()
        elif (g := self._grid()) is not None:
            g.copy()

    def paste(self) -> None:
        tw = self._focused_text_widget()
        if tw is not None:
            tw.paste()
        elif (g := self._grid()) is not None:
            g.paste()

    def _row_page(self):
        page = self.current_page()
        if isinstance(page, Page) and page.can_edit_rows and not self.context.service.readonly:
            return page
        self.show_message("Halaman ini tidak memiliki baris yang dapat ditambah, dihapus atau dipindah.", error=True)
        return None

    def row_add(self) -> None:
        if (p := self._row_page()) is not None:
            p.row_add()

    def row_delete(self) -> None:
        if (p := self._row_page()) is not None:
            p.row_delete()

    def row_move(self, step: int) -> bool:
        p = self._row_page()
        return bool(p is not None and p.row_move(step))

    def fill_down(self) -> None:
        if (g := self._grid()) is not None:
            g.fill_down()

    def clear_cells(self) -> None:
        if (g := self._grid()) is not None:
            g.clear_cells()
