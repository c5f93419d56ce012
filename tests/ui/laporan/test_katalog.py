"""The "Katalog tabel" tab: edits in place go through the catalogue verbs (one undo step
each) and the preview and the table list follow."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from lkip_desktop.edits import cells  # noqa: E402
from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.laporan import katalog as K  # noqa: E402
from lkip_desktop.ui.laporan.page import ExportPage  # noqa: E402


@pytest.fixture
def page(qtbot, demo):
    p = ExportPage(WorkbookContext(demo))
    p.open_when_done = False
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    p.tabs.setCurrentWidget(p.katalog)
    return p


def row_of(panel, key):
    return next(r for r in range(panel.model.rowCount()) if panel.key_at(r) == key)


def cell(panel, r, c, role=Qt.ItemDataRole.DisplayRole):
    return panel.model.index(r, c).data(role)


def type_in(panel, r, c, text):
    assert panel.model.setData(panel.model.index(r, c), text, Qt.ItemDataRole.EditRole)


def tick(panel, r, c, on):
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    assert panel.model.setData(panel.model.index(r, c), state, Qt.ItemDataRole.CheckStateRole)


def settle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._lazy.stale, timeout=5000)


def test_retitle_source_and_column_numbers_in_place(page, qtbot):
    panel = page.katalog
    r = row_of(panel, "bab3.capaian")
    type_in(panel, r, K.JUDUL, "Capaian Sasaran OPD")
    settle(qtbot, panel)
    r = row_of(panel, "bab3.capaian")
    type_in(panel, r, K.SUMBER, "Data Evaluasi Internal, 2024")
    settle(qtbot, panel)
    r = row_of(panel, "bab3.capaian")
    tick(panel, r, K.NOMOR_KOLOM, True)
    settle(qtbot, panel)
    panel.select("bab3.capaian")
    t = panel.preview.model.table
    assert t.caption == "Tabel 3.1 Capaian Sasaran OPD"
    assert "Sumber: Data Evaluasi Internal, 2024" in panel.preview.source.text()
    assert [c.text for c in t.header[-1]][:3] == ["(1)", "(2)", "(3)"]
    assert page.context.undo_stack.count() == 3
    page.context.undo_stack.undo()  # the column numbers off again
    settle(qtbot, panel)
    assert cell(panel, row_of(panel, "bab3.capaian"), K.NOMOR_KOLOM, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_hide_move_and_reset_follow_in_the_table_list(page, qtbot):
    panel = page.katalog
    tick(panel, row_of(panel, "bab3.capaian"), K.TAMPIL, False)
    settle(qtbot, panel)
    assert "bab3.capaian" in {it.data(0, Qt.ItemDataRole.UserRole) for it in page._items()}  # hidden: stale
    page.tabs.setCurrentIndex(0)  # the list follows when its tab shows
    listed = {it.data(0, Qt.ItemDataRole.UserRole): it.text(0) for it in page._items()}
    page.tabs.setCurrentWidget(panel)
    assert "bab3.capaian" not in listed and listed["bab3.skala"] == "3.1"
    panel.select("bab2.iku")
    panel.move_current(-1)
    settle(qtbot, panel)
    assert cell(panel, row_of(panel, "bab2.iku"), K.NOMOR) == "2.1"
    assert panel.current_key() == "bab2.iku"
    panel.reset_current()
    settle(qtbot, panel)
    assert cell(panel, row_of(panel, "bab2.iku"), K.NOMOR) == "2.2"


def test_paper_and_orientation_choices(page, qtbot):
    panel = page.katalog
    r = row_of(panel, "bab3.prestasi")
    assert cell(panel, r, K.ORIENTASI) == "Standar" and panel.grid.indexWidget(panel.model.index(r, K.ORIENTASI)) is None
    box = open_choice(panel, r, K.ORIENTASI)
    box.setCurrentIndex(box.findData("landscape"))
    box.activated.emit(box.currentIndex())
    settle(qtbot, panel)
    assert page.context.wb.tabel_laporan["bab3.prestasi"].orientasi == "landscape"
    r = row_of(panel, "bab3.prestasi")
    assert cell(panel, r, K.ORIENTASI) == "Mendatar"
    assert open_choice(panel, r, K.KERTAS).currentData() == ""


def open_choice(panel, r, c):
    index = panel.model.index(r, c)
    panel.grid.setCurrentIndex(index)
    panel.grid.edit(index)
    return panel.grid.indexWidget(index)


def test_a_choice_made_with_the_keyboard_is_one_catalogue_edit(page, qtbot):
    panel = page.katalog
    r = row_of(panel, "bab3.prestasi")
    index = panel.model.index(r, K.KERTAS)
    panel.grid.setFocus()
    panel.grid.setCurrentIndex(index)
    qtbot.keyClick(panel.grid, Qt.Key.Key_F2)  # the editor exists only while editing
    box = panel.grid.indexWidget(index)
    assert box is not None and box.currentData() == ""
    qtbot.keyClick(box, Qt.Key.Key_Down)  # "Standar" -> "A4", committed at once
    settle(qtbot, panel)
    assert page.context.wb.tabel_laporan["bab3.prestasi"].kertas == "A4"
    assert page.context.undo_stack.count() == 1
    assert panel.grid.indexWidget(panel.model.index(row_of(panel, "bab3.prestasi"), K.KERTAS)) is None
    page.context.undo_stack.undo()
    settle(qtbot, panel)
    assert cell(panel, row_of(panel, "bab3.prestasi"), K.KERTAS) == "Standar"


def test_the_catalogue_is_built_when_first_shown(qtbot, demo):
    p = ExportPage(WorkbookContext(demo))
    qtbot.addWidget(p)
    p.show()
    assert p.tabs.currentIndex() == 0
    assert p.katalog.model.rowCount() == 0 and p.katalog.preview.model.table is None
    assert p.narasi.generated.toPlainText() == ""
    p.context.set_cell(cells.narasi("bab4.langkah"), "Langkah.")  # an edit while hidden: nothing built
    assert p.katalog.model.rowCount() == 0
    p.tabs.setCurrentWidget(p.katalog)
    settle(qtbot, p.katalog)
    assert p.katalog.model.rowCount() > 40 and p.katalog.preview.model.table is not None
    p.tabs.setCurrentWidget(p.narasi)
    assert "123,97%" in p.narasi.generated.toPlainText()


def test_a_number_in_use_is_refused(page, qtbot):
    panel = page.katalog
    messages = []
    page.context.failed.connect(messages.append)
    type_in(panel, row_of(panel, "bab3.skala"), K.NOMOR, "3.1")
    settle(qtbot, panel)
    assert messages and "3.1" in messages[0] and "bab3.skala" not in page.context.wb.tabel_laporan
    assert cell(panel, row_of(panel, "bab3.skala"), K.NOMOR) == "3.2"
    type_in(panel, row_of(panel, "bab3.skala"), K.NOMOR, "3.20a")
    settle(qtbot, panel)
    assert page.context.wb.tabel_laporan["bab3.skala"].nomor == "3.20a"
