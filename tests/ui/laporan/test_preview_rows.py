"""The preview never measures every row of a long table: the rows in view are fitted to
their wrapped text, the others when they scroll into view; a short table is fitted whole."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from lkip_desktop.reports import table as T  # noqa: E402
from lkip_desktop.ui.laporan import preview as P  # noqa: E402

LONG_TEXT = "kata " * 60


def make_table(n: int, long_rows=(2,)) -> T.ReportTable:
    rows = [T.Row([T.text(LONG_TEXT if r in long_rows else f"baris {r}"), T.text(str(r))]) for r in range(n)]
    return T.ReportTable("uji", "1.1", "Uji", [T.Column(1.0), T.Column(1.0)], [[T.text("A"), T.text("B")]], rows)


@pytest.fixture
def counted(qtbot, monkeypatch):
    asked: set[int] = set()
    data = P.ReportTableModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return data(self, index, role)

    monkeypatch.setattr(P.ReportTableModel, "data", counting)
    view = P.TablePreview(with_charts=False)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    return view, asked


def test_a_long_table_asks_only_for_the_rows_in_view(counted, qtbot):
    view, asked = counted
    view.set_table(make_table(20000, long_rows=(2, 19990)))
    qtbot.wait(10)
    assert view.model.rowCount() == 20001
    assert 0 < len(asked) < 300
    assert view.view.rowHeight(3) > 2 * view.view.rowHeight(2)  # the header row first: body row 2 wraps
    view.view.scrollToBottom()
    qtbot.wait(10)
    assert view.view.rowHeight(19991) > 2 * view.view.rowHeight(19995)  # fitted once in view
    assert len(asked) < 600


def test_a_short_table_is_fitted_whole(counted, qtbot):
    view, asked = counted
    view.set_table(make_table(200, long_rows=(150,)))
    assert view.view.rowHeight(151) > 2 * view.view.rowHeight(150)  # out of view, still fitted
    assert len(asked) == 201
