"""Verbs that bring outside data in: an Excel sheet, earlier years' files. The planning
(reading, matching, what would change) is ``exchange``'s; applying it as one edit is here."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import InputError
from ..exchange import carry
from ..exchange import xlsx as X
from ..store.changes import Changes
from ..store.files import same_file
from .book import Book


def import_sheet(book: Book, pv: X.Preview) -> Changes | None:
    """Write a previewed sheet as one edit (one undo step). Refuses, unchanged, when the
    preview has any blocking problem."""
    if not pv.ok:
        raise X.XlsxImportError(pv.refusal())
    return book.apply(pv.ops, X.import_label(pv.sheet))


def import_xlsx(book: Book, path: Path | str, mapping: str | dict[str, int] | None = None,
                sheet: str | None = None, *, jenis: str | None = None, triwulan: int | None = None,
                dry_run: bool = False) -> X.Preview:
    """Read, map, preview and (unless ``dry_run``) apply a sheet. ``triwulan``: the quarter a
    cumulative ("s.d.") column goes into. Raises XlsxImportError."""
    pv = X.plan_import(book.wb, path, mapping, sheet, jenis=jenis, triwulan=triwulan)
    if not dry_run:
        import_sheet(book, pv)
    return pv


def attach_history(book: Book, current_path: Path | str | None, older_path: Path | str) -> carry.Summary:
    """Add an older file's targets and realisasi to the open workbook as one edit."""
    older_path = Path(older_path)
    if same_file(current_path, older_path):
        raise InputError("Berkas riwayat tidak boleh buku kerja yang sedang dibuka.")
    with carry.open_source(older_path) as old:
        ops, summary = carry.plan_history(book.wb, old.wb, older_path.name)
    if ops and book.apply(ops, carry.history_label(older_path)) is None:
        raise InputError("Riwayat tidak tersimpan.")
    return summary
