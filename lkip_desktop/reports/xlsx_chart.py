"""Excel charts of a table: where their data sits on the sheet and the XlsxWriter charts.

The sheet is written row by row (it can be streamed), so the cells a chart needs besides the
table (the "Data grafik" copy of rows apart, the constant series of the 100 % line) are
planned first and written with the rows they belong to; the charts are inserted after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table import Chart, ReportTable
from .xlsx_text import safe_text

WIDTH_PX, HEIGHT_PX = 680, 340  # 18 x 9 cm at 96 dpi
ROWS_PER_CHART = 20
_LOOKS_LIKE_REF = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")  # XlsxWriter reads such a name as a reference

# what an extra cell holds: its text/number and the style name (None: the default font)
TEXT, NUMBER, BOLD_TEXT, SMALL_TEXT, WHOLE = "text", "number", "bold", "small", "whole"


@dataclass
class Placement:
    """Where one chart's categories and series are on the sheet (0-based rows/cols)."""

    chart: Chart
    first: int
    last: int
    cat_col: int
    value_cols: list[int]
    ref_col: int | None = None


@dataclass
class ChartPlan:
    placements: list[Placement] = field(default_factory=list)
    cells: dict[int, dict[int, tuple[str, object]]] = field(default_factory=dict)  # row -> col -> (style, value)

    def put(self, row: int, col: int, style: str, value, weak: bool = False) -> None:
        """A cell beside the table; a ``weak`` one (a series label) never covers a value."""
        cols = self.cells.setdefault(row, {})
        if weak and col in cols and cols[col][0] in (NUMBER, WHOLE):
            return
        cols[col] = (style, value)


def chart_text(text: str) -> str:
    """A chart title or series name as literal text: as safe as cell text, and a name
    XlsxWriter would take for a cell reference ("Data!A1") kept literal by a zero-width space."""
    text = safe_text(text)
    if _LOOKS_LIKE_REF.match(text):
        text = text.replace("!", "!\u200b", 1)
    return text


def plan_charts(table: ReportTable, body: int) -> ChartPlan:
    """Where the charts of ``table`` take their data, its body starting at row ``body``."""
    plan = ChartPlan()
    for ch in table.charts:
        rows = ch.rows
        if not rows:
            continue
        contiguous = rows == list(range(rows[0], rows[0] + len(rows)))
        if contiguous:
            first, last = body + rows[0], body + rows[-1]
            place = Placement(ch, first, last, ch.label_col, [col for _n, col in ch.series])
        else:
            # Rows apart (a heading between them): copy the plotted cells into a small block.
            col0 = table.ncols + 1
            plan.put(body - 1, col0, BOLD_TEXT, "Data grafik")
            first, last = body, body + len(rows) - 1
            for k, r in enumerate(rows):
                cells = table.rows[r].cells
                plan.put(first + k, col0, TEXT, safe_text(cells[ch.label_col].text))
                for j, (_name, col) in enumerate(ch.series):
                    v = cells[col].chart_value
                    if v is not None:
                        plan.put(first + k, col0 + 1 + j, NUMBER, v)
            place = Placement(ch, first, last, col0, [col0 + 1 + j for j in range(len(ch.series))])
        if ch.reference is not None:
            # a constant series beside the table draws the 100 % line
            place.ref_col = table.ncols + (1 if contiguous else 5)
            plan.put(first - 1, place.ref_col, SMALL_TEXT, safe_text(ch.reference_label or "Acuan"), weak=True)
            for r in range(first, last + 1):
                plan.put(r, place.ref_col, WHOLE, ch.reference)
        plan.placements.append(place)
    return plan


def add_charts(workbook, ws, sheet: str, plan: ChartPlan, anchor_row: int) -> None:
    """Insert the planned charts under the table, one every ``ROWS_PER_CHART`` rows."""
    for place in plan.placements:
        ch = place.chart
        line = ch.kind == "line"
        chart = workbook.add_chart({"type": "line" if line else "column"})
        cats = [sheet, place.first, place.cat_col, place.last, place.cat_col]
        for (name, _col), vcol in zip(ch.series, place.value_cols):
            series = {"name": chart_text(name), "categories": cats,
                      "values": [sheet, place.first, vcol, place.last, vcol]}
            if not line:
                series["gap"] = 60
            chart.add_series(series)
        if place.ref_col is not None:
            ref = {"name": chart_text(ch.reference_label or "Acuan"), "categories": cats,
                   "values": [sheet, place.first, place.ref_col, place.last, place.ref_col],
                   "line": {"color": "#D62728", "dash_type": "dash"}, "marker": {"type": "none"}}
            if line:
                chart.add_series(ref)
            else:
                over = workbook.add_chart({"type": "line"})
                over.add_series(ref)
                chart.combine(over)
        title = chart_text(ch.title)
        chart.set_title({"name": title} if title else {"none": True})
        y_title = chart_text(ch.y_title)
        if y_title:
            chart.set_y_axis({"name": y_title})
        chart.set_size({"width": WIDTH_PX, "height": HEIGHT_PX})
        ws.insert_chart(anchor_row, 0, chart)
        anchor_row += ROWS_PER_CHART
