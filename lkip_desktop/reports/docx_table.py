"""A ReportTable as WordprocessingML rows, written as XML text and never parsed (python-docx's
``cell()``/``merge()`` rescan the grid on every call, quadratic on the wide Lampiran table,
and a parsed tree of a city-size table takes gigabytes): the body stream writes them out.
Merged cells (``gridSpan`` / ``vMerge``), header rows repeated on every page (``w:tblHeader``),
fills by row level, indents by depth, and the PDF's cell padding so its column widths fit."""

from __future__ import annotations

from typing import Iterator

from docx.oxml.ns import qn

from . import table as T
from .docx_xml import el, run_xml
from .page import PAD
from .table import ReportTable

HEADER_FILL = "D9E2EC"
PROGRAM_FILL = "EEF2F6"
TOTAL_FILL = "E4E9EE"
INDENT_TWIPS = 140  # per depth step

_ALIGN = {"left": "left", "right": "right", "center": "center"}


def set_table_layout(tbl, widths: list[int]) -> None:
    """Fixed column widths (twips), centred, with the PDF's cell padding, on the (row-less)
    Word table element ``tbl``."""
    tblpr = tbl.tblPr
    # schema order inside tblPr: tblStyle, tblW, jc, …, tblLayout, tblCellMar, tblLook
    for tag in ("w:tblW", "w:jc", "w:tblLayout"):
        old = tblpr.find(qn(tag))
        if old is not None:
            tblpr.remove(old)
    tblw = el("w:tblW", w=sum(widths), type="dxa")
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(tblw)
    else:
        tblpr.insert(0, tblw)
    jc = el("w:jc", val="center")
    tblw.addnext(jc)
    layout = el("w:tblLayout", type="fixed")
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(layout)
    else:
        tblpr.append(layout)
    mar = el("w:tblCellMar")  # the PDF's cell padding, so its widths fit here too
    for side, w in (("top", 20), ("left", int(PAD * 20)), ("bottom", 20), ("right", int(PAD * 20))):
        mar.append(el(f"w:{side}", w=w, type="dxa"))
    layout.addnext(mar)
    grid = tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(w))


def table_rows_xml(table: ReportTable, widths: list[int], size: float) -> Iterator[str]:
    """``table``'s header and body rows (``w:tr``), one XML string each, made as they are
    written (the ``w`` prefix is declared by the document root)."""
    head_cover = _covered(table.header)
    for r, cells in enumerate(table.header):
        yield _row(table, cells, widths, size, header=True, row=None, continues=head_cover[r])
    body_cover = _covered([row.cells for row in table.rows])
    for r, row in enumerate(table.rows):
        yield _row(table, row.cells, widths, size, header=False, row=row, continues=body_cover[r])

def _covered(grid) -> list[dict[int, int]]:
    """Per row, the columns covered by a row span from above: col -> that span's colspan
    (one pass, however long the spans)."""
    out: list[dict[int, int]] = []
    active: dict[int, tuple[int, int]] = {}  # col -> (last row, colspan)
    for r, cells in enumerate(grid):
        out.append({c: cs for c, (last, cs) in active.items() if last >= r})
        active = {c: v for c, v in active.items() if v[0] > r}
        for c, cell in enumerate(cells):
            if cell is not None and cell.rowspan > 1:
                active[c] = (r + cell.rowspan - 1, cell.colspan)
    return out

def _row(table: ReportTable, cells, widths, size, *, header: bool, row, continues: dict[int, int]) -> str:
    bold = header or (row is not None and row.is_bold)
    fill = HEADER_FILL if header else (PROGRAM_FILL if row is not None and row.level == T.PROGRAM else
                                       TOTAL_FILL if row is not None and row.level == T.TOTAL else None)
    depth = row.depth if row is not None else 0
    out = ["<w:tr><w:trPr><w:cantSplit/>", "<w:tblHeader/>" if header else "", "</w:trPr>"]
    c = 0
    n = table.ncols
    while c < n:
        cell = cells[c]
        if cell is None:
            span = continues.get(c)
            if span is None:  # covered by a colspan to the left (already written)
                c += 1
                continue
            out.append(_tc(None, sum(widths[c:c + span]), span, "continue", fill, bold, size, header, 0))
            c += span
            continue
        vm = "restart" if cell.rowspan > 1 else None
        out.append(_tc(cell, sum(widths[c:c + cell.colspan]), cell.colspan, vm, fill, bold, size, header,
                            depth if c == table.indent_col else 0))
        c += cell.colspan
    out.append("</w:tr>")
    return "".join(out)

def _tc(cell, width, span, vmerge, fill, bold, size, header, depth) -> str:
    # element order as the schema wants it: tcW, gridSpan, vMerge, shd, vAlign
    pr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        pr.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        pr.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        pr.append("<w:vMerge/>")
    if fill:
        pr.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    pr.append(f'<w:vAlign w:val="{"center" if header else "top"}"/>')
    align = "center" if header else (cell.halign if cell is not None else "left")
    ppr = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    if depth:
        ppr += f'<w:ind w:left="{depth * INDENT_TWIPS}"/>'
    ppr += f'<w:jc w:val="{_ALIGN.get(align, "left")}"/>'
    text_run = run_xml(cell.text, bold=bold, size=size) if cell is not None else ""
    return f"<w:tc><w:tcPr>{''.join(pr)}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{text_run}</w:p></w:tc>"
