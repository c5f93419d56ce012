"""PK page without silent traps: typed dates, no default date shown as set, the signing
dialog lists what is missing, the banner lists the differences with the workbook."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytest.importorskip("pytestqt")

from lkip_desktop.edits import pk as pks  # noqa: E402
from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.pk.page import PkPage  # noqa: E402


@pytest.fixture
def page(qtbot, demo):
    ctx = WorkbookContext(demo)
    w = PkPage(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def _draft(page):
    page.versions.setCurrentRow(0)
    new_id = page.make_perubahan()
    assert new_id and page.current_id == new_id
    return new_id


def _type_date(qtbot, page, text):
    edit = page.ed_tanggal.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_undated_draft_shows_no_date_and_typed_dates_are_stored(qtbot, page, demo):
    new_id = _draft(page)
    assert demo.wb.pk_versions[new_id].tanggal is None
    assert page.ed_tanggal.edit.text() == ""  # nothing shown as if it were set
    assert "tanggal belum diisi" in page.versions.currentItem().text()
    _type_date(qtbot, page, "02/01/2025")
    assert demo.wb.pk_versions[new_id].tanggal == date(2025, 1, 2)
    assert page.ed_tanggal.edit.text() == "02/01/2025"
    assert "02 Januari 2025" in page.versions.currentItem().text()
    _type_date(qtbot, page, "3 Februari 2025")
    assert demo.wb.pk_versions[new_id].tanggal == date(2025, 2, 3)
    assert page.ed_tanggal.edit.text() == "03/02/2025"
    _type_date(qtbot, page, "31/02/2025")  # not a day: refused, the stored date stays
    assert demo.wb.pk_versions[new_id].tanggal == date(2025, 2, 3)
    assert "kalender" in page.message.text()
    assert page.ed_tanggal.edit.text() == "03/02/2025"
    page.context.undo_stack.undo()
    assert demo.wb.pk_versions[new_id].tanggal == date(2025, 1, 2)


def test_sign_dialog_lists_what_is_missing(page, demo, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    new_id = _draft(page)
    page._set_field("tanggal", date(2024, 12, 2))
    for row in demo.wb.pk_program_rows(new_id):
        pks.set_row(page.context, "pk_program", row.id, "anggaran", 0)
    page._set_field("pihak1_nip", "")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page._sign()
    assert shown and "Yang masih kosong" in shown[0]
    assert "anggaran" in shown[0] and "&quot;-&quot;" in shown[0] and "NIP pihak pertama" in shown[0]
    assert "tidak dapat dibatalkan" in shown[0]
    assert not demo.wb.pk_versions[new_id].ditandatangani


def test_sign_refuses_and_names_the_missing_date(page, demo, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    new_id = _draft(page)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    page._sign()
    assert not asked and "tanggal" in page.message.text()
    assert not demo.wb.pk_versions[new_id].ditandatangani


def test_banner_lists_the_differences(page, demo):
    new_id = _draft(page)
    row = demo.wb.pk_sasaran_rows(new_id)[0]
    pks.set_row(page.context, "pk_sasaran", row.id, "target", "1")
    text = page.preview_warn.text()
    assert "berbeda dengan buku kerja" in text
    assert row.indikator[:20] in text and "berbeda dengan target" in text
