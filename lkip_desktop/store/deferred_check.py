"""The part of an open a window leaves for after its first paint: the quarterly budget rows
(half the rows of a big workbook; every item's ``quarters`` waits for them meanwhile, see
``domain.pending``), SQLite's check of every page (``PRAGMA quick_check``) and the session's
backup copy. It runs in a background thread on the session's own connection (the file is held
in exclusive locking mode, so no second connection could read it); SQLite does the page check
with the GIL released, so the window stays responsive (0.2-0.4 s on a city-size file). Every
write waits for it (``finish``): a damaged quarter row or page is never written to."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import files, repository
from .errors import StoreError, load_failure
from .examine import check_integrity


class DeferredCheck:
    def __init__(self, conn: sqlite3.Connection, path: Path | None, backup_folder: Path | None, wb=None):
        """``wb``: a workbook loaded without its quarterly rows, read here."""
        self._conn, self._path, self._folder = conn, path, backup_folder
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._quarters_lock = threading.Lock()
        self._quarters_error: StoreError | None = None
        self._waiting = wb
        if wb is not None:
            repository.hold_quarters(wb, self.arrive)

    @property
    def _name(self) -> str:
        return self._path.name if self._path else "buku kerja"

    def arrive(self) -> None:
        """Put the quarterly rows into the workbook: read here unless the thread did (or
        wait for it). A damaged row leaves every item without quarters and fails ``finish``."""
        with self._quarters_lock:
            wb, self._waiting = self._waiting, None
            if wb is None:
                return
            quarters: dict = {}
            try:
                quarters = repository.read_quarters(self._conn, wb.items)
            except (StoreError, sqlite3.DatabaseError) as exc:
                self._quarters_error = load_failure(exc, self._name)
            except Exception as exc:  # noqa: BLE001 - no item may be left waiting; told at finish
                self._quarters_error = StoreError(
                    f"'{self._name}' tidak terbaca (rincian teknis: {type(exc).__name__}: {exc}).")
            repository.put_quarters(wb, quarters)

    def _run(self, pages: bool) -> None:
        self._error = None
        self.arrive()
        try:
            if pages:
                check_integrity(self._conn, self._name)
            if self._folder is not None and self._quarters_error is None:
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
        if self._quarters_error is not None:
            raise self._quarters_error
        if self._error is not None:
            raise self._error
