"""Verbs that set values: one cell, a block of cells (paste, clear, fill down), a komponen
renamed, the profile of a new workbook, the Pemda logo, a value from history."""

from __future__ import annotations

from typing import Any, Iterable

from ..domain.errors import InputError
from ..store.changes import Changes
from ..store.history import AuditEntry
from ..store.ops import CellRef, SetOp
from . import cells
from .book import Book


def set_value(book: Book, ref: CellRef, value: Any, label: str | None = None) -> Changes | None:
    return book.apply([SetOp(ref, value)], label or f"Ubah {cells.label(ref).lower()}")


def set_text(book: Book, ref: CellRef, text: str | None, label: str | None = None) -> Changes | None:
    """Typed text for one cell, parsed by the rules of its column (raises InputError)."""
    return set_value(book, ref, book.parse(ref, text), label)


def set_values(book: Book, pairs: Iterable[tuple[CellRef, Any]], label: str) -> Changes | None:
    """Many cells as one edit (one transaction, one undo step)."""
    ops = [SetOp(ref, value) for ref, value in pairs]
    return book.apply(ops, label) if ops else None


def set_texts(book: Book, pairs: Iterable[tuple[CellRef, str | None]], label: str) -> Changes | None:
    """Typed texts for many cells (a paste, a fill down): every text is parsed before any
    is stored, so one bad cell refuses the whole block."""
    return set_values(book, [(ref, book.parse(ref, text)) for ref, text in pairs], label)


def komponen_name_problem(book: Book, indicator_id: str, tahun: int, old: str, new: str) -> str | None:
    """Why ``new`` cannot replace the komponen name ``old`` (None when it can)."""
    new = new.strip()
    if not new:
        return "Nama komponen wajib diisi."
    if new != old and new in book.wb.indicators[indicator_id].komponen.get(tahun, {}):
        return f"Komponen '{new}' sudah ada."
    return None


def rename_komponen(book: Book, indicator_id: str, tahun: int, old: str, new: str) -> Changes | None:
    problem = komponen_name_problem(book, indicator_id, tahun, old, new)
    if problem:
        raise InputError(problem)
    new = new.strip()
    values = book.wb.indicators[indicator_id].komponen.get(tahun, {})
    if new == old or old not in values:
        return None
    return set_values(book, [(cells.komponen(indicator_id, tahun, new), values[old]),
                             (cells.komponen(indicator_id, tahun, old), None)], "Ganti nama komponen")


def profile_ops(fields: dict[str, Any]) -> list[SetOp]:
    """The ops that fill the OPD profile (only fields given a value): for a new workbook they
    go in with the file itself (``WorkbookService.create_from``, all or nothing)."""
    return [SetOp(cells.opd(f), v) for f, v in fields.items() if v]


def set_profile(book: Book, fields: dict[str, Any], label: str = "Isi profil OPD") -> Changes | None:
    """Fields of the OPD profile (only those given a value)."""
    ops = profile_ops(fields)
    return book.apply(ops, label) if ops else None


def set_logo(book: Book, data: bytes | None) -> Changes | None:
    return set_value(book, cells.opd("logo"), data, "Ganti logo Pemda" if data else "Hapus logo Pemda")


def restore(book: Book, entry: AuditEntry) -> Changes | None:
    """Bring back the value a cell had before the change ``entry`` (as a new, undoable edit)."""
    if entry.aksi != "ubah" or not entry.kolom:
        raise InputError("Hanya perubahan nilai sel yang dapat dipulihkan; gunakan Urungkan untuk baris.")
    ref = cells.entry_cell(entry)
    if ref is None:
        raise InputError("Sel pada riwayat ini tidak dikenal oleh versi aplikasi ini.")
    return set_value(book, ref, entry.lama, f"Pulihkan {cells.label(ref)}")
