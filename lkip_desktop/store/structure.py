"""The whole ``sqlite_master`` of a file against the one its version must have.

The expected layout of version N is what the migrations 1..N make in a fresh in-memory
database, so a planted index, trigger or view, an edited CHECK (``writable_schema``) or an
extra column is told apart from our own tables by plain comparison of normalised SQL.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from .schema import MIGRATIONS

_SPACE = re.compile(r"\s+")

Entry = tuple[str, str, str, str]  # type, name, table, normalised sql


def _normal(sql: str | None) -> str:
    return _SPACE.sub(" ", sql or "").strip()


def entries(conn: sqlite3.Connection) -> dict[str, Entry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {name: (kind, name, table, _normal(sql)) for kind, name, table, sql in rows}


@lru_cache(maxsize=None)
def expected(version: int) -> dict[str, Entry]:
    conn = sqlite3.connect(":memory:")
    try:
        for step in range(1, version + 1):
            conn.executescript(MIGRATIONS[step])
        return entries(conn)
    finally:
        conn.close()


def problem(found: dict[str, Entry], version: int) -> tuple[str, str] | None:
    """None when ``found`` is exactly the layout of ``version``; else (what, detail):
    what is 'planted' (a trigger or view: SQL of the file's author), 'missing' (tables
    absent) or 'unknown' (anything else that differs)."""
    want = expected(version)
    planted = sorted(n for n, e in found.items() if e[0] in ("trigger", "view"))
    if planted:
        return "planted", ", ".join(planted[:3])
    missing = sorted(n for n, e in want.items() if e[0] == "table" and n not in found)
    if missing:
        return "missing", ", ".join(missing)
    for name in sorted(set(found) | set(want)):
        have, need = found.get(name), want.get(name)
        if have == need:
            continue
        if need is None:
            label = {"index": "indeks", "table": "tabel"}.get(have[0], have[0])
            return "unknown", f"{label} asing '{name}'"
        if have is None:
            return "unknown", f"indeks '{name}' tidak ada"
        return "unknown", _difference(name, have[3], need[3])
    return None


def _difference(name: str, have: str, need: str) -> str:
    columns = _columns(have) - _columns(need)
    if columns:
        return f"{name}.{sorted(columns)[0]}"
    return f"definisi '{name}' diubah"


def _columns(sql: str) -> set[str]:
    body = sql[sql.find("(") + 1:]
    return {part.strip().split(" ")[0] for part in body.split(",") if part.strip()}
