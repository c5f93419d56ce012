"""Long report work of the Laporan page kept off the GUI thread. On a big workbook a table that
grows with the workbook (a list of every sub kegiatan takes seconds) and the generated
narrative are built in a worker (``ui.work.run_with_progress``: a progress dialog with Batal
after a moment), against a service of their own: the same workbook, an own Calculator (the
worker never writes the shared cache) and the written sections read beforehand (the file's
connection stays on the GUI thread). A small workbook's work, and the per-IKU tables, run at
once as before."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable

from PySide6.QtCore import QTimer

from ...domain.compute import Calculator
from ...reports.builders import TableSpec, catalogue
from ...reports.narrative import NARASI
from ...reports.table import ReportTable
from .. import work
from ..pages.base import is_big


def worker_service(svc) -> SimpleNamespace:
    """What the report builders read of a service (``wb``, ``calc``, ``narasi``), safe to
    read in a worker thread."""
    texts = {key: svc.narasi(key) for key, _title, _hint in NARASI}
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
            QTimer.singleShot(0, self.preview, self._build)  # not after the preview is gone
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
