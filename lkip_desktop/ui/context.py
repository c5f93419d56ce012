"""The open workbook as the GUI sees it: the service, the undo stack, and one signal that
tells every page what changed. Pages never write to the service directly: they run an edit
verb (``context.run(rows.add_item, "program", None)``) with the context as its ``book``, so
the verb's ``apply`` pushes one undoable command."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..domain.errors import InputError
from ..edits import values
from ..store.changes import Changes
from ..store.ops import CellRef, Op
from ..store.service import WorkbookService
from .undo import ServiceCommand



class WorkbookContext(QObject):
    changed = Signal(object)  # Changes, after every apply, undo and redo
    failed = Signal(str)  # an Indonesian message when an edit was refused

    def __init__(self, service: WorkbookService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)
        self.findings: list | None = None  # the reviu's findings since the last change (None: not checked)

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

    def run(self, verb, *args, **kwargs):
        """Run an edit verb with this context as its book: one undo step. A refusal (bad
        input, a locked PK, a missing parent) emits ``failed`` and returns None."""
        try:
            return verb(self, *args, **kwargs)
        except InputError as exc:
            self.failed.emit(str(exc))
            return None

    def set_cell(self, ref: CellRef, value, label: str | None = None) -> Changes | None:
        return self.run(values.set_value, ref, value, label or "Ubah nilai")

    def parse(self, ref: CellRef, text: str | None):
        """User text -> value via the service's parser (raises InputError); empty text in a
        target/realisasi/komponen cell is None, which clears it."""
        return self.service.parse(ref, text)

    def set_text(self, ref: CellRef, text: str, label: str | None = None) -> Changes | None:
        """Parse user text for a cell and store it; a parse error emits ``failed``."""
        return self.run(values.set_text, ref, text, label or "Ubah nilai")

    def reviu_findings(self, narasi: dict[str, str]) -> list:
        """The reviu's findings of the workbook as it is now (``narasi``: the report's texts),
        checked once per change: Alur kerja and Reviu both show them, and at 10x a check holds
        the window ~0.2 s."""
        if self.findings is None:
            from ..domain import reviu  # its registry of checks loads when first asked for

            self.findings = reviu.check(self.wb, self.calc, narasi)
        return self.findings

    def notify(self, changes: Changes) -> None:
        self.findings = None  # any change may change them (the narasi texts are stored too)
        self.changed.emit(changes)
