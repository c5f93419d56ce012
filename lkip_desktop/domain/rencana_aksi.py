"""Rencana aksi: an indicator's capaian per triwulan.

RULES.md §6.7/§6.9: quarterly figures are per quarter, **not cumulative** (the TW targets of a
fisik output sum to the annual target). So the capaian of TW n compares the realisasi typed
for TW n with the target planned for TW n, by the indicator's own polarity and the workbook's
capaian settings (§2), exactly as the annual capaian does."""

from __future__ import annotations

from .capaian import DEFAULT_SETTINGS, Capaian, CapaianSettings, capaian
from .model import REALISASI, TARGET, Indicator

QUARTERS = (1, 2, 3, 4)


def quarter_capaian(ind: Indicator, tahun: int, tw: int,
                    settings: CapaianSettings = DEFAULT_SETTINGS) -> Capaian:
    """Capaian of quarter ``tw`` (1..4): realisasi TW ÷ target TW by the indicator's polarity."""
    if tw not in QUARTERS:
        raise ValueError(f"triwulan {tw!r} bukan 1..4")
    return capaian(ind.values.get((tahun, TARGET, tw)), ind.values.get((tahun, REALISASI, tw)),
                   ind.polaritas, settings)


def quarter_capaians(ind: Indicator, tahun: int,
                     settings: CapaianSettings = DEFAULT_SETTINGS) -> list[Capaian]:
    """The four quarters' capaian, TW I first."""
    return [quarter_capaian(ind, tahun, tw, settings) for tw in QUARTERS]
