"""The import planned in one call: read, map and preview a sheet into the ops that would
import it. Applying them is the edit verb ``edits.imports.import_sheet``."""

from __future__ import annotations

from pathlib import Path

from ...domain import model as M
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


def plan_import(wb: M.Workbook, path: Path | str, mapping: str | dict[str, int] | None = None,
                sheet: str | None = None, *, jenis: str | None = None) -> Preview:
    """Read, map and preview a sheet: the ops that would import it (``edits.imports`` applies
    them). ``jenis`` "anggaran"/"indikator" (None: from the header titles). Raises
    XlsxImportError on refusal."""
    if jenis is not None and jenis not in JENIS_DATA:
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    data = read_sheet(path, sheet, jenis=jenis)
    jenis = jenis or detect_jenis(data, wb)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping, data, jenis)
    elif mapping is None:
        mapping = auto_mapping(data, jenis, wb)
    pv = preview(wb, data, mapping, jenis)
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    return pv
