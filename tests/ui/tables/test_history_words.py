"""The Riwayat grid shows audit rows in words (edits.cells.entry_label / entry_value)."""

from __future__ import annotations

from lkip_desktop.edits import cells


def test_riwayat_grid_shows_the_words(qtbot, demo):
    from lkip_desktop.ui.context import WorkbookContext
    from lkip_desktop.ui.tables.lists import HistoryModel

    ctx = WorkbookContext(demo)
    leaf = next(it for it in demo.wb.items.values() if it.level == "sub_kegiatan")
    ctx.set_text(cells.quarter(leaf.id, 3, "realisasi_keuangan"), "160.250.000")
    model = HistoryModel(ctx)
    model.show(None)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[3] == f"Triwulan · Realisasi keuangan (Rp) · {leaf.kode} {leaf.nama} · TW III"
    assert row[5] == "Rp 160.250.000"
