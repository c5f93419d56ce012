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
from ..domain.errors import InputError
from ..domain.numbers import format_rupiah, parse_rupiah
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


def read_sheet(path: Path | str, sheet: str | None = None, *,
               progress: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> SheetData:
    """Check the file, then read one sheet's values (the first sheet by default).
    ``progress(rows_read)`` is called now and then (for a progress bar in a worker thread)."""
    path = Path(path)
    check_file(path)
    wb = _load(path)
    try:
        names = list(wb.sheetnames)
        if not names:
            raise XlsxImportError(f"'{path.name}' tidak berisi lembar kerja.")
        name = sheet or names[0]
        if name not in names:
            raise XlsxImportError(f"Lembar '{name}' tidak ada. Lembar yang ada: {', '.join(names)}.")
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
        try:
            for row in ws.iter_rows(values_only=True, max_col=MAX_COLS + 1):
                if len(rows) >= MAX_ROWS:
                    raise XlsxImportError(_too_big(name, len(rows) + 1, None))
                if len(row) > MAX_COLS and row[MAX_COLS] is not None:
                    raise XlsxImportError(_too_big(name, None, f"lebih dari {MAX_COLS}"))
                rows.append(_trim(row[:MAX_COLS]))
                if len(rows) % 500 == 0:
                    if progress:
                        progress(len(rows))
                    if cancelled and cancelled():
                        raise XlsxImportError("Pembacaan dibatalkan.")
        except XlsxImportError:
            raise
        except Exception as exc:  # noqa: BLE001 - damaged sheet XML
            raise XlsxImportError(f"Lembar '{name}' rusak dan tidak dapat dibaca ({_short(exc)}).") from exc
    finally:
        wb.close()
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    if progress:
        progress(len(rows))
    header = find_header_row(rows)
    return SheetData(path, name, names, rows, header, _stated_year(rows, header))


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
    """The first row (within the top rows) with a 'Kode' cell and at least one other known header."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys = [_HEADER_WORDS.get(normalize_header(v)) for v in row if isinstance(v, str)]
        if "kode" in keys and sum(1 for k in keys if k) >= 2:
            return i
    return None


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

def auto_mapping(data: SheetData) -> dict[str, int]:
    """Field -> column index from the header row's titles (first match wins)."""
    out: dict[str, int] = {}
    for idx, title in enumerate(data.headers()):
        key = _HEADER_WORDS.get(normalize_header(title))
        if key and key not in out:
            out[key] = idx
    return out


def parse_mapping(text: str, data: SheetData | None = None) -> dict[str, int]:
    """'kode=A,pagu_murni=C,tw1=H' -> field -> column index. A value that is not a column
    letter is looked up among the header titles (e.g. kode=Kode Rekening)."""
    out: dict[str, int] = {}
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        key, sep, col = (s.strip() for s in part.partition("="))
        key = ALIASES.get(key.lower(), key.lower())
        if not sep or key not in FIELD_BY_KEY or not col:
            raise XlsxImportError(
                f"Pemetaan '{part}' tidak sah. Bentuknya kolom=HURUF, mis. kode=A,pagu_murni=C. "
                f"Kolom yang dikenal: {', '.join(f.key for f in FIELDS)}."
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
            out.append(f"{len(self.unmatched)} baris tidak cocok (kode tidak ada di buku kerja; tidak diimpor):")
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


def kode_text(v) -> str:
    """A kode cell as text: a numeric kode (1, 1.2) as written, without '.0'."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return ""
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return re.sub(r"\s+", "", str(v))


def rupiah_value(v) -> int | None:
    """A money cell -> whole rupiah (None when empty or '-'). Raises InputError (Indonesian)."""
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
    if text in ("", "-", "–", "—"):
        return None
    return parse_rupiah(text)


def preview(wb: M.Workbook, data: SheetData, mapping: dict[str, int]) -> Preview:
    """Match each data row by kode and work out the edits; nothing is written."""
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
        kode = kode_text(get(kcol))
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


def import_label(data: SheetData) -> str:
    return f"Impor Excel: {data.path.name} ({data.sheet})"


def apply_import(svc: WorkbookService, pv: Preview) -> Changes:
    """Write the preview's edits as one transaction (one undo step). Refuses, unchanged, when
    the preview has any blocking problem."""
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    return svc.apply(pv.ops, import_label(pv.sheet))


def import_xlsx(svc: WorkbookService, path: Path | str, mapping: str | dict[str, int] | None = None,
                sheet: str | None = None, *, dry_run: bool = False) -> Preview:
    """Read, map, preview and (unless ``dry_run``) apply. Raises XlsxImportError on refusal."""
    data = read_sheet(path, sheet)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping, data)
    elif mapping is None:
        mapping = auto_mapping(data)
    pv = preview(svc.wb, data, mapping)
    if not pv.ok:
        raise XlsxImportError(pv.refusal())
    if not dry_run:
        apply_import(svc, pv)
    return pv


def format_change(key: str, old, new) -> str:
    f = FIELD_BY_KEY[key]
    return f"{f.label}: {format_rupiah(old) if isinstance(old, int) else '-'} → {format_rupiah(new)}"
