"""The menus reach every feature (carry, import, template, export) and every page."""

from __future__ import annotations

from pathlib import Path

from lkip_desktop.ui.laporan import page as laporan_page
from lkip_desktop.ui.dialogs import carry_dialog, import_xlsx_dialog


def _texts(window, title):
    menu = [a for a in window.menuBar().actions() if a.text() == title][0].menu()
    return {a.text().replace("&", "").split("\t")[0]: a for a in menu.actions() if a.text()}


def test_file_menu_reaches_carry_import_template_export(demo_window, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(carry_dialog, "attach_history", lambda parent, context: calls.append("riwayat") or 1)
    monkeypatch.setattr(carry_dialog, "new_from_last_year", lambda parent, context=None: calls.append("carry"))
    monkeypatch.setattr(import_xlsx_dialog.ImportXlsxDialog, "run",
                        classmethod(lambda cls, parent, context: calls.append("impor")))
    monkeypatch.setattr(import_xlsx_dialog, "export_entry_template",
                        lambda parent, context: calls.append("templat") or tmp_path / "t.xlsx")
    monkeypatch.setattr(laporan_page.ExportDialog, "run", classmethod(lambda cls, parent, context: calls.append("ekspor")))
    acts = _texts(demo_window, "&Berkas")
    for name in ("Buat dari file tahun lalu…", "Lampirkan riwayat tahun sebelumnya…", "Impor dari Excel…",
                 "Simpan templat isian Excel…", "Ekspor laporan…"):
        assert acts[name].isEnabled(), name
        acts[name].trigger()
    assert calls == ["carry", "riwayat", "impor", "templat", "ekspor"]
    assert "t.xlsx" in demo_window.msg_label.text()


def test_pages_of_other_modules_are_real_pages(demo_window):
    from lkip_desktop.ui.laporan.page import ExportPage
    from lkip_desktop.ui.pk.page import PkPage

    assert isinstance(demo_window.show_page("pk"), PkPage)
    assert isinstance(demo_window.show_page("laporan"), ExportPage)
    pages_menu = _texts(demo_window, "&Halaman")
    assert "Perjanjian Kinerja" in pages_menu and "Laporan" in pages_menu


def test_without_a_workbook_the_workbook_actions_are_off(window):
    acts = _texts(window, "&Berkas")
    for name in ("Lampirkan riwayat tahun sebelumnya…", "Impor dari Excel…", "Simpan templat isian Excel…",
                 "Ekspor laporan…"):
        assert not acts[name].isEnabled(), name
    assert acts["Buat dari file tahun lalu…"].isEnabled()
    assert Path  # noqa: B018
