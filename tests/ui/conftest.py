"""GUI fixtures: a main window on a fresh demo copy, dialogs replaced by recorders."""

from __future__ import annotations

import pytest


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs are recorded instead of shown (a modal box would block the test)."""
    shown: list[tuple[str, str]] = []
    from lkip_desktop.ui.window import files

    monkeypatch.setattr(files, "error_box", lambda parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def window(qtbot, errors):
    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close_workbook()  # release the file before tmp_path goes away


@pytest.fixture
def demo_window(window, demo_path):
    assert window.open_path(demo_path)
    return window
