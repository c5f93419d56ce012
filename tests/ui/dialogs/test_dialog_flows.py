"""End to end through the main window, offscreen, with the file dialogs replaced:
'Buat dari file tahun lalu' from the welcome screen and from an open workbook, the summary
dialog (screenshot), and the Excel wizard importing the template's indicator sheet."""

from __future__ import annotations

import os
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton

from lkip_desktop.reports.entry_template import HEADER_ROW, IND_SHEET, write_entry_template
from lkip_desktop.ui.dialogs.carry_dialog import CarryDialog, SummaryDialog
from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.dialogs.import_xlsx_dialog import ImportXlsxDialog

from ...exchange.helpers import build_2023, sha


def _keep(shot: Path) -> None:
    """LKIP_SHOTS=folder keeps the screenshots for a person to look at."""
    folder = os.environ.get("LKIP_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)


@pytest.fixture
def window(qtbot, monkeypatch):
    from lkip_desktop.ui.window import files
    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(files, "error_box", lambda parent, title, text: errors.append((title, text)))
    make_app()
    win = MainWindow()
    win.errors = errors
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.close_workbook()


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """File dialogs answer from ``answers``; the carry dialog is driven through its own
    buttons; the summary dialog is screenshot and closed."""
    answers: dict[str, Path] = {}
    seen: dict[str, object] = {}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answers["open"]), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answers["save"]), ""))

    def drive_carry(dlg: CarryDialog):
        seen["preselected"] = dlg.source_edit.text()
        buttons = {b.text(): b for b in dlg.findChildren(QPushButton)}
        if not dlg.source_edit.text():
            buttons["Pilih…"].click()  # QFileDialog.getOpenFileName -> answers["open"]
        buttons["Simpan sebagai…"].click()  # QFileDialog.getSaveFileName -> answers["save"]
        seen["tahun"] = dlg.tahun.value()
        dlg.grab().save(str(tmp_path / "carry-dialog.png"))
        _keep(tmp_path / "carry-dialog.png")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
        seen["error"] = dlg.error.text()
        return dlg.result()

    def summary_exec(dlg: SummaryDialog):
        dlg.show()
        shot = tmp_path / "carry-summary.png"
        dlg.grab().save(str(shot))
        _keep(shot)
        seen["summary"] = dlg.view.toPlainText()
        seen["shot"] = shot
        dlg.accept()
        return QDialog.Accepted

    monkeypatch.setattr(CarryDialog, "exec", drive_carry)
    monkeypatch.setattr(SummaryDialog, "exec", summary_exec)
    return answers, seen


def _check_new_year(window, new_path: Path, ids: dict) -> None:
    ctx = window.context
    assert ctx is not None and Path(ctx.service.path) == new_path
    wb = ctx.wb
    assert wb.settings.tahun == 2024 and wb.opd.kepala_nip == "196610061986031008"
    assert ctx.calc.last_year(ids["iku1"]).realisasi.value == Decimal("85.5")
    assert wb.items[ids["sub"]].pagu_murni == 0 and wb.links
    assert "2024" in window.windowTitle()


def test_from_welcome_screen(window, dialogs, tmp_path):
    answers, seen = dialogs
    old = tmp_path / "dinas-2023.lkip"
    ids = build_2023(old)
    before = sha(old)
    answers["open"], answers["save"] = old, tmp_path / "baru" / "dinas-2024.lkip"
    answers["save"].parent.mkdir()
    assert window.context is None and window.stack.currentWidget() is window.welcome
    window.welcome.buttons["carry"].click()
    assert seen["preselected"] == "" and seen["tahun"] == 2024 and seen["error"] == ""
    _check_new_year(window, answers["save"], ids)
    assert sha(old) == before
    text = seen["summary"]
    assert "Buku kerja tahun 2024 dibuat dari dinas-2023.lkip" in text
    assert "Dibawa" in text and "Tidak dibawa" in text and "Perjanjian Kinerja" in text
    assert seen["shot"].stat().st_size > 10_000


def test_from_the_open_workbook(window, dialogs, tmp_path):
    answers, seen = dialogs
    old = tmp_path / "dinas-2023.lkip"
    ids = build_2023(old)
    assert window.open_path(old) and window.context.wb.settings.tahun == 2023
    before = sha(old)
    answers["save"] = tmp_path / "dinas-2024.lkip"
    window.act_carry.trigger()
    assert seen["preselected"] == str(old) and seen["error"] == ""
    _check_new_year(window, answers["save"], ids)
    assert sha(old) == before and not window.errors
    assert "Riwayat realisasi" in seen["summary"]


def test_summary_dialog_lists_by_heading(qtbot):
    from lkip_desktop.exchange.carry import Summary

    s = Summary(judul="Judul <b>", dibawa=["satu"], tidak_dibawa=["dua"], peringatan=["tiga"])
    dlg = SummaryDialog(None, "Ringkasan", s)
    qtbot.addWidget(dlg)
    text = dlg.view.toPlainText()
    assert text.index("Judul <b>") < text.index("Dibawa") < text.index("satu") < text.index("Tidak dibawa") \
        < text.index("Perhatian") < text.index("tiga")


def test_wizard_imports_the_template_indicator_sheet(qtbot, demo, tmp_path):
    context = WorkbookContext(demo)
    template = write_entry_template(demo.wb, tmp_path / "templat.xlsx")
    book = openpyxl.load_workbook(template)
    ws = book[IND_SHEET]
    header = [c.value for c in ws[HEADER_ROW]]
    col = {h: i + 1 for i, h in enumerate(header)}
    iku4 = next(i for i in demo.wb.iku_list() if i.kode == "IKU-4")
    iku1 = next(i for i in demo.wb.iku_list() if i.kode == "IKU-1")
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        kode, komp = ws.cell(r, col["Kode"]).value, ws.cell(r, col["Komponen"]).value
        if kode == "IKU-4" and not komp:
            ws.cell(r, col["Realisasi 2024"]).value = "90,5"
            ws.cell(r, col["Realisasi TW I"]).value = "85"
        if kode == "IKU-1" and komp == "jumlah_ikk_meningkat":
            ws.cell(r, col["Realisasi 2024"]).value = 66
    book.save(template)
    old_komp = dict(iku1.komponen[2024])

    wiz = ImportXlsxDialog(None, context)
    qtbot.addWidget(wiz)
    wiz.show()
    with qtbot.waitSignal(wiz.file_page.loaded, timeout=10000):
        wiz.file_page.load(template, IND_SHEET)
    wiz.next()
    assert wiz.map_page.jenis == "indikator" and wiz.map_page.isComplete()
    assert {"id", "kode", "nama", "komponen", "target", "realisasi"} <= set(wiz.map_page.mapping())
    wiz.next()
    pv = wiz.preview
    assert pv.ok and pv.n_changes == 3, pv.report()
    assert wiz.preview_page.table.rowCount() == 3
    assert wiz.preview_page.table.horizontalHeaderItem(2).text() == "Indikator"
    wiz.grab().save(str(tmp_path / "wizard-indikator.png"))
    _keep(tmp_path / "wizard-indikator.png")
    wiz.accept()
    ind = demo.wb.indicators
    assert ind[iku4.id].typed_realisasi(2024) == Decimal("90.5")
    assert ind[iku4.id].typed_realisasi(2024, 1) == Decimal("85")
    assert ind[iku1.id].komponen[2024]["jumlah_ikk_meningkat"] == Decimal(66)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert ind[iku4.id].typed_realisasi(2024) == Decimal("88.13") and ind[iku4.id].typed_realisasi(2024, 1) is None
    assert ind[iku1.id].komponen[2024] == old_komp
    context.deleteLater()
