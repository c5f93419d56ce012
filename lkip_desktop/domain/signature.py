"""The signature block of the report (under Kata Pengantar and Bab IV): the lines as printed,
from the OPD profile. Plt./Plh. goes before the jabatan ("Plt. Kepala Dinas …")."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Opd
from .numbers import format_date
from .pk.fields import nip_line, pangkat_golongan

UNDATED = "...................."  # the date written in by hand


@dataclass(frozen=True)
class Signature:
    place_date: str  # "Bekasi, 02 Januari 2025"
    jabatan: str  # "Plt. Kepala Dinas Komunikasi dan Informatika,"
    nama: str
    pangkat: str  # "Pembina Utama Muda / IV.c" or ""
    nip: str  # "NIP. 19661006 198603 1 008" or ""

    def lines(self) -> list[str]:
        return [self.place_date, self.jabatan, self.nama, self.pangkat, self.nip]


def report_signature(opd: Opd, zero_pad: bool = True) -> Signature | None:
    """None while the kepala's name is not entered (no block is better than an empty one).
    The place is ``ttd_tempat``, else the kota; no date yet prints dots."""
    nama = opd.kepala_nama.strip()
    if not nama:
        return None
    place = (opd.ttd_tempat or opd.kota).strip()
    when = format_date(opd.ttd_tanggal, zero_pad=zero_pad) if opd.ttd_tanggal else UNDATED
    jabatan = " ".join(p for p in (opd.kepala_status.strip(), opd.kepala_jabatan.strip()) if p)
    return Signature(
        f"{place}, {when}" if place else when,
        f"{jabatan}," if jabatan else "",
        nama,
        pangkat_golongan(opd.kepala_pangkat, opd.kepala_golongan),
        nip_line(opd.kepala_nip),
    )
