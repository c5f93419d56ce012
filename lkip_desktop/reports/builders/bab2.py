"""Bab II Perencanaan Kinerja: Renstra matrix, IKU, program structure, PK, budget."""

from __future__ import annotations

from .. import table as T
from ..table import LANDSCAPE, Column, ReportTable, header_grid
from .common import (
    empty_row,
    no_cell,
    opd_name,
    renstra_label,
    satuan_of,
    spanned,
    target_cell,
    add_budget_tree,
    walk_subset,
)


def matriks(svc, number: str) -> ReportTable:
    """Tabel 2.1: tujuan/sasaran, indicator, a target per Renstra year."""
    wb = svc.wb
    years = list(wb.settings.renstra_years)
    n = 4 + len(years)
    t = ReportTable(
        "bab2.matriks", number, f"Matriks Perencanaan Kinerja {opd_name(wb)} {renstra_label(wb)}",
        [Column(0.5), Column(3), Column(3), Column(0.9)] + [Column(1.0, T.NUMBER, 8) for _ in years],
        header_grid(n, [("No", 1, 2), ("Tujuan/ Sasaran Strategis Renstra", 1, 2), ("Indikator Kinerja", 1, 2),
                        ("Satuan", 1, 2), ("Target", len(years), 1)], [str(y) for y in years]),
    )
    for tj in wb.tujuan_list():
        _owner_rows(t, wb, tj.kode, f"Tujuan: {tj.nama}", wb.indicators_of(tj.id), years, level=T.GROUP)
        for s in wb.sasaran_of(tj.id):
            _owner_rows(t, wb, s.kode, s.nama, wb.indicators_of(s.id), years)
    if not t.rows:
        empty_row(t, "Belum ada tujuan dan sasaran Renstra")
    return t


def _owner_rows(t, wb, kode, nama, inds, years, level=None):
    k = max(1, len(inds))
    for i in range(k):
        lead = i == 0
        cells = [spanned(no_cell(kode), k) if lead else None, spanned(T.text(nama), k) if lead else None]
        if inds:
            ind = inds[i]
            cells += [T.text(ind.nama), T.text(satuan_of(ind), align="center")]
            cells += [target_cell(ind.target(y)) for y in years]
        else:
            cells += [T.text("-"), T.text("-")] + [T.text("-", align="right") for _ in years]
        t.add(cells, level=level if lead else None, bold=bool(level) and lead)


def iku(svc, number: str) -> ReportTable:
    """Tabel 2.2: IKU with alasan, rumus, satuan, the year's target."""
    wb = svc.wb
    tahun = wb.settings.tahun
    t = ReportTable(
        "bab2.iku", number, f"Indikator Kinerja Utama {opd_name(wb)}",
        [Column(0.5), Column(2.2), Column(2.2), Column(3.2), Column(3.2), Column(0.9), Column(1.0, T.NUMBER, 8)],
        header_grid(7, ["No", "Sasaran", "Indikator Kinerja Utama", "Alasan", "Penjelasan/ Rumus", "Satuan",
                        f"Target Tahun {tahun}"]),
        orientation=LANDSCAPE,
    )
    no = 0
    for s in wb.sasaran_list():
        inds = wb.indicators_of(s.id)
        if not inds:
            continue
        no += 1
        for i, ind in enumerate(inds):
            lead = i == 0
            t.add([
                spanned(no_cell(f"{no}."), len(inds)) if lead else None,
                spanned(T.text(s.nama), len(inds)) if lead else None,
                T.text(ind.nama), T.text(ind.alasan or "-"), T.text(ind.rumus or ind.penjelasan or "-"),
                T.text(satuan_of(ind), align="center"), target_cell(ind.target(tahun)),
            ])
    if not t.rows:
        empty_row(t, "Belum ada Indikator Kinerja Utama")
    return t


def strategi(svc, number: str) -> ReportTable:
    """Tabel 2.3: per sasaran the programs, kegiatan and sub kegiatan that support its IKU
    (the same items that count for its budget, RULES 6.5)."""
    wb, calc = svc.wb, svc.calc
    t = ReportTable(
        "bab2.strategi", number, "Strategi, Program, Kegiatan dan Sub Kegiatan",
        [Column(0.5), Column(2.4), Column(2.2), Column(2.4), Column(3.0)],
        header_grid(5, ["No", "Sasaran Strategis", "Program", "Kegiatan", "Sub Kegiatan"]),
    )
    strategi_text = " ".join(svc.narasi("renstra.strategi").split())
    if strategi_text:  # the Renstra's strategy heads the programs it steers
        t.add([T.text(f"Strategi: {strategi_text}", colspan=5)] + [None] * 4, level="program")
    no = 0
    for s in wb.sasaran_list():
        leaves: dict[str, object] = {}
        for ind in wb.indicators_of(s.id):
            for leaf in calc.supporting_leaves(ind.id):
                leaves.setdefault(leaf.id, leaf)
        if not leaves:
            continue
        no += 1
        # Budget order, grouped program -> kegiatan -> sub kegiatan.
        shown = set(leaves)
        for leaf_id in leaves:
            shown.update(a.id for a in wb.ancestors(leaf_id))
        ordered = [item for item, _ in walk_subset(wb, shown) if item.id in leaves]
        groups: list[tuple[object, object, object]] = []
        for leaf in ordered:
            anc = wb.ancestors(leaf.id)
            prog = next((a for a in anc if a.level == "program"), None)
            keg = next((a for a in anc if a.level == "kegiatan"), None)
            groups.append((prog, keg, leaf))
        n = len(groups)
        for i, (prog, keg, leaf) in enumerate(groups):
            first_prog = i == 0 or groups[i - 1][0] is not prog
            first_keg = first_prog or groups[i - 1][1] is not keg
            span_p = _run(groups, i, lambda g: g[0]) if first_prog else 0
            span_k = _run(groups, i, lambda g: (g[0], g[1])) if first_keg else 0
            t.add([
                spanned(no_cell(no), n) if i == 0 else None,
                spanned(T.text(s.nama), n) if i == 0 else None,
                spanned(T.text(prog.nama if prog else "-"), span_p) if first_prog else None,
                spanned(T.text(keg.nama if keg else "-"), span_k) if first_keg else None,
                T.text(leaf.nama),
            ])
    if not t.rows:
        empty_row(t, "Belum ada program yang dikaitkan dengan IKU")
    return t


def _run(groups, i, key) -> int:
    k = key(groups[i])
    n = 0
    for g in groups[i:]:
        if key(g) != k:
            break
        n += 1
    return n


def anggaran_triwulan(svc, number: str) -> ReportTable:
    """Tabel 2.5: each program's pagu and its quarterly plan (rupiah when stored, and %)."""
    wb, calc = svc.wb, svc.calc
    label = "APBD-P" if wb.settings.perubahan_berlaku else "APBD"
    t = ReportTable(
        "bab2.triwulan", number, f"Alokasi Anggaran Per Triwulan ({label} TA {wb.settings.tahun})",
        [Column(0.5), Column(3.2), Column(1.8, T.RUPIAH, 17), Column(1.1), Column(1.8, T.RUPIAH, 17),
         Column(1.0, T.PERCENT, 7)],
        header_grid(6, ["No", "Program", "Pagu Anggaran (Rp)", "Triwulan", "Target (Rp)", "Target (%)"]),
    )
    tw_names = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
    for no, p in enumerate(wb.programs(), start=1):
        tot = calc.totals(p.id)
        for tw in range(1, 5):
            q = p.quarters.get(tw)
            lead = tw == 1
            t.add([
                spanned(no_cell(no), 4) if lead else None,
                spanned(T.text(p.nama), 4) if lead else None,
                spanned(T.rupiah(tot.pagu), 4) if lead else None,
                T.text(tw_names[tw - 1]),
                T.rupiah(q.target_keuangan if q else None),
                T.percent(calc.quarter_keuangan_persen(p, tw, "target"), parens=True),
            ])
    if not t.rows:
        empty_row(t, "Belum ada program")
    else:
        t.notes.append("Target per triwulan ditetapkan per program, dalam rupiah atau persen dari pagu.")
    return t


def pagu_perubahan(svc, number: str) -> ReportTable:
    """Tabel 2.6: pagu murni vs perubahan with selisih, the whole budget tree."""
    wb, calc = svc.wb, svc.calc
    t = ReportTable(
        "bab2.pagu_perubahan", number, "Perbandingan Anggaran Per Sub Kegiatan Sebelum dan Sesudah Perubahan",
        [Column(0.9), Column(4.0), Column(1.6, T.RUPIAH, 17), Column(1.6, T.RUPIAH, 17),
         Column(1.5, T.RUPIAH, 17)],
        header_grid(5, ["Kode", "Program / Kegiatan / Sub Kegiatan", "Murni (Rp)", "Perubahan (Rp)",
                        "Selisih (Rp)"]),
        indent_col=1,
    )

    def figures(tot):
        return [T.rupiah(tot.pagu_murni), T.rupiah(tot.pagu_perubahan), T.rupiah(tot.selisih)]

    add_budget_tree(t, wb, calc, figures)
    return t
