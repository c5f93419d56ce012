"""The import as one call: read, map, preview and apply a sheet's edits as ONE
``WorkbookService.apply`` (one transaction, one undo step); ``dry_run`` only previews."""

from __future__ import annotations

from pathlib import Path

from ...domain import model as M
from ...store.changes import Changes
from ...store.service import WorkbookService
from .budget import preview_budget
from .columns import JENIS_DATA
from .detect import detect_jenis
from .indicators import preview_indicators
from .limits import XlsxImportError
from .mapping import auto_mapping, parse_mapping
from .result import Preview
from .sheet import read_sheet
from .sheetdata import SheetData


def preview(wb: M.Workbook, data: SheetData, mapping: dict[str, int], jenis: str = "anggaran") -> Preview:
    """Match each data row and work out the edits; nothing is written. ``jenis``:
    "anggaran" (budget items by kode) or "indikator" (see ``preview_indicators``)."""
    if jenis == "indikator":
        return preview_indicators(wb, data, mapping)
    if jenis != "anggaran":
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    return preview_budget(wb, data, mapping)


def import_label(data: SheetData) -> str:
    return f"Impor Excel: {data.path.name} ({data.sheet})"


def apply_import(svc: WorkbookService, pv: Preview) -> Changes:
    """Write the preview's edits as one transaction (one undo step). Refuses, unchanged, when
    the preview has any blocking problem."""
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    return svc.apply(pv.ops, import_label(pv.sheet))


def import_xlsx(svc: WorkbookService, path: Path | str, mapping: str | dict[str, int] | None = None,
                sheet: str | None = None, *, jenis: str | None = None, dry_run: bool = False) -> Preview:
    """Read, map, preview and (unless ``dry_run``) apply. ``jenis`` "anggaran"/"indikator"
    (None: from the header titles). Raises XlsxImportError on refusal."""
    if jenis is not None and jenis not in JENIS_DATA:
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    data = read_sheet(path, sheet, jenis=jenis)
    jenis = jenis or detect_jenis(data, svc.wb)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping, data, jenis)
    elif mapping is None:
        mapping = auto_mapping(data, jenis, svc.wb)
    pv = preview(svc.wb, data, mapping, jenis)
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    if not dry_run:
        apply_import(svc, pv)
    return pv
