"""Verbs for the Dukungan: which budget items support which IKU (RULES 6.5)."""

from __future__ import annotations

from ..store.changes import Changes
from ..store.ops import DeleteOp, InsertOp
from .book import Book


def set_links(book: Book, indicator_id: str, item_ids: list[str], on: bool) -> Changes | None:
    """Link (or unlink) several items to one IKU as one edit; items already so are skipped.
    None when nothing differs."""
    links = book.wb.links
    ops = []
    for item_id in item_ids:
        if ((indicator_id, item_id) in links) != on:
            ops.append(InsertOp("dukungan", {"indicator_id": indicator_id, "item_id": item_id}) if on
                       else DeleteOp("dukungan", (indicator_id, item_id)))
    if not ops:
        return None
    label = "Ubah dukungan anggaran" if len(ops) == 1 else \
        f"{'Centang' if on else 'Hapus centang'} {len(ops)} dukungan anggaran"
    return book.apply(ops, label)


def set_link(book: Book, indicator_id: str, item_id: str, on: bool) -> Changes | None:
    return set_links(book, indicator_id, [item_id], on)
