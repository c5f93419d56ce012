"""Rupiah amounts of a PK: the program totals, the amount as printed ("Rp 229.444.689.696")
and in words (terbilang) as forms write it."""

from __future__ import annotations

from ..model import PkProgramRow
from ..numbers import format_rupiah


def total_anggaran(rows: list[PkProgramRow]) -> int:
    return sum(r.anggaran for r in rows)


def total_murni(rows: list[PkProgramRow]) -> int | None:
    vals = [r.anggaran_murni for r in rows if r.anggaran_murni is not None]
    return sum(vals) if vals else None


def terbilang(n: int, satuan: str = "rupiah") -> str:
    """Amount in Indonesian words via num2words: "dua ratus ... sembilan puluh enam rupiah"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang() menerima int (rupiah)")
    from num2words import num2words  # ~65 ms to import: loaded when a PK is printed, not at start

    words = num2words(abs(n), lang="id")
    words = " ".join(words.split())
    if n < 0:
        words = "minus " + words
    return f"{words} {satuan}".strip()


def terbilang_kapital(n: int) -> str:
    """"Dua Ratus Dua Puluh Sembilan Miliar ... Rupiah" as forms write it in brackets."""
    return " ".join(w.capitalize() for w in terbilang(n).split())


def rupiah(n: int | None) -> str:
    """"Rp 229.444.689.696" (0 or none: "-")."""
    return format_rupiah(n, prefix=True, dash_zero=True)


def angka(n: int | None) -> str:
    """A rupiah amount under a column headed "(Rp)": "229.444.689.696"."""
    return format_rupiah(n, dash_zero=True)
