"""The Laporan page's export worker: writes a finished ExportPlan in a worker thread and
reports progress, the files written, a failure or a cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from ...reports.export import ExportPlan, write_export
from ...reports.table import Cancelled


class ExportJob(QObject):
    """Writes a finished ExportPlan with ``reports.export.write_export``; lives in a worker
    thread (the plan was built on the GUI thread, so the worker never reads the workbook)."""

    progress = Signal(int, int, str)
    finished = Signal(list)  # written paths
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, plan: ExportPlan):
        super().__init__()
        self.plan = plan
        self._stop = threading.Event()
        self.kept: list[Path] = []  # after a cancel: the files finished before it
        self.removed: Path | None = None  # and the partial one removed

    def steps(self) -> int:
        return self.plan.steps

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            result = write_export(self.plan, progress=self.progress.emit, cancel=self._stop.is_set)
        except Cancelled as exc:
            self.kept, self.removed = list(exc.kept), exc.removed
            self.cancelled.emit()
            return
        except OSError as exc:
            self.failed.emit(f"Berkas tidak dapat ditulis: {exc.strerror or exc} ({exc.filename or ''})")
            return
        except Exception as exc:  # report, never crash the GUI thread
            self.failed.emit(f"Ekspor gagal: {exc}")
            return
        self.finished.emit([str(p) for p in result.paths])
