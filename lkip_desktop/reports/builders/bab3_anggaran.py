"""Bab III budget accountability: the budget supporting each IKU (with efisiensi), pagu and
realisasi per program and per sub kegiatan, and one table per program group (kelompok)."""

from __future__ import annotations

from .. import table as T
from ..table import LANDSCAPE, Chart, Column, ReportTable, header_grid
from .bab3 import HUNDRED
from .common import add_budget_tree, budget_rows, empty_row, no_cell, opd_name, subtotal


def iku_anggaran(svc, number: str, ind_id: str) -> ReportTable:
    """Alokasi dan realisasi anggaran of the items supporting an IKU, with efisiensi.

    Leaf rows and fully covered program/kegiatan rows carry their own totals; a program or
    kegiatan only partly supporting the IKU carries the sums of its supporting sub kegiatan
    (the IKU's share, RULES 6.5; a note says so). The Jumlah row is ``calc.iku_budget``."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    tahun = wb.settings.tahun
    budget = calc.iku_budget(ind_id)
    conv = wb.settings.efisiensi
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.anggaran", number,
        f"Alokasi dan Realisasi Anggaran serta Tingkat Efisiensi Penggunaan Sumber Daya untuk Indikator "
        f"Kinerja Utama {ind.nama}",
        [Column(0.9), Column(3.4), Column(1.6, T.RUPIAH, 16), Column(1.6, T.RUPIAH, 16), Column(0.8, T.PERCENT, 6),
         Column(0.9, T.PERCENT, 7), Column(0.9, T.PERCENT, 7)],
        header_grid(7, [("Kode", 1, 2), ("Program/ Kegiatan/ Sub Kegiatan", 1, 2), ("Pagu Anggaran (Rp)", 1, 2),
                        ("Realisasi Anggaran", 2, 1), ("Capaian Kinerja (%)", 1, 2),
                        (f"Tingkat Efisiensi (%) ({conv})", 1, 2)],
                    ["(Rp)", "%"]),
        orientation=LANDSCAPE,
        indent_col=1,
    )
    leaves = set(budget.items)
    shown: set[str] = set()
    for leaf_id in budget.items:
        shown.add(leaf_id)
        shown.update(a.id for a in wb.ancestors(leaf_id))
    memo: dict[str, bool] = {}

    def covered(item_id: str) -> bool:
        # every sub kegiatan under it supports the IKU: its own totals are exact
        hit = memo.get(item_id)
        if hit is None:
            kids = wb.children(item_id)
            hit = item_id in leaves if not kids else all(k.id in shown and covered(k.id) for k in kids)
            memo[item_id] = hit
        return hit

    detail = wb.settings.rincian_anggaran  # capaian and E2 on every row (RULES 7), not only on Jumlah

    def money(tot) -> list:
        return [T.rupiah(tot.pagu), T.rupiah(tot.realisasi), T.percent(tot.serapan)]

    def group_total(kelompok: str):  # the IKU's share of a program group (RULES 6.5)
        return calc.group_totals(kelompok, budget.items)

    share: dict[str, list[str]] = {}  # program/kegiatan -> its sub kegiatan supporting this IKU
    for leaf_id in budget.items:
        for a in wb.ancestors(leaf_id):
            share.setdefault(a.id, []).append(leaf_id)
    partial = False
    for item, depth, group in budget_rows(wb, calc, shown=shown, group_total=group_total):
        if group is not None:
            subtotal(t, item, 2, money(group) + [T.text(""), T.percent(group.efisiensi_sisa) if detail
                                                  else T.text("")])
            continue
        whole = covered(item.id)
        partial |= not whole
        tot = calc.totals(item.id) if whole else calc.leaves_totals(share.get(item.id, ()))
        figures = money(tot)
        if detail:
            figures += [T.percent(calc.item_capaian(item.id).value), T.percent(tot.efisiensi_sisa)]
        else:
            figures += [T.text(""), T.text("")]
        t.add([T.text(item.kode), T.text(item.nama)] + figures, level=item.level, depth=depth)
    if not leaves:
        empty_row(t, "Belum ada anggaran yang dikaitkan dengan indikator ini")
    t.add([T.text(f"Jumlah: {ind.nama}", colspan=2, align="right"), None, T.rupiah(budget.pagu),
           T.rupiah(budget.realisasi), T.percent(budget.serapan), T.percent(budget.capaian),
           T.percent(budget.efisiensi)], level=T.TOTAL)
    t.notes.append({
        "E1": "Tingkat efisiensi = capaian kinerja − serapan anggaran (keduanya dibulatkan 2 desimal).",
        "E2": "Tingkat efisiensi = 100 − serapan anggaran (sisa anggaran).",
        "E3": "Tingkat efisiensi = capaian kinerja ÷ serapan anggaran × 100.",
    }.get(conv, ""))
    if partial:
        t.notes.append("Catatan: baris program/kegiatan yang hanya sebagian mendukung indikator ini memuat jumlah sub "
                       "kegiatan pendukungnya saja.")
    if detail:
        t.notes.append("Pada baris program, kegiatan dan sub kegiatan: capaian kinerja = rata-rata capaian "
                       "indikator milik baris itu; tingkat efisiensi = 100 − serapan (sisa anggaran, E2).")
    return t


# -- budget accountability ----------------------------------------------------------------------
def pagu_program(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    t = ReportTable(
        "bab3.pagu_program", number, f"Pagu Anggaran {opd_name(wb)} Per Program Tahun {wb.settings.tahun}",
        [Column(0.5), Column(3.6), Column(1.7, T.RUPIAH, 17), Column(1.7, T.RUPIAH, 17), Column(1.6, T.RUPIAH, 17)],
        header_grid(5, [("No", 1, 2), ("Program", 1, 2), ("Pagu Anggaran", 2, 1), ("Selisih (Rp)", 1, 2)],
                    ["Sebelum Perubahan (Rp)", "Setelah Perubahan (Rp)"]),
    )

    def figures(tot):
        return [T.rupiah(tot.pagu_murni), T.rupiah(tot.pagu_perubahan), T.rupiah(tot.selisih)]

    no = 0
    for p, _depth, group in budget_rows(wb, calc, programs_only=True):
        if group is not None:
            subtotal(t, p, 2, figures(group))
            continue
        no += 1
        t.add([no_cell(no), T.text(p.nama)] + figures(calc.totals(p.id)), level=T.PROGRAM)
    subtotal(t, "TOTAL", 2, figures(calc.opd_totals()), align="center")
    return t


def _pagu_label(wb) -> str:
    return "Pagu Anggaran Setelah Perubahan (Rp)" if wb.settings.perubahan_berlaku else "Pagu Anggaran Murni (Rp)"


def realisasi_program(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    t = ReportTable(
        "bab3.realisasi_program", number,
        f"Pagu dan Realisasi Anggaran {opd_name(wb)} Per Program Tahun {wb.settings.tahun}",
        [Column(0.5), Column(3.6), Column(1.7, T.RUPIAH, 17), Column(1.7, T.RUPIAH, 17), Column(0.9, T.PERCENT, 7)],
        header_grid(5, ["No", "Program", _pagu_label(wb), "Realisasi (Rp)", "Serapan (%)"]),
    )

    def figures(tot):
        return [T.rupiah(tot.pagu), T.rupiah(tot.realisasi), T.percent(tot.serapan)]

    rows = []
    for p, _depth, group in budget_rows(wb, calc, programs_only=True):
        if group is not None:
            subtotal(t, p, 2, figures(group))
            continue
        rows.append(t.add([no_cell(f"{len(rows) + 1}."), T.text(p.nama)] + figures(calc.totals(p.id))))
    subtotal(t, "Total", 2, figures(calc.opd_totals()), align="center")
    if rows:
        t.charts.append(Chart("hbar", "Serapan anggaran per program", 1, [("Serapan (%)", 4)], rows,
                              reference=HUNDRED, reference_label="Pagu 100%", y_title="%"))
    return t


def realisasi_sub_kegiatan(svc, number: str, kelompok: str | None = None) -> ReportTable:
    """Pagu and realisasi of every program, kegiatan and sub kegiatan; with ``kelompok`` the
    table of one program group ("… Kelompok BLU"), closed by its "Jumlah <kelompok>" row."""
    wb, calc = svc.wb, svc.calc
    title = f"Pagu dan Realisasi Anggaran {opd_name(wb)} Per Sub Kegiatan Tahun {wb.settings.tahun}"
    t = ReportTable(
        "bab3.realisasi_sub_kegiatan" if kelompok is None else f"bab3.kelompok.{kelompok}", number,
        title if kelompok is None else f"{title} Kelompok {kelompok}",
        [Column(0.9), Column(3.6), Column(1.5, T.RUPIAH, 17), Column(1.5, T.RUPIAH, 17), Column(1.5, T.RUPIAH, 17),
         Column(0.8, T.PERCENT, 7)],
        header_grid(6, ["Kode", "Program/ Kegiatan/ Sub Kegiatan", "Pagu Anggaran Sebelum Perubahan (Rp)",
                        "Pagu Anggaran Setelah Perubahan (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)"]),
        orientation=LANDSCAPE,
        indent_col=1,
    )

    def figures(tot):
        return [T.rupiah(tot.pagu_murni), T.rupiah(tot.pagu_perubahan), T.rupiah(tot.realisasi),
                T.percent(tot.serapan)]

    add_budget_tree(t, wb, calc, figures, kelompok=kelompok)
    return t

