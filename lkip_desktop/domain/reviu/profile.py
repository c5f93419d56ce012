"""Reviu of the profile, the dates and years, and the codes: NIP of the head, reporting year
inside the Renstra, prestasi dated in the year, no kode used twice."""

from __future__ import annotations

from collections import defaultdict

from ..compute import Calculator
from ..model import Workbook
from ..nip import nip_problems
from ..numbers import format_date
from .registry import (KESALAHAN, PERINGATAN, Finding, ReviuSettings, check_of, indicator_where,
                       item_where)

THEME = "Profil, tanggal dan kode"


@check_of("nip-kosong", PERINGATAN, "NIP kepala OPD kosong", THEME)
def nip_kosong(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    if wb.opd.kepala_nip:
        return []
    return [Finding(PERINGATAN, "nip-kosong", "NIP kepala OPD belum diisi; NIP dicetak di bawah tanda tangan. "
                    "Isi NIP 18 digit di Profil.", "Profil OPD", "opd", (1,), "kepala_nip")]


@check_of("nip-tidak-sah", KESALAHAN, "NIP kepala OPD tidak sah", THEME)
def nip_tidak_sah(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    if not wb.opd.kepala_nip:
        return []
    return [Finding(KESALAHAN, "nip-tidak-sah", f"{problem} Perbaiki NIP di Profil.", "Profil OPD", "opd", (1,),
                    "kepala_nip")
            for problem in nip_problems(wb.opd.kepala_nip)]


@check_of("tahun-di-luar-renstra", KESALAHAN, "Tahun laporan di luar periode Renstra", THEME)
def tahun_di_luar_renstra(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    s = wb.settings
    if s.renstra_awal <= s.tahun <= s.renstra_akhir:
        return []
    return [Finding(KESALAHAN, "tahun-di-luar-renstra",
                    f"Tahun laporan {s.tahun} di luar periode Renstra {s.renstra_awal}–{s.renstra_akhir}: target "
                    "tahun laporan tidak ada di Renstra. Perbaiki tahun laporan atau periode Renstra di Profil.",
                    "Pengaturan buku kerja", "settings", (1,), "tahun")]


@check_of("prestasi-tahun", PERINGATAN, "Tanggal prestasi di luar tahun laporan", THEME)
def prestasi_tahun(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    return [Finding(PERINGATAN, "prestasi-tahun",
                    f"Prestasi bertanggal {format_date(p.tanggal)}, di luar tahun laporan {tahun}. LKIP memuat "
                    "prestasi tahun laporan: perbaiki tanggalnya atau hapus prestasi ini.",
                    f"Prestasi: {p.uraian}", "prestasi", (p.id,), "tanggal")
            for p in wb.prestasi_list() if p.tanggal is not None and p.tanggal.year != tahun]


@check_of("kode-ganda", KESALAHAN, "Kode dipakai dua kali", THEME)
def kode_ganda(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Budget items, indicators, tujuan and sasaran: each non-empty kode once. A kode names
    one row in imports, links and the PK; twice, it names the wrong one."""
    out = []
    groups = [
        ("budget_item", "mata anggaran", [(i.id, i.kode, item_where(i)) for i in wb.items.values()]),
        ("indicator", "indikator", [(i.id, i.kode, indicator_where(i)) for i in wb.indicators.values()]),
        ("tujuan", "tujuan", [(t.id, t.kode, f"Tujuan {t.kode} {t.nama}") for t in wb.tujuan.values()]),
        ("sasaran", "sasaran", [(s.id, s.kode, f"Sasaran {s.kode} {s.nama}") for s in wb.sasaran.values()]),
    ]
    for table, what, rows in groups:
        by_kode = defaultdict(list)
        for row_id, kode, where in rows:
            if kode.strip():
                by_kode[kode.strip()].append((row_id, where))
        for kode, hits in by_kode.items():
            if len(hits) < 2:
                continue
            for row_id, where in hits[1:]:
                out.append(Finding(KESALAHAN, "kode-ganda",
                                   f"Kode {kode} dipakai {len(hits)} {what} ({hits[0][1]} dan lainnya): kode harus "
                                   "unik agar impor, dukungan dan PK menunjuk baris yang benar. Ubah salah satu kode.",
                                   where, table, (row_id,), "kode"))
    return out
