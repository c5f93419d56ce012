"""Drive the real widgets: type, paste, undo, bad input, reopen, restore from history."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lkip_desktop.edits import cells
from lkip_desktop.store.ops import CellRef
from tests.ui.helpers import cell_text, column, row_of, type_into


def _realisasi(win):
    page = win.show_page("realisasi")
    return page, page.view, page.model


def test_typing_realisasi_updates_capaian_and_average(qtbot, demo_window):
    win = demo_window
    page, view, model = _realisasi(win)
    wb = win.context.wb
    ikm = next(i for i in wb.iku_list() if "IKM" in i.nama)
    row = row_of(model, ("indicator", ikm.id))
    c_real, c_cap = column(model, "Realisasi 2024"), column(model, "Capaian")
    assert cell_text(model, row, c_cap) == "106,18"
    assert "112,23%" in page.average.text()
    with qtbot.waitSignal(model.dataChanged):
        type_into(qtbot, view, model.index(row, c_real), "91,3")
    assert cell_text(model, row, c_real) == "91,3"
    assert cell_text(model, row, c_cap) == "110,00"  # 91,3 / 83 x 100
    # the OPD average moved with it: (123,97+100,99+100+110+129,98)/5
    assert "112,99%" in page.average.text()
    # Enter moved down a row, as in a spreadsheet.
    assert view.currentIndex().row() == row + 1
    assert win.saved_label.text().startswith("Semua perubahan tersimpan")


def test_paste_block_from_excel_fills_cells_and_is_one_undo_step(qtbot, demo_window):
    win = demo_window
    page, view, model = _realisasi(win)
    svc = win.context.service
    tw1 = column(model, "Realisasi TW I")
    view.setFocus()
    view.setCurrentIndex(model.index(0, tw1))
    block = "10,5\t1.234,5\t30\t40\r\n11\t21\t31\t41\r\n12\t22\t32\t42,75\r\n"
    QApplication.clipboard().setText(block)
    steps = win.context.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert win.context.undo_stack.count() == steps + 1
    iku = win.context.wb.iku_list()
    expected = [["10.5", "1234.5", "30", "40"], ["11", "21", "31", "41"], ["12", "22", "32", "42.75"]]
    for r in range(3):
        for tw in range(1, 5):
            ref = CellRef("indicator_value", (iku[r].id, 2024, "realisasi", tw), "nilai")
            assert svc.get(ref) == Decimal(expected[r][tw - 1])
    assert cell_text(model, 0, column(model, "Realisasi TW II")) == "1.234,5"
    assert cell_text(model, 2, column(model, "Realisasi TW IV")) == "42,75"
    # nothing outside the block
    assert svc.get(CellRef("indicator_value", (iku[3].id, 2024, "realisasi", 1), "nilai")) is None
    win.undo()
    for r in range(3):
        for tw in range(1, 5):
            assert svc.get(CellRef("indicator_value", (iku[r].id, 2024, "realisasi", tw), "nilai")) is None
    assert cell_text(model, 0, tw1) == "-"
    win.redo()
    assert cell_text(model, 0, tw1) == "10,5"


def test_bad_input_is_refused_with_a_message_and_file_unchanged(qtbot, demo_window, demo_path):
    win = demo_window
    page, view, model = _realisasi(win)
    before = demo_path.read_bytes()
    steps = win.context.undo_stack.count()
    ikm = next(i for i in win.context.wb.iku_list() if "IKM" in i.nama)
    row, col = row_of(model, ("indicator", ikm.id)), column(model, "Realisasi 2024")
    editor = type_into(qtbot, view, model.index(row, col), "8x,5")
    # the editor stays open on the bad text and says why
    assert editor.isVisible()
    assert "bukan angka" in win.msg_label.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert cell_text(model, row, col) == "88,13"
    # a paste with one bad cell stores nothing
    view.setCurrentIndex(model.index(0, column(model, "Realisasi TW I")))
    assert not view.paste("1\t2\n3\tdua\n")
    assert "Tempel dibatalkan" in win.msg_label.text()
    # a negative pagu in the budget tree
    ang = win.show_page("anggaran")
    leaf = next(n for n in ang.model.iter_nodes() if n.kind == "sub_kegiatan")
    c_pagu = column(ang.model, "Pagu murni")
    type_into(qtbot, ang.view, ang.model.index_of(leaf, c_pagu), "-5.000", enter=True)
    assert "negatif" in win.msg_label.text()
    QApplication.processEvents()
    assert win.context.undo_stack.count() == steps
    assert demo_path.read_bytes() == before


def test_reopening_shows_every_value_entered(qtbot, demo_window, demo_path):
    win = demo_window
    page, view, model = _realisasi(win)
    tw1 = column(model, "Realisasi TW I")
    view.setCurrentIndex(model.index(1, tw1))
    assert view.paste("5\t6\t7\t8\n")
    ang = win.show_page("anggaran")
    leaf = next(n for n in ang.model.iter_nodes() if n.kind == "sub_kegiatan")
    type_into(qtbot, ang.view, ang.model.index_of(leaf, column(ang.model, "Realisasi")), "Rp 100.000.000")
    leaf_id = leaf.id
    win.close_workbook()
    assert win.stack.currentWidget() is win.welcome
    assert win.open_path(demo_path)
    page, view, model = _realisasi(win)
    assert [cell_text(model, 1, column(model, f"Realisasi TW {r}")) for r in ("I", "II", "III", "IV")] == ["5", "6", "7", "8"]
    ang = win.show_page("anggaran")
    node = ang.model.find(("item", leaf_id))
    assert ang.model.index_of(node, column(ang.model, "Realisasi")).data() == "100.000.000"


def test_restore_from_history_is_an_undoable_edit(qtbot, demo_window):
    win = demo_window
    page, view, model = _realisasi(win)
    ikm = next(i for i in win.context.wb.iku_list() if "IKM" in i.nama)
    row, col = row_of(model, ("indicator", ikm.id)), column(model, "Realisasi 2024")
    type_into(qtbot, view, model.index(row, col), "90")
    type_into(qtbot, view, model.index(row, col), "95")
    view.setCurrentIndex(model.index(row, col))
    hist = win.show_page("riwayat")
    assert "IKM" in hist.what.text()
    assert hist.model.rowCount() >= 2
    # newest first: 90 -> 95; restoring it brings back 90
    hist.view.setCurrentIndex(hist.model.index(0, 0))
    hist.restore_btn.click()
    ref = CellRef("indicator_value", (ikm.id, 2024, "realisasi", 0), "nilai")
    assert win.context.service.get(ref) == Decimal("90")
    assert cell_text(model, row, col) == "90"
    win.undo()
    assert win.context.service.get(ref) == Decimal("95")


def test_fill_down_copy_and_delete(qtbot, demo_window):
    win = demo_window
    page, view, model = _realisasi(win)
    tw2 = column(model, "Realisasi TW II")
    view.setCurrentIndex(model.index(0, tw2))
    assert view.paste("7,5\n")
    sel = view.selectionModel()
    sel.clearSelection()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    sel.select(QItemSelection(model.index(0, tw2), model.index(3, tw2)), QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [cell_text(model, r, tw2) for r in range(4)] == ["7,5"] * 4
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "7,5\n7,5\n7,5\n7,5\n"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [cell_text(model, r, tw2) for r in range(4)] == ["-"] * 4
    win.undo()
    assert cell_text(model, 2, tw2) == "7,5"


def test_links_checklist_changes_efisiensi(qtbot, demo_window):
    win = demo_window
    cap = win.show_page("capaian")
    c_pagu = column(cap.model, "Pagu")
    before = cap.model.index(0, c_pagu).data()
    dk = win.show_page("dukungan")
    ind = win.context.wb.iku_list()[0]
    unlinked = next(n for n in dk.model.iter_nodes()
                    if n.kind == "sub_kegiatan" and (ind.id, n.id) not in win.context.wb.links
                    and not any((ind.id, a.id) in win.context.wb.links for a in win.context.wb.ancestors(n.id)))
    idx = dk.model.index_of(unlinked, 2)
    assert dk.model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert idx.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cap.model.index(0, c_pagu).data() != before
    win.undo()
    assert cap.model.index(0, c_pagu).data() == before


def test_reviu_double_click_jumps_to_the_cell(qtbot, demo_window):
    win = demo_window
    rv = win.show_page("reviu")
    assert rv.model.rowCount() > 0
    f = rv.model.findings[0]
    rv._activate(rv.model.index(0, 0))
    page = win.current_page()
    view = page.views[1] if f.table == "budget_quarter" else page.views[0]
    idx = view.currentIndex()
    assert idx.isValid()
    assert view.model().node(idx).id == f.key[0]
    assert view.model().cell_ref(idx) is None or view.model().cell_ref(idx).field == f.field


def test_komponen_editor_shows_result_and_error_live(qtbot, demo_window):
    win = demo_window
    rs = win.show_page("renstra")
    ed = rs.editor
    ikk = win.context.wb.iku_list()[0]
    rs.locate(cells.place("indicator", (ikk.id,)))
    assert "49,59" in ed.hasil.text()
    ed.rumus.setText("jumlah_ikk_meningkat / ")
    ed.preview()
    assert "tidak dapat dihitung" in ed.hasil.text()
    ed.rumus.setText("jumlah_ikk_meningkat / jumlah_ikk_x * 100")
    ed.preview()
    assert "belum diisi" in ed.hasil.text()
    # a komponen value typed in its grid recomputes the realisasi and capaian
    ed.rumus.setText(ikk.rumus_komponen)
    km = ed.model
    r = row_of(km, ("indicator", ikk.id)) if False else [n.id for n in km.iter_nodes()].index("jumlah_ikk_meningkat")
    assert km.setData(km.index(r, 1), "66")
    assert "54,55" in ed.hasil.text()
    real = win.show_page("realisasi")
    assert cell_text(real.model, 0, column(real.model, "Capaian")) == "136,36"
