"""Start-up, welcome screen, new workbook, recent files, drag-and-drop, file errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from lkip_desktop.ui import appsettings
from lkip_desktop.ui.dialogs.new_workbook import NewWorkbookWizard
from tests.ui.helpers import cell_text, column, type_into


def test_welcome_screen_without_file(window):
    assert window.stack.currentWidget() is window.welcome
    texts = [b.text().replace("&", "") for b in window.welcome.buttons.values()]
    assert texts[:2] == ["Buka contoh (demo)", "Buku kerja baru…"]
    assert "Buka file…" in texts and "Buat dari file tahun lalu…" in texts
    assert not window.act_close.isEnabled()


def test_a_file_given_at_start_opens_without_making_the_welcome_screen(qtbot, errors, demo_path, tmp_path):
    from lkip_desktop.ui.main_window import MainWindow

    win = MainWindow(opening=True)
    qtbot.addWidget(win)
    win.show()
    assert win._welcome is None and win.stack.currentWidget() is not win.work
    assert win.open_path(demo_path)
    assert win._welcome is None and win.stack.currentWidget() is win.work  # never made
    win.close_workbook()
    assert win.stack.currentWidget() is win.welcome  # made when first needed

    failed = MainWindow(opening=True)
    qtbot.addWidget(failed)
    failed.show()
    assert not failed.open_path(tmp_path / "tidak-ada.lkip")
    assert failed.stack.currentWidget() is failed.welcome and errors  # a failed start shows it


def test_open_recent_and_title(window, demo_path):
    assert window.open_path(demo_path)
    assert "Setda" in window.windowTitle() and "2024" in window.windowTitle()
    assert str(demo_path) in window.path_label.text()
    assert appsettings.recent_files()[0] == demo_path.resolve()
    window.close_workbook()
    assert window.welcome.recent.count() == 1
    window.welcome.recent.itemActivated.emit(window.welcome.recent.item(0))
    assert window.context is not None


def test_the_collector_paused_for_an_open_is_on_again_once_events_run(window, demo_path, qtbot):
    import gc

    assert window.open_path(demo_path)
    assert not gc.isenabled()  # the load and the first page are not scanned while being made
    qtbot.waitUntil(gc.isenabled, timeout=2000)  # back on after the first paint
    assert not window.open_path(demo_path.with_name("tidak-ada.lkip"))  # a failed open resumes too
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_a_big_open_is_frozen_until_its_workbook_closes(window, demo_path, qtbot, monkeypatch):
    import gc
    import weakref

    from lkip_desktop import collector

    monkeypatch.setattr(collector, "FREEZE_OVER", 0)  # the demo counts as big
    gc.collect()
    assert window.open_path(demo_path)
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert gc.get_freeze_count() > 0  # the workbook out of the collector's passes
    wb = weakref.ref(window.context.wb)
    qtbot.wait(300)  # the check after the first paint ends (its timer holds the workbook till then)
    window.close_workbook()
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=2000)  # handed back at close
    qtbot.waitUntil(lambda: wb() is None, timeout=2000)  # and freed by that pass, its pages gone first


def test_bad_file_shows_a_dialog_and_nothing_crashes(window, errors, tmp_path):
    bad = tmp_path / "rusak.lkip"
    bad.write_bytes(b"bukan sqlite" * 10)
    assert not window.open_path(bad)
    assert errors and "bukan berkas buku kerja" in errors[0][1]
    assert not window.open_path(tmp_path / "tidak-ada.lkip")
    assert "tidak ditemukan" in errors[1][1]
    assert window.stack.currentWidget() is window.welcome


def test_a_workbook_replaced_by_another_is_freed_and_the_new_one_frozen(window, demo_path, qtbot, monkeypatch, tmp_path):
    import gc
    import shutil
    import weakref

    from lkip_desktop import collector

    monkeypatch.setattr(collector, "FREEZE_OVER", 0)
    other = tmp_path / "lain.lkip"
    shutil.copy(demo_path, other)
    gc.collect()
    assert window.open_path(demo_path)
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    first = weakref.ref(window.context.wb)
    qtbot.wait(300)  # the check after the first paint ends (its timer holds the workbook till then)
    assert window.open_path(other)  # closes the first inside the second's open
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    qtbot.waitUntil(lambda: first() is None, timeout=2000)  # no pass of our own: the open's did it
    assert gc.get_freeze_count() > 0
    window.close_workbook()
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=2000)


def test_a_damaged_quarter_row_found_after_the_first_paint_closes_the_workbook(window, errors, demo_path, qtbot):
    """The window reads the quarterly rows after its first page (domain/pending.py): damage
    there is told as at any open, and the workbook is closed before anything is written."""
    import sqlite3

    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("UPDATE budget_quarter SET realisasi_fisik = 'rusak' WHERE rowid = (SELECT MIN(rowid) FROM budget_quarter)")
    conn.close()
    window.open_path(demo_path)
    qtbot.waitUntil(lambda: window.context is None, timeout=5000)
    assert errors and "budget_quarter" in errors[-1][1] and "realisasi_fisik" in errors[-1][1]
    assert window.stack.currentWidget() is window.welcome


def test_drop_a_workbook_opens_it(window, demo_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_path))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    assert window.context is not None


def test_new_workbook_wizard_then_enter_iku_program_and_realisasi(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "baru.lkip"

    wiz = NewWorkbookWizard(window)
    wiz.edits["nama"].setText("Dinas Contoh")
    wiz.edits["singkatan"].setText("Diskon")
    wiz.tahun.setValue(2025)
    wiz.awal.setValue(2025)
    wiz.akhir.setValue(2029)
    wiz.path.setText(str(target))
    assert wiz.try_create()
    wiz.w.deleteLater()
    assert window.open_path(target)
    assert "Diskon" in window.windowTitle() and "2025" in window.windowTitle()
    # Renstra: tujuan -> sasaran -> indicator with a target
    rs = window.show_page("renstra")
    rs.add_tujuan()
    rs.add_sasaran()
    rs.add_indicator()
    wb = window.context.wb
    assert len(wb.tujuan) == 1 and len(wb.sasaran) == 1 and len(wb.indicators) == 1
    ind = next(iter(wb.indicators.values()))
    node = rs.model.find(("indicator", ind.id))
    rs.view.closePersistentEditor(rs.view.currentIndex())
    type_into(qtbot, rs.view, rs.model.index_of(node, column(rs.model, "Target 2025")), "80")
    # Program tree with pagu
    ang = window.show_page("anggaran")
    ang.add_item("program")
    ang.add_item("kegiatan")
    ang.add_item("sub_kegiatan")
    leaf = next(n for n in ang.model.iter_nodes() if n.kind == "sub_kegiatan")
    type_into(qtbot, ang.view, ang.model.index_of(leaf, column(ang.model, "Pagu murni")), "1.000.000")
    program = next(n for n in ang.model.iter_nodes() if n.kind == "program")
    assert ang.model.index_of(program, column(ang.model, "Pagu murni")).data() == "1.000.000"
    # Realisasi: capaian and the average appear as you type
    real = window.show_page("realisasi")
    type_into(qtbot, real.view, real.model.index(0, column(real.model, "Realisasi 2025")), "88")
    assert cell_text(real.model, 0, column(real.model, "Capaian")) == "110,00"
    assert "110,00%" in real.average.text()
    # the Capaian page's average, hidden while Realisasi was typed in, is current when shown
    cap = window.show_page("capaian")
    assert "110,00%" in cap.average.text()
    window.show_page("realisasi")
    type_into(qtbot, real.view, real.model.index(0, column(real.model, "Realisasi 2025")), "72")
    assert "110,00%" in cap.average.text()  # hidden: not read again per edit
    assert "90,00%" in real.average.text()
    window.show_page("capaian")
    assert "90,00%" in cap.average.text()


def test_every_page_builds_and_keyboard_shortcuts_exist(window, demo_path):
    window.open_path(demo_path)
    from lkip_desktop.ui.pages.registry import PAGES

    for entry in PAGES:
        assert isinstance(window.show_page(entry.key), entry.page_class), entry.key
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.act_undo))}
    for s in ("Ctrl+Z", "Ctrl+Y", "Ctrl+C", "Ctrl+V", "Ctrl+D", "Ctrl+E", "Ctrl+O", "Ctrl+N", "Ctrl+1", "F6"):
        assert s in shortcuts, s


def test_run_demo_smoke_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LKIP_SMOKE_EXIT_MS="3000",  # longer than opening the demo on a busy machine
               XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-m", "lkip_desktop", "--demo"], cwd=root, env=env, timeout=60,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "d" / "LKIP Desktop" / "contoh-setda-2024.lkip").exists()
