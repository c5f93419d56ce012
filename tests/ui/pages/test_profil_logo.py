"""Profil OPD: the Pemda logo in the workbook, and every setting editable and explained."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from lkip_desktop.store.schema import TABLES
from lkip_desktop.ui.pages import profil


def _png(tmp_path, name="logo.png"):
    img = QImage(40, 50, QImage.Format.Format_RGB32)
    img.fill(QColor("#1d6b3a"))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    path = tmp_path / name
    path.write_bytes(bytes(buf.data()))
    return path


def test_logo_pick_preview_undo_and_clear(demo_window, tmp_path, monkeypatch):
    page = demo_window.show_page("profil")
    assert page.context.wb.opd.logo is None and not page.logo_clear.isEnabled()
    png = _png(tmp_path)
    monkeypatch.setattr(profil, "ask_logo_path", lambda parent: str(png))
    page.logo_pick.click()
    assert page.context.wb.opd.logo == png.read_bytes()
    assert not page.logo_view.pixmap().isNull() and page.logo_clear.isEnabled()
    ctx = page.context
    ctx.undo_stack.undo()
    assert ctx.wb.opd.logo is None and page.logo_view.pixmap().isNull()
    ctx.undo_stack.redo()
    assert ctx.wb.opd.logo == png.read_bytes()
    page.logo_clear.click()
    assert ctx.wb.opd.logo is None and "belum ada" in page.logo_view.text()
    assert ctx.undo_stack.undoText() == "Hapus logo Pemda"


def test_logo_that_is_not_an_image_is_refused_with_a_message(demo_window, tmp_path, monkeypatch):
    page = demo_window.show_page("profil")
    fake = tmp_path / "bukan.png"
    fake.write_bytes(b"bukan gambar sama sekali")
    monkeypatch.setattr(profil, "ask_logo_path", lambda parent: str(fake))
    assert not page.choose_logo()
    assert page.context.wb.opd.logo is None and page.pesan.text()
    big = tmp_path / "besar.png"
    big.write_bytes(b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10))
    monkeypatch.setattr(profil, "ask_logo_path", lambda parent: str(big))
    assert not page.choose_logo() and "2 MB" in page.pesan.text()
    assert page.context.undo_stack.count() == 0


def test_every_setting_is_editable_labelled_and_explained(demo_window):
    page = demo_window.show_page("profil")
    for field in TABLES["settings"].fields:
        w = page.fields.get(("settings", field))
        assert w is not None, f"no widget for settings.{field}"
        label = w.text() if isinstance(w, QCheckBox) else page.form.findChild(QLabel, f"label_settings_{field}").text()
        assert label and not label.startswith(field), field
        assert w.toolTip() and page.help_labels[field].text() == profil.SETTING_HELP[field]
        assert isinstance(w, (QCheckBox, QComboBox, QLineEdit))
        if isinstance(w, QComboBox):
            assert w.count() >= 2 and w.currentIndex() >= 0


def test_tanggal_nol_is_a_setting_and_undoable(demo_window):
    page = demo_window.show_page("profil")
    box = page.fields[("settings", "tanggal_nol")]
    assert box.isChecked() == page.context.wb.settings.tanggal_nol
    box.setChecked(not box.isChecked())
    assert page.context.wb.settings.tanggal_nol == box.isChecked()
    page.context.undo_stack.undo()
    assert box.isChecked() == page.context.wb.settings.tanggal_nol
    eff = page.fields[("settings", "efisiensi")]
    eff.setCurrentIndex(eff.findData("E2"))
    eff.activated.emit(eff.currentIndex())
    assert page.context.wb.settings.efisiensi == "E2"


def test_rincian_anggaran_is_a_setting_and_undoable(demo_window):
    page = demo_window.show_page("profil")
    box = page.fields[("settings", "rincian_anggaran")]
    assert not box.isChecked() and page.context.wb.settings.rincian_anggaran is False  # today's output
    box.setChecked(True)
    assert page.context.wb.settings.rincian_anggaran is True
    page.context.undo_stack.undo()
    assert page.context.wb.settings.rincian_anggaran is False and not box.isChecked()


def test_signature_fields_on_the_profil_page(demo_window):
    from datetime import date

    page = demo_window.show_page("profil")
    status = page.fields[("opd", "kepala_status")]
    assert isinstance(status, QComboBox) and status.currentData() == ""
    status.setCurrentIndex(status.findData("Plt."))
    status.activated.emit(status.currentIndex())
    assert page.context.wb.opd.kepala_status == "Plt."  # the profile row is replaced on each edit
    tempat, tanggal = page.fields[("opd", "ttd_tempat")], page.fields[("opd", "ttd_tanggal")]
    tempat.setText("Kota Bekasi")
    tempat.editingFinished.emit()
    tanggal.setText("15 Januari 2025")
    tanggal.editingFinished.emit()
    opd = page.context.wb.opd
    assert (opd.ttd_tempat, opd.ttd_tanggal, opd.kepala_status) == ("Kota Bekasi", date(2025, 1, 15), "Plt.")
    assert tanggal.text() == "15 Januari 2025"
    page.context.undo_stack.undo()
    assert page.context.wb.opd.ttd_tanggal is None and tanggal.text() == ""
