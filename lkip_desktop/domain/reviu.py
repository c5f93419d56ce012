"""Reviu: what an evaluator (APIP / Inspektorat) would fault in a workbook, each finding
with where it is and why. Errors are inconsistencies in the figures themselves; warnings
are gaps a reviewer would ask about."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .compute import Calculator
from .model import ANNUAL, REALISASI, TARGET, BudgetItem, Workbook
from .nip import nip_problems
from .pk.checks import consistency
from .numbers import format_number, format_rupiah

KESALAHAN = "kesalahan"
PERINGATAN = "peringatan"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SHARE_TOLERANCE = Decimal("0.005")  # half a unit of the 2nd decimal, per printed share


@dataclass(frozen=True)
class Finding:
    level: str  # KESALAHAN | PERINGATAN
    code: str  # stable id of the check, e.g. "tw-realisasi-serapan"
    message: str  # Indonesian, says what and why
    where: str  # Indonesian, human location
    table: str  # where to jump: store table, key and field
    key: tuple
    field: str | None = None


def check(wb: Workbook, calc: Calculator | None = None) -> list[Finding]:
    calc = calc or Calculator(wb)
    out: list[Finding] = []
    out += _budget_checks(wb, calc)
    out += _indicator_checks(wb, calc)
    out += _link_checks(wb)
    out += _pk_checks(wb, calc)
    out += _profile_checks(wb)
    return out


def _item_where(item: BudgetItem) -> str:
    label = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}[item.level]
    return f"{label} {item.kode} {item.nama}".replace("  ", " ")


def _budget_checks(wb: Workbook, calc: Calculator) -> list[Finding]:
    out = []
    for item in wb.items.values():
        if item.level != "sub_kegiatan":
            out += _parent_plan_check(item, calc)
            continue
        where = _item_where(item)
        totals = calc.totals(item.id)
        if item.realisasi is not None and item.realisasi > totals.pagu:
            out.append(Finding(KESALAHAN, "realisasi-melebihi-pagu",
                               f"Realisasi {format_rupiah(item.realisasi)} melebihi pagu {format_rupiah(totals.pagu)}.",
                               where, "budget_item", (item.id,), "realisasi"))
        quarters = [item.quarters.get(tw) for tw in range(1, 5)]
        # Realisasi keuangan per triwulan must add up to the year's serapan (RULES 6.7).
        shares = [calc.quarter_keuangan_persen(item, tw, "realisasi") for tw in range(1, 5)]
        total, count = calc.quarter_share_sum(item, "realisasi")
        if total is not None and totals.serapan is not None:
            if abs(total - totals.serapan) > SHARE_TOLERANCE * count:
                out.append(Finding(
                    KESALAHAN, "tw-realisasi-serapan",
                    f"Jumlah realisasi keuangan TW I–IV {format_number(total)}% tidak sama dengan serapan "
                    f"setahun {format_number(totals.serapan)}%.",
                    where, "budget_quarter", (item.id, _first_tw(shares)), "realisasi_keuangan_persen"))
        targets = [calc.quarter_keuangan_persen(item, tw, "target") for tw in range(1, 5)]
        total, count = calc.quarter_share_sum(item, "target")
        if total is not None:
            if abs(total - 100) > SHARE_TOLERANCE * count:
                out.append(Finding(
                    KESALAHAN, "tw-target-keuangan-100",
                    f"Jumlah target keuangan TW I–IV {format_number(total)}% seharusnya 100%.",
                    where, "budget_quarter", (item.id, _first_tw(targets)), "target_keuangan_persen"))
        for tw, s in enumerate(shares, 1):
            if s is not None and (s < 0 or s > 100):
                out.append(Finding(KESALAHAN, "persen-di-luar-0-100",
                                   f"Realisasi keuangan TW {ROMAN[tw]} {format_number(s)}% di luar 0–100%.",
                                   where, "budget_quarter", (item.id, tw), "realisasi_keuangan_persen"))
        # Fisik targets per triwulan add up to the output's annual target (RULES 6.9).
        fisik = [q.target_fisik for q in quarters if q is not None and q.target_fisik is not None]
        output = wb.indicators_of(item.id)
        annual = output[0].target(wb.settings.tahun) if output else None
        if fisik and isinstance(annual, Decimal):
            total = sum(fisik, Decimal(0))
            if total != annual:
                out.append(Finding(
                    KESALAHAN, "tw-fisik-target",
                    f"Jumlah target fisik TW I–IV {format_number(total, None)} {item.satuan_fisik} tidak sama "
                    f"dengan target tahunan {format_number(annual, None)}.".replace("  ", " "),
                    where, "budget_quarter", (item.id, 1), "target_fisik"))
    return out


def _parent_plan_check(item: BudgetItem, calc: Calculator) -> list[Finding]:
    """A program's own quarterly plan in rupiah (Tabel 2.5) must add up to its pagu."""
    planned = [q.target_keuangan for q in item.quarters.values() if q.target_keuangan is not None]
    pagu = calc.totals(item.id).pagu
    if not planned or sum(planned) == pagu:
        return []
    return [Finding(KESALAHAN, "tw-rencana-pagu",
                    f"Rencana anggaran TW I–IV {format_rupiah(sum(planned))} tidak sama dengan pagu {format_rupiah(pagu)}.",
                    _item_where(item), "budget_quarter", (item.id, min(item.quarters)), "target_keuangan")]


def _first_tw(values: list) -> int:
    for tw, v in enumerate(values, 1):
        if v is not None:
            return tw
    return 1


def _indicator_checks(wb: Workbook, calc: Calculator) -> list[Finding]:
    out = []
    tahun = wb.settings.tahun
    limit = wb.settings.capaian_wajar_maks
    for ind in wb.indicators.values():
        where = f"Indikator {ind.kode} {ind.nama}".replace("  ", " ")
        for (year, kind, periode), v in ind.values.items():
            if kind == REALISASI and year > tahun:
                out.append(Finding(KESALAHAN, "tahun-realisasi",
                                   f"Ada realisasi tahun {year}, sesudah tahun laporan {tahun}.",
                                   where, "indicator_value", (ind.id, year, kind, periode), "nilai"))
            if ind.jenis == "persen" and ind.satuan.strip() in ("%", "persen", "Persen") and isinstance(v, Decimal) \
                    and v < 0:
                out.append(Finding(KESALAHAN, "persen-di-luar-0-100",
                                   f"Nilai {format_number(v, None)}% negatif untuk indikator persen.",
                                   where, "indicator_value", (ind.id, year, kind, periode), "nilai"))
        if ind.rumus_komponen:
            res = calc.realisasi(ind, tahun)
            if res.error:
                out.append(Finding(KESALAHAN, "rumus-komponen", f"Rumus komponen tidak dapat dihitung: {res.error}",
                                   where, "indicator", (ind.id,), "rumus_komponen"))
        if not ind.is_iku:
            continue
        if ind.target(tahun) is None:
            out.append(Finding(PERINGATAN, "target-kosong", f"Target {tahun} belum diisi.",
                               where, "indicator_value", (ind.id, tahun, TARGET, ANNUAL), "nilai"))
        result = calc.indicator(ind.id)
        if result.capaian.value is not None and result.capaian.value > limit:
            out.append(Finding(PERINGATAN, "capaian-tidak-wajar",
                               f"Capaian {format_number(result.capaian.value)}% di atas {format_number(limit, None)}%: "
                               "periksa apakah ada salah ketik.",
                               where, "indicator_value", (ind.id, tahun, REALISASI, ANNUAL), "nilai"))
    return out


def _link_checks(wb: Workbook) -> list[Finding]:
    out = []
    linked_items = {b for _, b in wb.links}
    linked_inds = {a for a, _ in wb.links}
    for ind in wb.iku_list():
        if ind.id not in linked_inds:
            out.append(Finding(PERINGATAN, "iku-tanpa-anggaran",
                               "IKU ini belum didukung sub kegiatan mana pun (efisiensi tidak dapat dihitung).",
                               f"IKU {ind.kode} {ind.nama}", "indicator", (ind.id,), None))
    for item in wb.items.values():
        if item.level != "sub_kegiatan" or item.id in linked_items:
            continue
        if any(a.id in linked_items for a in wb.ancestors(item.id)):
            continue  # its kegiatan or program as a whole supports an IKU
        out.append(Finding(PERINGATAN, "anggaran-tanpa-iku",
                           "Sub kegiatan ini tidak mendukung IKU mana pun.",
                           _item_where(item), "budget_item", (item.id,), None))
    return out


def _pk_checks(wb: Workbook, calc: Calculator) -> list[Finding]:
    """PK versus Renstra targets and the budget tree (the rules live in pk/checks.py)."""
    return [Finding(**vars(w)) for pk in wb.pk_list() for w in consistency(wb, calc, pk.id)]


def _profile_checks(wb: Workbook) -> list[Finding]:
    out = []
    if not wb.opd.kepala_nip:
        out.append(Finding(PERINGATAN, "nip-kosong", "NIP kepala OPD belum diisi.", "Profil OPD", "opd", (1,),
                           "kepala_nip"))
    else:
        for problem in nip_problems(wb.opd.kepala_nip):
            out.append(Finding(KESALAHAN, "nip-tidak-sah", problem, "Profil OPD", "opd", (1,), "kepala_nip"))
    return out
