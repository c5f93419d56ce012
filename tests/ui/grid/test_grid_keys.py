"""Spreadsheet keys in every grid, by real key presses: Tab / Shift+Tab right / left to the
next editable cell (wrapping rows), Enter down, Esc cancels, typing replaces, Ctrl+Tab leaves."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from lkip_desktop.edits import cells
from tests.ui.grid.grids import GRIDS, editable_runs, press, sample_text, show_grid
from tests.ui.helpers import column

TAB, BACKTAB, ENTER, ESC = Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Escape
EDIT = Qt.ItemDataRole.EditRole


def _start(view, index) -> None:
    view.window().activateWindow()
    view.setFocus()
    view.setCurrentIndex(index)
    QApplication.processEvents()


def test_issue_sequence_goes_right_on_realisasi(qtbot, demo_window):
    """From IKU-1 TW I: 11 Tab 22 Tab 33 Enter fills TW I, II, III of IKU-1 (not IKU-2, IKU-3)."""
    win = demo_window
    page = win.show_page("realisasi")
    view, model = page.view, page.model
    tw1 = column(model, "Realisasi TW I")
    _start(view, model.index(0, tw1))
    press(qtbot, view, "11", TAB, "22", TAB, "33", ENTER)
    svc, tahun = win.context.service, win.context.wb.settings.tahun
    iku = win.context.wb.iku_list()
    got = [[svc.get(cells.realisasi(iku[r].id, tahun, tw)) for tw in (1, 2, 3)] for r in range(3)]
    assert got[0] == [Decimal(11), Decimal(22), Decimal(33)]
    assert got[1][0] is None and got[2][0] is None
    # Enter went down in the column of the last cell typed
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, column(model, "Realisasi TW III"))


@pytest.mark.parametrize("name", GRIDS)
def test_tab_and_enter_land_in_the_intended_cells(qtbot, demo_window, name):
    view, model = show_grid(demo_window, name)
    runs = editable_runs(view, model)
    assert runs, f"{name}: no editable cell"
    node, cols = max(runs, key=lambda r: len(r[1]))
    cols = cols[:3]
    _start(view, model.index_of(node, cols[0]))
    keys, expected = [], {}
    refs = {c: model.columns[c].ref(node) for c in cols}
    for i, c in enumerate(cols):
        text = sample_text(model, model.index_of(node, c), i + 1)
        expected[c] = text
        keys += [text, TAB if i < len(cols) - 1 else ENTER]
    press(qtbot, view, *keys)
    ctx = demo_window.context
    if name == "komponen":  # the name is the komponen's key: its value moved with it
        new_name = expected.pop(cols[0])
        renamed = next(n for n in model.iter_nodes() if n.id == new_name)
        refs = {c: model.columns[c].ref(renamed) for c in cols}
    for c, text in expected.items():
        ref = refs[c]
        assert ctx.service.get(ref) == ctx.parse(ref, text), (name, model.columns[c].header)
    assert not [e for e in view.findChildren(QLineEdit) if e.isVisible()], "Enter left an editor open"


@pytest.mark.parametrize("name", GRIDS)
def test_tab_wraps_to_the_next_row_and_shift_tab_comes_back(qtbot, demo_window, name):
    view, model = show_grid(demo_window, name)
    runs = [(n, cols) for n, cols in editable_runs(view, model)]
    if len(runs) < 2:
        pytest.skip(f"{name}: one editable row")
    # the editable cells in reading order, as a user sees them
    order = [(n.uid, c) for n, cols in runs for c in cols]
    (first, cols), (second, cols2) = runs[0], runs[1]
    _start(view, model.index_of(first, cols[-1]))
    press(qtbot, view, TAB)
    cur = view.currentIndex()
    assert (model.node(cur).uid, cur.column()) == order[len(cols)]
    press(qtbot, view, BACKTAB)
    cur = view.currentIndex()
    assert (model.node(cur).uid, cur.column()) == (first.uid, cols[-1])


def test_last_cell_tab_does_not_reopen_and_esc_cancels(qtbot, demo_window):
    win = demo_window
    page = win.show_page("realisasi")
    view, model = page.view, page.model
    tw4 = column(model, "Realisasi TW IV")
    last = model.rowCount() - 1
    runs = editable_runs(view, model)
    last_col = runs[-1][1][-1]
    _start(view, model.index(last, last_col))
    press(qtbot, view, "5", TAB)
    assert view.currentIndex() == model.index(last, last_col)
    assert not [e for e in view.findChildren(QLineEdit) if e.isVisible()], "Tab reopened the cell"
    # the next figure typed replaces, it does not append
    press(qtbot, view, "6", ENTER)
    assert model.data(model.index(last, last_col), EDIT) == "6"
    # Esc cancels an edit
    _start(view, model.index(0, tw4))
    before = model.data(model.index(0, tw4), EDIT)
    press(qtbot, view, "99", ESC)
    assert model.data(model.index(0, tw4), EDIT) == before
    assert view.currentIndex() == model.index(0, tw4)


def test_typing_replaces_and_keeps_the_first_key(qtbot, demo_window):
    page = demo_window.show_page("renstra")
    view, model = page.view, page.model
    node, cols = editable_runs(view, model)[0]
    uraian = cols[-1]
    _start(view, model.index_of(node, uraian))
    press(qtbot, view, "Tujuan baru", TAB)
    assert model.data(model.index_of(node, uraian), EDIT) == "Tujuan baru"


def test_ctrl_tab_leaves_the_grid(qtbot, demo_window):
    page = demo_window.show_page("realisasi")
    view, model = page.view, page.model
    tw1 = column(model, "Realisasi TW I")
    _start(view, model.index(0, tw1))
    press(qtbot, view, (TAB, Qt.KeyboardModifier.ControlModifier))
    assert not view.hasFocus() and view.currentIndex().column() == tw1
    # from an open editor: the figure is kept, focus leaves
    _start(view, model.index(0, tw1))
    press(qtbot, view, "12", (TAB, Qt.KeyboardModifier.ControlModifier))
    assert model.data(model.index(0, tw1), EDIT) == "12"
    assert not view.hasFocus() and not view.isAncestorOf(QApplication.focusWidget())


def test_focus_ring_on_the_current_cell(qtbot, demo_window):
    page = demo_window.show_page("realisasi")
    view, model = page.view, page.model
    tw1 = column(model, "Realisasi TW I")
    _start(view, model.index(0, tw1))
    img = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(0, tw1))
    from lkip_desktop.ui.grid.view import RING

    edge = img.pixelColor(rect.center().x(), rect.top() + 1)
    assert edge.name() == RING.name()
