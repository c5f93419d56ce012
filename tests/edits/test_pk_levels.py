"""PK for the lower levels (eselon III for a program, eselon IV for a kegiatan), derived from
the existing tables: the level is read from what the rows point at."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from lkip_desktop.domain import pk as rules
from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.model import TARGET
from lkip_desktop.domain.values import value_from_text
from lkip_desktop.reports.pk_document import render_pdf
from lkip_desktop.edits import pk as pks
from lkip_desktop.store.ops import CellRef

KEPALA_BAGIAN = {"pihak1_nama": "Dr. Ahmad Fauzi, S.E., M.Si.", "pihak1_jabatan": "Asisten Perekonomian",
                 "pihak1_pangkat": "Pembina Tingkat I", "pihak1_golongan": "IV.b",
                 "pihak1_nip": "197503152000031002"}


def _program(demo, kode="3"):
    return next(p for p in demo.wb.programs() if p.kode == kode)


def _codes(demo, pk_id):
    return [w.code for w in rules.consistency(demo.wb, demo.calc, pk_id)]


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_eselon3_from_program(demo):
    prog = _program(demo)
    pk_id, changes = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pk = demo.wb.pk_versions[pk_id]
    assert rules.tingkat_of(demo.wb, pk) == rules.Tingkat(3, prog.id)
    assert rules.unit_of(demo.wb, pk) is prog and changes.inverse
    rows = demo.wb.pk_sasaran_rows(pk_id)
    assert [r.indicator_id for r in rows] == [i.id for i in demo.wb.indicators_of(prog.id)]
    assert {r.sasaran for r in rows} == {prog.nama}
    progs = demo.wb.pk_program_rows(pk_id)
    assert [p.item_id for p in progs] == [k.id for k in demo.wb.children(prog.id)]
    assert rules.total_anggaran(progs) == demo.calc.totals(prog.id).pagu_murni == 7_521_272_000
    # pihak kedua = the Kepala OPD; pihak pertama is for the user to fill
    assert (pk.pihak2_nama, pk.pihak2_jabatan) == ("Drs. Junaedi", "Sekretaris Daerah")
    assert pk.pihak1_nama == "" and "pk-pihak1" in _codes(demo, pk_id)
    pks.set_fields(demo, pk_id, KEPALA_BAGIAN)
    assert _codes(demo, pk_id) == []  # no IKU or OPD-total warnings for a program's PK
    assert rules.version_label(pk, demo.wb).startswith("PK eselon III (Program Perekonomian Dan Pembangunan)")
    # the OPD's own versions are still what "murni"/"perubahan"/latest mean
    assert pks.find_version(demo.wb, None).id == demo.wb.pk_list()[1].id
    assert pks.find_version(demo.wb, "murni").id == demo.wb.pk_list()[0].id
    assert pks.find_version(demo.wb, "3").id == pk_id


def test_eselon4_from_kegiatan_takes_the_eselon3_head_as_pihak_kedua(demo):
    prog = _program(demo)
    es3, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pks.set_fields(demo, es3, KEPALA_BAGIAN)
    keg = demo.wb.children(prog.id)[1]
    es4, _ = pks.create_version(demo, "murni", unit_id=keg.id, tanggal=date(2024, 1, 8))
    pk = demo.wb.pk_versions[es4]
    assert rules.tingkat_of(demo.wb, pk) == rules.Tingkat(4, keg.id)
    assert pk.pihak2_nama == KEPALA_BAGIAN["pihak1_nama"]
    assert [p.item_id for p in demo.wb.pk_program_rows(es4)] == [s.id for s in demo.wb.children(keg.id)]
    assert rules.kolom(4).anggaran == "Sub Kegiatan"
    # pihak kedua's pangkat/NIP: from the PK they signed as pihak pertama
    assert rules.pihak2_detail(demo.wb, pk) == ("Pembina Tingkat I / IV.b", "NIP. 19750315 200003 1 002")


def test_lower_level_checks_targets_pagu_and_membership(demo):
    prog = _program(demo)
    pk_id, _ = pks.create_version(demo, "perubahan", unit_id=prog.id, tanggal=date(2024, 11, 5))
    pks.set_fields(demo, pk_id, KEPALA_BAGIAN)
    assert _codes(demo, pk_id) == []
    assert rules.total_anggaran(demo.wb.pk_program_rows(pk_id)) == demo.calc.totals(prog.id).pagu_perubahan
    row = demo.wb.pk_sasaran_rows(pk_id)[0]
    pks.set_row(demo, "pk_sasaran", row.id, "target", "90")
    keg_row = demo.wb.pk_program_rows(pk_id)[0]
    pks.set_row(demo, "pk_program", keg_row.id, "anggaran", keg_row.anggaran + 1)
    codes = _codes(demo, pk_id)
    assert {"pk-target", "pk-anggaran", "pk-total"} <= set(codes)
    w = next(w for w in rules.consistency(demo.wb, demo.calc, pk_id) if w.code == "pk-total")
    assert "Program Perekonomian Dan Pembangunan" in w.message
    # an indicator or kegiatan dropped from the PK, or one of another program added
    pks.delete_row(demo, "pk_sasaran", demo.wb.pk_sasaran_rows(pk_id)[-1].id)
    other = demo.wb.indicators_of(_program(demo, "2").id)[0]
    pks.add_sasaran_row(demo, pk_id, indikator=other.nama, indicator_id=other.id, target="100")
    codes = _codes(demo, pk_id)
    assert "pk-indikator-tidak-ada" in codes and "pk-indikator-lain" in codes
    pks.delete_row(demo, "pk_program", demo.wb.pk_program_rows(pk_id)[-1].id)
    assert "pk-program-tidak-ada" in _codes(demo, pk_id)
    # refresh brings it back in line with the program (not with the IKU)
    pks.refresh_from_workbook(demo, pk_id)
    assert rules.tingkat_of(demo.wb, pk_id).unit_id == prog.id
    codes = _codes(demo, pk_id)
    assert "pk-target" not in codes and "pk-total" not in codes and "pk-anggaran" not in codes
    assert "pk-iku-tidak-ada" not in codes


def test_lower_level_perubahan_keeps_its_pihak_pertama_and_sign_locks(demo):
    prog = _program(demo)
    pk_id, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pks.set_fields(demo, pk_id, KEPALA_BAGIAN)
    pks.sign(demo, pk_id)
    new_id, _ = pks.create_perubahan(demo, pk_id, tanggal=date(2024, 11, 6))
    new = demo.wb.pk_versions[new_id]
    assert new.pihak1_nama == KEPALA_BAGIAN["pihak1_nama"] and new.pihak2_nama == "Drs. Junaedi"
    assert rules.tingkat_of(demo.wb, new) == rules.Tingkat(3, prog.id)
    assert rules.total_anggaran(demo.wb.pk_program_rows(new_id)) == demo.calc.totals(prog.id).pagu_perubahan
    pks.parties_from_profile(demo, new_id)  # only pihak kedua comes from the workbook
    assert demo.wb.pk_versions[new_id].pihak1_nama == KEPALA_BAGIAN["pihak1_nama"]
    with pytest.raises(InputError, match="ditandatangani"):
        pks.set_field(demo, pk_id, "pihak1_nama", "Lain")


def test_pihak2_detail_follows_the_date_and_keeps_signed_versions(demo):
    prog = _program(demo)
    jan, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    nov, _ = pks.create_version(demo, "perubahan", unit_id=prog.id, tanggal=date(2024, 11, 5))
    # the OPD head signed IV.c on 02 Jan and IV.d on 04 Nov
    assert rules.pihak2_detail(demo.wb, demo.wb.pk_versions[jan])[0] == "Pembina Utama Muda / IV.c"
    assert rules.pihak2_detail(demo.wb, demo.wb.pk_versions[nov])[0] == "Pembina Utama Madya / IV.d"
    assert rules.pihak2_detail(demo.wb, demo.wb.pk_list()[0]) == ("", "")  # the kepala daerah: none
    demo.set(CellRef("opd", (1,), "kepala_golongan"), "IV.e")  # a later profile edit changes nothing
    assert rules.pihak2_detail(demo.wb, demo.wb.pk_versions[jan])[0] == "Pembina Utama Muda / IV.c"


def test_lower_level_prints_with_its_own_headings(demo, tmp_path):
    prog = _program(demo)
    pk_id, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pks.set_fields(demo, pk_id, KEPALA_BAGIAN)
    keg = demo.wb.children(prog.id)[1]
    es4, _ = pks.create_version(demo, "murni", unit_id=keg.id, tanggal=date(2024, 1, 8))
    out = tmp_path / "es3.pdf"
    render_pdf(demo.wb, pk_id, out)
    text = _text(out)
    assert "PERJANJIAN KINERJA TAHUN 2024 PROGRAM PEREKONOMIAN DAN PEMBANGUNAN SEKRETARIAT DAERAH KOTA BEKASI" \
        in text
    assert "Indikator Kinerja Program" in text and "Kegiatan" in text and "Sasaran Strategis" not in text
    for ind in demo.wb.indicators_of(prog.id):
        assert ind.nama.split()[0] in text
    for k in demo.wb.children(prog.id):
        assert k.nama in text
    assert "7.521.272.000" in text and "Bekasi, 05 Januari 2024" in text
    assert "NIP. 19661006 198603 1 008" in text and "NIP. 19750315 200003 1 002" in text
    assert "Pembina Utama Muda / IV.c" in text  # pihak kedua as signed in the OPD's PK of 02 Jan
    render_pdf(demo.wb, es4, out)
    text = _text(out)
    assert f"KEGIATAN {keg.nama.upper()}" in text and "Sub Kegiatan" in text
    assert "Indikator Kinerja Kegiatan" in text
    assert "(....." in text  # pihak pertama not filled yet: a line to write the name on


def test_lower_level_refusals(demo):
    sub = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan")
    with pytest.raises(InputError, match="eselon"):
        pks.create_version(demo, "murni", unit_id=sub.id)
    with pytest.raises(InputError, match="tidak ditemukan"):
        pks.create_version(demo, "murni", unit_id="nope")


def test_changed_program_target_shows_on_lower_level(demo):
    prog = _program(demo)
    pk_id, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pks.set_fields(demo, pk_id, KEPALA_BAGIAN)
    ind = demo.wb.indicators_of(prog.id)[0]
    demo.set(CellRef("indicator_value", (ind.id, 2024, TARGET, 0), "nilai"), value_from_text("95"))
    assert _codes(demo, pk_id) == ["pk-target"]


def test_signing_freezes_level_and_pihak_kedua(demo):
    """Schema v4: a signed eselon IV PK keeps its level and pihak kedua's rank/NIP even when
    the eselon III PK they come from is replaced later."""
    prog = _program(demo)
    es3, _ = pks.create_version(demo, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
    pks.set_fields(demo, es3, KEPALA_BAGIAN)
    keg = demo.wb.children(prog.id)[1]
    es4, _ = pks.create_version(demo, "murni", unit_id=keg.id, tanggal=date(2024, 1, 8))
    pks.set_fields(demo, es4, {"pihak1_nama": "Siti Aminah, S.T.", "pihak1_jabatan": "Kepala Sub Bagian",
                               "pihak1_pangkat": "Penata", "pihak1_golongan": "III.c",
                               "pihak1_nip": "198204102006042003", "tempat": "Bekasi"})
    pks.sign(demo, es4)
    pk = demo.wb.pk_versions[es4]
    assert (pk.eselon, pk.unit_id, pk.pihak2_nip) == (4, keg.id, "197503152000031002")
    # the draft eselon III changes afterwards: the signed eselon IV does not
    pks.set_fields(demo, es3, {"pihak1_golongan": "IV.c", "pihak1_nip": "197503152000031099"})
    assert rules.pihak2_detail(demo.wb, pk) == ("Pembina Tingkat I / IV.b", "NIP. 19750315 200003 1 002")
    assert rules.tingkat_of(demo.wb, pk) == rules.Tingkat(4, keg.id)
    with pytest.raises(InputError):
        demo.set(CellRef("pk_version", (es4,), "pihak2_nip"), "")
