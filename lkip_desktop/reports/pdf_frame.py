"""The PDF document frame shared by the table PDF and the whole-LKIP PDF: portrait and
landscape page templates with footer and page number, progress and cancel between
flowables, page-number anchors and the contents lines that print them, and a build that
leaves no half-written file when cancelled."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from . import fonts
from . import table as T
from .page import MARGIN, PAPERS, frame_size, page_size
from .plain_text import clean
from .table import Cancelled


def template_id(table: T.ReportTable, paper: str) -> str:
    """The page template a table is drawn on: its orientation on the document's paper, or
    "F4:landscape" when the catalogue gives the table a paper of its own."""
    own = (table.paper or paper).upper()
    return table.orientation if own == paper.upper() else f"{own}:{table.orientation}"


def table_paper(table: T.ReportTable, paper: str) -> str:
    return (table.paper or paper).upper()


class PdfDoc(BaseDocTemplate):
    """Portrait and landscape templates (ids T.PORTRAIT / T.LANDSCAPE) with the footer line,
    and "A4:portrait" … for a table printed on the other paper (``template_id``);
    ``progress(done, total)`` per finished table, ``cancel()`` checked after each flowable."""

    def __init__(self, path, paper: str, title: str, footer: str, progress=None, cancel=None, total=0):
        super().__init__(str(path), pagesize=page_size(paper, T.PORTRAIT), leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author="LKIP Desktop",
                         creator="LKIP Desktop", initialFontName=fonts.REGULAR, initialFontSize=8)
        self.footer = footer
        self.bare_first_page = False  # a cover: no footer, no page number
        self.num_style = "arabic"  # how pages are numbered from ``num_start`` (a NumberingMark)
        self.num_start = 1
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.done = 0
        templates = []
        for own in [paper.upper()] + [p for p in PAPERS if p != paper.upper()]:
            for orient in (T.PORTRAIT, T.LANDSCAPE):
                w, h = page_size(own, orient)
                fw, fh = frame_size(own, orient)
                tid = orient if own == paper.upper() else f"{own}:{orient}"
                frame = Frame(MARGIN, MARGIN + 8 * mm, fw, fh, id=tid, leftPadding=0, rightPadding=0, topPadding=0,
                              bottomPadding=0)
                # the footer is drawn when the page ends, after a NumberingMark on it took effect
                templates.append(PageTemplate(id=tid, frames=[frame], pagesize=(w, h), onPageEnd=self._decorate))
        self.addPageTemplates(templates)

    def _decorate(self, canv, doc):
        if self.bare_first_page and doc.page == 1:
            return
        canv.saveState()
        w, _h = canv._pagesize
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(MARGIN, MARGIN, self.footer)
        canv.drawRightString(w - MARGIN, MARGIN, f"Halaman {self.page_label()}")
        canv.restoreState()

    def page_label(self) -> str:
        """The current page's number as printed: "iii" in the front matter, "12" after."""
        n = self.page - self.num_start + 1
        return roman(n) if self.num_style == "roman" else str(n)

    def table_done(self):
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def afterFlowable(self, flowable):
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        style = getattr(flowable, "_numbering", None)
        if style:
            self.num_style, self.num_start = style, self.page
        name = getattr(flowable, "_page_form", None)
        if name:
            c = self.canv
            c.saveState()
            c.beginForm(name, lowerx=-200, lowery=-20, upperx=20, uppery=40)
            c.setFont(fonts.REGULAR, 8.5)
            c.drawRightString(0, 0, self.page_label())
            c.endForm()
            c.restoreState()


def roman(n: int) -> str:
    """Lower-case roman numeral of n >= 1 (front matter pages)."""
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


class NumberingMark(Flowable):
    """Zero-size marker: page numbers restart at 1 on its page, in ``style`` ("roman" | "arabic")."""

    def __init__(self, style: str):
        super().__init__()
        self._numbering = style
        self.width = self.height = 0

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        pass


class PageAnchor(Flowable):
    """Zero-size marker: after it is placed, the page number becomes the form ``name``."""

    def __init__(self, name: str):
        super().__init__()
        self._page_form = name
        self.width = self.height = 0

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        pass


class TocLine(Flowable):
    """A contents line: its text, and at the right the page number an anchor recorded."""

    MAX_CHARS = 240  # a contents line stays one line or a few; the full title is in the text

    def __init__(self, text: str, form: str, width: float):
        super().__init__()
        if len(text) > self.MAX_CHARS:
            text = text[:self.MAX_CHARS].rstrip() + "…"
        self.p = Paragraph(escape(clean(text)), ParagraphStyle("toc", fontName=fonts.REGULAR, fontSize=8.5, leading=11))
        self.form = form
        self.width = width

    def wrap(self, availW, availH):
        self.width = availW
        _w, h = self.p.wrap(availW - 30, availH)
        self.height = h + 2
        return availW, self.height

    def draw(self):
        self.p.drawOn(self.canv, 0, 2)
        self.canv.saveState()
        self.canv.translate(self.width, self.height - 10.5)
        self.canv.doForm(self.form)
        self.canv.restoreState()


class CallWhenPlaced(Flowable):
    """Zero-size: calls ``fn`` when drawn (a table finished, for progress)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.fn()


def build_or_remove(doc, story: list, path: Path) -> Path:
    """Build the document; a cancelled export leaves no half-written file behind."""
    try:
        doc.build(story)
    except Cancelled:
        try:
            path.unlink()
        except OSError:
            pass
        raise
    return path
