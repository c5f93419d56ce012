"""Reviu of the budget: pagu, realisasi and the quarterly plan and realisation of each item
(RULES 6.3–6.9)."""

from __future__ import annotations

from decimal import Decimal

from ..budget import items_perubahan_ignored
from ..compute import Calculator, share_sum
from ..model import BudgetItem, Workbook
from ..numbers import format_number, format_rupiah
from .registry import KESALAHAN, PERINGATAN, Finding, ReviuSettings, check_of, item_where

THEME = "Anggaran"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SHARE_TOLERANCE = Decimal("0.005")  # half a unit of the 2nd decimal, per printed share


def _leaves(wb: Workbook) -> list[BudgetItem]:
    return [i for i in wb.items.values() if i.level == "sub_kegiatan"]


def _shares(calc: Calculator, item: BudgetItem, kind: str, settings: ReviuSettings) -> tuple:
    """An item's four triwulan shares of one kind, made once a run: three checks read them."""
    key = ("shares", item.id, kind)
    if key not in settings.memo:
        settings.memo[key] = calc.quarter_shares(item, kind)
    return settings.memo[key]


def first_tw(values) -> int:
    """The first triwulan with a value (where the jump lands), else TW I."""
    for tw, v in enumerate(values, 1):
        if v is not None:
            return tw
    return 1


@check_of("realisasi-melebihi-pagu", KESALAHAN, "Realisasi anggaran melebihi pagu", THEME)
def realisasi_melebihi_pagu(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    out = []
    for item in _leaves(wb):
        pagu = calc.totals(item.id).pagu
        if item.realisasi is not None and item.realisasi > pagu:
            out.append(Finding(
                KESALAHAN, "realisasi-melebihi-pagu",
                f"Realisasi {format_rupiah(item.realisasi)} melebihi pagu {format_rupiah(pagu)}: belanja tidak "
                "boleh melampaui pagu. Periksa realisasi (salah ketik?) atau pagu perubahannya.",
                item_where(item), "budget_item", (item.id,), "realisasi"))
    return out


@check_of("tw-realisasi-serapan", KESALAHAN, "Realisasi keuangan TW I–IV tidak sama dengan serapan", THEME)
def tw_realisasi_serapan(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Realisasi keuangan per triwulan must add up to the year's serapan (RULES 6.7)."""
    out = []
    for item in _leaves(wb):
        serapan = calc.totals(item.id).serapan
        shares = _shares(calc, item, "realisasi", settings)
        total, count = share_sum(shares)
        if total is None or serapan is None or abs(total - serapan) <= SHARE_TOLERANCE * count:
            continue
        out.append(Finding(
            KESALAHAN, "tw-realisasi-serapan",
            f"Jumlah realisasi keuangan TW I–IV {format_number(total)}% tidak sama dengan serapan "
            f"setahun {format_number(serapan)}%. Perbaiki realisasi triwulan agar jumlahnya sama "
            "dengan realisasi setahun.",
            item_where(item), "budget_quarter", (item.id, first_tw(shares)), "realisasi_keuangan_persen"))
    return out


@check_of("tw-target-keuangan-100", KESALAHAN, "Target keuangan TW I–IV tidak berjumlah 100%", THEME)
def tw_target_keuangan_100(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    out = []
    for item in _leaves(wb):
        targets = _shares(calc, item, "target", settings)
        total, count = share_sum(targets)
        if total is None or abs(total - 100) <= SHARE_TOLERANCE * count:
            continue
        out.append(Finding(
            KESALAHAN, "tw-target-keuangan-100",
            f"Jumlah target keuangan TW I–IV {format_number(total)}% seharusnya 100%: rencana triwulan "
            "membagi seluruh pagu. Lengkapi atau perbaiki target triwulan.",
            item_where(item), "budget_quarter", (item.id, first_tw(targets)), "target_keuangan_persen"))
    return out


@check_of("tw-fisik-target", KESALAHAN, "Target fisik TW I–IV tidak sama dengan target tahunan", THEME)
def tw_fisik_target(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Fisik targets per triwulan add up to the output's annual target (RULES 6.9)."""
    out = []
    for item in _leaves(wb):
        fisik = [q.target_fisik for q in item.quarters.values() if q.target_fisik is not None]
        output = wb.indicators_of(item.id)
        annual = output[0].target(wb.settings.tahun) if output else None
        if not fisik or not isinstance(annual, Decimal):
            continue
        total = sum(fisik, Decimal(0))
        if total != annual:
            out.append(Finding(
                KESALAHAN, "tw-fisik-target",
                f"Jumlah target fisik TW I–IV {format_number(total, None)} {item.satuan_fisik} tidak sama "
                f"dengan target tahunan {format_number(annual, None)}. Samakan target triwulan dengan target "
                "indikator keluaran.".replace("  ", " "),
                item_where(item), "budget_quarter", (item.id, 1), "target_fisik"))
    return out


@check_of("tw-rencana-pagu", KESALAHAN, "Rencana anggaran TW I–IV tidak sama dengan pagu", THEME)
def tw_rencana_pagu(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """A program's own quarterly plan in rupiah (Tabel 2.5) must add up to its pagu."""
    out = []
    for item in wb.items.values():
        if item.level == "sub_kegiatan":
            continue
        planned = [q.target_keuangan for q in item.quarters.values() if q.target_keuangan is not None]
        pagu = calc.totals(item.id).pagu
        if planned and sum(planned) != pagu:
            out.append(Finding(
                KESALAHAN, "tw-rencana-pagu",
                f"Rencana anggaran TW I–IV {format_rupiah(sum(planned))} tidak sama dengan pagu "
                f"{format_rupiah(pagu)}. Perbaiki rencana triwulan agar jumlahnya sama dengan pagu.",
                item_where(item), "budget_quarter", (item.id, min(item.quarters)), "target_keuangan"))
    return out


@check_of("persen-di-luar-0-100", KESALAHAN, "Persentase di luar 0–100%", THEME)
def persen_di_luar(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Quarterly realisasi shares outside 0–100 and negative values of a percent indicator."""
    out = []
    for item in _leaves(wb):
        for tw, s in enumerate(_shares(calc, item, "realisasi", settings), 1):
            if s is not None and (s < 0 or s > 100):
                out.append(Finding(
                    KESALAHAN, "persen-di-luar-0-100",
                    f"Realisasi keuangan TW {ROMAN[tw]} {format_number(s)}% di luar 0–100%. Periksa "
                    "realisasi triwulan ini.",
                    item_where(item), "budget_quarter", (item.id, tw), "realisasi_keuangan_persen"))
    for ind in wb.indicators.values():
        if ind.jenis != "persen" or ind.satuan.strip() not in ("%", "persen", "Persen"):
            continue
        for (year, kind, periode), v in ind.values.items():
            if isinstance(v, Decimal) and v < 0:
                out.append(Finding(
                    KESALAHAN, "persen-di-luar-0-100",
                    f"Nilai {format_number(v, None)}% negatif untuk indikator persen. Periksa nilainya.",
                    f"Indikator {ind.kode} {ind.nama}".replace("  ", " "),
                    "indicator_value", (ind.id, year, kind, periode), "nilai"))
    return out


@check_of("serapan-pagu-salah", PERINGATAN, "Serapan dihitung dari pagu murni padahal ada APBD-P", THEME)
def serapan_pagu_salah(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """RULES 6.3: once the APBD-P changed a pagu, serapan is measured on the pagu perubahan."""
    changed = items_perubahan_ignored(_leaves(wb), wb.settings.perubahan_berlaku)
    if not changed:
        return []
    return [Finding(
        PERINGATAN, "serapan-pagu-salah",
        f"{len(changed)} sub kegiatan punya pagu perubahan (APBD-P) yang berbeda dari pagu murni, tetapi "
        "serapan diukur terhadap pagu murni. Setelah APBD-P ditetapkan serapan diukur terhadap pagu "
        "perubahan (RULES 6.3): nyalakan pengaturan \"APBD-P berlaku\".",
        "Pengaturan buku kerja", "settings", (1,), "perubahan_berlaku")]
