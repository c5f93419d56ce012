"""The "Katalog tabel" tab: edits in place go through the catalogue verbs (one undo step
each) and the preview and the table list follow."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

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
    return next(r for r in range(panel.grid.rowCount()) if panel.key_at(r) == key)


def settle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._pending, timeout=5000)


def test_retitle_source_and_column_numbers_in_place(page, qtbot):
    panel = page.katalog
    r = row_of(panel, "bab3.capaian")
    panel.grid.item(r, K.JUDUL).setText("Capaian Sasaran OPD")
    settle(qtbot, panel)
    r = row_of(panel, "bab3.capaian")
    panel.grid.item(r, K.SUMBER).setText("Data Evaluasi Internal, 2024")
    settle(qtbot, panel)
    r = row_of(panel, "bab3.capaian")
    panel.grid.item(r, K.NOMOR_KOLOM).setCheckState(Qt.CheckState.Checked)
    settle(qtbot, panel)
    panel.select("bab3.capaian")
    t = panel.preview.model.table
    assert t.caption == "Tabel 3.1 Capaian Sasaran OPD"
    assert "Sumber: Data Evaluasi Internal, 2024" in panel.preview.source.text()
    assert [c.text for c in t.header[-1]][:3] == ["(1)", "(2)", "(3)"]
    assert page.context.undo_stack.count() == 3
    page.context.undo_stack.undo()  # the column numbers off again
    settle(qtbot, panel)
    assert panel.grid.item(row_of(panel, "bab3.capaian"), K.NOMOR_KOLOM).checkState() == Qt.CheckState.Unchecked


def test_hide_move_and_reset_follow_in_the_table_list(page, qtbot):
    panel = page.katalog
    panel.grid.item(row_of(panel, "bab3.capaian"), K.TAMPIL).setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, panel)
    listed = {it.data(0, Qt.ItemDataRole.UserRole): it.text(0) for it in page._items()}
    assert "bab3.capaian" not in listed and listed["bab3.skala"] == "3.1"
    panel.select("bab2.iku")
    panel.move_current(-1)
    settle(qtbot, panel)
    assert panel.grid.item(row_of(panel, "bab2.iku"), K.NOMOR).text() == "2.1"
    assert panel.current_key() == "bab2.iku"
    panel.reset_current()
    settle(qtbot, panel)
    assert panel.grid.item(row_of(panel, "bab2.iku"), K.NOMOR).text() == "2.2"


def test_paper_and_orientation_choices(page, qtbot):
    panel = page.katalog
    r = row_of(panel, "bab3.prestasi")
    box = panel.grid.cellWidget(r, K.ORIENTASI)
    box.setCurrentIndex(box.findData("landscape"))
    box.activated.emit(box.currentIndex())
    settle(qtbot, panel)
    assert page.context.wb.tabel_laporan["bab3.prestasi"].orientasi == "landscape"
    box = panel.grid.cellWidget(row_of(panel, "bab3.prestasi"), K.KERTAS)
    assert box.currentData() == ""


def test_a_number_in_use_is_refused(page, qtbot):
    panel = page.katalog
    messages = []
    page.context.failed.connect(messages.append)
    panel.grid.item(row_of(panel, "bab3.skala"), K.NOMOR).setText("3.1")
    settle(qtbot, panel)
    assert messages and "3.1" in messages[0] and "bab3.skala" not in page.context.wb.tabel_laporan
    assert panel.grid.item(row_of(panel, "bab3.skala"), K.NOMOR).text() == "3.2"
    panel.grid.item(row_of(panel, "bab3.skala"), K.NOMOR).setText("3.20a")
    settle(qtbot, panel)
    assert page.context.wb.tabel_laporan["bab3.skala"].nomor == "3.20a"
