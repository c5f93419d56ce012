"""The rekap tables to XLSX and/or PDF through the app's own renderers. Each output is
written under a temporary name in its folder and renamed when complete, so a reader (or a
failed run) never sees half a file; an output that is a workbook is refused."""

from __future__ import annotations

from pathlib import Path

from ...store.database import check_output_path
from ..atomic import write_whole
from ..pdf import render_pdf
from ..xlsx import render_xlsx
from .collect import Collection
from .tables import rekap_tables


def rekap_title(c: Collection) -> str:
    return f"Rekap Kinerja Perangkat Daerah Tahun {c.tahun}" if c.tahun else "Rekap Kinerja Perangkat Daerah"


def write_rekap(c: Collection, *, xlsx: Path | str | None = None, pdf: Path | str | None = None,
                paper: str = "A4") -> list[Path]:
    """Write the wanted outputs; returns their paths. Raises StoreError for an output that
    is a workbook, OSError when a file cannot be written."""
    outs = [Path(p) for p in (xlsx, pdf) if p]
    for p in outs:
        check_output_path(p)
    tables = rekap_tables(c)
    title = rekap_title(c)
    written = []
    if xlsx:
        written.append(write_whole(Path(xlsx), lambda tmp: render_xlsx(tables, tmp, paper, title=title)))
    if pdf:
        written.append(write_whole(Path(pdf), lambda tmp: render_pdf(tables, tmp, paper, title=title,
                                                                            footer=title)))
    return written
