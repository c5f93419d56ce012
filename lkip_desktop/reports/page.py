"""Paper, margins and column widths shared by every renderer of a ReportTable (the table
PDF, the whole-document PDF and the Word document): page and frame sizes, cell padding, and
the fit of a table's columns to a width (figures never broken, text columns share the rest)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from . import table as T
from .table import ReportTable

F4 = (215 * mm, 330 * mm)
PAPERS = {"A4": A4, "F4": F4}
MARGIN = 15 * mm
PAD = 2.5  # cell padding, points
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


def column_widths(table: ReportTable, width: float, size: float) -> list[float] | None:
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
    # a header word ("Peringkat", "Perubahan") is never broken inside: headers are bold
    for c, cell in ((c, cell) for cells in table.header for c, cell in enumerate(cells)):
        if cell is not None and cell.colspan == 1 and cell.text:
            longest = max(cell.text.split(), key=lambda w: stringWidth(w, fonts.BOLD, size), default="")
            need[c] = max(need[c], min(stringWidth(longest, fonts.BOLD, size) + 2 * PAD, width * 0.25))
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


def fit_columns(table: ReportTable, width: float) -> tuple[float, list[float]]:
    """The font size and column widths at which ``table`` fits ``width``: the table's own
    size, shrunk in half points down to MIN_FONT (then plain weights) until the figures fit."""
    size = table.font_size or (7.5 if table.orientation == T.LANDSCAPE else 8.0)
    while True:
        widths = column_widths(table, width, size)
        if widths is not None:
            return size, widths
        if size <= MIN_FONT:
            weights = [c.width for c in table.columns]
            return size, [width * w / sum(weights) for w in weights]
        size -= 0.5
