"""A painted cell asks for all its roles in one ``multiData`` call: what it gets must be
exactly what ``data()`` says role by role, in every grid, for every cell shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from tests.ui.grid.grids import GRIDS, show_grid

R = Qt.ItemDataRole
ROLES = [R.DisplayRole, R.EditRole, R.CheckStateRole, R.TextAlignmentRole, R.BackgroundRole,
         R.ForegroundRole, R.FontRole, R.ToolTipRole, R.DecorationRole, R.SizeHintRole]


def _one(model, index, role):
    rd = QModelRoleData(int(role))
    model.multiData(index, QModelRoleDataSpan(rd))
    return rd.data()


def _cells(model, parent=None, depth=0):
    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        for c in range(model.columnCount(parent)):
            yield model.index(r, c, parent)
        if depth < 2:
            yield from _cells(model, model.index(r, 0, parent), depth + 1)


def _plain(v):
    """Colours and brushes by colour, enums by value: what a paint uses."""
    if isinstance(v, QBrush):
        return ("colour", v.color().name())
    if isinstance(v, QColor):
        return ("colour", v.name())
    return getattr(v, "value", v)


def _same(a, b) -> bool:
    return _plain(a) == _plain(b)


@pytest.mark.parametrize("name", GRIDS)
def test_multi_data_is_data_role_by_role(demo_window, name):
    view, model = show_grid(demo_window, name)
    seen = 0
    for index in _cells(model):
        for role in ROLES:
            want, got = model.data(index, role), _one(model, index, role)
            assert _same(want, got), (name, index.row(), index.column(), role, want, got)
        seen += 1
    assert seen >= 4  # the komponen grid of one IKU has 2 rows x 2 columns


def test_the_delegate_paints_what_data_says(demo_window):
    """The real path: QStyledItemDelegate.initStyleOption asks multiData for seven roles."""
    delegate = QStyledItemDelegate()
    checked = shaded = 0
    budget = show_grid(demo_window, "anggaran")[1]
    links = demo_window.show_page("dukungan").model  # IKU check boxes per budget row
    for index in [*_cells(budget), *_cells(links)]:
        model = index.model()
        opt = QStyleOptionViewItem()
        delegate.initStyleOption(opt, index)
        assert opt.text == (model.data(index, R.DisplayRole) or "")
        bg = model.data(index, R.BackgroundRole)
        if bg is not None:
            assert opt.backgroundBrush.color().name() == bg.name()  # a QColor paints as a brush
            shaded += 1
        state = model.data(index, R.CheckStateRole)
        if state is not None:
            assert _plain(opt.checkState) == _plain(state)
            checked += 1
        align = model.data(index, R.TextAlignmentRole)
        assert _plain(opt.displayAlignment) == _plain(align)
    assert shaded and checked  # the sample has read-only figures and check boxes


def test_a_bad_index_gives_empty_roles(demo_window):
    view, model = show_grid(demo_window, "realisasi")
    assert _one(model, QModelIndex(), R.DisplayRole) is None
    bad = model.createIndex(0, 999, 0)  # a column the grid does not have
    assert _one(model, bad, R.DisplayRole) is None
