"""The Dukungan page: which budget items support which IKU (a matrix, or a picker for many IKU)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ...domain import effects as E
from ..grid.view import GridView
from ..tables.anggaran import LinksModel
from .base import Page
from .dukungan_picker import DukunganPicker


MATRIX_MAX_IKU = 12  # more IKU than this: one IKU at a time with a checklist (dukungan_picker)


class DukunganPage(Page):
    title = "Dukungan"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        lay = QVBoxLayout(self)
        self.picker = None
        self.model = None
        if len(context.wb.iku_list()) > MATRIX_MAX_IKU:

            hint = QLabel("Pilih satu IKU, lalu centang sub kegiatan yang mendukungnya. Saring daftar dengan "
                          "kode atau nama; \"Centang semua yang terlihat\" mencentang hasil saringan sekaligus "
                          "(satu langkah urungkan).")
            hint.setWordWrap(True)
            self.picker = DukunganPicker(context, self)
            self.picker.message.connect(self.message)
            lay.addWidget(hint)
            lay.addWidget(self.picker, 1)
            return
        self.model = LinksModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        hint = QLabel("Centang program, kegiatan atau sub kegiatan yang mendukung setiap IKU (Spasi untuk "
                      "mencentang). Anggarannya dipakai untuk serapan dan efisiensi IKU di halaman Capaian. "
                      "Arahkan penunjuk ke judul kolom untuk nama IKU.")
        hint.setWordWrap(True)
        self.names = QLabel()
        self.names.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.names)
        self.model.modelReset.connect(self._names)
        self._names()

    def _names(self) -> None:
        wb = self.context.wb
        self.names.setText(" · ".join(f"{ind.kode or f'IKU {k}'}: {ind.nama}"
                                      for k, ind in enumerate(wb.iku_list(), start=1)))

    def locate(self, place):
        if place.kind != E.LINK:
            return False
        ind_id, item_id = place.id
        if self.picker is not None:
            return self.picker.locate(ind_id, item_id)
        node = self.model.find((E.ITEM, item_id))
        if node is None:
            return False
        col = 2 + self.model.iku_ids.index(ind_id) if ind_id in self.model.iku_ids else 1
        self.view.select_cell(node, col)
        return True
