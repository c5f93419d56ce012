"""The Riwayat page: the change history of the current cell, and restoring an old value."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout

from ...store.schema import TABLES
from ...store.ops import CellRef, SetOp
from .. import fmt
from ..grid.view import GridView
from ..tables.lists import HistoryModel
from .base import Page, button


class RiwayatPage(Page):
    title = "Riwayat"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.ref: CellRef | None = None
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

    def set_ref(self, ref: CellRef | None) -> None:
        if ref is None or ref.table not in TABLES or (ref.field not in TABLES[ref.table].fields):
            return
        self.ref = ref
        if self.isVisible():
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()

    def describe(self, ref: CellRef) -> str:
        wb = self.context.wb
        name = ""
        k = ref.key[0] if ref.key else None
        if ref.table in ("indicator", "indicator_value", "komponen") and k in wb.indicators:
            name = wb.indicators[k].nama
        elif ref.table in ("budget_item", "budget_quarter") and k in wb.items:
            name = wb.items[k].nama
        elif ref.table == "prestasi" and k in wb.prestasi:
            name = wb.prestasi[k].uraian
        extra = ""
        if ref.table == "indicator_value":
            per = "tahunan" if ref.key[3] == 0 else f"TW {fmt.ROMAN[ref.key[3]]}"
            extra = f" · {ref.key[2]} {ref.key[1]} {per}"
        elif ref.table == "budget_quarter":
            extra = f" · TW {fmt.ROMAN[ref.key[1]]}"
        elif ref.table == "komponen":
            extra = f" · komponen {ref.key[2]} {ref.key[1]}"
        return f"{TABLES[ref.table].label}: {name[:80]}{extra} · kolom {ref.field}"

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
        e = self.model.entries[self.model.node(idx).id]
        if e.aksi != "ubah" or not e.kolom:
            self.message.emit("Hanya perubahan nilai sel yang dapat dipulihkan; gunakan Urungkan untuk baris.")
            return
        ref = CellRef(e.tabel, tuple(e.kunci), e.kolom)
        if e.tabel not in TABLES or e.kolom not in TABLES[e.tabel].fields:
            return
        ch = self.context.apply([SetOp(ref, e.lama)], f"Pulihkan {TABLES[e.tabel].label}")
        if ch is not None:
            self.message.emit("Nilai lama dipulihkan (Ctrl+Z untuk membatalkan).")
