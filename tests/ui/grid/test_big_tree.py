"""A big tree grid (a 100x budget: 50,000 rows) opens at its first level, so the window is not
blocked laying out every row; going to a row by kode, by Find or after an edit opens the
way to it. The demo stands in for the big workbook with the limit lowered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lkip_desktop.ui.grid import view as view_module
from tests.ui.grid.grids import press, show_grid
from tests.ui.grid.test_find import CTRL, ENTER, _focus_grid, _visible_nodes


def _big(monkeypatch, demo_window):
    monkeypatch.setattr(view_module, "EXPAND_ALL_ROWS", 5)
    view, model = show_grid(demo_window, "anggaran")
    assert model.node_count() > 5
    return view, model


def test_a_big_tree_opens_at_its_first_level(qtbot, demo_window, monkeypatch):
    view, model = _big(monkeypatch, demo_window)
    shown = _visible_nodes(view)
    kinds = {n.kind for n in shown}
    assert kinds == {"program", "kegiatan"}  # kegiatan shown, their sub kegiatan folded
    assert all(view.isExpanded(model.index_of(n)) for n in shown if n.kind == "program")


def test_small_trees_open_whole(qtbot, demo_window):
    view, model = show_grid(demo_window, "anggaran")
    assert len(_visible_nodes(view)) == model.node_count()


def test_going_to_a_folded_row_opens_its_branch(qtbot, demo_window, monkeypatch):
    view, model = _big(monkeypatch, demo_window)
    _focus_grid(view)
    leaf = [n for n in model.iter_nodes() if n.kind == "sub_kegiatan"][-1]
    assert leaf not in _visible_nodes(view)
    press(qtbot, view, (Qt.Key.Key_G, CTRL), demo_window.context.wb.items[leaf.id].kode, ENTER)
    assert model.node(view.currentIndex()) is leaf and leaf in _visible_nodes(view)
    other = [n for n in model.iter_nodes() if n.kind == "sub_kegiatan" and n.parent is not leaf.parent][0]
    word = demo_window.context.wb.items[other.id].nama
    press(qtbot, view, (Qt.Key.Key_F, CTRL), word, ENTER)
    assert model.node(view.currentIndex()).kind == "sub_kegiatan"
    assert model.node(view.currentIndex()) in _visible_nodes(view)


def test_a_reset_keeps_a_big_tree_folded(qtbot, demo_window, monkeypatch):
    view, model = _big(monkeypatch, demo_window)
    model.reload()
    assert {n.kind for n in _visible_nodes(view)} == {"program", "kegiatan"}


def test_a_long_reviu_list_is_grouped_by_check_folded_and_still_jumps(qtbot, demo_window, monkeypatch):
    from lkip_desktop.domain import reviu
    from lkip_desktop.ui.tables import lists

    monkeypatch.setattr(view_module, "EXPAND_ALL_ROWS", 5)
    monkeypatch.setattr(lists, "GROUP_OVER", 1)
    page = demo_window.show_page("reviu")
    model, view = page.model, page.views[0]
    findings = model.findings
    codes = list(dict.fromkeys(f.code for f in findings))
    assert len(findings) > 5 and model.rowCount() == len(codes)  # one row per check
    assert _visible_nodes(view) == [model.node(model.index(r, 0)) for r in range(len(codes))]  # folded
    titles = {c.id: c.title for c in reviu.CHECKS}
    first = model.index(0, 0)
    assert model.index(0, 2).data() == titles[codes[0]]
    assert model.index(0, 1).data() == f"{sum(f.code == codes[0] for f in findings)} temuan"
    page._activate(first)  # a group row: no jump
    assert demo_window.current_page() is page
    leaf = model.index(0, 0, first)
    assert model.finding(model.node(leaf)) is findings[0]
    page._activate(leaf)
    assert demo_window.current_page() is not page  # the finding's cell is shown


def test_the_reviu_summary_says_the_list_is_grouped(qtbot, demo_window, monkeypatch):
    from lkip_desktop.ui.tables import lists

    monkeypatch.setattr(lists, "GROUP_OVER", 1)
    page = demo_window.show_page("reviu")
    assert "dikelompokkan per pemeriksaan" in page.summary.text()
    monkeypatch.setattr(lists, "GROUP_OVER", 10_000)
    page.refresh()
    assert "dikelompokkan" not in page.summary.text()
