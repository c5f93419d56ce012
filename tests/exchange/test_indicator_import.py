"""Indicator figures from Excel: target, realisasi TW I–IV and tahunan, predikat, komponen;
matched by kode then unique name; all or nothing; kode cells Excel turned into numbers."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.edits import imports
from lkip_desktop.cli import main as cli_main
from lkip_desktop.domain.values import Predikat
from lkip_desktop.exchange import xlsx as X
from lkip_desktop.store.ops import CellRef, SetOp
from lkip_desktop.store.service import WorkbookService

from .helpers import sha


def _iku(wb, kode):
    return next(i for i in wb.iku_list() if i.kode == kode)


def _by_name(wb, nama):
    return next(i for i in wb.indicators.values() if i.nama == nama)


def _xlsx(path, rows, formats=None):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Capaian"
    for r in rows:
        ws.append(r)
    for (row, col), fmt in (formats or {}).items():
        ws.cell(row=row, column=col).number_format = fmt
    book.save(path)
    return path


def _state(svc):
    return {i.id: (dict(i.values), {y: dict(k) for y, k in i.komponen.items()}) for i in svc.wb.indicators.values()}


def test_indicator_sheet_other_tool_other_order(demo, tmp_path):
    wb = demo.wb
    iku1, iku3, iku4 = _iku(wb, "IKU-1"), _iku(wb, "IKU-3"), _iku(wb, "IKU-4")
    dok = _by_name(wb, "Jumlah Dokumen")
    dup = "Persentase Pelayanan Kedinasan Kepala Daerah dan Wakil Kepala Daerah"
    path = _xlsx(tmp_path / "capaian.xlsx", [
        ["CAPAIAN KINERJA Tahun 2024"],
        [],
        ["Nama Indikator", "Realisasi TW III", "Kode", "Target 2024", "Realisasi 2024", "Satuan",
         "Jumlah IKK Meningkat", "jumlah_ikk"],
        [iku4.nama, 87.86, "IKU-4", 84, "88,5", "Indeks", None, None],
        [iku1.nama, "30", "IKU-1", "45,5", None, "%", 70, "121"],
        [iku3.nama, None, "IKU-3", "AA", "A", "Nilai", None, None],
        [dok.nama.upper(), "5", None, None, "18", "Dokumen", None, None],  # by name (case does not matter)
        ["Indikator yang tidak ada", 1, None, None, 2, "", None, None],
        [dup, 1, None, None, 2, "%", None, None],
        ["Baris tanpa nilai", None, "X-9", None, None, "", None, None],
    ])
    before_cap = demo.calc.indicator(iku1.id).capaian.value
    pv = imports.import_xlsx(demo, path)
    assert pv.jenis == "indikator" and pv.ok
    assert pv.mapping["komponen:jumlah_ikk_meningkat"] == 6 and pv.mapping["komponen:jumlah_ikk"] == 7
    assert [p.text for p in pv.unmatched] == ["Indikator yang tidak ada"]
    assert [p.text for p in pv.ambiguous] == [dup]
    ind = demo.wb.indicators
    assert ind[iku4.id].target(2024) == Decimal("84")
    assert ind[iku4.id].typed_realisasi(2024) == Decimal("88.5")
    assert ind[iku4.id].typed_realisasi(2024, 3) == Decimal("87.86")
    assert ind[iku1.id].target(2024) == Decimal("45.5")
    assert ind[iku1.id].typed_realisasi(2024, 3) == Decimal("30")
    assert ind[iku1.id].komponen[2024] == {"jumlah_ikk_meningkat": Decimal("70"), "jumlah_ikk": Decimal("121")}
    assert ind[iku3.id].target(2024) == Predikat("AA") and ind[iku3.id].typed_realisasi(2024) == Predikat("A")
    assert ind[dok.id].typed_realisasi(2024) == Decimal("18") and ind[dok.id].typed_realisasi(2024, 3) == Decimal(5)
    # The capaian is recomputed from the new komponen and target.
    cap = demo.calc.indicator(iku1.id).capaian.value
    assert cap != before_cap and abs(cap - Decimal(70) / Decimal(121) * 100 / Decimal("45.5") * 100) < Decimal("1e-9")
    assert demo.calc.indicator(dok.id).capaian.value == Decimal(90)
    assert [e.label for e in demo.history(limit=3)][0] == "Impor Excel: capaian.xlsx (Capaian)"


def test_predikat_with_score_and_indonesian_numbers(demo, tmp_path):
    iku3 = _iku(demo.wb, "IKU-3")
    demo.set(CellRef("indicator", (iku3.id,), "rumus_komponen"), "")  # typed from now on
    path = _xlsx(tmp_path / "p.xlsx", [["Kode", "Indikator", "Realisasi", "Realisasi TW II"],
                                       ["IKU-3", iku3.nama, "A (82,04)", "bb"]])
    imports.import_xlsx(demo, path, jenis="indikator")
    assert demo.wb.indicators[iku3.id].typed_realisasi(2024) == Predikat("A", Decimal("82.04"))
    assert demo.wb.indicators[iku3.id].typed_realisasi(2024, 2) == Predikat("BB")


def test_percent_formatted_cell_is_a_percentage(demo, tmp_path):
    iku5 = _iku(demo.wb, "IKU-5")
    demo.set(CellRef("indicator", (iku5.id,), "rumus_komponen"), "")
    path = _xlsx(tmp_path / "p.xlsx", [["Kode", "Indikator", "Realisasi"], ["IKU-5", iku5.nama, 0.2955]],
                 {(2, 3): "0.00%"})
    imports.import_xlsx(demo, path, jenis="indikator")
    assert demo.wb.indicators[iku5.id].typed_realisasi(2024) == Decimal("29.55")


def test_bad_cells_listed_and_nothing_changed(demo, tmp_path):
    wb = demo.wb
    iku1, iku2, iku4 = _iku(wb, "IKU-1"), _iku(wb, "IKU-2"), _iku(wb, "IKU-4")
    path = _xlsx(tmp_path / "bad.xlsx", [
        ["Kode", "Indikator", "Komponen", "Target", "Realisasi TW I", "Realisasi"],
        ["IKU-4", iku4.nama, None, 90, "delapan", "88"],        # C? no: E is bad
        ["IKU-1", iku1.nama, None, None, None, "49,59"],         # typed realisasi of a composite
        ["IKU-1", iku1.nama, "jumlah_ikk", None, None, "121"],   # komponen row: fine
        ["IKU-1", iku1.nama, "jumlah_opd", None, None, "5"],     # not a komponen of IKU-1
        ["IKU-2", iku2.nama, "realisasi_pelaksanaan_kegiatan", 7, None, "96"],  # komponen row with a target
    ])
    before, audit = sha(demo.path), len(demo.history(limit=100000))
    state = _state(demo)
    data = X.read_sheet(path)
    assert X.detect_jenis(data) == "indikator"
    pv = X.preview(demo.wb, data, X.auto_mapping(data, "indikator", demo.wb), "indikator")
    where = sorted((p.row, p.kolom) for p in pv.errors)
    assert where == [(2, "E"), (3, "F"), (5, "F"), (6, "D")]
    messages = " ".join(p.pesan for p in pv.errors)
    assert "dihitung dari komponen" in messages and "bukan komponen indikator" in messages
    assert "baris komponen hanya berisi nilai komponen" in messages
    with pytest.raises(X.XlsxImportError) as err:
        imports.import_xlsx(demo, path)
    assert "baris 3, kolom F" in str(err.value) and "Tidak ada yang diimpor" in str(err.value)
    assert sha(demo.path) == before and len(demo.history(limit=100000)) == audit and _state(demo) == state


def test_duplicate_indicator_rows_and_wrong_year_refused(demo, tmp_path):
    iku4 = _iku(demo.wb, "IKU-4")
    dup = _xlsx(tmp_path / "dup.xlsx", [["Kode", "Indikator", "Realisasi"], ["IKU-4", iku4.nama, 1],
                                        [None, iku4.nama, 2]])
    with pytest.raises(X.XlsxImportError, match="muncul dua kali"):
        imports.import_xlsx(demo, dup)
    year = _xlsx(tmp_path / "y.xlsx", [["Capaian Tahun 2023"], ["Kode", "Indikator", "Realisasi"],
                                       ["IKU-4", iku4.nama, 1]])
    with pytest.raises(X.XlsxImportError, match="tahun 2023"):
        imports.import_xlsx(demo, year)
    assert demo.wb.indicators[iku4.id].typed_realisasi(2024) == Decimal("88.13")


# -- kode cells that Excel turned into numbers --------------------------------------------------

def test_numeric_kode_read_as_displayed(demo, tmp_path):
    iku4 = _iku(demo.wb, "IKU-4")
    iku5 = next(i for i in demo.wb.indicators.values() if i.kode == "IKT-1")  # typed, not composite
    demo.apply([SetOp(CellRef("indicator", (iku4.id,), "kode"), "1.10"),
                SetOp(CellRef("indicator", (iku5.id,), "kode"), "02")], "kode")
    # "1.10" typed as a number is stored as 1.1; shown as 1.10 with the format "0.00".
    path = _xlsx(tmp_path / "k.xlsx", [["Kode", "Realisasi"], [1.1, "90"], [2, "25"]],
                 {(2, 1): "0.00", (3, 1): "00"})
    data = X.read_sheet(path)
    assert data.formats[(1, 0)] == "0.00"
    assert X.kode_text(1.1, "0.00") == "1.10" and X.kode_text(2, "00") == "02" and X.kode_text(1.1) == "1.1"
    imports.import_xlsx(demo, path, jenis="indikator")
    assert demo.wb.indicators[iku4.id].typed_realisasi(2024) == Decimal("90")
    assert demo.wb.indicators[iku5.id].typed_realisasi(2024) == Decimal("25")


def test_numeric_kode_that_lost_its_zero_is_refused(demo, tmp_path):
    iku4 = _iku(demo.wb, "IKU-4")
    demo.set(CellRef("indicator", (iku4.id,), "kode"), "1.10")
    path = _xlsx(tmp_path / "k.xlsx", [["Kode", "Realisasi"], [1.1, "90"]])  # General: shown as 1.1
    before = sha(demo.path)
    with pytest.raises(X.XlsxImportError) as err:
        imports.import_xlsx(demo, path, jenis="indikator")
    text = str(err.value)
    assert "baris 2, kolom A" in text and "1.10" in text and "Format kolom Kode sebagai Teks" in text
    assert sha(demo.path) == before


def test_numeric_budget_kode(demo, tmp_path):
    sub = next(it for it, _ in demo.wb.walk_budget() if it.level == "sub_kegiatan")
    demo.set(CellRef("budget_item", (sub.id,), "kode"), "7.20")
    bad = _xlsx(tmp_path / "a.xlsx", [["Kode", "Pagu Murni"], [7.2, 5_000]])
    with pytest.raises(X.XlsxImportError, match="Format kolom Kode sebagai Teks"):
        imports.import_xlsx(demo, bad)
    good = _xlsx(tmp_path / "b.xlsx", [["Kode", "Pagu Murni"], [7.2, 5_000]], {(2, 1): "0.00"})
    imports.import_xlsx(demo, good)
    assert demo.wb.items[sub.id].pagu_murni == 5_000


def test_cli_indicator_import(demo_path, tmp_path, capsys):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        iku4 = _iku(svc.wb, "IKU-4")
    path = _xlsx(tmp_path / "c.xlsx", [[None, "IKU-4", "89,25"]])
    args = ["import-xlsx", str(demo_path), str(path), "--jenis", "indikator", "--map", "kode=B,realisasi=C"]
    before = sha(demo_path)
    assert cli_main(args + ["--dry-run"]) == 0 and sha(demo_path) == before
    assert "88,13 → 89,25" in capsys.readouterr().out
    assert cli_main(args) == 0
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert svc.wb.indicators[iku4.id].typed_realisasi(2024) == Decimal("89.25")
    assert cli_main(["import-xlsx", str(demo_path), str(path), "--jenis", "indikator", "--map", "pagu=C"]) == 1
    assert "tidak sah" in capsys.readouterr().err


def test_detect_jenis_from_titles_then_content(demo, tmp_path):
    sub = next(it for it, _ in demo.wb.walk_budget() if it.level == "sub_kegiatan")
    iku4 = _iku(demo.wb, "IKU-4")
    cases = [
        ([["Kode", "Pagu Murni", "Realisasi"], [sub.kode, 1, 1]], "anggaran"),
        ([["Kode", "Indikator", "Satuan", "Target 2024"], ["IKU-4", iku4.nama, "", 1]], "indikator"),
        # Titles alone do not settle it: the kode cells do.
        ([["Kode", "Uraian", "Realisasi 2024"], [sub.kode, sub.nama, 5_000]], "anggaran"),
        ([["Kode", "Uraian", "Realisasi 2024"], ["IKU-4", iku4.nama, "90"]], "indikator"),
    ]
    for n, (rows, want) in enumerate(cases):
        data = X.read_sheet(_xlsx(tmp_path / f"{n}.xlsx", rows))
        assert X.detect_jenis(data, demo.wb) == want, rows[0]
    imports.import_xlsx(demo, tmp_path / "2.xlsx")
    assert demo.wb.items[sub.id].realisasi == 5_000
