"""Dukungan with many IKU: choose one IKU, then a filtered checklist of sub kegiatan."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lkip_desktop.edits import cells
from lkip_desktop.ui.pages import dukungan


def test_few_iku_keep_the_matrix(demo_window):
    page = demo_window.show_page("dukungan")
    assert page.picker is None and page.model is not None
    assert page.model.columns[2].header == "IKU-1"


def test_many_iku_get_a_picker_with_filter_and_check_visible(demo_window, monkeypatch):
    monkeypatch.setattr(dukungan, "MATRIX_MAX_IKU", 2)
    page = demo_window.show_page("dukungan")
    pk = page.picker
    assert pk is not None and page.model is None
    ctx = demo_window.context
    assert pk.iku_list.count() == 5
    pk.iku_filter.setText("ikm")
    visible = [pk.iku_list.item(r) for r in range(pk.iku_list.count()) if not pk.iku_list.item(r).isHidden()]
    assert len(visible) == 1 and "IKM" in visible[0].text()
    pk.iku_list.setCurrentItem(visible[0])
    ind_id = visible[0].data(Qt.ItemDataRole.UserRole)
    before = {i for (k, i) in ctx.wb.links if k == ind_id}
    pk.filter.setText("penyediaan jasa")
    shown = pk.visible_ids()
    assert shown and all("penyediaan jasa" in ctx.wb.items[i].nama.lower() for i in shown)
    assert len(shown) < len(pk.checklist.ids)
    pk.check_all.click()
    after = {i for (k, i) in ctx.wb.links if k == ind_id}
    assert after == before | set(shown)
    assert ctx.undo_stack.undoText().startswith("Centang")
    ctx.undo_stack.undo()  # one step for the whole block
    assert {i for (k, i) in ctx.wb.links if k == ind_id} == before
    # one box by hand, as a user would
    idx = pk.proxy.index(0, 0)
    src_id = pk.visible_ids()[0]
    on = (ind_id, src_id) in ctx.wb.links
    pk.proxy.setData(idx, Qt.CheckState.Unchecked if on else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert ((ind_id, src_id) in ctx.wb.links) != on
    assert pk.proxy.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
    pk.uncheck_all.click()
    assert not any((ind_id, i) in ctx.wb.links for i in pk.visible_ids())
    assert "dicentang" in pk.count.text()


def test_picker_locates_a_link(demo_window, monkeypatch):
    monkeypatch.setattr(dukungan, "MATRIX_MAX_IKU", 2)
    ind_id, item_id = next(iter(demo_window.context.wb.links))
    assert demo_window.jump_to(cells.place("dukungan", (ind_id, item_id)))
    pk = demo_window.pages["dukungan"].picker
    assert pk.checklist.ind_id == ind_id
