"""Small in-memory workbooks for the reviu tests: ``clean()`` has no finding at all; each
test breaks one thing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D

from lkip_desktop.domain.compute import Calculator
from lkip_desktop.domain.model import (ANNUAL, REALISASI, TARGET, BudgetItem, Indicator, PkProgramRow, PkSasaranRow,
                                       PkVersion, Prestasi, Quarter, Sasaran, Tujuan, Workbook)
from lkip_desktop.domain.reviu import ReviuSettings, check

TAHUN = 2024
NIP = "196610061986031008"


@dataclass
class Parts:
    wb: Workbook
    iku: Indicator
    program: BudgetItem
    kegiatan: BudgetItem
    sub: BudgetItem
    ind_program: Indicator
    ind_kegiatan: Indicator
    ind_sub: Indicator
    narasi: dict | None = None  # what the caller would pass to check()


def indicator(wb: Workbook, id: str, kind: str, owner: str, target=None, realisasi=None, **kw) -> Indicator:
    ind = Indicator(id, kind, owner, f"Indikator {id}", **kw)
    if target is not None:
        ind.values[(TAHUN, TARGET, ANNUAL)] = D(target) if isinstance(target, str) else target
    if realisasi is not None:
        ind.values[(TAHUN, REALISASI, ANNUAL)] = D(realisasi) if isinstance(realisasi, str) else realisasi
    wb.indicators[id] = ind
    return ind


def clean() -> Parts:
    wb = Workbook()
    wb.opd.kepala_nip = NIP
    wb.tujuan["t"] = Tujuan("t", "Tujuan", kode="1")
    wb.sasaran["s"] = Sasaran("s", "t", "Sasaran", kode="1.1")
    iku = indicator(wb, "iku", "sasaran", "s", "40", "40", kode="IKU-1", jenis="persen", satuan="%")
    program = BudgetItem("p", "program", "Program", kode="1")
    kegiatan = BudgetItem("k", "kegiatan", "Kegiatan", parent_id="p", kode="1.01")
    sub = BudgetItem("sk", "sub_kegiatan", "Sub", parent_id="k", kode="1.01.1", pagu_murni=1000,
                     pagu_perubahan=1000, realisasi=900, satuan_fisik="Dokumen")
    for item in (program, kegiatan, sub):
        wb.items[item.id] = item
    ind_p = indicator(wb, "ip", "program", "p", "100", "100", satuan="%")
    ind_k = indicator(wb, "ik", "kegiatan", "k", "100", "100", satuan="%")
    ind_s = indicator(wb, "is", "sub_kegiatan", "sk", "4", satuan="Dokumen")
    sub.quarters = {1: Quarter(target_fisik=D(2), realisasi_fisik=D(2)),
                    3: Quarter(target_fisik=D(2), realisasi_fisik=D(2))}
    wb.links.add(("iku", "sk"))
    wb.prestasi["pr"] = Prestasi("pr", "Penghargaan", date(TAHUN, 5, 1), "Gubernur")
    wb.structure_changed()
    return Parts(wb, iku, program, kegiatan, sub, ind_p, ind_k, ind_s)


def add_pk(parts: Parts, jenis: str = "murni") -> PkVersion:
    """A complete, consistent PK of the OPD for ``parts``."""
    wb = parts.wb
    pk = PkVersion(f"pk-{jenis}", jenis=jenis, tempat="Bekasi", tanggal=date(TAHUN, 1, 2), pihak1_nama="Kepala",
                   pihak1_jabatan="Kepala", pihak1_pangkat="Pembina Utama Muda", pihak1_golongan="IV.c",
                   pihak1_nip=NIP, pihak2_nama="Wali Kota", pihak2_jabatan="Wali Kota")
    wb.pk_versions[pk.id] = pk
    wb.pk_sasaran[f"{pk.id}-s"] = PkSasaranRow(f"{pk.id}-s", pk.id, "Sasaran", "Indikator iku", "%", "40",
                                               indicator_id="iku")
    wb.pk_program[f"{pk.id}-p"] = PkProgramRow(f"{pk.id}-p", pk.id, "Program", 1000, item_id="p")
    return pk


def codes(wb: Workbook, **kw) -> list[str]:
    return [f.code for f in check(wb, Calculator(wb), **kw)]


def findings(wb: Workbook, code: str, settings: ReviuSettings | None = None, **kw) -> list:
    return [f for f in check(wb, Calculator(wb), settings=settings, **kw) if f.code == code]
