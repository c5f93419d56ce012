"""Reviu of text hygiene: placeholders ("...", "xxx", "[isi ...]", "TODO") left in the narasi,
the indicators' analysis texts, prestasi and the PK wording."""

from __future__ import annotations

import re

from ..compute import Calculator
from ..model import Indicator, Workbook
from ..narasi import narasi_place
from .registry import PERINGATAN, Finding, ReviuSettings, check_of, indicator_where

THEME = "Kebersihan teks"

# (pattern, how the finding names it)
PLACEHOLDERS = [
    (re.compile(r"\.{3,}|…"), "\"...\""),
    (re.compile(r"\bx{3,}\b", re.I), "\"xxx\""),
    (re.compile(r"[\[<(]\s*isi\b", re.I), "\"[isi ...]\""),
    (re.compile(r"\b(?:todo|tbd|fixme)\b", re.I), "\"TODO\""),
    (re.compile(r"\blorem ipsum\b", re.I), "\"lorem ipsum\""),
    (re.compile(r"\?{2,}"), "\"??\""),
    (re.compile(r"_{3,}"), "\"___\""),
]


def indicator_texts(ind: Indicator) -> list[tuple[str, str, str]]:
    """(field, label, text) of the indicator's free texts that the report prints."""
    return [("alasan", "alasan", ind.alasan), ("penjelasan", "penjelasan", ind.penjelasan),
            ("analisis_keberhasilan", "analisis keberhasilan", ind.analisis_keberhasilan),
            ("analisis_penghambat", "analisis penghambat", ind.analisis_penghambat),
            ("langkah_perbaikan", "langkah perbaikan", ind.langkah_perbaikan)]


def placeholders_in(text: str) -> list[str]:
    """The kinds of placeholder found in ``text``, in PLACEHOLDERS order."""
    return [shown for pattern, shown in PLACEHOLDERS if pattern.search(text or "")]


def _finding(found: list[str], what: str, where: str, table: str, key: tuple, field: str) -> Finding:
    return Finding(PERINGATAN, "narasi-placeholder",
                   f"{what} masih memuat penanda isian {', '.join(found)}: teks ini akan tercetak apa adanya di "
                   "laporan. Ganti dengan isi yang sebenarnya.",
                   where, table, key, field)


@check_of("narasi-placeholder", PERINGATAN, "Penanda isian tertinggal di teks laporan", THEME)
def narasi_placeholder(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    out = []
    for kunci, teks in (settings.narasi or {}).items():
        if found := placeholders_in(teks):
            out.append(_finding(found, "Narasi", narasi_place(kunci), "narasi", (kunci,), "teks"))
    for ind in wb.indicators.values():
        for field, label, teks in indicator_texts(ind):
            if found := placeholders_in(teks):
                out.append(_finding(found, f"Teks {label}", indicator_where(ind), "indicator", (ind.id,), field))
    for p in wb.prestasi_list():
        if found := placeholders_in(p.uraian):
            out.append(_finding(found, "Uraian prestasi", f"Prestasi: {p.uraian}", "prestasi", (p.id,), "uraian"))
    for pk in wb.pk_list():
        if found := placeholders_in(pk.teks):
            out.append(_finding(found, "Teks PK", "Perjanjian Kinerja", "pk_version", (pk.id,), "teks"))
    return out
