"""The blank entry template (.xlsx): the budget tree with kode and nama, and empty money
columns a colleague fills in Excel; ``store.xlsx_import`` reads it back with the same checks.

The header titles are the import's field labels, so the columns map themselves (in any
order). The title row states the year, so a template filled for another year is refused.
Every text cell is written as text (``data_type = "s"``): a name beginning with "=" must
never become a formula in someone else's Excel.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..domain import model as M
from ..store.xlsx_import import FIELD_BY_KEY

SHEET = "Isian Anggaran"
LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}
VALUE_KEYS = ["pagu_murni", "pagu_perubahan", "realisasi"] + [f"realisasi_tw{n}" for n in range(1, 5)]
HEADER_ROW = 4
_PARENT_FILL = PatternFill("solid", fgColor="E7E6E6")
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")


def _text(ws, row: int, col: int, value: str, **style):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # user text never becomes a formula
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def write_entry_template(wb: M.Workbook, out: Path | str) -> Path:
    out = Path(out)
    book = XlsxWorkbook()
    ws = book.active
    ws.title = SHEET
    tahun = wb.settings.tahun
    _text(ws, 1, 1, f"Isian anggaran — {wb.opd.nama or 'OPD'}", font=Font(bold=True, size=12))
    _text(ws, 2, 1, f"Tahun Anggaran {tahun}")
    _text(ws, 3, 1, "Isi kolom nilai pada baris Sub Kegiatan saja (rupiah bulat, mis. 1.234.567). "
                    "Jangan mengubah kolom Kode. Sel kosong = tidak diubah.", font=Font(italic=True, size=9))
    headers = [FIELD_BY_KEY["kode"].label, "Tingkat", FIELD_BY_KEY["nama"].label] + \
        [FIELD_BY_KEY[k].label for k in VALUE_KEYS]
    for c, title in enumerate(headers, 1):
        _text(ws, HEADER_ROW, c, title, font=Font(bold=True), fill=_HEAD_FILL,
              alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"))
    r = HEADER_ROW
    for item, depth in wb.walk_budget():
        r += 1
        parent = item.level != "sub_kegiatan"
        style = {"fill": _PARENT_FILL, "font": Font(bold=True)} if parent else {}
        kode = _text(ws, r, 1, item.kode, **style)
        kode.number_format = "@"  # Excel keeps "1.2" as text, not the number 1,2
        _text(ws, r, 2, LEVEL_LABEL.get(item.level, item.level), **style)
        _text(ws, r, 3, item.nama, alignment=Alignment(indent=depth, wrap_text=True), **style)
        for c in range(4, 4 + len(VALUE_KEYS)):
            cell = ws.cell(row=r, column=c)
            cell.number_format = "#,##0"
            if parent:
                cell.fill = _PARENT_FILL
    widths = [18, 13, 60] + [18] * len(VALUE_KEYS)
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)

    help_ws = book.create_sheet("Petunjuk")
    lines = [
        "Petunjuk pengisian",
        "1. Isi nilai hanya pada baris Sub Kegiatan; jumlah program dan kegiatan dihitung aplikasi.",
        "2. Rupiah tanpa sen: 1234567, 1.234.567 atau Rp 1.234.567 diterima.",
        "3. Sel kosong atau '-' berarti nilai di buku kerja tidak diubah.",
        "4. Urutan kolom boleh diubah asal judul kolom tetap; baris dicocokkan menurut Kode.",
        f"5. Templat ini untuk tahun {tahun}; berkas untuk tahun lain ditolak saat impor.",
    ]
    for i, line in enumerate(lines, 1):
        _text(help_ws, i, 1, line, **({"font": Font(bold=True)} if i == 1 else {}))
    help_ws.column_dimensions["A"].width = 100
    book.save(out)
    return out
