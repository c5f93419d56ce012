"""SDM lines on the Profil page: added per kategori, typed in the grid, deleted, undone."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_sdm_rows_added_typed_and_deleted(demo_window):
    page = demo_window.show_page("profil")
    ed = page.sdm
    ed.kategori.setCurrentIndex(ed.kategori.findData("pendidikan"))
    new = ed.add()
    wb = page.context.wb
    assert wb.sdm[new].kategori == "pendidikan"
    node = ed.model.find(("sdm", new))
    row = ed.model.index_of(node)
    assert ed.model.setData(ed.model.index(row.row(), 1), "S1", Qt.ItemDataRole.EditRole)
    assert ed.model.setData(ed.model.index(row.row(), 2), "12", Qt.ItemDataRole.EditRole)
    assert (wb.sdm[new].uraian, wb.sdm[new].jumlah) == ("S1", 12)
    assert not ed.model.setData(ed.model.index(row.row(), 2), "-3", Qt.ItemDataRole.EditRole)  # refused
    assert wb.sdm[new].jumlah == 12
    ed.view.setCurrentIndex(ed.model.index(row.row(), 1))
    ed.delete()
    assert new not in page.context.wb.sdm
    page.context.undo_stack.undo()
    assert page.context.wb.sdm[new].jumlah == 12
