"""Row actions: Naik/Turun (Ctrl+Shift+Up/Down), Tambah/Hapus by keyboard, and a question
before deleting a row that takes others with it."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from lkip_desktop.store.ops import InsertOp
from lkip_desktop.ui.pages import anggaran, renstra


def _keys(qtbot, widget, seq: str):
    # A window shortcut only fires in the active window; under load activation can lag.
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    ks = QKeySequence(seq)[0]
    qtbot.keyClick(widget, ks.key(), ks.keyboardModifiers())


def test_move_budget_item_down_and_up_by_keyboard(qtbot, demo_window):
    page = demo_window.show_page("anggaran")
    wb = demo_window.context.wb
    first, second = wb.children(None)[:2]
    page.view.select_cell(page.model.find(("item", first.id)), 1)
    _keys(qtbot, page.view, "Ctrl+Shift+Down")
    assert [p.id for p in wb.children(None)[:2]] == [second.id, first.id]
    assert page.model.node(page.view.currentIndex()).id == first.id  # the moved row stays selected
    assert demo_window.context.undo_stack.undoText() == "Turunkan program"
    _keys(qtbot, page.view, "Ctrl+Shift+Up")
    assert [p.id for p in wb.children(None)[:2]] == [first.id, second.id]
    demo_window.context.undo_stack.undo()
    assert [p.id for p in wb.children(None)[:2]] == [second.id, first.id]
    top = wb.children(None)[0]
    page.view.select_cell(page.model.find(("item", top.id)), 1)
    order = [p.id for p in wb.children(None)]
    steps = demo_window.context.undo_stack.count()
    assert not page.row_move(-1)  # already at the top: nothing moves, nothing is pushed
    assert [p.id for p in wb.children(None)] == order
    assert demo_window.context.undo_stack.count() == steps


def test_move_tujuan_sasaran_indicator(demo_window):
    page = demo_window.show_page("renstra")
    wb = demo_window.context.wb
    t = wb.tujuan_list()[0]
    sas = wb.sasaran_of(t.id)
    assert len(sas) >= 2
    page.view.select_cell(page.model.find(("sasaran", sas[1].id)), 1)
    assert page.row_move(-1)
    assert [s.id for s in wb.sasaran_of(t.id)][:2] == [sas[1].id, sas[0].id]
    owner = next(s for s in wb.sasaran_list() if len(wb.indicators_of(s.id)) >= 2)
    inds = wb.indicators_of(owner.id)
    page.view.select_cell(page.model.find(("indicator", inds[0].id)), 1)
    assert demo_window.row_move(1)
    assert [i.id for i in wb.indicators_of(owner.id)][:2] == [inds[1].id, inds[0].id]
    page.view.select_cell(page.model.find(("tujuan", t.id)), 1)
    assert not page.row_move(-1)  # the only / first tujuan


def test_tied_urut_are_renumbered(demo_window):
    ctx = demo_window.context
    page = demo_window.show_page("prestasi")
    for n in range(3):
        ctx.apply([InsertOp("prestasi", {"id": f"p{n}", "uraian": f"P{n}", "urut": 7})], "x")
    ids = [p.id for p in ctx.wb.prestasi_list()]
    page.view.select_cell(page.model.find(("prestasi", ids[0])), 1)
    assert page.row_move(1)
    assert [p.id for p in ctx.wb.prestasi_list()][:2] == [ids[1], ids[0]]


def test_add_and_delete_by_keyboard_with_subtree_question(qtbot, demo_window, monkeypatch):
    asked = []
    monkeypatch.setattr(anggaran, "confirm_delete", lambda parent, title, text: asked.append(text) or False)
    page = demo_window.show_page("anggaran")
    wb = demo_window.context.wb
    prog = wb.children(None)[0]
    page.view.select_cell(page.model.find(("item", prog.id)), 1)
    page.view.closePersistentEditor(page.view.currentIndex())
    _keys(qtbot, page.view, "Ctrl+-")
    n_keg = len(wb.children(prog.id))
    n_sub = sum(len(wb.children(k.id)) for k in wb.children(prog.id))
    assert asked and f"{n_keg} kegiatan dan {n_sub} sub kegiatan" in asked[0]
    assert prog.id in wb.items  # answered Batal
    monkeypatch.setattr(anggaran, "confirm_delete", lambda parent, title, text: True)
    demo_window.row_delete()
    assert prog.id not in wb.items
    demo_window.context.undo_stack.undo()
    assert prog.id in wb.items and len(wb.children(prog.id)) == n_keg
    n_before = len(wb.items)
    leaf = next(it for it in wb.items.values() if it.level == "sub_kegiatan")
    page.view.select_cell(page.model.find(("item", leaf.id)), 1)
    demo_window.row_add()
    assert len(wb.items) == n_before + 1
    new = [it for it in wb.items.values() if it.nama == "Sub kegiatan baru"]
    assert new and new[0].parent_id == leaf.parent_id


def test_renstra_delete_question_counts_sasaran_and_indicators(demo_window, monkeypatch):
    asked = []
    monkeypatch.setattr(renstra, "confirm_delete", lambda parent, title, text: asked.append(text) or True)
    page = demo_window.show_page("renstra")
    wb = demo_window.context.wb
    t = wb.tujuan_list()[0]
    n_s = len(wb.sasaran_of(t.id))
    n_i = len(wb.indicators_of(t.id)) + sum(len(wb.indicators_of(s.id)) for s in wb.sasaran_of(t.id))
    page.view.select_cell(page.model.find(("tujuan", t.id)), 1)
    demo_window.row_delete()
    assert f"{n_s} sasaran dan {n_i} indikator" in asked[0] and t.id not in wb.tujuan
    demo_window.context.undo_stack.undo()
    assert len(wb.indicators) >= n_i


def test_row_actions_say_so_on_pages_without_rows(demo_window):
    demo_window.show_page("capaian")
    demo_window.row_add()
    assert "tidak memiliki baris" in demo_window.msg_label.text()
    acts = {a.shortcut().toString() for a in demo_window.row_actions}
    assert {"Ctrl++", "Ctrl+-", "Ctrl+Shift+Up", "Ctrl+Shift+Down"} <= acts
