"""The fields a sheet column can be mapped to (budget and indicator sheets), the header
titles that name them, and column letters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain import model as M


# -- the fields a column can be mapped to ----------------------------------------------------

@dataclass(frozen=True)
class Field:
    key: str
    label: str  # Indonesian column title (also the template's header)
    table: str | None  # None: used for matching/display only
    column: str | None
    triwulan: int | None = None
    kumulatif: bool = False  # "Realisasi s.d. …": the year so far, into the quarter the user names


FIELDS: list[Field] = [
    Field("kode", "Kode", None, None),
    Field("nama", "Nama", None, None),
    Field("pagu_murni", "Pagu Murni", "budget_item", "pagu_murni"),
    Field("pagu_perubahan", "Pagu Perubahan", "budget_item", "pagu_perubahan"),
    Field("realisasi", "Realisasi", "budget_item", "realisasi"),
] + [
    Field(f"target_tw{n}", f"Target Keuangan TW {r}", "budget_quarter", "target_keuangan", n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
] + [
    Field(f"realisasi_tw{n}", f"Realisasi Keuangan TW {r}", "budget_quarter", "realisasi_keuangan", n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
] + [
    Field("realisasi_sd", "Realisasi s.d. Triwulan (kumulatif)", "budget_quarter", "realisasi_keuangan",
          kumulatif=True),
]
FIELD_BY_KEY = {f.key: f for f in FIELDS}
VALUE_FIELDS = [f for f in FIELDS if f.table]
ALIASES = {f"tw{n}": f"realisasi_tw{n}" for n in range(1, 5)}

JENIS_DATA = ("anggaran", "indikator")


@dataclass(frozen=True)
class IndField:
    """A column of an indicator sheet: an indicator value (jenis_nilai, periode) or a key."""

    key: str
    label: str
    jenis_nilai: str | None = None  # M.TARGET | M.REALISASI; None: matching/display only
    periode: int = M.ANNUAL


IND_FIELDS: list[IndField] = [
    IndField("id", "ID"),
    IndField("kode", "Kode"),
    IndField("nama", "Indikator"),
    IndField("komponen", "Komponen"),
    IndField("target", "Target", M.TARGET),
] + [
    IndField(f"realisasi_tw{n}", f"Realisasi TW {r}", M.REALISASI, n)
    for n, r in zip(range(1, 5), ("I", "II", "III", "IV"))
] + [
    IndField("realisasi", "Realisasi Tahunan", M.REALISASI),
    IndField("nilai_komponen", "Nilai Komponen"),
]
IND_FIELD_BY_KEY = {f.key: f for f in IND_FIELDS}
IND_VALUE_FIELDS = [f for f in IND_FIELDS if f.jenis_nilai]
KOMPONEN_PREFIX = "komponen:"  # mapping key of a column holding one komponen ("komponen:jumlah_opd")

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# Header words (normalized) -> field; checked longest first so "pagu perubahan" beats "pagu".
_HEADER_WORDS = {
    "kode": "kode", "kode rekening": "kode", "kode sub kegiatan": "kode", "kode program kegiatan": "kode",
    "nama": "nama", "uraian": "nama", "nama sub kegiatan": "nama", "program kegiatan sub kegiatan": "nama",
    "sub kegiatan": "nama", "nomenklatur": "nama",
    "pagu murni": "pagu_murni", "anggaran murni": "pagu_murni", "pagu": "pagu_murni", "anggaran": "pagu_murni",
    "pagu sebelum perubahan": "pagu_murni", "pagu induk": "pagu_murni",
    "pagu perubahan": "pagu_perubahan", "anggaran perubahan": "pagu_perubahan",
    "pagu setelah perubahan": "pagu_perubahan",
    "realisasi": "realisasi", "realisasi anggaran": "realisasi", "realisasi keuangan": "realisasi",
    "realisasi rp": "realisasi",
    # SIPD / SIPKD / SIMDA report titles
    "anggaran setelah perubahan": "pagu_perubahan", "anggaran sesudah perubahan": "pagu_perubahan",
    "pagu sesudah perubahan": "pagu_perubahan", "anggaran sebelum perubahan": "pagu_murni",
    "realisasi s d periode ini": "realisasi_sd", "realisasi sd periode ini": "realisasi_sd",
    "realisasi s d saat ini": "realisasi_sd", "realisasi kumulatif": "realisasi_sd",
}
# Titles of columns a report shows but that hold nothing to import (derived figures).
IGNORED_HEADERS = {"sisa anggaran", "sisa", "", "no", "nomor", "capaian", "persen", "serapan"}
for _n in range(1, 5):
    for _w in ("tw", "triwulan"):
        _HEADER_WORDS[f"target keuangan {_w} {_n}"] = f"target_tw{_n}"
        _HEADER_WORDS[f"target {_w} {_n}"] = f"target_tw{_n}"
        _HEADER_WORDS[f"realisasi keuangan {_w} {_n}"] = f"realisasi_tw{_n}"
        _HEADER_WORDS[f"realisasi {_w} {_n}"] = f"realisasi_tw{_n}"
        _HEADER_WORDS[f"{_w} {_n}"] = f"realisasi_tw{_n}"
        _HEADER_WORDS[f"realisasi s d {_w} {_n}"] = "realisasi_sd"
        _HEADER_WORDS[f"realisasi sd {_w} {_n}"] = "realisasi_sd"

# Indicator sheets; titles are compared without a year ("Target 2024" -> "target").
_IND_HEADER_WORDS = {
    "id": "id", "id indikator": "id",
    "kode": "kode", "kode indikator": "kode",
    "indikator": "nama", "nama indikator": "nama", "indikator kinerja": "nama", "nama": "nama",
    "uraian": "nama", "indikator kinerja utama": "nama", "uraian indikator": "nama",
    "komponen": "komponen", "nama komponen": "komponen", "nilai komponen": "nilai_komponen",
    "target": "target", "target tahun ini": "target", "target tahunan": "target", "target kinerja": "target",
    "realisasi": "realisasi", "realisasi tahunan": "realisasi", "realisasi tahun ini": "realisasi",
    "realisasi kinerja": "realisasi",
}
for _n in range(1, 5):
    for _w in ("tw", "triwulan"):
        _IND_HEADER_WORDS[f"realisasi {_w} {_n}"] = f"realisasi_tw{_n}"
        _IND_HEADER_WORDS[f"{_w} {_n}"] = f"realisasi_tw{_n}"
YEAR_WORD = re.compile(r"\b(?:19|20)\d{2}\b")


def ind_header_key(title) -> str | None:
    """The indicator field a column title names (None when it names none)."""
    h = normalize_header(title)
    return _IND_HEADER_WORDS.get(" ".join(YEAR_WORD.sub(" ", h).split()))


def budget_header_key(title) -> str | None:
    """The budget field a column title names ("Realisasi 2024" too)."""
    h = normalize_header(title)
    return _HEADER_WORDS.get(h) or _HEADER_WORDS.get(" ".join(YEAR_WORD.sub(" ", h).split()))


_QUARTER_IN_TITLE = re.compile(r"\b(?:tw|triwulan)\s+([1-4])\b")


def quarter_in_title(title) -> int | None:
    """The quarter a cumulative title names ("Realisasi s.d. Triwulan III" -> 3), if any."""
    m = _QUARTER_IN_TITLE.search(normalize_header(title))
    return int(m.group(1)) if m else None


def komponen_key(name) -> str:
    """A komponen name as compared: case, spaces and punctuation do not matter."""
    return re.sub(r"[^0-9a-z]+", "_", str(name or "").casefold()).strip("_")


def normalize_header(text) -> str:
    s = re.sub(r"[^0-9a-z]+", " ", str(text or "").casefold()).strip()
    return " ".join(_ROMAN.get(w, w) for w in s.split())


def column_letter(idx: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    idx += 1
    while idx:
        idx, rem = divmod(idx - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1
