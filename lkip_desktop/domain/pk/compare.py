"""What differs between two versions of a PK (parties, wording, sasaran rows, program rows),
as the lines the version comparison lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import PkProgramRow, PkSasaranRow, Workbook
from ..numbers import format_date
from .amounts import rupiah, total_anggaran
from .fields import nip_line, target_text
from .wording import teks_of


@dataclass(frozen=True)
class DiffEntry:
    bagian: str  # "Pihak", "Sasaran", "Program", "Teks"
    uraian: str
    lama: str
    baru: str


_PARTY_FIELDS = [
    ("jenis", "Jenis"), ("tempat", "Tempat"), ("tanggal", "Tanggal"),
    ("pihak1_nama", "Nama pihak pertama"), ("pihak1_jabatan", "Jabatan pihak pertama"),
    ("pihak1_pangkat", "Pangkat pihak pertama"), ("pihak1_golongan", "Golongan pihak pertama"),
    ("pihak1_nip", "NIP pihak pertama"), ("pihak2_nama", "Nama pihak kedua"),
    ("pihak2_jabatan", "Jabatan pihak kedua"),
]


def _show_field(name: str, v) -> str:
    if v is None or v == "":
        return "-"
    if isinstance(v, date):
        return format_date(v, zero_pad=True)
    if name == "pihak1_nip":
        return nip_line(v).removeprefix("NIP. ")
    if name == "jenis":
        return "PK Perubahan" if v == "perubahan" else "PK"
    return str(v)


def diff(wb: Workbook, old_id: str, new_id: str) -> list[DiffEntry]:
    """Everything that differs from version ``old_id`` to ``new_id``; rows are matched by the
    indicator or program they came from, else by their text."""
    a, b = wb.pk_versions[old_id], wb.pk_versions[new_id]
    out: list[DiffEntry] = []
    for name, label in _PARTY_FIELDS:
        va, vb = getattr(a, name), getattr(b, name)
        if va != vb:
            out.append(DiffEntry("Pihak", label, _show_field(name, va), _show_field(name, vb)))
    if teks_of(a).strip() != teks_of(b).strip():
        out.append(DiffEntry("Teks", "Teks perjanjian", "teks lama", "teks diubah"))

    def jenis_of(r: PkSasaranRow) -> str | None:
        ind = wb.indicators.get(r.indicator_id) if r.indicator_id else None
        return ind.jenis if ind else None

    def skey(r: PkSasaranRow):
        return r.indicator_id or ("", r.sasaran.strip().lower(), r.indikator.strip().lower())

    rows_a = {skey(r): r for r in wb.pk_sasaran_rows(old_id)}
    rows_b = {skey(r): r for r in wb.pk_sasaran_rows(new_id)}
    for k, ra in rows_a.items():
        rb = rows_b.get(k)
        if rb is None:
            out.append(DiffEntry("Sasaran", ra.indikator, target_text(ra, jenis_of(ra)), "(dihapus)"))
            continue
        if ra.indikator != rb.indikator:
            out.append(DiffEntry("Sasaran", "Nama indikator", ra.indikator, rb.indikator))
        if ra.sasaran != rb.sasaran:
            out.append(DiffEntry("Sasaran", f"Sasaran dari {rb.indikator}", ra.sasaran, rb.sasaran))
        ta, tb = target_text(ra, jenis_of(ra)), target_text(rb, jenis_of(rb))
        if ta != tb:
            out.append(DiffEntry("Sasaran", f"Target {rb.indikator}", ta, tb))
    for k, rb in rows_b.items():
        if k not in rows_a:
            out.append(DiffEntry("Sasaran", rb.indikator, "(tidak ada)", target_text(rb, jenis_of(rb))))

    def pkey(r: PkProgramRow):
        return r.item_id or ("", r.program.strip().lower())

    progs_a = {pkey(r): r for r in wb.pk_program_rows(old_id)}
    progs_b = {pkey(r): r for r in wb.pk_program_rows(new_id)}
    for k, ra in progs_a.items():
        rb = progs_b.get(k)
        if rb is None:
            out.append(DiffEntry("Program", ra.program, rupiah(ra.anggaran), "(dihapus)"))
            continue
        if ra.program != rb.program:
            out.append(DiffEntry("Program", "Nama program", ra.program, rb.program))
        if ra.anggaran != rb.anggaran:
            out.append(DiffEntry("Program", f"Anggaran {rb.program}", rupiah(ra.anggaran), rupiah(rb.anggaran)))
        if ra.keterangan != rb.keterangan:
            out.append(DiffEntry("Program", f"Keterangan {rb.program}", ra.keterangan, rb.keterangan))
    for k, rb in progs_b.items():
        if k not in progs_a:
            out.append(DiffEntry("Program", rb.program, "(tidak ada)", rupiah(rb.anggaran)))
    ta, tb = total_anggaran(wb.pk_program_rows(old_id)), total_anggaran(wb.pk_program_rows(new_id))
    if ta != tb:
        out.append(DiffEntry("Program", "Total anggaran", rupiah(ta), rupiah(tb)))
    return out
