"""Reviu of formulas and komponen (RULES 3) and of the rating scales (RULES 5): the machine
formula computes, its komponen are stored and used, the printed formula text agrees with it,
and every scale is a clean ladder of bands."""

from __future__ import annotations

import re
from decimal import Decimal

from ..compute import Calculator
from ..errors import FormulaError
from ..formula import parse_formula
from ..model import Indicator, Workbook
from ..numbers import format_number
from ..rating import DEFAULT_SCALE, KUSTOM, SCALES, Scale, custom_scale
from .registry import KESALAHAN, PERINGATAN, SARAN, Finding, ReviuSettings, check_of, indicator_where

THEME = "Rumus, komponen dan skala"
HUNDRED = Decimal(100)
# A komponen key as the app writes it (lower case words joined by "_"), when a formula text names one.
_KEY = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_FRACTION = re.compile(r"(?<![\d.,])0[.,]\d+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _names(ind: Indicator) -> tuple[str, ...] | None:
    """Komponen names of the machine formula; None when there is none or it does not parse."""
    if not ind.rumus_komponen.strip():
        return None
    try:
        return parse_formula(ind.rumus_komponen).names
    except FormulaError:
        return None


@check_of("rumus-komponen", KESALAHAN, "Rumus komponen tidak dapat dihitung", THEME)
def rumus_komponen(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        if not ind.rumus_komponen:
            continue
        res = calc.realisasi(ind, tahun)
        if res.error:
            out.append(Finding(KESALAHAN, "rumus-komponen",
                               f"Rumus komponen tidak dapat dihitung: {res.error} Perbaiki rumusnya atau lengkapi "
                               "komponennya.",
                               indicator_where(ind), "indicator", (ind.id,), "rumus_komponen"))
    return out


@check_of("komponen-tidak-disimpan", PERINGATAN, "Komponen disebut rumus tetapi tidak diisi", THEME)
def komponen_tidak_disimpan(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Names the formula text (``rumus``) writes as komponen keys, and the machine formula's
    names when the year has no komponen at all (a partial set is ``rumus-komponen``)."""
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        stored = ind.komponen.get(tahun, {})
        named = [n for n in dict.fromkeys(_KEY.findall(ind.rumus)) if n not in stored]
        if not stored:
            named += [n for n in (_names(ind) or ()) if n not in named]
        if not named:
            continue
        out.append(Finding(PERINGATAN, "komponen-tidak-disimpan",
                           f"Rumus menyebut komponen {', '.join(named)} tetapi nilainya untuk {tahun} tidak ada. "
                           "Realisasi tidak dapat ditelusuri dari komponennya: isi komponen tersebut, atau "
                           "sesuaikan rumusnya.",
                           indicator_where(ind), "indicator", (ind.id,), "rumus"))
    return out


@check_of("komponen-tidak-dipakai", SARAN, "Komponen tersimpan yang tidak dipakai rumus", THEME)
def komponen_tidak_dipakai(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Only where a machine formula exists: komponen without one are a worksheet shown as is."""
    tahun = wb.settings.tahun
    out = []
    for ind in wb.indicators.values():
        names = _names(ind)
        if names is None:
            continue
        for name in ind.komponen.get(tahun, {}):
            if name not in names:
                out.append(Finding(SARAN, "komponen-tidak-dipakai",
                                   f"Komponen \"{name}\" tersimpan untuk {tahun} tetapi tidak dipakai rumus komponen "
                                   f"({ind.rumus_komponen}). Masukkan ke rumus bila memang bagian perhitungan, atau "
                                   "hapus komponennya.",
                                   indicator_where(ind), "komponen", (ind.id, tahun, name), "nilai"))
    return out


def text_weights(rumus: str) -> list[tuple[str, set[Decimal]]]:
    """Weights a formula text prints ("80%", "0,4"), each with the forms the machine formula
    may write it in. 100% is the ×100 of a ratio, not a weight."""
    out = []
    for m in _PERCENT.finditer(rumus):
        w = Decimal(m.group(1).replace(",", "."))
        if w != HUNDRED:
            out.append((m.group(0), {w, w / HUNDRED}))
    for m in _FRACTION.finditer(rumus):
        w = Decimal(m.group(0).replace(",", "."))
        out.append((m.group(0), {w, w * HUNDRED}))
    return out


@check_of("rumus-bobot-beda", PERINGATAN, "Bobot di teks rumus tidak dipakai rumus komponen", THEME)
def rumus_bobot_beda(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    out = []
    for ind in wb.indicators.values():
        if not ind.rumus_komponen.strip():
            continue
        used = {Decimal(n) for n in _NUMBER.findall(ind.rumus_komponen)}
        missing = [shown for shown, forms in text_weights(ind.rumus) if not forms & used]
        if missing:
            out.append(Finding(PERINGATAN, "rumus-bobot-beda",
                               f"Teks rumus menyebut bobot {', '.join(missing)} yang tidak ada di rumus komponen "
                               f"({ind.rumus_komponen}). Realisasi dihitung dengan bobot lain dari yang tercetak: "
                               "samakan teks rumus dan rumus komponen.",
                               indicator_where(ind), "indicator", (ind.id,), "rumus_komponen"))
    return out


def scale_problems(scale: Scale) -> list[str]:
    """Bands are lower edges, highest first: each edge must be below the one before it
    (an equal or higher edge makes a band overlap the next or never reached), labels given
    and unique."""
    out = []
    for upper, band in zip(scale.bands, scale.bands[1:]):
        if band.lower >= upper.lower:
            out.append(f"batas bawah \"{band.label}\" ({format_number(band.lower, None)}) tidak di bawah batas "
                       f"\"{upper.label}\" ({format_number(upper.lower, None)}), sehingga rentangnya tumpang "
                       "tindih atau tidak pernah tercapai")
    empty = [b for b in scale.bands if not b.label.strip()]
    if empty:
        edges = ", ".join(format_number(b.lower, None) for b in empty)
        out.append(f"rentang dengan batas bawah {edges} belum diberi label kriteria")
    labels = [b.label for b in scale.bands if b.label.strip()]
    for label in sorted({x for x in labels if labels.count(x) > 1}):
        out.append(f"label \"{label}\" dipakai lebih dari satu rentang")
    return out


def _finding(message: str) -> Finding:
    return Finding(KESALAHAN, "skala-tidak-runtut", message, "Pengaturan buku kerja", "settings", (1,), "skala")


@check_of("skala-tidak-runtut", KESALAHAN, "Skala penilaian tumpang tindih atau tak tercapai", THEME)
def skala_tidak_runtut(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """Every preset the workbook can choose, and the OPD's own (kustom) scale when chosen.
    A gap cannot exist: each band runs up to the next higher lower edge (rating.py)."""
    scales = list(SCALES.values())
    if wb.settings.skala == KUSTOM:
        own = custom_scale(wb.settings.skala_nama, wb.skala_pita.values())
        if own is None:
            fallback = SCALES[DEFAULT_SCALE].name
            return [_finding(f"Skala kustom belum memiliki rentang; sementara dipakai \"{fallback}\". "
                             "Tambahkan rentangnya atau pilih skala baku.")]
        scales.append(own)
    return [_finding(f"Skala \"{scale.name}\": {problem}. Perbaiki tabel skalanya.")
            for scale in scales for problem in scale_problems(scale)]
