"""The composite indicator editor under the Renstra tree: formula over komponen, their values
for the year and the live result, before anything is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit

from ...domain.numbers import format_number
from ...edits import cells
from .. import fmt
from ..grid.view import GridView
from ..tables.kinerja import KomponenModel
from .base import ERROR_STYLE, OK_STYLE, button


class KomponenEditor(QGroupBox):
    """Formula over komponen, their values for the year, and the live result: the worked
    computation or the error while typing, before anything is stored."""

    def __init__(self, context, parent=None):
        super().__init__("Indikator komposit (komponen dan rumus)", parent)
        self.context = context
        self.ind_id: str | None = None
        self.nama = QLabel("Pilih sebuah indikator di tabel.")
        self.nama.setWordWrap(True)
        self.rumus_teks = QLineEdit()
        self.rumus_teks.setPlaceholderText("Rumus seperti tercetak di Renstra (teks)")
        self.rumus = QLineEdit()
        self.rumus.setPlaceholderText("mis. jumlah_ikk_meningkat / jumlah_ikk * 100")
        self.hasil = QLabel()
        self.hasil.setWordWrap(True)
        self.hasil.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = KomponenModel(context, self)
        self.view = GridView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.baru_nama = QLineEdit()
        self.baru_nama.setPlaceholderText("nama_komponen")
        self.baru_nilai = QLineEdit()
        self.baru_nilai.setPlaceholderText("nilai")
        tambah = button("&Tambah komponen", self.add_komponen)
        hapus = button("Hapus komponen", self.remove_komponen)
        self.alasan = QLineEdit()
        self.alasan.setPlaceholderText("Alasan pemilihan indikator")

        lay = QGridLayout(self)
        lay.addWidget(self.nama, 0, 0, 1, 3)
        lay.addWidget(QLabel("Rumus (teks):"), 1, 0)
        lay.addWidget(self.rumus_teks, 1, 1, 1, 2)
        lay.addWidget(QLabel("Alasan:"), 2, 0)
        lay.addWidget(self.alasan, 2, 1, 1, 2)
        lbl = QLabel("Rumus &komponen:")
        lbl.setBuddy(self.rumus)
        lay.addWidget(lbl, 3, 0)
        lay.addWidget(self.rumus, 3, 1, 1, 2)
        lay.addWidget(self.hasil, 4, 0, 1, 3)
        lay.addWidget(self.view, 5, 0, 1, 3)
        lay.addWidget(self.baru_nama, 6, 0)
        lay.addWidget(self.baru_nilai, 6, 1)
        lay.addWidget(tambah, 6, 2)
        lay.addWidget(hapus, 7, 2)
        lay.setRowStretch(5, 1)

        self.rumus.textEdited.connect(self.preview)
        self.rumus.editingFinished.connect(self.commit_formula)
        self.rumus_teks.editingFinished.connect(lambda: self._commit_text("rumus", self.rumus_teks))
        self.alasan.editingFinished.connect(lambda: self._commit_text("alasan", self.alasan))
        self.baru_nilai.returnPressed.connect(self.add_komponen)
        context.changed.connect(self._changed)
        self.set_indicator(None)

    @property
    def tahun(self) -> int:
        return self.context.wb.settings.tahun

    def set_indicator(self, ind_id: str | None) -> None:
        wb = self.context.wb
        self.ind_id = ind_id if ind_id in wb.indicators else None
        self.model.set_indicator(self.ind_id)
        enabled = self.ind_id is not None and not self.context.service.readonly
        for w in (self.rumus, self.rumus_teks, self.alasan, self.baru_nama, self.baru_nilai, self.view):
            w.setEnabled(enabled)
        if self.ind_id is None:
            self.nama.setText("Pilih sebuah indikator di tabel untuk mengisi komponen dan rumusnya.")
            self.rumus.setText("")
            self.rumus_teks.setText("")
            self.alasan.setText("")
            self.hasil.setText("")
            return
        ind = wb.indicators[self.ind_id]
        self.nama.setText(f"<b>{ind.nama}</b> ({ind.satuan or 'tanpa satuan'}) – komponen tahun {self.tahun}")
        for w, text in ((self.rumus, ind.rumus_komponen), (self.rumus_teks, ind.rumus), (self.alasan, ind.alasan)):
            w.setText(text)
            w.setCursorPosition(0)
        self.preview()

    def _values(self) -> dict:
        ind = self.context.wb.indicators[self.ind_id]
        return dict(ind.komponen.get(self.tahun, {}))

    def preview(self, _text: str | None = None) -> None:
        """Evaluate the formula as typed (not stored yet) with the stored komponen."""
        if self.ind_id is None:
            return
        text = self.rumus.text().strip()
        ind = self.context.wb.indicators[self.ind_id]
        if not text:
            typed = fmt.typed(ind.typed_realisasi(self.tahun))
            self._show(f"Tanpa rumus: realisasi {self.tahun} diketik langsung ({typed}).", ok=True)
            return
        outcome = self.context.calc.komponen_result(text, self._values(), ind.desimal)
        if outcome.missing:
            self._show("Komponen belum diisi: " + ", ".join(outcome.missing), ok=False)
            return
        if outcome.error:
            self._show(f"Rumus tidak dapat dihitung: {outcome.error}", ok=False)
            return
        result, steps = outcome.value, outcome.worked
        cap = self.context.calc.indicator(self.ind_id).capaian
        extra = f" · capaian {fmt.pct(cap.value)}%" if text == ind.rumus_komponen else ""
        self._show(f"Hasil: {format_number(result, ind.desimal)}   ({steps}){extra}", ok=True)

    def _show(self, text: str, ok: bool) -> None:
        self.hasil.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.hasil.setText(text)

    def commit_formula(self) -> None:
        if self.ind_id is None:
            return
        text = self.rumus.text().strip()
        ind = self.context.wb.indicators[self.ind_id]
        if text == ind.rumus_komponen:
            return
        self.context.set_text(cells.indicator(self.ind_id, "rumus_komponen"), text, "Ubah rumus komponen")
        self.preview()

    def _commit_text(self, field: str, w: QLineEdit) -> None:
        if self.ind_id is None:
            return
        if w.text() != getattr(self.context.wb.indicators[self.ind_id], field):
            self.context.set_text(cells.indicator(self.ind_id, field), w.text(), f"Ubah {field}")

    def add_komponen(self) -> None:
        if self.ind_id is None:
            return
        name = self.baru_nama.text().strip()
        if not name:
            self._show("Isi nama komponen dahulu.", ok=False)
            self.baru_nama.setFocus()
            return
        if name in self._values():
            self._show(f"Komponen '{name}' sudah ada.", ok=False)
            return
        ref = self.model.value_ref(name)
        if self.context.set_text(ref, self.baru_nilai.text() or "0", "Tambah komponen") is not None:
            self.baru_nama.clear()
            self.baru_nilai.clear()
            self.baru_nama.setFocus()

    def remove_komponen(self) -> None:
        idx = self.view.currentIndex()
        if self.ind_id is None or not idx.isValid():
            return
        name = self.model.node(idx).id
        self.context.set_cell(self.model.value_ref(name), None, "Hapus komponen")

    def _changed(self, ch) -> None:
        if self.ind_id is not None and (self.ind_id in ch.affected.indicators or ch.everything):
            if self.ind_id not in self.context.wb.indicators:
                self.set_indicator(None)
                return
            ind = self.context.wb.indicators[self.ind_id]
            if not self.rumus.hasFocus():
                self.rumus.setText(ind.rumus_komponen)
            self.preview()
