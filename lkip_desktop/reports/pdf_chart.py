"""Charts of a ReportTable as reportlab drawings (bar, horizontal bar, line).

Floats appear only as drawing coordinates; value labels are the cells' own text
(``Chart.value_texts``), so a chart label never differs from its table cell."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ..domain.numbers import format_number
from . import fonts
from .table import Chart, ReportTable

PALETTE = [colors.HexColor(c) for c in ("#2F6DB5", "#E07B39", "#3A9A5B", "#B03A48", "#7A5AA6")]


def chart_drawing(table: ReportTable, chart: Chart, width: float, height: float = 200) -> Drawing:
    labels, series = chart.data(table)
    fonts.register_fonts()
    # renderPDF starts every drawing in STATE_DEFAULTS' font (Helvetica, not embedded): use ours.
    STATE_DEFAULTS["fontName"] = fonts.REGULAR
    d = Drawing(width, height)
    # floats only as geometry; a missing value is a gap in a line, an empty bar
    values = [[float(v) if v is not None else (None if chart.kind == "line" else 0.0) for v in vals]
              for _, vals in series]
    present = [float(v) for _, vals in series for v in vals if v is not None]
    if chart.reference is not None:
        present.append(float(chart.reference))
    top = max(present) if present else 1.0
    bottom = min(0.0, min(present) if present else 0.0)
    vmax = top * 1.15 if top > 0 else 1.0
    short = [(lab[:38] + "…") if len(lab) > 39 else lab for lab in labels]
    d.add(String(width / 2, height - 12, chart.title, fontName=fonts.BOLD, fontSize=9, textAnchor="middle"))
    if chart.kind == "hbar":
        c = HorizontalBarChart()
        c.x, c.y = min(170, width * 0.38), 30
        c.width, c.height = width - c.x - 20, height - 60
        c.categoryAxis.labels.boxAnchor = "e"
        c.categoryAxis.labels.dx = -4
    elif chart.kind == "line":
        c = HorizontalLineChart()
        c.x, c.y = 45, 40
        c.width, c.height = width - 70, height - 75
        c.joinedLines = 1
        for i in range(len(values)):
            c.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
            c.lines[i].strokeWidth = 1.5
            if _has_lone_point(values[i]):
                c.lines[i].strokeColor = None  # reportlab cannot stroke a 1-point line: markers only
            c.lines[i].symbol = makeMarker("FilledCircle")  # a single year still shows
            c.lines[i].symbol.size = 4
            c.lines[i].symbol.fillColor = PALETTE[i % len(PALETTE)]
    else:
        c = VerticalBarChart()
        c.x, c.y = 45, 60
        c.width, c.height = width - 70, height - 90
        c.categoryAxis.labels.angle = 20 if len(labels) > 3 else 0
        c.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 3 else "n"
    texts = chart.value_texts(table)  # bar labels: the table cells' own text
    if chart.kind == "hbar":  # reportlab puts the first category at the bottom
        values = [list(reversed(v)) for v in values]
        texts = [list(reversed(v)) for v in texts]
        short = list(reversed(short))
    c.data = values
    c.categoryAxis.categoryNames = short
    c.categoryAxis.labels.fontName = fonts.REGULAR
    c.categoryAxis.labels.fontSize = 6.5
    c.valueAxis.valueMin = bottom
    c.valueAxis.valueMax = vmax
    c.valueAxis.labels.fontName = fonts.REGULAR
    c.valueAxis.labels.fontSize = 6.5
    c.valueAxis.labelTextFormat = _tick_label  # axis ticks are geometry, not figures of the table
    if chart.kind != "line":
        for i in range(len(values)):
            c.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        c.barLabels.fontName = fonts.REGULAR
        c.barLabels.fontSize = 6.5
        c.barLabelFormat = "values"
        c.barLabelArray = texts
        c.barLabels.nudge = 7
    d.add(c)
    if chart.reference is not None:
        ref = float(chart.reference)
        frac = (ref - bottom) / (vmax - bottom)
        if chart.kind == "hbar":
            x = c.x + frac * c.width
            d.add(Line(x, c.y, x, c.y + c.height, strokeColor=colors.red, strokeDashArray=[3, 2]))
            d.add(String(x + 2, c.y + c.height + 3, chart.reference_label, fontName=fonts.REGULAR, fontSize=6.5,
                         fillColor=colors.red))
        else:
            y = c.y + frac * c.height
            d.add(Line(c.x, y, c.x + c.width, y, strokeColor=colors.red, strokeDashArray=[3, 2]))
            d.add(String(c.x + c.width, y + 2, chart.reference_label, fontName=fonts.REGULAR, fontSize=6.5,
                         fillColor=colors.red, textAnchor="end"))
    if len(series) > 1:
        lg = Legend()
        lg.x, lg.y = c.x, 2
        lg.alignment = "right"
        lg.columnMaximum = 1
        lg.fontName = fonts.REGULAR
        lg.fontSize = 7
        lg.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
        lg.deltax = 70
        lg.dxTextSpace = 4
        lg.boxAnchor = "sw"
        d.add(lg)
    return d


def _has_lone_point(vals: list) -> bool:
    if sum(v is not None for v in vals) < 2:
        return True
    for k, v in enumerate(vals):
        if v is not None and (k == 0 or vals[k - 1] is None) and (k == len(vals) - 1 or vals[k + 1] is None):
            return True
    return False


def _tick_label(v: float) -> str:
    """An axis tick (a position reportlab chose, not a figure of the table) as a whole number;
    Decimal(float) is exact, so no repr() rounding slips in."""
    return format_number(Decimal(v), 0)

