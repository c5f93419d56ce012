"""Draws the PK pages laid out by ``reports.pk_document`` with QPainter: the in-app preview
and the printer get the very items the PDF gets (no PDF renderer needed on Windows)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QPen

from ... import paths
from ...reports import fonts
from ...reports.pk_document import Image, Line, Page, Text


_BASE = 100  # fonts are drawn at this pixel size and scaled: fractional point sizes stay exact


@cache
def _families() -> dict[str, tuple[str, bool, bool]]:
    """reportlab font name -> (Qt family, bold, italic), loading the same bundled TTFs."""
    out = {}
    for name, bold, italic in ((fonts.REGULAR, False, False), (fonts.BOLD, True, False),
                               (fonts.ITALIC, False, True), (fonts.CONDENSED, False, False),
                               (fonts.CONDENSED_BOLD, True, False)):
        fid = QFontDatabase.addApplicationFont(str(paths.resource("fonts", f"{name}.ttf")))
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        out[name] = (fams[0] if fams else "DejaVu Sans", bold, italic)
    return out


def _font(name: str, word_space: float, size: float) -> QFont:
    family, bold, italic = _families().get(name, ("DejaVu Sans", False, False))
    f = QFont(family)
    f.setPixelSize(_BASE)
    f.setBold(bold)
    f.setItalic(italic)
    f.setKerning(False)  # reportlab measured without kerning
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if word_space:
        f.setWordSpacing(word_space * _BASE / size)
    return f


def paint_page(painter: QPainter, page: Page) -> None:
    """Paint one page in points (the caller scales the painter to its device)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for it in page.items:
        if isinstance(it, Text):
            painter.save()
            painter.translate(it.x, it.y)
            painter.scale(it.size / _BASE, it.size / _BASE)
            painter.setFont(_font(it.font, it.word_space, it.size))
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QPointF(0, 0), it.text)
            painter.restore()
        elif isinstance(it, Line):
            pen = QPen(Qt.GlobalColor.black)
            pen.setWidthF(it.width)
            painter.setPen(pen)
            painter.drawLine(QPointF(it.x1, it.y1), QPointF(it.x2, it.y2))
        elif isinstance(it, Image):
            img = QImage.fromData(it.data)
            if not img.isNull():
                painter.drawImage(QRectF(it.x, it.y, it.w, it.h), img)
    painter.restore()


def page_image(page: Page, dpi: float = 96) -> QImage:
    """The page as a white image at ``dpi`` (the preview)."""
    scale = dpi / 72
    img = QImage(int(page.width * scale), int(page.height * scale), QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.scale(scale, scale)
    paint_page(p, page)
    p.end()
    return img


def page_size(page: Page) -> QPageSize:
    mm_w, mm_h = page.width / 72 * 25.4, page.height / 72 * 25.4
    if abs(mm_w - 210) < 0.5 and abs(mm_h - 297) < 0.5:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(mm_w, mm_h), QPageSize.Unit.Millimeter, "F4")


def print_pages(printer, pages: list[Page]) -> None:
    """Send the pages to a QPrinter (already set up by QPrintDialog), full page, in points."""
    if not pages:
        return
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(page_size(pages[0]), QPageLayout.Orientation.Portrait, QMarginsF()))
    p = QPainter(printer)
    try:
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            p.save()
            p.scale(printer.resolution() / 72, printer.resolution() / 72)
            paint_page(p, page)
            p.restore()
    finally:
        p.end()
