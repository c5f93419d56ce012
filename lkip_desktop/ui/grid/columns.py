"""Row nodes and column specs of a grid: what a row names, what a column shows and edits,
and how user text becomes a stored value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ...domain import effects as E
from ...edits import cells
from ...store.ops import CellRef


class Node:
    """One row. ``kind`` + ``id`` name the workbook object; ``deps`` the row keys whose
    changes may alter the row: ("indicator", id), ("item", id), ("tujuan", id), ..."""

    __slots__ = ("kind", "id", "parent", "children", "row", "uid", "deps", "obj")

    def __init__(self, kind: str, id: Any, parent: "Node | None", uid: int, obj: Any = None):
        self.kind = kind
        self.id = id
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.uid = uid
        self.deps: tuple = ()
        self.obj = obj


@dataclass
class Column:
    """One column of a grid: its header and how a row shows and edits it."""
    header: str
    text: Callable[[Node], str | None]
    ref: Callable[[Node], CellRef | None] | None = None  # editable cell of this row, or None
    edit: Callable[[Node], str] | None = None  # text put in the editor (default: text)
    numeric: bool = False
    derived: frozenset = frozenset()  # {"indicator", "budget"}: recomputed values shown here
    # The stored cells of its row a derived value is read from, besides the indicator's own
    # fields and the conventions: a change that wrote only other value cells leaves it as it is.
    inputs: Callable[[Node], tuple[CellRef, ...]] | None = None
    tooltip: Callable[[Node], str | None] | None = None
    color: Callable[[Node], str | None] | None = None  # background colour (#rrggbb)
    choices: tuple[str, ...] = ()
    check: Callable[[Node], bool | None] | None = None  # checkbox column: state or None
    toggle: Callable[[Node, bool], None] | None = None
    width: int = 10  # in average characters
    stretch: bool = False  # takes the width left over in the view
    header_tip: str = ""
    label: str = ""  # undo label of an edit in this column
    group: str = ""  # columns a page shows or hides together ("rencana_aksi")


def parse_cell(service_or_context, ref: CellRef, text: str):
    """User text -> value for ``ref`` (the context's parser: empty clears a value cell)."""
    return service_or_context.parse(ref, text)


def row_key(ref: CellRef) -> tuple:
    """The row key of the workbook thing a cell belongs to (a quarter's row is its item's)."""
    kind, ident = cells.owner(ref)
    return (E.ITEM if kind == E.ITEM_QUARTER else kind, ident)
