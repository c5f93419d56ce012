"""On a big workbook the Laporan page makes its list of tables, a preview of a table that grows
with the workbook and the generated narrative in a worker (ui.work.run_with_progress), after
the event that asked; the results are the ones a small workbook gets at once."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from lkip_desktop.ui import work  # noqa: E402
from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.laporan import longwork, narasi, page as page_module  # noqa: E402
from lkip_desktop.ui.laporan.page import ExportPage  # noqa: E402


@pytest.fixture
def big(monkeypatch, qtbot):
    """The demo treated as a big workbook; every worker started is recorded."""
    for module in (longwork, narasi, page_module):
        monkeypatch.setattr(module, "is_big", lambda wb: True)
    started = []
    work.progress_hub.started.connect(started.append)
    yield started
    work.progress_hub.started.disconnect(started.append)


def test_list_preview_and_narrative_made_in_workers(big, qtbot, demo):
    p = ExportPage(WorkbookContext(demo))
    qtbot.addWidget(p)
    assert p._items() == []  # nothing made in the constructor
    p.show()
    qtbot.waitUntil(lambda: len(p._items()) > 40, timeout=20000)
    qtbot.waitUntil(lambda: p.preview.model.table is not None, timeout=20000)
    assert len(big) >= 2  # the list, then the first table
    p.select_table("3.1")
    qtbot.waitUntil(lambda: p.preview.model.table.key == "bab3.capaian", timeout=20000)
    model = p.preview.model
    assert "123,97" in [model.index(r, 5).data() for r in range(model.rowCount())]
    p.select_table("bab2.strategi")  # reads a written section: read before the worker starts
    qtbot.waitUntil(lambda: p.preview.model.table.key == "bab2.strategi", timeout=20000)
    shown = len(big)
    p.tabs.setCurrentWidget(p.narasi)
    qtbot.waitUntil(lambda: "123,97%" in p.narasi.generated.toPlainText(), timeout=20000)
    assert len(big) == shown + 1


def test_a_cancelled_preview_says_so(big, qtbot, demo):
    p = ExportPage(WorkbookContext(demo))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.preview.model.table is not None, timeout=20000)

    def cancel(dialog):
        dialog.cancel()

    work.progress_hub.started.connect(cancel)  # the next worker is cancelled at once
    try:
        p.select_table("3.1")
        qtbot.waitUntil(lambda: "dibatalkan" in p.preview.caption.text(), timeout=20000)
    finally:
        work.progress_hub.started.disconnect(cancel)
    assert p.preview.model.table is None
    p.select_table("3.2")  # the next choice is built again
    qtbot.waitUntil(lambda: p.preview.model.table is not None and p.preview.model.table.key == "bab3.skala",
                    timeout=20000)
