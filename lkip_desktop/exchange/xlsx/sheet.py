"""Reading an .xlsx safely: hostile or broken files are refused before openpyxl parses
anything, then one sheet's values are read within the limits."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

from . import limits
from .detect import detect_jenis, find_header_row, stated_year
from .limits import XlsxImportError
from .sheetdata import SheetData


# -- reading the file safely ------------------------------------------------------------------

def check_file(path: Path | str) -> None:
    """Refuse, before any XML is parsed, what is not a safe .xlsx. Raises XlsxImportError."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise XlsxImportError(f"Berkas tidak ditemukan: {path}")
    if not path.is_file():
        raise XlsxImportError(f"'{name}' bukan berkas.")
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        raise XlsxImportError(f"'{name}' terlalu besar ({size // (1024 * 1024)} MB) untuk diimpor.")
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head.startswith(limits.OLE_MAGIC):
            fh.seek(0)
            body = fh.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in body or "EncryptedPackage".encode("utf-16-le") in body:
                raise XlsxImportError(
                    f"'{name}' dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                    "(File > Info > Protect Workbook), simpan, lalu impor lagi."
                )
            raise XlsxImportError(
                f"'{name}' berformat Excel lama (.xls). Simpan ulang sebagai .xlsx (Excel Workbook), lalu impor."
            )
    if not head.startswith(limits.ZIP_MAGIC):
        raise XlsxImportError(f"'{name}' bukan berkas Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError) as exc:
        # NotImplementedError: a zip feature Python cannot read (found by the harness: "version 7.5")
        raise XlsxImportError(f"'{name}' rusak dan tidak dapat dibaca ({exc}).") from exc
    if len(infos) > limits.MAX_MEMBERS:
        raise XlsxImportError(f"'{name}' tidak wajar (terlalu banyak bagian: {len(infos)}); tidak diimpor.")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise XlsxImportError(f"'{name}' bukan buku kerja Excel (.xlsx).")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise XlsxImportError(f"'{name}' dilindungi kata sandi (isi terenkripsi); tidak dapat diimpor.")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.MAX_MEMBER_BYTES or total > limits.MAX_TOTAL_BYTES or (
                info.file_size > limits.RATIO_FLOOR and ratio > limits.MAX_RATIO):
            raise XlsxImportError(
                f"'{name}' tidak wajar: isinya mengembang jauh melebihi ukuran berkas (kemungkinan 'zip bomb'). "
                "Berkas tidak dibuka demi keamanan."
            )


def sheet_names(path: Path | str) -> list[str]:
    check_file(path)
    wb = _load(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _load(path: Path | str, *, data_only: bool = True):
    """The workbook through openpyxl (defusedxml), read-only, links not kept. ``data_only``:
    formula cells give Excel's cached result; without it they give the formula text."""
    import openpyxl

    try:
        return openpyxl.load_workbook(Path(path), read_only=True, data_only=data_only, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged or hostile file
        raise XlsxImportError(f"'{Path(path).name}' rusak atau bukan buku kerja Excel yang sah ({_short(exc)}).") \
            from exc


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "…"


def read_sheet(path: Path | str, sheet: str | None = None, *,
               jenis: str | None = None,
               progress: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> SheetData:
    """Check the file, then read one sheet's values. Without ``sheet``: the first sheet with
    a header row (of ``jenis`` when given; the template's first sheet is its instructions),
    else the first sheet. ``progress(rows_read)`` is called now and then (for a progress bar
    in a worker thread)."""
    path = Path(path)
    check_file(path)
    data = _read_values(path, sheet, jenis, progress, cancelled)
    data.formulas = _formulas(path, data.sheet, len(data.rows))
    return data


def _read_values(path: Path, sheet, jenis, progress, cancelled) -> SheetData:
    wb = _load(path)
    try:
        names = list(wb.sheetnames)
        if not names:
            raise XlsxImportError(f"'{path.name}' tidak berisi lembar kerja.")
        if sheet is not None:
            if sheet not in names:
                raise XlsxImportError(f"Lembar '{sheet}' tidak ada. Lembar yang ada: {', '.join(names)}.")
            return _read_ws(wb, path, sheet, names, progress, cancelled)
        first: SheetData | None = None
        for name in names:
            if not hasattr(wb[name], "iter_rows"):
                continue  # a chart sheet
            data = _read_ws(wb, path, name, names, progress, cancelled)
            first = first or data
            if data.header_row is not None and (jenis is None or detect_jenis(data) == jenis):
                return data
        if first is None:
            raise XlsxImportError(f"'{path.name}' tidak berisi lembar tabel.")
        return first
    finally:
        wb.close()


def _read_ws(wb, path: Path, name: str, names: list[str], progress, cancelled) -> SheetData:
    ws = wb[name]
    if not hasattr(ws, "iter_rows"):
        raise XlsxImportError(f"'{name}' adalah lembar grafik, bukan tabel.")
    try:
        declared_rows, declared_cols = ws.max_row, ws.max_column
    except Exception:  # noqa: BLE001 - a broken dimension tag: count while reading instead
        declared_rows = declared_cols = None
    if (declared_rows or 0) > limits.MAX_ROWS or (declared_cols or 0) > limits.MAX_COLS:
        raise XlsxImportError(_too_big(name, declared_rows, declared_cols))
    # The declared size may also be too small (some tools write it wrong): read it all,
    # bounded by counting rows and by a fixed width (a cell far right would otherwise
    # make openpyxl pad every row to that width).
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    rows: list[tuple] = []
    formats: dict[tuple[int, int], str] = {}
    try:
        for cells in ws.iter_rows(max_col=limits.MAX_COLS + 1):
            if len(rows) >= limits.MAX_ROWS:
                raise XlsxImportError(_too_big(name, len(rows) + 1, None))
            if len(cells) > limits.MAX_COLS and cells[limits.MAX_COLS].value is not None:
                raise XlsxImportError(_too_big(name, None, f"lebih dari {limits.MAX_COLS}"))
            row = tuple(c.value for c in cells[:limits.MAX_COLS])
            i = len(rows)
            for j, v in enumerate(row):
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    fmt = cells[j].number_format
                    if fmt and fmt != "General":
                        formats[(i, j)] = fmt
            rows.append(_trim(row))
            if len(rows) % 500 == 0:
                if progress:
                    progress(len(rows))
                if cancelled and cancelled():
                    raise XlsxImportError("Pembacaan dibatalkan.")
    except XlsxImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML
        raise XlsxImportError(f"Lembar '{name}' rusak dan tidak dapat dibaca ({_short(exc)}).") from exc
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    if progress:
        progress(len(rows))
    header = find_header_row(rows)
    return SheetData(path, name, names, rows, header, stated_year(rows, header), formats)


def _formulas(path: Path, name: str, n_rows: int) -> dict[tuple[int, int], str]:
    """The cells of one sheet that hold a formula (a second, formula-text read of the same
    checked file, bounded by the rows already read)."""
    if not n_rows:
        return {}
    wb = _load(path, data_only=False)
    out: dict[tuple[int, int], str] = {}
    try:
        ws = wb[name]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
        for i, cells in enumerate(ws.iter_rows(max_row=n_rows, max_col=limits.MAX_COLS)):
            for j, cell in enumerate(cells):
                v = cell.value
                text = getattr(v, "text", v)  # an array formula object carries its text
                if getattr(cell, "data_type", None) == "f" or (isinstance(text, str) and text.startswith("=")):
                    out[(i, j)] = str(text)[:200]
    except XlsxImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML
        raise XlsxImportError(f"Lembar '{name}' rusak dan tidak dapat dibaca ({_short(exc)}).") from exc
    finally:
        wb.close()
    return out


def _trim(row: tuple) -> tuple:
    end = len(row)
    while end and (row[end - 1] is None):
        end -= 1
    return tuple(row[:end])


def _too_big(name: str, rows, cols) -> str:
    size = " × ".join(s for s in (f"{rows} baris" if rows else "", f"{cols} kolom" if cols else "") if s)
    return (f"Lembar '{name}' terlalu besar ({size}); batasnya {limits.MAX_ROWS} baris × {limits.MAX_COLS} kolom. "
            "Hapus baris/kolom yang tidak perlu atau bagi menjadi beberapa berkas.")
