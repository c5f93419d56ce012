"""Bab IV Penutup (IKU recap) and the Lampiran tables (rincian anggaran, realisasi per TW)."""

from __future__ import annotations

from .. import table as T
from ..table import LANDSCAPE, Column, ReportTable, header_grid
from .common import (
    capaian_cell,
    fisik_text,
    no_cell,
    opd_name,
    realisasi_cell,
    add_budget_tree,
    spanned,
    target_cell,
)


def penutup(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    tahun = wb.settings.tahun
    t = ReportTable(
        "bab4.capaian", number, f"Capaian Indikator Kinerja Utama Tahun {tahun}",
        [Column(0.5), Column(3.8), Column(1.0, T.NUMBER, 9), Column(1.0, T.NUMBER, 9), Column(1.0, T.PERCENT, 7),
         Column(1.3)],
        header_grid(6, ["No.", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Keterangan"]),
    )
    for no, ind in enumerate(wb.iku_list(), 1):
        res = calc.indicator(ind.id)
        t.add([no_cell(f"{no}."), T.text(ind.nama), target_cell(res.target), realisasi_cell(ind, res),
               capaian_cell(res), T.text(res.status or "-", align="center")])
    for s in wb.sasaran_list():
        avg = calc.sasaran_average(s.id)
        if avg.total:
            t.add([T.text(f"Rata-rata sasaran: {s.nama} (atas {avg.note})", colspan=4, align="right"), None, None, None,
                   T.percent(avg.value), T.text("")], level=T.GROUP, bold=False)
    avg = calc.opd_average()
    t.add([T.text(f"Rata-rata capaian kinerja {opd_name(wb)} (atas {avg.note})", colspan=4, align="right"), None, None,
           None, T.percent(avg.value), T.text("")], level=T.TOTAL)
    return t


def rincian_anggaran(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    t = ReportTable(
        "lampiran.rincian", number, f"Rincian Anggaran Per Sub Kegiatan Tahun {wb.settings.tahun}",
        [Column(0.9), Column(4.0), Column(0.8), Column(1.6, T.RUPIAH, 17), Column(1.6, T.RUPIAH, 17)],
        header_grid(5, ["Kode", "Program / Kegiatan / Sub Kegiatan", "Sumber Dana", "Murni (Rp)", "Perubahan (Rp)"]),
        indent_col=1,
    )

    def figures(tot):
        return [T.rupiah(tot.pagu_murni), T.rupiah(tot.pagu_perubahan)]

    def lead(item):
        dana = item.sumber_dana if item.level == "sub_kegiatan" else ""
        return [T.text(item.kode), T.text(item.nama), T.text(dana, align="center")]

    add_budget_tree(t, wb, calc, figures, lead=lead, label_cols=3)
    return t


def realisasi_triwulan(svc, number: str) -> ReportTable:
    """The wide table: per item a Target and a Realisasi row; fisik in the output's unit and
    keuangan as % of the year's pagu, TW I–IV (RULES 6.7–6.9)."""
    wb, calc = svc.wb, svc.calc
    ncols = 6 + 8
    tw_heads = []
    for tw in ("TW I", "TW II", "TW III", "TW IV"):
        tw_heads.append((tw, 2, 1))
    t = ReportTable(
        "lampiran.triwulan", number, f"Realisasi Fisik dan Keuangan {opd_name(wb)} Tahun {wb.settings.tahun}",
        [Column(0.8), Column(2.4), Column(2.4), Column(0.8), Column(1.0, T.TEXT, 8), Column(1.4, T.RUPIAH, 15)]
        + [Column(0.8, T.TEXT, 8) if i % 2 == 0 else Column(0.6, T.PERCENT, 6) for i in range(8)],
        header_grid(ncols,
                    [("Kode", 1, 2), ("Program / Kegiatan / Sub Kegiatan", 1, 2),
                     ("Indikator Program / Kegiatan / Sub Kegiatan", 1, 2), ("", 1, 2),
                     ("Target Outcome/ Output", 1, 2), ("Anggaran (Rp)", 1, 2)] + tw_heads,
                    ["Fisik", "Rp (%)"] * 4),
        orientation=LANDSCAPE,
        indent_col=1,
        font_size=6.5,
    )
    for item, depth in wb.walk_budget():
        inds = wb.indicators_of(item.id)
        ind = inds[0] if inds else None
        tot = calc.totals(item.id)
        for kind, label in (("target", "Target"), ("realisasi", "Realisasi")):
            lead = kind == "target"
            if ind is not None:
                res = calc.indicator(ind.id)
                annual = target_cell(res.target) if lead else realisasi_cell(ind, res)
                if ind.satuan and annual.kind == T.NUMBER and annual.value is not None:
                    annual = T.text(fisik_text(annual.value if lead else res.realisasi.value, ind.satuan),
                                    align="right")
            else:
                annual = T.text("-", align="right")
            cells = [
                spanned(T.text(item.kode), 2) if lead else None,
                spanned(T.text(item.nama), 2) if lead else None,
                spanned(T.text(ind.nama if ind else "-"), 2) if lead else None,
                T.text(label),
                annual,
                spanned(T.rupiah(tot.pagu), 2) if lead else None,
            ]
            satuan = item.satuan_fisik or (ind.satuan if ind else "")
            for tw in range(1, 5):
                q = item.quarters.get(tw)
                fis = getattr(q, f"{kind}_fisik") if q else None
                cells.append(T.text(fisik_text(fis, satuan), align="right"))
                cells.append(T.percent(calc.quarter_keuangan_persen(item, tw, kind), parens=True))
            t.add(cells, level=item.level, depth=depth)
    return t
