"""The operations every write is made of, and the record of what one write changed.

A change is a list of ops (``SetOp`` one cell, ``InsertOp`` one row, ``DeleteOp`` one row
and what hangs off it) given to ``WorkbookService.apply``, which returns ``Changes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union


@dataclass(frozen=True)
class CellRef:
    table: str
    key: tuple
    field: str


@dataclass(frozen=True)
class SetOp:
    ref: CellRef
    value: Any


@dataclass(frozen=True)
class InsertOp:
    table: str
    row: dict  # Python values, key fields included

    def __hash__(self):  # rows are dicts; identity is enough for ops
        return id(self)


@dataclass(frozen=True)
class DeleteOp:
    table: str
    key: tuple


Op = Union[SetOp, InsertOp, DeleteOp]


@dataclass
class Changes:
    label: str
    ops: list[Op] = field(default_factory=list)
    inverse: list[Op] = field(default_factory=list)
    cells: list[CellRef] = field(default_factory=list)
    structure: set[str] = field(default_factory=set)  # tables whose rows were added/removed/moved
    indicators: set[str] = field(default_factory=set)  # results that may have changed
    budget: bool = False  # budget totals, serapan, efisiensi may have changed
    everything: bool = False  # settings changed: every derived figure

    @property
    def empty(self) -> bool:
        return not self.ops
