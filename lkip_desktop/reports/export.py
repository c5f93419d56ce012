"""One call for every caller (GUI worker, CLI, bench): build the chosen standard tables of
a workbook and write them to PDF and/or XLSX."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .builders import TableSpec, select, standard_tables
from .pdf import render_pdf
from .table import Cancelled, ReportTable
from .xlsx import render_xlsx


@dataclass
class ExportResult:
    tables: list[ReportTable] = field(default_factory=list)
    pdf: Path | None = None
    xlsx: Path | None = None


def document_title(svc) -> str:
    wb = svc.wb
    opd = wb.opd.singkatan or wb.opd.nama or "Perangkat Daerah"
    return f"LKIP {opd} {wb.settings.tahun}"


def export(svc, *, pdf: str | Path | None = None, xlsx: str | Path | None = None,
           tables: Iterable[str] | None = None, paper: str | None = None,
           progress: Callable[[int, int, str], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> ExportResult:
    """``tables``: numbers ("3.1") or keys; None = every standard table. ``paper``: "A4"
    or "F4" (default: the workbook's setting). ``progress(done, total, message)``."""
    paper = (paper or svc.wb.settings.kertas or "A4").upper()
    specs: list[TableSpec] = select(standard_tables(svc), tables)
    steps = len(specs) * (1 + bool(pdf) + bool(xlsx))
    done = 0

    def tick(msg: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps, msg)

    result = ExportResult()
    for spec in specs:
        if cancel is not None and cancel():
            raise Cancelled()
        result.tables.append(spec.build())
        tick(f"Menyusun {spec.caption}")
    title = document_title(svc)
    if pdf:
        result.pdf = render_pdf(result.tables, pdf, paper, title=title, footer=title,
                                progress=lambda i, n: tick(f"PDF: tabel {i} dari {n}"), cancel=cancel)
    if xlsx:
        result.xlsx = render_xlsx(result.tables, xlsx, paper, title=title,
                                  progress=lambda i, n: tick(f"Excel: tabel {i} dari {n}"), cancel=cancel)
    return result
