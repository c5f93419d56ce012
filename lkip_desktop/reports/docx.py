"""The whole LKIP as an editable Word document (python-docx).

Walks the blocks of ``document.build_lkip``: the same sentences as the PDF and the same
``ReportTable`` objects as the table export. Tables are written as WordprocessingML rows
directly (python-docx's ``cell()``/``merge()`` rescan the whole grid on every call, which
is quadratic on the wide Lampiran table): merged header and body cells (``gridSpan`` /
``vMerge``), header rows repeated on every page (``w:tblHeader``), numbers right-aligned as
``Cell.text`` formats them (id-ID, half-up), the wide tables in landscape sections.

Fonts: Word cannot embed fonts through python-docx, so the document names a font every
Windows PC has (``FONT`` = "Arial"; LibreOffice substitutes the metric-compatible Liberation
Sans). Only the PDF carries its own (bundled DejaVu) fonts.

User text is only ever written as ``w:t`` text (characters XML cannot hold are dropped), so
nothing a user typed can become a field code, a hyperlink or markup; the only fields in the
file are the ones written here (the table of contents and the page number).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reportlab.lib.units import mm

from . import fonts
from . import table as T
from .atomic import write_whole
from .document import Cover, Heading, LkipDocument, PageBreak, SignatureBlock, TableBlock, Text, Toc
from .docx_xml import el, field_runs, run, run_xml, set_font
from .page import PAD, fit_columns
from .plain_text import clean
from .table import Cancelled, ReportTable

FONT = "Arial"
PAPERS_MM = {"A4": (210, 297), "F4": (215, 330)}
MARGIN_MM = {"top": 20, "bottom": 20, "left": 25, "right": 20}
HEADER_FILL = "D9E2EC"
PROGRAM_FILL = "EEF2F6"
TOTAL_FILL = "E4E9EE"
TWIPS_PER_MM = 56.6929
INDENT_TWIPS = 140  # per depth step

_ALIGN = {"left": "left", "right": "right", "center": "center"}
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# -- the writer -------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, paper: str, footer: str):
        fonts.register_fonts()  # the column fit measures with the bundled fonts
        paper = (paper or "A4").upper()
        if paper not in PAPERS_MM:
            raise ValueError(f"Ukuran kertas tidak dikenal: {paper} (A4 atau F4)")
        self.paper = paper
        self.doc = Document()
        self.orientation = T.PORTRAIT
        self._styles()
        sec = self.doc.sections[0]
        self._page(sec, T.PORTRAIT)
        self._footer(sec, footer)
        settings = self.doc.settings.element
        upd = el("w:updateFields", val="true")  # Word offers to fill the table of contents on open
        settings.append(upd)

    # setup
    def _styles(self) -> None:
        st = self.doc.styles
        set_font(st["Normal"], FONT, 11)
        st["Normal"].paragraph_format.space_after = Pt(6)
        st["Normal"].paragraph_format.line_spacing = 1.15
        for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
            set_font(st[name], FONT, size, True)
            st[name].paragraph_format.space_before = Pt(12 if name != "Heading 1" else 0)
            st[name].paragraph_format.space_after = Pt(6)
            st[name].paragraph_format.keep_with_next = True
        for name in ("Caption", "List Bullet", "Title", "Footer"):
            set_font(st[name], FONT)
        set_font(st["Caption"], FONT, 10, True)
        st["Caption"].font.italic = False

    def _page(self, sec, orientation: str) -> None:
        w, h = PAPERS_MM[self.paper]
        if orientation == T.LANDSCAPE:
            w, h = h, w
        sec.orientation = WD_ORIENT.LANDSCAPE if orientation == T.LANDSCAPE else WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(w), Mm(h)
        sec.top_margin, sec.bottom_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["bottom"])
        sec.left_margin, sec.right_margin = Mm(MARGIN_MM["left"]), Mm(MARGIN_MM["right"])

    def _footer(self, sec, text: str) -> None:
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p._p.append(run(f"{text} — Halaman ", size=8))
        for r in field_runs("PAGE", "1"):
            p._p.append(r)

    def text_width_mm(self) -> float:
        w, h = PAPERS_MM[self.paper]
        if self.orientation == T.LANDSCAPE:
            w = h
        return w - MARGIN_MM["left"] - MARGIN_MM["right"]

    def orient(self, orientation: str) -> None:
        if orientation == self.orientation:
            return
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False  # only the cover goes without a page number
        self.orientation = orientation
        self._page(sec, orientation)

    # blocks
    def cover(self, c: Cover) -> None:
        d = self.doc
        d.sections[0].different_first_page_header_footer = True  # the cover carries no page number

        def line(text: str, size: float, bold: bool = True, before: float = 0) -> None:
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(before)
            p._p.append(run(text, bold=bold, size=size))

        line(c.title.replace(" TAHUN", "\nTAHUN"), 18, before=60)
        if c.logo:
            try:
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_before = Pt(48)
                p.add_run().add_picture(io.BytesIO(c.logo), height=Mm(45))
            except (UnrecognizedImageError, ValueError, ZeroDivisionError, OSError):
                d.paragraphs[-1]._p.getparent().remove(d.paragraphs[-1]._p)
        line(c.opd, 16, before=72)
        if c.place:
            line(c.place, 14, before=6)
        line(str(c.tahun), 14, before=6)

    def heading(self, h: Heading) -> None:
        first = False
        if self.orientation != T.PORTRAIT:
            self.orient(T.PORTRAIT)
            first = True
        p = self.doc.add_heading(level=min(max(h.level, 1), 3))
        p._p.append(run(h.text))
        if h.level == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.page_break_before = not first

    def para(self, t: Text) -> None:
        # a sentence after a wide table stays on its landscape page
        para = t.para
        p = self.doc.add_paragraph(style="List Bullet" if para.bullet else None)
        if not para.bullet:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if para.placeholder:
            r = run(para.text, italic=True)
            rpr = r.find(qn("w:rPr"))
            rpr.append(el("w:color", val="808080"))
            p._p.append(r)
        else:
            p._p.append(run(para.text))

    def toc(self, t: Toc) -> None:
        if self.orientation != T.PORTRAIT:
            self.orient(T.PORTRAIT)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.page_break_before = True
        p._p.append(run(t.title, bold=True, size=14))
        p = self.doc.add_paragraph()
        for r in field_runs('TOC \\o "1-3" \\h \\z \\u',
                             "Daftar isi: klik kanan di sini lalu pilih Perbarui Bidang (Update Field)."):
            p._p.append(r)

    def signature(self, block: SignatureBlock) -> None:
        """The kepala's signature, centred in the right half of the page."""
        sig = block.sig
        for text, bold, gap in ((sig.place_date, False, 12), (sig.jabatan, False, 0), (sig.nama, True, 60),
                                (sig.pangkat, False, 0), (sig.nip, False, 0)):
            if not text:
                continue
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt = p.paragraph_format
            fmt.left_indent = Mm(self.text_width_mm() / 2)
            fmt.space_before = Pt(gap)
            fmt.space_after = Pt(0)
            fmt.keep_with_next = True
            r = run(text, bold=bold)
            if bold:
                r.find(qn("w:rPr")).append(el("w:u", val="single"))
            p._p.append(r)

    def page_break(self) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.page_break_before = True

    def table(self, table: ReportTable) -> None:
        self.orient(table.orientation)
        d = self.doc
        cap = d.add_paragraph(style="Caption")
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.keep_with_next = True
        cap._p.append(run(table.caption))
        # the PDF renderer's fit (DejaVu metrics, wider than Arial: safe): font size and widths
        # that keep every figure on one line
        size, widths_pt = fit_columns(table, self.text_width_mm() * mm)
        widths = [int(w * 20) for w in widths_pt]  # points -> twips
        tbl = d.add_table(rows=0, cols=table.ncols)
        tbl.style = d.styles["Table Grid"]
        self._table_xml(tbl._tbl, table, widths, size)
        for line in ([f"Sumber: {table.source}"] if table.source else []) + [x for x in table.notes if x]:
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p._p.append(run(line, italic=True, size=8))
        d.add_paragraph().paragraph_format.space_after = Pt(4)

    def _table_xml(self, tbl, table: ReportTable, widths: list[int], size: float) -> None:
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
        head_cover = self._covered(table.header)
        parts = [f"<w:tbl {_NS}>"]
        for r, cells in enumerate(table.header):
            parts.append(self._row(table, cells, widths, size, header=True, row=None, continues=head_cover[r]))
        body_cover = self._covered([row.cells for row in table.rows])
        for r, row in enumerate(table.rows):
            parts.append(self._row(table, row.cells, widths, size, header=False, row=row, continues=body_cover[r]))
        parts.append("</w:tbl>")
        # rows as text, parsed once: building ~10 elements per cell through OxmlElement is
        # the slow part of a large table
        for tr in list(parse_xml("".join(parts))):
            tbl.append(tr)

    @staticmethod
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

    def _row(self, table: ReportTable, cells, widths, size, *, header: bool, row, continues: dict[int, int]) -> str:
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
                out.append(self._tc(None, sum(widths[c:c + span]), span, "continue", fill, bold, size, header, 0))
                c += span
                continue
            vm = "restart" if cell.rowspan > 1 else None
            out.append(self._tc(cell, sum(widths[c:c + cell.colspan]), cell.colspan, vm, fill, bold, size, header,
                                depth if c == table.indent_col else 0))
            c += cell.colspan
        out.append("</w:tr>")
        return "".join(out)

    @staticmethod
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


def render_docx(doc: LkipDocument, path: str | os.PathLike, paper: str = "A4", *,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Path:
    """Write the LKIP blocks to a .docx file. ``progress(done, total)`` per table;
    ``cancel()`` returning True stops (nothing is written)."""
    path = Path(path)
    w = _Writer(paper, doc.title)
    total = len(doc.tables())
    done = 0
    for block in doc.blocks:
        if cancel is not None and cancel():
            raise Cancelled()
        if isinstance(block, Cover):
            w.cover(block)
        elif isinstance(block, Heading):
            w.heading(block)
        elif isinstance(block, Text):
            w.para(block)
        elif isinstance(block, Toc):
            w.toc(block)
        elif isinstance(block, PageBreak):
            w.page_break()
        elif isinstance(block, SignatureBlock):
            w.signature(block)
        elif isinstance(block, TableBlock):
            w.table(block.table)
            done += 1
            if progress:
                progress(done, total)
    w.doc.core_properties.title = clean(doc.title)[:255]  # a Word property holds at most 255
    w.doc.core_properties.author = "LKIP Desktop"
    return write_whole(path, lambda tmp: w.doc.save(str(tmp)))
