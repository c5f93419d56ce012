"""The PK date field: a line edit that takes typed dates ("02/01/2025", "2 Januari 2025",
"2025-01-02") with a calendar button, and shows nothing at all while no date is set, so what
it shows always agrees with "tanggal belum diisi" in the version list and the print."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from ...domain.errors import InputError
from ...domain.numbers import parse_date

SHOWN = "dd/MM/yyyy"


class DateField(QWidget):
    """``date()`` / ``setDate()`` speak QDate like a QDateEdit; a null QDate is "no date"."""

    editingFinished = Signal()  # the user finished typing or picked a day
    invalid = Signal(str)  # Indonesian: why the typed text is not a date

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("belum diisi (mis. 02/01/2025)")
        self.edit.setToolTip("Ketik tanggal: 02/01/2025, 2/1/2025 atau 2 Januari 2025; atau pilih di kalender.")
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Pilih di kalender")
        self.calendar = QCalendarWidget()
        menu = QMenu(self)
        act = QWidgetAction(menu)
        act.setDefaultWidget(self.calendar)
        menu.addAction(act)
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar.clicked.connect(self._picked)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self._date = QDate()
        self.edit.editingFinished.connect(self._typed)

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, d: QDate | None) -> None:
        self._date = QDate(d) if d is not None and d.isValid() else QDate()
        self.edit.setText(self._date.toString(SHOWN) if self._date.isValid() else "")
        if self._date.isValid():
            self.calendar.setSelectedDate(self._date)

    def calendarWidget(self) -> QCalendarWidget:
        return self.calendar

    def _typed(self) -> None:
        text = self.edit.text().strip()
        if not text:
            if self._date.isValid():
                self._date = QDate()
                self.editingFinished.emit()
            return
        try:
            d = parse_date(text)
        except InputError as exc:
            self.invalid.emit(str(exc))
            self.setDate(self._date)  # back to what is stored
            return
        new = QDate(d.year, d.month, d.day)
        if new != self._date or self.edit.text() != new.toString(SHOWN):
            self.setDate(new)
            self.editingFinished.emit()

    def _picked(self, d: QDate) -> None:
        self.button.menu().hide()
        self.setDate(d)
        self.editingFinished.emit()


def to_date(d: QDate) -> datetime.date | None:
    return datetime.date(d.year(), d.month(), d.day()) if d.isValid() else None
