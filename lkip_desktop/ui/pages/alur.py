"""The "Alur kerja" page: the year's checklist (domain.checklist) with each step's state and
a button that opens the page where the step is done."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...domain import checklist
from ...reports.narrative import narasi_texts
from .. import folders
from .base import Page, after_paint, is_big

# Where each step is done: (page key, button text).
STEP_PAGE = {
    "renstra": ("renstra", "Renstra & IKU"), "pagu": ("anggaran", "Program & Anggaran"),
    "pk": ("pk", "Perjanjian Kinerja"), "tw1": ("realisasi", "Realisasi"), "tw2": ("realisasi", "Realisasi"),
    "tw3": ("realisasi", "Realisasi"), "tw4": ("realisasi", "Realisasi"),
    "perubahan": ("anggaran", "Program & Anggaran"), "narasi": ("laporan", "Laporan (tab Narasi)"),
    "reviu": ("reviu", "Reviu"), "ekspor": ("laporan", "Laporan"),
}
STATE_STYLE = {
    checklist.SELESAI: ("✔", "#1d6b3a", "#e3f4e8"), checklist.SEBAGIAN: ("◐", "#8a5a00", "#fff4d6"),
    checklist.BELUM: ("○", "#b42318", "#fde2e1"), checklist.TIDAK_DIKETAHUI: ("?", "#475467", "#eef1f5"),
}


class AlurPage(Page):
    title = "Alur kerja"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.steps: list[checklist.Step] = []
        self.buttons: dict[str, QPushButton] = {}
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        context.changed.connect(lambda _ch: self._timer.start() if self.isVisible() else None)
        if is_big(context.wb):
            # The steps read every sub kegiatan: made after the page's first paint, so the two
            # halves each keep the window answering (100x: 0.15 s in one go). A page left (or
            # closed with its workbook) meanwhile makes them when next shown.
            self.heading.setText(self._heading("Langkah-langkah sedang diperiksa…"))
            after_paint(self, lambda: self.refresh() if self.isVisible() else None)
        else:
            self.refresh()
        self._just_built = True

    def on_shown(self) -> None:
        # again on every later show: an export made elsewhere changes a step without a change
        # record; the first show follows the build at once (twice the work on a big workbook)
        if not self._just_built:
            self.refresh()
        self._just_built = False

    def compute(self) -> list[checklist.Step]:
        svc = self.context.service
        wb = self.context.wb
        narasi = narasi_texts(svc)
        # A big workbook's reviu takes seconds: its state stays unknown here unless the Reviu
        # page checked it since the last change.
        findings = self.context.findings if is_big(wb) else self.context.reviu_findings(narasi)
        found = folders.found_export(svc)
        return checklist.steps(wb, narasi, findings, found.name if found else None)

    def refresh(self) -> None:
        self.steps = self.compute()
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:  # hidden now: deleteLater waits for the event loop, a ghost meanwhile
                w.hide()
                w.deleteLater()
        self.buttons.clear()
        for row, step in enumerate(self.steps):
            mark, fg, bg = STATE_STYLE[step.state]
            badge = QLabel(f"{mark} {checklist.STATE_TEXT[step.state]}")
            badge.setStyleSheet(f"color: {fg}; background: {bg}; padding: 4px 8px; border-radius: 4px;")
            title = QLabel(f"<b>{row + 1}. {step.title}</b>")
            title.setWordWrap(True)  # a narrow screen wraps it instead of scrolling sideways
            reason = QLabel(step.reason)
            reason.setWordWrap(True)
            page_key, text = STEP_PAGE[step.key]
            btn = QPushButton(f"Buka {text}".replace("&", "&&"))
            btn.clicked.connect(lambda _=False, k=page_key: self.open_page.emit(k))
            self.buttons[step.key] = btn
            self.grid.addWidget(badge, row, 0)
            self.grid.addWidget(title, row, 1)
            self.grid.addWidget(reason, row, 2)
            self.grid.addWidget(btn, row, 3)
        self.grid.setRowStretch(len(self.steps), 1)
        done = sum(1 for s in self.steps if s.state == checklist.SELESAI)
        self.heading.setText(self._heading(f"{done} dari {len(self.steps)} langkah selesai. Tekan tombol di kanan "
                                           "untuk membuka halaman tempat langkah itu dikerjakan."))

    def _heading(self, text: str) -> str:
        return f"<h3>Alur kerja LKIP tahun {self.context.wb.settings.tahun}</h3>{text}"
