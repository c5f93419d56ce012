"""The Riwayat page: the change history of the current cell, and restoring an old value."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout

from ...edits import cells, values
from ..grid.view import GridView
from ..tables.lists import HistoryModel
from .base import Page, button


class RiwayatPage(Page):
    title = "Riwayat"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.ref = None  # the cell whose history is shown
        self.model = HistoryModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(GridView.SelectionMode.SingleSelection)
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.all = QCheckBox("Tampilkan &semua perubahan buku kerja")
        self.all.toggled.connect(lambda _on: self.refresh())
        self.restore_btn = button("&Pulihkan nilai lama", self.restore,
                                   "Kembalikan sel ke nilai sebelum perubahan terpilih (dapat diurungkan)")
        bar = QHBoxLayout()
        bar.addWidget(self.what, 1)
        bar.addWidget(self.all)
        bar.addWidget(self.restore_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.view.doubleClicked.connect(lambda _i: self.restore())
        context.changed.connect(lambda _ch: self.refresh() if self.isVisible() else None)
        self.refresh()

    def set_ref(self, ref) -> None:
        if ref is None or not cells.exists(ref):
            return
        self.ref = ref
        if self.isVisible():
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()

    def describe(self, ref) -> str:
        return cells.describe(self.context.wb, ref)

    def refresh(self) -> None:
        ref = None if self.all.isChecked() else self.ref
        self.model.show(ref)
        if ref is None:
            self.what.setText("Semua perubahan terakhir buku kerja." if self.all.isChecked() else
                              "Pilih sebuah sel di halaman lain untuk melihat riwayatnya.")
        else:
            self.what.setText(f"Riwayat sel – {self.describe(ref)}")
        self.restore_btn.setEnabled(bool(self.model.entries) and not self.context.service.readonly)

    def restore(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            self.message.emit("Pilih satu baris riwayat yang akan dipulihkan.")
            return
        entry = self.model.entries[self.model.node(idx).id]
        ch = self.context.run(values.restore, entry)
        if ch is not None:
            self.notice.emit("Nilai lama dipulihkan (Ctrl+Z untuk membatalkan).")
