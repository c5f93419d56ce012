"""ReportTable -> Excel workbook with XlsxWriter: one sheet per table.

Every sheet is written top to bottom, row by row, a row's height set with it (counted
from the table, not read back from the sheet) and its merged spans listed, so the sheet
can be streamed (XlsxWriter's constant-memory mode, ``STREAM_ROWS``).

Numbers are stored as numbers (rupiah ``int``, other figures ``Decimal`` rounded half-up
to the places shown, so a cell holds what it displays) with a number format; the file
keeps US notation and Excel shows the reader's own separators.

No text becomes a formula, a number or a link: every text cell goes through
``write_string`` and the workbook's strings_to_* conversions are off. Only a ``formula``
cell of the ReportTable is written as a formula.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

from xlsxwriter.exceptions import FileCreateError

from .. import collector
from . import table as T
from .table import Cancelled, ReportTable
from .xlsx_book import SheetsByName
from .xlsx_chart import BOLD_TEXT, NUMBER, SMALL_TEXT, WHOLE, ChartPlan, add_charts, plan_charts
from .xlsx_layout import line_height, print_setup, set_height, set_widths, wrapped_height
from .xlsx_styles import Styles, row_fill
from .xlsx_text import EXCEL_CELL_CHARS, safe_text, sheet_title

__all__ = ["EXCEL_CELL_CHARS", "F4_NOTE", "render_xlsx", "safe_text", "sheet_title", "write_table"]

FIRST_HEADER_ROW = 2  # 0-based: the caption, a blank row, then the header
F4_NOTE = ("Kertas F4 (215 × 330 mm) tidak dikenal Excel: lembar diatur ke Folio (8,5 × 13 inci = 216 × 330 mm), "
           "ukuran yang praktis sama.")
# Rows streamed to a temporary file per sheet (XlsxWriter's constant-memory mode) keep the
# memory flat, but XlsxWriter makes every temporary file by truncating a new one, and on
# ext4 (auto_da_alloc) deleting such a file waits for its write-back: about 3 ms each, two
# or three files a sheet, which doubled the export's time at 1x and 10x. Held in memory the
# workbook takes less than openpyxl did (10x: +167 MB against +221 MB) at half the time.
STREAM_ROWS = False
# user text stays text: never turned into a number, a formula or a link
TEXT_STAYS_TEXT = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
LINE_10, LINE_11 = line_height(10), line_height(11)  # one line of the table's / the default font
INDEX_WIDTHS = [8, 66, 32]  # "Daftar Tabel": Nomor, Judul, Lembar


def merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:
    """Record a merged range. ``merge_range`` cannot stream a range over several rows (its
    blank cells below would write the current row out before its other cells); here the
    lead and the covered cells are written with their rows, in order, and the range itself
    is only listed (XlsxWriter writes the list after the sheet data).
    ReportTable.validate() guarantees our spans never overlap."""
    ws.merge.append([r1, c1, r2, c2])


def _widest_numbers(table: ReportTable, c: int) -> list[T.Cell]:
    """The numeric cells of column ``c`` that can have its longest text, so only these are
    formatted (an Excel cell holds the number; formatting every one through Babel only to
    take its length was most of the widths' cost). Within one format (kind, places, parens,
    suffix) and sign, the text only grows with the magnitude; a cell whose text is already
    made, or whose places follow its value, is taken as it is."""
    out: list[T.Cell] = []
    widest: dict[tuple, T.Cell] = {}
    for row in table.rows:
        cell = row.cells[c]
        if cell is None or cell.colspan != 1 or cell.kind not in T.NUMERIC or cell.value is None:
            continue
        if "text" in cell.__dict__ or cell.places is None:
            out.append(cell)
            continue
        key = (cell.kind, cell.places, cell.parens, cell.suffix, cell.value < 0)
        best = widest.get(key)
        if best is None or abs(cell.value) > abs(best.value):
            widest[key] = cell
    return out + list(widest.values())


def _widths(table: ReportTable) -> list[float]:
    total = 150 if table.orientation == T.LANDSCAPE else 100
    weights = [max(c.width, 0.1) for c in table.columns]
    s = sum(weights)
    widths = [max(5.0, total * w / s) for w in weights]
    for c, col in enumerate(table.columns):
        need = col.min_chars
        for cell in _widest_numbers(table, c):
            need = max(need, len(cell.text))
        widths[c] = max(widths[c], need + 2.5)
    return [round(w, 1) for w in widths]


class _SheetWriter:
    """Writes one table's rows in order: spans pending on later rows, chart cells beside."""

    def __init__(self, ws, styles: Styles, widths: list[float], charts: ChartPlan):
        self.ws, self.styles, self.widths, self.charts = ws, styles, widths, charts
        self.pending: dict[tuple[int, int], object] = {}  # covered position -> its lead's format

    def span(self, r: int, c: int, cell: T.Cell, fmt) -> float:
        """Merge ``cell``'s span (if any); the width it has, in units."""
        if cell.colspan == 1 and cell.rowspan == 1:
            return self.widths[c]
        r2, c2 = r + cell.rowspan - 1, c + cell.colspan - 1
        merge(self.ws, r, c, r2, c2)
        for rr in range(r, r2 + 1):
            for cc in range(c, c2 + 1):
                if (rr, cc) != (r, c):
                    self.pending[(rr, cc)] = fmt
        return sum(self.widths[c:c2 + 1])

    def covered(self, r: int, c: int, fill: str | None) -> None:
        fmt = self.pending.pop((r, c), None)
        self.ws.write_blank(r, c, None, fmt if fmt is not None else self.styles.covered(fill))

    def extras(self, r: int, height: float) -> float:
        """The chart cells planned for row ``r``: their height joins the row's."""
        cols = self.charts.cells.pop(r, None)
        if not cols:
            return height
        ws, st = self.ws, self.styles
        for c, (style, value) in sorted(cols.items()):
            if style in (NUMBER, WHOLE):
                ws.write_number(r, c, value, st.whole if style == WHOLE else None)
                height = max(height, LINE_11)
            elif style == BOLD_TEXT:
                ws.write_string(r, c, value, st.bold)
                height = max(height, LINE_10)
            elif style == SMALL_TEXT:
                ws.write_string(r, c, value, st.small_italic)
                height = max(height, line_height(9))
            else:
                ws.write_string(r, c, value)
                height = max(height, LINE_11)
        return height

    def header_row(self, r: int, cells: list[T.Cell | None]) -> None:
        ws, fmt = self.ws, self.styles.header
        height = self.extras(r, 0.0)
        for c, cell in enumerate(cells):
            if cell is None:
                self.covered(r, c, None)
                continue
            text = safe_text(cell.text)
            height = max(height, wrapped_height(text, self.span(r, c, cell, fmt), 10, True))
            ws.write_string(r, c, text, fmt)
        if height:
            set_height(ws, r, height)  # before the next row starts: that writes this one out

    def body_row(self, r: int, row: T.Row, indent_col: int | None) -> None:
        ws, styles = self.ws, self.styles
        bold, fill = row.is_bold, row_fill(row.level)
        height = self.extras(r, 0.0)
        for c, cell in enumerate(row.cells):
            if cell is None:
                self.covered(r, c, fill)
                continue
            k = cell.kind
            indent = row.depth if c == indent_col else 0
            if k == T.TEXT:
                text = safe_text(cell.text)
                fmt = styles.body(None, bold, fill, cell.halign, True, indent)
                height = max(height, wrapped_height(text, self.span(r, c, cell, fmt), 10, bold, indent))
                ws.write_string(r, c, text, fmt)
                continue
            height = max(height, LINE_10)
            number = cell.number if k in T.NUMERIC else None
            fmt = styles.body(None if number is None else cell.number_format, bold, fill, cell.halign, False, indent)
            self.span(r, c, cell, fmt)
            if k == T.FORMULA:  # the one place a formula is written, from code
                cached = cell.value if isinstance(cell.value, (int, Decimal)) else ""
                ws.write_formula(r, c, cell.formula, fmt, cached)
            elif number is not None:
                ws.write_number(r, c, number, fmt)
            else:
                ws.write_string(r, c, safe_text(cell.text), fmt)
        if height:
            set_height(ws, r, height)

    def note(self, r: int, ncols: int, text: str) -> None:
        write_note(self.ws, self.styles.note, r, self.widths[:ncols], text, self.extras(r, 0.0))


def write_note(ws, fmt, r: int, widths: list[float], text: str, height: float = 0.0) -> None:
    """A note line under a table: across the table's width and wrapped, so it prints whole."""
    text = safe_text(text)
    ws.write_string(r, 0, text, fmt)
    if len(widths) > 1:
        merge(ws, r, 0, r, len(widths) - 1)
        for c in range(1, len(widths)):
            ws.write_blank(r, c, None, fmt)
    set_height(ws, r, max(height, wrapped_height(text, sum(widths), 9)))


def write_table(workbook, ws, sheet: str, table: ReportTable, styles: Styles, paper: str = "A4") -> None:
    n = table.ncols
    widths = _widths(table)
    set_widths(ws, widths)
    hr = FIRST_HEADER_ROW
    body = hr + len(table.header)
    charts = plan_charts(table, body)
    w = _SheetWriter(ws, styles, widths, charts)
    # caption
    caption = safe_text(table.caption)
    set_height(ws, 0, w.extras(0, wrapped_height(caption, sum(widths), 12, True)))
    ws.write_string(0, 0, caption, styles.caption)
    if n > 1:
        merge(ws, 0, 0, 0, n - 1)
        for c in range(1, n):
            ws.write_blank(0, c, None, styles.caption)
    if 1 in charts.cells:
        set_height(ws, 1, w.extras(1, 0.0))
    for i, cells in enumerate(table.header):
        w.header_row(hr + i, cells)
    indent_col = table.indent_col
    for i, row in enumerate(table.rows):
        w.body_row(body + i, row, indent_col)
    end = body + len(table.rows) - 1
    # notes
    r = end + 2
    for extra in range(end + 1, r):  # chart cells on the blank row under the table
        if extra in charts.cells:
            set_height(ws, extra, w.extras(extra, 0.0))
    notes = ([table.source_line] if table.source_line else []) + [x for x in table.notes if x]
    for line in notes + ([F4_NOTE] if paper.upper() == "F4" else []):
        w.note(r, n, line)
        r += 1
    for extra in sorted(charts.cells):  # chart data longer than the table and its notes
        set_height(ws, extra, w.extras(extra, 0.0))
    ws.freeze_panes(body, 0)
    print_setup(ws, landscape=table.orientation == T.LANDSCAPE, paper=paper, title_rows=(hr, body - 1),
                area=(0, 0, max(r - 1, end), n - 1))
    add_charts(workbook, ws, sheet, charts, r + 1)  # below the notes


def _index_row(ws, styles: Styles, r: int, table: ReportTable, name: str) -> None:
    number, title = safe_text(table.number), safe_text(table.title)
    w_number, w_title, w_name = INDEX_WIDTHS
    height = max(wrapped_height(number, w_number, 11), wrapped_height(title, w_title, 11),
                 wrapped_height(name, w_name, 10))
    set_height(ws, r, height)
    ws.write_string(r, 0, number, styles.wrap_top)
    ws.write_string(r, 1, title, styles.wrap_top)
    quoted = name.replace("'", "''")  # a quote inside a sheet name is doubled in a reference
    ws.write_url(r, 2, f"internal:'{quoted}'!A1", styles.link, string=name)


def _write_workbook(wb: SheetsByName, tables: list[ReportTable], paper: str, title: str,
                    progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> None:
    styles = Styles(wb)
    index = wb.add_worksheet("Daftar Tabel")
    set_widths(index, INDEX_WIDTHS)
    set_height(index, 0, line_height(12))
    index.write_string(0, 0, safe_text(title), styles.title)
    set_height(index, 2, LINE_10)
    for c, head in enumerate(("Nomor", "Judul", "Lembar")):
        index.write_string(2, c, head, styles.bold)
    taken = {"daftar tabel"}
    for i, table in enumerate(tables):
        if cancel is not None and cancel():
            raise Cancelled()
        name = sheet_title(table, taken)
        ws = wb.add_worksheet(name)
        write_table(wb, ws, name, table, styles, table.paper or paper)  # the catalogue may give a table its own paper
        _index_row(index, styles, 3 + i, table, name)
        if progress:
            progress(i + 1, len(tables))
    last = 2 + len(tables)
    if paper.upper() == "F4":
        last += 2
        write_note(index, styles.note, last, INDEX_WIDTHS, F4_NOTE)
    index.freeze_panes(3, 0)
    print_setup(index, landscape=False, paper=paper, title_rows=(2, 2), area=(0, 0, last, 2))
    if cancel is not None and cancel():
        raise Cancelled()


def _discard(wb: SheetsByName) -> None:
    """Close the per-sheet row files of a streamed workbook without assembling the file
    (``close()`` would write the whole workbook first), so their folder can go."""
    for ws in wb.worksheets():
        fh = ws.row_data_fh
        if fh is not None and not fh.closed:
            fh.close()


def render_xlsx(tables: Sequence[ReportTable], path: str | os.PathLike, paper: str = "A4", *,
                title: str = "Laporan Kinerja", progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Path:
    """One sheet per table plus a "Daftar Tabel" sheet linking to each. The file is made
    only when complete (XlsxWriter writes it on ``close()``): a cancel leaves none."""
    target = path if hasattr(path, "write") else Path(path)
    rows_files = (tempfile.TemporaryDirectory(prefix="lkip-xlsx-", ignore_cleanup_errors=True) if STREAM_ROWS
                  else nullcontext())
    with rows_files as rows_dir:
        options = {**TEXT_STAYS_TEXT, "constant_memory": STREAM_ROWS, "in_memory": not STREAM_ROWS, "tmpdir": rows_dir}
        wb = SheetsByName(target if hasattr(target, "write") else str(target), options)
        # Tens of thousands of cells, no cycles among them: the collector is paused through
        # close() too, which makes as many objects again (each cell's XML) while every cell
        # is held (on there, its passes walked the whole process: +0.13 s at 10x, more in a
        # process holding more), and the cells go before it is on again.
        with collector.paused():
            try:
                _write_workbook(wb, list(tables), paper, title, progress, cancel)
            except BaseException:
                _discard(wb)
                wb.forget_sheets()
                raise
            try:
                wb.close()
            except FileCreateError as exc:  # XlsxWriter wraps the OSError; callers explain OSErrors
                cause = exc.args[0] if exc.args else None
                if isinstance(cause, OSError):
                    raise cause from None
                raise
            finally:
                wb.forget_sheets()
    return target
