"""The part of an open a window leaves for after its first paint: SQLite's check of every
page (``PRAGMA quick_check``) and the session's backup copy. It runs in a background thread
on the session's own connection (the file is held in exclusive locking mode, so no second
connection could read it); SQLite does the work with the GIL released, so the window stays
responsive (0.2-0.4 s on a city-size file). Every write waits for it (``finish``)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import files
from .errors import StoreError
from .examine import check_integrity


class DeferredCheck:
    def __init__(self, conn: sqlite3.Connection, path: Path | None, backup_folder: Path | None):
        self._conn, self._path, self._folder = conn, path, backup_folder
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def _run(self, pages: bool) -> None:
        self._error = None
        try:
            if pages:
                check_integrity(self._conn, self._path.name if self._path else "buku kerja")
            if self._folder is not None:
                files.rolling_backup(self._path, self._folder)
        except (StoreError, OSError) as exc:  # OSError: as at open, the file is not worked on
            self._error = exc

    def start(self) -> None:
        """Begin in the background (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, args=(True,), name="cek-berkas", daemon=True)
            self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def finish(self, *, pages: bool = True) -> None:
        """Wait for the background check, or run it here when it was never started; raise
        its StoreError/OSError when the file failed it."""
        if self._thread is None:
            self._run(pages)
        else:
            self._thread.join()
        if self._error is not None:
            raise self._error
