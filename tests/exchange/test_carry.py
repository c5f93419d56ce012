"""Issue 7: a new year's workbook from last year's file, and earlier files as history."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_desktop.edits import imports
from lkip_desktop.domain import model as M
from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.values import Predikat
from lkip_desktop.exchange import carry
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.ops import CellRef, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService

from .helpers import build_2023, sha, value

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def wb2023(tmp_path):
    path = tmp_path / "dinas-2023.lkip"
    ids = build_2023(path)
    return path, ids


def test_2024_from_2023_carries_structure_and_history(wb2023, tmp_path):
    old_path, ids = wb2023
    before = sha(old_path)
    with WorkbookService.open(old_path, readonly=True) as old:
        old_wb = old.wb
    new_path = tmp_path / "dinas-2024.lkip"

    summary = carry.new_from_last_year(old_path, new_path)

    assert sha(old_path) == before  # the old file is never changed
    with WorkbookService.open(new_path) as svc:
        wb, calc = svc.wb, svc.calc
        assert (wb.settings.tahun, wb.settings.renstra_awal, wb.settings.renstra_akhir) == (2024, 2023, 2026)
        assert wb.settings.perubahan_berlaku is False  # APBD-P of the new year not enacted yet
        # Profile and signatories.
        assert wb.opd == old_wb.opd
        assert wb.opd.kepala_nip == "196610061986031008" and wb.opd.atasan_nama == "Tri Adhianto"
        # Same tree, same identities and kode.
        assert set(wb.tujuan) == set(old_wb.tujuan) and set(wb.sasaran) == set(old_wb.sasaran)
        assert set(wb.indicators) == set(old_wb.indicators)
        assert {i: (it.kode, it.parent_id, it.level, it.nama) for i, it in wb.items.items()} == \
            {i: (it.kode, it.parent_id, it.level, it.nama) for i, it in old_wb.items.items()}
        assert [i.kode for i in wb.iku_list()] == ["IKU-1", "IKU-2", "IKU-3"]
        # Targets of the new year come from the Renstra targets in the file.
        assert wb.indicators[ids["iku1"]].target(2024) == Decimal("85")
        assert wb.indicators[ids["iku1"]].target(2026) == Decimal("95")
        assert wb.indicators[ids["iku3"]].target(2024) == Predikat("A")
        assert calc.indicator(ids["ind_sub"]).target == Decimal("7")
        # Links carried.
        assert wb.links == old_wb.links == {(ids["iku1"], ids["sub"]), (ids["iku2"], ids["sub2"])}
        # The comparison with last year fills itself (typed, komponen and predikat).
        last = calc.last_year(ids["iku1"])
        assert last.tahun == 2023 and last.realisasi.value == Decimal("85.5") and last.target == Decimal("80")
        assert calc.last_year(ids["iku2"]).realisasi.value == Decimal(60) / Decimal(121) * 100
        assert calc.last_year(ids["iku2"]).realisasi.source == "komponen"
        assert calc.last_year(ids["iku3"]).realisasi.value == Predikat("BB")
        assert calc.last_year(ids["iku1"]).capaian.value is not None
        assert calc.indicator(ids["iku1"], 2022).realisasi.value == Decimal("70")  # older history kept
        # This year's realisasi, pagu, triwulan are empty; PK and prestasi stay in their year.
        assert calc.indicator(ids["iku1"]).realisasi.value is None
        assert calc.indicator(ids["iku2"]).realisasi.value is None
        sub = wb.items[ids["sub"]]
        assert (sub.pagu_murni, sub.pagu_perubahan, sub.realisasi, sub.quarters) == (0, 0, None, {})
        assert wb.pk_versions == {} and wb.prestasi == {}
        assert wb.indicators[ids["iku1"]].analisis_keberhasilan == ""
        assert svc.history()[0].label.startswith("Mulai tahun 2024")
    text = summary.text()
    assert "Perjanjian Kinerja" in text and "Prestasi" in text and "Pagu: dikosongkan" in text
    assert "Keterkaitan IKU ↔ anggaran: 2" in text


def test_carry_pagu_as_starting_point(wb2023, tmp_path):
    old_path, ids = wb2023
    new_path = tmp_path / "b.lkip"
    carry.new_from_last_year(old_path, new_path, carry.CarryOptions(bawa_pagu=True))
    with WorkbookService.open(new_path, readonly=True) as svc:
        sub = svc.wb.items[ids["sub"]]
        # The last pagu in force (perubahan, enacted in 2023) becomes the new murni.
        assert (sub.pagu_murni, sub.pagu_perubahan, sub.realisasi) == (120_000_000, 0, None)
        assert svc.calc.opd_totals().pagu == 170_000_000


def test_renstra_period_ended_requires_new_period(wb2023, tmp_path):
    old_path, ids = wb2023
    new_path = tmp_path / "2027.lkip"
    with pytest.raises(InputError, match="sudah berakhir"):
        carry.new_from_last_year(old_path, new_path, carry.CarryOptions(tahun=2027))
    assert not new_path.exists()
    with pytest.raises(InputError, match="harus memuat"):
        carry.new_from_last_year(old_path, new_path, carry.CarryOptions(tahun=2027, renstra_awal=2028,
                                                                        renstra_akhir=2030))
    assert not new_path.exists()
    summary = carry.new_from_last_year(old_path, new_path, carry.CarryOptions(tahun=2027, renstra_awal=2027,
                                                                              renstra_akhir=2031))
    assert "2027–2031" in summary.text()
    with WorkbookService.open(new_path, readonly=True) as svc:
        assert (svc.wb.settings.renstra_awal, svc.wb.settings.renstra_akhir) == (2027, 2031)
        assert set(svc.wb.indicators) == {ids[k] for k in ("iku1", "iku2", "iku3", "ind_sub")}
        assert svc.wb.indicators[ids["iku1"]].target(2027) is None  # to be filled from the new Renstra
        assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2023) == Decimal("85.5")


def test_refusals_leave_nothing(wb2023, tmp_path):
    old_path, _ = wb2023
    with pytest.raises(InputError, match="harus sesudah"):
        carry.new_from_last_year(old_path, tmp_path / "x.lkip", carry.CarryOptions(tahun=2023))
    with pytest.raises(InputError, match="sama dengan"):
        carry.new_from_last_year(old_path, old_path)
    existing = tmp_path / "ada.lkip"
    existing.write_bytes(b"isi lama")
    with pytest.raises(InputError, match="sudah ada"):
        carry.new_from_last_year(old_path, existing)
    assert existing.read_bytes() == b"isi lama"
    not_lkip = tmp_path / "bukan.lkip"
    not_lkip.write_text("halo")
    with pytest.raises(StoreError):
        carry.new_from_last_year(not_lkip, tmp_path / "y.lkip")
    assert not (tmp_path / "x.lkip").exists() and not (tmp_path / "y.lkip").exists()


def test_older_format_is_migrated_in_a_copy(tmp_path):
    old = tmp_path / "lama-v1.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", old)
    before = sha(old)
    info = carry.source_info(old)
    assert info.format_lama and info.tahun == 2023
    carry.new_from_last_year(old, tmp_path / "baru.lkip")
    assert sha(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru.lkip", "lama-v1.lkip"]  # no backup beside it
    with WorkbookService.open(tmp_path / "baru.lkip", readonly=True) as svc:
        assert svc.wb.settings.tahun == 2024


def test_demo_2025_compares_with_2024(demo_path, tmp_path):
    with WorkbookService.open(demo_path, readonly=True) as old:
        expected = {i.id: old.calc.indicator(i.id).realisasi.value for i in old.wb.iku_list()}
    before = sha(demo_path)
    carry.new_from_last_year(demo_path, tmp_path / "2025.lkip")
    assert sha(demo_path) == before
    with WorkbookService.open(tmp_path / "2025.lkip", readonly=True) as svc:
        got = {i.id: svc.calc.last_year(i.id).realisasi.value for i in svc.wb.iku_list()}
        assert got == expected and all(v is not None for v in got.values())
        assert len(svc.wb.items) == 78 and svc.calc.opd_totals().pagu == 0


def test_attach_earlier_file_as_history(wb2023, tmp_path):
    old_path, ids = wb2023
    new_path = tmp_path / "2024.lkip"
    carry.new_from_last_year(old_path, new_path)
    # A 2021 file made separately: other ids; one indicator matches by kode, one (renamed
    # kode) by name, one matches nothing; one has a komponen formula.
    f2021 = tmp_path / "2021.lkip"
    a, b, c, s = M.new_id(), M.new_id(), M.new_id(), M.new_id()
    with WorkbookService.create(f2021, tahun=2021, renstra_awal=2019, renstra_akhir=2023) as svc:
        t = M.new_id()
        svc.apply([
            InsertOp("tujuan", {"id": t, "nama": "T"}),
            InsertOp("sasaran", {"id": s, "tujuan_id": t, "nama": "S"}),
            InsertOp("indicator", {"id": a, "owner_kind": "sasaran", "owner_id": s, "kode": "IKU-1",
                                   "nama": "Persentase dokumen yang tepat waktu (lama)"}),
            InsertOp("indicator", {"id": b, "owner_kind": "sasaran", "owner_id": s, "kode": "X-9",
                                   "nama": "  persentase IKK  meningkat ", "rumus_komponen": "p / q * 100"}),
            InsertOp("indicator", {"id": c, "owner_kind": "sasaran", "owner_id": s, "kode": "X-10",
                                   "nama": "Indikator yang sudah dihapus"}),
            value(a, 2021, "realisasi", Decimal("61")), value(a, 2021, "target", Decimal("60")),
            value(a, 2022, "realisasi", Decimal("99")),  # 2024 file already has 2022: kept as is
            InsertOp("komponen", {"indicator_id": b, "tahun": 2021, "nama": "p", "nilai": Decimal("1")}),
            InsertOp("komponen", {"indicator_id": b, "tahun": 2021, "nama": "q", "nilai": Decimal("4")}),
            value(c, 2021, "realisasi", Decimal("5")),
        ], "bangun 2021")
    before = sha(f2021)
    with WorkbookService.open(new_path) as svc:
        with carry.open_source(f2021) as older:
            ops, summary = carry.plan_history(svc.wb, older.wb, "2021")
        ch = svc.apply(ops, carry.history_label(f2021))
        ind1 = svc.wb.indicators[ids["iku1"]]
        assert ind1.typed_realisasi(2021) == Decimal("61") and ind1.target(2021) == Decimal("60")
        assert ind1.typed_realisasi(2022) == Decimal("70")  # not overwritten
        assert svc.calc.indicator(ids["iku2"], 2021).realisasi.value == Decimal("25")
        text = summary.text()
        assert "2 indikator cocok" in text and "Indikator yang sudah dihapus" in text and "tidak ditimpa" in text
        svc.apply(ch.inverse, "batal")  # one undo step removes it all
        assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2021) is None
        # The convenience path opens the older file itself (read-only).
        s2 = imports.attach_history(svc, svc.path, f2021)
        assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2021) == Decimal("61")
        assert "3 nilai" in s2.text() or "ditambahkan" in s2.text()
        with pytest.raises(InputError, match="sedang dibuka"):
            imports.attach_history(svc, svc.path, new_path)
    assert sha(f2021) == before


def test_rename_is_still_matched_by_id(wb2023, tmp_path):
    old_path, ids = wb2023
    new_path = tmp_path / "2024.lkip"
    carry.new_from_last_year(old_path, new_path)
    with WorkbookService.open(new_path) as svc:
        svc.apply([SetOp(CellRef("indicator", (ids["iku1"],), "nama"), "Nama baru sama sekali"),
                   SetOp(CellRef("indicator", (ids["iku1"],), "kode"), "IKU-01"),
                   SetOp(CellRef("indicator_value", (ids["iku1"], 2023, "realisasi", 0), "nilai"), None)], "ubah")
        summary = imports.attach_history(svc, svc.path, old_path)
        assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2023) == Decimal("85.5")
        assert "4 indikator cocok" in summary.text()


def test_cli_new_from_and_new_with_from(wb2023, tmp_path, capsys):
    from lkip_desktop.cli import main as cli_main

    old_path, ids = wb2023
    before = sha(old_path)
    assert cli_main(["new", str(tmp_path / "a.lkip"), "--from", str(old_path)]) == 0
    assert cli_main(["new-from", str(tmp_path / "b.lkip"), "--from", str(old_path), "--bawa-pagu"]) == 0
    assert cli_main(["new-from", str(tmp_path / "c.lkip"), "--from", str(old_path), "--tahun", "2027"]) == 1
    assert "sudah berakhir" in capsys.readouterr().err
    assert cli_main(["new-from", str(tmp_path / "c.lkip"), "--from", str(old_path), "--tahun", "2027",
                     "--renstra", "2027-2031"]) == 0
    assert cli_main(["new", str(tmp_path / "d.lkip"), "--tahun", "2025"]) == 0  # plain `new` still works
    assert cli_main(["new", str(tmp_path / "e.lkip")]) == 1
    assert sha(old_path) == before
    with WorkbookService.open(tmp_path / "b.lkip", readonly=True) as svc:
        assert svc.wb.items[ids["sub"]].pagu_murni == 120_000_000
    with WorkbookService.open(tmp_path / "a.lkip", readonly=True) as svc:
        assert svc.calc.last_year(ids["iku1"]).realisasi.value == Decimal("85.5")
    assert cli_main(["attach-history", str(tmp_path / "d.lkip"), str(old_path)]) == 0


def test_start_from_the_file_open_in_this_session(wb2023, tmp_path):
    old_path, ids = wb2023
    with WorkbookService.open(old_path) as current:  # holds the file's exclusive lock
        current.set(CellRef("indicator_value", (ids["iku1"], 2023, "realisasi", 0), "nilai"), Decimal("86"))
        before = sha(old_path)
        carry.new_from_last_year(old_path, tmp_path / "2024.lkip", current=current)
        assert sha(old_path) == before
        assert current.wb.settings.tahun == 2023
    with WorkbookService.open(tmp_path / "2024.lkip", readonly=True) as svc:
        assert svc.calc.last_year(ids["iku1"]).realisasi.value == Decimal("86")


def test_signing_date_and_sdm_stay_with_last_year(wb2023, tmp_path):
    from datetime import date

    from lkip_desktop.edits import cells, rows, values

    old_path, _ids = wb2023
    with WorkbookService.open(old_path) as old:
        values.set_values(old, [(cells.profile("opd", "ttd_tempat"), "Bekasi"),
                                (cells.profile("opd", "ttd_tanggal"), date(2024, 1, 10)),
                                (cells.profile("opd", "kepala_status"), "Plt.")], "ttd")
        rows.add_sdm(old, "golongan", "IV", 3)
        first = old.wb.programs()[0].id
        values.set_value(old, cells.item(first, "kelompok"), "BLU")
    new_path = tmp_path / "dinas-2024.lkip"
    summary = carry.new_from_last_year(old_path, new_path)
    with WorkbookService.open(new_path) as svc:
        o = svc.wb.opd
        assert (o.ttd_tempat, o.ttd_tanggal, o.kepala_status) == ("Bekasi", None, "Plt.")
        assert svc.wb.sdm == {} and svc.wb.items[first].kelompok == "BLU"
    assert any(t.startswith("Data SDM (1 baris)") for t in summary.tidak_dibawa)


def test_the_opds_own_rating_scale_goes_to_the_new_year(wb2023, tmp_path):
    from lkip_desktop.domain.rating import scale_of
    from lkip_desktop.edits import scale

    old_path, _ids = wb2023
    with WorkbookService.open(old_path) as old:
        scale.choose_scale(old, "lima")
        scale.choose_scale(old, "kustom")  # the five bands copied
        band = next(p for p in old.wb.skala_pita.values() if p.label == "Baik")
        scale.set_band(old, band.id, "label", "Bagus")
        scale.set_scale_name(old, "Skala Dinas")
        scale.set_no_data_text(old, "-")
        before = scale_of(old.wb)
    new_path = tmp_path / "dinas-2024.lkip"
    summary = carry.new_from_last_year(old_path, new_path)
    with WorkbookService.open(new_path) as svc:
        assert scale_of(svc.wb) == before and svc.wb.settings.teks_tanpa_data == "-"
    assert any("skala penilaian sendiri" in t for t in summary.dibawa)
