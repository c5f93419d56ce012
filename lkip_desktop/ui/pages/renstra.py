"""The Renstra & IKU page: tujuan, sasaran and indicators, with the komponen editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout

from ...edits import cells, rows
from ..grid.view import GridView
from ..tables.kinerja import RenstraModel
from .base import Page, button, confirm_delete, plural
from .komponen_editor import KomponenEditor


class RenstraPage(Page):
    title = "Renstra & IKU"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = RenstraModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.editor = KomponenEditor(context, self)
        bar = QHBoxLayout()
        for text, slot, tip in [
            ("Tambah &tujuan", self.add_tujuan, ""),
            ("Tambah &sasaran", self.add_sasaran, "Di bawah tujuan yang dipilih"),
            ("Tambah &indikator", self.add_indicator, "Di bawah tujuan/sasaran yang dipilih"),
            ("&Hapus baris", self.delete_row, "Hapus baris yang dipilih beserta isinya (dapat diurungkan)"),
        ]:
            bar.addWidget(button(text, slot, tip))
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([1150, 450])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(lambda: self.editor.set_indicator(self.editor.ind_id))

    def on_shown(self) -> None:
        # Start on the first IKU, so the komponen editor shows something useful.
        if not self.view.currentIndex().isValid():
            iku = self.context.wb.iku_list()
            if iku:
                self._locate_in(self.view, ("indicator", iku[0].id), None, 1)

    def _selected(self):
        idx = self.view.currentIndex()
        return self.model.node(idx) if idx.isValid() else None

    def _current(self, cur, _prev) -> None:
        node = self.model.node(cur) if cur.isValid() else None
        self.editor.set_indicator(node.id if node is not None and node.kind == "indicator" else None)

    def _focus_new(self, dep) -> None:
        node = self.model.find(dep)
        if node is not None:
            self.view.select_cell(node, 1)
            self.view.edit(self.view.currentIndex())

    def add_tujuan(self) -> None:
        new = self.context.run(rows.add_tujuan)
        if new is not None:
            self._focus_new(("tujuan", new))

    def add_sasaran(self) -> None:
        wb = self.context.wb
        node = self._selected()
        tid = None
        while node is not None and node.kind != "root":
            if node.kind == "tujuan":
                tid = node.id
                break
            node = node.parent
        if tid is None:
            tl = wb.tujuan_list()
            if not tl:
                self.message.emit("Tambahkan tujuan terlebih dahulu.")
                return
            tid = tl[-1].id
        new = self.context.run(rows.add_sasaran, tid)
        if new is not None:
            self._focus_new(("sasaran", new))

    def add_indicator(self) -> None:
        wb = self.context.wb
        node = self._selected()
        if node is not None and node.kind == "indicator":
            node = node.parent
        if node is None or node.kind not in ("tujuan", "sasaran"):
            sl = wb.sasaran_list()
            if not sl:
                self.message.emit("Pilih sebuah tujuan atau sasaran terlebih dahulu.")
                return
            kind, owner = "sasaran", sl[-1].id
        else:
            kind, owner = node.kind, node.id
        new = self.context.run(rows.add_indicator, kind, owner)
        if new is not None:
            self._focus_new(("indicator", new))

    can_edit_rows = True

    def row_add(self) -> None:
        """Ctrl++: a new row like the selected one (tujuan, sasaran or indikator)."""
        node = self._selected()
        kind = node.kind if node is not None else "tujuan"
        {"tujuan": self.add_tujuan, "sasaran": self.add_sasaran, "indicator": self.add_indicator}[kind]()

    def row_delete(self) -> None:
        self.delete_row()

    def row_move(self, step: int) -> bool:
        node = self._selected()
        if node is None:
            return False
        wb = self.context.wb
        if node.kind == "tujuan":
            sibl, what = wb.tujuan_list(), "Tujuan"
        elif node.kind == "sasaran":
            sibl, what = wb.sasaran_of(wb.sasaran[node.id].tujuan_id), "Sasaran"
        else:
            sibl, what = wb.indicators_of(wb.indicators[node.id].owner_id), "Indikator"
        return self._move(self.view, node.kind, sibl, node.id, step, what)

    def subtree_text(self, node) -> str | None:
        """What goes with a row, or None when it is a lone row."""
        wb = self.context.wb
        if node.kind == "tujuan":
            sas = wb.sasaran_of(node.id)
            inds = len(wb.indicators_of(node.id)) + sum(len(wb.indicators_of(x.id)) for x in sas)
            name = wb.tujuan[node.id].nama
            if not sas and not inds:
                return None
            return (f"Hapus tujuan \u201c{name[:80]}\u201d beserta {plural(len(sas), 'sasaran')} dan "
                    f"{plural(inds, 'indikator')} (dengan target dan realisasinya)?")
        if node.kind == "sasaran":
            inds = len(wb.indicators_of(node.id))
            if not inds:
                return None
            return (f"Hapus sasaran \u201c{wb.sasaran[node.id].nama[:80]}\u201d beserta "
                    f"{plural(inds, 'indikator')} (dengan target dan realisasinya)?")
        return None

    def delete_row(self) -> None:
        node = self._selected()
        if node is None:
            return
        label = {"tujuan": "Hapus tujuan", "sasaran": "Hapus sasaran", "indicator": "Hapus indikator"}[node.kind]
        question = self.subtree_text(node)
        if question and not confirm_delete(self, label, question + "\n\nDapat diurungkan dengan Ctrl+Z."):
            return
        if self.context.run(rows.delete, node.kind, node.id, label) is not None:
            self.notice.emit(f"{label} – dapat diurungkan dengan Ctrl+Z.")

    def locate(self, place):
        if place.kind in ("tujuan", "sasaran"):
            return self._locate_in(self.view, (place.kind, place.id),
                                   place.ref or cells.of_thing(place.kind, place.id, "nama"), 1)
        if place.kind == "indicator":
            ok = self._locate_in(self.view, ("indicator", place.id), place.ref, 1)
            if ok and (place.value == "komponen" or (place.ref is not None and place.ref.field == "rumus_komponen")):
                self.editor.rumus.setFocus()
            return ok
        return False
