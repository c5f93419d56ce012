"""The open workbook's connection: a plain ``sqlite3`` connection and its transaction
(``atomic``: BEGIN … COMMIT, ROLLBACK on any error; nested blocks use savepoints), and the
page check a read-only open runs beside its load (``pages_checked``)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import count
from typing import Iterator

_savepoints = count(1)


class Database:
    """The connection of one workbook file (its writes go through ``atomic``)."""

    def __init__(self, conn: sqlite3.Connection, page_check=None):
        self.conn = conn
        self.page_check = page_check  # SQLite's check of every page, still running (a read-only open's)

    def pages_checked(self) -> None:
        """Wait for the page check the open began; StoreError when the file is damaged."""
        check, self.page_check = self.page_check, None
        if check is not None:
            check.finish()

    @contextmanager
    def atomic(self) -> Iterator["Database"]:
        conn = self.conn
        if conn.in_transaction:
            name = f"lkip_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # an error such as a full disk may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
