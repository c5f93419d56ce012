"""The Capaian & Analisis page: capaian per indicator and the analysis texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QLabel, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from ...domain import effects as E
from ...edits import cells
from ..grid.view import GridView
from ..tables.kinerja import CapaianModel
from .base import Page
from .charts import ChartsPanel
from .widgets import AutoSaveText, AverageLabel, legend_widget


ANALISIS = [
    ("analisis_keberhasilan", "Faktor keberhasilan"),
    ("analisis_penghambat", "Faktor penghambat"),
    ("langkah_perbaikan", "Langkah perbaikan / solusi"),
    ("penjelasan", "Penjelasan tambahan"),
]


class CapaianPage(Page):
    title = "Capaian & Analisis"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = CapaianModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.average = AverageLabel(context)
        box = QGroupBox("Analisis IKU terpilih (untuk Bab III laporan)")
        self.box = box
        grid = QGridLayout(box)
        self.texts: dict[str, AutoSaveText] = {}
        for i, (field, label) in enumerate(ANALISIS):
            t = AutoSaveText()
            t.setTabChangesFocus(True)
            t.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            t.setMinimumHeight(t.fontMetrics().lineSpacing() * 2 + 12)  # a short screen keeps the table's rows
            t.committed.connect(lambda f=field: self._commit(f))
            lab = QLabel(f"{label}:")
            lab.setBuddy(t)
            grid.addWidget(lab, (i // 2) * 2, i % 2)
            grid.addWidget(t, (i // 2) * 2 + 1, i % 2)
            self.texts[field] = t
        self.ind_id: str | None = None
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.average)
        tl.addWidget(self.view, 1)
        tl.addWidget(legend_widget(context))
        self.charts = ChartsPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(top, "Tabel")
        self.tabs.addTab(self.charts, "Grafik")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_charts())
        split.addWidget(self.tabs)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 260])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(lambda: self._select(self.ind_id))
        context.changed.connect(self._changed)
        self._select(None)

    def _current(self, cur, _prev) -> None:
        self._select(self.model.node(cur).id if cur.isValid() else None)

    def _select(self, ind_id) -> None:
        wb = self.context.wb
        self.ind_id = ind_id if ind_id in wb.indicators else None
        ind = wb.indicators.get(self.ind_id) if self.ind_id else None
        self.box.setTitle(f"Analisis: {ind.nama}" if ind else "Analisis IKU terpilih (pilih baris di tabel)")
        for field, t in self.texts.items():
            t.setEnabled(ind is not None and not self.context.service.readonly)
            t.setPlainText(getattr(ind, field) if ind else "")

    def _commit(self, field: str) -> None:
        if self.ind_id is None or self.ind_id not in self.context.wb.indicators:
            return
        text = self.texts[field].toPlainText()
        if text != getattr(self.context.wb.indicators[self.ind_id], field):
            label = dict(ANALISIS)[field]
            self.context.set_text(cells.indicator(self.ind_id, field), text, f"Ubah {label.lower()}")

    def _refresh_charts(self) -> None:
        if self.charts.isVisible():
            self.charts.refresh()
        else:
            self.charts.stale = True  # drawn again when next shown

    def _changed(self, ch) -> None:
        self._refresh_charts()
        if self.ind_id in ch.affected.indicators:
            ind = self.context.wb.indicators.get(self.ind_id)
            for field, t in self.texts.items():
                if ind is not None and not t.hasFocus() and t.toPlainText() != getattr(ind, field):
                    t.setPlainText(getattr(ind, field))

    def locate(self, place):
        if place.kind != E.INDICATOR:
            return False
        field = place.ref.field if place.ref is not None and not place.value else None
        if field in self.texts:
            ok = self._locate_in(self.view, (E.INDICATOR, place.id), None, 1)
            if ok:
                self.texts[field].setFocus()
            return ok
        if place.value in ("target", "realisasi") and place.tahun == self.context.wb.settings.tahun - 1:
            return self._locate_in(self.view, (E.INDICATOR, place.id), place.ref, 1)
        return False
