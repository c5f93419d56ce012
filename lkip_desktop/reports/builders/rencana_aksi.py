"""The Lampiran table of the IKU rencana aksi: per IKU the target, realisasi and capaian of
each triwulan (per quarter, not cumulative: domain.rencana_aksi), as the Realisasi page
shows them. Listed only when the workbook has a quarter plan (a target for some TW)."""

from __future__ import annotations

from ...domain.rencana_aksi import QUARTERS, quarter_capaian
from ...domain.model import Workbook
from .. import table as T
from ..table import LANDSCAPE, Column, ReportTable, header_grid
from .common import no_cell, opd_name, satuan_of, target_cell

KEY = "lampiran.rencana_aksi"
TITLE = "Rencana Aksi: Target, Realisasi dan Capaian IKU Per Triwulan"
ROMAN = ("I", "II", "III", "IV")


def has_plan(wb: Workbook) -> bool:
    """A quarter target typed for some IKU of the year."""
    tahun = wb.settings.tahun
    return any(ind.target(tahun, tw) is not None for ind in wb.iku_list() for tw in QUARTERS)


def _typed(value) -> T.Cell:
    """A quarter figure as typed; "-" where none is (as on the Realisasi page)."""
    return T.text("-", align="right") if value is None else target_cell(value)


def iku_triwulan(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    tahun = wb.settings.tahun
    t = ReportTable(
        KEY, number, f"Rencana Aksi {opd_name(wb)} Tahun {tahun}: Target, Realisasi dan Capaian IKU Per Triwulan",
        [Column(0.4), Column(3.0), Column(0.8)]
        + [Column(0.8, T.NUMBER, 6) if i % 3 < 2 else Column(0.8, T.PERCENT, 6) for i in range(12)],
        header_grid(15, [("No", 1, 2), ("Indikator Kinerja Utama", 1, 2), ("Satuan", 1, 2)]
                    + [(f"Triwulan {r}", 3, 1) for r in ROMAN],
                    ["Target", "Realisasi", "Capaian (%)"] * 4),
        orientation=LANDSCAPE,
    )
    for no, ind in enumerate(wb.iku_list(), 1):
        cells = [no_cell(f"{no}."), T.text(ind.nama), T.text(satuan_of(ind), align="center")]
        for tw in QUARTERS:
            cap = quarter_capaian(ind, tahun, tw, calc.capaian_settings)
            cells += [_typed(ind.target(tahun, tw)), _typed(ind.typed_realisasi(tahun, tw)), T.percent(cap.value)]
        t.add(cells)
    t.notes.append("Capaian per triwulan: realisasi triwulan itu dibanding targetnya (tidak kumulatif).")
    t.validate()
    return t
