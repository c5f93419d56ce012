"""The open workbook as the GUI sees it: the service, the undo stack, and one signal that
tells every page what changed. Pages never write to the service directly: they call
``apply`` (or ``set_cell``), which pushes an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..domain.errors import InputError
from ..store.ops import CellRef, Changes, Op, SetOp
from ..store.service import WorkbookService
from .undo import ServiceCommand



class WorkbookContext(QObject):
    changed = Signal(object)  # Changes, after every apply, undo and redo
    failed = Signal(str)  # an Indonesian message when an edit was refused

    def __init__(self, service: WorkbookService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)

    @property
    def wb(self):
        return self.service.wb

    @property
    def calc(self):
        return self.service.calc

    def apply(self, ops: list[Op], label: str) -> Changes | None:
        """Apply ``ops`` as one undo step. Returns None (and emits ``failed``) when refused."""
        command = ServiceCommand(self, list(ops), label)
        try:
            command.first_apply()
        except InputError as exc:
            self.failed.emit(str(exc))
            return None
        self.undo_stack.push(command)  # redo() skips its first call: already applied above
        return command.last_changes

    def set_cell(self, ref: CellRef, value, label: str | None = None) -> Changes | None:
        return self.apply([SetOp(ref, value)], label or "Ubah nilai")

    def parse(self, ref: CellRef, text: str | None):
        """User text -> value via the service's parser (raises InputError); empty text in a
        target/realisasi/komponen cell is None, which clears it."""
        return self.service.parse(ref, text)

    def set_text(self, ref: CellRef, text: str, label: str | None = None) -> Changes | None:
        """Parse user text for a cell and store it; a parse error emits ``failed``."""
        try:
            value = self.parse(ref, text)
        except InputError as exc:
            self.failed.emit(str(exc))
            return None
        return self.set_cell(ref, value, label)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
