"""Verbs that shape the report's table catalogue: show or hide a table, its number, title,
source line, column-number row, paper and orientation, its place in its chapter, and back to
the standard. Each is one transaction (one undo step); the catalogue rows are created on the
first edit of a table and removed by ``reset``."""

from __future__ import annotations

from typing import Any

from ..domain.errors import InputError
from ..store.changes import Changes
from ..store.ops import DeleteOp, SetOp
from . import cells
from .book import Book

FIELDS = ("tampil", "nomor", "judul", "sumber", "nomor_kolom", "kertas", "orientasi")
PAPERS = ("", "A4", "F4")
ORIENTATIONS = ("", "portrait", "landscape")
CHOICES = {"kertas": PAPERS, "orientasi": ORIENTATIONS}
_LABEL = {"tampil": "Tampilkan tabel", "nomor": "Ubah nomor tabel", "judul": "Ubah judul tabel",
          "sumber": "Ubah sumber tabel", "nomor_kolom": "Ubah nomor kolom tabel", "kertas": "Ubah kertas tabel",
          "orientasi": "Ubah orientasi tabel"}


def set_field(book: Book, key: str, field: str, value: Any) -> Changes | None:
    """One choice of one table (texts trimmed). None when nothing differs."""
    if field not in FIELDS:
        raise KeyError(field)
    if isinstance(value, str):
        value = value.strip()
    if field in CHOICES and value not in CHOICES[field]:
        raise InputError(f"Pilihan tidak dikenal: {value}")
    if field in ("tampil", "nomor_kolom"):
        value = bool(value)
    row = book.wb.tabel_laporan.get(key)
    current = getattr(row, field) if row is not None else _default(field)
    if value == current:
        return None
    label = ("Sembunyikan tabel" if field == "tampil" and not value else _LABEL[field])
    return book.apply([SetOp(cells.tabel(key, field), value)], label)


def _default(field: str) -> Any:
    return {"tampil": True, "nomor_kolom": False}.get(field, "")


def move(book: Book, chapter_keys: list[str], key: str, step: int) -> Changes | None:
    """Move ``key`` one place up (-1) or down (+1) among ``chapter_keys`` (the chapter's tables
    in catalogue order, hidden ones too): every table of the chapter gets its place as ``urut``,
    so tables added later (a new IKU) keep their standard place among them. None at an end."""
    if key not in chapter_keys:
        return None
    i = chapter_keys.index(key)
    j = i + step
    if not 0 <= j < len(chapter_keys):
        return None
    order = list(chapter_keys)
    order[i], order[j] = order[j], order[i]
    rows = book.wb.tabel_laporan
    ops = [SetOp(cells.tabel(k, "urut"), n) for n, k in enumerate(order, start=1)
           if (rows[k].urut if k in rows else None) != n]
    return book.apply(ops, "Pindahkan tabel ke atas" if step < 0 else "Pindahkan tabel ke bawah") if ops else None


def reset(book: Book, key: str) -> Changes | None:
    """The table back to the standard: its catalogue row removed (number, title, place, …)."""
    if key not in book.wb.tabel_laporan:
        return None
    return book.apply([DeleteOp("tabel_laporan", (key,))], "Kembalikan tabel ke standar")
