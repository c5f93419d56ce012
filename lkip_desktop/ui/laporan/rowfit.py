"""Row heights fitted to wrapped text without measuring a long table: a short table (at most
``limit`` rows) is fitted whole, as Qt does it; a long one only for the rows in view, again
as they scroll or the view or a column is resized. Measuring every row of a 50,000-row
table asks its model for every cell and blocks the GUI thread for seconds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

SHORT_TABLE = 300  # rows up to which every row is measured (every table of a 1x workbook)


class RowFitter(QObject):
    """Fits the rows of ``view``. ``live``: a short table follows its contents (the header's
    ResizeToContents mode) instead of being fitted once per ``refit``."""

    def __init__(self, view: QTableView, limit: int = SHORT_TABLE, live: bool = False):
        super().__init__(view)
        self.view = view
        self.limit = limit
        self.live = live
        self.long = False
        self._fitted: set[int] = set()
        view.verticalScrollBar().valueChanged.connect(self.fit_visible)
        view.horizontalHeader().sectionResized.connect(self._on_column)
        view.viewport().installEventFilter(self)

    def pause(self) -> None:
        """Before the model is reset or the columns set: measure nothing until ``refit``."""
        self.long = False
        self._fitted.clear()

    def refit(self) -> None:
        """After the model was reset or the column widths set."""
        self._fitted.clear()
        rows = self.view.model().rowCount() if self.view.model() is not None else 0
        self.long = rows > self.limit
        head = self.view.verticalHeader()
        if self.long:
            head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.fit_visible()
        elif self.live:
            head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            self.view.resizeRowsToContents()

    def fit_visible(self, *_args) -> None:
        """Measure the rows in view not measured yet (only for a long table)."""
        if not self.long:
            return
        view = self.view
        rows = view.model().rowCount()
        bottom = max(view.viewport().height(), 1)
        r = max(view.rowAt(0), 0)
        y = view.rowViewportPosition(r)
        while r < rows and y < bottom:
            if r not in self._fitted:
                self._fitted.add(r)
                view.resizeRowToContents(r)
            y += view.rowHeight(r)
            r += 1

    @property
    def fitted(self) -> int:
        return len(self._fitted)

    def _on_column(self, *_args) -> None:
        if self.long:  # wrapped text changed height: measure the rows in view again
            self._fitted.clear()
            self.fit_visible()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.long:
            self.fit_visible()
        return False
