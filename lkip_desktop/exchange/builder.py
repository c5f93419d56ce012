"""One way to build a new workbook's rows: ops collected in order (profile cells, then rows
parents first), then written in one transaction by ``WorkbookService.create_from``.

Carry-over copies last year's objects with it, the reference loader and the benchmark
generator describe rows with it; none of them writes a file any other way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..domain import model as M
from ..store.ops import CellRef, InsertOp, Op, SetOp
from ..store.schema import TABLES
from ..store.service import WorkbookService

ONE_ROW_KEY = (1,)  # the key of the one-row tables (opd, settings)


class NewWorkbook:
    """The ops that fill a fresh workbook; ``write`` creates the file from them."""

    def __init__(self, new_id: Callable[[], str] | None = None):
        self.ops: list[Op] = []
        self.counts: dict[str, int] = {}  # rows inserted per table
        self._new_id = new_id or M.new_id  # a seeded generator makes the ids repeatable

    def set(self, table: str, field: str, value: Any, key: tuple = ONE_ROW_KEY) -> None:
        """One cell: a field of opd/settings, or a keyed row such as a narasi text."""
        self.ops.append(SetOp(CellRef(table, key, field), value))

    def insert(self, table: str, **row) -> str | None:
        """A new row; a row keyed by id gets a new id unless one is given. Returns the id."""
        if TABLES[table].key == ("id",):
            row.setdefault("id", self._new_id())
        self.ops.append(InsertOp(table, row))
        self.counts[table] = self.counts.get(table, 0) + 1
        return row.get("id")

    def copy(self, obj, table: str, **changes) -> str | None:
        """A domain object's row as it is (same id and key), with ``changes`` applied."""
        t = TABLES[table]
        row = {c: getattr(obj, c) for c in list(t.key) + list(t.fields)}
        row.update(changes)
        return self.insert(table, **row)

    def rows(self, table: str) -> list[dict]:
        return [op.row for op in self.ops if isinstance(op, InsertOp) and op.table == table]

    def write(self, path: Path | str, label: str, *, tahun: int, renstra_awal: int,
              renstra_akhir: int) -> WorkbookService:
        """Create ``path`` filled with the ops (all or nothing) and return it open."""
        return WorkbookService.create_from(path, self.ops, label, tahun=tahun, renstra_awal=renstra_awal,
                                           renstra_akhir=renstra_akhir)
