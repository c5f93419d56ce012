"""ReportTable -> Excel workbook with openpyxl: one sheet per table.

Numbers are stored as numbers (rupiah ``int``, other figures ``Decimal`` rounded half-up
to the places shown, so a cell holds what it displays) with a number format; the file
keeps US notation and Excel shows the reader's own separators.

No text becomes a formula: openpyxl turns any string starting with "=" into a formula
and "#N/A"-like strings into error cells, so every text cell gets ``data_type = "s"``
after assignment. Only a ``formula`` cell of the ReportTable is written as a formula.
"""

from __future__ import annotations

import os
import re
from copy import copy
from pathlib import Path
from typing import Callable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from . import table as T
from .table import Cancelled, Chart, ReportTable
from .xlsx_layout import fit_row_heights, print_setup

FIRST_HEADER_ROW = 3
F4_NOTE = ("Kertas F4 (215 × 330 mm) tidak dikenal Excel: lembar diatur ke Folio (8,5 × 13 inci = 216 × 330 mm), "
           "ukuran yang praktis sama.")

_THIN = Side(style="thin", color="444444")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2EC")
PROGRAM_FILL = PatternFill("solid", fgColor="EEF2F6")
TOTAL_FILL = PatternFill("solid", fgColor="E4E9EE")
BOLD = Font(name="Calibri", size=10, bold=True)
REGULAR = Font(name="Calibri", size=10)
CAPTION_FONT = Font(name="Calibri", size=12, bold=True)
NOTE_FONT = Font(name="Calibri", size=9, italic=True)
WRAP_TOP = Alignment(vertical="top", wrap_text=True)

_BAD_TITLE = re.compile(r"[\\*?:/\[\]]")
_SURROGATES = re.compile("[\ud800-\udfff]")


EXCEL_CELL_CHARS = 32_767  # Excel refuses to open a file with a longer cell


def safe_text(text: str | None) -> str:
    """Text openpyxl can store and Excel can open (control characters and lone surrogates
    dropped; beyond Excel's cell limit shortened with "…")."""
    text = _SURROGATES.sub("", ILLEGAL_CHARACTERS_RE.sub("", text or ""))
    return text if len(text) <= EXCEL_CELL_CHARS else text[:EXCEL_CELL_CHARS - 1] + "…"


def put_text(ws: Worksheet, row: int, col: int, text: str):
    """Write user text as text, whatever it starts with (=, +, -, @, #N/A …)."""
    cell = ws.cell(row=row, column=col)
    cell.value = safe_text(text)
    cell.data_type = "s"
    return cell


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """``ws.merge_cells`` without its overlap scan (quadratic in the number of merges; the
    wide Lampiran table has thousands) and without rebuilding border objects per edge
    cell: the covered cells take the lead cell's finished style (its borders, its fill).
    ReportTable.validate() guarantees our spans never overlap."""
    ws.merged_cells.ranges.add(CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2))
    style = ws.cell(row=r1, column=c1)._style
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            if (r, c) != (r1, c1):
                mc = MergedCell(ws, r, c)
                mc._style = copy(style)
                ws._cells[(r, c)] = mc


def note(ws: Worksheet, row: int, ncols: int, text: str) -> None:
    """A note line under a table: across the table's width and wrapped, so it prints whole."""
    put_text(ws, row, 1, text).font = NOTE_FONT
    ws.cell(row=row, column=1).alignment = Alignment(vertical="top", wrap_text=True)
    if ncols > 1:
        merge(ws, row, 1, row, ncols)


def sheet_title(table: ReportTable, taken: set[str]) -> str:
    base = _BAD_TITLE.sub(" ", safe_text(f"T{table.number} {table.title}" if table.number else table.title))
    base = re.sub(r"\s+", " ", base).strip().strip("'").strip()
    if len(base) > 31:  # cut at a word
        cut = base[:31]
        base = cut[:cut.rfind(" ")] if " " in cut[6:] else cut
    base = base.rstrip(" ,-'") or "Tabel"
    if base.lower() == "history":  # reserved by Excel
        base = "Tabel history"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[:31 - len(suffix)].rstrip(" '") + suffix
        n += 1
    taken.add(title.lower())
    return title


class _StyleCache:
    """Styling a cell through openpyxl's style objects hashes them every time; copying the
    finished StyleArray of an identical cell is many times faster."""

    def __init__(self):
        self._arrays: dict[tuple, object] = {}

    def apply(self, target, key: tuple, make) -> None:
        arr = self._arrays.get(key)
        if arr is None:
            make(target)
            self._arrays[key] = copy(target._style)
        else:
            target._style = copy(arr)


def _write_cell(ws: Worksheet, r: int, c: int, cell: T.Cell, bold: bool, fill, indent: int,
                styles: _StyleCache) -> None:
    k = cell.kind
    fmt = None
    if k == T.FORMULA:
        target = ws.cell(row=r, column=c)
        target.value = cell.formula  # the one place a formula is written, from code
    elif k in T.NUMERIC and cell.number is not None:
        target = ws.cell(row=r, column=c)
        target.value = cell.number
        fmt = cell.number_format
    else:
        target = put_text(ws, r, c, cell.text)
    halign, wrap = cell.halign, k == T.TEXT

    def make(t):
        t.border = BORDER
        t.font = BOLD if bold else REGULAR
        if fill is not None:
            t.fill = fill
        if fmt:
            t.number_format = fmt
        t.alignment = Alignment(horizontal=halign, vertical="top", wrap_text=wrap, indent=indent)

    styles.apply(target, (fmt, bold, id(fill), halign, wrap, indent), make)


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
    return widths


def write_table(ws: Worksheet, table: ReportTable, paper: str = "A4") -> None:
    n = table.ncols
    put_text(ws, 1, 1, table.caption).font = CAPTION_FONT
    merge(ws, 1, 1, 1, n)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
    # header
    hr = FIRST_HEADER_ROW
    for i, cells in enumerate(table.header):
        for c, cell in enumerate(cells):
            target = ws.cell(row=hr + i, column=c + 1)
            target.border = BORDER
            target.fill = HEADER_FILL
            if cell is None:
                continue
            put_text(ws, hr + i, c + 1, cell.text)
            target.font = BOLD
            target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, c, cell in table.spans("header"):
        merge(ws, hr + r, c + 1, hr + r + cell.rowspan - 1, c + cell.colspan)
    body = hr + len(table.header)
    # body
    indent_col = table.indent_col
    styles = _StyleCache()
    for i, row in enumerate(table.rows):
        r = body + i
        bold = row.is_bold
        fill = PROGRAM_FILL if row.level == T.PROGRAM else TOTAL_FILL if row.level == T.TOTAL else None
        for c, cell in enumerate(row.cells):
            if cell is None:
                target = ws.cell(row=r, column=c + 1)

                def make(t, fill=fill):
                    t.border = BORDER
                    if fill is not None:
                        t.fill = fill

                styles.apply(target, ("covered", id(fill)), make)
                continue
            _write_cell(ws, r, c + 1, cell, bold, fill, row.depth if c == indent_col else 0, styles)
    for r, c, cell in table.spans("body"):
        merge(ws, body + r, c + 1, body + r + cell.rowspan - 1, c + cell.colspan)
    end = body + len(table.rows) - 1
    # notes
    r = end + 2
    notes = ([table.source_line] if table.source_line else []) + [x for x in table.notes if x]
    for line in notes + ([F4_NOTE] if paper.upper() == "F4" else []):
        note(ws, r, n, line)
        r += 1
    # layout and print setup
    for c, w in enumerate(_widths(table), 1):
        ws.column_dimensions[get_column_letter(c)].width = round(w, 1)
    ws.freeze_panes = ws.cell(row=body, column=1)
    fit_row_heights(ws)
    print_setup(ws, landscape=table.orientation == T.LANDSCAPE, paper=paper, title_rows=(hr, body - 1),
                area=f"A1:{get_column_letter(n)}{max(r - 1, end)}")
    # charts below the notes
    anchor_row = r + 1
    for ch in table.charts:
        _add_chart(ws, table, ch, body, anchor_row)
        anchor_row += 20


def _add_chart(ws: Worksheet, table: ReportTable, ch: Chart, body: int, anchor_row: int) -> None:
    rows = ch.rows
    if not rows:
        return
    contiguous = rows == list(range(rows[0], rows[0] + len(rows)))
    if contiguous:
        first, last = body + rows[0], body + rows[-1]
        cats = Reference(ws, min_col=ch.label_col + 1, min_row=first, max_row=last)
        refs = [(name, Reference(ws, min_col=col + 1, min_row=first, max_row=last)) for name, col in ch.series]
    else:
        # Rows apart (a heading between them): copy the plotted cells into a small block.
        col0 = table.ncols + 2
        put_text(ws, body - 1, col0, "Data grafik").font = BOLD
        first = body
        for k, r in enumerate(rows):
            put_text(ws, first + k, col0, table.rows[r].cells[ch.label_col].text)
            for j, (_name, col) in enumerate(ch.series):
                v = table.rows[r].cells[col].chart_value
                ws.cell(row=first + k, column=col0 + 1 + j, value=v)
        last = first + len(rows) - 1
        cats = Reference(ws, min_col=col0, min_row=first, max_row=last)
        refs = [(name, Reference(ws, min_col=col0 + 1 + j, min_row=first, max_row=last))
                for j, (name, _c) in enumerate(ch.series)]
    if ch.kind == "line":
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "col"
        chart.gapWidth = 60
    chart.title = safe_text(ch.title) or None  # chart XML is as strict as cell text
    chart.y_axis.title = safe_text(ch.y_title) or None
    chart.height, chart.width = 9, 18
    for name, ref in refs:
        chart.add_data(ref, titles_from_data=False)
        chart.series[-1].tx = None
        from openpyxl.chart.series import SeriesLabel

        chart.series[-1].tx = SeriesLabel(v=safe_text(name))
    chart.set_categories(cats)
    if ch.reference is not None:
        # a constant series beside the table draws the 100 % line
        col_ref = table.ncols + (6 if not contiguous else 2)
        put_text(ws, first - 1, col_ref, ch.reference_label or "Acuan").font = NOTE_FONT
        for r in range(first, last + 1):
            ws.cell(row=r, column=col_ref, value=ch.reference).number_format = "0"
        line = LineChart()
        line.add_data(Reference(ws, min_col=col_ref, min_row=first, max_row=last), titles_from_data=False)
        from openpyxl.chart.series import SeriesLabel

        line.series[0].tx = SeriesLabel(v=safe_text(ch.reference_label or "Acuan"))
        line.series[0].graphicalProperties.line.solidFill = "D62728"
        line.series[0].graphicalProperties.line.dashStyle = "dash"
        chart += line
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, f"A{anchor_row}")


def render_xlsx(tables: Sequence[ReportTable], path: str | os.PathLike, paper: str = "A4", *,
                title: str = "Laporan Kinerja", progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Path:
    """One sheet per table plus a "Daftar Tabel" sheet linking to each."""
    path = Path(path)
    wb = Workbook()
    index = wb.active
    index.title = "Daftar Tabel"
    put_text(index, 1, 1, title).font = CAPTION_FONT
    put_text(index, 3, 1, "Nomor").font = BOLD
    put_text(index, 3, 2, "Judul").font = BOLD
    put_text(index, 3, 3, "Lembar").font = BOLD
    index.column_dimensions["A"].width = 8
    index.column_dimensions["B"].width = 66
    index.column_dimensions["C"].width = 32
    taken = {"daftar tabel"}
    tables = list(tables)
    for i, table in enumerate(tables):
        if cancel is not None and cancel():
            raise Cancelled()
        name = sheet_title(table, taken)
        ws = wb.create_sheet(name)
        write_table(ws, table, table.paper or paper)  # the catalogue may give a table its own paper
        r = 4 + i
        put_text(index, r, 1, table.number).alignment = WRAP_TOP
        put_text(index, r, 2, table.title).alignment = WRAP_TOP
        link = put_text(index, r, 3, name)
        quoted = name.replace("'", "''")  # a quote inside a sheet name is doubled in a reference
        link.hyperlink = f"#'{quoted}'!A1"
        link.font = Font(name="Calibri", size=10, color="1F4E9E", underline="single")
        link.alignment = WRAP_TOP
        if progress:
            progress(i + 1, len(tables))
    last = 3 + len(tables)
    if paper.upper() == "F4":
        last += 2
        note(index, last, 3, F4_NOTE)
    index.freeze_panes = "A4"
    fit_row_heights(index)
    print_setup(index, landscape=False, paper=paper, title_rows=(3, 3), area=f"A1:C{last}")
    if cancel is not None and cancel():
        raise Cancelled()
    wb.save(path)
    return path
