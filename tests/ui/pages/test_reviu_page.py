"""The Reviu page of a big workbook: the check (a worker) starts once the page is painted,
and only while the page is shown; its findings are the ones a small workbook gets at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from lkip_desktop.domain import reviu
from lkip_desktop.ui import work
from lkip_desktop.ui.pages import reviu as reviu_page


def test_a_big_workbook_s_check_starts_after_the_paint_and_only_while_shown(window, demo_path, monkeypatch, qtbot):
    monkeypatch.setattr(reviu_page, "is_big", lambda wb: True)
    started = []
    work.progress_hub.started.connect(started.append)
    try:
        assert window.open_path(demo_path)
        started.clear()
        page = window.show_page("reviu")
        assert page.model.findings == [] and "Memeriksa" in page.summary.text() and not started
        window.show_page("profil")  # left before the check began
        qtbot.wait(50)
        QApplication.processEvents()
        assert not started and page.model.findings == []
        window.show_page("reviu")
        qtbot.waitUntil(lambda: len(page.model.findings) > 0, timeout=20000)
        assert len(started) == 1
    finally:
        work.progress_hub.started.disconnect(started.append)
    ctx = window.context
    want = [(f.code, f.where, f.message) for f in reviu.check(ctx.wb, ctx.calc)]
    assert [(f.code, f.where, f.message) for f in page.model.findings] == want
    assert "temuan" in page.summary.text()


def test_a_show_while_the_check_runs_starts_no_second_check(window, demo_path, monkeypatch, qtbot):
    import threading

    from PySide6.QtCore import QTimer

    monkeypatch.setattr(reviu_page, "is_big", lambda wb: True)
    assert window.open_path(demo_path)
    gate = threading.Event()
    real = reviu.check

    def slow(wb, calc, narasi=None):
        gate.wait(10)
        return real(wb, calc, narasi)

    def away_and_back():
        window.show_page("profil")
        window.show_page("reviu")
        gate.set()

    monkeypatch.setattr(reviu, "check", slow)
    started = []

    def on_start(dialog):
        started.append(dialog)
        QTimer.singleShot(0, away_and_back)  # runs while the worker waits

    work.progress_hub.started.connect(on_start)
    try:
        page = window.show_page("reviu")
        qtbot.waitUntil(lambda: len(page.model.findings) > 0, timeout=20000)
        qtbot.wait(100)
    finally:
        work.progress_hub.started.disconnect(on_start)
    assert len(started) == 1


def test_the_reviu_page_checks_the_report_s_narasi_too(window, demo_path, monkeypatch, qtbot):
    """The Reviu page reads the narasi texts as the CLI and Alur kerja do: a placeholder left
    in a text and a rupiah figure the data does not have are found there (small and big
    workbook alike)."""
    from lkip_desktop.edits import cells

    assert window.open_path(demo_path)
    ctx = window.context
    ctx.set_cell(cells.narasi("kata_pengantar"), "Puji syukur. TODO: isi pengantar.")
    ctx.set_cell(cells.narasi("bab4.langkah"), "Realisasi anggaran sebesar Rp 1.234.567.890 tahun ini.")
    page = window.show_page("reviu")
    found = {(f.code, f.where) for f in page.model.findings}
    assert ("narasi-placeholder", "Narasi Kata Pengantar") in found
    assert ("narasi-rupiah", "Narasi Bab IV – Langkah ke Depan") in found
    monkeypatch.setattr(reviu_page, "is_big", lambda wb: True)  # the worker's check reads them too
    page.model.refresh([])
    assert page.refresh()
    assert {(f.code, f.where) for f in page.model.findings} == found
