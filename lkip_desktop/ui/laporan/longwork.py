"""Long report work of the Laporan page kept off the GUI thread. On a big workbook the list of
tables (7,772 at 100x), a table that grows with the workbook (a list of every sub kegiatan
takes seconds) and the generated narrative are made in a worker (``ui.work.run_with_progress``: a progress dialog with Batal
after a moment), against a service of their own: the same workbook, an own Calculator (the
worker never writes the shared cache) and the written sections read beforehand (the file's
connection stays on the GUI thread). A small workbook's work, and the per-IKU tables, run at
once as before. ``StaleRefresh`` runs a tab's refresh when it is shown and its data changed.

A worker's local event loop never runs inside a page's construction, a show event or a change
signal: on a big workbook such work starts after the current event, once the window has
painted (``pages.base.after_paint``: a worker beside a first paint starves it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable

from PySide6.QtCore import QTimer

from ...domain.compute import Calculator
from ...reports.builders import TableSpec, catalogue, standard_tables
from ...reports.narrative import narasi_texts
from ...reports.table import ReportTable
from .. import work
from ..pages.base import after_paint, is_big


def worker_service(svc) -> SimpleNamespace:
    """What the report builders read of a service (``wb``, ``calc``, ``narasi``), safe to
    read in a worker thread."""
    texts = narasi_texts(svc)
    return SimpleNamespace(wb=svc.wb, calc=Calculator(svc.wb), narasi=lambda key: texts.get(key, ""))


def run_in_worker(parent, label: str, fn: Callable[[Any], Any], svc) -> tuple[bool, Any]:
    """``fn(worker_service(svc))`` in a worker: (done, result); done is False when cancelled."""
    own = worker_service(svc)
    out = work.run_with_progress(parent, label, lambda: fn(own))
    if out.cancelled:
        return False, None
    if out.error is not None:
        raise out.error
    return True, out.result


def table_list(parent, svc, shown_only: bool = True) -> list[TableSpec] | None:
    """The tables the report prints (or every table of the catalogue); on a big workbook made
    in a worker, which reads only the workbook (the specs still build with ``svc``). None
    when cancelled."""
    make = standard_tables if shown_only else catalogue
    if not is_big(svc.wb):
        return make(svc)
    out = work.run_with_progress(parent, "Menyusun daftar tabel…", lambda: make(svc))
    if out.cancelled:
        return None
    if out.error is not None:
        raise out.error
    return out.result


class StaleRefresh:
    """Calls ``refresh`` of ``widget`` when the widget is shown and stale (never built, or its
    data changed meanwhile): at once on a small workbook, after the current event on a big one
    or when ``defer`` (a refresh that replaces the cell whose signal asked for it); one at a
    time, and once more if the data changed while it ran. ``refresh`` may set ``stale`` again
    (cancelled): it runs again when next shown or changed."""

    def __init__(self, widget, context, refresh: Callable[[], None], defer: bool = False):
        self.widget = widget
        self.context = context
        self.refresh = refresh
        self.defer = defer
        self.stale = True
        self._queued = False
        self._running = False
        self._again = False

    def mark(self) -> None:
        """The data changed: refresh now if shown, else when shown."""
        self.stale = True
        if self._running:
            self._again = True
        elif self.widget.isVisible():
            self.soon()

    def soon(self) -> None:
        if not self.stale or self._running or self._queued:
            return
        if is_big(self.context.wb):  # its worker starts once the window has painted
            self._queued = True
            after_paint(self.widget, self._run)
        elif self.defer:
            self._queued = True
            QTimer.singleShot(0, self.widget, self._run)
        else:
            self._run()

    def _run(self) -> None:
        self._queued = False
        if not self.stale or self._running or not self.widget.isVisible():
            return
        self._running, self._again, self.stale = True, False, False
        try:
            self.refresh()
        finally:
            self._running = False
        if self._again:
            self.stale = True
            self.soon()


def builds_in_worker(svc, spec: TableSpec | None) -> bool:
    return spec is not None and is_big(svc.wb) and not spec.key.startswith("iku.")


def _build_own(key: str) -> Callable[[Any], ReportTable]:
    return lambda own: next(s for s in catalogue(own) if s.key == key).build()


class PreviewBuilder:
    """Shows the table ``spec_of()`` names in ``preview``; a slow one built in a worker, after
    the event that asked for it (never inside a page's construction or a signal). A new ask
    while a build runs is served when it ends, with the table current then."""

    def __init__(self, preview, context, spec_of: Callable[[], TableSpec | None]):
        self.preview = preview
        self.context = context
        self.spec_of = spec_of
        self._building = False
        self._again = False

    def show(self) -> None:
        if self._building:
            self._again = True
            return
        if builds_in_worker(self.context.service, self.spec_of()):
            self._building = True
            after_paint(self.preview, self._build)  # after the list's paint; not after the preview is gone
        else:
            spec = self.spec_of()
            self.preview.set_table(spec.build() if spec is not None else None)

    def _build(self) -> None:
        try:
            self._again = True
            while self._again:
                self._again = False
                spec = self.spec_of()
                if not builds_in_worker(self.context.service, spec):
                    self.preview.set_table(spec.build() if spec is not None else None)
                    continue
                done, table = run_in_worker(self.preview.window(), f"Menyusun pratinjau {spec.caption}…",
                                            _build_own(spec.key), self.context.service)
                self.preview.set_table(table)
                if not done:
                    self.preview.caption.setText(f"Pratinjau {spec.caption} dibatalkan.")
        finally:
            self._building = False
