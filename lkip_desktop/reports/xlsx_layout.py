"""Sheet layout the spreadsheet app does not do itself: row heights for wrapped text and
the print setup (paper, orientation, fit to one page wide, repeated header rows, margins).

Excel grows a row for wrapped text only when it edits the cell; LibreOffice Calc keeps the
height a file gives (or the default one line), so a wrapped cell written by openpyxl
overlaps the row below. Every row is therefore given the height its tallest cell needs,
counted as word-wrapped lines in the column's width. Heights are layout, not figures:
floats are fine here.
"""

from __future__ import annotations

from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

PAPER_A4 = 9  # Worksheet.PAPERSIZE_A4
PAPER_FOLIO = 14  # "Folio 8.5 x 13 in" = 216 x 330 mm: Excel has no F4 code; this is the nearest

# Column width is counted in "0" digits of Calibri 11; Calibri (or LibreOffice's Carlito) at
# 10 pt sets about 1.25 average characters per unit, bold a little fewer. Counted lower: a
# row one line too tall is harmless, one line short hides text (and a reader without
# Calibri or Carlito gets a wider fallback font).
CHARS_PER_UNIT_AT_10PT = 1.15
BOLD_FACTOR = 0.93
CELL_PADDING_UNITS = 0.8  # the cell's inner margins
INDENT_UNITS = 1.2  # per indent step (a little over one "0" width)
LINE_PT_PER_FONT_PT = 1.25  # line height of Calibri / Carlito incl. leading
ROW_PADDING_PT = 3.0
MAX_ROW_PT = 409.0  # the largest row height Excel accepts


def wrapped_lines(text: str, chars: float) -> int:
    """Lines ``text`` takes when word-wrapped at ``chars`` characters (a word longer than a
    line is broken, as the spreadsheet does)."""
    chars = max(1, int(chars))
    total = 0
    for para in str(text).split("\n"):
        lines, used = 1, 0
        for word in para.split():
            n = len(word)
            if used and used + 1 + n <= chars:
                used += 1 + n
            elif not used and n <= chars:
                used = n
            else:
                if used:
                    lines += 1
                lines += (n - 1) // chars
                used = n - (n - 1) // chars * chars
        total += lines
    return total


def _col_widths(ws: Worksheet, ncols: int) -> list[float]:
    default = ws.sheet_format.defaultColWidth or 8.43
    out = [default] * (ncols + 1)
    for letter, dim in ws.column_dimensions.items():
        c = column_index_from_string(letter)  # dim.min/max are only set when the file is saved
        if dim.width and c <= ncols:
            out[c] = dim.width
    return out


def fit_row_heights(ws: Worksheet, first_row: int = 1) -> None:
    """Give every row from ``first_row`` on the height its wrapped text needs (merged cells
    measured across their columns; a cell spanning rows grows the first of them)."""
    ncols = ws.max_column
    widths = _col_widths(ws, ncols)
    spans: dict[tuple[int, int], tuple[int, int]] = {}  # lead cell -> (last row, last col)
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = (rng.max_row, rng.max_col)
    need: dict[int, float] = {}
    tall: list[tuple[int, float]] = []  # (first row, height) of cells merged over rows
    measures: dict[tuple, tuple[bool, float, bool, int]] = {}
    for (r, c), cell in ws._cells.items():
        if r < first_row or cell.value is None or not hasattr(cell, "font"):
            continue
        key = tuple(cell._style)
        m = measures.get(key)
        if m is None:
            al = cell.alignment
            m = measures[key] = (bool(al.wrap_text), float(cell.font.sz or 11), bool(cell.font.b), int(al.indent or 0))
        wrap, size, bold, indent = m
        last_row, last_col = spans.get((r, c), (r, c))
        line_pt = size * LINE_PT_PER_FONT_PT
        if wrap:
            units = sum(widths[c:last_col + 1]) - CELL_PADDING_UNITS - indent * INDENT_UNITS
            chars = units * CHARS_PER_UNIT_AT_10PT * 10 / size * (BOLD_FACTOR if bold else 1)
            height = wrapped_lines(cell.value, chars) * line_pt + ROW_PADDING_PT
        else:
            height = line_pt + ROW_PADDING_PT
        if last_row == r:
            need[r] = max(need.get(r, 0.0), height)
        else:
            tall.append((r, height))
    for r1, height in tall:
        # the first row holds all of the (top-aligned) text: a page break between the
        # spanned rows then never cuts it (LibreOffice draws the rest under the header)
        need[r1] = max(need.get(r1, 0.0), height)
    for r, h in need.items():
        ws.row_dimensions[r].height = round(min(h, MAX_ROW_PT), 1)


def print_setup(ws: Worksheet, *, landscape: bool, paper: str, title_rows: tuple[int, int] | None,
                area: str) -> None:
    """Paper and orientation, one page wide (as many pages tall as it takes), the header
    rows repeated on every page, narrow margins, "Halaman x dari y" in the footer."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER_FOLIO if paper.upper() == "F4" else PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    ws.print_area = area
    ws.print_options.horizontalCentered = True
    m = ws.page_margins
    m.left = m.right = 0.5
    m.top = m.bottom = 0.6
    m.header = m.footer = 0.3
    ws.oddFooter.center.text = "Halaman &P dari &N"

