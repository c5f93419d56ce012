"""Bab III Akuntabilitas Kinerja: capaian, the analysis tables per IKU, prestasi and the rating scale
(the budget tables are in bab3_anggaran)."""

from __future__ import annotations

from decimal import Decimal

from ...domain.numbers import format_date
from ...domain.rating import scale_of
from .. import table as T
from ..table import Chart, Column, ReportTable, header_grid
from .common import (
    capaian_cell,
    empty_row,
    no_cell,
    opd_name,
    previous_period_end,
    program_indicators,
    rating_cell,
    realisasi_cell,
    renstra_label,
    satuan_of,
    spanned,
    target_cell,
)

HUNDRED = Decimal(100)


# -- 3.1 capaian kinerja ------------------------------------------------------------------
def capaian(svc, number: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    tahun = wb.settings.tahun
    t = ReportTable(
        "bab3.capaian", number, f"Capaian Kinerja {opd_name(wb)} Tahun {tahun}",
        [Column(0.5), Column(2.6), Column(2.6), Column(1.0, T.NUMBER, 9), Column(1.0, T.NUMBER, 9),
         Column(0.9, T.PERCENT, 7), Column(1.1)],
        header_grid(7, ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)",
                        "Kriteria"]),
    )
    iku_rows: list[int] = []
    no = 0
    for tj in wb.tujuan_list():
        heads = [ind.nama for ind in wb.indicators_of(tj.id)]
        label = "Tujuan: " + ("; ".join(heads) if heads else tj.nama)
        t.add([T.text(label, colspan=7)] + [None] * 6, level=T.GROUP)
        for s in wb.sasaran_of(tj.id):
            inds = wb.indicators_of(s.id)
            if not inds:
                continue
            no += 1
            for i, ind in enumerate(inds):
                res = calc.indicator(ind.id)
                lead = i == 0
                iku_rows.append(t.add([
                    spanned(no_cell(f"{no}."), len(inds)) if lead else None,
                    spanned(T.text(s.nama), len(inds)) if lead else None,
                    T.text(ind.nama), target_cell(res.target), realisasi_cell(ind, res), capaian_cell(res),
                    rating_cell(res),
                ]))
    avg = calc.opd_average()
    t.add([T.text(f"Rata-rata capaian kinerja (atas {avg.note})", colspan=5, align="right")] + [None] * 4
          + [T.percent(avg.value), T.text("")], level=T.TOTAL)
    if iku_rows:
        t.charts.append(Chart("hbar", "Capaian IKU terhadap target (100%)", 2, [("Capaian (%)", 5)], iku_rows,
                              reference=HUNDRED, reference_label="Target 100%", y_title="%"))
    return t


# -- per IKU -------------------------------------------------------------------------------
def iku_analisis(svc, number: str, ind_id: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    res = calc.indicator(ind_id)
    tahun = wb.settings.tahun
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.analisis", number, f"Analisis Pencapaian Indikator Kinerja Utama {ind.nama}",
        [Column(0.5), Column(3.0), Column(0.9), Column(1.0, T.NUMBER, 9), Column(1.0, T.NUMBER, 9),
         Column(1.1, T.PERCENT, 7), Column(1.3)],
        header_grid(7, [("No", 1, 2), ("Indikator Kinerja Sasaran", 1, 2), ("Satuan", 1, 2),
                        (f"Tahun {tahun}", 2, 1), (f"Capaian Kinerja Tahun {tahun} (%)", 1, 2), ("Status", 1, 2)],
                    ["Target", "Realisasi"]),
    )
    t.add([no_cell(1), T.text(ind.nama), T.text(satuan_of(ind), align="center"), target_cell(res.target),
           realisasi_cell(ind, res), capaian_cell(res), T.text(res.status or "-", align="center")])
    if res.capaian.note:
        t.notes.append(f"Catatan: {res.capaian.note}.")
    return t


def iku_komponen(svc, number: str, ind_id: str) -> ReportTable:
    """The worked computation of a composite indicator: komponen, rumus, perhitungan."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    tahun = wb.settings.tahun
    real = calc.indicator(ind_id).realisasi
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.komponen", number, f"Perhitungan {ind.nama} Tahun {tahun}",
        [Column(0.5), Column(4.0), Column(1.6, T.NUMBER, 12)],
        header_grid(3, ["No", "Komponen", "Nilai"]),
    )
    for i, (name, value) in enumerate(ind.komponen.get(tahun, {}).items(), 1):
        t.add([no_cell(i), T.text(_komponen_label(name)), T.number(value)])
    t.add([T.text("Rumus", colspan=2), None, T.text(ind.rumus or ind.rumus_komponen or "-")], level=T.GROUP)
    work = real.worked or real.error or "-"
    t.add([T.text("Perhitungan", colspan=2), None, T.text(work)], level=T.GROUP)
    t.add([T.text(f"Realisasi {tahun}", colspan=2, align="right"), None, realisasi_cell(ind, calc.indicator(ind_id))],
          level=T.TOTAL)
    # The formula text is long: give it the width.
    t.columns = [Column(0.5), Column(2.4), Column(4.0)]
    return t


def _komponen_label(name: str) -> str:
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def iku_pendukung(svc, number: str, ind_id: str) -> ReportTable:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    tahun = wb.settings.tahun
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.pendukung", number,
        f"Indikator Capaian Program Pendukung Indikator Kinerja Utama {ind.nama}",
        [Column(0.5), Column(3.4), Column(0.9), Column(1.0, T.NUMBER, 9), Column(1.0, T.NUMBER, 9),
         Column(1.1, T.PERCENT, 7)],
        header_grid(6, ["No", "Indikator Program", "Satuan", f"Target Tahun {tahun}", f"Realisasi Tahun {tahun}",
                        f"Capaian Kinerja Tahun {tahun} (%)"]),
    )
    for i, pi in enumerate(program_indicators(wb, calc, ind_id), 1):
        res = calc.indicator(pi.id)
        t.add([no_cell(f"{i}."), T.text(pi.nama), T.text(satuan_of(pi), align="center"), target_cell(res.target),
               realisasi_cell(pi, res), capaian_cell(res)])
    if not t.rows:
        empty_row(t, "Belum ada program pendukung yang dikaitkan dengan indikator ini")
    return t


def iku_renstra(svc, number: str, ind_id: str) -> ReportTable:
    """This year's figures beside the final Renstra target (RULES 8); when the Renstra period
    changed, also last year's figures, named as the previous period's final target."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    s = wb.settings
    res = calc.indicator(ind_id)
    akhir = calc.capaian_akhir_renstra(ind_id)
    prev = previous_period_end(wb)
    extra = prev is not None
    n = 4 + extra
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.renstra", number,
        f"Perbandingan Realisasi Indikator Kinerja {ind.nama} dengan Target Akhir Renstra {renstra_label(wb)}",
        [Column(2.2), Column(0.9), Column(1.3, T.NUMBER, 9), Column(1.6, T.NUMBER, 9)]
        + [Column(1.8, T.NUMBER, 9)] * extra,
        header_grid(n, [("Capaian Indikator Kinerja Sasaran", 1, 2), ("Satuan", 1, 2), (ind.nama, n - 2, 1)],
                    [str(s.tahun), f"Target Akhir Renstra ({s.renstra_akhir})"]
                    + [f"Target Akhir Renstra Periode Sebelumnya ({prev})"] * extra),
    )
    sat = T.text(satuan_of(ind), align="center")
    last = calc.indicator(ind_id, prev) if extra else None
    t.add([T.text("Target"), sat, target_cell(res.target), target_cell(calc.target_akhir(ind_id))]
          + ([target_cell(last.target)] if last else []))
    t.add([T.text("Realisasi"), sat, realisasi_cell(ind, res), T.text("-", align="right")]
          + ([realisasi_cell(ind, last)] if last else []))
    t.add([T.text("Capaian (%)"), T.text("%", align="center"), capaian_cell(res), T.percent(akhir.value)]
          + ([capaian_cell(last)] if last else []), level=T.TOTAL)
    if akhir.note:
        t.notes.append(f"Catatan: {akhir.note}.")
    t.notes.append("Capaian terhadap target akhir = realisasi s.d. tahun ini ÷ target akhir Renstra × 100.")
    if extra:
        t.notes.append(f"Tahun {prev} adalah tahun akhir Renstra periode sebelumnya; targetnya adalah target akhir "
                       "periode itu.")
    return t


def iku_tahun_lalu(svc, number: str, ind_id: str) -> ReportTable:
    """Realisasi and capaian of every year on record up to this one: the comparison with
    last year and the multi-year trend (chart)."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    tahun = wb.settings.tahun
    years = [y for y in ind.years() if y <= tahun] or [tahun]
    t = ReportTable(
        f"iku.{ind.kode or ind.id}.tahun_lalu", number,
        f"Perbandingan Realisasi Kinerja dan Capaian Kinerja Tahun {tahun} dengan Tahun Sebelumnya untuk "
        f"Indikator {ind.nama}",
        [Column(0.8), Column(0.9), Column(1.1, T.NUMBER, 9), Column(1.1, T.NUMBER, 9), Column(1.1, T.PERCENT, 7)],
        header_grid(5, ["Tahun", "Satuan", "Target", "Realisasi", "Capaian (%)"]),
    )
    rows = []
    for y in years:
        res = calc.indicator(ind_id, y)
        rows.append(t.add([T.text(str(y), align="center"), T.text(satuan_of(ind), align="center"),
                           target_cell(res.target), realisasi_cell(ind, res), capaian_cell(res)]))
    prev = previous_period_end(wb)
    if prev in years:
        t.notes.append(f"Target tahun {prev} adalah target akhir Renstra periode sebelumnya.")
    sel = calc.selisih_tahun_lalu(ind_id)
    t.add([T.text(f"Selisih realisasi {tahun} terhadap {tahun - 1}", colspan=3, align="right"), None, None,
           T.number(sel, ind.desimal, parens=False), T.text("")], level=T.TOTAL)
    if len(rows) >= 2:
        t.charts.append(Chart("line", f"Perkembangan {ind.nama}", 0, [("Target", 2), ("Realisasi", 3)], rows,
                              y_title=ind.satuan or ""))
    return t


def prestasi(svc, number: str) -> ReportTable:
    wb = svc.wb
    t = ReportTable(
        "bab3.prestasi", number,
        f"Prestasi dan Penghargaan yang Diperoleh {opd_name(wb)} Tahun {wb.settings.tahun}",
        [Column(0.5), Column(1.4), Column(4.2), Column(2.0)],
        header_grid(4, ["No", "Tanggal", "Uraian", "Penghargaan Dari"]),
    )
    for no, p in enumerate(wb.prestasi_list(), 1):
        t.add([no_cell(no), T.text(format_date(p.tanggal) if p.tanggal else "-"), T.text(p.uraian),
               T.text(p.pemberi or "-")])
    if not t.rows:
        empty_row(t, "Belum ada prestasi yang dicatat")
    return t


# -- the rating scale -----------------------------------------------------------------------
def scale_ranges(scale) -> list[tuple[str, str, str]]:
    """(kode, kriteria, rentang) per band of a domain rating scale, highest first: each band
    from its own lower edge up to the next band's, the last one catching everything below."""
    out = []
    bands = scale.bands
    for i, band in enumerate(bands):
        low = T.number(band.lower, 2).text
        above = bands[i - 1] if i else None
        upper = "" if above is None else f"{'<' if above.inclusive else '≤'} {T.number(above.lower, 2).text}"
        if i == len(bands) - 1:
            rng = upper
        else:
            rng = f"{'≥' if band.inclusive else '>'} {low}" + (f" dan {upper}" if upper else "")
        out.append((band.code or "", band.label, rng))
    return out


def skala(svc, number: str) -> ReportTable:
    """The workbook's rating scale (RULES 5): bands, edges and labels the Kriteria column uses."""
    scale = scale_of(svc.wb)
    coded = any(b.code for b in scale.bands)
    cols = ["No", "Rentang Capaian (%)"] + (["Kode"] if coded else []) + ["Kriteria"]
    t = ReportTable("bab3.skala", number, scale.name, [Column(0.5), Column(2.6)] + [Column(0.8)] * coded
                    + [Column(2.0)], header_grid(len(cols), cols))
    for i, (code, label, rng) in enumerate(scale_ranges(scale), 1):
        t.add([no_cell(i), T.text(rng, align="center")] + ([T.text(code, align="center")] if coded else [])
              + [T.text(label)])
    return t
