"""After any edit, every cell whose text changed was named by the model's change signal (or
the model was reset): "exact dataChanged" may leave out cells that did not change, never one
that did. Random value, field and undo steps on the Realisasi and Capaian grids."""

from __future__ import annotations

import random

import pytest

from lkip_desktop.edits import cells
from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.tables import kinerja as K
from lkip_desktop.ui.tables import realisasi as R

from ..grid.grids import Repaints


def _texts(model) -> dict:
    out = {}
    for node in model.iter_nodes():
        for c in range(model.columnCount()):
            index = model.index_of(node, c)
            out[(node.uid, c)] = (index.data(), index.data(0x03))  # display text and tooltip
    return out


def _step(rng: random.Random, ctx, ind, tahun: int) -> None:
    period = rng.choice([0, 0, 1, 2, 3, 4])
    kind = rng.choice(["target", "realisasi", "realisasi"])
    which = rng.random()
    if which < 0.1:
        ctx.set_text(cells.indicator(ind.id, "polaritas"), rng.choice(["positif", "negatif"]))
    elif which < 0.2 and ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    else:
        ref = (cells.target if kind == "target" else cells.realisasi)(ind.id, tahun, period)
        ctx.set_text(ref, rng.choice(["", "0", "7", "45,5", "100", "130", "-3"]))


@pytest.mark.parametrize("cls", [R.RealisasiModel, K.CapaianModel], ids=lambda c: c.__name__)
def test_every_cell_that_changed_was_named(qtbot, demo, cls):
    ctx = WorkbookContext(demo)
    model = cls(ctx)
    if hasattr(model, "refresh"):
        model.refresh()
    model.build_all()
    seen = Repaints(model)
    rng = random.Random(16)
    inds = demo.wb.iku_list()[:4]
    tahun = demo.wb.settings.tahun
    changed_steps = 0
    for _ in range(60):
        before = _texts(model)
        seen.clear()
        _step(rng, ctx, rng.choice(inds), tahun)  # a refused value is told by ``failed``, never raised
        after = _texts(model)
        if seen.reset:
            continue
        changed = [(uid, c) for (uid, c), text in after.items() if before.get((uid, c)) != text]
        changed_steps += bool(changed)
        for uid, c in changed:
            assert seen.covers(model.index_of(model._nodes[uid], c)), (model.columns[c].header, after[(uid, c)])
    assert changed_steps >= 5  # the steps did change what the grid shows (Capaian shows no quarter)
