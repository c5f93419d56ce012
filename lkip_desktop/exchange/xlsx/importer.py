"""The import planned in one call: read, map and preview a sheet into the ops that would
import it. Applying them is the edit verb ``edits.imports.import_sheet``."""

from __future__ import annotations

from pathlib import Path

from ...domain import model as M
from .budget import preview_budget
from .cells import cell_text
from .columns import IGNORED_HEADERS, JENIS_DATA, column_letter, normalize_header
from .detect import detect_jenis
from .indicators import preview_indicators
from .limits import XlsxImportError
from .mapping import auto_mapping, parse_mapping
from .result import Preview, Problem
from .sheet import read_sheet
from .sheetdata import SheetData


def preview(wb: M.Workbook, data: SheetData, mapping: dict[str, int], jenis: str = "anggaran", *,
            triwulan: int | None = None) -> Preview:
    """Match each data row and work out the edits; nothing is written. ``jenis``:
    "anggaran" (budget items by kode) or "indikator" (see ``preview_indicators``).
    ``triwulan``: the quarter a cumulative ("s.d.") budget column goes into."""
    if jenis == "indikator":
        pv = preview_indicators(wb, data, mapping)
    elif jenis == "anggaran":
        pv = preview_budget(wb, data, mapping, triwulan)
    else:
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    check_formulas(pv)
    ignored = [data.column_title(i) for i, h in enumerate(data.headers())
               if h and normalize_header(h) in IGNORED_HEADERS or (h and not normalize_header(h))]
    if ignored:
        pv.notes.append(f"Kolom turunan, tidak diimpor: {', '.join(ignored)}.")
    return pv


def check_formulas(pv: Preview) -> None:
    """Formula cells in the mapped columns of the rows that count: their cached value is
    used and named; a formula without one refuses the import, naming the cell."""
    data = pv.sheet
    columns = set(pv.mapping.values())
    key_cols = [pv.mapping[k] for k in ("kode", "id", "nama") if k in pv.mapping]
    matched = {m.row for m in pv.matched}
    for (i, j), formula in sorted(data.formulas.items()):
        if i < data.data_start or j not in columns:
            continue
        rn = i + 1
        if rn not in matched and not any(cell_text(data.value(i, c)) for c in key_cols):
            continue  # a total or note row that is not imported
        cell = f"{column_letter(j)}{rn}"
        value = data.value(i, j)
        if value is None:
            pv.errors.append(Problem(rn, column_letter(j), "", formula,
                                     f"sel {cell} berisi rumus {formula} tanpa nilai tersimpan. Buka berkasnya di "
                                     "Excel dan simpan (agar hasilnya tersimpan), atau salin sebagai nilai."))
        else:
            pv.formulas.append(Problem(rn, column_letter(j), "", formula,
                                       f"sel {cell}: rumus {formula}, dipakai nilai {cell_text(value)}"))


def import_label(data: SheetData) -> str:
    return f"Impor Excel: {data.path.name} ({data.sheet})"


def plan_import(wb: M.Workbook, path: Path | str, mapping: str | dict[str, int] | None = None,
                sheet: str | None = None, *, jenis: str | None = None, triwulan: int | None = None) -> Preview:
    """Read, map and preview a sheet: the ops that would import it (``edits.imports`` applies
    them). ``jenis`` "anggaran"/"indikator" (None: from the header titles); ``triwulan`` the
    quarter a cumulative ("Realisasi s.d. …") column goes into. Raises
    XlsxImportError on refusal."""
    if jenis is not None and jenis not in JENIS_DATA:
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    data = read_sheet(path, sheet, jenis=jenis)
    jenis = jenis or detect_jenis(data, wb)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping, data, jenis)
    elif mapping is None:
        mapping = auto_mapping(data, jenis, wb)
    pv = preview(wb, data, mapping, jenis, triwulan=triwulan)
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    return pv
