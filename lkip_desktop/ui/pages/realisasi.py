"""The Realisasi page: targets and realisasi per quarter (the rencana aksi columns shown on
request, remembered), with fisik/keuangan tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ...domain import effects as E
from ..grid.view import GridView
from ..tables.realisasi import RealisasiModel
from .. import appsettings
from .base import Page
from .widgets import AverageLabel, legend_widget


PLAN_KEY = "realisasi/rencana_aksi"  # the quarter plan columns shown


class RealisasiPage(Page):
    title = "Realisasi"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        tabs = QTabWidget(self)
        self.tabs = tabs
        # indicators
        w1 = QWidget()
        self.model = RealisasiModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.scope = QComboBox()
        self.scope.addItem("IKU (indikator sasaran)", "iku")
        self.scope.addItem("Semua indikator", "semua")
        self.scope.currentIndexChanged.connect(lambda _i: self.model.set_scope(self.scope.currentData()))
        top = QHBoxLayout()
        lbl = QLabel("&Tampilkan:")
        lbl.setBuddy(self.scope)
        top.addWidget(lbl)
        top.addWidget(self.scope)
        self.plan = QCheckBox("Target && capaian per tri&wulan (rencana aksi)")
        self.plan.setToolTip("Tampilkan kolom target TW I–IV di samping realisasinya, dengan capaian "
                             "per triwulan (tidak kumulatif).")
        self.plan.setChecked(bool(appsettings.settings().value(PLAN_KEY, False, type=bool)))
        self.plan.toggled.connect(self._show_plan)
        self.model.modelReset.connect(lambda: self._show_plan(self.plan.isChecked(), remember=False))
        top.addWidget(self.plan)
        self.average = AverageLabel(context)
        self.average.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.average, 1)
        self.legend_box = QVBoxLayout()
        self.legend = legend_widget(context)
        self.legend_box.addWidget(self.legend)
        l1 = QVBoxLayout(w1)
        l1.addLayout(top)
        l1.addWidget(self.view, 1)
        l1.addLayout(self.legend_box)
        hint = QLabel("Ketik realisasi TW atau tahunan; capaian dan peringkat dihitung seketika. Arahkan "
                      "penunjuk ke capaian untuk melihat rumusnya. Ctrl+V menempel blok dari Excel.")
        hint.setWordWrap(True)
        l1.addWidget(hint)
        tabs.addTab(w1, "&Indikator kinerja")
        self._show_plan(self.plan.isChecked(), remember=False)
        # quarters: built the first time the tab is shown (a 100x budget tree takes a while)
        self.qmodel = None
        self.qview = None
        self.rupiah = QCheckBox("Tampilkan kolom &rupiah per triwulan")
        w2 = QWidget()
        self._l2 = QVBoxLayout(w2)
        self._l2.addWidget(self.rupiah)
        tabs.addTab(w2, "&Fisik dan keuangan per triwulan")
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        tabs.currentChanged.connect(lambda i: self.ensure_quarters() if i == 1 else None)
        context.changed.connect(self._changed)

    def ensure_quarters(self) -> None:
        if self.qmodel is not None:
            return
        from ..tables.anggaran import QuarterModel  # the quarter tab's model: loaded when first shown

        self.qmodel = QuarterModel(self.context, self)
        self.qview = GridView()
        self.add_view(self.qview, self.qmodel)
        self.rupiah.toggled.connect(self._show_rupiah)
        self._l2.addWidget(self.qview, 1)
        hint2 = QLabel("Fisik dalam satuan keluaran per triwulan (tidak kumulatif); keuangan dalam persen dari "
                       "pagu setahun. Bila jumlah rupiah diisi, persennya dihitung dari rupiah.")
        hint2.setWordWrap(True)
        self._l2.addWidget(hint2)
        self.qmodel.modelReset.connect(lambda: self._show_rupiah(self.rupiah.isChecked()))
        self._show_rupiah(self.rupiah.isChecked())
        self.views_added.emit(self.qview)

    def _changed(self, ch) -> None:
        if ch.everything:
            self.legend_box.removeWidget(self.legend)
            self.legend.deleteLater()
            self.legend = legend_widget(self.context)
            self.legend_box.addWidget(self.legend)

    def _show_plan(self, on: bool, remember: bool = True) -> None:
        for c, col in enumerate(self.model.columns):
            if col.group == "rencana_aksi":
                self.view.setColumnHidden(c, not on)
        if remember:
            appsettings.settings().setValue(PLAN_KEY, on)

    def _show_rupiah(self, on: bool) -> None:
        if self.qmodel is None:
            return
        start = getattr(self.qmodel, "rupiah_start", self.qmodel.columnCount())
        for c in range(start, self.qmodel.columnCount()):
            self.qview.setColumnHidden(c, not on)

    def locate(self, place):
        if place.kind == E.INDICATOR and place.value in ("target", "realisasi") \
                and place.tahun == self.context.wb.settings.tahun:
            if self.model.find((E.INDICATOR, place.id)) is None:
                self.scope.setCurrentIndex(1)
            self.tabs.setCurrentIndex(0)
            node = self.model.find((E.INDICATOR, place.id))
            col = self.model.column_for(node, place.ref) if node is not None and place.ref else None
            if col is not None and self.view.isColumnHidden(col):
                self.plan.setChecked(True)  # a jump to a quarter target shows the plan columns
            return self._locate_in(self.view, (E.INDICATOR, place.id), place.ref, 1)
        if place.kind == E.ITEM_QUARTER:
            self.ensure_quarters()
            self.tabs.setCurrentIndex(1)
            return self._locate_in(self.qview, (E.ITEM, place.id), place.ref, 1)
        return False
