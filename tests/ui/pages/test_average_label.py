"""The OPD average above the Realisasi grid: a typed figure that moves it repaints its own
line and the changed cells, never the whole page; its whole text stays reachable however
narrow the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import column, row_of, type_into


class PaintLog(QObject):
    """Every paint rect of the watched widgets."""

    def __init__(self, *widgets):
        super().__init__()
        self.rects: dict[QObject, list[QRect]] = {w: [] for w in widgets}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj in self.rects:
            self.rects[obj].append(event.rect())
        return False


def _ikm(win):
    page = win.show_page("realisasi")
    ikm = next(i for i in win.context.wb.iku_list() if "IKM" in i.nama)
    return page, row_of(page.model, ("indicator", ikm.id))


def test_a_moved_average_repaints_its_line_and_the_changed_cells_only(qtbot, demo_window):
    page, row = _ikm(demo_window)
    view, model = page.view, page.model
    QApplication.processEvents()
    before = page.average.text()
    log = PaintLog(view.viewport(), page.average, page)
    # the delegate's commit (typing also moves focus to the editor and back, which repaints
    # any item view whole: Qt's focus look, not the edit)
    assert model.setData(model.index(row, column(model, "Realisasi 2024")), "91,3")
    qtbot.wait(50)  # layout requests, then the paints they cause
    assert page.average.text() != before and "112,99%" in page.average.text()
    assert log.rects[page.average], "the new average was not painted"
    row_height = view.visualRect(model.index(row, 0)).height()
    assert log.rects[view.viewport()]
    assert all(r.height() <= row_height for r in log.rects[view.viewport()]), log.rects[view.viewport()]
    line = page.average.height()
    assert all(r.height() <= line for r in log.rects[page]), "the page was repainted whole"


def test_the_whole_text_is_in_the_tooltip_and_copied_by_salin(qtbot, demo_window):
    page, _row = _ikm(demo_window)
    avg = page.average
    text = avg.text()
    assert text.startswith("Rata-rata capaian OPD 2024: 112,23% (") and text.endswith("semua IKU)")
    assert avg.toolTip() == text
    avg.resize(avg.minimumSizeHint().width(), avg.height())  # narrower than the note: cut, still painted
    avg.grab()
    salin = next(a for a in avg.actions() if a.text() == "Salin")
    salin.trigger()
    assert QApplication.clipboard().text() == text


def test_the_line_keeps_its_height_whatever_the_figure(qtbot, demo_window):
    page, row = _ikm(demo_window)
    h = page.average.height()
    type_into(qtbot, page.view, page.model.index(row, column(page.model, "Realisasi 2024")), "123456789,5")
    QApplication.processEvents()
    assert page.average.height() == h
    assert page.average.sizeHint().height() == h
