"""The Anggaran grid's "Kelompok program" column: typed on program rows only, one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.tables import anggaran as A


def test_kelompok_is_typed_on_programs_only(qtbot, demo):
    ctx = WorkbookContext(demo)
    model = A.BudgetModel(ctx)
    col = next(i for i, c in enumerate(model.columns) if c.header.startswith("Kelompok"))
    program = demo.wb.programs()[0]
    kegiatan = demo.wb.children(program.id)[0]
    rows = {model.node(model.index(r, 0)).id: r for r in range(model.rowCount())}
    p_index = model.index(rows[program.id], col)
    assert model.flags(p_index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(p_index, "BLU", Qt.ItemDataRole.EditRole)
    assert demo.wb.items[program.id].kelompok == "BLU"
    assert model.data(p_index, Qt.ItemDataRole.DisplayRole) == "BLU"
    k_parent = p_index.sibling(p_index.row(), 0)
    k_rows = {model.node(model.index(r, 0, k_parent)).id: r for r in range(model.rowCount(k_parent))}
    k_index = model.index(k_rows[kegiatan.id], col, k_parent)
    assert not model.flags(k_index) & Qt.ItemFlag.ItemIsEditable
    ctx.undo_stack.undo()
    assert demo.wb.items[program.id].kelompok == ""
