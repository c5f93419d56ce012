"""On-screen rendering of a ReportTable: a table view with the same spans, and the same
charts drawn with QPainter. What the screen shows is ``Cell.text``, the exact strings the
PDF prints."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QLabel, QSizePolicy, QTableView, QVBoxLayout, QWidget

from ...reports import table as T
from ...reports.table import Chart, ReportTable
from .rowfit import RowFitter

HEADER_BG = QColor("#D9E2EC")
PROGRAM_BG = QColor("#EEF2F6")
TOTAL_BG = QColor("#E4E9EE")
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
          "center": Qt.AlignmentFlag.AlignHCenter}


class ReportTableModel(QAbstractTableModel):
    """Header rows first (as rows, so they can span like the printed header), then the body."""

    def __init__(self, table: ReportTable | None = None, parent=None):
        super().__init__(parent)
        self._table = table
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: ReportTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> ReportTable | None:
        return self._table

    @property
    def header_rows(self) -> int:
        return len(self._table.header) if self._table else 0

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.header) + len(self._table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return self._table.ncols

    def _cell(self, r: int, c: int):
        t = self._table
        nh = len(t.header)
        if r < nh:
            return t.header[r][c], None
        row = t.rows[r - nh]
        return row.cells[c], row

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._table is None:
            return None
        try:
            cell, row = self._cell(index.row(), index.column())
        except IndexError:
            return None
        header = row is None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if cell is None:
                return None
            text = cell.text
            if role == Qt.ItemDataRole.DisplayRole and row is not None and row.depth \
                    and index.column() == self._table.indent_col:
                text = "    " * row.depth + text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if header:
                return int(Qt.AlignmentFlag.AlignCenter)
            align = _ALIGN.get(cell.halign if cell is not None else "left", Qt.AlignmentFlag.AlignLeft)
            return int(align | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.FontRole:
            if header or row.is_bold:
                return self._bold
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if header:
                return QBrush(HEADER_BG)
            if row.level == T.PROGRAM:
                return QBrush(PROGRAM_BG)
            if row.level == T.TOTAL:
                return QBrush(TOTAL_BG)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return None


def apply_spans(view: QTableView, table: ReportTable | None) -> None:
    view.clearSpans()
    if table is None:
        return
    nh = len(table.header)
    for r, c, cell in table.spans("header"):
        view.setSpan(r, c, cell.rowspan, cell.colspan)
    for r, c, cell in table.spans("body"):
        view.setSpan(nh + r, c, cell.rowspan, cell.colspan)


class ChartWidget(QWidget):
    """A bar or line chart of a ReportTable chart spec, painted directly (QtCharts is not
    in PySide6-Essentials). Floats only for pixel geometry."""

    def __init__(self, table: ReportTable, chart: Chart, parent=None):
        super().__init__(parent)
        self.table = table
        self.chart = chart
        self.labels, self.series = chart.data(table)
        self.setMinimumHeight(60 + 26 * len(self.labels) if chart.kind != "line" else 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _range(self) -> tuple[float, float]:
        vals = [float(v) for _n, vs in self.series for v in vs if v is not None]
        if self.chart.reference is not None:
            vals.append(float(self.chart.reference))
        top = max(vals) if vals else 1.0
        return min(0.0, min(vals) if vals else 0.0), (top * 1.15 if top > 0 else 1.0)

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor("white"))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(0, 4, w, 18), int(Qt.AlignmentFlag.AlignHCenter), self.chart.title)
        p.setFont(self.font())
        lo, hi = self._range()
        colors = [QColor("#2F6DB5"), QColor("#E07B39"), QColor("#3A9A5B"), QColor("#B03A48")]
        if self.chart.kind == "line":
            self._paint_line(p, w, h, lo, hi, colors)
        else:
            self._paint_bars(p, w, h, lo, hi, colors)
        p.end()

    def _paint_bars(self, p: QPainter, w, h, lo, hi, colors):
        left, top, right = min(260.0, w * 0.4), 28.0, 50.0
        plot_w = max(10.0, w - left - right)
        n = max(1, len(self.labels))
        band = (h - top - 20) / n
        fm = p.fontMetrics()

        def x_of(v: float) -> float:
            return left + (v - lo) / (hi - lo) * plot_w

        for i, label in enumerate(self.labels):
            y = top + i * band
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(left - 8))
            p.setPen(QColor("black"))
            p.drawText(QRectF(0, y, left - 6, band), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       text)
            for j, (_name, vals) in enumerate(self.series):
                v = vals[i]
                if v is None:
                    continue
                bh = band * 0.7 / len(self.series)
                by = y + band * 0.15 + j * bh
                p.fillRect(QRectF(x_of(0.0), by, x_of(float(v)) - x_of(0.0), bh), colors[j % len(colors)])
                p.drawText(QRectF(x_of(float(v)) + 3, by, right + 20, bh),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                           self.table.rows[self.chart.rows[i]].cells[self.chart.series[j][1]].text)
        p.setPen(QPen(QColor("#888888")))
        p.drawLine(QPointF(x_of(0.0), top), QPointF(x_of(0.0), h - 20))
        if self.chart.reference is not None:
            x = x_of(float(self.chart.reference))
            p.setPen(QPen(QColor("#D62728"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, top - 4), QPointF(x, h - 20))
            p.drawText(QPointF(x + 3, h - 6), self.chart.reference_label)

    def _paint_line(self, p: QPainter, w, h, lo, hi, colors):
        left, top, right, bottom = 50.0, 28.0, 20.0, 40.0
        plot_w, plot_h = max(10.0, w - left - right), max(10.0, h - top - bottom)
        n = len(self.labels)

        def pt(i: int, v: float) -> QPointF:
            x = left + (plot_w * (i + 0.5) / max(n, 1))
            return QPointF(x, top + plot_h - (v - lo) / (hi - lo) * plot_h)

        p.setPen(QPen(QColor("#888888")))
        p.drawLine(QPointF(left, top + plot_h), QPointF(left + plot_w, top + plot_h))
        p.drawLine(QPointF(left, top), QPointF(left, top + plot_h))
        for i, label in enumerate(self.labels):
            q = pt(i, lo)
            p.drawText(QRectF(q.x() - 40, top + plot_h + 2, 80, 16), int(Qt.AlignmentFlag.AlignHCenter), label)
        for j, (name, vals) in enumerate(self.series):
            p.setPen(QPen(colors[j % len(colors)], 2))
            prev = None
            for i, v in enumerate(vals):
                if v is None:
                    prev = None
                    continue
                q = pt(i, float(v))
                if prev is not None:
                    p.drawLine(prev, q)
                p.drawEllipse(q, 3, 3)
                prev = q
            p.drawText(QPointF(left + 10 + j * 110, h - 6), f"■ {name}")


class TablePreview(QWidget):
    """Caption, the table, its source note and charts."""

    def __init__(self, parent=None, with_charts: bool = True):
        super().__init__(parent)
        self.with_charts = with_charts
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        f = self.caption.font()
        f.setBold(True)
        self.caption.setFont(f)
        self.model = ReportTableModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fitter = RowFitter(self.view)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.charts = QVBoxLayout()
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.source)
        lay.addLayout(self.charts)

    def set_table(self, table: ReportTable | None) -> None:
        self.fitter.pause()
        self.model.set_table(table)
        apply_spans(self.view, table)
        self.caption.setText(table.caption if table else "")
        lines = ([table.source_line] if table and table.source_line else []) + (table.notes if table else [])
        self.source.setText("\n".join(x for x in lines if x))
        while self.charts.count():
            item = self.charts.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if table is None:
            return
        widths = [c.width for c in table.columns]
        total = sum(widths) or 1
        avail = max(600, self.view.viewport().width())
        for c, w in enumerate(widths):
            self.view.setColumnWidth(c, max(50, int(avail * w / total)))
        self.fitter.refit()  # a long table: only the rows in view are measured
        for ch in table.charts if self.with_charts else []:
            self.charts.addWidget(ChartWidget(table, ch, self))
