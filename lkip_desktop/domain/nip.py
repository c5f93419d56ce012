"""NIP, the 18-digit civil-servant number (Perka BKN 22/2007; RULES.md §10).

Layout: YYYYMMDD birth date · YYYYMM TMT CPNS · 1 jenis kelamin (1 pria, 2 wanita) · 3 nomor urut.
Printed grouped "19661006 198603 1 008"; typed with spaces or dots.
"""

from __future__ import annotations

import datetime
import re

from lkip_desktop.domain.errors import InputError

__all__ = ["parse_nip", "nip_problems", "format_nip"]

NIP_LENGTH = 18
# Separators people type or paste between the groups.
_SEPARATORS = re.compile(r"[ .\u00a0\u202f\t]+")
_DIGITS = re.compile(r"[0-9]+")


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"NIP harus str, bukan {type(text).__name__}")
    return _SEPARATORS.sub("", text.strip())


def nip_problems(text: str) -> list[str]:
    """Why ``text`` is not a valid NIP, in Indonesian; empty list if it is fine."""
    digits = _clean(text)
    if not digits:
        return ["NIP kosong"]
    if not _DIGITS.fullmatch(digits):
        return ["NIP hanya boleh berisi angka (pemisah spasi atau titik boleh)"]
    if len(digits) != NIP_LENGTH:
        return [f"NIP harus 18 digit, bukan {len(digits)} digit"]

    problems: list[str] = []
    birth: datetime.date | None = None
    try:
        birth = datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        problems.append(f"Tanggal lahir (digit 1-8: {digits[0:8]}) bukan tanggal yang sah")
    else:
        if birth.year < 1900:
            problems.append(f"Tahun lahir {birth.year} tidak masuk akal")

    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= tmt_month <= 12:
        problems.append(f"Bulan TMT CPNS (digit 13-14: {digits[12:14]}) harus 01 sampai 12")
    if birth is not None and tmt_year <= birth.year:
        problems.append(f"Tahun TMT CPNS {tmt_year} tidak boleh sebelum atau sama dengan tahun lahir")
    if digits[14] not in "12":
        problems.append(f"Digit ke-15 (jenis kelamin) harus 1 atau 2, bukan {digits[14]}")
    return problems


def parse_nip(text: str) -> str:
    """The 18 digits of a NIP typed as "19661006 198603 1 008" or "19660801.198803.1.001"."""
    problems = nip_problems(text)
    if problems:
        raise InputError("NIP tidak sah: " + "; ".join(problems), field="nip")
    return _clean(text)


def format_nip(digits: str) -> str:
    """"19661006 198603 1 008". Accepts digits or an already grouped NIP."""
    d = _clean(digits)
    if not (len(d) == NIP_LENGTH and _DIGITS.fullmatch(d)):
        raise InputError(f"NIP harus 18 digit: '{digits}'", field="nip")
    return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"
