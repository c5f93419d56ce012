"""The Prestasi page: a list of achievements, added, deleted and moved."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ...edits import cells, rows
from ..grid.view import GridView
from ..tables.lists import PrestasiModel
from .base import Page, button


class PrestasiPage(Page):
    title = "Prestasi"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = PrestasiModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        bar = QHBoxLayout()
        bar.addWidget(button("&Tambah prestasi", self.add))
        bar.addWidget(button("&Hapus prestasi", self.delete))
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        intro = QLabel("Penghargaan yang diterima OPD selama tahun laporan (tanggal, uraian, pemberi).")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

    def add(self) -> None:
        new = self.context.run(rows.add_prestasi)
        if new is not None:
            node = self.model.find(("prestasi", new))
            if node is not None:
                self.view.select_cell(node, 1)
                self.view.edit(self.view.currentIndex())

    def delete(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.context.run(rows.delete, "prestasi", self.model.node(idx).id, "Hapus prestasi")

    can_edit_rows = True

    def row_add(self) -> None:
        self.add()

    def row_delete(self) -> None:
        self.delete()

    def row_move(self, step: int) -> bool:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return False
        return self._move(self.view, "prestasi", self.context.wb.prestasi_list(), self.model.node(idx).id, step,
                          "Prestasi")

    def locate(self, place):
        if place.kind != "prestasi":
            return False
        return self._locate_in(self.view, ("prestasi", place.id), place.ref or cells.prestasi(place.id, "uraian"), 1)
