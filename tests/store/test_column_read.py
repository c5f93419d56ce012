"""The open reads each table as columns through SQLite's JSON arrays: it must hand over
exactly what a row-by-row read gives (same types, same values, same order), and anything
JSON cannot carry exactly (a BLOB, text that is not UTF-8) must take the row-by-row read."""

from __future__ import annotations

import math
import sqlite3
from operator import itemgetter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.store import table_read
from lkip_desktop.store.schema import TABLES
from lkip_desktop.store.service import WorkbookService

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),  # SQLite stores NaN as NULL
    st.text(),  # control characters, NUL, quotes, backslashes, emoji …
    st.sampled_from(["", "0", "-0", "1e5", "[1]", '"x"', "null", "\\u0000", "\u2028", "é" * 300]),
)


def _row_by_row(conn, table: str) -> list[list]:
    rows = conn.execute(f"SELECT * FROM [{table}]").fetchall()
    width = len(conn.execute(f"SELECT * FROM [{table}] LIMIT 0").description)
    return [list(map(itemgetter(i), rows)) for i in range(width)]


def _same(got: list[list], want: list[list]) -> None:
    assert len(got) == len(want)
    for g_col, w_col in zip(got, want):
        assert len(g_col) == len(w_col)
        for g, w in zip(g_col, w_col):
            assert type(g) is type(w), (g, w)
            if isinstance(w, float):
                # JSON writes a REAL to 15 digits (the largest ones become inf): the open
                # refuses every REAL, so only the value a message shows may differ
                assert g == w or math.isclose(g, w, rel_tol=1e-14) or math.isinf(g), (g, w)
            else:
                assert g == w, (g, w)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(VALUES, VALUES, VALUES), max_size=12))
def test_columns_through_json_are_what_a_row_read_gives(rows):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a TEXT, b INTEGER, c)")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    want = _row_by_row(conn, "t")
    for count_blobs in (False, True):
        names, got = table_read.read_columns(conn, "t", count_blobs=count_blobs)
        assert names == ["a", "b", "c"]
        _same(got, want)


@pytest.mark.parametrize("count_blobs", [False, True])
def test_a_blob_takes_the_row_read_and_stays_bytes(count_blobs):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a TEXT, b)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [("x", b"\x13abc"), ("y", b""), (None, b'"json"')])
    names, got = table_read.read_columns(conn, "t", count_blobs=count_blobs)
    assert got == [["x", "y", None], [b"\x13abc", b"", b'"json"']]
    assert [type(v) for v in got[1]] == [bytes, bytes, bytes]


def test_every_table_of_the_demo_reads_the_same_both_ways(demo_path):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        conn = svc.db.conn
        for table in TABLES:
            names, got = table_read.read_columns(conn, table)
            _same(got, _row_by_row(conn, table))
            assert len(names) == len(got)


def test_an_infinity_json_cannot_write_takes_the_row_read():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a)")
    conn.executemany("INSERT INTO t VALUES (?)", [(1,), (float("inf"),), (float("-inf"),)])
    assert table_read.read_columns(conn, "t") == (["a"], [[1, float("inf"), float("-inf")]])
