"""The whole ``sqlite_master`` of a file against the one its version must have.

The expected layout of version N is what the migrations 1..N make in a fresh in-memory
database, so a planted index, trigger or view, an edited CHECK (``writable_schema``) or an
extra column is told apart from our own tables by plain comparison of normalised SQL. The
current version's is kept written out in ``layout.py`` (making it took ~4 ms of every start);
a test keeps the two equal, ``layout_source`` writes the file again after a migration.
"""

from __future__ import annotations

import re
import sqlite3
import textwrap
from functools import lru_cache

from . import layout
from .schema import MIGRATIONS

_SPACE = re.compile(r"\s+")

Entry = tuple[str, str, str, str]  # type, name, table, normalised sql


def _normal(sql: str | None) -> str:
    return _SPACE.sub(" ", sql or "").strip()


def entries(conn: sqlite3.Connection) -> dict[str, Entry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {name: (kind, name, table, _normal(sql)) for kind, name, table, sql in rows}


def expected(version: int) -> dict[str, Entry]:
    return layout.ENTRIES if version == layout.VERSION else made(version)


@lru_cache(maxsize=None)
def made(version: int) -> dict[str, Entry]:
    """The layout the migrations 1..``version`` make in a scratch database."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in range(1, version + 1):
            conn.executescript(MIGRATIONS[step])
        return entries(conn)
    finally:
        conn.close()


def layout_source(version: int) -> str:
    """The text of ``layout.py`` for ``version`` (``python -c "from lkip_desktop.store.structure
    import layout_source as s; print(s(N), end='')" > lkip_desktop/store/layout.py``)."""
    lines = [f'"""{_LAYOUT_DOC}"""', "", f"VERSION = {version}", "", "ENTRIES = {"]
    for name, entry in sorted(made(version).items()):
        sql = entry[3]
        parts = textwrap.wrap(sql, 80, drop_whitespace=False, break_on_hyphens=False) or [""]
        lines.append(f"    {name!r}: ({entry[0]!r}, {entry[1]!r}, {entry[2]!r},")
        lines.extend(f"        {p!r}" for p in parts[:-1])
        lines.append(f"        {parts[-1]!r}),")
    lines.append("}")
    return "\n".join(lines) + "\n"


_LAYOUT_DOC = ("The sqlite_master of a workbook of the current format, normalised (``structure``): written\n"
               "out by ``structure.layout_source`` so an open does not make it in a scratch database.\n"
               "Generated; tests/store/test_database.py keeps it equal to what the migrations make.")


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
