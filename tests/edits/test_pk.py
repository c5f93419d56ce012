"""PK versions through the services: built from the workbook, locked once signed, a PK
Perubahan made from a signed PK and edited, warnings, and the diff between versions."""

from __future__ import annotations

from datetime import date

import pytest

from lkip_desktop.domain import pk as rules
from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.model import TARGET
from lkip_desktop.domain.values import value_from_text
from lkip_desktop.edits import pk as pks
from lkip_desktop.store.ops import CellRef, DeleteOp, InsertOp
from lkip_desktop.store.service import WorkbookService


def _codes(demo, pk_id):
    return [w.code for w in rules.consistency(demo.wb, demo.calc, pk_id)]


def test_demo_versions_are_consistent_and_signed(demo):
    murni, perubahan = demo.wb.pk_list()
    assert murni.ditandatangani and perubahan.ditandatangani
    assert _codes(demo, murni.id) == []
    assert _codes(demo, perubahan.id) == []
    assert rules.total_anggaran(demo.wb.pk_program_rows(murni.id)) == 229_444_689_696
    assert rules.total_anggaran(demo.wb.pk_program_rows(perubahan.id)) == 235_997_078_013


def test_signed_version_refuses_every_edit(demo):
    murni = pks.find_version(demo.wb, "murni")
    row = demo.wb.pk_sasaran_rows(murni.id)[0]
    prog = demo.wb.pk_program_rows(murni.id)[0]
    attempts = [
        lambda: pks.set_field(demo, murni.id, "pihak1_golongan", "IV.d"),
        lambda: pks.set_row(demo, "pk_sasaran", row.id, "target", "50"),
        lambda: pks.set_row(demo, "pk_program", prog.id, "anggaran", 1),
        lambda: pks.add_sasaran_row(demo, murni.id, indikator="Baru"),
        lambda: pks.delete_row(demo, "pk_program", prog.id),
        lambda: pks.delete_version(demo, murni.id),
        lambda: pks.refresh_from_workbook(demo, murni.id),
        # and straight through the service, without the PK helpers
        lambda: demo.set(CellRef("pk_version", (murni.id,), "ditandatangani"), False),
        lambda: demo.set(CellRef("pk_sasaran", (row.id,), "target"), "50"),
        lambda: demo.apply([InsertOp("pk_program", {"id": "x", "pk_id": murni.id, "program": "P"})], "t"),
        lambda: demo.apply([DeleteOp("pk_version", (murni.id,))], "t"),
    ]
    for attempt in attempts:
        with pytest.raises(InputError, match="ditandatangani"):
            attempt()
    assert demo.wb.pk_versions[murni.id].pihak1_golongan == "IV.c"
    assert demo.wb.pk_sasaran[row.id].target == "40"


def test_profile_edit_does_not_rewrite_signed_versions(demo, demo_path):
    demo.set(CellRef("opd", (1,), "kepala_pangkat"), "Pembina Utama")
    demo.set(CellRef("opd", (1,), "kepala_golongan"), "IV.e")
    demo.set(CellRef("opd", (1,), "kepala_nama"), "Dr. Pengganti")
    demo.close()
    with WorkbookService.open(demo_path) as svc:  # from the file, not from memory
        murni, perubahan = svc.wb.pk_list()
        assert (murni.pihak1_pangkat, murni.pihak1_golongan) == ("Pembina Utama Muda", "IV.c")
        assert (perubahan.pihak1_pangkat, perubahan.pihak1_golongan) == ("Pembina Utama Madya", "IV.d")
        assert murni.pihak1_nama == perubahan.pihak1_nama == "Drs. Junaedi"


def test_create_from_workbook(demo):
    pk_id, changes = pks.create_version(demo, "murni")
    pk = demo.wb.pk_versions[pk_id]
    assert not pk.ditandatangani and pk.tempat == "Bekasi" and pk.tanggal is None
    assert (pk.pihak1_nama, pk.pihak1_golongan, pk.pihak1_nip) == ("Drs. Junaedi", "IV.d", "196610061986031008")
    assert pk.pihak2_jabatan == "Pj. Wali Kota Bekasi"
    rows = demo.wb.pk_sasaran_rows(pk_id)
    assert [r.target for r in rows] == ["40", "88", "A", "83", "22.73"]  # Renstra order
    progs = demo.wb.pk_program_rows(pk_id)
    assert sum(p.anggaran for p in progs) == 229_444_689_696
    assert all(p.anggaran_murni is None for p in progs)
    assert _codes(demo, pk_id) == ["pk-tanggal"]
    pid, _ = pks.create_version(demo, "perubahan")
    progs = demo.wb.pk_program_rows(pid)
    assert sum(p.anggaran for p in progs) == 235_997_078_013
    assert sum(p.anggaran_murni for p in progs) == 229_444_689_696
    assert changes.inverse  # one undoable step


def test_perubahan_from_signed_pk_is_editable_and_can_be_signed(demo):
    murni = pks.find_version(demo.wb, "murni")
    # the head was promoted: the profile says so before the PK Perubahan is made
    demo.set(CellRef("opd", (1,), "kepala_golongan"), "IV.e")
    demo.set(CellRef("opd", (1,), "kepala_pangkat"), "Pembina Utama")
    new_id, _ = pks.create_perubahan(demo, murni.id, tanggal=date(2024, 12, 2))
    new = demo.wb.pk_versions[new_id]
    assert new.jenis == "perubahan" and not new.ditandatangani
    assert (new.pihak1_pangkat, new.pihak1_golongan) == ("Pembina Utama", "IV.e")
    progs = demo.wb.pk_program_rows(new_id)
    assert [p.program for p in progs] == ["Pemerintahan dan Kesejahteraan Rakyat", "Perekonomian Dan Pembangunan",
                                          "Administrasi Umum"]
    assert sum(p.anggaran for p in progs) == 235_997_078_013
    assert sum(p.anggaran_murni for p in progs) == 229_444_689_696
    # editable while unsigned
    row = demo.wb.pk_sasaran_rows(new_id)[0]
    pks.set_row(demo, "pk_sasaran", row.id, "target", "45")
    pks.set_field(demo, new_id, "tempat", "Kota Bekasi")
    rid, _ = pks.add_program_row(demo, new_id, program="Program Baru", anggaran=1_000)
    pks.delete_row(demo, "pk_program", rid)
    assert demo.wb.pk_sasaran[row.id].target == "45"
    # the source stays what was signed
    assert demo.wb.pk_sasaran_rows(murni.id)[0].target == "40"
    assert demo.wb.pk_versions[murni.id].pihak1_golongan == "IV.c"
    pks.sign(demo, new_id)
    assert demo.wb.pk_versions[new_id].ditandatangani
    with pytest.raises(InputError):
        pks.set_row(demo, "pk_sasaran", row.id, "target", "40")


def test_sign_needs_date_and_parties(demo):
    pk_id, _ = pks.create_version(demo, "perubahan")
    with pytest.raises(InputError, match="tanggal"):
        pks.sign(demo, pk_id)
    pks.set_field(demo, pk_id, "tanggal", date(2024, 11, 4))
    pks.sign(demo, pk_id)
    with pytest.raises(InputError):
        pks.sign(demo, pk_id)


def test_delete_unsigned_version_and_undo(demo):
    pk_id, _ = pks.create_version(demo, "perubahan")
    n_rows = len(demo.wb.pk_sasaran_rows(pk_id))
    ch = pks.delete_version(demo, pk_id)
    assert pk_id not in demo.wb.pk_versions
    assert not demo.wb.pk_sasaran_rows(pk_id)
    demo.apply(ch.inverse, "undo")  # the GUI's undo: rows come back with the version
    assert pk_id in demo.wb.pk_versions and len(demo.wb.pk_sasaran_rows(pk_id)) == n_rows


def test_warnings_fire_on_changed_target_pagu_and_bad_nip(demo):
    pk_id, _ = pks.create_version(demo, "murni", tanggal=date(2024, 1, 2))
    assert _codes(demo, pk_id) == []
    row = demo.wb.pk_sasaran_rows(pk_id)[0]
    pks.set_row(demo, "pk_sasaran", row.id, "target", "41")
    prog = demo.wb.pk_program_rows(pk_id)[0]
    pks.set_row(demo, "pk_program", prog.id, "anggaran", prog.anggaran + 1)
    codes = _codes(demo, pk_id)
    assert "pk-target" in codes and "pk-anggaran" in codes and "pk-total" in codes
    # NIP: missing, then not 18 digits (stored raw, as an import could)
    pks.set_field(demo, pk_id, "pihak1_nip", "")
    assert "pk-nip-kosong" in _codes(demo, pk_id)
    pks.set_field(demo, pk_id, "pihak1_nip", "1966100619860310")
    warns = [w for w in rules.consistency(demo.wb, demo.calc, pk_id) if w.code == "pk-nip-tidak-sah"]
    assert warns and "18 digit" in warns[0].message
    pks.set_field(demo, pk_id, "pihak1_nip", "196613061986031008")  # month 13
    assert "pk-nip-tidak-sah" in _codes(demo, pk_id)
    pks.set_field(demo, pk_id, "pihak1_pangkat", "Pembina")  # IV.d is Pembina Utama Madya
    assert "pk-pangkat" in _codes(demo, pk_id)
    # a changed Renstra target or budget also makes the signed PK disagree
    murni = demo.wb.pk_list()[0]  # the signed PK of the demo
    ind_id = demo.wb.pk_sasaran_rows(murni.id)[1].indicator_id
    demo.set(CellRef("indicator_value", (ind_id, 2024, TARGET, 0), "nilai"), value_from_text("90"))
    warns = rules.consistency(demo.wb, demo.calc, murni.id)
    assert [w.code for w in warns] == ["pk-target"]
    assert "(88)" in warns[0].message and "(90)" in warns[0].message
    # refresh brings an unsigned version back in line
    pks.refresh_from_workbook(demo, pk_id)
    pks.set_field(demo, pk_id, "pihak1_nip", "196610061986031008")
    pks.set_field(demo, pk_id, "pihak1_pangkat", "Pembina Utama Madya")
    assert _codes(demo, pk_id) == []


def test_program_missing_from_pk_and_budget_change(demo):
    pk_id, _ = pks.create_version(demo, "perubahan", tanggal=date(2024, 11, 4))
    leaf = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan" and i.pagu_perubahan)
    demo.set(CellRef("budget_item", (leaf.id,), "pagu_perubahan"), leaf.pagu_perubahan + 500)
    codes = _codes(demo, pk_id)
    assert codes.count("pk-anggaran") == 1 and "pk-total" in codes


def test_diff_between_versions(demo):
    murni, perubahan = demo.wb.pk_list()
    d = rules.diff(demo.wb, murni.id, perubahan.id)
    got = {(e.bagian, e.uraian): (e.lama, e.baru) for e in d}
    assert got[("Pihak", "Jenis")] == ("PK", "PK Perubahan")
    assert got[("Pihak", "Tanggal")] == ("02 Januari 2024", "04 November 2024")
    assert got[("Pihak", "Golongan pihak pertama")] == ("IV.c", "IV.d")
    assert got[("Pihak", "Pangkat pihak pertama")] == ("Pembina Utama Muda", "Pembina Utama Madya")
    assert got[("Program", "Anggaran Administrasi Umum")] == ("Rp 161.612.078.196", "Rp 168.239.110.235")
    assert got[("Program", "Total anggaran")] == ("Rp 229.444.689.696", "Rp 235.997.078.013")
    assert not any(e.bagian == "Sasaran" for e in d)  # targets unchanged in the PK Perubahan
    assert rules.diff(demo.wb, murni.id, murni.id) == []


def test_find_version(demo):
    murni, perubahan = demo.wb.pk_list()
    assert pks.find_version(demo.wb, None) is perubahan
    assert pks.find_version(demo.wb, "1") is murni
    assert pks.find_version(demo.wb, "perubahan") is perubahan
    with pytest.raises(InputError):
        pks.find_version(demo.wb, "3")
