"""Hostile files made from good ones: ``hostile_lkip(seed_bytes, rng, dest)`` and
``XlsxCorpus(seeds).make(rng, dest)`` write one mutated file and return what was done."""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
from pathlib import Path

HOSTILE_VALUES = ["abc", "", "2024_x", -1, 2**63 - 1, -(2**63), 1e308, float("nan"), None,
                  b"\xff\xfe", "x" * 200_000, "\x00\x07", "=HYPERLINK(\"http://x\")", "2024-02-30", 0.1]

PLANTS = [
    "CREATE TRIGGER t_evil AFTER INSERT ON prestasi BEGIN DELETE FROM prestasi; END",
    "CREATE VIEW v_evil AS SELECT 1",
    "CREATE INDEX i_evil ON prestasi(zeroblob(1000000))",
    "CREATE INDEX i_evil2 ON prestasi(uraian)",
    "CREATE TABLE t_evil(x)",
    "PRAGMA journal_mode=WAL",
    "PRAGMA user_version=99",
    "PRAGMA user_version=0",
    "DROP INDEX IF EXISTS {index}",
]


def _flip(data: bytearray, rng: random.Random) -> str:
    n = rng.choice([1, 1, 2, 4, 16])
    for _ in range(n):
        i = rng.randrange(len(data))
        data[i] = rng.randrange(256)
    return f"flip{n}"


def _sql(path: Path, rng: random.Random) -> str:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("PRAGMA synchronous=OFF")
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%'")]
        what = rng.choice(["value", "value", "value", "delete", "plant", "plant", "schema"])
        if what == "plant":
            plant = rng.choice(PLANTS)
            if "{index}" in plant:
                idx = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")]
                plant = plant.format(index=rng.choice(idx) if idx else "none")
            con.execute(plant)
            con.commit()
            return "plant:" + plant[:40]
        if what == "schema":
            con.execute("PRAGMA writable_schema=ON")
            name = rng.choice(tables)
            con.execute("UPDATE sqlite_master SET sql = replace(sql, ')', ', CHECK (0))') WHERE name=?", (name,))
            con.commit()
            return f"schema:{name}"
        table = rng.choice(tables)
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        rows = [r[0] for r in con.execute(f'SELECT rowid FROM "{table}"')]
        if not rows:
            return f"empty:{table}"
        rowid = rng.choice(rows)
        if what == "delete":
            con.execute(f'DELETE FROM "{table}" WHERE rowid=?', (rowid,))
            con.commit()
            return f"delete:{table}"
        col, value = rng.choice(cols), rng.choice(HOSTILE_VALUES)
        if rng.random() < 0.2:  # point a row at another row (cycles, orphans)
            value = rng.choice([r[0] for r in con.execute(f'SELECT "{col}" FROM "{table}" ORDER BY rowid')])
        try:
            con.execute(f'UPDATE "{table}" SET "{col}"=? WHERE rowid=?', (value, rowid))
            con.commit()
        except sqlite3.Error as exc:  # NOT NULL, UNIQUE... the file stays valid
            return f"value-refused-by-sqlite:{table}.{col}:{exc}"
        return f"value:{table}.{col}={str(value)[:20]!r}"
    finally:
        con.close()


def hostile_lkip(seed: bytes, rng: random.Random, dest: Path) -> str:
    what = rng.choice(["sql", "sql", "sql", "flip", "truncate", "wal"])
    data = bytearray(seed)
    if what == "flip":
        what = _flip(data, rng)
    elif what == "truncate":
        cut = rng.randrange(len(data))
        data = data[:cut]
        what = f"truncate{cut}"
    elif what == "wal":
        data[18:20] = b"\x02\x02"
    dest.write_bytes(bytes(data))
    if what == "sql":
        what = _sql(dest, rng)
    return what


# -- .xlsx --------------------------------------------------------------------------------

CELL_VALUES = ["=1/0", "=SUM(A1:A3)", '=HYPERLINK("http://x","y")', "abc", 10**30, -5, 1e308, "x" * 40_000,
               "1.000.000,5", "Rp 5", True, "2024-13-45", None, "", " "]


class XlsxCorpus:
    """Hostile .xlsx files from good ones. Each seed is parsed once: a cell mutation is made on
    the loaded book, saved, and undone; the zip-level damage depends on a few drawn choices
    only, so each distinct result is built once."""

    def __init__(self, seeds: list[bytes]):
        import openpyxl

        self.seeds = seeds
        self.books = [openpyxl.load_workbook(io.BytesIO(seed)) for seed in seeds]
        for book in self.books:  # openpyxl's first save adds a default attribute; every case is a later save
            book.save(io.BytesIO())
        self.zips: dict[tuple, bytes] = {}

    def make(self, rng: random.Random, dest: Path) -> str:
        k = rng.randrange(len(self.seeds))
        what = rng.choice(["cells", "cells", "cells", "zip", "flip", "truncate"])
        if what == "cells":
            data, what = self._cells(k, rng)
        elif what == "zip":
            data, what = self._zip(k, rng)
        else:
            data = bytearray(self.seeds[k])
            if what == "flip":
                what = _flip(data, rng)
            else:
                cut = rng.randrange(len(data))
                data, what = data[:cut], f"truncate{cut}"
        dest.write_bytes(bytes(data))
        return what

    def _cells(self, k: int, rng: random.Random) -> tuple[bytes, str]:
        book = self.books[k]
        ws = book.worksheets[rng.randrange(len(book.worksheets))]
        undo: dict[tuple[int, int], tuple | None] = {}  # cell -> its (value, type) before, None: new

        def put(r: int, c: int, value) -> str:
            if (r, c) not in undo:
                cell = ws._cells.get((r, c))
                undo[(r, c)] = None if cell is None else (cell._value, cell.data_type)
            ws.cell(r, c).value = value
            return ws.cell(r, c).coordinate

        done = []
        try:
            for _ in range(rng.choice([1, 2, 5])):
                r, c = rng.randint(1, max(ws.max_row, 2) + 1), rng.randint(1, max(ws.max_column, 2) + 1)
                value = rng.choice(CELL_VALUES)
                done.append(f"{put(r, c, value)}={str(value)[:12]!r}")
            if rng.random() < 0.1:
                put(rng.choice([1000, 19999, 20001]), 1, "jauh")
                done.append("far row")
            out = io.BytesIO()
            book.save(out)
        finally:
            for key, before in undo.items():
                if before is None:
                    del ws._cells[key]
                else:
                    ws._cells[key]._value, ws._cells[key].data_type = before
        return out.getvalue(), "cells:" + ",".join(done)

    def _zip(self, k: int, rng: random.Random) -> tuple[bytes, str]:
        names = zipfile.ZipFile(io.BytesIO(self.seeds[k])).namelist()
        what = rng.choice(["bomb", "xxe", "drop", "pad"])
        dropped = rng.choice(names) if what == "drop" else None
        pads = tuple(rng.choice([10**5, 10**6, 10**7]) for n in names
                     if n.startswith("xl/worksheets/")) if what == "pad" else ()
        bomb = rng.choice([10**6, 20 * 10**6, 60 * 10**6]) if what == "bomb" else 0
        key = (k, what, dropped, pads, bomb)
        if key not in self.zips:
            self.zips[key] = _zipped(self.seeds[k], what, dropped, list(pads), bomb)
        return self.zips[key], f"zip:{what}:{dropped or ''}{pads or ''}{bomb or ''}"


def _zipped(seed: bytes, what: str, dropped: str | None, pads: list[int], bomb: int) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(seed))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            data = src.read(name)
            if name == dropped:
                continue
            if name.startswith("xl/worksheets/") and what == "xxe":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
                                           b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', 1)
            if name.startswith("xl/worksheets/") and what == "pad":
                data = data.replace(b"</sheetData>", b" " * pads.pop(0) + b"</sheetData>", 1)
            z.writestr(name, data)
        if what == "bomb":
            z.writestr("xl/media/bom.bin", b"\0" * bomb)
    return out.getvalue()
