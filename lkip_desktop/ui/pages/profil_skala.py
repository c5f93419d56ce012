"""The kustom rating scale part of the Profil page: its bands (edge, ≥ or >, kriteria) in a
small grid, added and deleted through the ``scale`` verbs; shown while the workbook rates by
its own scale (the choice itself, its name and the no-data text are settings on the form)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from ...edits import scale
from ..grid.view import GridView
from ..tables.lists import SkalaPitaModel
from .base import button


class SkalaEditor(QGroupBox):
    def __init__(self, page):
        super().__init__("Rentang skala kustom (kriteria capaian)")
        self.page = page
        self.context = page.context
        self.model = SkalaPitaModel(page.context, self)
        self.view = page.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setMinimumHeight(140)
        note = QLabel("Nilai masuk rentang tertinggi yang batas bawahnya tercapai; rentang terbawah menampung "
                      "semua nilai di bawahnya.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555; font-size: 9pt;")
        bar = QHBoxLayout()
        bar.addWidget(button("Tambah rentang", self.add))
        bar.addWidget(button("Hapus rentang", self.delete))
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(bar)
        lay.addWidget(self.view)
        self.context.changed.connect(lambda _ch: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self.context.wb.settings.skala == "kustom")

    def add(self) -> str | None:
        new = self.context.run(scale.add_band)
        if new is not None:
            node = self.model.find(("settings", new))
            if node is not None:
                self.view.select_cell(node, 2)
        return new

    def delete(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.context.run(scale.delete_band, self.model.node(idx).id)
