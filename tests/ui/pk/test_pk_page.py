"""The Perjanjian Kinerja page: lists versions, shows a signed one read-only, makes and edits
a PK Perubahan (undoable), previews the very pages the PDF prints, saves the PDF."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

pytest.importorskip("pytestqt")

from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.pk.page import PkPage  # noqa: E402


@pytest.fixture
def page(qtbot, demo):
    ctx = WorkbookContext(demo)
    w = PkPage(ctx)
    qtbot.addWidget(w)
    w.show()  # as in the window; a hidden PK page reloads only when shown
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

    from lkip_desktop.ui.pk.render import print_pages

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


def test_logo_button_stores_in_workbook_undoably(page, demo, tmp_path):
    from PIL import Image as PILImage

    from lkip_desktop.reports.pk_document import Image

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (40, 50), "red").save(logo)
    page.versions.setCurrentRow(0)
    assert page.set_logo(logo)
    assert demo.wb.opd.logo == logo.read_bytes() and page.btn_nologo.isEnabled()
    img = next(i for i in page.pages()[0].items if isinstance(i, Image))
    assert page.refresh_preview() == 2  # the QPainter preview draws the workbook's logo too
    shown = page.preview_box.images[0]
    scale = shown.width() / page.pages()[0].width
    assert shown.pixelColor(int((img.x + img.w / 2) * scale), int((img.y + img.h / 2) * scale)).red() > 200
    assert shown.pixelColor(int((img.x + img.w / 2) * scale), int((img.y + img.h / 2) * scale)).green() < 60
    page.context.undo_stack.undo()
    assert demo.wb.opd.logo is None and not page.btn_nologo.isEnabled()
    bad = tmp_path / "logo.gif"
    PILImage.new("RGB", (4, 4)).save(bad, "GIF")
    assert not page.set_logo(bad)
    assert "PNG atau JPEG" in page.message.text() and demo.wb.opd.logo is None


def test_date_style_checkbox_is_the_workbook_setting(page, demo, tmp_path):
    page.versions.setCurrentRow(0)
    assert page.chk_zero.isChecked()
    page.chk_zero.setChecked(False)
    assert demo.wb.settings.tanggal_nol is False
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(page.save_pdf(tmp_path / "a.pdf"))).pages)
                    .split())
    assert "Bekasi, 2 Januari 2024" in text
    page.context.undo_stack.undo()
    assert demo.wb.settings.tanggal_nol is True and page.chk_zero.isChecked()


def test_sign_is_not_an_undo_step_and_keeps_the_others(page, demo):
    from lkip_desktop.store.ops import CellRef

    page.versions.setCurrentRow(0)
    new_id = page.make_perubahan()
    page._set_field("tanggal", date(2024, 12, 2))
    page.context.set_cell(CellRef("opd", (1,), "singkatan"), "SETDA")  # an unrelated edit
    steps = page.context.undo_stack.count()
    assert page.sign_current()
    assert demo.wb.pk_versions[new_id].ditandatangani
    assert page.context.undo_stack.count() == steps  # nothing pushed
    assert "dikunci" in page.message.text() and not page.btn_sign.isEnabled()
    page.context.undo_stack.undo()  # undoes the unrelated edit, not the signature
    assert demo.wb.opd.singkatan == "Setda" and demo.wb.pk_versions[new_id].ditandatangani
    page.context.undo_stack.undo()  # the draft's date: refused by the lock, with its message
    assert demo.wb.pk_versions[new_id].tanggal == date(2024, 12, 2)
    assert "ditandatangani" in page.message.text()


def test_sign_dialog_says_it_cannot_be_undone(page, demo, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page.versions.setCurrentRow(0)
    new_id = page.make_perubahan()
    page._set_field("tanggal", date(2024, 12, 2))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page._sign()  # closed without choosing: nothing signed
    assert "tidak dapat dibatalkan" in shown[0] and "PK Perubahan" in shown[0]
    assert not demo.wb.pk_versions[new_id].ditandatangani


def test_lower_level_pk_from_the_page(page, demo, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    units = page.lower_units()
    assert any(label.strip().startswith("Program (eselon III): 3 ") for label, _ in units)
    label, unit_id = next(u for u in units if u[0].strip().startswith("Program (eselon III): 3 "))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (label, True))
    page._lower()
    pk = page.current()
    assert pk is not None and demo.wb.pk_versions[pk.id].pihak2_nama == "Drs. Junaedi"
    assert "eselon III" in page.versions.currentItem().text()
    assert page.tbl_sasaran.horizontalHeaderItem(0).text() == "Program"
    assert page.tbl_program.horizontalHeaderItem(0).text() == "Kegiatan"
    assert "IV.d" in page.lbl_p2_detail.text()  # undated draft: the OPD head's latest signed PK
    assert page.btn_profile.text() == "Ambil atasan dari buku kerja"
    page.context.undo_stack.undo()  # creating it is one undo step
    assert pk.id not in demo.wb.pk_versions
    # a second PK for a unit that has one is a PK Perubahan
    first = page.new_lower(unit_id)
    second = page.new_lower(unit_id)
    assert demo.wb.pk_versions[first].jenis == "murni" and demo.wb.pk_versions[second].jenis == "perubahan"


def test_a_hidden_page_reloads_when_shown_again(page, demo):
    """An edit made elsewhere while the PK page is hidden costs that edit no reload; the page
    shows it as soon as it is shown again."""
    from lkip_desktop.store.ops import CellRef

    page.versions.setCurrentRow(0)
    page.make_perubahan()
    row_id = page.tbl_sasaran.item(2, 3).data(0x0100)
    assert "pk-target" not in [w.code for w in page.warnings]
    page.hide()
    reloads = []
    real_reload = page.reload
    page.reload = lambda: (reloads.append(1), real_reload())
    page.context.set_text(CellRef("pk_sasaran", (row_id,), "target"), "25.5")
    page.context.set_text(CellRef("opd", (1,), "nama"), "Dinas Uji Coba")
    assert demo.wb.pk_sasaran[row_id].target == "25.5" and not reloads
    page.show()
    assert reloads == [1]  # once for both edits
    assert "pk-target" in [w.code for w in page.warnings]
