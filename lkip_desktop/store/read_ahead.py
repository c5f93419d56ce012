"""A read-only open's second connection, in a thread of its own, beside the load.

SQLite's part of reading a table (the scan that builds its column arrays, ``table_read``)
and its check of every page run with the interpreter lock released, so they overlap the
load's Python part (decoding, checking, making objects): at 100x about 0.25 s of SQLite
work leaves the load's thread. Only a read-only open has one: a writer holds the file's
exclusive lock, and no second connection may read it.

The thread reads its tables in a few statements, one per batch (each wait for the
interpreter lock costs a thread up to 5 ms while the load runs Python, so a statement per
table would make it fall behind). A batch that fails is not the thread's to report: the
load reads those tables again itself, on its own connection, and meets the same error
where it is reported today.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import examine
from .errors import StoreError
from .table_read import column_arrays_sql


class ReadAhead:
    """``arrays(table)`` for the load; ``finish()`` waits for the page check and raises
    its StoreError (a damaged page)."""

    def __init__(self, path: Path, name: str, batches: tuple[tuple[str, ...], ...]):
        self._error: StoreError | None = None
        self._stop = False
        self._arrays: dict[str, tuple] = {}
        self._done = {t: threading.Event() for batch in batches for t in batch}
        # Connected and the statements made here: in the thread each step would wait for the lock.
        self._conn = examine.open_checked(path, name, readonly=True)
        try:
            work = [self._statement(batch) for batch in batches]
        except Exception:  # noqa: BLE001 - the load reads every table itself and reports what it finds
            work = []
            for done in self._done.values():
                done.set()
        thread: threading.Thread | None = threading.Thread(target=self._run, args=(name, work), name="cek-halaman",
                                                           daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: the pages are checked here, the load reads every table
            thread = None
            self._run(name, [])
        self._thread = thread

    def arrays(self, table: str) -> tuple | None:
        """What ``column_arrays`` gives for ``table``, read ahead; None: read it yourself."""
        done = self._done.get(table)
        if done is None:
            return None
        done.wait()
        return self._arrays.pop(table, None)

    def finish(self) -> None:
        """Wait for the thread; StoreError when a page is damaged."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """The load was given up: no further batch, no page check; wait for the thread."""
        self._stop = True
        if self._thread is not None:
            self._thread.join()

    def _statement(self, batch: tuple[str, ...]) -> tuple[list[tuple[str, list[str]]], str]:
        """The tables' column arrays as one row: (blob count, arrays) of each in turn."""
        parts = [column_arrays_sql(self._conn, table) for table in batch]
        sql = "SELECT * FROM " + " CROSS JOIN ".join(f"({select})" for _, select in parts)
        return [(table, names) for table, (names, _) in zip(batch, parts)], sql

    def _run(self, name: str, work: list) -> None:
        conn = self._conn
        try:
            for tables, sql in work:
                if not self._stop:
                    self._read(conn, tables, sql)
                for table, _ in tables:
                    self._done[table].set()
            if not self._stop:
                examine.check_integrity(conn, name)
        except StoreError as exc:
            self._error = exc
        except Exception as exc:  # noqa: BLE001 - told by ``finish``, never lost in the thread
            self._error = StoreError(f"'{name}' tidak dapat diperiksa ({type(exc).__name__}: {exc}).")
        finally:
            conn.close()
            for done in self._done.values():
                done.set()

    def _read(self, conn: sqlite3.Connection, tables: list[tuple[str, list[str]]], sql: str) -> None:
        try:
            row = conn.execute(sql).fetchone()
        except Exception:  # noqa: BLE001 - the load reads these tables again and reports what it finds
            return
        at = 0
        for table, names in tables:
            self._arrays[table] = (names, row[at:at + 1 + len(names)])
            at += 1 + len(names)
