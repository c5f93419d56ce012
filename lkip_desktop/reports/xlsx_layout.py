"""Sheet layout the spreadsheet app does not do itself: row heights for wrapped text and
the print setup (paper, orientation, fit to one page wide, repeated header rows, margins).

Excel grows a row for wrapped text only when it edits the cell; LibreOffice Calc keeps the
height a file gives (or the default one line), so a wrapped cell overlaps the row below.
Every row is therefore given the height its tallest cell needs, counted as word-wrapped
lines in the column's width. Rows are written in order (a streamed sheet has no way
back), so heights are counted from the texts being written, not read back from the
sheet. Heights are layout, not figures: floats are fine.
"""

from __future__ import annotations

PAPER_A4 = 9  # Excel's paper code for A4
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
DIGIT_PIXELS = 7  # a width unit ("0" of Calibri 11) in pixels, as Excel and XlsxWriter count


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


def line_height(size: float) -> float:
    """The height of a row holding one line of ``size`` pt text."""
    return size * LINE_PT_PER_FONT_PT + ROW_PADDING_PT


def wrapped_height(text: str, units: float, size: float = 10, bold: bool = False, indent: int = 0) -> float:
    """The height a top-aligned wrapped cell ``units`` wide (its merged columns summed) needs."""
    room = units - CELL_PADDING_UNITS - indent * INDENT_UNITS
    chars = room * CHARS_PER_UNIT_AT_10PT * 10 / size * (BOLD_FACTOR if bold else 1)
    if len(text) <= max(1, int(chars)) and "\n" not in text:  # one line: no word count (most cells)
        return line_height(size)
    return wrapped_lines(text, chars) * size * LINE_PT_PER_FONT_PT + ROW_PADDING_PT


def set_height(ws, row: int, height: float) -> None:
    """``row``'s height (0-based), within what Excel accepts; before the next row is written."""
    ws.set_row(row, round(min(height, MAX_ROW_PT), 1))


def set_widths(ws, widths: list[float]) -> None:
    """Column widths in Excel's units as the file stores them (XlsxWriter's ``set_column``
    would add the cell padding on top: every column would be 0.7 unit wider than asked)."""
    for c, w in enumerate(widths):
        ws.set_column_pixels(c, c, int(w * DIGIT_PIXELS + 0.5))


def print_setup(ws, *, landscape: bool, paper: str, title_rows: tuple[int, int] | None,
                area: tuple[int, int, int, int]) -> None:
    """Paper and orientation, one page wide (as many pages tall as it takes), the header
    rows repeated on every page (0-based first, last), narrow margins, "Halaman x dari y"
    in the footer; ``area`` is (first row, first col, last row, last col), 0-based."""
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(PAPER_FOLIO if paper.upper() == "F4" else PAPER_A4)
    ws.fit_to_pages(1, 0)
    if title_rows is not None:
        ws.repeat_rows(*title_rows)
    ws.print_area(*area)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_header("", {"margin": 0.3})
    ws.set_footer("&CHalaman &P dari &N", {"margin": 0.3})
