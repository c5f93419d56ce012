"""Acceptance on the published Setda Kota Bekasi LKIP 2024: the demo reproduces the
printed capaian from the komponen, and reviu finds the report's own input errors only."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from lkip_desktop.cli import main as cli_main
from lkip_desktop.domain.numbers import round_half_up
from lkip_desktop.domain.reviu import KESALAHAN, check
from lkip_desktop.exchange import jsonio
from lkip_desktop.store.service import WorkbookService

from ..conftest import REFERENCE

PRINTED = {"IKU-1": "123.97", "IKU-2": "100.99", "IKU-3": "100.00", "IKU-4": "106.18", "IKU-5": "129.98"}


def test_capaian_reproduce_the_published_figures(demo):
    for ind in demo.wb.iku_list():
        value = demo.calc.indicator(ind.id).capaian.value
        assert round_half_up(value) == Decimal(PRINTED[ind.kode]), ind.kode
    assert round_half_up(demo.calc.opd_average().value) == Decimal("112.23")


def test_composites_are_computed_from_komponen_not_the_rounded_print(demo):
    ikk = next(i for i in demo.wb.iku_list() if i.kode == "IKU-1")
    result = demo.calc.indicator(ikk.id)
    assert result.realisasi.source == "komponen"
    assert result.realisasi.value == Decimal(60) * 100 / Decimal(121)
    # from the printed 49,59 the capaian would be 123,98 (RULES §1)
    assert round_half_up(Decimal("49.59") / 40 * 100) == Decimal("123.98")


def test_budget_totals_and_efisiensi(demo):
    t = demo.calc.opd_totals()
    assert (t.pagu_murni, t.pagu_perubahan, t.realisasi) == (229_444_689_696, 235_997_078_013, 203_400_576_968)
    assert round_half_up(t.serapan) == Decimal("86.19")
    eff = {i.kode: demo.calc.iku_budget(i.id).efisiensi for i in demo.wb.iku_list()}
    # E1 = round2(C) - round2(S): 36,77 / 10,74 / 9,94 as printed; AKIP 10,03 and SAKIP 37,78 by the rules
    assert eff == {"IKU-1": Decimal("36.77"), "IKU-2": Decimal("10.74"), "IKU-3": Decimal("10.03"),
                   "IKU-4": Decimal("9.94"), "IKU-5": Decimal("37.78")}


def test_reviu_flags_exactly_the_reports_input_discrepancies(demo):
    errors = [f for f in check(demo.wb, demo.calc) if f.level == KESALAHAN]
    found = sorted((f.code, f.where.split()[2]) for f in errors)
    assert found == [
        ("tw-fisik-target", "1.2.07.2"),  # 7 + 10 + 11 = 28 Unit, annual 31
        ("tw-fisik-target", "1.2.12.3"),  # 3 x 4 = 12 Paket, annual 11
        ("tw-realisasi-serapan", "1.2.06.1"),  # 82,45 + 15,22 = 97,67 vs 96,00
        ("tw-realisasi-serapan", "2.2.02.3"),  # 99,99 vs 99,97
        ("tw-target-keuangan-100", "1.2.09.11"),  # 22,44
        ("tw-target-keuangan-100", "2.2.02.2"),  # 31,65
    ]
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    listed = " ".join(d["where"] for d in data["discrepancies"])
    for _, kode in found:
        assert kode in listed


def test_reviu_catches_a_new_mistake(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    from lkip_desktop.store.ops import CellRef

    demo.set(CellRef("budget_item", (item.id,), "realisasi"), 999_000_000)
    codes = {f.code for f in check(demo.wb, demo.calc) if f.where.split()[2] == "1.2.01.1"}
    assert "realisasi-melebihi-pagu" in codes


def test_pk_versions_loaded_signed_with_their_own_parties(demo):
    murni, perubahan = demo.wb.pk_list()
    assert (murni.jenis, murni.pihak1_golongan, str(murni.tanggal)) == ("murni", "IV.c", "2024-01-02")
    assert (perubahan.jenis, perubahan.pihak1_golongan, str(perubahan.tanggal)) == ("perubahan", "IV.d", "2024-11-04")
    assert sum(r.anggaran for r in demo.wb.pk_program_rows(murni.id)) == 229_444_689_696
    assert sum(r.anggaran for r in demo.wb.pk_program_rows(perubahan.id)) == 235_997_078_013
    assert murni.pihak1_nip == "196610061986031008"


def test_json_round_trip_is_identical(demo, tmp_path):
    first = tmp_path / "a.json"
    jsonio.export_json(demo, first)
    with jsonio.import_json(first, tmp_path / "b.lkip") as again:
        second = tmp_path / "b.json"
        jsonio.export_json(again, second)
        assert round_half_up(again.calc.opd_average().value) == Decimal("112.23")
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", ["{bukan json", '{"format": "lain/1"}', '{"format": "lkip-workbook/1"}', "[]"])
def test_bad_json_is_refused_and_leaves_no_file(tmp_path, content):
    src = tmp_path / "x.json"
    src.write_text(content, encoding="utf-8")
    from lkip_desktop.domain.errors import InputError

    with pytest.raises(InputError):
        jsonio.import_json(src, tmp_path / "x.lkip")
    assert not (tmp_path / "x.lkip").exists()


def test_cli_summary_check_history(demo_path, capsys):
    assert cli_main(["summary", str(demo_path)]) == 0
    out = capsys.readouterr().out
    for figure in ("123,97", "100,99", "100,00", "106,18", "129,98", "112,23", "86,19"):
        assert figure in out
    assert cli_main(["check", str(demo_path)]) == 1  # the report's own errors are found
    assert "6 kesalahan" in capsys.readouterr().out
    assert cli_main(["history", str(demo_path), "--batas", "3"]) == 0
    assert "tambah" in capsys.readouterr().out


def test_cli_new_and_json(tmp_path, demo_path, capsys):
    new = tmp_path / "baru.lkip"
    assert cli_main(["new", str(new), "--tahun", "2025", "--renstra", "2025-2029", "--opd", "Dinas Uji"]) == 0
    with WorkbookService.open(new, readonly=True) as svc:
        assert svc.wb.opd.nama == "Dinas Uji" and svc.wb.settings.renstra_akhir == 2029
    out = tmp_path / "demo.json"
    assert cli_main(["export-json", str(demo_path), str(out)]) == 0
    assert cli_main(["import-json", str(out), str(tmp_path / "kembali.lkip")]) == 0
    assert cli_main(["summary", str(tmp_path / "tidak-ada.lkip")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_last_year_comparison_uses_dot_decimals(demo):
    """RULES §8: IPP 88,87 − 89,414 = −0,54 poin; IKM 88,13 − 87,70 = +0,43."""
    by_kode = {i.kode: i for i in demo.wb.iku_list()}
    assert demo.calc.last_year(by_kode["IKU-2"].id).realisasi.value == Decimal("89.414")
    assert round_half_up(demo.calc.selisih_tahun_lalu(by_kode["IKU-2"].id)) == Decimal("-0.54")
    assert round_half_up(demo.calc.selisih_tahun_lalu(by_kode["IKU-4"].id)) == Decimal("0.43")


def test_clearing_a_value_cell_deletes_it(demo):
    from lkip_desktop.store.ops import CellRef

    ikm = next(i for i in demo.wb.iku_list() if i.kode == "IKU-4")
    ref = CellRef("indicator_value", (ikm.id, 2024, "realisasi", 0), "nilai")
    for blank in ("", "-"):
        assert demo.parse(ref, blank) is None
    demo.set_text(ref, "")
    result = demo.calc.indicator(ikm.id)
    assert result.realisasi.value is None and result.capaian.value is None  # "-", never 0
    assert demo.calc.opd_average().counted == 4


def test_program_quarterly_plan_from_tabel_2_5(demo):
    """SETDA T2.5: 30.423.981.027 + 46.125.458.532 + 49.363.610.403 + 42.326.060.273 = pagu."""
    program = demo.wb.item_by_kode("1")
    shares = [demo.calc.quarter_keuangan_persen(program, tw, "target") for tw in range(1, 5)]
    assert [round_half_up(s) for s in shares] == [Decimal("18.08"), Decimal("27.42"), Decimal("29.34"), Decimal("25.16")]
    assert sum(demo.calc.quarter_amount(program, tw, "target") for tw in range(1, 5)) == 168_239_110_235
    # a kegiatan has no plan of its own: its children's money, weighted by their pagu
    kegiatan = demo.wb.item_by_kode("1.2.02")
    realised = sum(demo.calc.quarter_keuangan_persen(kegiatan, tw, "realisasi") or 0 for tw in range(1, 5))
    assert abs(realised - demo.calc.totals(kegiatan.id).serapan) < Decimal("0.05")
