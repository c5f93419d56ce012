"""The open workbook's connection: a plain ``sqlite3`` connection and its transaction
(``atomic``: BEGIN … COMMIT, ROLLBACK on any error; nested blocks use savepoints), and the
second connection a read-only open reads and checks the pages with beside its load
(``read_ahead``, ``pages_checked``)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import count
from typing import Iterator

_savepoints = count(1)


class Database:
    """The connection of one workbook file (its writes go through ``atomic``)."""

    def __init__(self, conn: sqlite3.Connection, read_ahead=None):
        self.conn = conn
        self.read_ahead = read_ahead  # a read-only open's ``ReadAhead``, until its page check passed

    def pages_checked(self) -> None:
        """Wait for the page check the open began; StoreError when the file is damaged."""
        ahead, self.read_ahead = self.read_ahead, None
        if ahead is not None:
            ahead.finish()

    def close(self) -> None:
        """Close the connection; a read-ahead still running (a load given up) stops first:
        its connection holds a read lock on the file."""
        ahead, self.read_ahead = self.read_ahead, None
        if ahead is not None:
            ahead.stop()
        self.conn.close()

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
