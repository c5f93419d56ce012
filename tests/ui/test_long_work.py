"""Long work off the UI thread: opening a generated 10x workbook and the Reviu
check run in a worker with a progress dialog that can be cancelled."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import QTimer

from lkip_desktop.store.service import WorkbookService
from lkip_desktop.ui import work
from lkip_desktop.ui.pages import base


@pytest.fixture(scope="session")
def _w10(tmp_path_factory):
    from bench.generate import generate

    return generate(tmp_path_factory.mktemp("w10") / "w10.lkip", scale=10)


@pytest.fixture
def w10(_w10, tmp_path):
    path = tmp_path / "besar.lkip"
    shutil.copy(_w10, path)
    return path


def _press_batal_then(release: threading.Event):
    def on_start(dialog):
        def cancel():
            dialog.cancel()
            release.set()
        QTimer.singleShot(0, cancel)
    return on_start


def test_open_10x_in_a_worker(window, w10):
    seen = []
    work.progress_hub.started.connect(seen.append)
    try:
        assert window.open_path(w10)
    finally:
        work.progress_hub.started.disconnect(seen.append)
    assert seen and seen[0].labelText().startswith("Membuka besar.lkip")
    assert len(window.context.wb.iku_list()) == 150
    assert window.stack.currentWidget() is window.work


def test_cancel_opening_leaves_the_window_as_it_was_and_releases_the_file(window, w10, monkeypatch):
    gate = threading.Event()
    real = WorkbookService.open.__func__

    def slow(cls, path, **kw):
        gate.wait(10)
        return real(cls, path, **kw)

    monkeypatch.setattr(WorkbookService, "open", classmethod(slow))
    handler = _press_batal_then(gate)
    work.progress_hub.started.connect(handler)
    try:
        assert not window.open_path(w10)
    finally:
        work.progress_hub.started.disconnect(handler)
    assert window.context is None and window.stack.currentWidget() is window.welcome
    assert "dibatalkan" in window.msg_label.text()
    work.wait_for_orphans()  # the worker ends and closes what it opened
    monkeypatch.setattr(WorkbookService, "open", classmethod(real))
    assert window.open_path(w10)  # not locked by the cancelled load


def test_reviu_of_a_big_workbook_runs_in_a_worker_and_can_be_cancelled(window, w10, monkeypatch, qtbot):
    monkeypatch.setattr(base, "BIG_ROWS", 1000)  # 10x counts as big here
    assert window.open_path(w10)
    page = window.show_page("reviu")
    assert page.model.findings == [] and "Memeriksa" in page.summary.text()  # after the first paint
    qtbot.waitUntil(lambda: len(page.model.findings) > 0, timeout=60000)
    first = len(page.model.findings)
    # an edit does not re-run the slow check: the list is marked stale
    iku = window.context.wb.iku_list()[0]
    from lkip_desktop.store.ops import CellRef

    window.context.set_cell(CellRef("indicator", (iku.id,), "nama"), "Diubah")
    assert page.stale and "Periksa ulang" in page.summary.text()
    from lkip_desktop.domain import reviu

    gate = threading.Event()
    real = reviu.check

    def slow(wb, calc):
        gate.wait(10)
        return real(wb, calc)

    monkeypatch.setattr(reviu, "check", slow)
    handler = _press_batal_then(gate)
    work.progress_hub.started.connect(handler)
    try:
        assert not page.refresh()
    finally:
        work.progress_hub.started.disconnect(handler)
    assert len(page.model.findings) == first and page.stale
    work.wait_for_orphans()
    monkeypatch.setattr(reviu, "check", real)
    assert page.refresh() and not page.stale


def test_the_dialog_is_made_only_for_a_job_that_lasts_and_its_batal_cancels(qtbot, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    made = []
    real = work._dialog
    monkeypatch.setattr(work, "_dialog", lambda p, job: made.append(real(p, job)) or made[-1])
    assert work.run_with_progress(parent, "Sebentar", lambda: 5).result == 5
    assert made == []  # a quick job: no dialog was ever made (nor flashed)

    gate = threading.Event()
    QTimer.singleShot(1500, lambda: gate.set())  # never hangs the suite
    QTimer.singleShot(700, lambda: parent.findChild(QProgressDialog).findChild(QPushButton).click())  # Batal
    out = work.run_with_progress(parent, "Lama sekali", lambda: gate.wait(10), delay_ms=300)
    assert out.cancelled and len(made) == 1 and made[0].labelText() == "Lama sekali"
    gate.set()
    work.wait_for_orphans()


def test_typing_while_a_job_runs_before_its_dialog_is_dropped(qtbot):
    """An edit typed or clicked in the first moments of a job (before the modal dialog exists)
    is dropped, as the dialog would drop it; once the job is done, typing works again."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

    parent = QWidget()
    edit, button = QLineEdit(), QPushButton("Simpan")
    lay = QVBoxLayout(parent)
    lay.addWidget(edit)
    lay.addWidget(button)
    qtbot.addWidget(parent)
    parent.show()
    edit.setFocus()
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    gate = threading.Event()
    seen_during = []

    def meanwhile():  # runs in the job's event loop, before its dialog (delay 5 s)
        QTest.keyClicks(edit, "123")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        seen_during.append(edit.text())
        gate.set()

    QTimer.singleShot(50, meanwhile)
    out = work.run_with_progress(parent, "Sebentar", lambda: gate.wait(10) and 7, delay_ms=5000)
    assert out.result == 7 and seen_during == [""]
    assert edit.text() == "" and clicks == []
    QTest.keyClicks(edit, "45")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert edit.text() == "45" and clicks == [1]
    # a job that reads nothing the window can change (the open of another file) lets it through
    gate.clear()
    QTimer.singleShot(50, meanwhile)
    out = work.run_with_progress(parent, "Membuka", lambda: gate.wait(10) and 8, delay_ms=5000, hold_input=False)
    assert out.result == 8 and edit.text() == "45123" and clicks == [1, 1]


def test_a_job_hands_the_interpreter_to_the_window_more_often_and_restores_it(qtbot):
    """While a worker runs, the window's thread meets the interpreter lock at every event it
    gives to Python (the input gate gives it all): the switch interval is short during a job
    that holds input and as before after it, also when the job fails."""
    import sys

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    before = sys.getswitchinterval()
    seen, gate = [], threading.Event()

    def look():
        seen.append(sys.getswitchinterval())
        gate.set()

    QTimer.singleShot(20, look)
    assert work.run_with_progress(parent, "Sebentar", lambda: gate.wait(10) and 3, delay_ms=5000).result == 3
    assert seen and seen[0] <= work.JOB_SWITCH_INTERVAL < before
    assert sys.getswitchinterval() == before

    def fail():
        gate.wait(10)
        raise ValueError("gagal")

    gate.clear()
    QTimer.singleShot(20, look)
    assert isinstance(work.run_with_progress(parent, "Gagal", fail, delay_ms=5000).error, ValueError)
    assert sys.getswitchinterval() == before
    gate.clear()  # a job without the input gate (the open of a file) keeps the usual interval
    QTimer.singleShot(20, look)
    assert work.run_with_progress(parent, "Membuka", lambda: gate.wait(10) and 4, delay_ms=5000,
                                  hold_input=False).result == 4
    assert seen[-1] == before == sys.getswitchinterval()
