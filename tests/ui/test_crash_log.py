"""Crash reports without a network: an exception in a slot or in a worker thread ends in the
rotating log and in the "Kesalahan tak terduga" dialog that opens the log folder, never in a
silent death."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from lkip_desktop import crashlog, paths
from lkip_desktop.ui import app as gui_app
from lkip_desktop.ui import crash


@pytest.fixture
def opened_urls(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture
def installed(window):
    gui_app.install_crash_reports(window)
    yield window
    crashlog.uninstall()
    box = crash._open.pop("box", None)
    if box is not None:
        box.close()


def _shown():
    box = crash._open.get("box")
    return box is not None and box.isVisible()


def _crash_box() -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
             and w.windowTitle() == crash.TITLE]
    assert len(boxes) == 1, "exactly one crash dialog"
    return boxes[0]


def _raise(exc):
    raise exc


def test_log_folder_is_the_platform_log_folder(tmp_path):
    folder = paths.log_dir()
    assert folder.is_dir() and str(folder).startswith(str(tmp_path))  # isolated by conftest (XDG_STATE_HOME)


def test_exception_in_a_slot_is_logged_and_shown(installed, qtbot, opened_urls):
    def failing_slot():
        raise ZeroDivisionError("uji slot")

    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(_shown, timeout=5000)
    box = _crash_box()
    assert "uji slot" in box.text() and str(crashlog.log_file()) in box.text()
    text = crashlog.log_file().read_text(encoding="utf-8")
    assert "ZeroDivisionError: uji slot" in text and "in failing_slot" in text
    # a second failure while the dialog is open updates it instead of stacking a new one
    QTimer.singleShot(0, lambda: _raise(ValueError("kedua")))
    qtbot.waitUntil(lambda: "kedua" in box.text(), timeout=5000)
    _crash_box()
    button = next(b for b in box.buttons() if b.text() == crash.OPEN_LOG)
    button.click()
    assert opened_urls == [str(crashlog.log_file().parent)]
    assert installed.isVisible(), "the app stays up"


def test_exception_in_a_worker_thread_is_logged_and_shown(installed, qtbot, opened_urls):
    def work():
        raise KeyError("uji utas")

    t = threading.Thread(target=work, name="pekerja-uji")
    t.start()
    t.join()
    qtbot.waitUntil(_shown, timeout=5000)
    assert "uji utas" in _crash_box().text()
    text = crashlog.log_file().read_text(encoding="utf-8")
    assert "KeyError: 'uji utas'" in text and "pekerja-uji" in text


def test_log_rotates(tmp_path):
    crashlog.install(folder=tmp_path)
    try:
        for _ in range(40):
            try:
                raise RuntimeError("x" * 100_000)
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
    finally:
        crashlog.uninstall()
    logs = sorted(p.name for p in tmp_path.glob("lkip-desktop.log*"))
    assert logs == ["lkip-desktop.log", "lkip-desktop.log.1", "lkip-desktop.log.2", "lkip-desktop.log.3"]
    assert all(p.stat().st_size <= crashlog.MAX_BYTES + 200_000 for p in tmp_path.glob("lkip-desktop.log*"))


def test_unexpected_failure_opening_a_file_uses_the_crash_dialog(installed, qtbot, opened_urls, errors,
                                                                  demo_path, monkeypatch):
    """One dialog for the unexpected, with "Buka folder log"; no second, poorer twin in files.py."""
    from lkip_desktop.store.service import WorkbookService

    def broken_open(*_a, **_k):
        raise ZeroDivisionError("uji buka")

    monkeypatch.setattr(WorkbookService, "open", broken_open)
    assert not installed.open_path(demo_path)
    qtbot.waitUntil(_shown, timeout=5000)
    box = _crash_box()
    assert "uji buka" in box.text() and demo_path.name in box.text()
    assert errors == [], "not the plain error box"
    assert "ZeroDivisionError: uji buka" in crashlog.log_file().read_text(encoding="utf-8")
    next(b for b in box.buttons() if b.text() == crash.OPEN_LOG).click()
    assert opened_urls == [str(crashlog.log_file().parent)]
