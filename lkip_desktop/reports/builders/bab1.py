"""Bab I Pendahuluan: the staff (SDM) tables, one per kategori (golongan, pendidikan, jabatan)."""

from __future__ import annotations

from .. import table as T
from ..table import Column, ReportTable, header_grid
from .common import no_cell, opd_name, subtotal

SDM_TITLES = {
    "golongan": ("Golongan", "Komposisi Pegawai {opd} Berdasarkan Golongan"),
    "pendidikan": ("Tingkat Pendidikan", "Komposisi Pegawai {opd} Berdasarkan Tingkat Pendidikan"),
    "jabatan": ("Jenis Jabatan", "Komposisi Pegawai {opd} Berdasarkan Jenis Jabatan"),
}


def sdm(svc, number: str, kategori: str) -> ReportTable:
    """Staff counts of one kategori with their total (whole people: ints)."""
    wb = svc.wb
    head, title = SDM_TITLES[kategori]
    t = ReportTable(
        f"bab1.sdm_{kategori}", number, title.format(opd=opd_name(wb)),
        [Column(0.5), Column(4.0), Column(1.2, T.NUMBER, 8)],
        header_grid(3, ["No", head, "Jumlah (orang)"]),
    )
    rows = wb.sdm_rows(kategori)
    for no, r in enumerate(rows, 1):
        t.add([no_cell(no), T.text(r.uraian), T.number(r.jumlah, 0)])
    subtotal(t, "Jumlah", 2, [T.number(sum(r.jumlah for r in rows), 0)], align="center")
    return t
