"""ServiceCommand on a bare QUndoStack (no window, no WorkbookContext): push applies the edit,
undo restores the stored value and reports the change, redo applies it again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
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


def test_a_write_waiting_for_the_file_check_shows_the_wait_cursor_and_only_then(qtbot, demo_path):
    """The first write after an open that left its check for later waits for that check on the
    window's thread (typed keys stay queued): the wait cursor is up during that wait only."""
    from PySide6.QtGui import QGuiApplication

    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.open(demo_path, check_later=True) as svc:
        shapes = []
        check = svc.check_integrity

        def watched(**kw):  # the service's own check, watched from inside
            cursor = QGuiApplication.overrideCursor()
            shapes.append(None if cursor is None else cursor.shape())
            return check(**kw)

        svc.check_integrity = watched
        target, stack = _Target(svc), QUndoStack()
        stack.push(ServiceCommand(target, [SetOp(REF, "Dinas Uji")], "Ubah nama"))
        assert shapes == [Qt.CursorShape.WaitCursor] and not svc.integrity_check_pending
        assert QGuiApplication.overrideCursor() is None and svc.get(REF) == "Dinas Uji"
        stack.undo()  # the check has passed: no wait, no cursor
        assert shapes[1:] == [None] and QGuiApplication.overrideCursor() is None
        assert not target.errors
