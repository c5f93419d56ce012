"""The blank entry template (.xlsx) a colleague fills in Excel; ``exchange.xlsx`` reads
it back with the same checks.

Sheets: "Petunjuk" (instructions, first so it is what Excel opens on), "Isian Anggaran"
(the budget tree with kode and nama, empty money columns) and "Isian Indikator" (every
indicator with kode, nama, satuan, this year's target, empty realisasi TW I–IV and tahunan;
under a composite indicator one row per komponen whose value goes in the Realisasi column).

The header titles are the import's field labels, so the columns map themselves (in any
order). The title rows state the year, so a template filled for another year is refused.
The indicator sheet carries each indicator's internal id in a hidden column, so a row
still matches when kode or name are missing or not unique. Header rows, kode and names are
protected (no password: Review > Unprotect Sheet, e.g. to reorder columns); input cells are
unlocked and validated (rupiah: decimal >= 0; predikat: a list, with a warning only so
"A (82,04)" is still possible). Every text cell is written as text (``data_type = "s"``):
a name beginning with "=" must never become a formula in someone else's Excel.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain import model as M
from ..domain.values import GRADES, Predikat
from ..store.database import check_output_path
from ..exchange.xlsx import (
    FIELD_BY_KEY,
    IND_FIELD_BY_KEY,
    indicators_in_order,
    komponen_names,
)

SHEET = "Isian Anggaran"
IND_SHEET = "Isian Indikator"
HELP_SHEET = "Petunjuk"
LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}
OWNER_LABEL = {"tujuan": "IKT", "sasaran": "IKU", **LEVEL_LABEL}
VALUE_KEYS = ["pagu_murni", "pagu_perubahan", "realisasi"] + [f"realisasi_tw{n}" for n in range(1, 5)]
IND_TW_KEYS = [f"realisasi_tw{n}" for n in range(1, 5)]
HEADER_ROW = 4
_PARENT_FILL = PatternFill("solid", fgColor="E7E6E6")
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_OPEN = Protection(locked=False)


def _text(ws, row: int, col: int, value: str, **style):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # user text never becomes a formula
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def _protect(ws) -> None:
    """Locked cells stay as they are; formatting, column widths and filters remain allowed."""
    p = ws.protection
    p.sheet = True
    p.formatCells = p.formatColumns = p.formatRows = False
    p.autoFilter = p.sort = False


def _header(ws, titles: list[str]) -> None:
    for c, title in enumerate(titles, 1):
        _text(ws, HEADER_ROW, c, title, font=Font(bold=True), fill=_HEAD_FILL,
              alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"))
    ws.row_dimensions[HEADER_ROW].height = 32


def write_entry_template(wb: M.Workbook, out: Path | str) -> Path:
    out = check_output_path(out)  # never overwrites a workbook
    book = XlsxWorkbook()
    help_ws = book.active
    help_ws.title = HELP_SHEET
    _write_help(help_ws, wb)
    _write_budget(book.create_sheet(SHEET), wb)
    _write_indicators(book.create_sheet(IND_SHEET), wb)
    book.save(out)
    return out


def _write_help(ws, wb: M.Workbook) -> None:
    tahun = wb.settings.tahun
    lines = [
        (f"Petunjuk pengisian templat — {wb.opd.nama or 'OPD'}, tahun {tahun}", True),
        ("", False),
        (f"Lembar '{SHEET}' (pagu dan realisasi anggaran)", True),
        ("1. Isi nilai hanya pada baris Sub Kegiatan; jumlah program dan kegiatan dihitung aplikasi.", False),
        ("2. Rupiah bulat tanpa sen, mis. 1234567 (Excel berbahasa Indonesia juga menerima 1.234.567).", False),
        ("3. Sel kosong atau '-' berarti nilai di buku kerja tidak diubah.", False),
        ("", False),
        (f"Lembar '{IND_SHEET}' (target dan realisasi indikator)", True),
        ("4. Isi Target, Realisasi TW I–IV dan Realisasi tahunan. Angka boleh berkoma, mis. 88,5.", False),
        ("5. Indikator berjenis predikat diisi dengan huruf (AA, A, BB, B, CC, C, D), boleh dengan nilai, "
         "mis. A (82,04).", False),
        ("6. Indikator yang dihitung dari komponen (baris 'Komponen' di bawahnya): isi nilai setiap komponen "
         "pada kolom Realisasi baris komponen itu. Realisasi indikatornya dihitung aplikasi.", False),
        ("7. Baris dicocokkan menurut ID (kolom tersembunyi), lalu Kode, lalu nama indikator.", False),
        ("", False),
        ("Umum", True),
        ("8. Jangan mengubah kolom Kode, Nama dan ID. Judul kolom dan baris judul dilindungi; "
         "urutan kolom boleh diubah (Review > Unprotect Sheet, tanpa kata sandi) asal judul kolom tetap.", False),
        ("9. Bila kode diketik sendiri, format kolom Kode sebagai Teks agar 1.10 tidak menjadi 1,1.", False),
        (f"10. Templat ini untuk tahun {tahun}; berkas untuk tahun lain ditolak saat impor.", False),
        ("11. Impor di aplikasi: Berkas > Impor dari Excel…, pilih lembar yang diisi. Semua baris diimpor "
         "sekaligus atau tidak sama sekali, dan dapat diurungkan.", False),
    ]
    for i, (line, bold) in enumerate(lines, 1):
        if line:
            _text(ws, i, 1, line, font=Font(bold=bold, size=12 if i == 1 else 11),
                  alignment=Alignment(wrap_text=True, vertical="top"))
    ws.column_dimensions["A"].width = 110
    _protect(ws)


def _write_budget(ws, wb: M.Workbook) -> None:
    tahun = wb.settings.tahun
    _text(ws, 1, 1, f"Isian anggaran — {wb.opd.nama or 'OPD'}", font=Font(bold=True, size=12))
    _text(ws, 2, 1, f"Tahun Anggaran {tahun}")
    _text(ws, 3, 1, "Isi kolom nilai pada baris Sub Kegiatan saja (rupiah bulat, mis. 1234567). "
                    "Jangan mengubah kolom Kode. Sel kosong = tidak diubah.", font=Font(italic=True, size=9))
    headers = [FIELD_BY_KEY["kode"].label, "Tingkat", FIELD_BY_KEY["nama"].label] + \
        [FIELD_BY_KEY[k].label for k in VALUE_KEYS]
    _header(ws, headers)
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Rupiah tidak sah",
                           error="Isi rupiah bulat tanpa sen, 0 atau lebih (mis. 1234567).",
                           promptTitle="Rupiah", prompt="Rupiah bulat, mis. 1234567. Kosong = tidak diubah.",
                           showInputMessage=True)
    ws.add_data_validation(money)
    r = HEADER_ROW
    first_col, last_col = 4, 3 + len(VALUE_KEYS)
    for item, depth in wb.walk_budget():
        r += 1
        parent = item.level != "sub_kegiatan"
        style = {"fill": _PARENT_FILL, "font": Font(bold=True)} if parent else {}
        kode = _text(ws, r, 1, item.kode, **style)
        kode.number_format = "@"  # Excel keeps "1.2" as text, not the number 1,2
        _text(ws, r, 2, LEVEL_LABEL.get(item.level, item.level), **style)
        _text(ws, r, 3, item.nama, alignment=Alignment(indent=depth, wrap_text=True), **style)
        for c in range(first_col, last_col + 1):
            cell = ws.cell(row=r, column=c)
            cell.number_format = "#,##0"
            if parent:
                cell.fill = _PARENT_FILL
            else:
                cell.protection = _OPEN
        if not parent:
            money.add(f"{get_column_letter(first_col)}{r}:{get_column_letter(last_col)}{r}")
    widths = [18, 13, 60] + [18] * len(VALUE_KEYS)
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    _protect(ws)


def _number(v):
    """A stored target as a cell value: Decimal stays a number, a predikat becomes its text."""
    if v is None:
        return None
    if isinstance(v, Predikat):
        return v.grade if v.score is None else f"{v.grade} ({format(v.score, 'f').replace('.', ',')})"
    return v


def _write_indicators(ws, wb: M.Workbook) -> None:
    tahun = wb.settings.tahun
    F = IND_FIELD_BY_KEY
    _text(ws, 1, 1, f"Isian indikator kinerja — {wb.opd.nama or 'OPD'}", font=Font(bold=True, size=12))
    _text(ws, 2, 1, f"Tahun {tahun}")
    _text(ws, 3, 1, "Isi target dan realisasi (angka boleh berkoma, mis. 88,5; predikat mis. A atau A (82,04)). "
                    "Indikator berkomponen: isi nilai komponen pada baris Komponen. Sel kosong = tidak diubah.",
          font=Font(italic=True, size=9))
    titles = [F["kode"].label, "Tingkat", F["nama"].label, F["komponen"].label, "Satuan", f"Target {tahun}"] + \
        [F[k].label for k in IND_TW_KEYS] + [f"Realisasi {tahun}", F["id"].label]
    _header(ws, titles)
    col = {name: i + 1 for i, name in enumerate(
        ["kode", "tingkat", "nama", "komponen", "satuan", "target"] + IND_TW_KEYS + ["realisasi", "id"])}
    grades = DataValidation(type="list", formula1='"' + ",".join(reversed(GRADES)) + '"', allow_blank=True,
                            showErrorMessage=True, errorStyle="warning", errorTitle="Predikat",
                            error="Predikat AA, A, BB, B, CC, C atau D; boleh dengan nilai, mis. A (82,04). "
                                  "Lanjutkan?")
    numbers = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                             allow_blank=True, showErrorMessage=True, errorStyle="warning", errorTitle="Angka",
                             error="Isi angka, mis. 88,5. Lanjutkan?")
    ws.add_data_validation(grades)
    ws.add_data_validation(numbers)
    value_cols = [col["target"]] + [col[k] for k in IND_TW_KEYS] + [col["realisasi"]]
    r = HEADER_ROW
    for ind in indicators_in_order(wb):
        r += 1
        composite = bool(ind.rumus_komponen)
        head = {"font": Font(bold=True)} if ind.owner_kind in ("tujuan", "sasaran") else {}
        k = _text(ws, r, col["kode"], ind.kode, **head)
        k.number_format = "@"
        _text(ws, r, col["tingkat"], OWNER_LABEL.get(ind.owner_kind, ind.owner_kind))
        _text(ws, r, col["nama"], ind.nama, alignment=Alignment(wrap_text=True), **head)
        _text(ws, r, col["satuan"], ind.satuan)
        _text(ws, r, col["id"], ind.id)
        ws.cell(row=r, column=col["komponen"]).fill = _LOCKED_FILL
        target = _number(ind.target(tahun))
        tcell = ws.cell(row=r, column=col["target"])
        if isinstance(target, str):
            _text(ws, r, col["target"], target)
        else:
            tcell.value = target
        validation = grades if ind.jenis == "predikat" else numbers
        for c in value_cols:
            cell = ws.cell(row=r, column=c)
            if c == col["realisasi"] and composite and ind.jenis != "predikat":
                cell.fill = _LOCKED_FILL
                cell.comment = Comment("Dihitung aplikasi dari komponen di bawah; isi nilai komponennya.", "LKIP")
                continue
            cell.protection = _OPEN
            if ind.jenis == "predikat":
                cell.number_format = "@"
            validation.add(cell.coordinate)
        if composite and ind.jenis == "predikat":
            ws.cell(row=r, column=col["realisasi"]).comment = Comment(
                "Nilai dihitung dari komponen di bawah; di sini cukup predikatnya (mis. A).", "LKIP")
        for name in komponen_names(ind, tahun) if composite else []:
            r += 1
            grey = {"fill": _LOCKED_FILL, "font": Font(italic=True, color="595959")}
            k = _text(ws, r, col["kode"], ind.kode, **grey)
            k.number_format = "@"
            _text(ws, r, col["tingkat"], "Komponen", **grey)
            _text(ws, r, col["nama"], ind.nama, alignment=Alignment(wrap_text=True, indent=2), **grey)
            _text(ws, r, col["komponen"], name, font=Font(italic=True))
            _text(ws, r, col["id"], ind.id)
            ws.cell(row=r, column=col["satuan"]).fill = _LOCKED_FILL
            for c in value_cols[:-1]:
                ws.cell(row=r, column=c).fill = _LOCKED_FILL
            cell = ws.cell(row=r, column=col["realisasi"])
            cell.protection = _OPEN
            numbers.add(cell.coordinate)
    widths = {"kode": 12, "tingkat": 12, "nama": 55, "komponen": 26, "satuan": 12, "target": 12,
              "realisasi": 13, "id": 34, **{k: 11 for k in IND_TW_KEYS}}
    for name, w in widths.items():
        ws.column_dimensions[get_column_letter(col[name])].width = w
    ws.column_dimensions[get_column_letter(col["id"])].hidden = True
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=col["komponen"])
    _protect(ws)
