"""Every editable cell of a workbook, by name.

The layers above (grids, pages, the CLI) address a cell as ``cells.realisasi(ind, tahun, tw)``
or ``cells.item(item_id, "pagu_murni")``; only this module knows which table and column of
the file hold it. ``place`` goes the other way: a stored address (a reviu finding, an audit
row) becomes the workbook thing it belongs to, for jumping to it on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import effects as E
from ..domain.model import ANNUAL, REALISASI, TARGET, Workbook
from ..store.changes import thing_of
from ..store.schema import TABLES
from ..store.ops import CellRef

# -- the workbook's cells ---------------------------------------------------------------------


def opd(field: str) -> CellRef:
    return CellRef("opd", (1,), field)


def setting(field: str) -> CellRef:
    return CellRef("settings", (1,), field)


PROFILE_GROUPS = ("opd", "settings")  # the OPD profile and the workbook's conventions


def profile_fields() -> list[tuple[str, str]]:
    """(group, field) of every profile and settings cell, as the Profil form names them."""
    return [(group, name) for group in PROFILE_GROUPS for name in TABLES[group].fields]


def profile(group: str, field: str) -> CellRef:
    return CellRef(group, (1,), field)


def profile_key(ref: CellRef) -> tuple[str, str] | None:
    """(group, field) of a profile cell, None for any other cell."""
    return (ref.table, ref.field) if ref.table in PROFILE_GROUPS else None


def tujuan(tujuan_id: str, field: str) -> CellRef:
    return CellRef("tujuan", (tujuan_id,), field)


def sasaran(sasaran_id: str, field: str) -> CellRef:
    return CellRef("sasaran", (sasaran_id,), field)


def indicator(indicator_id: str, field: str) -> CellRef:
    return CellRef("indicator", (indicator_id,), field)


def target(indicator_id: str, tahun: int, periode: int = ANNUAL) -> CellRef:
    return CellRef("indicator_value", (indicator_id, tahun, TARGET, periode), "nilai")


def realisasi(indicator_id: str, tahun: int, periode: int = ANNUAL) -> CellRef:
    return CellRef("indicator_value", (indicator_id, tahun, REALISASI, periode), "nilai")


def komponen(indicator_id: str, tahun: int, name: str) -> CellRef:
    return CellRef("komponen", (indicator_id, tahun, name), "nilai")


def komponen_name(indicator_id: str, tahun: int, name: str) -> CellRef:
    """The name of a komponen: not a stored column (renaming moves the value to a new
    komponen, ``values.rename_komponen``), addressed like one so a grid can edit it."""
    return CellRef("komponen", (indicator_id, tahun, name), "nama_komponen")


def is_komponen_name(ref: CellRef) -> bool:
    return ref.table == "komponen" and ref.field == "nama_komponen"


def item(item_id: str, field: str) -> CellRef:
    return CellRef("budget_item", (item_id,), field)


def quarter(item_id: str, triwulan: int, field: str) -> CellRef:
    return CellRef("budget_quarter", (item_id, triwulan), field)


def prestasi(prestasi_id: str, field: str) -> CellRef:
    return CellRef("prestasi", (prestasi_id,), field)


def pk_version(pk_id: str, field: str) -> CellRef:
    return CellRef("pk_version", (pk_id,), field)


def narasi(key: str) -> CellRef:
    return CellRef("narasi", (key,), "teks")


def of_thing(kind: str, thing_id: str, field: str) -> CellRef:
    """A field of a named row: kind "tujuan", "sasaran", "indicator", "item" or "prestasi"."""
    maker = {"tujuan": tujuan, "sasaran": sasaran, E.INDICATOR: indicator, E.ITEM: item,
             "prestasi": prestasi}[kind]
    return maker(thing_id, field)


def owner(ref: CellRef) -> tuple[str, Any]:
    """(kind, id) of the workbook thing a cell belongs to: the row a grid shows it on."""
    return thing_of(ref.table, ref.key)


def is_komponen(ref: CellRef) -> bool:
    return ref.table == "komponen"


# -- from a stored address back to the screen ----------------------------------------------------

@dataclass(frozen=True)
class Place:
    """Where a stored address lives, in workbook words.

    ``kind``: "profile", "tujuan", "sasaran", "indicator", "item", "item_quarter", "link",
    "prestasi", "pk" (or the table name for anything else); ``id`` the thing's id; ``value``
    for indicator values: "target" / "realisasi" / "komponen" / "" (a field of the indicator);
    ``tahun``/``periode`` where the address has them; ``ref`` the cell (None for a whole row).
    """

    kind: str
    id: Any
    ref: CellRef | None
    value: str = ""
    tahun: int | None = None
    periode: int | None = None


def place(table: str, key: tuple, field: str | None = None) -> Place:
    key = tuple(key)
    ref = CellRef(table, key, field) if field else None
    if table in ("opd", "settings"):
        return Place("profile", None, ref)
    if table == "indicator_value":
        return Place(E.INDICATOR, key[0], ref or CellRef(table, key, "nilai"), key[2], key[1], key[3])
    if table == "komponen":
        return Place(E.INDICATOR, key[0], ref or CellRef(table, key, "nilai"), "komponen", key[1])
    if table == "budget_quarter":
        return Place(E.ITEM_QUARTER, key[0], ref, periode=key[1])
    kind, ident = thing_of(table, key)
    return Place(kind, ident, ref)


def place_of(ref: CellRef) -> Place:
    return place(ref.table, ref.key, ref.field)


def describe(wb: Workbook, ref: CellRef, roman=("", "I", "II", "III", "IV")) -> str:
    """A cell in words, for the Riwayat page: "Nilai indikator: IKU ... · realisasi 2024 TW II"."""
    p = place_of(ref)
    name = ""
    if p.kind == E.INDICATOR and p.id in wb.indicators:
        name = wb.indicators[p.id].nama
    elif p.kind in (E.ITEM, E.ITEM_QUARTER) and p.id in wb.items:
        name = wb.items[p.id].nama
    elif p.kind == "prestasi" and p.id in wb.prestasi:
        name = wb.prestasi[p.id].uraian
    extra = ""
    if p.value in (TARGET, REALISASI):
        per = "tahunan" if p.periode == ANNUAL else f"TW {roman[p.periode]}"
        extra = f" · {p.value} {p.tahun} {per}"
    elif p.kind == E.ITEM_QUARTER:
        extra = f" · TW {roman[p.periode]}"
    elif p.value == "komponen":
        extra = f" · komponen {ref.key[2]} {p.tahun}"
    label = TABLES[ref.table].label if ref.table in TABLES else ref.table
    return f"{label}: {name[:80]}{extra} · kolom {ref.field}"


def label(ref: CellRef) -> str:
    """The Indonesian name of what holds a cell ("Nilai indikator", "Anggaran", ...)."""
    return TABLES[ref.table].label if ref.table in TABLES else ref.table


def entry_label(entry) -> str:
    """What an audit entry changed, in words ("Anggaran · pagu_murni")."""
    label = TABLES[entry.tabel].label if entry.tabel in TABLES else entry.tabel
    return label + (f" · {entry.kolom}" if entry.kolom else "")


def entry_cell(entry) -> CellRef | None:
    """The cell an audit entry changed, when it changed one known cell (else None)."""
    if not entry.kolom:
        return None
    ref = CellRef(entry.tabel, tuple(entry.kunci), entry.kolom)
    return ref if exists(ref) else None


def exists(ref: CellRef) -> bool:
    """True when the address names a known table and column (an audit row may be foreign)."""
    return ref.table in TABLES and ref.field in TABLES[ref.table].fields
