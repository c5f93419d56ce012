"""On-screen charts of the Capaian & Analisis page, painted with QPainter: capaian per IKU
against the 100 % line, serapan per program, and capaian over the years when earlier years'
values are in the workbook. Every figure comes from the Calculator; labels are id-ID."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ...domain.numbers import format_number, format_percent

HUNDRED = Decimal(100)
ROW = 24  # px per bar
NO_VALUE = "#c4c8cf"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None  # None: no figure yet (drawn as "-")
    color: str


@dataclass(frozen=True)
class Series:
    """One IKU over the years, in its own unit: realisasi and target per year."""

    label: str
    places: int
    realisasi: tuple[tuple[int, Decimal], ...]
    target: tuple[tuple[int, Decimal], ...]


def capaian_bars(wb, calc) -> list[Bar]:
    out = []
    for ind in wb.iku_list():
        res = calc.indicator(ind.id)
        out.append(Bar(ind.kode or ind.nama, res.capaian.value,
                       res.rating.color if res.rating is not None else NO_VALUE))
    return out


def serapan_bars(wb, calc) -> list[Bar]:
    out = []
    for prog in wb.programs():
        ser = calc.totals(prog.id).serapan
        out.append(Bar(f"{prog.kode} {prog.nama}".strip(), ser, "#1f5fa8"))
    return out


def _numeric(value) -> Decimal | None:
    return value if isinstance(value, Decimal) else None  # a predikat has no line


def trend_series(wb, calc) -> list[Series]:
    """Every IKU with a numeric realisasi in an earlier year (history attached), its
    realisasi and target per year up to the workbook's year."""
    tahun = wb.settings.tahun
    out = []
    for ind in wb.iku_list():
        real, target = [], []
        for year in ind.years():
            if year > tahun:
                continue
            res = calc.indicator(ind.id, year)
            r, t = _numeric(res.realisasi.value), _numeric(res.target)
            if r is not None:
                real.append((year, r))
            if t is not None:
                target.append((year, t))
        if any(year < tahun for year, _v in real):
            label = f"{ind.kode} ({ind.satuan})" if ind.satuan else ind.kode or ind.nama
            out.append(Series(label, ind.desimal, tuple(real), tuple(target)))
    return out


def _scale_top(values) -> Decimal:
    top = max([HUNDRED, *(v for v in values if v is not None)])
    return top * Decimal("1.1")


class BarChart(QWidget):
    """Horizontal bars with their value in id-ID and a dashed 100 % line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.setFixedHeight(max(1, len(self.bars)) * ROW + 28)
        self.update()

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Belum ada data.")
            return
        label_w = min(int(self.width() * 0.3), max(fm.horizontalAdvance(b.label) for b in self.bars) + 12)
        value_w = fm.horizontalAdvance("1.000,00%") + 12
        left, right = label_w, self.width() - value_w
        span = max(right - left, 10)
        top = _scale_top(b.value for b in self.bars)

        def x_of(v: Decimal) -> float:
            return left + float(max(v, Decimal(0)) / top) * span

        # The 100 % line first: the bars' value labels stay readable over it.
        x100 = x_of(HUNDRED)
        pen = QPen(QColor("#b42318"), 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        bottom = 4 + len(self.bars) * ROW
        p.drawLine(QPointF(x100, 2), QPointF(x100, bottom))
        p.drawText(QPointF(x100 - fm.horizontalAdvance("100%") / 2, bottom + fm.ascent() + 2), "100%")
        for i, bar in enumerate(self.bars):
            y = 4 + i * ROW
            text = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.setPen(QColor("#222"))
            p.drawText(QRectF(0, y, label_w - 6, ROW), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       text)
            end = x_of(bar.value) if bar.value is not None else left
            p.fillRect(QRectF(left, y + 4, max(end - left, 1), ROW - 8), QColor(bar.color))
            p.setPen(QColor("#222"))
            p.drawText(QRectF(end + 4, y, value_w + span, ROW), Qt.AlignmentFlag.AlignVCenter,
                       format_percent(bar.value) if bar.value is not None else "-")
        p.end()


class TrendChart(QWidget):
    """One small chart per IKU (each in its own unit): realisasi per year as a solid line,
    the target as a dashed one."""

    CELL_W, CELL_H = 300, 170

    def __init__(self, parent=None):
        super().__init__(parent)
        self.series: list[Series] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_series(self, series: list[Series]) -> None:
        self.series = list(series)
        self._resize()
        self.update()

    def columns(self) -> int:
        return max(1, self.width() // self.CELL_W)

    def _resize(self) -> None:
        rows = -(-len(self.series) // self.columns()) if self.series else 1
        self.setFixedHeight(rows * self.CELL_H + 8)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._resize()

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.series:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Belum ada data tahun-tahun sebelumnya.")
            return
        cols = self.columns()
        w = self.width() / cols
        for i, s in enumerate(self.series):
            self._paint_one(p, QRectF((i % cols) * w, (i // cols) * self.CELL_H, w, self.CELL_H), s)
        p.end()

    def _paint_one(self, p: QPainter, box: QRectF, s: Series) -> None:
        fm = QFontMetrics(self.font())
        p.setPen(QColor("#222"))
        p.drawText(QRectF(box.left() + 8, box.top() + 2, box.width() - 16, fm.height()),
                   Qt.AlignmentFlag.AlignLeft, fm.elidedText(s.label, Qt.TextElideMode.ElideRight,
                                                            int(box.width()) - 16))
        years = sorted({y for y, _v in s.realisasi + s.target})
        values = [v for _y, v in s.realisasi + s.target]
        pad = (max(values) - min(values)) / 4 or abs(max(values)) / 10 or Decimal(1)
        low, high = min(values) - pad, max(values) + pad
        span = high - low
        left, right = box.left() + 24, box.right() - 24
        top, bottom = box.top() + fm.height() + 2 * fm.height(), box.bottom() - fm.height() - 8

        def pt(year: int, v: Decimal) -> QPointF:
            x = left + (right - left) * (years.index(year) / max(len(years) - 1, 1))
            return QPointF(x, bottom - float((v - low) / span) * (bottom - top))

        p.setPen(QColor("#888"))
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        for year in years:
            x = pt(year, low).x()
            p.drawText(QPointF(x - fm.horizontalAdvance(str(year)) / 2, bottom + fm.ascent() + 4), str(year))
        p.setPen(QPen(QColor("#b42318"), 1.5, Qt.PenStyle.DashLine))
        targets = [pt(y, v) for y, v in s.target]
        self._line(p, targets)
        p.setPen(QColor("#b42318"))
        for q, (_y, v) in zip(targets, s.target):
            p.fillRect(QRectF(q.x() - 3, q.y() - 3, 6, 6), QColor("#b42318"))
            text = format_number(v, s.places)
            p.drawText(QPointF(q.x() - fm.horizontalAdvance(text) / 2, q.y() + fm.ascent() + 4), text)
        p.setPen(QPen(QColor("#1f5fa8"), 2))
        pts = [pt(y, v) for y, v in s.realisasi]
        self._line(p, pts)
        for q, (_y, v) in zip(pts, s.realisasi):
            p.setBrush(QColor("#1f5fa8"))
            p.drawEllipse(q, 3, 3)
            text = format_number(v, s.places)
            p.drawText(QPointF(q.x() - fm.horizontalAdvance(text) / 2, q.y() - 6), text)
        p.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _line(p: QPainter, pts: list[QPointF]) -> None:
        for a, b in zip(pts, pts[1:]):
            p.drawLine(a, b)


class ChartsPanel(QScrollArea):
    """The three charts, drawn from the context's Calculator when shown (a tab behind the
    table: at 100x the trend alone asks for 6,000 indicator figures) and on demand."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.capaian = BarChart()
        self.serapan = BarChart()
        self.trend = TrendChart()
        self.trend_title = QLabel("<b>Realisasi IKU dari tahun ke tahun</b> (garis biru: realisasi; kotak merah dan garis putus-putus: target)")
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(QLabel("<b>Capaian per IKU</b> (garis putus-putus: 100%)"))
        lay.addWidget(self.capaian)
        lay.addWidget(QLabel("<b>Serapan anggaran per program</b>"))
        lay.addWidget(self.serapan)
        lay.addWidget(self.trend_title)
        lay.addWidget(self.trend)
        lay.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(body)
        self.stale = True  # drawn when first shown

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        wb, calc = self.context.wb, self.context.calc
        self.capaian.set_bars(capaian_bars(wb, calc))
        self.serapan.set_bars(serapan_bars(wb, calc))
        series = trend_series(wb, calc)
        self.trend.set_series(series)
        # The trend shows only when earlier years' values are attached.
        self.trend_title.setVisible(bool(series))
        self.trend.setVisible(bool(series))
