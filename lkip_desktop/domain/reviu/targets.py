"""Reviu of targets and realisasi: missing on either side, out of the reporting year,
implausible, or of the wrong kind (RULES 2.4, 2.5)."""

from __future__ import annotations

from ..compute import Calculator
from ..model import ANNUAL, REALISASI, TARGET, Indicator, Workbook
from ..numbers import format_number
from ..values import Predikat, format_value
from .registry import (KESALAHAN, PERINGATAN, Finding, ReviuSettings, check_of, indicator_where,
                       owner_where)

THEME = "Target dan realisasi"
NUMERIC_JENIS = ("angka", "persen", "indeks")


def has_realisasi(wb: Workbook, calc: Calculator, ind: Indicator, tahun: int) -> bool:
    """Typed, from komponen, or (a sub kegiatan output) any quarterly realisasi fisik."""
    if calc.realisasi(ind, tahun).value is not None or ind.typed_realisasi(tahun) is not None:
        return True
    item = wb.items.get(ind.owner_id)
    return item is not None and any(q.realisasi_fisik is not None for q in item.quarters.values())


@check_of("target-kosong", PERINGATAN, "Target IKU tahun laporan belum diisi", THEME)
def target_kosong(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    return [Finding(PERINGATAN, "target-kosong",
                    f"Target {tahun} belum diisi. Tanpa target capaian tidak dapat dihitung; isi target sesuai "
                    "Renstra/PK.",
                    indicator_where(ind), "indicator_value", (ind.id, tahun, TARGET, ANNUAL), "nilai")
            for ind in wb.indicators.values() if ind.is_iku and ind.target(tahun) is None]


@check_of("target-indikator-kosong", PERINGATAN, "Target indikator tujuan/program/kegiatan/sub kegiatan kosong",
          THEME)
def target_indikator_kosong(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Below and above the IKU: an indicator with neither target nor realisasi in the year.
    (With a realisasi, ``realisasi-tanpa-target`` says it.)"""
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        if ind.is_iku or ind.target(tahun) is not None or has_realisasi(wb, calc, ind, tahun):
            continue
        out.append(Finding(PERINGATAN, "target-indikator-kosong",
                           f"Target {tahun} belum diisi. Setiap indikator kinerja perlu target tahunan agar "
                           "capaiannya dapat diukur; isi dari Renstra/Renja.",
                           owner_where(wb, ind), "indicator_value", (ind.id, tahun, TARGET, ANNUAL), "nilai"))
    return out


@check_of("realisasi-tanpa-target", PERINGATAN, "Realisasi ada, target tidak ada", THEME)
def realisasi_tanpa_target(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        if ind.is_iku or ind.target(tahun) is not None or not has_realisasi(wb, calc, ind, tahun):
            continue  # an IKU without target is already ``target-kosong``
        out.append(Finding(PERINGATAN, "realisasi-tanpa-target",
                           f"Realisasi {tahun} sudah diisi tetapi targetnya kosong, sehingga capaian tidak dapat "
                           "dihitung. Isi target tahun ini.",
                           owner_where(wb, ind), "indicator_value", (ind.id, tahun, TARGET, ANNUAL), "nilai"))
    return out


@check_of("target-tanpa-realisasi", PERINGATAN, "Target IKU ada, realisasi tidak ada", THEME)
def target_tanpa_realisasi(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """IKU only: the LKIP measures the sasaran (M53 Lamp. II). Tujuan indicators are often
    measured at the end of the Renstra and lower levels through Renja/fisik, so a missing
    realisasi there is not a fault of the LKIP."""
    tahun = wb.settings.tahun
    out = []
    for ind in wb.iku_list():
        if ind.target(tahun) is None or has_realisasi(wb, calc, ind, tahun):
            continue
        out.append(Finding(PERINGATAN, "target-tanpa-realisasi",
                           f"Target {tahun} ada ({format_value(ind.target(tahun), None)}) tetapi realisasinya "
                           "belum diisi: capaian IKU tercetak \"-\". Isi realisasi atau komponennya.",
                           indicator_where(ind), "indicator_value", (ind.id, tahun, REALISASI, ANNUAL), "nilai"))
    return out


@check_of("capaian-tidak-wajar", PERINGATAN, "Capaian IKU di atas batas wajar", THEME)
def capaian_tidak_wajar(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    limit = wb.settings.capaian_wajar_maks
    out = []
    for ind in wb.indicators.values():
        if not ind.is_iku:
            continue
        value = calc.indicator(ind.id).capaian.value
        if value is not None and value > limit:
            out.append(Finding(PERINGATAN, "capaian-tidak-wajar",
                               f"Capaian {format_number(value)}% di atas {format_number(limit, None)}%: "
                               "periksa apakah ada salah ketik pada target atau realisasi.",
                               indicator_where(ind), "indicator_value", (ind.id, tahun, REALISASI, ANNUAL), "nilai"))
    return out


@check_of("tahun-realisasi", KESALAHAN, "Realisasi untuk tahun sesudah tahun laporan", THEME)
def tahun_realisasi(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        for (year, kind, periode) in ind.values:
            if kind == REALISASI and year > tahun:
                out.append(Finding(KESALAHAN, "tahun-realisasi",
                                   f"Ada realisasi tahun {year}, sesudah tahun laporan {tahun}: realisasi belum "
                                   "mungkin ada. Pindahkan ke tahun yang benar atau hapus.",
                                   indicator_where(ind), "indicator_value", (ind.id, year, kind, periode), "nilai"))
        for year in ind.komponen:
            if year > tahun:
                out.append(Finding(KESALAHAN, "tahun-realisasi",
                                   f"Ada komponen realisasi tahun {year}, sesudah tahun laporan {tahun}. Pindahkan "
                                   "ke tahun yang benar atau hapus.",
                                   indicator_where(ind), "komponen",
                                   (ind.id, year, next(iter(ind.komponen[year]), "")), "nilai"))
    return out


@check_of("nilai-bukan-angka", KESALAHAN, "Predikat (teks) pada indikator angka", THEME)
def nilai_bukan_angka(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """A numeric indicator (angka/persen/indeks) holding a predikat such as "A": no capaian."""
    out = []
    for ind in wb.indicators.values():
        if ind.jenis not in NUMERIC_JENIS:
            continue
        for (year, kind, periode), v in ind.values.items():
            if isinstance(v, Predikat):
                out.append(Finding(KESALAHAN, "nilai-bukan-angka",
                                   f"{kind.capitalize()} {year} berisi predikat \"{v}\" padahal jenis indikator "
                                   f"\"{ind.jenis}\" ({ind.satuan or 'tanpa satuan'}). Isi angka, atau ubah jenis "
                                   "indikator menjadi predikat.",
                                   owner_where(wb, ind), "indicator_value", (ind.id, year, kind, periode), "nilai"))
    return out

