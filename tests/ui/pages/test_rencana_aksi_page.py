"""Realisasi page: target TW I–IV beside realisasi TW I–IV, with capaian per triwulan."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lkip_desktop.edits import cells
from tests.ui.grid.grids import press
from tests.ui.helpers import cell_text, column

TAB = Qt.Key.Key_Tab
ENTER = Qt.Key.Key_Return


def test_quarter_targets_typed_and_capaian_per_quarter(qtbot, demo_window):
    win = demo_window
    page = win.show_page("realisasi")
    view, model = page.view, page.model
    t1, c1 = column(model, "Target TW I"), column(model, "Cap. TW I")
    assert view.isColumnHidden(t1) and view.isColumnHidden(c1)  # off until asked for
    page.plan.setChecked(True)
    assert not view.isColumnHidden(t1) and not view.isColumnHidden(c1)
    view.window().activateWindow()
    view.setFocus()
    view.setCurrentIndex(model.index(0, t1))
    QApplication.processEvents()
    # target TW I, Tab -> realisasi TW I (the capaian cell is skipped), Tab -> target TW II
    press(qtbot, view, "20", TAB, "15", TAB, "30", ENTER)
    ind = win.context.wb.iku_list()[0]
    svc, tahun = win.context.service, win.context.wb.settings.tahun
    assert svc.get(cells.target(ind.id, tahun, 1)) == Decimal(20)
    assert svc.get(cells.realisasi(ind.id, tahun, 1)) == Decimal(15)
    assert svc.get(cells.target(ind.id, tahun, 2)) == Decimal(30)
    assert cell_text(model, 0, c1) == "75,00"
    win.undo()
    assert svc.get(cells.target(ind.id, tahun, 2)) is None
    # hiding the plan again: a pasted row of four lands in realisasi TW I..IV only
    page.plan.setChecked(False)
    ind2 = win.context.wb.iku_list()[1]
    targets = [svc.get(cells.target(ind2.id, tahun, tw)) for tw in (1, 2, 3, 4)]
    view.setCurrentIndex(model.index(1, column(model, "Realisasi TW I")))
    assert view.paste("1\t2\t3\t4\n")
    assert [svc.get(cells.realisasi(ind2.id, tahun, tw)) for tw in (1, 2, 3, 4)] == [Decimal(k) for k in (1, 2, 3, 4)]
    assert [svc.get(cells.target(ind2.id, tahun, tw)) for tw in (1, 2, 3, 4)] == targets
