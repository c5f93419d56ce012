"""The whole LKIP as an editable Word document (python-docx).

Walks the blocks of ``document.build_lkip``: the same sentences as the PDF and the same
``ReportTable`` objects as the table export. Each block goes into the file as soon as it is
made (``docx_stream``), so memory does not grow with the document. Tables are written as
WordprocessingML rows directly (python-docx's ``cell()``/``merge()`` rescan the whole grid on every call, which
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
import zipfile
from pathlib import Path
from typing import Callable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reportlab.lib.units import mm

from . import fonts
from . import table as T
from .atomic import write_whole
from .document import (Cover, Heading, LkipDocument, Numbering, PageBreak, SignatureBlock, TableBlock,
                       TableList, Text, Toc)
from .docx_stream import BodyStream
from .docx_table import set_table_layout, table_rows_xml
from .docx_toc import TocEntry, bookmark_name, toc_entries, toc_paragraphs
from .docx_xml import el, field_runs, run, set_font
from .page import fit_columns
from .plain_text import clean
from .table import Cancelled, ReportTable

FONT = "Arial"
PAPERS_MM = {"A4": (210, 297), "F4": (215, 330)}
MARGIN_MM = {"top": 20, "bottom": 20, "left": 25, "right": 20}
TWIPS_PER_MM = 56.6929


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
        self.page_paper = paper  # a table's own paper (the catalogue) while its section lasts
        self.fresh = False  # a Numbering section just began: the next chapter needs no page break
        self.toc_entries: list[TocEntry] = []  # set before the blocks are written
        self.stream: BodyStream | None = None  # set before the blocks are written
        self._fits: dict[tuple[int, float], tuple[float, list[float]]] = {}
        self._marked = 0  # headings bookmarked for the table of contents so far
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

    def _page(self, sec, orientation: str, paper: str | None = None) -> None:
        w, h = PAPERS_MM[paper or self.paper]
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

    def fit(self, table: ReportTable, width: float) -> tuple[float, list[float]]:
        """``page.fit_columns`` once per table and width (the page estimate of the table of
        contents asks first; the tables live as long as the document)."""
        key = (id(table), round(width, 6))
        hit = self._fits.get(key)
        if hit is None:
            hit = self._fits[key] = fit_columns(table, width)
        return hit

    def _paragraph(self, style_id: str | None = None):
        """A new paragraph in a style named by its id (python-docx's lookup by name scans the
        styles part every time)."""
        p = self.doc.add_paragraph()
        if style_id is not None:
            p._p.style = style_id
        return p

    def text_width_mm(self) -> float:
        w, h = PAPERS_MM[self.page_paper]
        if self.orientation == T.LANDSCAPE:
            w = h
        return w - MARGIN_MM["left"] - MARGIN_MM["right"]

    def orient(self, orientation: str, paper: str = "") -> bool:
        """A new section when the orientation or paper changes (True then)."""
        paper = (paper or self.paper).upper()
        if (orientation, paper) == (self.orientation, self.page_paper):
            return False
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False  # only the cover goes without a page number
        _page_numbers(sec, None)  # numbering goes on from the section before
        self.orientation, self.page_paper = orientation, paper
        self._page(sec, orientation, paper)
        return True

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
        first = self.orient(T.PORTRAIT)
        p = self._paragraph(f"Heading{min(max(h.level, 1), 3)}")
        if h.toc:  # the table of contents links here and reads its page from here
            mark = str(self._marked)
            p._p.append(el("w:bookmarkStart", id=mark, name=bookmark_name(self._marked)))
            self._marked += 1
        p._p.append(run(h.text))
        if h.toc:
            p._p.append(el("w:bookmarkEnd", id=mark))
        if h.level == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.page_break_before = not (first or self.fresh)
        self.fresh = False

    def para(self, t: Text) -> None:
        # a sentence after a wide table stays on its landscape page
        para = t.para
        p = self._paragraph("ListBullet" if para.bullet else None)
        if not para.bullet:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if para.placeholder:
            r = run(para.text, italic=True)
            rpr = r.find(qn("w:rPr"))
            rpr.append(el("w:color", val="808080"))
            p._p.append(r)
        else:
            p._p.append(run(para.text))

    def _list_title(self, title: str) -> None:
        """The centred title of a list page (Daftar Isi, Daftar Tabel) on a new portrait page."""
        self.orient(T.PORTRAIT)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.page_break_before = True
        p._p.append(run(title, bold=True, size=14))
        return p

    def toc(self, t: Toc) -> None:
        p = self._list_title(t.title)
        # the entries follow the title, inside the TOC field Word can update
        anchor = p._p
        for entry in toc_paragraphs(self.toc_entries, int(self.text_width_mm() * TWIPS_PER_MM)):
            anchor.addnext(entry)
            anchor = entry

    def table_list(self, t: TableList, captions: list[str]) -> None:
        """The Daftar Tabel: a Word field over the "Caption" paragraphs (Word adds the pages when
        it updates the field), written already holding one entry per table."""
        self._list_title(t.title)
        begin, instr, sep, _shown, end = field_runs('TOC \\h \\z \\t "Caption,1"', "")
        entries = captions or ["Tidak ada tabel."]
        for i, caption in enumerate(entries):
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            if i == 0:
                for r in (begin, instr, sep):
                    p._p.append(r)
            p._p.append(run(caption, size=10))
            if i == len(entries) - 1:
                p._p.append(end)
        self.fresh = False

    def numbering(self, n: Numbering) -> None:
        """A new section, its pages numbered from 1: lower-case roman or arabic."""
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False
        self._page(sec, T.PORTRAIT)
        self.orientation, self.page_paper = T.PORTRAIT, self.paper
        _page_numbers(sec, "lowerRoman" if n.style == "roman" else "decimal")
        self.fresh = True

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
        self.orient(table.orientation, table.paper)
        d = self.doc
        cap = self._paragraph("Caption")
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.keep_with_next = True
        cap._p.append(run(table.caption))
        # the PDF renderer's fit (DejaVu metrics, wider than Arial: safe): font size and widths
        # that keep every figure on one line
        size, widths_pt = self.fit(table, self.text_width_mm() * mm)
        widths = [int(w * 20) for w in widths_pt]  # points -> twips
        tbl = d.add_table(rows=0, cols=table.ncols)
        tbl._tbl.tblPr.style = "TableGrid"  # by id: a style looked up by name is an XPath per call
        set_table_layout(tbl._tbl, widths)
        self.stream.rows_for(tbl._tbl, table_rows_xml(table, widths, size))
        for line in ([table.source_line] if table.source_line else []) + [x for x in table.notes if x]:
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p._p.append(run(line, italic=True, size=8))
        d.add_paragraph().paragraph_format.space_after = Pt(4)

def _page_numbers(sec, fmt: str | None) -> None:
    """Restart the section's page numbers at 1 in ``fmt``; None: continue the previous section's
    (a new section copies the one before it, restart included, so that is removed)."""
    for old in sec._sectPr.findall(qn("w:pgNumType")):
        sec._sectPr.remove(old)
    if fmt is None:
        return
    pg = el("w:pgNumType", fmt=fmt, start="1")
    cols = sec._sectPr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(pg)
    else:
        sec._sectPr.append(pg)


def render_docx(doc: LkipDocument, path: str | os.PathLike, paper: str = "A4", *,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Path:
    """Write the LKIP blocks to a .docx file. ``progress(done, total)`` per table;
    ``cancel()`` returning True stops (nothing is written)."""
    w = _Writer(paper, doc.title)
    w.toc_entries = toc_entries(doc, PAPERS_MM[w.paper], MARGIN_MM, w.fit)
    w.doc.core_properties.title = clean(doc.title)[:255]  # a Word property holds at most 255
    w.doc.core_properties.author = "LKIP Desktop"

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            w.stream = BodyStream(zf, w.doc.element)
            try:
                _write_blocks(w, doc, progress, cancel)
                w.stream.finish(w.doc.save)
            finally:
                w.stream.close()

    return write_whole(Path(path), write)


def _write_blocks(w: _Writer, doc: LkipDocument, progress, cancel) -> None:
    total = len(doc.tables())
    captions = [t.caption for t in doc.tables()]
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
        elif isinstance(block, TableList):
            w.table_list(block, captions)
        elif isinstance(block, Numbering):
            w.numbering(block)
        elif isinstance(block, PageBreak):
            w.page_break()
        elif isinstance(block, SignatureBlock):
            w.signature(block)
        elif isinstance(block, TableBlock):
            w.table(block.table)
            done += 1
            if progress:
                progress(done, total)
        w.stream.flush()
