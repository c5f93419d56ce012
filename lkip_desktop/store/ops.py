"""The operations every write is made of.

A change is a list of ops (``SetOp`` one cell, ``InsertOp`` one row, ``DeleteOp`` one row
and what hangs off it) given to ``WorkbookService.apply``, which returns ``store.changes.Changes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple, Union


class CellRef(NamedTuple):
    """One stored cell: table, key of its row, column. A named tuple, not a dataclass: grids
    make one per painted or changed cell and look them up in sets (half the cost to build,
    a third to hash)."""
    table: str
    key: tuple
    field: str


@dataclass(frozen=True)
class SetOp:
    """Set one cell (None clears it)."""
    ref: CellRef
    value: Any


@dataclass(frozen=True)
class InsertOp:
    """Add one row (Python values, key columns included)."""
    table: str
    row: dict  # Python values, key fields included

    def __hash__(self):  # rows are dicts; identity is enough for ops
        return id(self)


@dataclass(frozen=True)
class DeleteOp:
    """Remove one row and what hangs off it."""
    table: str
    key: tuple


Op = Union[SetOp, InsertOp, DeleteOp]


