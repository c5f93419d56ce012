"""Every registered reviu check: a small workbook that trips it and the same workbook, put
right, that does not. A check added to the registry without a case here fails the suite."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from lkip_desktop.domain.model import (ANNUAL, REALISASI, TARGET, BudgetItem, PkProgramRow, PkSasaranRow, PkVersion,
                                       Quarter)
from lkip_desktop.domain.reviu import CHECKS, KESALAHAN, LEVELS, ReviuSettings, check
from lkip_desktop.domain.values import Predikat

from .builders import TAHUN, Parts, add_pk, clean, codes, findings

# check id -> (break the clean workbook, put it right again); ``fix`` None: clean() is right.
CASES: dict = {}


def case(code: str, fix=None):
    def register(brk):
        CASES[code] = (brk, fix)
        return brk
    return register


# -- budget --------------------------------------------------------------------------------------
@case("realisasi-melebihi-pagu", fix=lambda p: setattr(p.sub, "realisasi", 1000))
def _(p: Parts):
    p.sub.realisasi = 1001


def _shares(p: Parts, kind: str, *values):
    for tw, v in enumerate(values, 1):
        q = p.sub.quarter(tw)
        if kind == "realisasi":
            q.realisasi_keuangan_persen = D(v)
        else:
            q.target_keuangan_persen = D(v)


@case("tw-realisasi-serapan", fix=lambda p: _shares(p, "realisasi", "40", "50"))
def _(p):
    _shares(p, "realisasi", "40", "40")


@case("tw-target-keuangan-100", fix=lambda p: _shares(p, "target", "30", "70"))
def _(p):
    _shares(p, "target", "30", "60")


@case("tw-fisik-target", fix=lambda p: setattr(p.sub.quarters[3], "target_fisik", D(2)))
def _(p):
    p.sub.quarters[3].target_fisik = D(3)


def _plan(p: Parts, *amounts):
    p.program.quarters = {tw: Quarter(target_keuangan=a) for tw, a in enumerate(amounts, 1)}


@case("tw-rencana-pagu", fix=lambda p: _plan(p, 400, 600))
def _(p):
    _plan(p, 400, 500)


@case("persen-di-luar-0-100", fix=lambda p: _shares(p, "realisasi", "90"))
def _(p):
    _shares(p, "realisasi", "-10", "100")


def _apbd_p(p: Parts, berlaku: bool):
    p.sub.pagu_perubahan = 1200
    p.wb.settings.perubahan_berlaku = berlaku


@case("serapan-pagu-salah", fix=lambda p: _apbd_p(p, True))
def _(p):
    _apbd_p(p, False)


# -- targets and realisasi -----------------------------------------------------------------------
@case("target-kosong")
def _(p):
    del p.iku.values[(TAHUN, TARGET, ANNUAL)]


@case("target-indikator-kosong")
def _(p):
    del p.ind_kegiatan.values[(TAHUN, TARGET, ANNUAL)]
    del p.ind_kegiatan.values[(TAHUN, REALISASI, ANNUAL)]


@case("realisasi-tanpa-target")
def _(p):
    del p.ind_program.values[(TAHUN, TARGET, ANNUAL)]


@case("target-tanpa-realisasi")
def _(p):
    del p.iku.values[(TAHUN, REALISASI, ANNUAL)]


@case("capaian-tidak-wajar")
def _(p):
    p.iku.values[(TAHUN, REALISASI, ANNUAL)] = D("61")  # 152,5% of 40


@case("tahun-realisasi")
def _(p):
    p.iku.values[(TAHUN + 1, REALISASI, ANNUAL)] = D("45")


@case("nilai-bukan-angka")
def _(p):
    p.ind_program.values[(TAHUN, REALISASI, ANNUAL)] = Predikat("A")


# -- links ---------------------------------------------------------------------------------------
@case("iku-tanpa-anggaran")
def _(p):
    p.wb.links.clear()
    p.wb.links.add(("ip", "sk"))  # the sub kegiatan still supports something, not an IKU


@case("anggaran-tanpa-iku")
def _(p):
    p.wb.items["sk2"] = BudgetItem("sk2", "sub_kegiatan", "Lain", parent_id="k", kode="1.01.2")
    p.wb.structure_changed()


@case("indikator-induk-anak")
def _(p):
    p.sub.quarters[3].realisasi_fisik = D(0)  # output 2 of 4 = 50% while kegiatan and program say 100


# -- formula, komponen, scales -------------------------------------------------------------------
def _komponen(p: Parts, rumus_komponen: str, rumus: str = "", **values):
    p.iku.rumus_komponen = rumus_komponen
    p.iku.rumus = rumus
    p.iku.komponen[TAHUN] = {k: D(v) for k, v in values.items()}


@case("rumus-komponen", fix=lambda p: _komponen(p, "a / b * 100", a="4", b="10"))
def _(p):
    _komponen(p, "a / b * 100", a="4")


@case("komponen-tidak-disimpan",
      fix=lambda p: _komponen(p, "jumlah_a / jumlah_b * 100", "jumlah_a / jumlah_b x 100%", jumlah_a="4",
                              jumlah_b="10"))
def _(p):
    _komponen(p, "jumlah_a / jumlah_c * 100", "jumlah_a / jumlah_b x 100%", jumlah_a="4", jumlah_c="10")


@case("komponen-tidak-dipakai", fix=lambda p: _komponen(p, "a / b * 100", a="4", b="10"))
def _(p):
    _komponen(p, "a / b * 100", a="4", b="10", c="1")


@case("rumus-bobot-beda",
      fix=lambda p: _komponen(p, "a * 0.8 + b * 0.2", "(A x 80%) + (B x 0,2)", a="40", b="40"))
def _(p):
    _komponen(p, "a * 0.4 + b * 0.6", "(A x 80%) + (B x 0,2)", a="40", b="40")


_PATCH: dict = {}


@pytest.fixture(autouse=True)
def _patcher(monkeypatch):
    _PATCH["mp"] = monkeypatch  # for the case that must change a built-in table


@case("skala-tidak-runtut")
def _(p):
    from lkip_desktop.domain import rating

    bad = rating.Scale("rusak", "Rusak", (rating.Band(D(50), "A", None, ""), rating.Band(D(60), "B", None, "")))
    _PATCH["mp"].setitem(rating.SCALES, "rusak", bad)


# -- profile, dates, codes -----------------------------------------------------------------------
@case("nip-kosong")
def _(p):
    p.wb.opd.kepala_nip = ""


@case("nip-tidak-sah")
def _(p):
    p.wb.opd.kepala_nip = "196613061986031008"  # month 13


@case("tahun-di-luar-renstra")
def _(p):
    p.wb.settings.tahun = 2027
    p.wb.settings.renstra_awal, p.wb.settings.renstra_akhir = 2024, 2026


@case("prestasi-tahun")
def _(p):
    p.wb.prestasi["pr"].tanggal = date(TAHUN - 1, 12, 5)


@case("kode-ganda")
def _(p):
    p.wb.items["sk2"] = BudgetItem("sk2", "sub_kegiatan", "Lain", parent_id="k", kode="1.01.1")
    p.wb.links.add(("iku", "sk2"))
    p.wb.structure_changed()


# -- text ----------------------------------------------------------------------------------------
@case("narasi-placeholder")
def _(p):
    p.iku.analisis_penghambat = "Kendala utama adalah [isi kendala]."


def _rupiah_prose(p: Parts, text: str) -> None:
    p.sub.pagu_murni = p.sub.pagu_perubahan = 5_000_000
    p.sub.realisasi = 4_500_000
    p.narasi = {"bab3.anggaran": text}


@case("narasi-rupiah",
      fix=lambda p: _rupiah_prose(p, "Pagu Rp 5.000.000,00, realisasi Rp4.500.000 (sisa Rp 500.000)."))
def _(p):
    _rupiah_prose(p, "Pagu Rp 5.000.000,00, realisasi Rp4.600.000.")


# -- PK ------------------------------------------------------------------------------------------
def _pk(p: Parts, **changes) -> PkVersion:
    pk = add_pk(p)
    p.wb.pk_versions[pk.id] = replace(pk, **changes)
    return p.wb.pk_versions[pk.id]


def _pk_row(p: Parts, field: str, value):
    pk = add_pk(p)
    for rows in (p.wb.pk_sasaran, p.wb.pk_program):
        key = f"{pk.id}-{'s' if rows is p.wb.pk_sasaran else 'p'}"
        if hasattr(rows[key], field):
            rows[key] = replace(rows[key], **{field: value})
            return


def _lower_pk(p: Parts, unit_id: str, sasaran_ind: str | None, program_item: str | None) -> None:
    """A program-level (eselon III) PK for ``unit_id``."""
    pk = _pk(p, eselon=3, unit_id=unit_id)
    p.wb.pk_sasaran.clear()
    p.wb.pk_program.clear()
    if sasaran_ind:
        p.wb.pk_sasaran["r"] = PkSasaranRow("r", pk.id, "", "Ind", "%", "100", indicator_id=sasaran_ind)
    if program_item:
        p.wb.pk_program["q"] = PkProgramRow("q", pk.id, "Kegiatan", 1000, item_id=program_item)


def _perubahan_with_murni(p: Parts, murni: int) -> None:
    pk = add_pk(p, "perubahan")
    row = p.wb.pk_program[f"{pk.id}-p"]
    p.wb.pk_program[row.id] = replace(row, anggaran_murni=murni)


for _code, _brk in {
    "pk-target": lambda p: _pk_row(p, "target", "45"),
    "pk-anggaran": lambda p: _pk_row(p, "anggaran", 900),
    "pk-total": lambda p: _pk_row(p, "anggaran", 900),
    "pk-indikator-hilang": lambda p: _pk_row(p, "indicator_id", "hilang"),
    "pk-iku-tidak-ada": lambda p: _pk_row(p, "indicator_id", None),
    "pk-program-hilang": lambda p: _pk_row(p, "item_id", "hilang"),
    "pk-anggaran-murni": lambda p: _perubahan_with_murni(p, 5),
    "pk-pihak1": lambda p: _pk(p, pihak1_nama=""),
    "pk-pihak2": lambda p: _pk(p, pihak2_nama=""),
    "pk-nip-kosong": lambda p: _pk(p, pihak1_nip=""),
    "pk-nip-tidak-sah": lambda p: _pk(p, pihak1_nip="1966"),
    "pk-pangkat": lambda p: _pk(p, pihak1_pangkat="Penata"),
    "pk-tanggal": lambda p: _pk(p, tanggal=None),
    "pk-tempat": lambda p: _pk(p, tempat=""),
    "pk-tahun": lambda p: _pk(p, tanggal=date(TAHUN + 1, 1, 2)),
    "pk-unit-hilang": lambda p: _lower_pk(p, "hilang", None, None),
    "pk-indikator-lain": lambda p: _lower_pk(p, "p", "iku", "k"),
    "pk-indikator-tidak-ada": lambda p: _lower_pk(p, "p", None, "k"),
    "pk-program-lain": lambda p: _lower_pk(p, "p", "ip", "sk"),
    "pk-program-tidak-ada": lambda p: _lower_pk(p, "p", "ip", None),
}.items():
    CASES[_code] = (_brk, add_pk)


IDS = [c.id for c in CHECKS]


def test_every_check_has_a_case_and_a_unique_id():
    assert len(IDS) == len(set(IDS))
    assert sorted(CASES) == sorted(IDS)
    assert all(c.level in LEVELS and c.title for c in CHECKS)


def test_clean_workbook_has_no_finding():
    p = clean()
    add_pk(p)
    assert codes(p.wb) == []


@pytest.mark.parametrize("code", IDS)
def test_check_trips(code):
    p = clean()
    CASES[code][0](p)
    p.wb.structure_changed()
    hits = findings(p.wb, code, narasi=p.narasi)
    level = next(c.level for c in CHECKS if c.id == code)
    assert hits, code
    for f in hits:
        assert f.level == level and f.where and f.table and f.message.endswith((".", ")")), f


@pytest.mark.parametrize("code", IDS)
def test_check_passes_when_put_right(code):
    p = clean()
    fix = CASES[code][1]
    if fix is not None:
        fix(p)
    p.wb.structure_changed()
    assert findings(p.wb, code, narasi=p.narasi) == []


def test_parent_child_tolerance_is_configurable():
    p = clean()
    CASES["indikator-induk-anak"][0](p)
    assert findings(p.wb, "indikator-induk-anak")
    assert not findings(p.wb, "indikator-induk-anak", settings=ReviuSettings(toleransi_induk_anak=D(60)))


def test_narasi_texts_are_checked_when_given():
    p = clean()
    assert findings(p.wb, "narasi-placeholder", narasi={"bab1.latar_belakang": "Dasar hukum ..."})
    assert findings(p.wb, "narasi-placeholder", narasi={"kata_pengantar": "TODO: pengantar"})
    assert findings(p.wb, "narasi-placeholder", narasi={"kata_pengantar": "Tahun xxx"})
    assert not findings(p.wb, "narasi-placeholder", narasi={"kata_pengantar": "Puji syukur, 1,5 persen."})


def test_pk_findings_equal_the_pk_rules():
    """The reviu wraps domain.pk.consistency one to one (plus a how-to-fix sentence)."""
    from lkip_desktop.domain.compute import Calculator
    from lkip_desktop.domain.pk import consistency

    p = clean()
    CASES["pk-target"][0](p)
    pk = next(iter(p.wb.pk_versions))
    rules = [(w.code, w.key) for w in consistency(p.wb, Calculator(p.wb), pk)]
    ours = [(f.code, f.key) for f in check(p.wb) if f.code.startswith("pk-")]
    assert rules == ours and rules


def test_every_code_of_the_pk_rules_is_registered():
    import re
    from pathlib import Path

    import lkip_desktop.domain.pk.checks as pk_module

    emitted = set(re.findall(r'PkWarning\(\w+, "([a-z0-9-]+)"', Path(pk_module.__file__).read_text()))
    assert emitted and emitted <= set(IDS)


def test_scale_problems_see_overlap_and_duplicate_labels():
    from lkip_desktop.domain.rating import D86, Band, Scale
    from lkip_desktop.domain.reviu.komponen import scale_problems

    assert scale_problems(D86) == []
    bad = Scale("x", "Uji", (Band(D(50), "Baik", None, ""), Band(D(60), "Cukup", None, ""),
                             Band(D(0), "Baik", None, "")))
    problems = scale_problems(bad)
    assert len(problems) == 2 and "tumpang tindih" in problems[0] and "Baik" in problems[1]


def test_a_broken_built_in_scale_is_reported(monkeypatch):
    from lkip_desktop.domain import rating
    from lkip_desktop.domain.rating import Band, Scale

    bad = Scale("rusak", "Rusak", (Band(D(50), "A", None, ""), Band(D(50), "B", None, "")))
    monkeypatch.setitem(rating.SCALES, "rusak", bad)
    hits = findings(clean().wb, "skala-tidak-runtut")
    assert len(hits) == 1 and "Rusak" in hits[0].message and hits[0].level == KESALAHAN


def test_rupiah_in_prose_reads_the_ways_reports_write_it():
    from lkip_desktop.domain.reviu.prose import rupiah_in

    text = ("Rp203.407.354.606,00 · Rp 229,444,689,696.00 · Rp. 5.000.000 · Rp 750000 · 12,23% · "
            "Tahun 2024")
    assert [n for _, n in rupiah_in(text)] == [203_407_354_606, 229_444_689_696, 5_000_000, 750_000]


def _kustom(wb, bands):
    from lkip_desktop.domain.model import SkalaPita

    wb.settings.skala = "kustom"
    wb.skala_pita = {f"p{i}": SkalaPita(f"p{i}", D(e), label, inkl, i) for i, (e, label, inkl) in enumerate(bands)}
    return wb


def test_a_sound_kustom_scale_has_no_finding():
    wb = _kustom(clean().wb, [("80", "Tinggi", False), ("50", "Sedang", True), ("0", "Rendah", True)])
    assert findings(wb, "skala-tidak-runtut") == []


def test_a_kustom_scale_with_overlap_or_an_empty_label_is_reported():
    wb = _kustom(clean().wb, [("80", "Tinggi", True), ("80", "Tinggi", True), ("0", " ", True)])
    messages = [f.message for f in findings(wb, "skala-tidak-runtut")]
    assert len(messages) == 3, messages
    assert "tumpang tindih" in messages[0] and "belum diberi label" in messages[1] and "Tinggi" in messages[2]


def test_a_kustom_scale_without_bands_is_reported_and_falls_back():
    wb = _kustom(clean().wb, [])
    hits = findings(wb, "skala-tidak-runtut")
    assert len(hits) == 1 and "belum memiliki rentang" in hits[0].message and "Permendagri" in hits[0].message
