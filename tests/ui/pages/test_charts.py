"""The Capaian charts: painted without error on the demo and an empty workbook, and every
bar is the Calculator's figure."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.pages.charts import ChartsPanel, capaian_bars, serapan_bars, trend_series


def _render(qtbot, ctx) -> tuple[ChartsPanel, QImage]:
    panel = ChartsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    panel.refresh()
    image = panel.widget().grab().toImage()
    assert not image.isNull() and image.width() > 500
    return panel, image


def test_bars_are_the_calculators_figures(qtbot, demo):
    ctx = WorkbookContext(demo)
    panel, image = _render(qtbot, ctx)
    wb, calc = demo.wb, demo.calc
    iku = wb.iku_list()
    assert [b.value for b in panel.capaian.bars] == [calc.indicator(i.id).capaian.value for i in iku]
    assert [b.value for b in panel.serapan.bars] == [calc.totals(p.id).serapan for p in wb.programs()]
    assert panel.capaian.bars == capaian_bars(wb, calc) and panel.serapan.bars == serapan_bars(wb, calc)
    # The demo carries 2023 realisasi: the trend shows, one chart per IKU with history.
    series = trend_series(wb, calc)
    assert series and panel.trend.isVisibleTo(panel)
    for s in series:
        ind = next(i for i in iku if s.label.startswith(i.kode))
        assert dict(s.realisasi)[2024] == calc.indicator(ind.id).realisasi.value
        assert min(y for y, _v in s.realisasi) < wb.settings.tahun
    # Something was painted in the rating colour of the first bar.
    colour = QColor(panel.capaian.bars[0].color).rgb()
    assert any(image.pixel(x, y) == colour for x in range(0, image.width(), 3) for y in range(0, 200, 3))


def test_empty_workbook_renders(qtbot, tmp_path):
    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.create(tmp_path / "baru.lkip", tahun=2025, renstra_awal=2025, renstra_akhir=2029) as svc:
        panel, _image = _render(qtbot, WorkbookContext(svc))
        assert panel.capaian.bars == [] and panel.serapan.bars == []
        assert not panel.trend.isVisibleTo(panel)


def test_capaian_page_has_a_chart_tab_that_follows_edits(qtbot, demo):
    from lkip_desktop.edits import cells
    from lkip_desktop.ui.pages.capaian import CapaianPage

    ctx = WorkbookContext(demo)
    page = CapaianPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(1)
    ind = demo.wb.iku_list()[0]
    ctx.set_text(cells.realisasi(ind.id, demo.wb.settings.tahun), "10")
    assert page.charts.capaian.bars[0].value == demo.calc.indicator(ind.id).capaian.value


def test_the_charts_are_drawn_when_shown_and_again_after_a_change_while_hidden(qtbot, demo):
    from lkip_desktop.edits import cells
    from lkip_desktop.ui.pages.capaian import CapaianPage

    ctx = WorkbookContext(demo)
    page = CapaianPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.charts.capaian.bars == []  # the table tab: no chart made yet
    page.tabs.setCurrentIndex(1)
    assert page.charts.capaian.bars == capaian_bars(demo.wb, demo.calc)
    page.tabs.setCurrentIndex(0)
    ind = demo.wb.iku_list()[0]
    ctx.set_text(cells.realisasi(ind.id, demo.wb.settings.tahun), "10")  # while the charts are hidden
    page.hide()
    page.tabs.setCurrentIndex(1)
    page.show()  # shown again with the chart tab current: no tab change, drawn anew
    assert page.charts.capaian.bars[0].value == demo.calc.indicator(ind.id).capaian.value
