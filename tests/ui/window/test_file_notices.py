"""Files: automatic backups, where they live, network-share and upgrade notices."""

from __future__ import annotations

import shutil
from pathlib import Path

from lkip_desktop import paths
from lkip_desktop.store.service import WorkbookService
from lkip_desktop.ui import notices

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_opening_keeps_a_rolling_backup(qtbot, demo_window, demo_path):
    # made with the integrity check, once the window has painted (FilesMixin._check_integrity)
    qtbot.waitUntil(lambda: bool(list(paths.backups_dir().glob("demo-*.lkip"))), timeout=5000)
    copies = list(paths.backups_dir().glob("demo-*.lkip"))
    assert len(copies) == 1 and copies[0].stat().st_size == demo_path.stat().st_size
    assert demo_window.notices.bars == []  # a local, current file: nothing to say


def test_welcome_and_help_say_where_backups_live(window, monkeypatch):
    opened = []
    monkeypatch.setattr(notices, "open_folder", lambda p: opened.append(Path(p)) or True)
    assert str(paths.backups_dir()) in window.welcome.where.text()
    assert str(paths.user_config_dir()) in window.welcome.where.text()
    window.welcome.backup_button.click()
    assert opened == [paths.backups_dir()]
    help_menu = [a for a in window.menuBar().actions() if a.text() == "B&antuan"][0].menu()
    texts = [a.text().replace("&", "") for a in help_menu.actions()]
    assert "Lokasi pengaturan dan cadangan…" in texts and "Buka folder cadangan" in texts
    dlg = notices.LocationsDialog(window)
    assert str(paths.backups_dir()) in [w.text() for w in dlg.findChildren(type(window.path_label))]
    dlg.buttons["Buka folder pengaturan"].click()
    assert opened[-1] == paths.user_config_dir()
    dlg.deleteLater()


def test_network_share_shows_a_warning_bar_that_offers_a_local_copy(window, demo_path, tmp_path, monkeypatch):
    monkeypatch.setattr(WorkbookService, "on_network_share", property(lambda self: True))
    assert window.open_path(demo_path)
    bar = window.notices.find("jaringan")
    assert bar is not None and bar.isVisible() and "folder jaringan" in bar.text()
    assert window.context is not None  # not blocking: the workbook is open and usable
    local = tmp_path / "lokal" / "salinan.lkip"
    local.parent.mkdir()
    from lkip_desktop.ui.window import files

    monkeypatch.setattr(files, "ask_save_path", lambda *a: local)
    monkeypatch.setattr(WorkbookService, "on_network_share", property(lambda self: False))
    bar.buttons["Salin ke komputer ini…"].click()
    assert Path(window.context.service.path) == local and local.exists()
    assert window.notices.find("jaringan") is None


def test_upgraded_file_says_where_the_old_copy_is(window, tmp_path, monkeypatch):
    path = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v2.lkip", path)
    opened = []
    monkeypatch.setattr(notices, "open_folder", lambda p: opened.append(Path(p)) or True)
    assert window.open_path(path)
    bar = window.notices.find("format")
    backup = Path(window.context.service.migrated_backup)
    assert bar is not None and str(backup) in bar.text() and "diperbarui" in bar.text()
    bar.buttons["Buka folder"].click()
    assert opened == [backup.parent]
    bar.dismiss()
    assert window.notices.find("format") is None and not window.notices.isVisible()


def test_the_page_check_runs_behind_a_working_window_and_a_damaged_file_is_closed(qtbot, window, demo_path, errors,
                                                                                  monkeypatch):
    """SQLite's page check after the first paint runs in a thread: the window keeps handling
    events meanwhile; a file that fails it is closed with the message."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    from lkip_desktop.store import deferred_check
    from lkip_desktop.store.errors import StoreError

    gate = threading.Event()

    def damaged(conn, name):
        gate.wait(10)
        raise StoreError(f"'{name}' rusak (pemeriksaan integritas gagal: uji)")

    monkeypatch.setattr(deferred_check, "check_integrity", damaged)
    assert window.open_path(demo_path)
    qtbot.waitUntil(lambda: window.context is not None and window.context.service.integrity_check_running,
                    timeout=5000)
    ticks: list[float] = []
    beat = QTimer(window)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start(10)
    qtbot.wait(300)
    beat.stop()
    assert len(ticks) >= 5 and window.context is not None  # events handled while the check runs
    gate.set()
    qtbot.waitUntil(lambda: window.context is None, timeout=5000)
    assert errors and "rusak" in errors[-1][1]
