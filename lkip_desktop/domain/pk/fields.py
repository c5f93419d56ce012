"""How the PK's own fields print and parse: a target with its unit, the pangkat/golongan
and NIP lines under a name, the place and date line; the pangkat of each golongan."""

from __future__ import annotations

from ..errors import InputError
from ..model import PkSasaranRow, PkVersion
from ..nip import format_nip
from ..numbers import format_date
from ..values import Predikat, format_value, parse_indicator_value, value_from_text, value_to_text


# Pangkat of each golongan (PP 99/2000), to fill one from the other and to catch typos.
PANGKAT = {
    "I.a": "Juru Muda", "I.b": "Juru Muda Tingkat I", "I.c": "Juru", "I.d": "Juru Tingkat I",
    "II.a": "Pengatur Muda", "II.b": "Pengatur Muda Tingkat I", "II.c": "Pengatur",
    "II.d": "Pengatur Tingkat I",
    "III.a": "Penata Muda", "III.b": "Penata Muda Tingkat I", "III.c": "Penata", "III.d": "Penata Tingkat I",
    "IV.a": "Pembina", "IV.b": "Pembina Tingkat I", "IV.c": "Pembina Utama Muda",
    "IV.d": "Pembina Utama Madya", "IV.e": "Pembina Utama",
}


def pangkat_golongan(pangkat: str, golongan: str) -> str:
    """"Pembina Utama Muda / IV.c" (RULES §10); either part may be missing."""
    return " / ".join(p for p in (pangkat.strip(), golongan.strip()) if p)


def nip_line(nip: str) -> str:
    """"NIP. 19661006 198603 1 008"; an NIP that cannot be grouped prints as typed."""
    if not nip.strip():
        return ""
    try:
        return f"NIP. {format_nip(nip)}"
    except InputError:
        return f"NIP. {nip.strip()}"


def tanggal_line(pk: PkVersion, zero_pad: bool = True) -> str:
    """"Bekasi, 02 Januari 2024"; dots for a date not yet set (written in by hand)."""
    when = format_date(pk.tanggal, zero_pad=zero_pad) if pk.tanggal else "...................."
    return f"{pk.tempat.strip()}, {when}" if pk.tempat.strip() else when


_PERCENT_UNITS = {"%", "persen", "(%)"}
_BARE_UNITS = {"", "nilai", "indeks", "angka", "poin", "predikat", "skor"}


def target_text(row: PkSasaranRow, jenis: str | None = None) -> str:
    """The target as the Lampiran prints it, with its unit: "40%", "88", "22,73%", "A", "83".

    ``jenis`` is the indicator's kind when the row is linked: an index or a grade prints bare
    even when its satuan says "%" (SETDA prints Indeks Pelaksanaan Pembangunan as "88")."""
    text = row.target.strip()
    if not text:
        return "-"
    try:
        v = value_from_text(text)
        shown = format_value(v, None)
    except InputError:
        v, shown = None, text  # free text typed by the user prints as typed
    if isinstance(v, Predikat) or jenis in ("indeks", "predikat") or v is None:
        return shown
    unit = row.satuan.strip()
    if jenis == "persen" or unit.lower() in _PERCENT_UNITS:
        return f"{shown}%"
    if unit.lower() in _BARE_UNITS:
        return shown
    return f"{shown} {unit}"


def parse_target(text: str, jenis: str = "angka") -> str:
    """What a user typed as a PK target -> canonical storage text ("22,73" -> "22.73").

    Text that is neither a number nor a grade is kept as typed (some PKs agree on "Ada")."""
    t = text.strip().rstrip("%").strip()
    if not t:
        return ""
    try:
        v = parse_indicator_value(t, jenis if jenis in ("angka", "persen", "indeks", "predikat") else "angka")
    except InputError:
        try:
            v = parse_indicator_value(t, "predikat")
        except InputError:
            return text.strip()
    return value_to_text(v) or ""
