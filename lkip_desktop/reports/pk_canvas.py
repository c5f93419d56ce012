"""The printed PK as pages of plain drawing items (text at a position, lines, an image; in
points from the top-left corner), the cursor that lays text out on them, and the PDF drawing
of those pages. The GUI draws the very same items with QPainter, so what is previewed is
what prints. Text is measured with the bundled DejaVu fonts."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

from ..domain.errors import InputError
from . import fonts
from .page import PAPERS  # the same A4/F4 as every other report
from .text_wrap import wrap_lines

REGULAR = fonts.REGULAR
BOLD = fonts.BOLD

TITLE_SIZE = 12
BODY_SIZE = 11
TABLE_SIZE = 10
BODY_LEADING = 1.5  # line spacing of the statement, as typed government letters use
TABLE_LEADING = 1.25


@dataclass(frozen=True)
class Text:
    x: float  # left edge
    y: float  # baseline, from the top of the page
    text: str
    font: str = REGULAR
    size: float = BODY_SIZE
    word_space: float = 0.0  # extra points after each space (justified lines)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6


@dataclass(frozen=True)
class Image:
    data: bytes  # PNG/JPEG bytes (the workbook's logo, or a file read at layout time)
    x: float
    y: float  # top edge
    w: float
    h: float


@dataclass
class Page:
    width: float
    height: float
    items: list = field(default_factory=list)


def width_of(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return wrap_lines(text, font, size, width)


class PkLayout:
    """A cursor down the pages: margins, the current page and height, text and lines."""

    def __init__(self, paper: str):
        if paper not in PAPERS:
            raise InputError(f"Ukuran kertas tidak dikenal: {paper}. Pilih A4 atau F4.")
        self.w, self.h = PAPERS[paper]
        self.left, self.right = 25 * mm, self.w - 20 * mm
        self.top, self.bottom = 20 * mm, self.h - 20 * mm
        self.pages: list[Page] = []
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def text_width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page(self.w, self.h))
        self.y = self.top

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > self.top:
            self.new_page()

    def text(self, x: float, y: float, text: str, font=REGULAR, size=BODY_SIZE) -> None:
        if text:
            self.page.items.append(Text(x, y, text, font, size))

    def line(self, x1, y1, x2, y2, width=0.6) -> None:
        self.page.items.append(Line(x1, y1, x2, y2, width))

    def centered(self, text: str, font=BOLD, size=TITLE_SIZE, x0=None, x1=None, y=None) -> None:
        x0 = self.left if x0 is None else x0
        x1 = self.right if x1 is None else x1
        self.text(x0 + (x1 - x0 - width_of(text, font, size)) / 2, self.y if y is None else y, text, font, size)

    def paragraph(self, text: str, *, size=BODY_SIZE, indent: float = 0, justify=True, font=REGULAR) -> None:
        """Justified text, broken into lines here so the PDF and the preview break it the same."""
        lead = size * BODY_LEADING
        width = self.text_width - indent
        lines = wrap(text, font, size, width)
        for n, line in enumerate(lines):
            self.ensure(lead)
            base = self.y + size
            words = line.split(" ")
            last = n == len(lines) - 1
            if justify and not last and len(words) > 1:
                # one string with extra word spacing: the PDF keeps its words in one run
                extra = (width - width_of(line, font, size)) / (len(words) - 1)
                self.page.items.append(Text(self.left + indent, base, line, font, size, extra))
            else:
                self.text(self.left + indent, base, line, font, size)
            self.y += lead

    def gap(self, h: float) -> None:
        self.y += h


def draw_pdf_page(c: rl_canvas.Canvas, page: Page) -> None:
    h = page.height
    for it in page.items:
        if isinstance(it, Text):
            if it.word_space:
                t = c.beginText(it.x, h - it.y)
                t.setFont(it.font, it.size)
                t.setWordSpace(it.word_space)
                t.textOut(it.text)
                t.setWordSpace(0)  # Tw is text state: it would stretch every later string
                c.drawText(t)
            else:
                c.setFont(it.font, it.size)
                c.drawString(it.x, h - it.y, it.text)
        elif isinstance(it, Line):
            c.setLineWidth(it.width)
            c.line(it.x1, h - it.y1, it.x2, h - it.y2)
        elif isinstance(it, Image):
            c.drawImage(ImageReader(io.BytesIO(it.data)), it.x, h - it.y - it.h, it.w, it.h, mask="auto")


def write_pdf(pages: list[Page], out, *, title: str = "", author: str = "") -> None:
    """Draw the pages into ``out`` (a path or a binary file object)."""
    fonts.register_fonts()
    target = str(out) if isinstance(out, (str, Path)) else out
    # initial font DejaVu: else every page also names Helvetica, a font that is not embedded
    c = rl_canvas.Canvas(target, pagesize=(pages[0].width, pages[0].height), pageCompression=1,
                         initialFontName=REGULAR, initialFontSize=BODY_SIZE)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("LKIP Desktop")
    for page in pages:
        c.setPageSize((page.width, page.height))
        draw_pdf_page(c, page)
        c.showPage()
    c.save()
