"""The OPD's Perjanjian Kinerja in the LKIP (RULES 9): for the PK murni and the PK
perubahan, the sasaran/indikator/target part and the program/anggaran part, from the
version a report prints (``domain.pk.report_version``: the last signed, else the last
draft). Used in Bab II B and again in the Lampiran."""

from __future__ import annotations

from ...domain import pk as rules
from .. import table as T
from ..table import Column, ReportTable, header_grid
from .common import no_cell, opd_name, spanned

JENIS = ("murni", "perubahan")


def pk_title(wb, jenis: str) -> str:
    label = "Perjanjian Kinerja Perubahan" if jenis == "perubahan" else "Perjanjian Kinerja"
    return f"{label} {opd_name(wb)} Tahun {wb.settings.tahun}"


def pk_parties(wb, jenis: str) -> str:
    """One sentence naming the version: who signed with whom, where and when, or that it is a draft."""
    pk = rules.report_version(wb, jenis)
    if pk is None:
        return ""
    label = "Perjanjian Kinerja Perubahan" if jenis == "perubahan" else "Perjanjian Kinerja"
    who = " dan ".join(x for x in (pk.pihak1_nama.strip(), pk.pihak2_nama.strip()) if x)
    when = rules.tanggal_line(pk) if pk.tanggal else ""
    if pk.ditandatangani:
        text = f"{label} tahun {wb.settings.tahun} ditandatangani"
        text += f" oleh {who}" if who else ""
        text += f" ({when})" if when else ""
        return text + "."
    return f"{label} tahun {wb.settings.tahun} belum ditandatangani; yang disajikan adalah rancangan terakhirnya."


def pk_sasaran(svc, number: str, jenis: str, key: str) -> ReportTable:
    """Sasaran, indikator, satuan and target as agreed in the version."""
    wb = svc.wb
    pk = rules.report_version(wb, jenis)
    t = ReportTable(
        key, number, f"Sasaran dan Target {pk_title(wb, jenis)}",
        [Column(0.5), Column(3), Column(3), Column(1.3, T.NUMBER, 8)],
        header_grid(4, ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target"]),
    )
    rows = wb.pk_sasaran_rows(pk.id) if pk else []
    i = no = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j].sasaran.strip() == rows[i].sasaran.strip():
            j += 1
        no += 1
        for k in range(i, j):
            r = rows[k]
            ind = wb.indicators.get(r.indicator_id) if r.indicator_id else None
            lead = k == i
            t.add([
                spanned(no_cell(no), j - i) if lead else None,
                spanned(T.text(r.sasaran), j - i) if lead else None,
                T.text(r.indikator), T.text(rules.target_text(r, ind.jenis if ind else None), align="right"),
            ])
        i = j
    if not t.rows:
        t.empty = "Perjanjian Kinerja belum memuat sasaran"
    return t


def pk_program(svc, number: str, jenis: str, key: str) -> ReportTable:
    """Program and anggaran of the version; a PK perubahan shows the murni amount beside."""
    wb = svc.wb
    pk = rules.report_version(wb, jenis)
    programs = wb.pk_program_rows(pk.id) if pk else []
    both = jenis == "perubahan" and any(p.anggaran_murni is not None for p in programs)
    money = ["Anggaran Murni (Rp)", "Anggaran Perubahan (Rp)"] if both else ["Anggaran (Rp)"]
    n = 3 + len(money)
    t = ReportTable(
        key, number, f"Program dan Anggaran {pk_title(wb, jenis)}",
        [Column(0.5), Column(4.2)] + [Column(1.7, T.RUPIAH, 17)] * len(money) + [Column(1.1)],
        header_grid(n, ["No.", "Program", *money, "Keterangan"]),
    )
    for i, p in enumerate(programs, 1):
        amounts = ([T.rupiah(p.anggaran_murni)] if both else []) + [T.rupiah(p.anggaran)]
        t.add([no_cell(i), T.text(p.program), *amounts, T.text(p.keterangan, align="center")])
    if not programs:
        t.empty = "Perjanjian Kinerja belum memuat program"
        return t
    totals = ([T.rupiah(rules.total_murni(programs))] if both else []) + [T.rupiah(rules.total_anggaran(programs))]
    t.add([T.text("Jumlah", colspan=2, align="center"), None, *totals, T.text("")], level=T.TOTAL)
    return t
