"""One QUndoCommand type for every edit: it holds service operations and their inverse.

Qt's QUndoStack.push() calls redo() at once. The context applies the edit first (so a
refused edit never reaches the stack) and the command skips that first redo(). Undo
applies the inverse through the same service path; the inverse of that becomes the redo
(so re-inserted rows keep their ids)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand

from ..domain.errors import InputError


class ServiceCommand(QUndoCommand):
    def __init__(self, context, ops: list, label: str):
        super().__init__(label)
        self.context = context
        self.ops = ops
        self.inverse: list = []
        self.last_changes = None
        self._skip_redo = False

    def first_apply(self) -> None:
        self._forward()
        self._skip_redo = True

    def _forward(self) -> None:
        changes = self._apply(self.ops, self.text())
        self.inverse = changes.inverse
        self.last_changes = changes
        self.context.notify(changes)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        try:
            self._forward()
        except InputError as exc:
            self.setObsolete(True)
            self.context.failed.emit(str(exc))

    def undo(self) -> None:
        try:
            changes = self._apply(self.inverse, f"Batalkan: {self.text()}")
        except InputError as exc:
            self.setObsolete(True)
            self.context.failed.emit(str(exc))
            return
        self.ops = changes.inverse
        self.last_changes = changes
        self.context.notify(changes)

    def _apply(self, ops: list, label: str):
        """The service's apply. The first write after opening a big file waits for the file's
        check (up to ~0.6 s at 100x) on this thread, so keys typed meanwhile stay queued and
        none is lost; the wait cursor says why the window does not answer."""
        service = self.context.service
        if not service.integrity_check_pending:
            return service.apply(ops, label)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return service.apply(ops, label)
        finally:
            QGuiApplication.restoreOverrideCursor()
