"""One call for every caller (GUI worker, CLI, bench): build the chosen standard tables of
a workbook and write them to PDF and/or XLSX, and/or the whole LKIP (narrative + every
table) as a Word document and as a PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..store.database import check_output_path
from .builders import TableSpec, select, standard_tables
from .document import LkipDocument, build_lkip
from .pdf import render_pdf
from .table import Cancelled, ReportTable
from .xlsx import render_xlsx

# What the GUI and the CLI offer, with the user's words for them.
FORMATS = {
    "pdf": "Tabel (PDF)",
    "xlsx": "Tabel (Excel .xlsx)",
    "docx": "Laporan lengkap (Word .docx)",
    "lengkap": "Laporan lengkap (PDF)",
}


@dataclass
class ExportResult:
    tables: list[ReportTable] = field(default_factory=list)
    pdf: Path | None = None
    xlsx: Path | None = None
    docx: Path | None = None
    lengkap: Path | None = None  # the whole LKIP as PDF
    document: LkipDocument | None = None

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.pdf, self.xlsx, self.docx, self.lengkap) if p]


def document_title(svc) -> str:
    wb = svc.wb
    opd = wb.opd.singkatan or wb.opd.nama or "Perangkat Daerah"
    return f"LKIP {opd} {wb.settings.tahun}"


def export(svc, *, pdf: str | Path | None = None, xlsx: str | Path | None = None,
           docx: str | Path | None = None, lengkap: str | Path | None = None,
           tables: Iterable[str] | None = None, paper: str | None = None,
           progress: Callable[[int, int, str], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> ExportResult:
    """``tables``: numbers ("3.1") or keys; None = every standard table (the full report,
    ``docx`` and ``lengkap``, always carries every table). ``paper``: "A4" or "F4"
    (default: the workbook's setting). ``progress(done, total, message)``."""
    for out in (pdf, xlsx, docx, lengkap):
        if out is not None and not hasattr(out, "write"):
            check_output_path(out, workbook=svc.path)  # an export never overwrites a workbook
    paper = (paper or svc.wb.settings.kertas or "A4").upper()
    all_specs: list[TableSpec] = standard_tables(svc)
    specs = select(all_specs, tables) if (pdf or xlsx) else []
    full = bool(docx or lengkap)
    n_all = len(all_specs)
    steps = len(specs) * (1 + bool(pdf) + bool(xlsx)) + (n_all * (1 + bool(docx) + bool(lengkap)) if full else 0)
    done = 0

    def tick(msg: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps, msg)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    result = ExportResult()
    for spec in specs:
        check()
        result.tables.append(spec.build())
        tick(f"Menyusun {spec.caption}")
    title = document_title(svc)
    if pdf:
        result.pdf = render_pdf(result.tables, pdf, paper, title=title, footer=title,
                                progress=lambda i, n: tick(f"PDF: tabel {i} dari {n}"), cancel=cancel)
    if xlsx:
        result.xlsx = render_xlsx(result.tables, xlsx, paper, title=title,
                                  progress=lambda i, n: tick(f"Excel: tabel {i} dari {n}"), cancel=cancel)
    if full:
        check()
        doc = build_lkip(svc, all_specs)
        result.document = doc
        for _ in range(n_all):
            tick("Menyusun laporan lengkap")
        if docx:
            from .docx import render_docx

            result.docx = render_docx(doc, docx, paper, progress=lambda i, n: tick(f"Word: tabel {i} dari {n}"),
                                      cancel=cancel)
        if lengkap:
            from .document_pdf import render_document_pdf

            result.lengkap = render_document_pdf(doc, lengkap, paper,
                                                 progress=lambda i, n: tick(f"PDF lengkap: tabel {i} dari {n}"),
                                                 cancel=cancel)
    return result
