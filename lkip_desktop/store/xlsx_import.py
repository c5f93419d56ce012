"""Budget figures from an .xlsx (a SIPD/SIMDA export or the app's entry template).

Steps: ``read_sheet`` (safety checks, then the cell values of one sheet) -> a column
``mapping`` (``auto_mapping`` from the headers, or ``parse_mapping`` of "kode=A,pagu_murni=C")
-> ``preview`` (rows matched by kode, unmatched, ambiguous, values that do not parse) ->
``apply_import``: all rows as ONE ``WorkbookService.apply`` (one transaction, one undo step).

Hostile or broken files are refused before openpyxl parses anything: not a zip, an
encrypted (password) or legacy OLE file, a zip bomb (member sizes and ratios are checked
from the zip directory; Python's zipfile never inflates a member beyond its declared size),
a huge sheet (declared dimension and counted rows/columns). XML is parsed by defusedxml
through openpyxl. Nothing is written to the workbook unless the whole import is clean.

Money: rupiah are int. openpyxl gives float for numeric cells; a float is converted through
``repr`` (the shortest exact round trip) to Decimal, and a non-whole amount is refused.
Text such as "1.234.567" or "Rp 1.234.567,00" goes through ``parse_rupiah``.

Two kinds of sheet (``jenis``): "anggaran" (budget figures of sub kegiatan, matched by kode)
and "indikator" (target, realisasi TW I–IV and tahunan of IKU/IKT and program/kegiatan/sub
kegiatan indicators, matched by the template's hidden ID, then kode, then the exact name
when it is unique; komponen values of composite indicators on komponen rows or in columns
titled with the komponen name). ``detect_jenis`` tells them apart from the header titles.

Kode cells: Excel turns a kode typed as a number into a float ("1.10" -> 1.1, "01" -> 1).
A numeric kode is read as it is displayed (the cell's number format, e.g. "0.00" or "00");
when the format cannot tell and the number only matches a workbook kode with the zeros
put back, the row is refused with a message to format the kode column as text.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from ..domain import model as M
from ..domain.errors import FormulaError, InputError
from ..domain.formula.parser import parse_formula
from ..domain.numbers import format_rupiah, parse_number, parse_rupiah
from ..domain.values import Predikat, format_value, is_empty_text, parse_indicator_value
from .schema import MAX_INT
from .service import CellRef, Changes, Op, SetOp, WorkbookService

# -- limits (module constants so tests can lower them) ---------------------------------------
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one uncompressed part (a sheet's XML, shared strings)
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 20000
MAX_COLS = 200
HEADER_SCAN_ROWS = 30

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class XlsxImportError(InputError):
    """A file that cannot be imported; the message is Indonesian, for the user."""


# -- the fields a column can be mapped to ----------------------------------------------------

@dataclass(frozen=True)
class Field:
    key: str
    label: str  # Indonesian column title (also the template's header)
    table: str | None  # None: used for matching/display only
    column: str | None
    triwulan: int | None = None


FIELDS: list[Field] = [
    Field("kode", "Kode", None, None),
    Field("nama", "Nama", None, None),
    Field("pagu_murni", "Pagu Murni", "budget_item", "pagu_murni"),
    Field("pagu_perubahan", "Pagu Perubahan", "budget_item", "pagu_perubahan"),
    Field("realisasi", "Realisasi", "budget_item", "realisasi"),
] + [
    Field(f"target_tw{n}", f"Target Keuangan TW {r}", "budget_quarter", "target_keuangan", n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
] + [
    Field(f"realisasi_tw{n}", f"Realisasi Keuangan TW {r}", "budget_quarter", "realisasi_keuangan", n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
]
FIELD_BY_KEY = {f.key: f for f in FIELDS}
VALUE_FIELDS = [f for f in FIELDS if f.table]
ALIASES = {f"tw{n}": f"realisasi_tw{n}" for n in range(1, 5)}

JENIS_DATA = ("anggaran", "indikator")


@dataclass(frozen=True)
class IndField:
    """A column of an indicator sheet: an indicator value (jenis_nilai, periode) or a key."""

    key: str
    label: str
    jenis_nilai: str | None = None  # M.TARGET | M.REALISASI; None: matching/display only
    periode: int = M.ANNUAL


IND_FIELDS: list[IndField] = [
    IndField("id", "ID"),
    IndField("kode", "Kode"),
    IndField("nama", "Indikator"),
    IndField("komponen", "Komponen"),
    IndField("target", "Target", M.TARGET),
] + [
    IndField(f"realisasi_tw{n}", f"Realisasi TW {r}", M.REALISASI, n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
] + [
    IndField("realisasi", "Realisasi Tahunan", M.REALISASI),
    IndField("nilai_komponen", "Nilai Komponen"),
]
IND_FIELD_BY_KEY = {f.key: f for f in IND_FIELDS}
IND_VALUE_FIELDS = [f for f in IND_FIELDS if f.jenis_nilai]
KOMPONEN_PREFIX = "komponen:"  # mapping key of a column holding one komponen ("komponen:jumlah_opd")

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# Header words (normalized) -> field; checked longest first so "pagu perubahan" beats "pagu".
_HEADER_WORDS = {
    "kode": "kode", "kode rekening": "kode", "kode sub kegiatan": "kode", "kode program kegiatan": "kode",
    "nama": "nama", "uraian": "nama", "nama sub kegiatan": "nama", "program kegiatan sub kegiatan": "nama",
    "sub kegiatan": "nama", "nomenklatur": "nama",
    "pagu murni": "pagu_murni", "anggaran murni": "pagu_murni", "pagu": "pagu_murni", "anggaran": "pagu_murni",
    "pagu sebelum perubahan": "pagu_murni", "pagu induk": "pagu_murni",
    "pagu perubahan": "pagu_perubahan", "anggaran perubahan": "pagu_perubahan",
    "pagu setelah perubahan": "pagu_perubahan",
    "realisasi": "realisasi", "realisasi anggaran": "realisasi", "realisasi keuangan": "realisasi",
    "realisasi rp": "realisasi",
}
for _n in range(1, 5):
    for _w in ("tw", "triwulan"):
        _HEADER_WORDS[f"target keuangan {_w} {_n}"] = f"target_tw{_n}"
        _HEADER_WORDS[f"target {_w} {_n}"] = f"target_tw{_n}"
        _HEADER_WORDS[f"realisasi keuangan {_w} {_n}"] = f"realisasi_tw{_n}"
        _HEADER_WORDS[f"realisasi {_w} {_n}"] = f"realisasi_tw{_n}"
        _HEADER_WORDS[f"{_w} {_n}"] = f"realisasi_tw{_n}"

_YEAR_RE = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*((?:19|20)\d{2})\b", re.IGNORECASE)

# Indicator sheets; titles are compared without a year ("Target 2024" -> "target").
_IND_HEADER_WORDS = {
    "id": "id", "id indikator": "id",
    "kode": "kode", "kode indikator": "kode",
    "indikator": "nama", "nama indikator": "nama", "indikator kinerja": "nama", "nama": "nama",
    "uraian": "nama", "indikator kinerja utama": "nama", "uraian indikator": "nama",
    "komponen": "komponen", "nama komponen": "komponen", "nilai komponen": "nilai_komponen",
    "target": "target", "target tahun ini": "target", "target tahunan": "target", "target kinerja": "target",
    "realisasi": "realisasi", "realisasi tahunan": "realisasi", "realisasi tahun ini": "realisasi",
    "realisasi kinerja": "realisasi",
}
for _n in range(1, 5):
    for _w in ("tw", "triwulan"):
        _IND_HEADER_WORDS[f"realisasi {_w} {_n}"] = f"realisasi_tw{_n}"
        _IND_HEADER_WORDS[f"{_w} {_n}"] = f"realisasi_tw{_n}"
# Words that only an indicator sheet has, and only a budget sheet has (for detect_jenis).
_IND_ONLY = {"indikator", "komponen", "satuan", "target", "capaian", "id", "jenis"}
_BUDGET_ONLY = {"pagu", "anggaran", "keuangan", "rekening", "rp"}
_YEAR_WORD = re.compile(r"\b(?:19|20)\d{2}\b")


def ind_header_key(title) -> str | None:
    """The indicator field a column title names (None when it names none)."""
    h = normalize_header(title)
    return _IND_HEADER_WORDS.get(" ".join(_YEAR_WORD.sub(" ", h).split()))


def budget_header_key(title) -> str | None:
    """The budget field a column title names ("Realisasi 2024" too)."""
    h = normalize_header(title)
    return _HEADER_WORDS.get(h) or _HEADER_WORDS.get(" ".join(_YEAR_WORD.sub(" ", h).split()))


def komponen_key(name) -> str:
    """A komponen name as compared: case, spaces and punctuation do not matter."""
    return re.sub(r"[^0-9a-z]+", "_", str(name or "").casefold()).strip("_")


def normalize_header(text) -> str:
    s = re.sub(r"[^0-9a-z]+", " ", str(text or "").casefold()).strip()
    return " ".join(_ROMAN.get(w, w) for w in s.split())


def column_letter(idx: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    idx += 1
    while idx:
        idx, rem = divmod(idx - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


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
    if size > MAX_FILE_BYTES:
        raise XlsxImportError(f"'{name}' terlalu besar ({size // (1024 * 1024)} MB) untuk diimpor.")
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head.startswith(OLE_MAGIC):
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
    if not head.startswith(ZIP_MAGIC):
        raise XlsxImportError(f"'{name}' bukan berkas Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise XlsxImportError(f"'{name}' rusak dan tidak dapat dibaca ({exc}).") from exc
    if len(infos) > MAX_MEMBERS:
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
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (
                info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
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


def _load(path: Path | str):
    import openpyxl

    try:
        return openpyxl.load_workbook(Path(path), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged or hostile file
        raise XlsxImportError(f"'{Path(path).name}' rusak atau bukan buku kerja Excel yang sah ({_short(exc)}).") \
            from exc


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "…"


@dataclass
class SheetData:
    """The cell values of one sheet (row 1 = index 0), bounded by the limits above."""

    path: Path
    sheet: str
    sheets: list[str]
    rows: list[tuple]
    header_row: int | None  # 0-based index of the header row, None when none was found
    tahun: int | None  # a year the sheet states above its data ("Tahun Anggaran 2024")
    # (row index, column index) -> number format of a numeric cell whose format is not General
    formats: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def headers(self) -> list[str]:
        if self.header_row is None:
            return ["" for _ in range(self.n_cols)]
        row = self.rows[self.header_row]
        return [("" if v is None else str(v).strip()) for v in row] + [""] * (self.n_cols - len(row))

    def column_title(self, idx: int) -> str:
        h = self.headers()
        title = h[idx] if idx < len(h) else ""
        return f"{column_letter(idx)} — {title}" if title else column_letter(idx)

    @property
    def data_start(self) -> int:
        return 0 if self.header_row is None else self.header_row + 1

    def value(self, row: int, col: int | None):
        r = self.rows[row]
        return r[col] if col is not None and col < len(r) else None

    def number_format(self, row: int, col: int | None) -> str:
        return self.formats.get((row, col), "General") if col is not None else "General"


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
    if (declared_rows or 0) > MAX_ROWS or (declared_cols or 0) > MAX_COLS:
        raise XlsxImportError(_too_big(name, declared_rows, declared_cols))
    # The declared size may also be too small (some tools write it wrong): read it all,
    # bounded by counting rows and by a fixed width (a cell far right would otherwise
    # make openpyxl pad every row to that width).
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    rows: list[tuple] = []
    formats: dict[tuple[int, int], str] = {}
    try:
        for cells in ws.iter_rows(max_col=MAX_COLS + 1):
            if len(rows) >= MAX_ROWS:
                raise XlsxImportError(_too_big(name, len(rows) + 1, None))
            if len(cells) > MAX_COLS and cells[MAX_COLS].value is not None:
                raise XlsxImportError(_too_big(name, None, f"lebih dari {MAX_COLS}"))
            row = tuple(c.value for c in cells[:MAX_COLS])
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
    return SheetData(path, name, names, rows, header, _stated_year(rows, header), formats)


def _trim(row: tuple) -> tuple:
    end = len(row)
    while end and (row[end - 1] is None):
        end -= 1
    return tuple(row[:end])


def _too_big(name: str, rows, cols) -> str:
    size = " × ".join(s for s in (f"{rows} baris" if rows else "", f"{cols} kolom" if cols else "") if s)
    return (f"Lembar '{name}' terlalu besar ({size}); batasnya {MAX_ROWS} baris × {MAX_COLS} kolom. "
            "Hapus baris/kolom yang tidak perlu atau bagi menjadi beberapa berkas.")


def find_header_row(rows: list[tuple]) -> int | None:
    """The first row (within the top rows) with a 'Kode' (or indicator ID/name) cell and at
    least one other known header."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys = [budget_header_key(v) or ind_header_key(v) for v in row if isinstance(v, str)]
        if ("kode" in keys or "id" in keys or "nama" in keys) and sum(1 for k in keys if k) >= 2:
            return i
    return None


def detect_jenis(data: SheetData, wb: M.Workbook | None = None) -> str:
    """"indikator" when the header titles speak of indicators (indikator, komponen, satuan,
    target), "anggaran" when they speak of money (pagu, anggaran, keuangan). When the titles
    do not settle it and ``wb`` is given, the kode/name cells decide: do they match budget
    items or indicators?"""
    ind = bud = 0
    for title in data.headers():
        words = set(normalize_header(title).split())
        if not words:
            continue
        if words & _BUDGET_ONLY:
            bud += 1
        elif words & _IND_ONLY or ind_header_key(title) == "realisasi" and _YEAR_WORD.search(title):
            ind += 1
    if (bud and not ind) or (ind >= 2 and not bud) or wb is None:
        return "indikator" if ind > bud else "anggaran"
    items = {re.sub(r"\s+", "", i.kode) for i in wb.items.values() if i.kode.strip()}
    inds = {re.sub(r"\s+", "", i.kode) for i in wb.indicators.values() if i.kode.strip()}
    names = {_norm_name(i.nama) for i in wb.indicators.values()}
    budget_map, ind_map = auto_mapping(data, "anggaran"), auto_mapping(data, "indikator")
    hits_b = hits_i = 0
    for r in range(data.data_start, min(len(data.rows), data.data_start + 300)):
        kb = kode_text(data.value(r, budget_map.get("kode")), data.number_format(r, budget_map.get("kode")))
        ki = kode_text(data.value(r, ind_map.get("kode")), data.number_format(r, ind_map.get("kode")))
        hits_b += bool(kb) and kb in items
        hits_i += (bool(ki) and ki in inds) or _norm_name(cell_text(data.value(r, ind_map.get("nama")))) in names
    if hits_b != hits_i:
        return "indikator" if hits_i > hits_b else "anggaran"
    return "indikator" if ind > bud else "anggaran"


def _stated_year(rows: list[tuple], header: int | None) -> int | None:
    limit = header if header is not None else min(len(rows), 10)
    for row in rows[:limit]:
        for v in row:
            if isinstance(v, str):
                m = _YEAR_RE.search(v)
                if m:
                    return int(m.group(1))
    return None


# -- mapping columns to fields -----------------------------------------------------------------

def auto_mapping(data: SheetData, jenis: str = "anggaran", wb: M.Workbook | None = None) -> dict[str, int]:
    """Field -> column index from the header row's titles (first match wins). For indicator
    sheets, a column titled with a komponen name of the workbook maps to that komponen."""
    out: dict[str, int] = {}
    komponen = _all_komponen(wb) if (jenis == "indikator" and wb is not None) else {}
    for idx, title in enumerate(data.headers()):
        if jenis == "indikator":
            key = ind_header_key(title)
            if key is None and komponen_key(title) in komponen:
                key = KOMPONEN_PREFIX + komponen[komponen_key(title)]
        else:
            key = budget_header_key(title)
        if key and key not in out:
            out[key] = idx
    return out


def _all_komponen(wb: M.Workbook) -> dict[str, str]:
    """komponen_key -> komponen name, over every indicator of the workbook."""
    out: dict[str, str] = {}
    for ind in wb.indicators.values():
        for name in komponen_names(ind, wb.settings.tahun):
            out.setdefault(komponen_key(name), name)
    return out


def komponen_names(ind: M.Indicator, tahun: int) -> list[str]:
    """The komponen an indicator knows: its formula's names, then any stored for the year."""
    names: list[str] = []
    if ind.rumus_komponen:
        try:
            names += list(parse_formula(ind.rumus_komponen).names)
        except FormulaError:
            pass
    names += [n for n in ind.komponen.get(tahun, {}) if n not in names]
    return names


def field_keys(jenis: str = "anggaran") -> list[str]:
    return [f.key for f in (IND_FIELDS if jenis == "indikator" else FIELDS)]


def parse_mapping(text: str, data: SheetData | None = None, jenis: str = "anggaran") -> dict[str, int]:
    """'kode=A,pagu_murni=C,tw1=H' -> field -> column index. A value that is not a column
    letter is looked up among the header titles (e.g. kode=Kode Rekening). Indicator
    sheets also take 'komponen:NAMA=F' (a column holding one komponen)."""
    out: dict[str, int] = {}
    known = field_keys(jenis)
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        key, sep, col = (s.strip() for s in part.partition("="))
        key = ALIASES.get(key.lower(), key.lower())
        is_komponen = jenis == "indikator" and key.startswith(KOMPONEN_PREFIX) and len(key) > len(KOMPONEN_PREFIX)
        if not sep or not (key in known or is_komponen) or not col:
            example = "kode=B,target=E,realisasi=J,komponen:jumlah_opd=K" if jenis == "indikator" else \
                "kode=A,pagu_murni=C"
            raise XlsxImportError(
                f"Pemetaan '{part}' tidak sah. Bentuknya kolom=HURUF, mis. {example}. "
                f"Kolom yang dikenal: {', '.join(known)}."
            )
        if re.fullmatch(r"[A-Za-z]{1,3}", col) and (data is None or normalize_header(col) not in
                                                    {normalize_header(h) for h in data.headers()}):
            idx = column_index(col)
        else:
            titles = [normalize_header(h) for h in (data.headers() if data else [])]
            if normalize_header(col) not in titles:
                raise XlsxImportError(f"Judul kolom '{col}' tidak ditemukan di baris judul.")
            idx = titles.index(normalize_header(col))
        if idx >= MAX_COLS:
            raise XlsxImportError(f"Kolom {col} di luar batas ({MAX_COLS} kolom).")
        out[key] = idx
    return out


def describe_mapping(mapping: dict[str, int]) -> str:
    return ",".join(f"{k}={column_letter(v)}" for k, v in sorted(mapping.items(), key=lambda kv: kv[1]))


# -- preview -------------------------------------------------------------------------------------

@dataclass
class RowMatch:
    row: int  # 1-based sheet row
    kode: str
    nama: str  # as in the file
    item_id: str
    item_nama: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)  # (field key, old, new)


@dataclass
class Problem:
    row: int
    kolom: str  # column letter ("" for the whole row)
    kode: str
    text: str  # the cell text or the row's name
    pesan: str  # Indonesian

    def __str__(self) -> str:
        where = f"baris {self.row}" + (f", kolom {self.kolom}" if self.kolom else "")
        what = f" ({self.kode})" if self.kode else ""
        return f"{where}{what}: {self.pesan}"


@dataclass
class Preview:
    sheet: SheetData
    mapping: dict[str, int]
    matched: list[RowMatch] = field(default_factory=list)
    unmatched: list[Problem] = field(default_factory=list)  # kode not in the workbook: not imported
    ambiguous: list[Problem] = field(default_factory=list)  # kode on several items, or a parent row
    errors: list[Problem] = field(default_factory=list)  # values that do not parse: block the import
    blocking: list[str] = field(default_factory=list)  # whole-file reasons (wrong year, duplicate kode)
    ops: list[Op] = field(default_factory=list)
    jenis: str = "anggaran"  # or "indikator"

    @property
    def ok(self) -> bool:
        return not self.errors and not self.blocking

    @property
    def n_changes(self) -> int:
        return sum(len(m.changes) for m in self.matched)

    def refusal(self) -> str:
        """One Indonesian message saying why the import cannot go ahead ('' when it can)."""
        lines = list(self.blocking)
        if self.errors:
            lines.append(f"{len(self.errors)} nilai tidak dapat dibaca:")
            lines += [f"  {p}" for p in self.errors[:20]]
            if len(self.errors) > 20:
                lines.append(f"  … dan {len(self.errors) - 20} lagi")
        if lines:
            lines.append("Tidak ada yang diimpor. Perbaiki berkasnya lalu coba lagi.")
        return "\n".join(lines)

    def report(self) -> str:
        out = [f"Lembar '{self.sheet.sheet}': {len(self.matched)} baris cocok, {self.n_changes} nilai berubah."]
        if self.unmatched:
            what = "indikator" if self.jenis == "indikator" else "kode"
            out.append(f"{len(self.unmatched)} baris tidak cocok ({what} tidak ada di buku kerja; tidak diimpor):")
            out += [f"  {p}" for p in self.unmatched[:30]]
        if self.ambiguous:
            out.append(f"{len(self.ambiguous)} baris dilewati:")
            out += [f"  {p}" for p in self.ambiguous[:30]]
        refusal = self.refusal()
        if refusal:
            out.append(refusal)
        return "\n".join(out)


def cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v).strip()


_ZERO_FORMAT = re.compile(r"^(0+)(?:\.(0+))?$")


def kode_text(v, number_format: str = "General") -> str:
    """A kode cell as text: a numeric kode (1, 1.2) as written, without '.0'. With a number
    format of zeros ("0.00", "00") the number is read as Excel displays it ("1.10", "01")."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return ""
    if isinstance(v, (int, float)):
        m = _ZERO_FORMAT.match((number_format or "").strip())
        if m:
            places = len(m.group(2) or "")
            try:
                d = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
                text = f"{d:.{places}f}"
            except (InvalidOperation, ValueError):
                text = ""
            if text:
                whole, dot, frac = text.partition(".")
                return whole.zfill(len(m.group(1))) + dot + frac
        if isinstance(v, int):
            return str(v)
        return str(int(v)) if v.is_integer() else repr(v)
    return re.sub(r"\s+", "", str(v))


def numeric_kode_twins(v, text: str, kodes) -> list[str]:
    """Workbook kodes a numeric cell may have been before Excel made a number of it
    ("1.10" read back as 1.1, "01" as 1): kodes that are the same number but not the same text."""
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return []
    try:
        n = Decimal(text)
    except InvalidOperation:
        return []
    out = []
    for k in kodes:
        if k != text and re.fullmatch(r"\d+(?:\.\d+)?", k):
            if Decimal(k) == n:
                out.append(k)
    return sorted(out)


def numeric_kode_message(text: str, twins: list[str]) -> str:
    return (f"kode terbaca sebagai angka {text}, sedangkan di buku kerja ada kode {', '.join(twins)}: Excel "
            "membuang angka nol pada kode yang diketik sebagai angka. Format kolom Kode sebagai Teks "
            "(Format Cells > Text), ketik ulang kodenya (atau awali dengan tanda petik: '1.10), lalu impor lagi.")


def rupiah_value(v) -> int | None:
    """A money cell -> whole rupiah (None when empty or '-'), within the range a workbook
    stores, so an absurd figure is reported with its row and column. Raises InputError."""
    n = _rupiah_value(v)
    if n is not None and abs(n) >= MAX_INT:
        raise InputError("Angka terlalu besar (maksimal 999 triliun)")
    return n


def _rupiah_value(v) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool):
        raise InputError("Nilai ya/tidak, bukan rupiah")
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        try:
            d = Decimal(repr(v))
        except InvalidOperation:
            raise InputError(f"'{v!r}' bukan angka") from None
        if not d.is_finite():
            raise InputError("Bukan angka yang sah")
        if d != d.to_integral_value():
            raise InputError(f"Rupiah harus bilangan bulat: {repr(v).replace('.', ',')}")
        return int(d)
    if isinstance(v, (datetime, date)):
        raise InputError("Berisi tanggal, bukan rupiah")
    text = str(v).strip()
    if is_empty_text(text):
        return None
    return parse_rupiah(text)


def preview(wb: M.Workbook, data: SheetData, mapping: dict[str, int], jenis: str = "anggaran") -> Preview:
    """Match each data row and work out the edits; nothing is written. ``jenis``:
    "anggaran" (budget items by kode) or "indikator" (see ``preview_indicators``)."""
    if jenis == "indikator":
        return preview_indicators(wb, data, mapping)
    if jenis != "anggaran":
        raise XlsxImportError(f"Jenis data '{jenis}' tidak dikenal; pilih anggaran atau indikator.")
    pv = Preview(data, dict(mapping))
    if "kode" not in mapping:
        pv.blocking.append("Kolom kode belum dipetakan: baris dicocokkan menurut kode.")
        return pv
    value_fields = [f for f in VALUE_FIELDS if f.key in mapping]
    if not value_fields:
        pv.blocking.append("Belum ada kolom nilai yang dipetakan (pagu, realisasi, atau triwulan).")
        return pv
    tahun = wb.settings.tahun
    if data.tahun is not None and data.tahun != tahun:
        pv.blocking.append(f"Berkas ini untuk tahun {data.tahun}, sedangkan buku kerja untuk tahun {tahun}. "
                           "Pilih berkas tahun yang benar.")

    by_kode: dict[str, list[M.BudgetItem]] = {}
    for item in wb.items.values():
        if item.kode.strip():
            by_kode.setdefault(re.sub(r"\s+", "", item.kode), []).append(item)

    seen: dict[str, int] = {}
    kcol, ncol = mapping["kode"], mapping.get("nama")
    for i in range(data.data_start, len(data.rows)):
        row = data.rows[i]
        rn = i + 1
        get = (lambda c: row[c] if c is not None and c < len(row) else None)
        kode = kode_text(get(kcol), data.number_format(i, kcol))
        nama = cell_text(get(ncol)) if ncol is not None else ""
        raw = {f.key: get(mapping[f.key]) for f in value_fields}
        has_values = any(cell_text(v) not in ("", "-") for v in raw.values())
        if not kode:
            if has_values:
                pv.unmatched.append(Problem(rn, column_letter(kcol), "", nama, "kode kosong"))
            continue
        if kode in seen:
            pv.blocking.append(f"Kode {kode} muncul dua kali (baris {seen[kode]} dan {rn}). "
                               "Setiap kode hanya boleh satu baris.")
            continue
        seen[kode] = rn
        parsed: dict[str, int | None] = {}
        row_errors = []
        for f in value_fields:
            try:
                parsed[f.key] = rupiah_value(raw[f.key])
            except InputError as exc:
                row_errors.append(Problem(rn, column_letter(mapping[f.key]), kode, cell_text(raw[f.key]),
                                          f"{f.label}: {exc}"))
        candidates = by_kode.get(kode, [])
        if not candidates:
            twins = numeric_kode_twins(get(kcol), kode, by_kode)
            if twins:
                pv.errors.append(Problem(rn, column_letter(kcol), kode, cell_text(get(kcol)),
                                         numeric_kode_message(kode, twins)))
                continue
            if has_values or ncol is None or nama:
                pv.unmatched.append(Problem(rn, "", kode, nama, "kode tidak ada di buku kerja"))
            continue
        if len(candidates) > 1:
            pv.ambiguous.append(Problem(rn, "", kode, nama, f"kode dipakai {len(candidates)} baris anggaran"))
            continue
        item = candidates[0]
        if item.level != "sub_kegiatan":
            if any(v is not None for v in parsed.values()):
                pv.ambiguous.append(Problem(rn, "", kode, nama or item.nama,
                                            f"{item.level.replace('_', ' ')}: jumlahnya dihitung dari sub kegiatan, "
                                            "tidak diimpor"))
            continue
        pv.errors.extend(row_errors)
        for f in value_fields:
            v = parsed.get(f.key)
            if v is not None and v < 0 and not (f.table == "budget_quarter" and f.column == "target_keuangan"):
                pv.errors.append(Problem(rn, column_letter(mapping[f.key]), kode, cell_text(raw[f.key]),
                                         f"{f.label}: tidak boleh negatif"))
                parsed[f.key] = None
        match = RowMatch(rn, kode, nama, item.id, item.nama)
        for f in value_fields:
            new = parsed.get(f.key)
            if new is None:
                continue  # empty cell: the stored value stays
            q = None
            if f.table == "budget_item":
                old = getattr(item, f.column)
                ref = CellRef("budget_item", (item.id,), f.column)
            else:
                q = item.quarters.get(f.triwulan)
                old = getattr(q, f.column) if q else None
                ref = CellRef("budget_quarter", (item.id, f.triwulan), f.column)
            if old != new:
                match.changes.append((f.key, old, new))
                pv.ops.append(SetOp(ref, new))
            if f.table == "budget_quarter" and q is not None and getattr(q, f"{f.column}_persen") is not None:
                # RULES 6.8: the % is kept only while the rupiah amount is unknown (one truth).
                pv.ops.append(SetOp(CellRef("budget_quarter", (item.id, f.triwulan), f"{f.column}_persen"), None))
        pv.matched.append(match)
    if not pv.matched and not pv.blocking and not pv.errors:
        pv.blocking.append("Tidak ada baris yang cocok dengan kode sub kegiatan di buku kerja.")
    return pv


# -- indicators -----------------------------------------------------------------------------------

def _norm_name(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def indicators_in_order(wb: M.Workbook) -> list[M.Indicator]:
    """IKT, IKU, then the program/kegiatan/sub kegiatan indicators in the budget tree's order."""
    out: list[M.Indicator] = []
    for t in wb.tujuan_list():
        out += wb.indicators_of(t.id)
    for sa in wb.sasaran_list():
        out += wb.indicators_of(sa.id)
    for item, _ in wb.walk_budget():
        out += wb.indicators_of(item.id)
    seen = {i.id for i in out}
    out += sorted((i for i in wb.indicators.values() if i.id not in seen), key=lambda i: (i.urut, i.nama))
    return out


def indicator_number(v, number_format: str = "General") -> Decimal:
    """A numeric cell -> Decimal, exactly as shown: a float through ``repr``; a cell
    formatted as percent holds a fraction (0,85 shown as 85%), so it is scaled by 100."""
    if isinstance(v, int):
        d = Decimal(v)
    else:
        try:
            d = Decimal(repr(v))
        except InvalidOperation:
            raise InputError(f"'{v!r}' bukan angka") from None
        if not d.is_finite():
            raise InputError("Bukan angka yang sah")
    if "%" in (number_format or ""):
        d = d.scaleb(2)
    return d


def _numeric_cell(v, number_format: str, parse_text):
    """One cell -> Decimal/Predikat/None: numbers from Excel as they are shown, dates and
    booleans refused, text through ``parse_text`` (which handles '-' and empty)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise InputError("Nilai ya/tidak, bukan angka")
    if isinstance(v, (datetime, date)):
        raise InputError("Berisi tanggal, bukan angka. Format selnya sebagai angka atau teks")
    if isinstance(v, (int, float)):
        return indicator_number(v, number_format)
    return parse_text(str(v))


def indicator_cell(v, ind: M.Indicator, number_format: str = "General"):
    """A target/realisasi cell -> Decimal or Predikat (None when empty or '-'). Raises InputError."""
    return _numeric_cell(v, number_format, lambda t: parse_indicator_value(t, ind.jenis))


def komponen_cell(v, number_format: str = "General") -> Decimal | None:
    return _numeric_cell(v, number_format, lambda t: None if is_empty_text(t) else parse_number(t.strip()))


_is_blank = is_empty_text


def preview_indicators(wb: M.Workbook, data: SheetData, mapping: dict[str, int]) -> Preview:
    """Indicator values: each row is matched to an indicator by ID (the template's), then
    kode, then the exact name when only one indicator has it. A row with a Komponen name is
    a komponen row: its value (the Nilai Komponen column, else the Realisasi Tahunan column)
    is that komponen for the workbook's year. Composite indicators (with a komponen formula)
    take komponen, never a typed realisasi. Nothing is written."""
    pv = Preview(data, dict(mapping), jenis="indikator")
    if not {"id", "kode", "nama"} & set(mapping):
        pv.blocking.append("Kolom kode atau nama indikator belum dipetakan: baris dicocokkan menurut kode, "
                           "lalu nama indikator.")
        return pv
    value_fields = [f for f in IND_VALUE_FIELDS if f.key in mapping]
    komp_cols = {k[len(KOMPONEN_PREFIX):]: c for k, c in mapping.items() if k.startswith(KOMPONEN_PREFIX)}
    komp_value_col = mapping.get("nilai_komponen", mapping.get("realisasi"))
    if not value_fields and not komp_cols and not ("komponen" in mapping and komp_value_col is not None):
        pv.blocking.append("Belum ada kolom nilai yang dipetakan (target, realisasi triwulan/tahunan, "
                           "atau komponen).")
        return pv
    tahun = wb.settings.tahun
    if data.tahun is not None and data.tahun != tahun:
        pv.blocking.append(f"Berkas ini untuk tahun {data.tahun}, sedangkan buku kerja untuk tahun {tahun}. "
                           "Pilih berkas tahun yang benar.")

    by_kode: dict[str, list[M.Indicator]] = {}
    by_name: dict[str, list[M.Indicator]] = {}
    for ind in wb.indicators.values():
        if ind.kode.strip():
            by_kode.setdefault(re.sub(r"\s+", "", ind.kode), []).append(ind)
        by_name.setdefault(_norm_name(ind.nama), []).append(ind)

    idcol, kcol, ncol = mapping.get("id"), mapping.get("kode"), mapping.get("nama")
    kompcol = mapping.get("komponen")
    seen: dict[tuple[str, str], int] = {}
    for i in range(data.data_start, len(data.rows)):
        rn = i + 1
        get = (lambda c, _i=i: data.value(_i, c))
        fmt = (lambda c, _i=i: data.number_format(_i, c))
        ident = cell_text(get(idcol)) if idcol is not None else ""
        kode = kode_text(get(kcol), fmt(kcol)) if kcol is not None else ""
        nama = cell_text(get(ncol)) if ncol is not None else ""
        komp = cell_text(get(kompcol)) if kompcol is not None else ""
        # The cells this row brings: (field key, column, raw value).
        if komp:
            cells = [("nilai_komponen", komp_value_col, get(komp_value_col))] if komp_value_col is not None else []
            stray = [(f, mapping[f.key]) for f in value_fields
                     if mapping[f.key] != komp_value_col and not _is_blank(get(mapping[f.key]))]
        else:
            cells = [(f.key, mapping[f.key], get(mapping[f.key])) for f in value_fields] + \
                [(KOMPONEN_PREFIX + name, c, get(c)) for name, c in komp_cols.items()]
            stray = []
        if not any(not _is_blank(v) for _, _, v in cells) and not stray:
            continue  # nothing to import on this row
        label = kode or nama or ident

        # -- which indicator --
        ind, why = None, ""
        if ident:
            ind = wb.indicators.get(ident)
            why = "" if ind else "ID indikator tidak ada di buku kerja (templat dari buku kerja lain?)"
        if ind is None and not why and kode:
            found = by_kode.get(kode, [])
            if len(found) > 1:
                pv.ambiguous.append(Problem(rn, "", kode, nama, f"kode dipakai {len(found)} indikator"))
                continue
            if found:
                ind = found[0]
            else:
                twins = numeric_kode_twins(get(kcol), kode, by_kode)
                if twins:
                    pv.errors.append(Problem(rn, column_letter(kcol), kode, cell_text(get(kcol)),
                                             numeric_kode_message(kode, twins)))
                    continue
        if ind is None and not why and nama:
            found = by_name.get(_norm_name(nama), [])
            if len(found) > 1:
                pv.ambiguous.append(Problem(rn, "", kode, nama, f"nama dipakai {len(found)} indikator; "
                                                                 "bedakan dengan kodenya"))
                continue
            if found and kode and found[0].kode.strip() and re.sub(r"\s+", "", found[0].kode) != kode:
                why = f"nama cocok dengan indikator berkode {found[0].kode}, tetapi kodenya berbeda"
            elif found:
                ind = found[0]
        if ind is None:
            pv.unmatched.append(Problem(rn, "", kode, nama or ident,
                                        why or ("kode dan nama indikator tidak ada di buku kerja" if kode or nama
                                                else "kode dan nama indikator kosong")))
            continue

        # -- one row per indicator, one per komponen --
        key = (ind.id, komponen_key(komp) if komp else "")
        if key in seen:
            what = f"Komponen '{komp}' dari indikator" if komp else "Indikator"
            pv.blocking.append(f"{what} '{ind.nama}' muncul dua kali (baris {seen[key]} dan {rn}). "
                               "Setiap indikator/komponen hanya boleh satu baris.")
            continue
        seen[key] = rn
        for f, c in stray:
            pv.errors.append(Problem(rn, column_letter(c), label, cell_text(get(c)),
                                     f"{f.label}: baris komponen hanya berisi nilai komponen"))

        known = {komponen_key(n): n for n in komponen_names(ind, tahun)}
        match = RowMatch(rn, ind.kode or kode, nama, ind.id, ind.nama)
        pv.matched.append(match)
        for fkey, col, raw in cells:
            where = column_letter(col)
            if fkey == "nilai_komponen" or fkey.startswith(KOMPONEN_PREFIX):
                name_in = komp if fkey == "nilai_komponen" else fkey[len(KOMPONEN_PREFIX):]
                title = f"Komponen {name_in}"
                try:
                    new = komponen_cell(raw, fmt(col))
                except InputError as exc:
                    pv.errors.append(Problem(rn, where, label, cell_text(raw), f"{title}: {exc}"))
                    continue
                if new is None:
                    continue
                name = known.get(komponen_key(name_in))
                if name is None:
                    hint = (f"komponen yang dikenal: {', '.join(known.values())}" if known else
                            "indikator ini tidak memakai komponen (tidak punya rumus komponen)")
                    pv.errors.append(Problem(rn, where, label, cell_text(raw),
                                             f"{title}: bukan komponen indikator '{ind.nama}'; {hint}"))
                    continue
                old = ind.komponen.get(tahun, {}).get(name)
                if old != new:
                    match.changes.append((KOMPONEN_PREFIX + name, old, new))
                    pv.ops.append(SetOp(CellRef("komponen", (ind.id, tahun, name), "nilai"), new))
                continue
            f = IND_FIELD_BY_KEY[fkey]
            try:
                new = indicator_cell(raw, ind, fmt(col))
            except InputError as exc:
                pv.errors.append(Problem(rn, where, label, cell_text(raw), f"{f.label}: {exc}"))
                continue
            if new is None:
                continue  # empty cell: the stored value stays
            if f.key == "realisasi" and ind.rumus_komponen and not (
                    isinstance(new, Predikat) and new.score is None):
                pv.errors.append(Problem(
                    rn, where, label, cell_text(raw),
                    f"{f.label}: indikator '{ind.nama}' dihitung dari komponen ({ind.rumus_komponen}); "
                    "isi nilai komponennya (baris Komponen), bukan realisasinya"
                    + (" — boleh predikatnya saja, mis. A" if ind.jenis == "predikat" else "")))
                continue
            old = ind.values.get((tahun, f.jenis_nilai, f.periode))
            if old != new:
                match.changes.append((f.key, old, new))
                pv.ops.append(SetOp(CellRef("indicator_value", (ind.id, tahun, f.jenis_nilai, f.periode), "nilai"),
                                    new))
    if not pv.matched and not pv.blocking and not pv.errors:
        pv.blocking.append("Tidak ada baris yang cocok dengan indikator di buku kerja (menurut kode atau nama).")
    return pv


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


def format_change(key: str, old, new, jenis: str = "anggaran") -> str:
    if key.startswith(KOMPONEN_PREFIX):
        return f"Komponen {key[len(KOMPONEN_PREFIX):]}: {format_value(old, None)} → {format_value(new, None)}"
    if jenis == "indikator":
        return f"{IND_FIELD_BY_KEY[key].label}: {format_value(old, None)} → {format_value(new, None)}"
    f = FIELD_BY_KEY[key]
    return f"{f.label}: {format_rupiah(old) if isinstance(old, int) else '-'} → {format_rupiah(new)}"
