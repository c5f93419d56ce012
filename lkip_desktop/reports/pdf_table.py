"""One ReportTable as PDF flowables (reportlab platypus).

Long tables are paginated here, not by ``LongTable``: reportlab's own splitting grows
faster than the rows (shared/design/EXAMPLES.md, pitfalls). Each table is measured once
(row heights at the final column widths), then cut into one ``Table`` per page with the
header rows repeated. Row-span groups are kept on one page; a group taller than a page
is cut and its spanning labels repeated on the next page (reportlab would raise
``LayoutError``).

Numbers reach reportlab only as the strings ``Cell.text`` formats (id-ID, half-up)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from . import fonts
from . import table as T
from .page import INDENT, PAD, fit_columns, frame_size
from .pdf_chart import chart_drawing
from .pdf_frame import CallWhenPlaced, PageAnchor
from .table import ReportTable

HEADER_BG = colors.HexColor("#D9E2EC")
PROGRAM_BG = colors.HexColor("#EEF2F6")
TOTAL_BG = colors.HexColor("#E4E9EE")
GRID = colors.HexColor("#444444")


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


class TableLayout:
    """One table measured at its column widths: cell contents, row heights, styles."""

    def __init__(self, table: ReportTable, width: float):
        self.table = table
        self.size, self.widths = fit_columns(table, width)
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

    def __init__(self, layout: TableLayout, start: int = 0, caption: Flowable | None = None,
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


def table_flowables(table: ReportTable, paper: str, on_done=None, with_charts: bool = True,
                    anchor: str | None = None) -> list[Flowable]:
    fw, fh = frame_size(paper, table.orientation)
    lay = TableLayout(table, fw)
    lay.page_height = fh
    cap = Paragraph(f"Tabel {escape(table.number)}<br/>{escape(table.title)}" if table.number
                    else escape(table.title), CAPTION)
    out: list[Flowable] = []
    if anchor:
        out.append(PageAnchor(anchor))
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
        out.append(CallWhenPlaced(on_done))
    out.append(Spacer(1, 14))
    return out
