"""Excel files as SIPD / SIPKD / SIMDA write them: title rows, their column titles, a
cumulative "s.d." column turned into the quarter's own amount, formula cells named."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkip_desktop.edits import imports
from lkip_desktop.exchange import xlsx as X
from lkip_desktop.store.ops import CellRef

HEADERS = ["Kode", "Uraian", "Anggaran Setelah Perubahan", "Realisasi s.d. Periode Ini", "Sisa Anggaran", "%"]
SUB = "1.2.01.1"  # pagu 184.000.000 in the demo


def sipd_sheet(path: Path, cumulative, title_realisasi: str = HEADERS[3]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"])
    ws.append(["PEMERINTAH KOTA BEKASI - SEKRETARIAT DAERAH"])
    ws.append(["Tahun Anggaran 2024"])
    ws.append(["Periode: s.d. 30 September 2024"])
    ws.append([])
    ws.append(HEADERS[:3] + [title_realisasi] + HEADERS[4:])
    ws.append([1, 2, 3, 4, 5, 6])
    ws.append(["1", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 168_239_110_235, 100_000_000_000, None, None])
    ws.append(["1.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", 184_000_000, cumulative, None, None])
    ws.append([SUB, "Penyusunan Dokumen Perencanaan Perangkat Daerah", 184_000_000, cumulative,
               "=C10-D10", "=D10/C10*100"])
    wb.save(path)
    return path


def set_quarters(demo, item, amounts: dict[int, int]) -> None:
    for tw, amount in amounts.items():
        demo.set(CellRef("budget_quarter", (item.id, tw), "realisasi_keuangan"), amount)


def test_sipd_report_imports_without_map_into_the_named_quarter(demo, tmp_path):
    item = demo.wb.item_by_kode(SUB)
    set_quarters(demo, item, {1: 30_000_000, 2: 45_000_000})
    path = sipd_sheet(tmp_path / "sipd.xlsx", 120_000_000)
    pv = imports.import_xlsx(demo, path, triwulan=3)
    item = demo.wb.item_by_kode(SUB)
    assert item.quarters[3].realisasi_keuangan == 120_000_000 - 30_000_000 - 45_000_000
    assert pv.mapping["kode"] == 0 and pv.mapping["nama"] == 1 and pv.mapping["pagu_perubahan"] == 2
    report = pv.report()
    assert "TW III" in report and "kumulatif − TW I − TW II" in report
    assert "Sisa Anggaran" in report  # named as a derived column, not imported


def test_cumulative_needs_a_quarter_and_the_earlier_ones(demo, tmp_path):
    path = sipd_sheet(tmp_path / "sipd.xlsx", 120_000_000)
    with pytest.raises(X.XlsxImportError, match="--triwulan"):
        imports.import_xlsx(demo, path, dry_run=True)
    with pytest.raises(X.XlsxImportError, match="TW I belum ada"):
        imports.import_xlsx(demo, path, triwulan=3, dry_run=True)
    # the quarter can also come from the column title
    item = demo.wb.item_by_kode(SUB)
    set_quarters(demo, item, {1: 30_000_000})
    titled = sipd_sheet(tmp_path / "tw2.xlsx", 50_000_000, "Realisasi s.d. Triwulan II")
    imports.import_xlsx(demo, titled)
    assert demo.wb.item_by_kode(SUB).quarters[2].realisasi_keuangan == 20_000_000
    with pytest.raises(X.XlsxImportError, match="menyebut TW II"):
        imports.import_xlsx(demo, titled, triwulan=3, dry_run=True)


def test_cli_triwulan_option(demo_path, tmp_path, capsys):
    from lkip_desktop.cli import main as cli_main
    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.open(demo_path) as svc:
        set_quarters(svc, svc.wb.item_by_kode(SUB), {1: 10_000_000})
    path = sipd_sheet(tmp_path / "sipd.xlsx", 25_000_000)
    assert cli_main(["import-xlsx", str(demo_path), str(path), "--triwulan", "2"]) == 0
    assert "TW II" in capsys.readouterr().out
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert svc.wb.item_by_kode(SUB).quarters[2].realisasi_keuangan == 15_000_000


def _with_cached_value(path: Path, cell: str, value: str) -> None:
    """openpyxl writes no cached results; put one in, as Excel would."""
    src = zipfile.ZipFile(path)
    parts = {n: src.read(n) for n in src.namelist()}
    src.close()
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode()
    xml, n = re.subn(rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)(<v>\s*</v>|<v/>)?', rf"\1\2<v>{value}</v>", xml)
    assert n == 1
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_formula_cells_are_named_used_when_cached_refused_when_not(demo, tmp_path):
    path = tmp_path / "rumus.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode", "Uraian", "Pagu Perubahan", "Realisasi"])
    ws.append([SUB, "Penyusunan Dokumen", 184_000_000, "=150000000+1000000"])
    wb.save(path)
    with pytest.raises(X.XlsxImportError, match="D2 berisi rumus"):
        imports.import_xlsx(demo, path, dry_run=True)
    _with_cached_value(path, "D2", "151000000")
    pv = imports.import_xlsx(demo, path)
    assert demo.wb.item_by_kode(SUB).realisasi == 151_000_000
    assert "sel D2: rumus =150000000+1000000, dipakai nilai 151000000" in pv.report()
