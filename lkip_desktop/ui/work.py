"""Long work off the UI thread: a worker QThread, a modal progress dialog with "Batal", and a
local event loop so the caller reads like a plain function call.

The window stays painted and the dialog's Batal answers at once; until the (modal) dialog is
shown, what the user types or clicks is dropped as a modal dialog would drop it (an edit
landing while a worker reads the workbook would meet the read halfway). Cancelling drops the
result: the worker runs to its end in the background (the core has no cancel points), so
the function must only read shared state, and ``discard`` tidies up what it made (e.g.
closes a workbook opened for nothing). Workers never touch widgets.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QThread, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog

log = logging.getLogger(__name__)

_orphans: set = set()  # cancelled workers still running; kept alive until they end
# While a worker runs Python, the window's thread waits for the interpreter lock at every event
# it hands to Python, up to a switch interval (5 ms) each; the input gate hands it every event,
# so a 100x Laporan held the window 85-110 ms at a stretch. 1 ms while the gate is on: 56-63 ms.
# (Not for a job without the gate, the open: there it only slowed the worker.)
JOB_SWITCH_INTERVAL = 0.001


class Worker(QThread):
    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread as is
            self.error = exc


@dataclass
class Outcome:
    """What a long job ended with: its result, its error, or Batal."""
    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


class _Tidy(QObject):
    """Lives in the UI thread; the worker's ``finished`` reaches it queued."""

    def __init__(self, worker: Worker, discard):
        super().__init__()
        self.worker = worker
        self.discard = discard
        self.cancelled = False
        self.seen_finish = False
        self.cleaned = False

    @Slot()
    def done(self) -> None:
        self.seen_finish = True
        if self.cancelled:
            self.cleanup()

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.cleaned = True
        w = self.worker
        _orphans.discard(self)
        w.wait()
        if w.error is None and self.discard is not None and w.result is not None:
            try:
                self.discard(w.result)
            except Exception:  # noqa: BLE001 - tidying must not raise into the event loop
                log.exception("discard")
        w.deleteLater()
        self.deleteLater()


_USER_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.InputMethod, QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress, QEvent.Type.DragEnter, QEvent.Type.Drop,
})


class _InputGate(QObject):
    """On the application while a job runs without its dialog: drops the user's input."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        return event.type() in _USER_INPUT


class Job(QObject):
    """One long work while it runs: ``cancel`` is the dialog's Batal (a test or the bench may
    press it through ``progress_hub``)."""

    canceled = Signal()

    def __init__(self, label: str):
        super().__init__()
        self._label = label
        self.was_canceled = False

    def labelText(self) -> str:  # noqa: N802 - the dialog's name for it
        return self._label

    def cancel(self) -> None:
        if not self.was_canceled:
            self.was_canceled = True
            self.canceled.emit()


class Progress(QObject):
    """Emitted for every long job, so tests (and the bench) can press Batal."""

    started = Signal(object)  # the Job


progress_hub = Progress()


def _dialog(parent, job: Job) -> QProgressDialog:
    dialog = QProgressDialog(job.labelText(), "Batal", 0, 0, parent)
    dialog.setWindowTitle("Mohon tunggu")
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    dialog.show()
    return dialog


def run_with_progress(parent, label: str, fn: Callable[[], Any], *, discard: Callable[[Any], None] | None = None,
                      delay_ms: int = 400, cancel: threading.Event | None = None, hold_input: bool = True) -> Outcome:
    """Run ``fn`` in a worker thread; the dialog appears when it takes longer than ``delay_ms``
    (it is made only then: most jobs end sooner, and a dialog costs ~5 ms to make).
    ``cancel`` is set when the user presses Batal, for work that can stop early.
    ``hold_input=False``: the user's input is not dropped before the dialog, for a job that
    reads nothing the window can change (an application-wide filter has every event of the
    window made a Python object: ~15 ms on the first job of a session)."""
    worker = Worker(fn)
    tidy = _Tidy(worker, discard)
    worker.finished.connect(tidy.done)
    job = Job(label)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    job.canceled.connect(loop.quit)
    shown: list[QProgressDialog] = []
    gate = _InputGate()
    app = QApplication.instance()

    def show_dialog() -> None:
        if not worker.isFinished():
            app.removeEventFilter(gate)  # the modal dialog takes over (its Batal must answer)
            shown.append(_dialog(parent, job))

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_dialog)
    worker.start()
    progress_hub.started.emit(job)
    if not worker.isFinished() and not job.was_canceled:
        switch = sys.getswitchinterval()
        if hold_input:
            app.installEventFilter(gate)
            sys.setswitchinterval(min(switch, JOB_SWITCH_INTERVAL))
        timer.start(delay_ms)
        try:
            loop.exec()
        finally:
            app.removeEventFilter(gate)
            sys.setswitchinterval(switch)
    timer.stop()
    for dialog in shown:
        dialog.hide()
        dialog.deleteLater()
    if job.was_canceled:  # Batal wins even if the worker ended meanwhile: its result is dropped
        if cancel is not None:
            cancel.set()
        tidy.cancelled = True
        if tidy.seen_finish:
            tidy.cleanup()
        else:
            _orphans.add(tidy)  # done() tidies up when the worker ends (queued, this thread)
        return Outcome(cancelled=True)
    worker.wait()
    out = Outcome(worker.result, worker.error)
    worker.deleteLater()
    tidy.deleteLater()
    return out


def wait_for_orphans(timeout_ms: int = 30000) -> None:
    """At exit: let cancelled workers end (and tidy up) before the app goes away."""
    for t in list(_orphans):
        t.worker.wait(timeout_ms)
    QApplication.processEvents()  # delivers the queued done() of each
    for t in list(_orphans):
        t.cleanup()
