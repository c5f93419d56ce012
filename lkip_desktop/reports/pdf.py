"""ReportTable(s) -> one PDF: an optional list of tables with page numbers, then each
table (``pdf_paged``) on portrait or landscape pages of the shared frame (``pdf_frame``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from . import fonts
from . import table as T
from .page import frame_size
from .pdf_frame import PdfDoc, TocLine, build_or_remove, table_paper, template_id
from .pdf_paged import table_flowables
from .pdf_table import CAPTION
from .table import ReportTable


def render_pdf(tables: Sequence[ReportTable], path: str | os.PathLike, paper: str = "A4", *,
               title: str = "Laporan Kinerja", footer: str = "", toc: bool | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> Path:
    """Write ``tables`` to one PDF. With several tables (or ``toc=True``) the document
    opens with a list of tables and their page numbers. ``progress(done, total)`` is called
    as each table is placed; ``cancel()`` returning True stops and removes the file."""
    path = Path(path)
    fonts.register_fonts()
    tables = list(tables)
    toc = len(tables) > 1 if toc is None else toc
    doc = PdfDoc(path, paper, title, footer or title, progress, cancel, len(tables))
    story: list[Flowable] = []
    first = template_id(tables[0], paper) if tables else T.PORTRAIT
    current = first
    if toc:
        current = T.PORTRAIT
        story.append(Paragraph("DAFTAR TABEL", CAPTION))
        story.append(Spacer(1, 6))
        fw, _ = frame_size(paper, T.PORTRAIT)
        for i, t in enumerate(tables):
            story.append(TocLine(t.caption, f"tblpg{i}", fw))
        story.append(NextPageTemplate(first))
        story.append(PageBreak())
        current = first
    else:
        doc.pageTemplates.sort(key=lambda pt: pt.id != current)
    for i, t in enumerate(tables):
        if template_id(t, paper) != current:
            current = template_id(t, paper)
            story.append(NextPageTemplate(current))
            story.append(PageBreak())
        elif i:
            story.append(CondPageBreak(60 * mm))
        story.extend(table_flowables(t, table_paper(t, paper), doc.table_done, anchor=f"tblpg{i}" if toc else None))
    return build_or_remove(doc, story, path)


def render_each(tables: Sequence[ReportTable], folder: str | os.PathLike, paper: str = "A4", **kw) -> list[Path]:
    """One PDF per table, named after its number ("Tabel_3.1.pdf")."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [render_pdf([t], folder / f"Tabel_{t.number or t.key}.pdf", paper, toc=False, **kw) for t in tables]
