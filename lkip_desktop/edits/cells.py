"""Every editable cell of a workbook, by name.

The layers above (grids, pages, the CLI) address a cell as ``cells.realisasi(ind, tahun, tw)``
or ``cells.item(item_id, "pagu_murni")``; only this module knows which table and column of
the file hold it. ``place`` goes the other way: a stored address (a reviu finding, an audit
row) becomes the workbook thing it belongs to, for jumping to it on screen.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain import effects as E
from ..domain.model import ANNUAL, REALISASI, TARGET, Workbook
from ..domain.numbers import format_date, format_rupiah
from ..domain.values import Predikat, format_value
from ..store.changes import thing_of
from ..store.labels import field_label
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


def sdm(sdm_id: str, field: str) -> CellRef:
    return CellRef("sdm", (sdm_id,), field)


def skala_pita(band_id: str, field: str) -> CellRef:
    """A field of one band of the workbook's own rating scale (batas_bawah, label, inklusif)."""
    return CellRef("skala_pita", (band_id,), field)


def pk_version(pk_id: str, field: str) -> CellRef:
    return CellRef("pk_version", (pk_id,), field)


def narasi(key: str) -> CellRef:
    return CellRef("narasi", (key,), "teks")


def tabel(key: str, field: str) -> CellRef:
    """A field of a report table's catalogue row (key = the table's key, "bab3.capaian")."""
    return CellRef("tabel_laporan", (key,), field)


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
    if table in ("opd", "settings", "skala_pita"):  # all edited on the Profil page
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


def thing_name(wb: Workbook, p: Place) -> str:
    """The name of the row a place belongs to ("" when it is gone or has none)."""
    objs = {E.INDICATOR: wb.indicators, E.ITEM: wb.items, E.ITEM_QUARTER: wb.items, "prestasi": wb.prestasi,
            "tujuan": wb.tujuan, "sasaran": wb.sasaran}.get(p.kind, {})
    obj = objs.get(p.id) if isinstance(p.id, str) else None
    if obj is None:
        return ""
    name = getattr(obj, "nama", "") or getattr(obj, "uraian", "")
    kode = getattr(obj, "kode", "")
    return f"{kode} {name}".strip()


def _where(p: Place, ref: CellRef | None, roman=("", "I", "II", "III", "IV")) -> str:
    """The year/triwulan/komponen part of an address (" · realisasi 2024 TW II")."""
    if p.value in (TARGET, REALISASI):
        per = "tahunan" if p.periode == ANNUAL else f"TW {roman[p.periode]}"
        return f" · {p.value} {p.tahun} {per}"
    if p.kind == E.ITEM_QUARTER and p.periode in (1, 2, 3, 4):
        return f" · TW {roman[p.periode]}"
    if p.value == "komponen" and ref is not None:
        return f" · komponen {ref.key[2]} {p.tahun}"
    return ""


def describe(wb: Workbook, ref: CellRef) -> str:
    """A cell in words, for the Riwayat page: "Target/Realisasi: IKU-1 ... · realisasi 2024 TW II · Nilai"."""
    p = place_of(ref)
    return f"{label(ref)}: {thing_name(wb, p)[:80]}{_where(p, ref)} · {field_label(ref.table, ref.field)}"


def label(ref: CellRef) -> str:
    """The Indonesian name of what holds a cell ("Nilai indikator", "Anggaran", ...)."""
    return TABLES[ref.table].label if ref.table in TABLES else ref.table


def entry_label(entry, wb: Workbook | None = None) -> str:
    """What an audit entry changed, in words ("Program/Kegiatan/Sub Kegiatan · Pagu murni (Rp)");
    with ``wb`` also the row's name and its year/triwulan."""
    text = TABLES[entry.tabel].label if entry.tabel in TABLES else entry.tabel
    if entry.kolom:
        text += f" · {field_label(entry.tabel, entry.kolom)}"
    if wb is None or not entry.kunci:
        return text
    p = place(entry.tabel, tuple(entry.kunci), entry.kolom)
    name = thing_name(wb, p) or _row_name(entry.lama if entry.aksi == "hapus" else entry.baru)
    return text + (f" · {name[:80]}" if name else "") + _where(p, p.ref)


def entry_cell(entry) -> CellRef | None:
    """The cell an audit entry changed, when it changed one known cell (else None)."""
    if not entry.kolom:
        return None
    ref = CellRef(entry.tabel, tuple(entry.kunci), entry.kolom)
    return ref if exists(ref) else None


def exists(ref: CellRef) -> bool:
    """True when the address names a known table and column (an audit row may be foreign)."""
    return ref.table in TABLES and ref.field in TABLES[ref.table].fields


# -- audit values in words --------------------------------------------------------------------

ROW_NAME_FIELDS = ("nama", "uraian", "program", "indikator", "sasaran", "jenis")


def _row_name(raw) -> str:
    """The name inside an added/removed row as stored ({"nama": ...}; {"baris": 38} for a bulk add)."""
    try:
        row = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return ""
    if not isinstance(row, dict):
        return ""
    if set(row) == {"baris"}:
        return f"{row['baris']} baris"
    return next((str(row[f]) for f in ROW_NAME_FIELDS if row.get(f)), "")


def value_text(table: str, field: str | None, v) -> str:
    """A stored value as the user reads it: rupiah with thousands dots, decimals with a comma,
    Ya/Tidak, Indonesian dates, "(kosong)" for nothing."""
    if v is None or v == "":
        return "(kosong)"
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, (bytes, bytearray)):
        return f"(gambar, {len(v) // 1024} KB)"
    if isinstance(v, datetime.date):
        return format_date(v)
    kind = TABLES[table].fields.get(field) if table in TABLES and field else None
    if isinstance(v, int) and kind is not None and kind.name == "rupiah":
        return "Rp " + format_rupiah(v, dash_zero=False)
    if isinstance(v, int):
        return str(v)  # a year, an order, a count of decimals
    if isinstance(v, (Decimal, Predikat)):
        return format_value(v, None)
    return str(v)[:80]


def entry_value(entry, which: str) -> str:
    """The old ("lama") or new ("baru") value of an audit entry in words; an added or removed
    row shows its name."""
    v = getattr(entry, which)
    if entry.aksi != "ubah":
        return _row_name(v) if v is not None else ""
    return value_text(entry.tabel, entry.kolom, v)
