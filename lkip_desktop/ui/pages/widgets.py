"""Widgets more than one page shows: the colour legend, the OPD average and a text box that
stores when focus leaves."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QPainter
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

from ...domain.numbers import format_number
from ...domain.rating import scale_of
from .. import fmt
from ..flow import FlowLayout

PAD = 2  # pixels around the average's line


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


class AverageLabel(QWidget):
    """The OPD average, its figure in bold; on a hidden page it is read again only when the
    page is shown. Painted, not a QLabel: a label's new text asks the layouts above it again,
    and the page's tab widget answers that by repainting the whole page, grid included, on
    every edit that moves the average. One line high; its width never follows the figure.
    Too narrow, the note is cut with "…" (then the figure); the whole text is the tooltip and
    the menu's Salin."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._stale = False
        self._figure = self._note = ""
        self._align = Qt.AlignmentFlag.AlignLeft
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = QAction("Salin", self)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        self.addAction(copy)
        context.changed.connect(self._changed)
        self.refresh()

    def text(self) -> str:
        return f"{self._figure} {self._note}"

    def setAlignment(self, align) -> None:  # noqa: N802 - QLabel's name for it
        self._align = align
        self.update()

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
        figure, note = f"Rata-rata capaian OPD {s.tahun}: {fmt.pct(avg.value)}%", f"({avg.note}; {basis})"
        if (figure, note) != (self._figure, self._note):
            self._figure, self._note = figure, note
            self.setToolTip(self.text())
            self.setAccessibleName(self.text())
            self.update()  # a repaint of this line only: no layout is asked again

    def _bold(self) -> QFont:
        f = QFont(self.font())
        f.setBold(True)
        return f

    def sizeHint(self) -> QSize:
        fm, bold = self.fontMetrics(), QFontMetrics(self._bold())
        return QSize(bold.horizontalAdvance(self._figure) + fm.horizontalAdvance(" " + self._note) + 2 * PAD,
                     max(fm.height(), bold.height()) + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        # small, so the line never sets the window's least width (the tooltip keeps the text)
        return QSize(self.fontMetrics().averageCharWidth() * 12, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        r = self.rect().adjusted(PAD, 0, -PAD, 0)
        bold, fm = self._bold(), self.fontMetrics()
        figure = QFontMetrics(bold).elidedText(self._figure, Qt.TextElideMode.ElideRight, r.width())
        fig_w = QFontMetrics(bold).horizontalAdvance(figure)
        gap = fm.horizontalAdvance(" ")
        room = r.width() - fig_w - gap
        note = fm.elidedText(self._note, Qt.TextElideMode.ElideRight, room) if room > gap else ""
        used = fig_w + (gap + fm.horizontalAdvance(note) if note else 0)
        x = max(r.left(), r.right() + 1 - used) if self._align & Qt.AlignmentFlag.AlignRight else r.left()
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p = QPainter(self)
        p.setFont(bold)
        p.drawText(QRect(x, r.top(), fig_w, r.height()), middle, figure)
        if note:
            p.setFont(self.font())
            p.drawText(QRect(x + fig_w + gap, r.top(), r.right() + 1 - (x + fig_w + gap), r.height()), middle, note)
        p.end()


class AutoSaveText(QPlainTextEdit):
    """Multi-line text stored when focus leaves (one undo step per edit session)."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit()
