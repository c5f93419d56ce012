"""Row nodes and column specs of a grid: what a row names, what a column shows and edits,
and how user text becomes a stored value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ...store.ops import CellRef


class Node:
    """One row. ``kind`` + ``id`` name the workbook object; ``deps`` the keys whose changes
    may alter the row (("indicator", id), ("budget_item", id), (table, id))."""

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
    header: str
    text: Callable[[Node], str | None]
    ref: Callable[[Node], CellRef | None] | None = None  # editable cell of this row, or None
    edit: Callable[[Node], str] | None = None  # text put in the editor (default: text)
    numeric: bool = False
    derived: frozenset = frozenset()  # {"indicator", "budget"}: recomputed values shown here
    tooltip: Callable[[Node], str | None] | None = None
    color: Callable[[Node], str | None] | None = None  # background colour (#rrggbb)
    choices: tuple[str, ...] = ()
    check: Callable[[Node], bool | None] | None = None  # checkbox column: state or None
    toggle: Callable[[Node, bool], None] | None = None
    width: int = 10  # in average characters
    stretch: bool = False  # takes the width left over in the view
    header_tip: str = ""
    label: str = ""  # undo label of an edit in this column


def parse_cell(service_or_context, ref: CellRef, text: str):
    """User text -> value for ``ref`` (the context's parser: empty clears a value cell)."""
    return service_or_context.parse(ref, text)


def ref_dep(ref: CellRef) -> tuple:
    """The row key a stored cell belongs to."""
    t = ref.table
    if t in ("indicator", "indicator_value", "komponen"):
        return ("indicator", ref.key[0])
    if t in ("budget_item", "budget_quarter"):
        return ("budget_item", ref.key[0])
    return (t, ref.key[0] if ref.key else None)
