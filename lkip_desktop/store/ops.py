"""The operations every write is made of.

A change is a list of ops (``SetOp`` one cell, ``InsertOp`` one row, ``DeleteOp`` one row
and what hangs off it) given to ``WorkbookService.apply``, which returns ``store.changes.Changes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union


@dataclass(frozen=True)
class CellRef:
    """One stored cell: table, key of its row, column."""
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


