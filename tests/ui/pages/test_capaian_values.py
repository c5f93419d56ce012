"""Capaian page, what the screenshots showed: last year's realisasi as the report prints it."""

from __future__ import annotations

from lkip_desktop.ui import fmt
from tests.ui.helpers import cell_text, column, row_of


def test_last_year_realisasi_and_selisih_as_printed(demo_window):
    page = demo_window.show_page("capaian")
    m = page.model
    iku2 = next(i for i in page.context.wb.iku_list() if i.kode == "IKU-2")
    r = row_of(m, ("indicator", iku2.id))
    assert cell_text(m, r, column(m, "Realisasi 2023")) == "89,41"
    assert cell_text(m, r, column(m, "Selisih")) == "-0,54"
    idx = m.index(r, column(m, "Realisasi 2023"))
    assert idx.data(0x0002) == "89,414"  # EditRole: the editor keeps every digit typed


def test_shown_keeps_short_values_as_typed():
    from decimal import Decimal

    assert fmt.shown(Decimal("50"), 2) == "50"
    assert fmt.shown(Decimal("87.70"), 2) == "87,70"
    assert fmt.shown(Decimal("89.414"), 2) == "89,41"
    assert fmt.shown(None, 2) == "-"
