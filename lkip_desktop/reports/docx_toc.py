"""The Word table of contents written with its entries, so it reads right before anyone
updates fields (LibreOffice and Word's protected view show a field's stored text).

``toc_entries`` walks the LKIP blocks once and estimates the page each heading lands on
(Arial measured with reportlab's metric-compatible Helvetica; Word's own layout may move
a heading by a page). ``toc_paragraphs`` writes the entries inside a TOC field, each a
link to the heading's ``_Toc`` bookmark with a PAGEREF field for its page: Word's "Update
Field" rebuilds the same thing with exact pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from docx.oxml import parse_xml
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from . import table as T
from .document import (Cover, Heading, LkipDocument, Numbering, PageBreak, SignatureBlock, TableBlock, TableList,
                       Text, Toc)
from .docx_xml import run_xml
from .page import PAD, fit_columns
from .text_wrap import wrap_lines

PT_PER_MM = 72 / 25.4
METRIC_FONT = "Helvetica"  # the same widths as Arial
LINE = 1.15 * 1.15  # Arial's single line (1.15 em) at the document's 1.15 line spacing
ROW_SLACK = 1.06  # table rows come out a little taller in Word and LibreOffice than measured
TOC_INSTR = 'TOC \\o "1-3" \\h \\z \\u'
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class TocEntry:
    text: str
    level: int
    bookmark: str
    page: str  # as the page shows it: "iii" in the front matter, "7" from Bab I


def bookmark_name(i: int) -> str:
    """The hidden bookmark (Word hides names starting with "_") on the i-th heading."""
    return f"_TocLkip{i:04d}"


class _Pages:
    """A running estimate of the page a block starts on."""

    def __init__(self, page_mm: tuple[float, float], margin_mm: dict[str, float], fit=fit_columns):
        self.page_mm, self.margin_mm, self.fit = page_mm, margin_mm, fit
        self.page, self.used, self.orientation = 1, 0.0, T.PORTRAIT

    def size(self, orientation: str) -> tuple[float, float]:
        w, h = self.page_mm
        if orientation == T.LANDSCAPE:
            w, h = h, w
        m = self.margin_mm
        return (w - m["left"] - m["right"]) * PT_PER_MM, (h - m["top"] - m["bottom"]) * PT_PER_MM

    def new_page(self, orientation: str | None = None) -> None:
        self.page += 1
        self.used = 0.0
        if orientation is not None:
            self.orientation = orientation

    def add(self, height: float) -> None:
        self.keep(height)
        self.used += height

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` still fits on this one."""
        if self.used and self.used + height > self.size(self.orientation)[1]:
            self.new_page()

    def lines(self, text: str, size: float, width: float, after: float = 0.0) -> None:
        for _ in wrap_lines(text, METRIC_FONT, size, width):
            self.add(size * LINE)
        self.used += after

    def table(self, table: T.ReportTable) -> None:
        if table.orientation != self.orientation:
            self.new_page(table.orientation)
        width = self.size(self.orientation)[0]
        self.lines(table.caption, 10, width, 6)
        size, widths = self.fit(table, width)
        header = sum(self._row(cells, widths, size) for cells in table.header)
        self.add(header)
        for row in table.rows:
            h = self._row(row.cells, widths, size)
            if self.used + h > self.size(self.orientation)[1]:
                self.new_page()
                self.used = header  # the header rows repeat
            self.used += h
        notes = ([table.source] if table.source else []) + [x for x in table.notes if x]
        for line in notes:
            self.lines(line, 8, width)
        self.add(11 * LINE + 4)

    @staticmethod
    def _row(cells, widths, size) -> float:
        lines = 1
        for c, cell in enumerate(cells):
            if cell is not None:
                w = max(sum(widths[c:c + cell.colspan]) - 2 * PAD, size)
                text = cell.text
                if "\n" in text or stringWidth(text, METRIC_FONT, size) > w:  # else one line: no split
                    lines = max(lines, len(wrap_lines(text, METRIC_FONT, size, w)))
        return lines * size * 1.15 * ROW_SLACK + 2.0


def toc_entries(doc: LkipDocument, page_mm: tuple[float, float], margin_mm: dict[str, float],
                fit=fit_columns) -> list[TocEntry]:
    """Every heading of the table of contents with the page it is estimated to start on
    (``fit``: ``page.fit_columns`` or a memo of it shared with the renderer)."""
    fonts.register_fonts()  # the column fit measures with the bundled fonts
    heads = [b for b in doc.blocks if isinstance(b, Heading) and b.toc]
    tables = [b for b in doc.blocks if isinstance(b, TableBlock)]
    pages = _Pages(page_mm, margin_mm, fit)
    out: list[TocEntry] = []
    started = fresh = False
    first, style = 1, "arabic"  # the physical page where the numbering restarted, and its style
    for block in doc.blocks:
        width = pages.size(pages.orientation)[0]
        if isinstance(block, Cover):
            started = True
        elif isinstance(block, Numbering):
            pages.new_page(T.PORTRAIT)
            first, style, fresh, started = pages.page, block.style, True, True
        elif isinstance(block, Heading):
            if (block.level == 1 or pages.orientation != T.PORTRAIT) and not fresh:
                if started:
                    pages.new_page(T.PORTRAIT)
                started = True
            fresh = False
            size = {1: 14, 2: 12}.get(block.level, 11)
            pages.keep(12 + size * LINE + 6 + 3 * 11 * LINE)  # a heading stays with what follows it
            pages.used += 0 if block.level == 1 or not pages.used else 12
            if block.toc:
                shown = pages.page - first + 1
                out.append(TocEntry(block.text, block.level, bookmark_name(len(out)),
                                    _roman(shown) if style == "roman" else str(shown)))
            pages.lines(block.text, size, width, 6)
        elif isinstance(block, Text):
            fresh = False
            pages.lines(block.para.text, 11, width - (18 if block.para.bullet else 0), 6)
        elif isinstance(block, Toc):
            if not fresh:
                pages.new_page(T.PORTRAIT)
            fresh = False
            pages.lines(block.title, 14, width, 6)
            for h in heads:
                pages.lines(h.text, 11, width - 11 * (h.level - 1), 2)
        elif isinstance(block, TableList):
            if not fresh:
                pages.new_page(T.PORTRAIT)
            fresh = False
            pages.lines(block.title, 14, width, 6)
            for t in tables:
                pages.lines(t.table.caption or "", 10, width, 2)
        elif isinstance(block, SignatureBlock):
            pages.add(8 * 11 * LINE)  # place and date, jabatan, room to sign, name, pangkat, NIP
        elif isinstance(block, PageBreak):
            pages.new_page()
        elif isinstance(block, TableBlock):
            fresh = False
            pages.table(block.table)
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _field(instr: str) -> tuple[str, str, str]:
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    code = f'<w:r><w:instrText xml:space="preserve"> {xml_escape(instr)} </w:instrText></w:r>'
    sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    return begin, code + sep, '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def toc_paragraphs(entries: list[TocEntry], tab_twips: int) -> list:
    """The TOC field as paragraphs: the field opens in the first and closes in the last;
    each entry links to its heading, its page number a PAGEREF to the heading's bookmark."""
    begin, code, end = _field(TOC_INSTR)
    if not entries:
        return [parse_xml(f"<w:p {_NS}>{begin}{code}{end}</w:p>")]
    out = []
    for i, e in enumerate(entries):
        ppr = (f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab_twips}"/></w:tabs>'
               f'<w:spacing w:before="0" w:after="40"/><w:ind w:left="{220 * (e.level - 1)}"/></w:pPr>')
        pb, pc, pe = _field(f"PAGEREF {e.bookmark} \\h")
        link = (f'<w:hyperlink w:anchor="{e.bookmark}" w:history="1">{run_xml(e.text, bold=e.level == 1)}'
                f'<w:r><w:tab/></w:r>{pb}{pc}<w:r><w:t>{e.page}</w:t></w:r>{pe}</w:hyperlink>')
        xml = f"<w:p {_NS}>{ppr}{begin + code if i == 0 else ''}{link}{end if i == len(entries) - 1 else ''}</w:p>"
        out.append(parse_xml(xml))
    return out
