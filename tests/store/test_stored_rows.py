"""A batch of value edits puts the rows as its UPDATEs stored them (``RETURNING``) into
memory, without reading them back; any other write to the same row in the batch reads it."""

from __future__ import annotations

from decimal import Decimal

from lkip_desktop.store import repository, rows
from lkip_desktop.store.ops import CellRef, DeleteOp, SetOp
from tests.store.test_edit_safety import _comparable


def _reads(monkeypatch) -> list:
    seen: list = []
    real = rows.read_row

    def counting(conn, table, key):
        seen.append((table, tuple(key)))
        return real(conn, table, key)

    monkeypatch.setattr(rows, "read_row", counting)
    monkeypatch.setattr("lkip_desktop.store.service.read_row", counting)
    return seen


def _realisasi(demo, periode=0):
    ikm = next(i for i in demo.wb.iku_list() if i.kode == "IKU-4")
    return CellRef("indicator_value", (ikm.id, 2024, "realisasi", periode), "nilai")


def test_an_updated_value_is_not_read_back(demo, monkeypatch):
    ref = _realisasi(demo)
    reads = _reads(monkeypatch)
    demo.apply([SetOp(ref, Decimal("91.3"))], "ubah")
    assert reads == [("indicator_value", ref.key)]  # the old row, for undo and the audit; not the new one
    assert demo.wb.indicators[ref.key[0]].values[(2024, "realisasi", 0)] == Decimal("91.3")
    assert _comparable(repository.load(demo.db)) == _comparable(demo.wb)


def test_a_batch_that_writes_one_row_twice_ends_as_the_file(demo):
    ref = _realisasi(demo)
    item = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan")
    pagu = CellRef("budget_item", (item.id,), "realisasi")
    cases = [
        [SetOp(ref, Decimal("50")), SetOp(ref, Decimal("60"))],  # update, update
        [SetOp(ref, Decimal("70")), SetOp(ref, None)],  # update, then the row deleted
        [SetOp(ref, None), SetOp(ref, Decimal("80"))],  # deleted, then inserted again
        [SetOp(pagu, 12345), SetOp(ref, Decimal("81")), SetOp(pagu, 6789)],
    ]
    for ops in cases:
        ch = demo.apply(ops, "blok")
        assert _comparable(repository.load(demo.db)) == _comparable(demo.wb), ops
        demo.apply(ch.inverse, "batal")
        assert _comparable(repository.load(demo.db)) == _comparable(demo.wb), ops


def test_a_batch_with_rows_added_or_removed_reads_every_row_back(demo, monkeypatch):
    ref = _realisasi(demo)
    link = next(iter(demo.wb.links))
    reads = _reads(monkeypatch)
    ch = demo.apply([SetOp(ref, Decimal("77")), DeleteOp("dukungan", link)], "campur")
    assert reads.count(("indicator_value", ref.key)) == 2  # before, and read back after
    assert _comparable(repository.load(demo.db)) == _comparable(demo.wb)
    demo.apply(ch.inverse, "batal")
    assert _comparable(repository.load(demo.db)) == _comparable(demo.wb)


def test_an_sqlite_without_returning_reads_the_row_back(demo, monkeypatch):
    monkeypatch.setattr(rows, "RETURNING", False)
    ref = _realisasi(demo)
    reads = _reads(monkeypatch)
    ch = demo.apply([SetOp(ref, Decimal("64.5"))], "ubah")
    assert reads == [("indicator_value", ref.key)] * 2  # before, and read back after
    assert demo.wb.indicators[ref.key[0]].values[(2024, "realisasi", 0)] == Decimal("64.5")
    demo.apply(ch.inverse, "batal")
    assert _comparable(repository.load(demo.db)) == _comparable(demo.wb)
