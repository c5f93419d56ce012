"""Widgets more than one page shows: the colour legend, the OPD average and a text box that
stores when focus leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from ...domain.numbers import format_number
from ...domain.rating import scale_of
from .. import fmt
from ..flow import FlowLayout


def legend_widget(context) -> QWidget:
    w = QWidget()
    lay = FlowLayout(w)  # the chips wrap on a narrow window
    scale = scale_of(context.wb)
    lay.addWidget(QLabel(f"Peringkat ({scale.name}):"))
    for band in scale.bands:
        lab = QLabel(f" {band.code + ' ' if band.code else ''}{band.label} ({'≥' if band.inclusive else '>'}"
                     f" {format_number(band.lower, None)}) ")
        lab.setStyleSheet(f"background: {band.color}; color: #111; border-radius: 3px; padding: 1px 4px;")
        lay.addWidget(lab)
    return w


class AverageLabel(QLabel):
    """The OPD average; on a hidden page it is read again only when the page is shown."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._stale = False
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        context.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _ch) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        avg = self.context.calc.opd_average()
        s = self.context.wb.settings
        basis = "semua IKU" if s.rata_rata == "iku" else "rata-rata per sasaran"
        self.setText(f"<b>Rata-rata capaian OPD {s.tahun}: {fmt.pct(avg.value)}%</b> "
                     f"({avg.note}; {basis})")


class AutoSaveText(QPlainTextEdit):
    """Multi-line text stored when focus leaves (one undo step per edit session)."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit()
