"""The bare baselines of the export lines: what a competent programmer writes with reportlab
or openpyxl alone to print the same cells, in the same fonts, with the same wrapping and
styles. They read the ReportTables' raw values and format numbers themselves (id-ID, with
str.format), so they never reuse text the app already formatted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from lkip_desktop.reports import table as T

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
_SWAP = str.maketrans(",.", ".,")


def id_number(cell: T.Cell) -> str:
    """A numeric cell as id-ID text ("1.234,56"; rupiah "(5.000)" and "-" for 0)."""
    v = cell.value
    if v is None:
        return "-"
    if cell.kind == T.RUPIAH:
        if v == 0:
            return "-"
        body = f"{abs(v):,}".translate(_SWAP)
        return f"({body})" if v < 0 else body
    places = cell.places if cell.places is not None else 2
    text = f"{Decimal(v):,.{places}f}".translate(_SWAP)
    if cell.parens and text.startswith("-"):
        text = f"({text[1:]})"
    return text + cell.suffix


def cell_text(cell: T.Cell | None) -> str:
    if cell is None:
        return ""
    if cell.kind in T.NUMERIC:
        return id_number(cell)
    v = cell.value
    return "" if v is None else str(v)


# -- reportlab ---------------------------------------------------------------------------------

def register_fonts() -> None:
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))


def bare_pdf(tables: list[T.ReportTable], path: Path) -> None:
    """platypus: one Table per ReportTable (header repeated on every page), each text cell a
    Paragraph (so it wraps), numbers as strings, the same DejaVu fonts, spans, grid, fills."""
    register_fonts()
    page = landscape(A4)
    margin = 36
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin)
    size = 7
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=size, leading=size * 1.2)
    bold = ParagraphStyle("bb", parent=body, fontName="DejaVuSans-Bold")
    caption = ParagraphStyle("c", fontName="DejaVuSans-Bold", fontSize=10, leading=13, alignment=1)
    story = []
    width = page[0] - 2 * margin
    for t in tables:
        weights = [max(c.width, 0.1) for c in t.columns]
        col_w = [width * w / sum(weights) for w in weights]
        data = []
        nh = len(t.header)
        for cells in t.header:
            data.append([Paragraph(c.text, bold) if c is not None else "" for c in cells])
        cmds = [("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"), ("FONTSIZE", (0, 0), (-1, -1), size),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#444444")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor("#D9E2EC"))]
        for r, row in enumerate(t.rows):
            style = bold if row.is_bold else body
            out = []
            for c in row.cells:
                if c is not None and c.kind == T.TEXT:
                    out.append(Paragraph(cell_text(c), style))
                else:
                    out.append(cell_text(c))
            data.append(out)
            if row.is_bold:
                cmds.append(("FONTNAME", (0, nh + r), (-1, nh + r), "DejaVuSans-Bold"))
            if row.level in (T.PROGRAM, T.TOTAL):
                cmds.append(("BACKGROUND", (0, nh + r), (-1, nh + r), colors.HexColor("#EEF2F6")))
        # header spans only: platypus cannot split a row-span group taller than a page (the
        # app cuts such groups itself), so the bare leaves body spans unmerged
        for r, c, cell in t.spans("header"):
            cmds.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        story.append(Paragraph(t.caption, caption))
        story.append(Table(data, colWidths=col_w, repeatRows=nh, style=TableStyle(cmds)))
        story.append(PageBreak())
    doc.build(story)


# -- openpyxl ----------------------------------------------------------------------------------

def merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:
    """``ws.merge_cells`` without its overlap check, which scans every earlier merge (quadratic:
    at 10x the Lampiran table's merges alone took many minutes); borders as merge_cells sets them."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    mcr = MergedCellRange(ws, f"{ws.cell(r1, c1).coordinate}:{ws.cell(r2, c2).coordinate}")
    ws.merged_cells.ranges.add(mcr)
    cells = mcr.cells
    next(cells)  # the top-left cell keeps its value
    for row, col in cells:
        ws._cells[row, col] = MergedCell(ws, row, col)
    mcr.format()


def bare_xlsx(tables: list[T.ReportTable], path: Path) -> None:
    """One sheet per table with the app's styles set the ordinary way (font, border, fill,
    number format, alignment per cell), merges, column widths, frozen header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="444444")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E2EC")
    row_fill = PatternFill("solid", fgColor="EEF2F6")
    regular, bold = Font(name="Calibri", size=10), Font(name="Calibri", size=10, bold=True)
    wb = Workbook()
    wb.remove(wb.active)
    for i, t in enumerate(tables):
        ws = wb.create_sheet(f"T{i + 1}")
        ws.cell(row=1, column=1, value=t.caption).font = Font(name="Calibri", size=12, bold=True)
        merge(ws, 1, 1, 1, t.ncols)
        for r, cells in enumerate(t.header, 3):
            for c, cell in enumerate(cells, 1):
                x = ws.cell(row=r, column=c, value=cell.text if cell is not None else None)
                x.font, x.border, x.fill = bold, border, head_fill
                x.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        body = 3 + len(t.header)
        widths = [float(col.min_chars) for col in t.columns]
        for r, row in enumerate(t.rows, body):
            font = bold if row.is_bold else regular
            fill = row_fill if row.level in (T.PROGRAM, T.TOTAL) else None
            for c, cell in enumerate(row.cells, 1):
                x = ws.cell(row=r, column=c)
                x.border = border
                if fill is not None:
                    x.fill = fill
                if cell is None:
                    continue
                if cell.kind in T.NUMERIC and cell.value is not None:
                    x.value = cell.value
                    x.number_format = "#,##0" if cell.kind == T.RUPIAH else "#,##0.00"
                    widths[c - 1] = max(widths[c - 1], len(id_number(cell)))
                else:
                    x.value = cell_text(cell)
                    x.data_type = "s"
                x.font = font
                x.alignment = Alignment(horizontal=cell.halign, vertical="top", wrap_text=cell.kind == T.TEXT)
        for part, off in (("header", 3), ("body", body)):
            for r, c, cell in t.spans(part):
                merge(ws, off + r, c + 1, off + r + cell.rowspan - 1, c + cell.colspan)
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = max(w + 2.5, 8)
        ws.freeze_panes = ws.cell(row=body, column=1)
    wb.save(path)


def bare_xlsx_values(tables: list[T.ReportTable], path: Path) -> None:
    """Values only: one sheet per table, ``ws.append`` of header texts and body values."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for i, t in enumerate(tables):
        ws = wb.create_sheet(f"T{i + 1}")
        for cells in t.header:
            ws.append([c.text if c is not None else None for c in cells])
        for row in t.rows:
            ws.append([None if c is None else c.value if c.kind in T.NUMERIC else cell_text(c)
                       for c in row.cells])
    wb.save(path)
