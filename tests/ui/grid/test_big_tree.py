"""A big tree grid (a 100x budget: 50,000 rows) opens at its first level, so the window is not
blocked laying out every row; going to a row by kode, by Find or after an edit opens the
way to it. The demo stands in for the big workbook with the limit lowered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lkip_desktop.ui.grid import view as view_module
from tests.ui.grid.grids import press, show_grid
from tests.ui.grid.test_find import CTRL, ENTER, _focus_grid, _visible_nodes


def _big(monkeypatch, demo_window, lazy: bool = False):
    from lkip_desktop.ui.tables import anggaran

    monkeypatch.setattr(view_module, "EXPAND_ALL_ROWS", 5)
    if lazy:
        monkeypatch.setattr(anggaran, "LAZY_ITEMS", 5)
    view, model = show_grid(demo_window, "anggaran")
    assert model.row_total() > 5
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
    assert model.rowCount(first) == 0 and model.hasChildren(first)  # its rows made when it is opened
    view.expand(first)
    leaf = model.index(0, 0, first)
    assert model.rowCount(first) == sum(f.code == codes[0] for f in findings)
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


def test_a_big_budget_tree_makes_a_kegiatans_rows_when_it_is_opened(qtbot, demo_window, monkeypatch):
    view, model = _big(monkeypatch, demo_window, lazy=True)
    wb = demo_window.context.wb
    made = {n.kind for n in model._nodes[1:]}
    assert made == {"program", "kegiatan"} and model.row_total() > len(model._nodes) - 1
    kegiatan = next(n for n in model._nodes[1:] if n.kind == "kegiatan" and wb.children(n.id))
    index = model.index_of(kegiatan)
    assert model.hasChildren(index) and model.rowCount(index) == 0  # an arrow, no rows yet
    view.expand(index)  # Qt asks fetchMore
    assert [n.id for n in kegiatan.children] == [i.id for i in wb.children(kegiatan.id)]
    assert model.rowCount(index) == len(kegiatan.children) and model.index(0, 1, index).data()
    assert not model.canFetchMore(index)


def test_finding_and_jumping_reach_rows_not_made_yet(qtbot, demo_window, monkeypatch):
    view, model = _big(monkeypatch, demo_window, lazy=True)
    _focus_grid(view)
    wb = demo_window.context.wb
    leaf = [i for i in wb.items.values() if i.level == "sub_kegiatan"][-1]
    press(qtbot, view, (Qt.Key.Key_G, CTRL), leaf.kode, ENTER)
    node = model.node(view.currentIndex())
    assert node.id == leaf.id and node in _visible_nodes(view)
    assert not model._later  # a search over the whole grid made every row


def test_an_edit_of_a_row_not_made_yet_still_updates_its_parents(qtbot, demo_window, monkeypatch):
    from lkip_desktop.edits import cells

    view, model = _big(monkeypatch, demo_window, lazy=True)
    wb = demo_window.context.wb
    leaf = next(i for i in wb.items.values() if i.level == "sub_kegiatan")
    kegiatan = model.made(("item", leaf.parent_id))
    assert model.made(("item", leaf.id)) is None and kegiatan is not None
    col = next(c for c, k in enumerate(model.columns) if k.header.startswith("Pagu murni"))
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(model.node(a)))
    before = model.index_of(kegiatan, col).data()
    demo_window.context.set_cell(cells.item(leaf.id, "pagu_murni"), (leaf.pagu_murni or 0) + 123_456_789)
    assert kegiatan in changed and model.index_of(kegiatan, col).data() != before
    assert model.made(("item", leaf.id)) is None  # nothing was made for it
