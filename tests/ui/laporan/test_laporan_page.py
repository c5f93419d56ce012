"""The Laporan page: list, preview from the same ReportTable, export in a worker, cancel."""

from __future__ import annotations

import openpyxl
import pytest

pytest.importorskip("PySide6")

from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.laporan.page import ExportDialog, ExportPage  # noqa: E402
from lkip_desktop.ui.laporan.preview import ReportTableModel  # noqa: E402


@pytest.fixture
def page(qtbot, demo):
    ctx = WorkbookContext(demo)
    p = ExportPage(ctx)
    p.open_when_done = False
    qtbot.addWidget(p)
    yield p
    if p.is_running():
        p.cancel()
        qtbot.waitUntil(lambda: not p.is_running(), timeout=20000)


def test_preview_shows_the_same_cells(page, qtmodeltester):
    page.select_table("3.1")
    model: ReportTableModel = page.preview.model
    qtmodeltester.check(model)
    table = model.table
    assert table.key == "bab3.capaian"
    texts = [model.index(r, 5).data() for r in range(model.rowCount())]
    for figure in ["123,97", "100,99", "100,00", "106,18", "129,98", "112,23"]:
        assert figure in texts
    # header row spans and a chart widget from the table's chart spec
    assert page.preview.charts.count() == 1
    view = page.preview.view
    assert view.columnSpan(model.header_rows, 0) == table.ncols  # the "Tujuan: …" group row


def test_export_in_worker(page, qtbot, tmp_path):
    page.set_checked(["3.1", "bab3.realisasi_program"])
    with qtbot.waitSignal(page.exported, timeout=30000) as sig:
        page.start_export(tmp_path / "lkip")
    paths = sig.args[0]
    assert sorted(p.rsplit(".", 1)[1] for p in paths) == ["pdf", "xlsx"]
    book = openpyxl.load_workbook(tmp_path / "lkip.xlsx")
    assert len(book.worksheets) == 3  # Daftar Tabel + 2
    assert not page.is_running()


def test_cancel_removes_partial_file(page, qtbot, tmp_path):
    page._check_all(True)
    page.xlsx_box.setChecked(False)
    page.start_export(tmp_path / "batal")
    page.cancel()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert "dibatalkan" in page.status.text() or (tmp_path / "batal.pdf").exists()
    if "dibatalkan" in page.status.text():
        assert not (tmp_path / "batal.pdf").exists()


def test_page_refreshes_on_change(page, qtbot, demo):
    from lkip_desktop.store.ops import CellRef

    def titles():
        return [page.tree.topLevelItem(i).child(j).text(1) for i in range(page.tree.topLevelItemCount())
                for j in range(page.tree.topLevelItem(i).childCount())]

    page.show()
    ind = demo.wb.iku_list()[0]
    page.context.set_cell(CellRef("indicator", (ind.id,), "nama"), "Indikator baru")
    assert any("Indikator baru" in t for t in titles())
    page.hide()  # hidden, an edit only marks the list stale; it is rebuilt when shown
    page.context.set_cell(CellRef("indicator", (ind.id,), "nama"), "Indikator lain")
    assert not any("Indikator lain" in t for t in titles())
    page.show()
    assert any("Indikator lain" in t for t in titles())


def test_dialog_wraps_the_page(qtbot, demo, monkeypatch):
    ctx = WorkbookContext(demo)
    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self.page) or 0)
    ExportDialog.run(None, ctx)
    assert shown and isinstance(shown[0], ExportPage)


def test_narasi_tab_edits_are_undoable(page, qtbot):
    ed = page.narasi
    page.show()
    page.tabs.setCurrentWidget(ed)  # the generated sentences are made when the tab is shown
    assert page.tabs.tabText(1) == "Narasi"
    ed.select("bab1.latar_belakang")
    ed.editor.setPlainText("Latar belakang LKIP.\nParagraf kedua.")
    assert ed.is_dirty() and ed.save_btn.isEnabled()
    assert ed.save()
    svc = page.context.service
    assert svc.narasi("bab1.latar_belakang") == "Latar belakang LKIP.\nParagraf kedua."
    assert not ed.is_dirty()
    page.context.undo_stack.undo()
    assert svc.narasi("bab1.latar_belakang") == ""
    assert ed.editor.toPlainText() == ""  # the editor follows the undo
    page.context.undo_stack.redo()
    assert ed.editor.toPlainText().startswith("Latar belakang")
    # moving to another section keeps what was typed
    ed.select("bab4.langkah")
    ed.editor.setPlainText("Langkah ke depan.")
    ed.select("kata_pengantar")
    assert svc.narasi("bab4.langkah") == "Langkah ke depan."
    assert "123,97%" in ed.generated.toPlainText() and "112,23%" in ed.generated.toPlainText()


def test_full_report_in_worker(page, qtbot, tmp_path):
    from docx import Document

    page.narasi.select("kata_pengantar")
    page.narasi.editor.setPlainText("Puji syukur.")
    page.narasi.save()
    page.pdf_box.setChecked(False)
    page.xlsx_box.setChecked(False)
    page.docx_box.setChecked(True)
    page.lengkap_box.setChecked(True)
    with qtbot.waitSignal(page.exported, timeout=60000) as sig:
        page.start_export(tmp_path / "lkip")
    paths = sorted(sig.args[0])
    assert paths == sorted([str(tmp_path / "lkip.docx"), str(tmp_path / "lkip_lengkap.pdf")])
    doc = Document(str(tmp_path / "lkip.docx"))
    assert "Puji syukur." in [p.text for p in doc.paragraphs]
    assert len(doc.tables) >= 40


def test_open_buttons_after_export_and_one_default_folder(page, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    starts = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: starts.append(a[2]) or ("", ""))
    page.pdf_box.setChecked(True)
    page.xlsx_box.setChecked(False)
    page._ask_and_export()  # cancelled at the dialog: it started in the workbook's folder
    svc = page.context.service
    assert starts and starts[0].startswith(str(svc.path.parent))
    assert not page.opener.isVisibleTo(page)
    page.set_checked(["3.1"])
    page.start_export(tmp_path / "lkip")
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60000)
    assert page.opener.isVisibleTo(page) and page.opener.paths == [tmp_path / "lkip.pdf"]
    qtbot.mouseClick(page.opener.file_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.opener.folder_btn, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "lkip.pdf"), str(tmp_path)]


def test_cancel_says_which_files_stay_and_which_went(tmp_path):
    from pathlib import Path

    from lkip_desktop.ui.laporan.opener import cancel_text

    text = cancel_text([Path("a.pdf")], Path("a.xlsx"))
    assert "dihapus: a.xlsx" in text and "tetap ada: a.pdf" in text
    assert "Tidak ada berkas lain" in cancel_text([], Path("a.pdf"))
