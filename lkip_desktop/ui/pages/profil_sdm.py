"""The SDM part of the Profil page: staff counts by golongan, education and jabatan type
(printed as tables in Bab I), added and deleted through the ``rows`` verbs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from ...edits import rows
from ..grid.view import GridView
from ..tables.lists import SDM_LABEL, SdmModel
from .base import button


class SdmEditor(QGroupBox):
    def __init__(self, page):
        super().__init__("Sumber Daya Manusia (tabel di Bab I)")
        self.page = page
        self.context = page.context
        self.model = SdmModel(page.context, self)
        self.view = page.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setMinimumHeight(160)
        self.kategori = QComboBox()
        self.kategori.setObjectName("sdm_kategori")
        for value, label in SDM_LABEL.items():
            self.kategori.addItem(label, value)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kategori:"))
        bar.addWidget(self.kategori)
        bar.addWidget(button("Tambah baris SDM", self.add))
        bar.addWidget(button("Hapus baris SDM", self.delete))
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view)

    def add(self) -> str | None:
        new = self.context.run(rows.add_sdm, self.kategori.currentData())
        if new is not None:
            node = self.model.find(("sdm", new))
            if node is not None:
                self.view.select_cell(node, 1)
        return new

    def delete(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.context.run(rows.delete, "sdm", self.model.node(idx).id, "Hapus baris SDM")
