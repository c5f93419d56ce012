"""The window's open (``check_later``) reads the quarterly budget rows after the first paint:
until then every item's quarters wait for them. Whoever reads them first (a page, a report,
the background thread) gets exactly what an open that read everything gets, and a damaged
quarter row is still refused before any write reaches the file."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.pending import PendingQuarters
from lkip_desktop.edits import cells
from lkip_desktop.reports.export import plan_export
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.service import WorkbookService


def _quarters(wb) -> dict:
    return {item.id: dict(item.quarters) for item in wb.items.values()}


def _waiting(wb) -> int:
    return sum(isinstance(item.__dict__["quarters"], PendingQuarters) for item in wb.items.values())


@pytest.fixture
def eager(demo_path):
    with WorkbookService.open(demo_path) as svc:
        want = _quarters(svc.wb)
    assert sum(map(len, want.values())) > 20  # the demo has quarterly rows to compare
    return want


def test_the_first_reader_gets_every_quarter_at_once(demo_path, eager):
    with WorkbookService.open(demo_path, check_later=True) as svc:
        wb = svc.wb
        assert _waiting(wb) == len(wb.items)  # nothing read yet
        item = next(i for i in wb.items.values() if eager[i.id])
        tw = min(eager[item.id])
        assert item.quarters.get(tw) == eager[item.id][tw]  # a page reading one quarter
        assert _waiting(wb) == 0  # every item has its own dict now
        assert _quarters(wb) == eager


def test_the_background_thread_puts_them_when_nobody_asked(demo_path, eager):
    with WorkbookService.open(demo_path, check_later=True) as svc:
        svc.start_integrity_check()
        svc.check_integrity()
        assert _waiting(svc.wb) == 0 and _quarters(svc.wb) == eager


def test_a_quarter_edit_before_the_check_waits_for_the_rows(demo_path, eager):
    with WorkbookService.open(demo_path, check_later=True) as svc:
        item = next(i for i in svc.wb.items.values() if i.level == "sub_kegiatan" and eager[i.id])
        tw = max(eager[item.id])
        svc.set(cells.quarter(item.id, tw, "realisasi_fisik"), Decimal("42"))
        assert item.quarters[tw].realisasi_fisik == Decimal("42")
        expected = {k: v for k, v in eager.items() if k != item.id}
        assert {k: v for k, v in _quarters(svc.wb).items() if k != item.id} == expected
    with WorkbookService.open(demo_path) as svc:
        assert svc.wb.items[item.id].quarters[tw].realisasi_fisik == Decimal("42")


@pytest.mark.parametrize("statement, message", [
    ("UPDATE budget_quarter SET target_fisik = 'abc' WHERE rowid = (SELECT MIN(rowid) FROM budget_quarter)",
     "tabel budget_quarter baris .*kolom target_fisik"),
    ("UPDATE budget_quarter SET item_id = 'tidak-ada' WHERE rowid = (SELECT MIN(rowid) FROM budget_quarter)",
     "tabel budget_quarter .*kolom item_id berisi 'tidak-ada' \\(tidak ada\\)"),
])
def test_a_damaged_quarter_row_is_refused_before_any_write(demo_path, tmp_path, statement, message):
    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(statement)
    conn.close()
    with pytest.raises(StoreError, match=message):
        WorkbookService.open(demo_path)  # an open that reads everything refuses it at once
    folder = tmp_path / "cadangan"
    with WorkbookService.open(demo_path, backup_dir=folder, check_later=True) as svc:
        before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
        assert all(not item.quarters for item in svc.wb.items.values())  # none shown, none half
        ind = svc.wb.iku_list()[0]
        with pytest.raises(InputError, match=message):
            svc.set(cells.realisasi(ind.id, svc.wb.settings.tahun), Decimal("1"))
        with pytest.raises(StoreError, match=message):
            plan_export(svc, xlsx=tmp_path / "laporan.xlsx")  # never a report without its quarters
        assert not (tmp_path / "laporan.xlsx").exists()
        with pytest.raises(StoreError, match=message):
            svc.check_integrity()  # the window closes the workbook with this message
        assert not list(folder.glob("*.lkip"))  # no backup of a damaged file either
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


def test_pending_quarters_behave_as_the_dict_they_wait_for(demo_path, eager):
    with WorkbookService.open(demo_path, check_later=True) as svc:
        items = [i for i in svc.wb.items.values() if eager[i.id]][:3]
        waiting = [i.__dict__["quarters"] for i in items]
        assert [len(q) for q in waiting] == [len(eager[i.id]) for i in items]
        assert [sorted(q) for q in waiting] == [sorted(eager[i.id]) for i in items]
        assert [dict(q.items()) for q in waiting] == [eager[i.id] for i in items]
        assert all(min(q) in q and 9 not in q and q.get(9, "x") == "x" for q in waiting)
        assert waiting[0] == eager[items[0].id] and repr(waiting[0]) == repr(eager[items[0].id])


def test_an_unexpected_failure_reading_them_is_told_and_leaves_no_item_waiting(demo_path, monkeypatch):
    from lkip_desktop.store import repository

    def broken(conn, items):
        raise MemoryError("uji")

    with WorkbookService.open(demo_path, check_later=True) as svc:
        monkeypatch.setattr(repository, "read_quarters", broken)
        assert all(len(item.quarters) == 0 for item in svc.wb.items.values())  # no traceback, no wait
        with pytest.raises(StoreError, match="tidak terbaca .*MemoryError"):
            svc.check_integrity()
