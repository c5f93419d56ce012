"""Issue 7 dialogs, offscreen: new year from last year's file, history, the Excel wizard."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QWidget

from lkip_desktop.store.service import WorkbookService
from lkip_desktop.ui.dialogs import carry_dialog
from lkip_desktop.ui.dialogs.carry_dialog import CarryDialog
from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.dialogs.import_xlsx_dialog import ImportXlsxDialog, export_entry_template

from ...exchange.helpers import build_2023, sha


@pytest.fixture
def context(demo, qtbot):
    ctx = WorkbookContext(demo)
    yield ctx
    ctx.deleteLater()


def test_carry_dialog_creates_new_year(qtbot, tmp_path, monkeypatch):
    old = tmp_path / "dinas-2023.lkip"
    ids = build_2023(old)
    before = sha(old)
    shown = []
    monkeypatch.setattr(carry_dialog, "show_summary", lambda parent, title, s: shown.append(s.text()))

    def fake_exec(dlg):
        dlg.set_source(old)
        assert dlg.tahun.value() == 2024 and not dlg.awal.isEnabled()
        assert dlg.target_edit.text().endswith("dinas-2024.lkip")
        dlg.bawa_pagu.setChecked(True)
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(CarryDialog, "exec", fake_exec)
    path = carry_dialog.new_from_last_year(None)
    assert path == tmp_path / "dinas-2024.lkip" and path.exists()
    assert sha(old) == before
    assert "Perjanjian Kinerja" in shown[0]
    with WorkbookService.open(path, readonly=True) as svc:
        assert svc.calc.last_year(ids["iku1"]).realisasi.value == Decimal("85.5")
        assert svc.wb.items[ids["sub"]].pagu_murni == 120_000_000


def test_carry_dialog_asks_for_new_period(qtbot, tmp_path):
    old = tmp_path / "2023.lkip"
    build_2023(old)
    dlg = CarryDialog(None, old)
    qtbot.addWidget(dlg)
    dlg.tahun.setValue(2027)
    assert dlg.awal.isEnabled() and "sudah berakhir" in dlg.period_note.text()
    assert (dlg.awal.value(), dlg.akhir.value()) == (2027, 2031)
    dlg.target_edit.setText(str(tmp_path / "2027.lkip"))
    dlg.accept()
    assert dlg.result() == QDialog.Accepted and (tmp_path / "2027.lkip").exists()

    bad = CarryDialog(None, tmp_path / "tidak-ada.lkip")
    qtbot.addWidget(bad)
    assert "tidak ditemukan" in bad.error.text() and not bad.tahun.isEnabled()


def test_attach_history_is_one_undo_step(qtbot, tmp_path, monkeypatch):
    old = tmp_path / "2023.lkip"
    ids = build_2023(old)
    from lkip_desktop.exchange import carry

    carry.new_from_last_year(old, tmp_path / "2024.lkip")
    # Remove the 2022 history from the new file, then bring it back from the 2023 file.
    svc = WorkbookService.open(tmp_path / "2024.lkip")
    ctx = WorkbookContext(svc)
    from lkip_desktop.store.ops import CellRef

    ctx.set_cell(CellRef("indicator_value", (ids["iku1"], 2022, "realisasi", 0), "nilai"), None)
    monkeypatch.setattr(carry_dialog, "show_summary", lambda *a: None)
    assert carry_dialog.attach_history(None, ctx, [old]) == 1
    assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2022) == Decimal("70")
    ctx.undo_stack.undo()
    assert svc.wb.indicators[ids["iku1"]].typed_realisasi(2022) is None
    ctx.deleteLater()
    svc.close()


def _fill(path, rows):
    book = openpyxl.Workbook()
    for r in rows:
        book.active.append(r)
    book.save(path)
    return path


def test_import_wizard_reads_in_thread_previews_and_imports_once(qtbot, context, tmp_path):
    subs = [it for it, _ in context.wb.walk_budget() if it.level == "sub_kegiatan"][:2]
    path = _fill(tmp_path / "r.xlsx", [["Tahun Anggaran 2024"], ["Uraian", "Realisasi", "Kode"],
                                       [subs[0].nama, "1.500.000", subs[0].kode],
                                       [subs[1].nama, 2_500_000, subs[1].kode],
                                       ["asing", 1, "7.7.7"]])
    old = [s.realisasi for s in subs]
    wiz = ImportXlsxDialog(None, context)
    qtbot.addWidget(wiz)
    wiz.show()
    with qtbot.waitSignal(wiz.file_page.loaded, timeout=10000):
        wiz.file_page.load(path)
    assert wiz.file_page.isComplete()
    wiz.next()
    assert wiz.map_page.mapping() == {"nama": 0, "realisasi": 1, "kode": 2}
    wiz.next()
    pv = wiz.preview
    assert pv.ok and len(pv.matched) == 2 and [p.kode for p in pv.unmatched] == ["7.7.7"]
    assert wiz.preview_page.table.rowCount() == 2 and "7.7.7" in wiz.preview_page.problems.toPlainText()
    assert wiz.preview_page.isComplete()
    wiz.accept()
    assert wiz.changes is not None
    assert [context.wb.items[s.id].realisasi for s in subs] == [1_500_000, 2_500_000]
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert [context.wb.items[s.id].realisasi for s in subs] == old


def test_import_wizard_refuses_bad_file_and_wrong_year(qtbot, context, tmp_path):
    wiz = ImportXlsxDialog(None, context)
    qtbot.addWidget(wiz)
    wiz.show()
    bad = tmp_path / "x.xlsx"
    bad.write_text("bukan excel")
    with qtbot.waitSignal(wiz.file_page.loaded, timeout=10000):
        wiz.file_page.load(bad)
    assert not wiz.file_page.isComplete() and "bukan berkas Excel" in wiz.file_page.status.text()

    sub = next(it for it, _ in context.wb.walk_budget() if it.level == "sub_kegiatan")
    other = _fill(tmp_path / "2023.xlsx", [["Tahun Anggaran 2023"], ["Kode", "Nama", "Realisasi"],
                                           [sub.kode, sub.nama, 5]])
    with qtbot.waitSignal(wiz.file_page.loaded, timeout=10000):
        wiz.file_page.load(other)
    wiz.next()
    wiz.next()
    assert not wiz.preview_page.isComplete() and "tahun 2023" in wiz.preview_page.summary.text()
    assert context.undo_stack.count() == 0


def test_export_template_from_ui(qtbot, context, tmp_path):
    out = export_entry_template(None, context, tmp_path / "t.xlsx")
    assert out.exists()
    assert openpyxl.load_workbook(out).sheetnames == ["Petunjuk", "Isian Anggaran", "Isian Indikator"]


def test_new_year_from_the_open_workbook(qtbot, tmp_path, monkeypatch):
    old = tmp_path / "2023.lkip"
    build_2023(old)
    svc = WorkbookService.open(old)
    ctx = WorkbookContext(svc)
    monkeypatch.setattr(carry_dialog, "show_summary", lambda *a: None)

    def fake_exec(dlg):
        assert dlg.source_edit.text() == str(old) and dlg.tahun.value() == 2024  # preselected
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(CarryDialog, "exec", fake_exec)
    assert carry_dialog.new_from_last_year(None, ctx) == tmp_path / "2024.lkip"

    window = QWidget()  # the main window keeps its open workbook as .context
    window.context = ctx
    qtbot.addWidget(window)
    (tmp_path / "2024.lkip").unlink()
    assert carry_dialog.new_from_last_year(window) == tmp_path / "2024.lkip"
    ctx.deleteLater()
    svc.close()
