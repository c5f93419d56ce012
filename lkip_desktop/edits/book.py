"""What a verb needs from whoever applies it: the service, or the GUI's undoable context."""

from __future__ import annotations

from typing import Any, Protocol

from ..domain.compute import Calculator
from ..domain.model import Workbook
from ..store.changes import Changes
from ..store.ops import CellRef, Op


class Book(Protocol):
    wb: Workbook
    calc: Calculator

    def parse(self, ref: CellRef, text: str | None) -> Any: ...

    def apply(self, ops: list[Op], label: str) -> Changes | None: ...
