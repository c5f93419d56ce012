"""Spreadsheet-like grids: a list of column specs over a tree of row nodes becomes one Qt
item model, shown in a view that has the keys users know from Excel.

The model adds no rules: every figure comes from ``context.calc``, every edit goes through
``context.apply`` / ``set_text`` (one undo step each), and a ``Changes`` record becomes
``dataChanged`` for exactly the cells that can differ (structure changes reset the model).

Nodes are owned by the model (a list indexed by ``uid``): ``createIndex`` carries the uid as
an integer, never a Python object, so no index can outlive or leak its node.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QToolTip,
    QTreeView,
)

from ..domain.errors import InputError
from ..store.changes import Changes
from ..store.ops import CellRef, SetOp

log = logging.getLogger(__name__)

READONLY_BG = QColor("#f3f4f6")
GROUP_BG = QColor("#e8eef7")


# -- nodes and columns ----------------------------------------------------------------------

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


# -- the model ------------------------------------------------------------------------------

class GridModel(QAbstractItemModel):
    """Subclasses set ``structure_tables`` and implement ``make_columns`` and ``build``."""

    structure_tables: frozenset = frozenset()
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
        self.columns = self.make_columns()
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
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        p = self.node(parent)
        if row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row].uid)

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

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.uid)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        node = self.node(index)
        try:
            if col.check is not None and col.check(node) is not None:
                f |= Qt.ItemFlag.ItemIsUserCheckable
            elif self.cell_ref(index) is not None:
                f |= Qt.ItemFlag.ItemIsEditable
        except Exception:  # noqa: BLE001 - a stale row must not crash the view
            log.exception("flags")
        return f

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

    def _data(self, index: QModelIndex, role: int):
        node = self.node(index)
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.check is not None:
                return None
            return col.text(node)
        if role == Qt.ItemDataRole.EditRole:
            if col.edit is not None:
                return col.edit(node)
            t = col.text(node)
            return "" if t in (None, "-") else t
        if role == Qt.ItemDataRole.CheckStateRole and col.check is not None:
            state = col.check(node)
            if state is None:
                return None
            return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col.color is not None:
                c = col.color(node)
                if c:
                    return QBrush(QColor(c))
            if self.is_group(node):
                return QBrush(GROUP_BG)
            if col.ref is not None and col.check is None and self.cell_ref(index) is None and col.derived:
                return QBrush(READONLY_BG)
            if col.ref is None and col.derived and col.check is None:
                return QBrush(READONLY_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.color is not None and col.color(node):
                return QBrush(QColor("#111111"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if self.is_group(node):
                f = QFont()
                f.setBold(True)
                return f
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
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
        if ch.everything or (ch.structure & self.structure_tables):
            self.reload()
            return
        cells = set(ch.cells)
        hits: dict[int, set] = {}  # uid -> reasons ("cell" or derived kinds)

        def hit(key, reason):
            for n in self._by_dep.get(key, ()):
                hits.setdefault(n.uid, set()).add(reason)

        for ref in cells:
            hit(ref_dep(ref), "cell")
        for ind in ch.indicators:
            hit(("indicator", ind), "indicator")
        if ch.budget:
            items = set()
            for ref in ch.cells:
                if ref.table in ("budget_item", "budget_quarter"):
                    items.add(ref.key[0])
            for op in ch.ops:
                table = getattr(op, "table", None)
                if table == "dukungan":
                    key = op.key if hasattr(op, "key") else (op.row["indicator_id"], op.row["item_id"])
                    items.add(key[1])
            for item_id in list(items):
                if item_id in self.wb.items:
                    items.update(a.id for a in self.wb.ancestors(item_id))
            for item_id in items:
                hit(("budget_item", item_id), "budget")
                for ind in self.wb.indicators_supported_by(item_id) if item_id in self.wb.items else ():
                    hit(("indicator", ind.id), "budget")
            if items:
                hit(("opd_budget", None), "budget")
        extra = self.extra_hits(ch)
        for key, reason in extra:
            hit(key, reason)
        for uid, reasons in hits.items():
            node = self._nodes[uid]
            cols = []
            for c, col in enumerate(self.columns):
                if ("cell" in reasons and col.ref is not None and col.ref(node) in cells) or (col.derived & reasons):
                    cols.append(c)
                elif "any" in reasons:
                    cols.append(c)
            self._emit_runs(node, cols)
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

    # lookup for jumps (Reviu) and history
    def find(self, dep: tuple) -> Node | None:
        nodes = self._by_dep.get(dep)
        return nodes[0] if nodes else None

    def column_for(self, node: Node, ref: CellRef) -> int | None:
        for c, col in enumerate(self.columns):
            if col.ref is not None and col.ref(node) == ref:
                return c
        return None

    def iter_nodes(self):
        return iter(self._nodes[1:])


# -- editing delegate -----------------------------------------------------------------------

class GridDelegate(QStyledItemDelegate):
    """A line edit (or a combo for choices); text is checked by the service's parser before
    the editor closes, so bad input is shown at the cell and nothing is stored."""

    def __init__(self, view: "GridView"):
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):
        model = index.model()
        col = model.column_of(index)
        if col.choices:
            box = QComboBox(parent)
            box.addItems(list(col.choices))
            box.setProperty("grid_index", QPersistentModelIndex(index))
            return box
        edit = QLineEdit(parent)
        edit.setFrame(False)
        if col.numeric:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setProperty("grid_index", QPersistentModelIndex(index))
        return edit

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            i = editor.findText(str(text))
            editor.setCurrentIndex(max(i, 0))
        else:
            editor.setText(str(text))

    def setModelData(self, editor, model, index):
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        if text == current:
            return
        err = model.validate(index, text)
        if err:
            self.view.show_error(index, err)
            return
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        # Enter/Tab with bad text: keep the editor open and say why, at the cell.
        if event.type() == event.Type.KeyPress and isinstance(editor, QLineEdit):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                pidx = editor.property("grid_index")
                if pidx is not None and pidx.isValid():
                    index = pidx.model().index(pidx.row(), pidx.column(), pidx.parent())
                    text = editor.text()
                    if text != (index.data(Qt.ItemDataRole.EditRole) or ""):
                        err = index.model().validate(index, text)
                        if err:
                            self.view.show_error(index, err)
                            return True
            if event.key() == Qt.Key.Key_Escape:
                QToolTip.hideText()
        return super().eventFilter(editor, event)


# -- the view -------------------------------------------------------------------------------

def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/LibreOffice put it on the clipboard (quoted cells may hold
    tabs/newlines). A final empty line is dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_start = True
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 2
                    continue
                quoted = False
            else:
                cell.append(ch)
            i += 1
            continue
        if ch == '"' and at_start:
            quoted = True
            at_start = False
        elif ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
            at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in '\t\n"') else s

    return "\n".join("\t".join(q(c) for c in r) for r in rows) + "\n"


class GridView(QTreeView):
    """A tree view that edits like a spreadsheet: typing replaces, F2 edits, Enter moves
    down, Tab right, Delete clears, Ctrl+C/Ctrl+V copy and paste tab-separated blocks,
    Ctrl+D fills down. Each paste/clear/fill is one ``context.apply`` = one undo step."""

    message = Signal(str)  # Indonesian, for the status bar
    current_ref = Signal(object)  # CellRef | None of the current cell (history page)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.setAllColumnsShowFocus(False)
        self.setItemDelegate(GridDelegate(self))
        self.header().setStretchLastSection(False)
        self.header().setSectionsMovable(False)
        self.header().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setIndentation(max(self.fontMetrics().averageCharWidth() * 2, 12))

    def setModel(self, model) -> None:
        super().setModel(model)
        if model is None:
            return
        self.apply_widths()
        model.modelReset.connect(self._after_reset)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def apply_widths(self) -> None:
        """Widths in characters of the current font (so they follow 100–200 % scaling); a
        header is never narrower than its longest line."""
        model = self.model()
        fm = self.fontMetrics()
        hfm = self.header().fontMetrics()
        avg = max(fm.averageCharWidth(), 5)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._base_widths = []
        for c, col in enumerate(model.columns):
            head = max((hfm.horizontalAdvance(line) for line in col.header.split("\n")), default=0) + 14
            w = max(int(col.width * avg) + 12, head)
            if c == 0 and self.rootIsDecorated():
                w += self.indentation() * 2
            self._base_widths.append(w)
            self.header().resizeSection(c, w)
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        model = self.model()
        widths = getattr(self, "_base_widths", None)
        if model is None or not widths or len(widths) != len(model.columns):
            return
        stretch = [c for c, col in enumerate(model.columns) if col.stretch and not self.isColumnHidden(c)]
        if not stretch:
            return
        used = sum(self.header().sectionSize(c) for c in range(len(widths))
                   if c not in stretch and not self.isColumnHidden(c))
        spare = self.viewport().width() - used - 2
        for c in stretch:
            self.header().resizeSection(c, max(widths[c], spare // len(stretch)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stretch()

    def _after_reset(self) -> None:
        self.expandAll()

    def _current_changed(self, current, _previous) -> None:
        model = self.model()
        ref = model.cell_ref(current) if current.isValid() else None
        if ref is None and current.isValid():
            col = model.column_of(current)
            ref = col.ref(model.node(current)) if col.ref is not None else None
        self.current_ref.emit(ref)

    # messages at the cell
    def show_error(self, index: QModelIndex, text: str) -> None:
        rect = self.visualRect(index)
        pos = self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom()))
        QToolTip.showText(pos, text, self.viewport(), rect, 6000)
        self.message.emit(text)

    # keys
    def keyPressEvent(self, event) -> None:
        key = event.key()
        mods = event.modifiers()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            self.fill_down()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_cells()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self._move(1 if not mods & Qt.KeyboardModifier.ShiftModifier else -1)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        QToolTip.hideText()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            # Enter: commit and go down, as in a spreadsheet.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move(1)
            return
        super().closeEditor(editor, hint)

    def _move(self, step: int) -> None:
        cur = self.currentIndex()
        if not cur.isValid():
            return
        target = self.indexBelow(cur) if step > 0 else self.indexAbove(cur)
        if target.isValid():
            target = target.sibling(target.row(), cur.column())
            self.setCurrentIndex(target)

    # selection helpers
    def visual_rows(self) -> list[QModelIndex]:
        """Column-0 indexes of every visible row, top to bottom."""
        out = []
        idx = self.model().index(0, 0) if self.model().rowCount() else QModelIndex()
        while idx.isValid():
            out.append(idx)
            idx = self.indexBelow(idx)
        return out

    def selected_block(self) -> tuple[list[QModelIndex], list[int]]:
        """(rows as column-0 indexes in visual order, sorted columns) covering the selection."""
        sel = self.selectionModel().selectedIndexes()
        if not sel:
            cur = self.currentIndex()
            sel = [cur] if cur.isValid() else []
        if not sel:
            return [], []
        cols = sorted({i.column() for i in sel})
        keys = {(i.internalId()) for i in sel}
        rows = [r for r in self.visual_rows() if r.internalId() in keys]
        return rows, cols

    def copy(self) -> None:
        rows, cols = self.selected_block()
        if not rows:
            return
        model = self.model()
        out = []
        for r in rows:
            line = []
            for c in cols:
                idx = r.sibling(r.row(), c)
                col = model.column_of(idx)
                if col.check is not None:
                    st = col.check(model.node(idx))
                    line.append("" if st is None else ("ya" if st else "tidak"))
                else:
                    t = idx.data(Qt.ItemDataRole.DisplayRole)
                    line.append("" if t in (None, "-") else str(t))
            out.append(line)
        QGuiApplication.clipboard().setText(to_tsv(out))
        self.message.emit(f"{len(rows)} × {len(cols)} sel disalin.")

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell (or fill the selection with one
        value). Every cell is checked first; one bad cell refuses the whole block."""
        text = QGuiApplication.clipboard().text() if text is None else text
        block = parse_tsv(text or "")
        if not block:
            return False
        model = self.model()
        cur = self.currentIndex()
        if not cur.isValid():
            self.message.emit("Pilih sel tujuan terlebih dahulu.")
            return False
        rows_all = self.visual_rows()
        keys = [r.internalId() for r in rows_all]
        sel_rows, sel_cols = self.selected_block()
        if len(block) == 1 and len(block[0]) == 1 and len(sel_rows) * len(sel_cols) > 1:
            # One value over a selection: fill it.
            block = [[block[0][0]] * len(sel_cols) for _ in sel_rows]
            start_row = keys.index(sel_rows[0].internalId())
            start_col = sel_cols[0]
        else:
            start_row = keys.index(cur.sibling(cur.row(), 0).internalId())
            start_col = cur.column()
        ops, errors, skipped = [], [], 0
        for i, line in enumerate(block):
            if start_row + i >= len(rows_all):
                errors.append(f"Blok yang ditempel lebih panjang ({len(block)} baris) daripada tabel.")
                break
            r = rows_all[start_row + i]
            for j, value in enumerate(line):
                c = start_col + j
                if c >= model.columnCount():
                    errors.append(f"Blok yang ditempel lebih lebar ({len(line)} kolom) daripada tabel.")
                    break
                idx = r.sibling(r.row(), c)
                col = model.column_of(idx)
                ref = model.cell_ref(idx)
                if ref is None:
                    shown = idx.data(Qt.ItemDataRole.DisplayRole)
                    if value.strip() in ("", "-") or value.strip() == (shown or ""):
                        skipped += 1
                        continue
                    errors.append(f"Baris {start_row + i + 1}, kolom {col.header.replace(chr(10), ' ')}: "
                                  "sel ini tidak dapat diubah.")
                    continue
                try:
                    ops.append(SetOp(ref, parse_cell(model.context, ref, value)))
                except InputError as exc:
                    errors.append(f"Baris {start_row + i + 1}, kolom {col.header.replace(chr(10), ' ')}: {exc}")
            if errors and len(errors) > 5:
                break
        if errors:
            msg = "Tempel dibatalkan, tidak ada yang disimpan. " + " ".join(errors[:3])
            self.show_error(cur, msg)
            return False
        if not ops:
            return False
        ch = model.context.apply(ops, f"Tempel {len(block)} × {max(len(x) for x in block)} sel")
        if ch is None:
            return False
        # Select what was pasted, as spreadsheets do.
        first = rows_all[start_row].sibling(rows_all[start_row].row(), start_col)
        last_row = rows_all[min(start_row + len(block), len(rows_all)) - 1]
        last = last_row.sibling(last_row.row(), min(start_col + max(len(x) for x in block), model.columnCount()) - 1)
        self.selectionModel().select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.message.emit(f"{len(ops)} sel ditempel." + (f" {skipped} sel baca-saja dilewati." if skipped else ""))
        return True

    def clear_cells(self) -> bool:
        rows, cols = self.selected_block()
        model = self.model()
        ops = []
        for r in rows:
            for c in cols:
                idx = r.sibling(r.row(), c)
                ref = model.cell_ref(idx)
                if ref is None:
                    continue
                try:
                    value = parse_cell(model.context, ref, "")
                except InputError:
                    continue  # a required choice cannot be emptied: leave it
                if model.context.service.get(ref) != value:
                    ops.append(SetOp(ref, value))
        if not ops:
            return False
        return model.context.apply(ops, f"Kosongkan {len(ops)} sel") is not None

    def fill_down(self) -> bool:
        rows, cols = self.selected_block()
        if len(rows) < 2:
            self.message.emit("Pilih beberapa baris (baris teratas diisikan ke bawah).")
            return False
        model = self.model()
        ops, errors = [], []
        for c in cols:
            top = rows[0].sibling(rows[0].row(), c)
            text = top.data(Qt.ItemDataRole.EditRole) or ""
            for r in rows[1:]:
                idx = r.sibling(r.row(), c)
                ref = model.cell_ref(idx)
                if ref is None:
                    continue
                try:
                    ops.append(SetOp(ref, parse_cell(model.context, ref, text)))
                except InputError as exc:
                    errors.append(str(exc))
        if errors:
            self.show_error(self.currentIndex(), "Isi ke bawah dibatalkan: " + errors[0])
            return False
        if not ops:
            return False
        return model.context.apply(ops, "Isi ke bawah") is not None

    def select_cell(self, node: Node, column: int) -> None:
        idx = self.model().index_of(node, column)
        parent = idx.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(idx)
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus()
