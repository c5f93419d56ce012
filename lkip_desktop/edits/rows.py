"""Verbs that add, remove and reorder rows: tujuan, sasaran, indicators, budget items
(program -> kegiatan -> sub kegiatan) and prestasi. Each returns the new row's id (or the
``Changes``), so the screen can put the cursor on it."""

from __future__ import annotations

from ..domain import effects as E
from ..domain import model as M
from ..domain.errors import InputError
from ..store.changes import Changes
from ..store.ops import DeleteOp, InsertOp, SetOp
from . import cells
from .book import Book

LEVEL_LABEL = M.LEVEL_LABEL
PARENT_LEVEL = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}
_TABLE = {"tujuan": "tujuan", "sasaran": "sasaran", E.INDICATOR: "indicator", E.ITEM: "budget_item",
          "prestasi": "prestasi", "sdm": "sdm"}
_NAME = {"tujuan": "tujuan", "sasaran": "sasaran", E.INDICATOR: "indikator", "prestasi": "prestasi",
         "sdm": "baris SDM"}


def _next_urut(objs) -> int:
    return max((o.urut for o in objs), default=0) + 1


def _insert(book: Book, kind: str, row: dict, label: str) -> str | None:
    row.setdefault("id", M.new_id())
    return row["id"] if book.apply([InsertOp(_TABLE[kind], row)], label) is not None else None


def add_tujuan(book: Book, nama: str = "Tujuan baru") -> str | None:
    wb = book.wb
    row = {"nama": nama, "kode": str(len(wb.tujuan) + 1), "urut": _next_urut(wb.tujuan.values())}
    return _insert(book, "tujuan", row, "Tambah tujuan")


def add_sasaran(book: Book, tujuan_id: str, nama: str = "Sasaran baru") -> str | None:
    wb = book.wb
    if tujuan_id not in wb.tujuan:
        raise InputError("Tambahkan tujuan terlebih dahulu.")
    siblings = wb.sasaran_of(tujuan_id)
    kode = f"{wb.tujuan[tujuan_id].kode}.{len(siblings) + 1}" if wb.tujuan[tujuan_id].kode else ""
    row = {"tujuan_id": tujuan_id, "nama": nama, "kode": kode, "urut": _next_urut(siblings)}
    return _insert(book, "sasaran", row, "Tambah sasaran")


def add_indicator(book: Book, owner_kind: str, owner_id: str, nama: str = "Indikator baru") -> str | None:
    row = {"owner_kind": owner_kind, "owner_id": owner_id, "nama": nama,
           "urut": _next_urut(book.wb.indicators_of(owner_id))}
    return _insert(book, E.INDICATOR, row, "Tambah indikator")


def add_item(book: Book, level: str, parent_id: str | None) -> str | None:
    """A new program, kegiatan or sub kegiatan, numbered after its parent's kode."""
    wb = book.wb
    want = PARENT_LEVEL[level]
    if (want is None) != (parent_id is None) or (parent_id is not None and (
            parent_id not in wb.items or wb.items[parent_id].level != want)):
        raise InputError(f"Pilih sebuah {LEVEL_LABEL[want].lower()} terlebih dahulu." if want
                         else "Program tidak boleh punya induk.")
    siblings = wb.children(parent_id)
    parent_kode = wb.items[parent_id].kode if parent_id else ""
    kode = f"{parent_kode}.{len(siblings) + 1}" if parent_kode else str(len(siblings) + 1)
    row = {"level": level, "parent_id": parent_id, "kode": kode, "nama": f"{LEVEL_LABEL[level]} baru",
           "urut": _next_urut(siblings)}
    return _insert(book, E.ITEM, row, f"Tambah {LEVEL_LABEL[level].lower()}")


def add_prestasi(book: Book, uraian: str = "Prestasi baru") -> str | None:
    row = {"uraian": uraian, "urut": _next_urut(book.wb.prestasi.values())}
    return _insert(book, "prestasi", row, "Tambah prestasi")


def add_sdm(book: Book, kategori: str, uraian: str = "", jumlah: int = 0) -> str | None:
    """A staff line of one kategori (golongan, pendidikan or jabatan), after the others."""
    row = {"kategori": kategori, "uraian": uraian, "jumlah": jumlah, "urut": _next_urut(book.wb.sdm.values())}
    return _insert(book, "sdm", row, "Tambah baris SDM")


def delete(book: Book, kind: str, thing_id: str, label: str | None = None) -> Changes | None:
    """Remove a row with everything hanging off it (undo brings all of it back)."""
    if kind in LEVEL_LABEL:
        kind = E.ITEM
    return book.apply([DeleteOp(_TABLE[kind], (thing_id,))], label or f"Hapus {_NAME.get(kind, 'baris')}")


def move(book: Book, kind: str, siblings: list, thing_id: str, step: int, label: str) -> Changes | None:
    """Move ``thing_id`` one place up (-1) or down (+1) among ``siblings`` (in shown order):
    the two ``urut`` values swapped, or the siblings renumbered when they tie. None when it
    cannot move."""
    ops = move_ops(kind, siblings, thing_id, step)
    return book.apply(ops, label) if ops else None


def move_ops(kind: str, siblings: list, thing_id: str, step: int) -> list:
    if kind in LEVEL_LABEL:
        kind = E.ITEM
    ids = [o.id for o in siblings]
    if thing_id not in ids:
        return []
    i = ids.index(thing_id)
    j = i + step
    if not 0 <= j < len(ids):
        return []
    a, b = siblings[i], siblings[j]
    if a.urut != b.urut:
        return [SetOp(cells.of_thing(kind, a.id, "urut"), b.urut), SetOp(cells.of_thing(kind, b.id, "urut"), a.urut)]
    order = list(siblings)
    order[i], order[j] = order[j], order[i]
    return [SetOp(cells.of_thing(kind, o.id, "urut"), n) for n, o in enumerate(order, start=1) if o.urut != n]


