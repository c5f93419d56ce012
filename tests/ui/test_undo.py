"""ServiceCommand on a bare QUndoStack (no window, no WorkbookContext): push applies the edit,
undo restores the stored value and reports the change, redo applies it again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from lkip_desktop.store.ops import CellRef, SetOp
from lkip_desktop.ui.undo import ServiceCommand

REF = CellRef("opd", (1,), "nama")


class _Target(QObject):
    """What a ServiceCommand needs from its context: the service, notify and failed."""

    failed = Signal(str)

    def __init__(self, service):
        super().__init__()
        self.service = service
        self.seen = []
        self.errors = []
        self.failed.connect(self.errors.append)

    def notify(self, changes) -> None:
        self.seen.append(changes)


def _refs(changes) -> set:
    return {(r.table, tuple(r.key), r.field) for r in changes.cells}


def test_push_undo_redo(qtbot, demo):
    target = _Target(demo)
    stack = QUndoStack()
    before = demo.get(REF)
    assert before != "Dinas Uji"

    stack.push(ServiceCommand(target, [SetOp(REF, "Dinas Uji")], "Ubah nama"))  # push = redo()
    assert demo.get(REF) == "Dinas Uji"
    assert stack.undoText() == "Ubah nama"

    stack.undo()
    assert demo.get(REF) == before
    assert ("opd", (1,), "nama") in _refs(target.seen[-1])

    stack.redo()
    assert demo.get(REF) == "Dinas Uji"
    assert len(target.seen) == 3 and not target.errors


def test_first_apply_is_not_applied_twice(qtbot, demo):
    target = _Target(demo)
    stack = QUndoStack()
    before = demo.get(REF)
    cmd = ServiceCommand(target, [SetOp(REF, "Dinas Uji")], "Ubah nama")
    cmd.first_apply()
    stack.push(cmd)  # skips its first redo(): already applied
    assert len(target.seen) == 1 and demo.get(REF) == "Dinas Uji"
    stack.undo()
    assert demo.get(REF) == before
    stack.redo()
    assert demo.get(REF) == "Dinas Uji" and len(target.seen) == 3
