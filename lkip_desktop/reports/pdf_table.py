"""One ReportTable measured for PDF (reportlab platypus): its cell texts broken into lines
at the final column widths, row heights, and one page's ``Table`` of any run of rows.

Long tables are paginated by ``pdf_paged``, not by ``LongTable``: reportlab's own splitting
grows faster than the rows (shared/design/EXAMPLES.md, pitfalls). Each table is measured once
(row heights at the final column widths), then cut into one ``Table`` per page. Row-span groups are kept on one page;
a group taller than a page is cut and its spanning labels repeated on the next page, and
a single row taller than a page (a long "alasan") is cut into pieces between its lines
(reportlab would raise ``LayoutError`` on either).

Numbers reach reportlab only as the strings ``Cell.text`` formats (id-ID, half-up)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from . import fonts
from . import table as T
from .page import INDENT, PAD, fit_columns
from .table import ReportTable
from .text_wrap import wrap_lines

HEADER_BG = colors.HexColor("#D9E2EC")
PROGRAM_BG = colors.HexColor("#EEF2F6")
TOTAL_BG = colors.HexColor("#E4E9EE")
GRID = colors.HexColor("#444444")
SHORT_SPAN = 64  # rows; longer spans (a program over its kegiatan) are few


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

    def __init__(self, table: ReportTable, width: float, page_height: float = 0.0):
        self.table = table
        self.size, self.widths = fit_columns(table, width)
        self.width = sum(self.widths)
        self.st = _styles(self.size)
        self.line = self.size * 1.2 + 2 * PAD
        self.page_height = page_height
        # header: repeated on every page, so at most a quarter of one (a name typed into a
        # column title is shortened there with "…"; it is printed whole elsewhere)
        self.max_lines = 0
        self.head_data, self.head_heights = self._measure(table.header, None, header=True)
        self.head_height = sum(self.head_heights)
        if page_height and self.head_height > page_height / 4 and table.header:
            lead = self.size * 1.2
            self.max_lines = max(1, int((page_height / 4 / len(table.header) - 2 * PAD) // lead))
            self.head_data, self.head_heights = self._measure(table.header, None, header=True)
            self.head_height = sum(self.head_heights)
            self.max_lines = 0
        self.head_spans = [(c, r, c + cell.colspan - 1, r + cell.rowspan - 1) for r, c, cell in table.spans("header")]
        # body
        self.body_data, self.body_heights = self._measure([r.cells for r in table.rows], table.rows, header=False)
        self.body_rows = list(table.rows)  # the table row each layout row draws (a cut row: several)
        self.body_spans = [(r, c, cell) for r, c, cell in table.spans("body")]
        self._index()

    def _index(self) -> None:
        self.group_end = self._groups()
        # prefix sums: the height of any run of rows in O(1), or every page of a long
        # table would re-add all the rows after it (quadratic)
        self.cum = [0.0]
        for h in self.body_heights:
            self.cum.append(self.cum[-1] + h)

    def _unspan_tall(self, limit: float) -> None:
        """A row-span label taller than ``limit`` (a program name of pages) stays in its first
        row only, so that row can be cut like any other."""
        rows = self.table.rows
        tall = {(r, c) for r, c, cell in self.body_spans if cell.rowspan > 1
                and self._content(cell, c, rows[r].is_bold, rows[r].depth, False)[1] + 2 * PAD > limit}
        if not tall:
            return
        grid = [list(row.cells) for row in rows]
        for r, c in tall:
            grid[r][c] = replace(grid[r][c], rowspan=1)
        self.body_data, self.body_heights = self._measure(grid, rows, header=False)
        self.body_spans = [(r, c, grid[r][c]) for r, c, cell in self.body_spans
                           if (r, c) not in tall or grid[r][c].colspan > 1]

    def cut_tall_rows(self, limit: float) -> None:
        """Cut every body row taller than ``limit`` into pieces between its lines, each
        at most ``limit`` high; the pieces go on consecutive pages like rows."""
        lead = self.size * 1.2
        per_piece = max(1, int((limit - 2 * PAD) // lead))
        if all(h <= limit for h in self.body_heights):
            return
        self._unspan_tall(limit)
        data, heights, rows, first, last = [], [], [], [], []
        for r, h in enumerate(self.body_heights):
            first.append(len(data))
            cells = self.body_data[r]
            if h <= limit:
                data.append(cells)
                heights.append(h)
                rows.append(self.body_rows[r])
            else:
                lines = [str(c).split("\n") for c in cells]
                n = max(len(x) for x in lines)
                for k in range(0, n, per_piece):
                    piece = [x[k:k + per_piece] for x in lines]
                    data.append(["\n".join(x) for x in piece])
                    heights.append(max(1, max(len(x) for x in piece)) * lead + 2 * PAD)
                    rows.append(self.body_rows[r])
            last.append(len(data) - 1)
        self.body_data, self.body_heights, self.body_rows = data, heights, rows
        self.body_spans = [(first[r], c, replace(cell, rowspan=last[r + cell.rowspan - 1] - first[r] + 1))
                           for r, c, cell in self.body_spans]
        self._index()

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
        lines = wrap_lines(text, font, self.size, avail)
        if self.max_lines and len(lines) > self.max_lines:
            lines = lines[:self.max_lines]
            lines[-1] = lines[-1][:-2] + "…"
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

    def spans_on(self, start: int, stop: int) -> list[tuple[int, int, T.Cell]]:
        """The body spans that reach rows [start, stop), found by bisection over the spans
        sorted by first row: a scan of every span for every page made a long table's PDF
        quadratic (10,618 rows, 21,236 spans at 10x). Spans over more than SHORT_SPAN rows
        are few and always looked at."""
        index = self.__dict__.get("_span_index")
        if index is None or index[0] is not self.body_spans:
            ordered = sorted(self.body_spans, key=lambda s: s[0])
            short = [s for s in ordered if s[2].rowspan <= SHORT_SPAN]
            long = [s for s in ordered if s[2].rowspan > SHORT_SPAN]
            index = self._span_index = (self.body_spans, short, [s[0] for s in short], long)
        _spans, short, firsts, long = index
        near = short[bisect_left(firsts, start - SHORT_SPAN + 1):bisect_left(firsts, stop)]
        return [s for s in long + near if s[0] < stop and s[0] + s[2].rowspan - 1 >= start]

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
        rows = self.body_rows
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
        for r, c, cell in self.spans_on(start, stop):
            last = r + cell.rowspan - 1
            a, b = max(r, start), min(last, stop - 1)
            if r < start:
                data[nh + a - start][c] = self.body_data[r][c]
            if b > a or cell.colspan > 1:
                cmds.append(("SPAN", (c, nh + a - start), (c + cell.colspan - 1, nh + b - start)))
        t = Table(data, colWidths=self.widths, rowHeights=heights, repeatRows=0)
        t.setStyle(TableStyle(cmds))
        t.hAlign = "CENTER"
        return t
