"""The Perjanjian Kinerja page: lists versions, shows a signed one read-only, makes and edits
a PK Perubahan (undoable), previews the very pages the PDF prints, saves the PDF."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

pytest.importorskip("pytestqt")

from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.pk_page import PkPage  # noqa: E402


@pytest.fixture
def page(qtbot, demo):
    ctx = WorkbookContext(demo)
    w = PkPage(ctx)
    qtbot.addWidget(w)
    return w


def test_lists_versions_and_locks_signed(page):
    assert page.versions.count() == 2
    assert "PK Perubahan · 04 November 2024 · ditandatangani" in page.versions.item(1).text()
    page.versions.setCurrentRow(0)
    assert page.p1["pihak1_nip"].text() == "19661006 198603 1 008"
    assert page.cb_golongan.currentText() == "IV.c"
    assert not page.ed_tempat.isEnabled() and not page.btn_sign.isEnabled()
    assert page.ed_teks.isReadOnly()
    assert "Sudah ditandatangani" in page.status.text()
    # the diff tab compares the two signed versions
    rows = {page.tbl_diff.item(r, 1).text(): page.tbl_diff.item(r, 3).text()
            for r in range(page.tbl_diff.rowCount())}
    assert rows["Golongan pihak pertama"] == "IV.d"
    assert rows["Total anggaran"] == "Rp 235.997.078.013"


def test_make_edit_undo_sign_perubahan(page, demo):
    page.versions.setCurrentRow(0)
    new_id = page.make_perubahan()
    assert new_id and page.current_id == new_id and page.versions.count() == 3
    assert page.ed_tempat.isEnabled() and page.btn_sign.isEnabled()
    # edit the target in the table (typed the Indonesian way)
    item = page.tbl_sasaran.item(2, 3)
    row_id = item.data(0x0100)  # Qt.UserRole; the table is rebuilt after the edit
    item.setText("25,5")
    assert demo.wb.pk_sasaran[row_id].target == "25.5"
    assert "pk-target" in [w.code for w in page.warnings]
    page.context.undo_stack.undo()
    assert demo.wb.pk_sasaran[row_id].target == "22.73"
    # golongan fills the pangkat; a bad NIP is refused with a message
    page.cb_golongan.setCurrentText("IV.e")
    page._golongan_edited()
    assert demo.wb.pk_versions[new_id].pihak1_pangkat == "Pembina Utama"
    page.p1["pihak1_nip"].setText("123")
    page._set_text_field("pihak1_nip", "123")
    assert "NIP" in page.message.text()
    assert demo.wb.pk_versions[new_id].pihak1_nip == "196610061986031008"
    # cannot sign without a date; then with one
    assert not page.sign_current() and "tanggal" in page.message.text()
    page.ed_tanggal.setDate(page.ed_tanggal.date().fromString("2024-12-02", "yyyy-MM-dd"))
    page._tanggal_edited()
    assert demo.wb.pk_versions[new_id].tanggal == date(2024, 12, 2)
    assert page.sign_current()
    assert demo.wb.pk_versions[new_id].ditandatangani and not page.ed_tempat.isEnabled()


def test_preview_and_pdf(page, tmp_path):
    page.versions.setCurrentRow(1)
    assert page.refresh_preview() == 2
    assert len(page.preview_box.images) == 2 and page.preview_box.images[0].width() > 500
    page.cb_paper.setCurrentText("F4")
    out = page.save_pdf(tmp_path / "pk.pdf")
    reader = PdfReader(str(out))
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == 330
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in text and "Rp 235.997.078.013" in text


def test_print_to_pdf_printer(page, tmp_path):
    """The printer path: QPrinter (PDF output here) gets the same two pages."""
    from PySide6.QtPrintSupport import QPrinter

    from lkip_desktop.ui.pk_render import print_pages

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    page.versions.setCurrentRow(0)
    print_pages(printer, page.pages())
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Bekasi, 02 Januari 2024" in text
