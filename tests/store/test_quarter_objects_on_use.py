"""Every open reads and checks the quarterly budget rows, but makes their objects only when
some item's quarters are first used: a recompute, a Renstra table or a rekap never pays for
them. Whoever uses them first gets exactly the rows of the file, made once."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from lkip_desktop.domain import model as M
from lkip_desktop.domain.compute import Calculator
from lkip_desktop.domain.pending import PendingQuarters
from lkip_desktop.edits import cells
from lkip_desktop.store import repository
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.service import WorkbookService


def _waiting(wb) -> int:
    return sum(isinstance(item.__dict__["quarters"], PendingQuarters) for item in wb.items.values())


def _as_read(svc) -> dict:
    """The quarterly rows read again, apart from the open."""
    read = repository.read_quarters(svc.db.conn, svc.wb.items)
    return {item_id: read.get(item_id, {}) for item_id in svc.wb.items}


@pytest.mark.parametrize("readonly", [True, False])
def test_an_open_makes_no_quarter_until_one_is_used(demo_path, readonly):
    with WorkbookService.open(demo_path, readonly=readonly) as svc:
        wb = svc.wb
        assert _waiting(wb) == len(wb.items)
        calc = Calculator(wb)
        figures = [calc.totals(i) for i in wb.items] + [calc.indicator(i) for i in wb.indicators]
        assert len(figures) == len(wb.items) + len(wb.indicators) and calc.opd_average().counted
        assert _waiting(wb) == len(wb.items)  # no total, capaian or average needs a quarter
        want = _as_read(svc)
        assert sum(map(len, want.values())) > 20
        item = next(i for i in wb.items.values() if want[i.id])
        assert item.quarters == want[item.id]  # the first use makes every item's
        assert _waiting(wb) == 0
        assert {i.id: dict(i.quarters) for i in wb.items.values()} == want


def test_two_threads_asking_at_once_share_one_set_of_objects(demo_path):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        items = [i for i in svc.wb.items.values() if i.level == "sub_kegiatan"]
        start, seen = threading.Barrier(2), [None, None]

        def use(k: int) -> None:
            start.wait()
            seen[k] = [(i.id, tw, q) for i in items for tw, q in sorted(i.quarters.items())]

        threads = [threading.Thread(target=use, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert seen[0] and len(seen[0]) == len(seen[1])
        assert all(a is b for (_, _, a), (_, _, b) in zip(seen[0], seen[1]))  # made once
        assert all(isinstance(q, M.Quarter) for _, _, q in seen[0])


def test_a_quarter_edit_and_its_undo_before_any_use(demo_path, tmp_path):
    path = tmp_path / "q.lkip"
    path.write_bytes(demo_path.read_bytes())
    with WorkbookService.open(path) as svc:
        item = next(i for i in svc.wb.items.values() if i.level == "sub_kegiatan")
        before = _as_read(svc)
        changes = svc.set(cells.quarter(item.id, 4, "realisasi_fisik"), Decimal("42.5"))
        assert item.quarters[4].realisasi_fisik == Decimal("42.5")
        assert {i: dict(q) for i, q in ((i.id, i.quarters) for i in svc.wb.items.values()) if i != item.id} == \
            {i: q for i, q in before.items() if i != item.id}
        svc.apply(changes.inverse, "batal")
        assert dict(item.quarters) == before[item.id]
    with WorkbookService.open(path, readonly=True) as again:
        assert _as_read(again) == {i.id: dict(i.quarters) for i in again.wb.items.values()}


def test_a_damaged_quarter_row_still_refuses_the_open(demo_path, tmp_path):
    path = tmp_path / "rusak.lkip"
    path.write_bytes(demo_path.read_bytes())
    import sqlite3

    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE budget_quarter SET target_fisik = 'sepuluh' WHERE rowid = "
                     "(SELECT min(rowid) FROM budget_quarter)")
    conn.close()
    with pytest.raises(StoreError, match="budget_quarter"):
        WorkbookService.open(path, readonly=True)


def test_a_workbook_closed_before_its_quarters_were_used_is_freed_without_the_collector(demo_path):
    """No cycle through the waiting items: a big load freezes what it made (``collector``),
    so a cycle among it would never be freed (a rekap opens ~50 workbooks in one process)."""
    import gc
    import weakref

    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        svc = WorkbookService.open(demo_path, readonly=True)
        wb = weakref.ref(svc.wb)
        item = weakref.ref(next(iter(svc.wb.items.values())))
        assert _waiting(svc.wb) == len(svc.wb.items)
        svc.close()
        del svc
        assert wb() is None and item() is None  # freed by reference counting alone
    finally:
        if was_on:
            gc.enable()
