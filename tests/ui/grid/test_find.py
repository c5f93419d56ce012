"""Find (Ctrl+F, Enter / F3 / Shift+F3), filter (tree rows keep their ancestors), go to kode
(Ctrl+G) and remembered column widths, by key presses in the real grids."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lkip_desktop.ui.grid.view import GridView
from lkip_desktop.ui.grid.widths import saved
from tests.ui.grid.grids import GRIDS, press, show_grid

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ENTER, ESC, F3 = Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_F3


def _focus_grid(view):
    view.window().activateWindow()
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    QApplication.processEvents()


def _leaf(model):
    return next(n for n in model.iter_nodes() if n.kind == "sub_kegiatan")


def _visible_nodes(view):
    out, idx = [], view.model().index(0, 0)
    while idx.isValid():
        out.append(view.model().node(idx))
        idx = view.indexBelow(idx)
    return out


@pytest.mark.parametrize("name", GRIDS)
def test_ctrl_f_opens_the_bar_in_every_grid(qtbot, demo_window, name):
    view, model = show_grid(demo_window, name)
    _focus_grid(view)
    press(qtbot, view, (Qt.Key.Key_F, CTRL))
    bar = view.find_bar()
    assert bar.isVisible() and QApplication.focusWidget() is bar.find_edit
    press(qtbot, view, ESC)
    assert not bar.isVisible()


def test_find_jumps_forward_and_back(qtbot, demo_window):
    view, model = show_grid(demo_window, "anggaran")
    _focus_grid(view)
    leaves = [n for n in model.iter_nodes() if n.kind == "sub_kegiatan"]
    word = "penyediaan"
    hits = [n for n in model.iter_nodes()
            if any(word in str(model.index_of(n, c).data() or "").casefold() for c in range(len(model.columns)))]
    assert len(hits) >= 2 and leaves
    press(qtbot, view, (Qt.Key.Key_F, CTRL), word, ENTER)
    first = view.currentIndex()
    assert word in first.data().casefold()
    press(qtbot, view, F3)
    second = view.currentIndex()
    assert second != first and word in second.data().casefold()
    press(qtbot, view, (F3, SHIFT))
    assert view.currentIndex() == first
    press(qtbot, view, "zzzz-tidak-ada", ENTER)
    assert view.currentIndex() == first  # no match: the cursor stays


def test_filter_hides_rows_and_keeps_ancestors(qtbot, demo_window):
    view, model = show_grid(demo_window, "anggaran")
    _focus_grid(view)
    leaf = _leaf(model)
    press(qtbot, view, (Qt.Key.Key_F, CTRL))
    bar = view.find_bar()
    bar.filter_edit.setFocus()
    press(qtbot, view, leaf.obj.nama if leaf.obj is not None else demo_window.context.wb.items[leaf.id].nama)
    shown = _visible_nodes(view)
    assert leaf in shown
    anc = leaf.parent
    while anc is not None and anc.kind != "root":
        assert anc in shown, anc.kind  # the path to the match stays visible
        anc = anc.parent
    assert len(shown) < len(list(model.iter_nodes()))
    press(qtbot, view, ESC)
    assert len(_visible_nodes(view)) == len(list(model.iter_nodes()))


def test_ctrl_g_goes_to_a_kode(qtbot, demo_window):
    view, model = show_grid(demo_window, "anggaran")
    _focus_grid(view)
    leaf = [n for n in model.iter_nodes() if n.kind == "sub_kegiatan"][-1]
    kode = demo_window.context.wb.items[leaf.id].kode
    press(qtbot, view, (Qt.Key.Key_G, CTRL), kode, ENTER)
    assert model.node(view.currentIndex()) is leaf
    assert QApplication.focusWidget() is view


def test_dragged_width_is_remembered_per_grid(qtbot, demo_window):
    view, model = show_grid(demo_window, "realisasi")
    col = next(c for c, k in enumerate(model.columns) if k.header == "Satuan")
    view.header().resizeSection(col, 211)
    QTest.mouseRelease(view.header().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert saved(model)["Satuan"] == 211
    other = GridView()
    qtbot.addWidget(other)
    other.setModel(type(model)(demo_window.context))
    assert other.header().sectionSize(col) == 211
