"""Reviu of the cascade: IKU supported by the budget, budget supporting an IKU, and program/
kegiatan indicators that contradict the outputs of their children."""

from __future__ import annotations

from decimal import Decimal

from ..compute import Calculator
from ..model import ANNUAL, REALISASI, BudgetItem, Indicator, Workbook
from ..numbers import format_number
from .registry import PERINGATAN, Finding, ReviuSettings, check_of, item_where, owner_where

THEME = "Keterkaitan (cascading)"
HUNDRED = Decimal(100)


@check_of("iku-tanpa-anggaran", PERINGATAN, "IKU tanpa sub kegiatan pendukung", THEME)
def iku_tanpa_anggaran(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    linked = {a for a, _ in wb.links}
    return [Finding(PERINGATAN, "iku-tanpa-anggaran",
                    "IKU ini belum didukung sub kegiatan mana pun, sehingga efisiensi tidak dapat dihitung. "
                    "Hubungkan sub kegiatan pendukungnya di halaman Dukungan.",
                    f"IKU {ind.kode} {ind.nama}", "indicator", (ind.id,), None)
            for ind in wb.iku_list() if ind.id not in linked]


@check_of("anggaran-tanpa-iku", PERINGATAN, "Sub kegiatan yang tidak mendukung IKU", THEME)
def anggaran_tanpa_iku(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    linked = {b for _, b in wb.links}
    out = []
    for item in wb.items.values():
        if item.level != "sub_kegiatan" or item.id in linked:
            continue
        if any(a.id in linked for a in wb.ancestors(item.id)):
            continue  # its kegiatan or program as a whole supports an IKU
        out.append(Finding(PERINGATAN, "anggaran-tanpa-iku",
                           "Sub kegiatan ini tidak mendukung IKU mana pun. Hubungkan ke IKU yang didukungnya "
                           "di halaman Dukungan.",
                           item_where(item), "budget_item", (item.id,), None))
    return out


def output_capaian(wb: Workbook, calc: Calculator, ind: Indicator) -> Decimal | None:
    """Capaian of an output: computed when the indicator has a realisasi, else (a sub
    kegiatan) Σ quarterly realisasi fisik ÷ annual target (RULES 6.9, not cumulative)."""
    value = calc.indicator(ind.id).capaian.value
    if value is not None:
        return value
    item = wb.items.get(ind.owner_id)
    target = ind.target(wb.settings.tahun)
    if item is None or ind.polaritas != "positif" or not isinstance(target, Decimal) or target <= 0:
        return None
    fisik = [q.realisasi_fisik for q in item.quarters.values() if q.realisasi_fisik is not None]
    return sum(fisik, Decimal(0)) / target * HUNDRED if fisik else None


def children_capaian(wb: Workbook, calc: Calculator, item: BudgetItem) -> list[Decimal]:
    """Capaian of the indicators one level down; where that level has none, of the sub
    kegiatan outputs below."""
    direct = [c for child in wb.children(item.id) for ind in wb.indicators_of(child.id)
              if (c := output_capaian(wb, calc, ind)) is not None]
    if direct:
        return direct
    return [c for leaf in wb.leaves_under(item.id) if leaf.id != item.id for ind in wb.indicators_of(leaf.id)
            if (c := output_capaian(wb, calc, ind)) is not None]


@check_of("indikator-induk-anak", PERINGATAN, "Capaian program/kegiatan bertentangan dengan keluarannya", THEME)
def indikator_induk_anak(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Both sides capped at 100: exceeding a target is not a contradiction, falling short
    while the other side says 'tercapai' is."""
    tol = settings.toleransi_induk_anak
    tahun = wb.settings.tahun
    out = []
    for item in wb.items.values():
        if item.level == "sub_kegiatan":
            continue
        own = [(ind, calc.indicator(ind.id).capaian.value) for ind in wb.indicators_of(item.id)]
        own = [(ind, c) for ind, c in own if c is not None]
        if not own:
            continue
        kids = children_capaian(wb, calc, item)
        if not kids:
            continue
        mean = sum(kids, Decimal(0)) / len(kids)
        for ind, c in own:
            if abs(min(c, HUNDRED) - min(mean, HUNDRED)) <= tol:
                continue
            out.append(Finding(
                PERINGATAN, "indikator-induk-anak",
                f"Capaian indikator ini {format_number(c)}% tetapi rata-rata capaian {len(kids)} keluaran di "
                f"bawahnya {format_number(mean)}% (selisih lebih dari {format_number(tol, None)} poin). Hasil "
                "program/kegiatan seharusnya sejalan dengan keluarannya: periksa realisasi keduanya, atau "
                "jelaskan sebabnya di analisis.",
                owner_where(wb, ind), "indicator_value", (ind.id, tahun, REALISASI, ANNUAL), "nilai"))
    return out
