"""Crash reports without a network: an unexpected exception (main thread, Qt slot or worker
thread) and a hard crash (faulthandler) are written to a rotating log in the platform's log
folder, so a user can hand the file over; nothing is ever sent anywhere.

``install(on_crash)`` sets ``sys.excepthook`` and ``threading.excepthook``; ``on_crash(text)``
is how the front end tells the user (the GUI shows a dialog, the CLI prints one line).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from pathlib import Path
from typing import Callable

from . import paths

LOG_NAME = "lkip-desktop.log"
FAULT_NAME = "crash-fatal.log"  # faulthandler needs a plain file descriptor, not a handler
MAX_BYTES = 1_000_000
BACKUPS = 3

log = logging.getLogger("lkip_desktop.crash")
_state: dict = {}


def log_file() -> Path | None:
    """The current log file, once ``install`` ran."""
    return _state.get("file")


class _RotatingLog(logging.Handler):
    """The rotating log file, its handler made with the first record: ``logging.handlers``
    pulls socket, pickle and queue (~7 ms of every start) and most sessions log nothing."""

    def __init__(self, folder: Path):
        super().__init__(logging.WARNING)
        self.folder = folder
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            import logging.handlers

            self.file = logging.handlers.RotatingFileHandler(self.folder / LOG_NAME, maxBytes=MAX_BYTES,
                                                             backupCount=BACKUPS, encoding="utf-8", delay=True)
            self.file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
        self.file.handle(record)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _fault_file(folder: Path):
    path = folder / FAULT_NAME
    if path.exists() and path.stat().st_size > MAX_BYTES:  # keep one older copy, like the log
        path.replace(path.with_suffix(".log.1"))
    return open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open for faulthandler


def install(on_crash: Callable[[str], None] | None = None, folder: Path | None = None) -> Path:
    """Route unexpected exceptions and fatal crashes to the log; returns the log file."""
    folder = folder or paths.log_dir()
    uninstall()
    handler = _RotatingLog(folder)
    logging.getLogger().addHandler(handler)  # log.exception(...) elsewhere lands there too
    fault = _fault_file(folder)
    faulthandler.enable(file=fault, all_threads=True)
    _state.update(file=folder / LOG_NAME, handler=handler, fault=fault,
                  excepthook=sys.excepthook, threading_hook=threading.excepthook)

    def report(exc_type, exc, tb, where: str) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            _state["excepthook"](exc_type, exc, tb)
            return
        log.error("Kesalahan tak terduga (%s)", where, exc_info=(exc_type, exc, tb))
        handler.flush()
        if on_crash is not None:
            try:
                on_crash(f"{exc_type.__name__}: {exc}")
            except Exception:  # noqa: BLE001 - telling the user must not hide the crash
                log.exception("on_crash")

    sys.excepthook = lambda t, e, tb: report(t, e, tb, "utas utama")
    threading.excepthook = lambda a: report(a.exc_type, a.exc_value, a.exc_traceback,
                                            f"utas {a.thread.name if a.thread else '?'}")
    return folder / LOG_NAME


def uninstall() -> None:
    """Undo ``install`` (tests; a second install)."""
    if not _state:
        return
    logging.getLogger().removeHandler(_state["handler"])
    _state["handler"].close()
    faulthandler.disable()
    _state["fault"].close()
    sys.excepthook = _state["excepthook"]
    threading.excepthook = _state["threading_hook"]
    _state.clear()
