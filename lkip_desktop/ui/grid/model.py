"""The grid model: a list of column specs over a tree of row nodes becomes one Qt item model.

The model adds no rules: every figure comes from ``context.calc``, every edit goes through
an edit verb run by the context (one undo step each), and the ``Changes`` record, which
names the affected figures (``domain.effects``), becomes ``dataChanged`` for exactly the
cells that show them (rows added, removed or moved reset the model).

Nodes are owned by the model (a list indexed by ``uid``): ``createIndex`` carries the uid as
an integer, never a Python object, so no index can outlive or leak its node.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ...domain.errors import InputError
from ...store.changes import Changes
from ...store.ops import CellRef
from ...domain import effects as E
from .cell_look import (
    ALIGN, ALIGN_NUMBER, ALIGN_TEXT, BACKGROUND, CELL, CELL_CHECKABLE, CELL_EDITABLE, CHECK, COLORED_TEXT, DISPLAY,
    EDIT, FONT, FOREGROUND, GROUP_BG, READONLY_BG, TOOLTIP,
)
from .columns import Column, Node, parse_cell, row_key
from .lazy_rows import LazyRows


log = logging.getLogger(__name__)


class GridModel(LazyRows, QAbstractItemModel):
    """Subclasses set ``reshaped_by`` (the kinds of rows whose adding, removing or moving
    rebuilds the grid) and implement ``make_columns`` and ``build``."""

    reshaped_by: frozenset = frozenset()
    fold_depth = 0  # a big grid opens expanded to this depth (-1: all folded), GridView.expand_default
    message = Signal(str)  # a refused edit, for the page/status bar

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.columns: list[Column] = []
        self._nodes: list[Node] = []
        self._by_dep: dict[tuple, list[Node]] = {}
        self.root = Node("root", None, None, 0)
        self._rebuild()
        context.changed.connect(self.on_changed)

    # building
    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def build(self) -> None:
        raise NotImplementedError

    def add(self, parent: Node | None, kind: str, id: Any, deps: tuple = (), obj: Any = None) -> Node:
        parent = parent or self.root
        node = Node(kind, id, parent, len(self._nodes), obj)
        node.row = len(parent.children)
        node.deps = deps
        parent.children.append(node)
        self._nodes.append(node)
        for d in deps:
            self._by_dep.setdefault(d, []).append(node)
        return node

    def _rebuild(self) -> None:
        self.root = Node("root", None, None, 0)
        self._nodes = [self.root]
        self._by_dep = {}
        self._later = {}
        self.columns = self.make_columns()
        # the columns a change can reach, by how: an edited cell, a recomputed figure
        self._ref_cols = [(c, col) for c, col in enumerate(self.columns) if col.ref is not None]
        self._derived_cols = [(c, col) for c, col in enumerate(self.columns) if col.derived]
        self.build()

    def reload(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    @property
    def wb(self):
        return self.context.wb

    @property
    def calc(self):
        return self.context.calc

    # Qt model interface
    def node(self, index: QModelIndex) -> Node:
        if not index.isValid():
            return self.root
        return self._nodes[index.internalId()]

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        # hasIndex() would call back into rowCount() and columnCount(): the same checks inline
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = self._nodes[parent.internalId()].children
        else:
            children = self.root.children
        if not (0 <= row < len(children) and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column, children[row].uid)

    def sibling(self, row: int, column: int, index: QModelIndex) -> QModelIndex:
        # a painted row asks for each column's index this way: one call, not index() + parent()
        if row == index.row() and index.isValid() and 0 <= column < len(self.columns):
            return self.createIndex(row, column, index.internalId())
        return super().sibling(row, column, index)

    def parent(self, index: QModelIndex = None) -> QModelIndex:  # noqa: D401 - Qt signature
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        node = self._nodes[index.internalId()]
        p = node.parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p.uid)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(self.columns)

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.uid)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        node = self.node(index)
        try:
            if col.check is not None and col.check(node) is not None:
                return CELL_CHECKABLE
            if self.cell_ref(index) is not None:
                return CELL_EDITABLE
        except Exception:  # noqa: BLE001 - a stale row must not crash the view
            log.exception("flags")
        return CELL

    def cell_ref(self, index: QModelIndex) -> CellRef | None:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        if col.ref is None or self.context.service.readonly:
            return None
        return col.ref(self.node(index))

    def column_of(self, index: QModelIndex) -> Column:
        return self.columns[index.column()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        try:
            return self._data(index, role)
        except Exception:  # noqa: BLE001 - data() must never raise (PySide re-raises)
            log.exception("data(%s, %s)", index.row(), index.column())
            return None

    def multiData(self, index: QModelIndex, span) -> None:
        """Every role a painted cell asks for in one call: Qt's delegate asks seven, each a
        call from C++ into Python through ``data()`` otherwise."""
        try:
            if not index.isValid():
                raise IndexError("invalid index")
            node, col = self.node(index), self.columns[index.column()]
            for rd in span:
                value = self._role_value(node, col, index, rd.role())
                if value is None:
                    rd.clearData()
                else:
                    rd.setData(value)
        except Exception:  # noqa: BLE001 - like data(): a bad row shows empty, never raises
            if index.isValid():
                log.exception("multiData(%s, %s)", index.row(), index.column())
            for rd in span:
                rd.clearData()

    def _data(self, index: QModelIndex, role: int):
        return self._role_value(self.node(index), self.columns[index.column()], index, role)

    def _role_value(self, node: Node, col: Column, index: QModelIndex, role: int):
        if role == DISPLAY:
            if col.check is not None:
                return None
            return col.text(node)
        if role == ALIGN:
            return ALIGN_NUMBER if col.numeric else ALIGN_TEXT
        if role == BACKGROUND:
            if col.color is not None:
                c = col.color(node)
                if c:
                    return QColor(c)
            if self.is_group(node):
                return GROUP_BG
            if col.ref is not None and col.check is None and self.cell_ref(index) is None and col.derived:
                return READONLY_BG
            if col.ref is None and col.derived and col.check is None:
                return READONLY_BG
            return None
        if role == FOREGROUND:
            if col.color is not None and col.color(node):
                return COLORED_TEXT
            return None
        if role == FONT:
            if self.is_group(node):
                f = QFont()
                f.setBold(True)
                return f
            return None
        if role == EDIT:
            if col.edit is not None:
                return col.edit(node)
            t = col.text(node)
            return "" if t in (None, "-") else t
        if role == CHECK and col.check is not None:
            state = col.check(node)
            if state is None:
                return None
            return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked
        if role == TOOLTIP:
            if col.tooltip is not None:
                return col.tooltip(node)
            return None
        return None

    def is_group(self, node: Node) -> bool:
        return False

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.header_tip or col.header.replace("\n", " ")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.stretch:  # shrunk on a narrow window, its header reads from the left
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        col = self.columns[index.column()]
        node = self.node(index)
        if role == Qt.ItemDataRole.CheckStateRole and col.toggle is not None:
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            col.toggle(node, on)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        ref = self.cell_ref(index)
        if ref is None:
            return False
        text = "" if value is None else str(value)
        # Unchanged text: nothing to store (no empty undo step, no audit row).
        if text == (self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return True
        try:
            parsed = parse_cell(self.context, ref, text)
        except InputError as exc:
            self.context.failed.emit(str(exc))
            return False
        label = col.label or f"Ubah {col.header.replace(chr(10), ' ')}"
        return self.context.set_cell(ref, parsed, label) is not None

    def validate(self, index: QModelIndex, text: str) -> str | None:
        """The Indonesian message for text that cannot be stored in this cell, else None."""
        ref = self.cell_ref(index)
        if ref is None:
            return "Sel ini tidak dapat diubah (dihitung otomatis)."
        try:
            parse_cell(self.context, ref, text)
        except InputError as exc:
            return str(exc)
        return None

    # changes -> exact dataChanged
    def on_changed(self, ch: Changes) -> None:
        if ch.everything or (ch.reshaped & self.reshaped_by):
            self.reload()
            return
        cells = set(ch.cells)
        hits: dict[int, set] = {}  # uid -> reasons ("cell" or derived kinds)

        def hit(key, reason):
            for n in self._by_dep.get(key, ()):
                hits.setdefault(n.uid, set()).add(reason)

        affected = ch.affected
        for ref in cells:
            hit(row_key(ref), "cell")
        for ind in affected.indicators:
            hit((E.INDICATOR, ind), "indicator")
        for ind in affected.iku_budget:
            hit((E.INDICATOR, ind), "budget")
        for item_id in affected.quarter_items:  # includes ``items``
            hit((E.ITEM, item_id), "budget")
        if affected.opd_budget:
            hit(("opd_budget", None), "budget")
        for t in ch.touches:
            if t.rows:  # a stored row came or went (an undone first value): no cell names it
                hit((E.ITEM if t.kind == E.ITEM_QUARTER else t.kind, t.id), "any")
        for key, reason in self.extra_hits(ch):
            hit(key, reason)
        # Only indicator values written (no field, komponen, row or convention): a derived
        # column that names its inputs is repainted only where one of them was written. A
        # change that names no cell at all repaints as before.
        values_only = bool(cells) and all(ref.table == "indicator_value" for ref in cells)
        for uid, reasons in hits.items():
            node = self._nodes[uid]
            if "any" in reasons:
                self._emit_runs(node, list(range(len(self.columns))))
                continue
            cols = {c for c, col in self._ref_cols if col.ref(node) in cells} if "cell" in reasons else set()
            for c, col in self._derived_cols:
                if c not in cols and not col.derived.isdisjoint(reasons) and not (
                        values_only and col.inputs is not None and cells.isdisjoint(col.inputs(node))):
                    cols.add(c)
            self._emit_runs(node, sorted(cols))
        self.after_changed(ch)

    def extra_hits(self, ch: Changes) -> list[tuple]:
        return []

    def after_changed(self, ch: Changes) -> None:
        pass

    def _emit_runs(self, node: Node, cols: list[int]) -> None:
        if not cols:
            return
        start = prev = cols[0]
        for c in cols[1:] + [None]:
            if c is not None and c == prev + 1:
                prev = c
                continue
            self.dataChanged.emit(self.index_of(node, start), self.index_of(node, prev))
            if c is not None:
                start = prev = c

    def successor(self, kind: str, ident: Any) -> Any:
        """The id a row has after a rebuild (a renamed row's new id); the view keeps its cursor on it."""
        return ident

    # lookup for jumps (Reviu) and history
    def find(self, dep: tuple) -> Node | None:
        """The row of ``dep``, made first if its branch was waiting."""
        node = self.made(dep)
        if node is None and self._later:
            self.build_all()
            node = self.made(dep)
        return node

    def made(self, dep: tuple) -> Node | None:
        """The row of ``dep`` if it is made (a change to a row not made yet shows nowhere)."""
        nodes = self._by_dep.get(dep)
        return nodes[0] if nodes else None

    def column_for(self, node: Node, ref: CellRef) -> int | None:
        for c, col in enumerate(self.columns):
            if col.ref is not None and col.ref(node) == ref:
                return c
        return None

    def iter_nodes(self):
        self.build_all()
        return iter(self._nodes[1:])

    def node_count(self) -> int:
        return len(self._nodes) - 1
