"""The Reviu page: the consistency findings, each one jumps to its cell."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ... import collector
from ...domain.numbers import format_number
from ...edits import cells
from ...reports.narrative import narasi_texts
from .. import work
from ..grid.view import GridView
from ..tables.lists import ReviuModel
from .base import Page, after_paint, button, is_big


class ReviuPage(Page):
    title = "Reviu"
    jump = Signal(object)  # edits.cells.Place of the finding

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = ReviuModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(button("&Periksa ulang", self.refresh))
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        intro = QLabel("Klik ganda (atau Enter) pada temuan untuk melompat ke sel yang bermasalah.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.stale = False
        self._queued = False  # a big workbook's check asked for (after the page's paint) or running
        context.changed.connect(self._changed)

    def _changed(self, _ch) -> None:
        if is_big(self.context.wb):
            # A check takes seconds here: say the list is old, re-check on request.
            self.stale = True
            self._summarise()
        elif self.isVisible():
            self._timer.start()

    def on_shown(self) -> None:
        if not is_big(self.context.wb):
            self.refresh()
        elif (not self.model.findings or self.stale) and not self._queued:
            # The worker starts once the page is painted: running beside the first paint it
            # made the window wait 0.1 s for the interpreter at 100x.
            self._queued = True
            self.summary.setText("Memeriksa buku kerja (reviu)…")
            after_paint(self, self._check_shown)

    def _check_shown(self) -> None:
        try:  # queued until the check ends: a show meanwhile starts no second one
            if self.isVisible():
                self.refresh()
            else:  # left before the check began: it runs when the page is shown again
                self._summarise()
        finally:
            self._queued = False

    def refresh(self) -> bool:
        """Run the check (in a worker with Batal on a big workbook). False when cancelled."""
        wb = self.context.wb
        narasi = narasi_texts(self.context.service)  # read here: the file's connection is this thread's
        if is_big(wb) and self.context.findings is None:
            from ...domain import reviu
            from ...domain.compute import Calculator

            def check_all():
                # Its own calculator: the worker never writes the shared cache. The collector
                # paused: its passes over a big workbook hold the interpreter ~0.1 s each, and
                # the window could not answer meanwhile (the findings are no garbage cycles).
                with collector.paused():
                    return reviu.check(wb, Calculator(wb), narasi)

            outcome = work.run_with_progress(self.window(), "Memeriksa buku kerja (reviu)…", check_all)
            if outcome.cancelled:
                self.notice.emit("Pemeriksaan reviu dibatalkan; daftar temuan belum diperbarui.")
                self._summarise()
                return False
            if outcome.error is not None:
                raise outcome.error
            self.context.findings = outcome.result  # no edit ran meanwhile: the dialog was modal
        self.model.refresh(self.context.reviu_findings(narasi))
        self.stale = False
        self._summarise()
        return True

    def _summarise(self) -> None:
        fs = self.model.findings
        err = sum(1 for f in fs if f.level == "kesalahan")
        text = (f"{format_number(len(fs), 0)} temuan: {format_number(err, 0)} kesalahan, "
                f"{format_number(len(fs) - err, 0)} peringatan."
                if fs else "Tidak ada temuan. Buku kerja siap direviu.")
        if self.model.groups:
            text += " Temuan dikelompokkan per pemeriksaan: klik ganda satu kelompok untuk membukanya."
        if self.stale:
            text += " Data sudah berubah sejak pemeriksaan ini – tekan Periksa ulang."
        self.summary.setText(text)

    def _activate(self, index) -> None:
        if not index.isValid():
            return
        node = self.model.node(index)
        if node.kind != "finding":
            return  # a check's group row: a double click folds or opens it
        f = self.model.findings[node.id]
        self.jump.emit(cells.place(f.table, tuple(f.key), f.field))
