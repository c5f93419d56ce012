"""The rekap as ReportTables: the OPD table (ranked by average capaian, city totals, charts
of capaian and serapan per OPD), every IKU across OPDs, and the inputs skipped. The OPD
columns are one list (``OPD_COLUMNS``) that the app's rekap window shows as well."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Callable, Sequence

from ...domain.budget import serapan
from ...domain.capaian import mean
from ...domain.numbers import format_date
from .. import table as T
from ..table import LANDSCAPE, Cell, Chart, Column, ReportTable, header_grid
from .collect import Collection, Skipped
from .summary import OpdSummary

HUNDRED = Decimal(100)


def pk_text(d: date | None) -> str:
    if d is None:
        return "belum"
    return "ditandatangani" if d == date.min else format_date(d)


def change_text(waktu: str | None) -> str:
    return "-" if not waktu else waktu.replace("T", " ")[:16]


@dataclass(frozen=True)
class OpdColumn:
    title: str
    kind: str  # a table cell kind: how the column aligns and sorts
    cell: Callable[[OpdSummary], Cell]
    width: float = 1.0


OPD_COLUMNS: list[OpdColumn] = [
    OpdColumn("OPD", T.TEXT, lambda s: T.text(s.name), 3.2),
    OpdColumn("Tahun", T.TEXT, lambda s: T.text(s.tahun, align="center"), 0.7),
    OpdColumn("IKU", T.NUMBER, lambda s: T.number(s.iku_count, 0), 0.5),
    OpdColumn("Rata-rata Capaian (%)", T.PERCENT, lambda s: T.percent(s.capaian), 1.1),
    OpdColumn("Predikat", T.TEXT, lambda s: T.text(s.predikat or "-", align="center"), 1.1),
    OpdColumn("IKU Tercapai", T.NUMBER, lambda s: T.number(s.iku_met, 0), 0.8),
    OpdColumn("Pagu Murni (Rp)", T.RUPIAH, lambda s: T.rupiah(s.pagu_murni), 1.7),
    OpdColumn("Pagu Perubahan (Rp)", T.RUPIAH, lambda s: T.rupiah(s.pagu_perubahan), 1.7),
    OpdColumn("Realisasi (Rp)", T.RUPIAH, lambda s: T.rupiah(s.realisasi), 1.7),
    OpdColumn("Serapan (%)", T.PERCENT, lambda s: T.percent(s.serapan), 0.9),
    OpdColumn("Efisiensi (%)", T.PERCENT, lambda s: T.percent(s.efisiensi), 0.9),
    OpdColumn("PK", T.TEXT, lambda s: T.text(pk_text(s.pk_tanggal), align="center"), 1.2),
    OpdColumn("PK Perubahan", T.TEXT, lambda s: T.text(pk_text(s.pk_perubahan_tanggal), align="center"), 1.2),
    OpdColumn("Reviu: Kesalahan", T.NUMBER, lambda s: T.number(s.reviu.get("kesalahan", 0), 0), 0.8),
    OpdColumn("Reviu: Peringatan", T.NUMBER, lambda s: T.number(s.reviu.get("peringatan", 0), 0), 0.8),
    OpdColumn("Reviu: Saran", T.NUMBER, lambda s: T.number(s.reviu.get("saran", 0), 0), 0.7),
    OpdColumn("Perubahan Terakhir", T.TEXT, lambda s: T.text(change_text(s.last_change), align="center"), 1.3),
]
RANK_TITLE = "Peringkat"
COL = {c.title: i + 1 for i, c in enumerate(OPD_COLUMNS)}  # table column of each title (0 is the rank)


def ranked(summaries: Sequence[OpdSummary]) -> list[OpdSummary]:
    """Highest average capaian first; OPDs without a capaian last; then by name."""
    return sorted(summaries, key=lambda s: (s.capaian is None, -(s.capaian or 0), s.name.lower()))


def city_totals(summaries: Sequence[OpdSummary]) -> list[Cell]:
    """The city row: sums of counts and rupiah, the mean of the OPD averages, the serapan
    of the summed realisasi over the summed pagu (RULES 6.4). Efisiensi and predikat are not
    combined: each OPD rates and weighs by its own workbook's conventions."""
    n = len(summaries)
    reals = [s.realisasi for s in summaries if s.realisasi is not None]
    realisasi = sum(reals) if reals else None
    pk = sum(1 for s in summaries if s.pk_tanggal is not None)
    pk_p = sum(1 for s in summaries if s.pk_perubahan_tanggal is not None)
    last = max((s.last_change for s in summaries if s.last_change), default=None)
    by_title = {
        "OPD": T.text(f"Kota ({n} OPD)"),
        "Tahun": T.text(summaries[0].tahun if summaries else "", align="center"),
        "IKU": T.number(sum(s.iku_count for s in summaries), 0),
        "Rata-rata Capaian (%)": T.percent(mean(s.capaian for s in summaries)),
        "Predikat": T.text("-", align="center"),
        "IKU Tercapai": T.number(sum(s.iku_met for s in summaries), 0),
        "Pagu Murni (Rp)": T.rupiah(sum(s.pagu_murni for s in summaries)),
        "Pagu Perubahan (Rp)": T.rupiah(sum(s.pagu_perubahan for s in summaries)),
        "Realisasi (Rp)": T.rupiah(realisasi),
        "Serapan (%)": T.percent(serapan(realisasi, sum(s.pagu for s in summaries))),
        "Efisiensi (%)": T.percent(None),
        "PK": T.text(f"{pk} dari {n}", align="center"),
        "PK Perubahan": T.text(f"{pk_p} dari {n}", align="center"),
        "Reviu: Kesalahan": T.number(sum(s.reviu.get("kesalahan", 0) for s in summaries), 0),
        "Reviu: Peringatan": T.number(sum(s.reviu.get("peringatan", 0) for s in summaries), 0),
        "Reviu: Saran": T.number(sum(s.reviu.get("saran", 0) for s in summaries), 0),
        "Perubahan Terakhir": T.text(change_text(last), align="center"),
    }
    return [T.text("")] + [by_title[c.title] for c in OPD_COLUMNS]


CHART_ROWS = 15  # OPDs per chart: the shared chart frame has room for about this many bars


def opd_charts(n: int) -> list[Chart]:
    """Capaian and serapan per OPD, in ranking order, a chart per ``CHART_ROWS`` OPDs."""
    charts = []
    for title, name, col in (("Rata-rata capaian per OPD (%)", "Capaian", "Rata-rata Capaian (%)"),
                             ("Serapan anggaran per OPD (%)", "Serapan", "Serapan (%)")):
        for start in range(0, n, CHART_ROWS):
            rows = list(range(start, min(n, start + CHART_ROWS)))
            part = f", peringkat {start + 1}–{rows[-1] + 1}" if n > CHART_ROWS else ""
            charts.append(Chart("hbar", title + part, COL["OPD"], [(name, COL[col])], rows,
                                reference=HUNDRED, reference_label="100%", y_title="%"))
    return charts


def opd_table(summaries: Sequence[OpdSummary], number: str = "1") -> ReportTable:
    ncols = len(OPD_COLUMNS) + 1
    t = ReportTable(
        "rekap.opd", number, "Rekap Capaian Kinerja dan Anggaran per OPD",
        [Column(0.6, T.NUMBER)] + [Column(c.width, c.kind) for c in OPD_COLUMNS],
        header_grid(ncols, [RANK_TITLE] + [c.title for c in OPD_COLUMNS]),
        orientation=LANDSCAPE, font_size=6.5, indent_col=None,
        source="buku kerja tiap OPD (dibaca tanpa diubah), dihitung dengan aturan yang sama dengan LKIP-nya",
    )
    rows = ranked(summaries)
    for rank, s in enumerate(rows, 1):
        t.add([T.number(rank, 0, align="center")] + [c.cell(s) for c in OPD_COLUMNS])
    if rows:
        t.add(city_totals(rows), level=T.TOTAL)
        t.charts = opd_charts(len(rows))
    t.notes.append("Peringkat menurut rata-rata capaian IKU. Baris Kota: jumlah; capaian = rata-rata capaian OPD; "
                   "serapan = jumlah realisasi ÷ jumlah pagu. Efisiensi dan predikat tidak dijumlahkan.")
    t.validate()
    return t


IKU_TITLES = ["No", "Kode", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"]


def iku_table(summaries: Sequence[OpdSummary], number: str = "2") -> ReportTable:
    ncols = len(IKU_TITLES)
    t = ReportTable(
        "rekap.iku", number, "Capaian Indikator Kinerja Utama Seluruh OPD",
        [Column(0.4, T.NUMBER), Column(0.8), Column(4.0), Column(1.0), Column(1.0, T.NUMBER),
         Column(1.0, T.NUMBER), Column(0.9, T.PERCENT), Column(1.2)],
        header_grid(ncols, IKU_TITLES), orientation=LANDSCAPE,
    )
    for s in ranked(summaries):
        t.add([Cell(T.TEXT, f"{s.name} ({len(s.ikus)} IKU)", colspan=ncols)] + [None] * (ncols - 1), level=T.GROUP)
        for n, i in enumerate(s.ikus, 1):
            t.add([T.number(n, 0, align="center"), T.text(i.kode), T.text(i.nama), T.text(i.satuan),
                   T.text(i.target, align="right"), T.text(i.realisasi, align="right"), T.percent(i.capaian),
                   T.text(i.predikat or "-", align="center")])
    t.validate()
    return t


def skipped_table(skipped: Sequence[Skipped], number: str = "3") -> ReportTable:
    t = ReportTable("rekap.dilewati", number, "Berkas yang Tidak Direkap",
                    [Column(0.4, T.NUMBER), Column(2.5), Column(6.0)], header_grid(3, ["No", "Berkas", "Alasan"]),
                    orientation=LANDSCAPE)
    for n, sk in enumerate(skipped, 1):
        t.add([T.number(n, 0, align="center"), T.text(sk.path.name), T.text(sk.reason)])
    t.validate()
    return t


def rekap_tables(c: Collection) -> list[ReportTable]:
    tables = [opd_table(c.summaries), iku_table(c.summaries)]
    if c.skipped:
        tables.append(skipped_table(c.skipped))
    return tables
