"""The whole LKIP (``document.build_lkip``) as one PDF: the same sentences as the Word file
and the same tables, drawn by the table renderer of ``pdf.py`` (bundled DejaVu fonts,
header rows repeated, wide tables on landscape pages)."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from . import fonts
from . import table as T
from .document import (
    Cover,
    Heading,
    LkipDocument,
    Numbering,
    PageBreak as DocPageBreak,
    SignatureBlock,
    TableBlock,
    TableList,
    Text,
    Toc,
)
from .page import frame_size
from .pdf_frame import NumberingMark, PageAnchor, PdfDoc, TocLine, build_or_remove, table_paper, template_id
from .pdf_paged import table_flowables
from .plain_text import clean


def _styles():
    fonts.register_fonts()
    body = ParagraphStyle("lkip.body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=10, leading=14,
                          alignment=TA_JUSTIFY,
                          spaceAfter=6)
    return {
        "body": body,
        "bullet": ParagraphStyle("lkip.bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=3),
        "placeholder": ParagraphStyle("lkip.ph", parent=body, fontName=fonts.ITALIC, textColor=colors.grey),
        "h1": ParagraphStyle("lkip.h1", fontName=fonts.BOLD, fontSize=13, leading=17, alignment=TA_CENTER,
                             spaceAfter=12),
        "h2": ParagraphStyle("lkip.h2", fontName=fonts.BOLD, fontSize=11, leading=15, spaceBefore=8, spaceAfter=6),
        "h3": ParagraphStyle("lkip.h3", fontName=fonts.BOLD, fontSize=10, leading=14, spaceBefore=6, spaceAfter=4),
        "cover": ParagraphStyle("lkip.cover", fontName=fonts.BOLD, fontSize=17, leading=24, alignment=TA_CENTER),
        "cover2": ParagraphStyle("lkip.cover2", fontName=fonts.BOLD, fontSize=14, leading=20, alignment=TA_CENTER),
        "toc": ParagraphStyle("lkip.toctitle", fontName=fonts.BOLD, fontSize=13, leading=17, alignment=TA_CENTER,
                              spaceAfter=10),
        "left": ParagraphStyle("lkip.left", parent=body, alignment=TA_LEFT),
        "sign": ParagraphStyle("lkip.sign", parent=body, alignment=TA_CENTER, spaceAfter=0),
    }


SIGN_SPACE = 22 * mm  # room for the wet signature and the stamp


def _signature(block: SignatureBlock, st, width: float) -> Flowable:
    """The block in the right half of the frame, kept on one page."""
    style = ParagraphStyle("lkip.sign.right", parent=st["sign"], leftIndent=width / 2)
    sig = block.sig
    out: list[Flowable] = [Spacer(1, 8 * mm)]
    out += [Paragraph(_text(x), style) for x in (sig.place_date, sig.jabatan) if x]
    out.append(Spacer(1, SIGN_SPACE))
    out.append(Paragraph(f"<b><u>{_text(sig.nama)}</u></b>", style))
    out += [Paragraph(_text(x), style) for x in (sig.pangkat, sig.nip) if x]
    return KeepTogether(out)


def _text(s: str) -> str:
    """User or generated text as reportlab paragraph markup: escaped, never interpreted."""
    return escape(clean(s)).replace("\n", "<br/>")


def _logo(data: bytes, height: float) -> Flowable | None:
    try:
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
        if not w or not h:
            return None
        return Image(io.BytesIO(data), width=height * w / h, height=height)
    except Exception:  # a damaged logo must not stop the report
        return None


class _TocEntry(TocLine):
    def __init__(self, text: str, form: str, width: float, level: int):
        super().__init__(("    " * (level - 1)) + text, form, width)


def render_document_pdf(doc: LkipDocument, path: str | os.PathLike, paper: str = "A4", *,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None) -> Path:
    path = Path(path)
    st = _styles()
    total = len(doc.tables())
    pdoc = PdfDoc(path, paper, doc.title, doc.title, progress, cancel, total)
    pdoc.pageTemplates.sort(key=lambda pt: pt.id != T.PORTRAIT)
    pdoc.bare_first_page = bool(doc.blocks) and isinstance(doc.blocks[0], Cover)
    fw, _fh = frame_size(paper, T.PORTRAIT)
    heads = [b for b in doc.blocks if isinstance(b, Heading) and b.toc]
    head_ids = {id(h): f"hd{i}" for i, h in enumerate(heads)}
    tables = [b for b in doc.blocks if isinstance(b, TableBlock)]
    table_ids = {id(b): f"tb{i}" for i, b in enumerate(tables)}
    story: list[Flowable] = []
    current = T.PORTRAIT
    started = False
    fresh = False  # at the top of a page nothing is on yet (after a Numbering)

    def new_page(orientation: str) -> None:
        nonlocal current, fresh
        if orientation != current:
            story.append(NextPageTemplate(orientation))
            current = orientation
        if started and not fresh:
            story.append(PageBreak())
        fresh = False

    for block in doc.blocks:
        if isinstance(block, Cover):
            story.append(Spacer(1, 40 * mm))
            story.append(Paragraph(_text(block.title.replace(" TAHUN", "\nTAHUN")), st["cover"]))
            logo = _logo(block.logo, 45 * mm) if block.logo else None
            story.append(Spacer(1, 25 * mm))
            if logo is not None:
                story.append(logo)
                story.append(Spacer(1, 25 * mm))
            story.append(Paragraph(_text(block.opd), st["cover2"]))
            if block.place:
                story.append(Paragraph(_text(block.place), st["cover2"]))
            story.append(Paragraph(str(block.tahun), st["cover2"]))
        elif isinstance(block, Heading):
            if block.level == 1:
                new_page(T.PORTRAIT)
            elif current != T.PORTRAIT:
                new_page(T.PORTRAIT)
            else:
                story.append(CondPageBreak(30 * mm))
            if block.toc:
                story.append(PageAnchor(head_ids[id(block)]))
            story.append(Paragraph(_text(block.text), st[f"h{min(block.level, 3)}"]))
        elif isinstance(block, Text):
            # a sentence after a wide table stays on its landscape page
            p = block.para
            style = st["placeholder"] if p.placeholder else st["bullet"] if p.bullet else st["body"]
            story.append(Paragraph(_text(p.text), style, bulletText="•" if p.bullet else None))
        elif isinstance(block, Toc):
            new_page(T.PORTRAIT)
            story.append(Paragraph(_text(block.title), st["toc"]))
            for h in heads:
                story.append(_TocEntry(h.text, head_ids[id(h)], fw, h.level))
        elif isinstance(block, TableList):
            new_page(T.PORTRAIT)
            story.append(Paragraph(_text(block.title), st["toc"]))
            for tb in tables:
                story.append(TocLine(tb.table.caption, table_ids[id(tb)], fw))
        elif isinstance(block, Numbering):
            new_page(T.PORTRAIT)
            story.append(NumberingMark(block.style))
            started = True
            fresh = True
            continue
        elif isinstance(block, SignatureBlock):
            story.append(_signature(block, st, fw))
        elif isinstance(block, DocPageBreak):
            new_page(current)
        elif isinstance(block, TableBlock):
            t = block.table
            if template_id(t, paper) != current:
                new_page(template_id(t, paper))
            else:
                story.append(CondPageBreak(45 * mm))
            story.append(PageAnchor(table_ids[id(block)]))
            story.extend(table_flowables(t, table_paper(t, paper), pdoc.table_done))
        started = True
        fresh = False
    return build_or_remove(pdoc, story, path)
