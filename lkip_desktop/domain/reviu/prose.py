"""Reviu of the figures the narasi quotes: a rupiah amount written in the prose must be one the
workbook has (a pagu, a realisasi, a total, a PK anggaran), or the prose and the tables disagree
(the reference report printed its realisasi as the pagu before the APBD-P)."""

from __future__ import annotations

import re

from ..compute import Calculator
from ..model import Workbook
from ..narasi import narasi_place
from ..numbers import format_rupiah
from .registry import PERINGATAN, Finding, ReviuSettings, check_of

THEME = "Kebersihan teks"
# "Rp 203.407.354.606", "Rp203.407.354.606,00", "Rp. 5.000.000", "Rp 229,444,689,696.00"
_RUPIAH = re.compile(r"\bRp\.?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{2}))?(?!\d)")
SMALLEST = 1_000_000  # smaller amounts in prose are examples or unit prices, not budget figures


def rupiah_in(text: str) -> list[tuple[str, int]]:
    """(as written, whole rupiah) of every rupiah amount in ``text`` (sen dropped)."""
    out = []
    for m in _RUPIAH.finditer(text or ""):
        out.append((m.group(0), int(re.sub(r"[.,]", "", m.group(1)))))
    return out


def known_amounts(wb: Workbook, calc: Calculator) -> set[int]:
    """Every rupiah figure the workbook prints: per item and in total, per IKU, per PK."""
    totals = [calc.totals(i) for i in wb.items] + [calc.opd_totals()]
    out = set()
    for t in totals:
        out |= {t.pagu_murni, t.pagu_perubahan, t.pagu, abs(t.selisih)}
        if t.realisasi is not None:
            out |= {t.realisasi, t.pagu - t.realisasi}
    for ind in wb.iku_list():
        b = calc.iku_budget(ind.id)
        out.add(b.pagu)
        if b.realisasi is not None:
            out |= {b.realisasi, b.pagu - b.realisasi}
    for pk in wb.pk_list():
        rows = wb.pk_program_rows(pk.id)
        out |= {r.anggaran for r in rows} | {sum(r.anggaran for r in rows)}
    return out


@check_of("narasi-rupiah", PERINGATAN, "Angka rupiah di narasi tidak ada di data anggaran", THEME)
def narasi_rupiah(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    out = []
    known: set[int] | None = None
    for kunci, teks in (settings.narasi or {}).items():
        amounts = [(shown, n) for shown, n in rupiah_in(teks) if n >= SMALLEST]
        if not amounts:
            continue
        known = known_amounts(wb, calc) if known is None else known
        unknown = [shown for shown, n in amounts if n not in known]
        if unknown:
            out.append(Finding(
                PERINGATAN, "narasi-rupiah",
                f"Narasi menyebut {', '.join(unknown)}, yang tidak sama dengan pagu, realisasi atau total mana pun "
                f"di data anggaran (mis. total pagu {format_rupiah(calc.opd_totals().pagu, prefix=True)}). "
                "Teks dan tabel harus memakai angka yang sama: perbaiki angka di narasi.",
                narasi_place(kunci), "narasi", (kunci,), "teks"))
    return out
