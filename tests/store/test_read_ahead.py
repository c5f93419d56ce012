"""A read-only open reads its big tables on a second connection in a thread while the load
works (``read_ahead``). The workbook it gives must be the one a writer's open gives (which
reads every table itself), a damaged row must be refused with the same words, and an open
given up or refused leaves no thread and no lock behind."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
import threading

import pytest

from bench.generate import generate
from lkip_desktop.store import read_ahead, table_read
from lkip_desktop.store.errors import StoreError
from lkip_desktop.store.repository import LoadCancelled
from lkip_desktop.store.schema import READ_AHEAD
from lkip_desktop.store.service import WorkbookService

from ..reports.shapes import Shape, build


def _contents(wb) -> dict:
    """Every loaded row of a workbook, quarters made, as plain data."""
    for item in list(wb.items.values())[:1]:
        item.quarters.get(1)  # the first use makes every item's quarters
    out = {}
    for name, value in vars(wb).items():
        if name.startswith("_"):
            continue
        if isinstance(value, dict):
            out[name] = {k: dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for k, v in value.items()}
        elif dataclasses.is_dataclass(value):
            out[name] = dataclasses.asdict(value)
        else:
            out[name] = value
    return out


def _read_ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cek-halaman"]


@pytest.fixture
def given_ahead(monkeypatch) -> set:
    """The tables the load took from the thread, and read itself: ("self", table)."""
    got, arrays, columns, rows = set(), read_ahead.ReadAhead.arrays, table_read.column_arrays, table_read._rows

    def from_thread(self, table):
        found = arrays(self, table)
        if found is not None:
            got.add(table)
        return found

    def read_here(read):
        def reading(conn, table, *args):
            got.add(("self", table))
            return read(conn, table, *args)
        return reading

    monkeypatch.setattr(read_ahead.ReadAhead, "arrays", from_thread)
    monkeypatch.setattr(table_read, "column_arrays", read_here(columns))
    monkeypatch.setattr(table_read, "_rows", read_here(rows))
    return got


def _workbooks(tmp_path, demo_path):
    yield demo_path
    generate(tmp_path / "gen.lkip", 0.3, 7)
    yield tmp_path / "gen.lkip"
    for n, shape in enumerate([Shape(n_iku=1, budget=False, pk=False), Shape(n_iku=12, predikat=True),
                               Shape(n_iku=5, negative=True)]):
        path = tmp_path / f"shape{n}.lkip"
        build(path, shape, text=lambda field: "Ünïcödé ☃ \u202e" + field * 400).close()
        yield path


def test_a_read_only_open_gives_the_workbook_a_writer_s_open_gives(tmp_path, demo_path, given_ahead):
    for path in _workbooks(tmp_path, demo_path):
        given_ahead.clear()
        with WorkbookService.open(path, readonly=True) as svc:
            ahead = _contents(svc.wb)
        ahead_tables = {t for batch in READ_AHEAD for t in batch}
        assert {t for t in given_ahead if isinstance(t, str)} == ahead_tables, path.name
        assert not {t for _, t in given_ahead - ahead_tables} & ahead_tables  # none read again
        with WorkbookService.open(path) as svc:
            assert svc.db.read_ahead is None
            assert _contents(svc.wb) == ahead, path.name
        assert not _read_ahead_threads()


DAMAGE = {
    "a BLOB in a quarter": ("UPDATE budget_quarter SET target_fisik = X'00ff' WHERE rowid = "
                           "(SELECT max(rowid) FROM budget_quarter)"),
    "text in a quarter's rupiah": ("UPDATE budget_quarter SET realisasi_keuangan = 'banyak' WHERE rowid = "
                                   "(SELECT max(rowid) FROM budget_quarter)"),
    "a value that is not UTF-8": ("UPDATE indicator_value SET nilai = CAST(X'41ff42' AS TEXT) WHERE rowid = "
                                  "(SELECT max(rowid) FROM indicator_value)"),
    "an infinity": ("UPDATE indicator_value SET nilai = 1e999 WHERE rowid = "
                    "(SELECT max(rowid) FROM indicator_value)"),
    "a link to no indicator": "INSERT INTO dukungan SELECT 'tidak-ada', id FROM budget_item LIMIT 1",
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_row_in_a_table_read_ahead_is_refused_as_a_writer_refuses_it(tmp_path, demo_path, damage):
    path = tmp_path / "rusak.lkip"
    shutil.copy(demo_path, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(DAMAGE[damage])
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as read_only:
        WorkbookService.open(path, readonly=True)
    assert not _read_ahead_threads()
    with pytest.raises(StoreError) as writer:
        WorkbookService.open(path)
    assert str(read_only.value) == str(writer.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_open_given_up_stops_the_thread_and_leaves_the_file_free(demo_path):
    with pytest.raises(LoadCancelled):
        WorkbookService.open(demo_path, readonly=True, progress=lambda done, total: done < 3)
    assert not _read_ahead_threads()
    with WorkbookService.open(demo_path) as svc:  # a writer takes the file at once: no read lock left
        assert svc.wb.items


def test_a_batch_the_thread_cannot_read_is_read_by_the_load(demo_path, monkeypatch, given_ahead):
    with WorkbookService.open(demo_path) as svc:
        want = _contents(svc.wb)
    monkeypatch.setattr(read_ahead.ReadAhead, "_read", lambda self, conn, tables, sql: None)  # as if it failed
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert _contents(svc.wb) == want
    assert ("self", "budget_quarter") in given_ahead and "budget_quarter" not in given_ahead


def test_without_a_thread_to_be_had_the_open_reads_and_checks_everything_itself(demo_path, monkeypatch, given_ahead):
    with WorkbookService.open(demo_path) as svc:
        want = _contents(svc.wb)
    start = threading.Thread.start

    def refused(thread):
        if thread.name == "cek-halaman":
            raise RuntimeError("can't start new thread")
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", refused)
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert _contents(svc.wb) == want
    assert not {t for t in given_ahead if isinstance(t, str)}  # every table read by the load
