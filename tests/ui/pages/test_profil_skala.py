"""The rating scale on the Profil page: the five-band preset and kustom in the choice, the
kustom bands grid (copied from the scale in use, typed, ≥/> toggled, added, deleted), the
scale's name, the no-data text and the cap checkbox; each an undoable step."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt

from lkip_desktop.domain.rating import scale_of


def _choose(page, key):
    combo = page.fields[("settings", "skala")]
    combo.setCurrentIndex(combo.findData(key))
    combo.activated.emit(combo.currentIndex())


def test_choices_include_lima_and_kustom(demo_window):
    page = demo_window.show_page("profil")
    combo = page.fields[("settings", "skala")]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Lima tingkat (Sangat Baik … Sangat Kurang)" in labels and any(t.startswith("Kustom") for t in labels)
    _choose(page, "lima")
    assert page.context.wb.settings.skala == "lima" and page.skala.isHidden()
    page.context.undo_stack.undo()
    assert page.context.wb.settings.skala == "d86"


def test_kustom_bands_edited_in_the_grid(demo_window):
    page = demo_window.show_page("profil")
    wb = page.context.wb
    _choose(page, "kustom")
    ed = page.skala
    assert not ed.isHidden() and ed.model.rowCount() == 5  # the D86 bands, copied
    top = ed.model.index(0, 0)
    assert ed.model.setData(top, "92,5", Qt.ItemDataRole.EditRole)
    assert scale_of(wb).bands[0].lower == D("92.5")
    assert not ed.model.setData(top, "abc", Qt.ItemDataRole.EditRole)  # refused, nothing stored
    assert ed.model.setData(ed.model.index(0, 1), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert scale_of(wb).bands[0].inclusive is False
    assert ed.model.setData(ed.model.index(0, 2), "Istimewa", Qt.ItemDataRole.EditRole)
    assert scale_of(wb).bands[0].label == "Istimewa"
    new = ed.add()
    assert new in wb.skala_pita and ed.model.rowCount() == 6
    ed.view.setCurrentIndex(ed.model.index(ed.model.index_of(ed.model.find(("settings", new))).row(), 2))
    ed.delete()
    assert new not in wb.skala_pita
    page.context.undo_stack.undo()
    assert new in wb.skala_pita


def test_name_no_data_text_and_cap(demo_window):
    page = demo_window.show_page("profil")
    wb = page.context.wb
    nama = page.fields[("settings", "skala_nama")]
    nama.setText("Skala Kinerja Kabupaten Contoh")
    nama.editingFinished.emit()
    assert wb.settings.skala_nama == "Skala Kinerja Kabupaten Contoh"
    teks = page.fields[("settings", "teks_tanpa_data")]
    teks.setText("t.a.d.")
    teks.editingFinished.emit()
    assert wb.settings.teks_tanpa_data == "t.a.d."
    cap = page.fields[("settings", "batas_capaian")]
    assert not page.cap_on.isChecked() and not cap.isEnabled()
    page.cap_on.setChecked(True)
    assert wb.settings.batas_capaian == D("100") and cap.isEnabled() and cap.text() == "100"
    cap.setText("120")
    cap.editingFinished.emit()
    assert wb.settings.batas_capaian == D("120")
    page.cap_on.setChecked(False)
    assert wb.settings.batas_capaian is None and not cap.isEnabled()
    page.context.undo_stack.undo()
    assert wb.settings.batas_capaian == D("120") and page.cap_on.isChecked()
