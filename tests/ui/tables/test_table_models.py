"""Every grid model passes Qt's model tester, and a big model does not corrupt refcounts."""

from __future__ import annotations

import gc
import sys

import pytest

from lkip_desktop.store.ops import CellRef
from lkip_desktop.ui.tables import anggaran as A
from lkip_desktop.ui.tables import kinerja as K
from lkip_desktop.ui.tables import lists as L
from lkip_desktop.ui.tables import realisasi as R
from lkip_desktop.ui.context import WorkbookContext

MODELS = [K.RenstraModel, R.RealisasiModel, K.CapaianModel, K.KomponenModel, A.BudgetModel, A.QuarterModel,
          A.LinksModel, L.PrestasiModel, L.ReviuModel, L.HistoryModel]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_model_tester(qtmodeltester, demo, cls):
    ctx = WorkbookContext(demo)
    model = cls(ctx)
    if isinstance(model, K.KomponenModel):
        model.set_indicator(demo.wb.iku_list()[0].id)
    if isinstance(model, L.ReviuModel):
        model.refresh(ctx.reviu_findings({}))
    elif hasattr(model, "refresh"):
        model.refresh()
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    # An edit through the context keeps the model consistent (dataChanged or reset).
    ind = demo.wb.iku_list()[3]
    ctx.set_text(CellRef("indicator_value", (ind.id, 2024, "realisasi", 0), "nilai"), "90")
    qtmodeltester.check(model)


def test_realisasi_scope_all_indicators(qtmodeltester, demo):
    model = R.RealisasiModel(WorkbookContext(demo), scope="semua")
    assert model.rowCount() == len(demo.wb.indicators)
    qtmodeltester.check(model)


def test_edit_emits_exact_data_changed(qtbot, demo):
    ctx = WorkbookContext(demo)
    model = R.RealisasiModel(ctx)
    seen = []
    model.dataChanged.connect(lambda a, b: seen.append((a.row(), a.column(), b.row(), b.column())))
    ind = demo.wb.iku_list()[3]
    ctx.set_text(CellRef("indicator_value", (ind.id, 2024, "realisasi", 1), "nilai"), "20")
    # TW I cell of row 3 and its capaian, then realisasi/capaian/peringkat of that row: nothing
    # else (not the targets, not the other quarters' realisasi or capaian).
    heads = [c.header.replace("\n", " ") for c in model.columns]
    want = {"Realisasi TW I", "Cap. TW I (%)", "Realisasi 2024", "Capaian (%)", "Peringkat"}
    got = {heads[c] for (r0, a, r1, b) in seen for c in range(a, b + 1)}
    assert {r for (r, _a, _b, _c) in seen} == {3} and got == want
    assert seen[0] == (3, heads.index("Realisasi TW I"), 3, heads.index("Cap. TW I (%)"))
    seen.clear()
    ctx.set_text(CellRef("indicator_value", (ind.id, 2024, "realisasi", 0), "nilai"), "21")
    assert {heads[c] for (_r, a, _s, b) in seen for c in range(a, b + 1)} == {"Realisasi 2024", "Capaian (%)",
                                                                             "Peringkat"}


def test_big_model_keeps_refcount_of_none(qtbot, demo):
    """PySide6 6.12.0 corrupted refcounts on Python 3.11 (EXAMPLES.md, pitfalls): fill a big
    tree model, walk it under a repainting view, and check None's refcount does not fall."""
    from lkip_desktop.store.ops import InsertOp
    from lkip_desktop.ui.grid.view import GridView
    from lkip_desktop.domain.model import new_id

    kegiatan = next(i for i in demo.wb.items.values() if i.level == "kegiatan")
    ops = [InsertOp("budget_item", {"id": new_id(), "level": "sub_kegiatan", "parent_id": kegiatan.id,
                                    "kode": f"9.{k}", "nama": f"Sub {k}", "pagu_murni": k, "pagu_perubahan": k,
                                    "urut": 100 + k}) for k in range(3000)]
    ctx = WorkbookContext(demo)
    ctx.apply(ops, "banyak")
    model = A.BudgetModel(ctx)
    view = GridView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(3):
        for node in model.iter_nodes():
            idx = model.index_of(node, 2)
            idx.data()
            idx.data(0x0D)  # BackgroundRole
        view.viewport().repaint()
        model.reload()
    gc.collect()
    assert sys.getrefcount(None) >= before - 50
