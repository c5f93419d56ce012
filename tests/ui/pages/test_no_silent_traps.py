"""No silent trap: a pagu perubahan typed while the APBD-P switch is off raises a notice with
a one-click (undoable) switch, so serapan is not silently measured on the pagu murni."""

from PySide6.QtWidgets import QApplication

from lkip_desktop.edits import cells, values
from tests.ui.helpers import column, type_into


def test_pagu_perubahan_with_switch_off_asks_to_switch(qtbot, demo_window):
    win = demo_window
    ctx = win.context
    svc = ctx.service
    leaf = next(i for i in ctx.wb.items.values() if i.level == "sub_kegiatan")
    ctx.set_cell(cells.setting("perubahan_berlaku"), False)
    pairs = [(cells.item(leaf.id, "pagu_murni"), 150_000_000), (cells.item(leaf.id, "realisasi"), 160_250_000)]
    # no sub kegiatan has an APBD-P figure of its own yet (perubahan = murni)
    pairs += [(cells.item(i.id, "pagu_perubahan"), 150_000_000 if i.id == leaf.id else i.pagu_murni)
              for i in ctx.wb.items.values() if i.level == "sub_kegiatan"]
    assert ctx.run(values.set_values, pairs, "siapkan") is not None
    page = win.show_page("anggaran")
    assert page.notices.find("apbd-p") is None
    view, model = page.view, page.model
    node = model.find(("item", leaf.id))
    type_into(qtbot, view, model.index_of(node, column(model, "Pagu perubahan")), "175.000.000")
    QApplication.processEvents()
    bar = page.notices.find("apbd-p")
    assert bar is not None and "pagu murni" in bar.text() and leaf.kode in bar.text()
    serapan = column(model, "Serapan")
    assert model.index_of(node, serapan).data() == "106,83"  # measured on murni, now said aloud
    bar.buttons["Hitung serapan dari pagu perubahan"].click()
    QApplication.processEvents()
    assert svc.get(cells.setting("perubahan_berlaku")) is True
    assert model.index_of(node, serapan).data() == "91,57"
    assert page.notices.find("apbd-p") is None
    win.undo()  # the switch is one undo step
    assert svc.get(cells.setting("perubahan_berlaku")) is False
    assert page.notices.find("apbd-p") is not None


def test_a_big_workbook_s_notice_comes_after_the_first_paint(qtbot, demo_window, monkeypatch):
    from lkip_desktop.ui.pages import anggaran
    from lkip_desktop.ui.pages.anggaran import AnggaranPage

    ctx = demo_window.context
    leaf = next(i for i in ctx.wb.items.values() if i.level == "sub_kegiatan")
    ctx.set_cell(cells.setting("perubahan_berlaku"), False)
    assert ctx.run(values.set_values, [(cells.item(leaf.id, "pagu_murni"), 150_000_000),
                                       (cells.item(leaf.id, "pagu_perubahan"), 175_000_000)], "siapkan") is not None
    assert demo_window.show_page("anggaran").notices.find("apbd-p") is not None  # small: at once
    monkeypatch.setattr(anggaran, "is_big", lambda wb: True)
    page = AnggaranPage(ctx)
    qtbot.addWidget(page)
    assert page.notices.find("apbd-p") is None  # nothing looked at in the constructor
    qtbot.waitUntil(lambda: page.notices.find("apbd-p") is not None)
    assert leaf.kode in page.notices.find("apbd-p").text()
