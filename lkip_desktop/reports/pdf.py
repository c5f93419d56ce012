"""ReportTable -> PDF with reportlab platypus.

Long tables are paginated here, not by ``LongTable``: reportlab's own splitting grows
faster than the rows (shared/design/EXAMPLES.md, pitfalls). Each table is measured once
(row heights at the final column widths), then cut into one ``Table`` per page with the
header rows repeated. Row-span groups are kept on one page; a group taller than a page
is cut and its spanning labels repeated on the next page (reportlab would raise
``LayoutError``).

Numbers reach reportlab only as the strings ``Cell.text`` formats (id-ID, half-up).
Floats appear only as drawing coordinates of the charts; their value labels are the cells'
own text (``Chart.value_texts``), so a chart label never differs from its table cell.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.numbers import format_number
from . import fonts
from . import table as T
from .table import Cancelled, Chart, ReportTable

F4 = (215 * mm, 330 * mm)
PAPERS = {"A4": A4, "F4": F4}
MARGIN = 15 * mm
PAD = 2.5  # cell padding, points
HEADER_BG = colors.HexColor("#D9E2EC")
PROGRAM_BG = colors.HexColor("#EEF2F6")
TOTAL_BG = colors.HexColor("#E4E9EE")
GRID = colors.HexColor("#444444")
INDENT = 7.0  # points per depth step
MIN_FONT = 5.5




def page_size(paper: str, orientation: str) -> tuple[float, float]:
    size = PAPERS.get(paper.upper())
    if size is None:
        raise ValueError(f"Ukuran kertas tidak dikenal: {paper} (A4 atau F4)")
    return landscape(size) if orientation == T.LANDSCAPE else portrait(size)


def frame_size(paper: str, orientation: str) -> tuple[float, float]:
    w, h = page_size(paper, orientation)
    return w - 2 * MARGIN, h - 2 * MARGIN - 8 * mm  # room for the footer


# -- styles -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Styles:
    size: float
    body: ParagraphStyle
    bold: ParagraphStyle
    head: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle


def _styles(size: float) -> _Styles:
    fonts.register_fonts()
    lead = size * 1.2
    base = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=size, leading=lead, alignment=TA_LEFT)
    return _Styles(
        size,
        base,
        ParagraphStyle("bb", parent=base, fontName=fonts.BOLD),
        ParagraphStyle("h", parent=base, fontName=fonts.BOLD, alignment=TA_CENTER),
        ParagraphStyle("r", parent=base, alignment=TA_RIGHT),
        ParagraphStyle("c", parent=base, alignment=TA_CENTER),
    )


CAPTION = ParagraphStyle("cap", fontName=fonts.BOLD, fontSize=10, leading=13, alignment=TA_CENTER,
                         spaceAfter=4)
NOTE = ParagraphStyle("note", fontName=fonts.REGULAR, fontSize=7.5, leading=9.5, alignment=TA_LEFT)


# -- measuring ----------------------------------------------------------------------------------
def _col_widths(table: ReportTable, width: float, size: float) -> list[float] | None:
    """Widths that fit ``width``: numeric columns get the width of their widest figure,
    text columns share the rest by weight. None when the figures alone do not fit."""
    n = table.ncols
    font = fonts.REGULAR
    need = [0.0] * n
    for c, col in enumerate(table.columns):
        if col.min_chars:
            need[c] = stringWidth("8" * col.min_chars, font, size) + 2 * PAD
    for row in table.rows:
        bold = row.is_bold
        for c, cell in enumerate(row.cells):
            if cell is None or cell.colspan > 1 or cell.kind not in T.NUMERIC and cell.kind != T.PREDIKAT:
                continue
            w = stringWidth(cell.text, fonts.BOLD if bold else font, size) + 2 * PAD
            if w > need[c]:
                need[c] = w
    # a code ("1.2.13.2") or a long single word is not broken inside when there is room
    word_cap = width * 0.14
    for row in table.rows:
        f = fonts.BOLD if row.is_bold else font
        for c, cell in enumerate(row.cells):
            if cell is None or cell.colspan > 1 or cell.kind != T.TEXT or not cell.text:
                continue
            longest = max(cell.text.split(), key=len, default="")
            if len(longest) < 6:
                continue
            w = min(stringWidth(longest, f, size) + 2 * PAD + (row.depth * INDENT if c == table.indent_col else 0),
                    word_cap)
            if w > need[c]:
                need[c] = w
    weights = [max(col.width, 0.1) for col in table.columns]
    total = sum(weights)
    widths = [width * w / total for w in weights]
    # Text columns never narrower than a short word.
    floor = stringWidth("Kegiatan", font, size) + 2 * PAD
    for _ in range(4):
        short = [c for c in range(n) if widths[c] < max(need[c], 0)]
        if not short:
            break
        deficit = sum(need[c] - widths[c] for c in short)
        for c in short:
            widths[c] = need[c]
        donors = [c for c in range(n) if c not in short and widths[c] > max(need[c], floor)]
        room = sum(widths[c] - max(need[c], floor) for c in donors)
        if room < deficit:
            return None
        for c in donors:
            spare = widths[c] - max(need[c], floor)
            widths[c] -= deficit * spare / room
    return widths


def _fit(table: ReportTable, width: float) -> tuple[float, list[float]]:
    size = table.font_size or (7.5 if table.orientation == T.LANDSCAPE else 8.0)
    while True:
        widths = _col_widths(table, width, size)
        if widths is not None:
            return size, widths
        if size <= MIN_FONT:
            weights = [c.width for c in table.columns]
            return size, [width * w / sum(weights) for w in weights]
        size -= 0.5


class _Layout:
    """One table measured at its column widths: cell contents, row heights, styles."""

    def __init__(self, table: ReportTable, width: float):
        self.table = table
        self.size, self.widths = _fit(table, width)
        self.width = sum(self.widths)
        st = self.st = _styles(self.size)
        self.line = self.size * 1.2 + 2 * PAD
        # header
        self.head_data, self.head_heights = self._measure(table.header, None, header=True)
        self.head_height = sum(self.head_heights)
        self.head_spans = [(c, r, c + cell.colspan - 1, r + cell.rowspan - 1) for r, c, cell in table.spans("header")]
        # body
        self.body_data, self.body_heights = self._measure([r.cells for r in table.rows], table.rows, header=False)
        self.body_spans = [(r, c, cell) for r, c, cell in table.spans("body")]
        self.group_end = self._groups()
        # prefix sums: the height of any run of rows in O(1), or every page of a long
        # table would re-add all the rows after it (quadratic)
        self.cum = [0.0]
        for h in self.body_heights:
            self.cum.append(self.cum[-1] + h)
        _ = st

    def _cell_width(self, c: int, cell: T.Cell, depth: int) -> float:
        w = sum(self.widths[c:c + cell.colspan]) - 2 * PAD
        if depth and c == self.table.indent_col:
            w -= depth * INDENT
        return max(w, 4.0)

    def _content(self, cell: T.Cell, c: int, bold: bool, depth: int, header: bool):
        """The cell's text broken into lines at its width (a plain string: reportlab draws
        it far faster than a Paragraph) and its height."""
        text = cell.text
        avail = self._cell_width(c, cell, depth)
        font = fonts.BOLD if bold or header else fonts.REGULAR
        lead = self.size * 1.2
        if "\n" not in text and stringWidth(text, font, self.size) <= avail:
            return text, lead
        lines = []
        for part in text.split("\n"):
            lines.extend(simpleSplit(part, font, self.size, avail) or [""])
        return "\n".join(lines), lead * len(lines)

    def _measure(self, grid, rows, header: bool):
        data: list[list] = []
        heights: list[float] = []
        pending: list[tuple[int, int, float]] = []  # (first row, last row, height) of row spans
        for r, cells in enumerate(grid):
            row = rows[r] if rows is not None else None
            bold = row.is_bold if row is not None else True
            depth = row.depth if row is not None else 0
            out = []
            h = self.size * 1.2
            for c, cell in enumerate(cells):
                if cell is None:
                    out.append("")
                    continue
                content, ch = self._content(cell, c, bold, depth, header)
                out.append(content)
                if cell.rowspan > 1:
                    pending.append((r, r + cell.rowspan - 1, ch))
                elif ch > h:
                    h = ch
            data.append(out)
            heights.append(h + 2 * PAD)
        for first, last, need in pending:
            have = sum(heights[first:last + 1]) - 2 * PAD
            if need > have:
                heights[last] += need - have
        return data, heights

    def _groups(self) -> list[int]:
        """group_end[r]: the last body row that must stay on r's page (row spans)."""
        n = len(self.body_heights)
        end = list(range(n))
        for r, _c, cell in self.body_spans:
            last = r + cell.rowspan - 1
            for k in range(r, last + 1):
                end[k] = max(end[k], last)
        # propagate chains of overlapping spans
        for r in range(n - 2, -1, -1):
            if end[r] > r and end[r + 1] > end[r]:
                end[r] = end[r + 1]
        return end

    # -- one page's Table -------------------------------------------------------------------
    def chunk(self, start: int, stop: int) -> Table:
        """A Table of the header rows plus body rows [start, stop)."""
        table = self.table
        nh = len(table.header)
        data = [list(r) for r in self.head_data] + [list(r) for r in self.body_data[start:stop]]
        heights = self.head_heights + self.body_heights[start:stop]
        cmds: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), self.size),
            ("LEADING", (0, 0), (-1, -1), self.size * 1.2),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ]
        if nh:
            cmds += [("BACKGROUND", (0, 0), (-1, nh - 1), HEADER_BG), ("VALIGN", (0, 0), (-1, nh - 1), "MIDDLE"),
                     ("FONTNAME", (0, 0), (-1, nh - 1), fonts.BOLD), ("ALIGN", (0, 0), (-1, nh - 1), "CENTER")]
        for sc, sr, ec, er in self.head_spans:
            cmds.append(("SPAN", (sc, sr), (ec, er)))
        rows = table.rows
        for i in range(start, stop):
            r = nh + i - start
            row = rows[i]
            if row.is_bold:
                cmds.append(("FONTNAME", (0, r), (-1, r), fonts.BOLD))
            if row.level == T.PROGRAM:
                cmds.append(("BACKGROUND", (0, r), (-1, r), PROGRAM_BG))
            elif row.level == T.TOTAL:
                cmds.append(("BACKGROUND", (0, r), (-1, r), TOTAL_BG))
            if row.depth and table.indent_col is not None:
                c = table.indent_col
                cmds.append(("LEFTPADDING", (c, r), (c, r), PAD + row.depth * INDENT))
        # alignment in runs per column
        for c in range(table.ncols):
            run_start, run_align = None, None
            for i in range(start, stop + 1):
                cell = rows[i].cells[c] if i < stop else None
                align = cell.halign.upper() if cell is not None else None
                if align != run_align:
                    if run_align not in (None, "LEFT"):
                        cmds.append(("ALIGN", (c, nh + run_start - start), (c, nh + i - 1 - start), run_align))
                    run_start, run_align = i, align
        # body spans, clipped to this page; a cut span repeats its label
        for r, c, cell in self.body_spans:
            last = r + cell.rowspan - 1
            if last < start or r >= stop:
                continue
            a, b = max(r, start), min(last, stop - 1)
            if r < start:
                data[nh + a - start][c] = self.body_data[r][c]
            if b > a or cell.colspan > 1:
                cmds.append(("SPAN", (c, nh + a - start), (c + cell.colspan - 1, nh + b - start)))
        t = Table(data, colWidths=self.widths, rowHeights=heights, repeatRows=0)
        t.setStyle(TableStyle(cmds))
        t.hAlign = "CENTER"
        return t


class PagedTable(Flowable):
    """A table that splits itself into one ``Table`` per page, header repeated, caption
    kept with the first page."""

    def __init__(self, layout: _Layout, start: int = 0, caption: Flowable | None = None,
                 on_done: Callable[[], None] | None = None, tail: list[Flowable] | None = None):
        super().__init__()
        self.layout = layout
        self.start = start
        self.caption = caption
        self.on_done = on_done
        self.tail = tail or []  # "Sumber: …" and notes, kept with the last rows
        self._cap_h = 0.0

    def _tail_height(self, availW: float) -> float:
        return sum(f.wrap(availW, 10_000)[1] for f in self.tail) + (3 if self.tail else 0)

    def _caption_height(self, availW: float) -> float:
        if self.caption is None:
            return 0.0
        return self.caption.wrap(availW, 10_000)[1] + CAPTION.spaceAfter

    def wrap(self, availWidth, availHeight):
        lay = self.layout
        self._cap_h = self._caption_height(availWidth)
        self.width = lay.width
        self._tail_h = self._tail_height(availWidth)
        self.height = self._cap_h + lay.head_height + (lay.cum[-1] - lay.cum[self.start]) + self._tail_h
        return self.width, self.height

    def _fit_rows(self, avail: float, full_page: bool) -> int:
        """Body rows from ``start`` that fit in ``avail`` (whole span groups only, unless a
        group alone is taller than a page)."""
        lay = self.layout
        n = len(lay.body_heights)
        used = lay.head_height
        r = self.start
        while r < n:
            end = lay.group_end[r]
            h = lay.cum[end + 1] - lay.cum[r]
            if used + h <= avail:
                used += h
                r = end + 1
                continue
            if r == self.start and full_page:
                # the group alone is taller than a page: take single rows
                while r <= end and used + lay.body_heights[r] <= avail:
                    used += lay.body_heights[r]
                    r += 1
                if r == self.start:  # one row taller than a page: give it the page anyway
                    r += 1
            break
        return r

    def split(self, availWidth, availHeight):
        lay = self.layout
        cap_h = self._caption_height(availWidth)
        full = availHeight >= lay.page_height - 1
        stop = self._fit_rows(availHeight - cap_h, full)
        n = len(lay.body_heights)
        if stop >= n and self.tail:
            # everything fits but the notes: carry the last group over with them
            tail_h = self._tail_height(availWidth)
            if cap_h + lay.head_height + (lay.cum[-1] - lay.cum[self.start]) + tail_h > availHeight:
                last = n - 1
                while last > self.start and lay.group_end[last - 1] >= last:
                    last -= 1
                stop = last
        if stop == self.start:
            return []
        out: list[Flowable] = []
        if self.caption is not None:
            out.append(self.caption)
        out.append(lay.chunk(self.start, stop))
        if stop < n:
            out.append(PagedTable(lay, stop, None, self.on_done, self.tail))
        else:
            out.append(Spacer(1, 3))
            out.extend(self.tail)
        return out

    def drawOn(self, canvas, x, y, _sW=0):
        # Draw caption + the remaining rows as one Table.
        lay = self.layout
        top = y + self.height
        if self.caption is not None:
            w, h = self.caption.wrap(self.width, 10_000)
            self.caption.drawOn(canvas, x + (self.width - w) / 2 if w < self.width else x, top - h)
            top -= h + CAPTION.spaceAfter
        t = lay.chunk(self.start, len(lay.body_heights))
        _w, th = t.wrapOn(canvas, self.width, top - y)
        t.drawOn(canvas, x, top - th)
        top -= th + (3 if self.tail else 0)
        for f in self.tail:
            _fw, fh = f.wrap(self.width, 10_000)
            f.drawOn(canvas, x, top - fh)
            top -= fh
        if self.on_done:
            self.on_done()


# -- charts --------------------------------------------------------------------------------------
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


# -- documents ---------------------------------------------------------------------------------------
class _Doc(BaseDocTemplate):
    def __init__(self, path, paper: str, title: str, footer: str, progress=None, cancel=None, total=0):
        super().__init__(str(path), pagesize=page_size(paper, T.PORTRAIT), leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author="LKIP Desktop",
                         creator="LKIP Desktop", initialFontName=fonts.REGULAR, initialFontSize=8)
        self.footer = footer
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.done = 0
        templates = []
        for orient in (T.PORTRAIT, T.LANDSCAPE):
            w, h = page_size(paper, orient)
            fw, fh = frame_size(paper, orient)
            frame = Frame(MARGIN, MARGIN + 8 * mm, fw, fh, id=orient, leftPadding=0, rightPadding=0, topPadding=0,
                          bottomPadding=0)
            templates.append(PageTemplate(id=orient, frames=[frame], pagesize=(w, h), onPage=self._decorate))
        self.addPageTemplates(templates)

    def _decorate(self, canv, doc):
        canv.saveState()
        w, _h = canv._pagesize
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(MARGIN, MARGIN, self.footer)
        canv.drawRightString(w - MARGIN, MARGIN, f"Halaman {doc.page}")
        canv.restoreState()

    def table_done(self):
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def afterFlowable(self, flowable):
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        name = getattr(flowable, "_page_form", None)
        if name:
            c = self.canv
            c.saveState()
            c.beginForm(name, lowerx=-200, lowery=-20, upperx=20, uppery=40)
            c.setFont(fonts.REGULAR, 8.5)
            c.drawRightString(0, 0, str(self.page))
            c.endForm()
            c.restoreState()


class _Anchor(Flowable):
    """Zero-size marker: after it is placed, the page number becomes the form ``name``."""

    def __init__(self, name: str):
        super().__init__()
        self._page_form = name
        self.width = self.height = 0

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        pass


class _TocLine(Flowable):
    def __init__(self, text: str, form: str, width: float):
        super().__init__()
        self.p = Paragraph(escape(text), ParagraphStyle("toc", fontName=fonts.REGULAR, fontSize=8.5, leading=11))
        self.form = form
        self.width = width

    def wrap(self, availW, availH):
        self.width = availW
        _w, h = self.p.wrap(availW - 30, availH)
        self.height = h + 2
        return availW, self.height

    def draw(self):
        self.p.drawOn(self.canv, 0, 2)
        self.canv.saveState()
        self.canv.translate(self.width, self.height - 10.5)
        self.canv.doForm(self.form)
        self.canv.restoreState()


def table_flowables(table: ReportTable, paper: str, on_done=None, with_charts: bool = True,
                    anchor: str | None = None) -> list[Flowable]:
    fw, fh = frame_size(paper, table.orientation)
    lay = _Layout(table, fw)
    lay.page_height = fh
    cap = Paragraph(f"Tabel {escape(table.number)}<br/>{escape(table.title)}" if table.number
                    else escape(table.title), CAPTION)
    out: list[Flowable] = []
    if anchor:
        out.append(_Anchor(anchor))
    after: list[Flowable] = []
    if table.source:
        after.append(Paragraph("Sumber: " + escape(table.source), NOTE))
    for note in table.notes:
        if note:
            after.append(Paragraph(escape(note), NOTE))
    out.append(PagedTable(lay, 0, cap, None, after))
    if with_charts:
        for i, ch in enumerate(table.charts, 1):
            label = f"Grafik {table.number}" + (f".{i}" if len(table.charts) > 1 else "")
            d = chart_drawing(table, ch, min(fw, 480), 210)
            out.append(Spacer(1, 8))
            out.append(KeepTogether([d, Paragraph(escape(label), NOTE)]))
    if on_done is not None:
        out.append(_Callback(on_done))
    out.append(Spacer(1, 14))
    return out


class _Callback(Flowable):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.fn()


def render_pdf(tables: Sequence[ReportTable], path: str | os.PathLike, paper: str = "A4", *,
               title: str = "Laporan Kinerja", footer: str = "", toc: bool | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> Path:
    """Write ``tables`` to one PDF. With several tables (or ``toc=True``) the document
    opens with a list of tables and their page numbers. ``progress(done, total)`` is called
    as each table is placed; ``cancel()`` returning True stops and removes the file."""
    path = Path(path)
    fonts.register_fonts()
    tables = list(tables)
    toc = len(tables) > 1 if toc is None else toc
    doc = _Doc(path, paper, title, footer or title, progress, cancel, len(tables))
    story: list[Flowable] = []
    current = tables[0].orientation if tables else T.PORTRAIT
    if toc:
        current = T.PORTRAIT
        story.append(Paragraph("DAFTAR TABEL", CAPTION))
        story.append(Spacer(1, 6))
        fw, _ = frame_size(paper, T.PORTRAIT)
        for i, t in enumerate(tables):
            story.append(_TocLine(t.caption, f"tblpg{i}", fw))
        story.append(NextPageTemplate(tables[0].orientation if tables else T.PORTRAIT))
        story.append(PageBreak())
        current = tables[0].orientation if tables else T.PORTRAIT
    else:
        doc.pageTemplates.sort(key=lambda pt: pt.id != current)
    for i, t in enumerate(tables):
        if t.orientation != current:
            story.append(NextPageTemplate(t.orientation))
            story.append(PageBreak())
            current = t.orientation
        elif i:
            story.append(CondPageBreak(60 * mm))
        story.extend(table_flowables(t, paper, doc.table_done, anchor=f"tblpg{i}" if toc else None))
    return build_or_remove(doc, story, path)


def build_or_remove(doc, story: list, path: Path) -> Path:
    """Build the document; a cancelled export leaves no half-written file behind."""
    try:
        doc.build(story)
    except Cancelled:
        try:
            path.unlink()
        except OSError:
            pass
        raise
    return path


def render_each(tables: Sequence[ReportTable], folder: str | os.PathLike, paper: str = "A4", **kw) -> list[Path]:
    """One PDF per table, named after its number ("Tabel_3.1.pdf")."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [render_pdf([t], folder / f"Tabel_{t.number or t.key}.pdf", paper, toc=False, **kw) for t in tables]
