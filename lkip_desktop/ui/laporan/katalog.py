"""The "Katalog tabel" tab of the Laporan page: the OPD's own shape of every report table —
shown or not, number, title, source line, column-number row, paper, orientation, its place in
its chapter — edited in place, with the chosen table previewed as it will print.

Every edit runs an ``edits.catalog`` verb through ``context.run`` (one undo step each); the
grid and the preview are rebuilt from ``reports.builders.catalogue`` after every change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ...edits import catalog
from ...reports.builders import TableSpec
from .katalog_model import (
    BAB, CHECK_FIELDS, CHOICE_FIELDS, JUDUL, KERTAS, NOMOR, NOMOR_KOLOM, ORIENTASI, SUMBER, TAMPIL,
    TEXT_FIELDS, CatalogModel, ChoiceDelegate,
)
from .preview import TablePreview
from .rowfit import RowFitter
from .longwork import PreviewBuilder, StaleRefresh, table_list

HINT = ("Atur tabel laporan untuk OPD ini: tampil atau tidak, nomor (kosong = otomatis), judul (kosong = judul "
        "standar), sumber data di bawah tabel, baris nomor kolom (1), (2), …, kertas dan orientasi. Berlaku untuk "
        "PDF, Excel, Word dan pratinjau.")


class CatalogPanel(QWidget):
    """The catalogue grid, move and reset buttons, and the preview of the chosen table."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._specs: list[TableSpec] = []
        self._loading = False

        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.model = CatalogModel(self)
        self.model.edited.connect(self._on_edit)
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(ChoiceDelegate(self.grid))
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().hide()
        self.fitter = RowFitter(self.grid, live=True)  # titles wrap; a long list is measured in view only
        head = self.grid.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(JUDUL, QHeaderView.ResizeMode.Stretch)
        for col, width in ((BAB, 75), (NOMOR, 60), (TAMPIL, 55), (SUMBER, 180), (NOMOR_KOLOM, 90), (KERTAS, 80),
                           (ORIENTASI, 95)):
            self.grid.setColumnWidth(col, width)
        self.grid.selectionModel().currentRowChanged.connect(self._on_current)
        self.grid.clicked.connect(self._on_click)

        self.up_btn = QPushButton("Naik")
        self.down_btn = QPushButton("Turun")
        self.reset_btn = QPushButton("Kembalikan standar")
        self.up_btn.setToolTip("Pindahkan tabel satu tempat ke atas di dalam babnya")
        self.down_btn.setToolTip("Pindahkan tabel satu tempat ke bawah di dalam babnya")
        self.reset_btn.setToolTip("Nomor, judul, sumber, tempat dan pilihan cetak tabel ini kembali standar")
        self.up_btn.clicked.connect(lambda: self.move_current(-1))
        self.down_btn.clicked.connect(lambda: self.move_current(+1))
        self.reset_btn.clicked.connect(self.reset_current)

        self.preview = TablePreview(with_charts=False)  # room for the rows the catalogue shapes
        self._builder = PreviewBuilder(self.preview, context, self._current_spec)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(hint)
        tl.addWidget(self.grid, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_btn)
        buttons.addWidget(self.down_btn)
        buttons.addWidget(self.reset_btn)
        buttons.addStretch(1)
        tl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        # built when first shown; rebuilt after the event that changed the data (not inside
        # the signal of the cell or editor the rebuild replaces), and only when shown
        self._lazy = StaleRefresh(self, context, self.refresh, defer=True)
        context.changed.connect(self._on_changed)

    def _on_changed(self, _changes) -> None:
        self._lazy.mark()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.soon()

    # -- the grid --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._lazy.stale = False
        specs = table_list(self.window(), self.context.service, shown_only=False)
        if specs is None:  # cancelled: made again when next shown
            self._lazy.stale = True
            return
        current = self.current_key()
        self._specs = specs
        self._loading = True
        self.fitter.pause()
        self.model.set_rows(self._specs, self.context.wb.tabel_laporan)
        keys = [s.key for s in self._specs]
        if keys:
            self.grid.setCurrentIndex(self.model.index(keys.index(current) if current in keys else 0, JUDUL))
        self.fitter.refit()
        self._loading = False
        self._show_preview()

    def _on_current(self, *_args) -> None:
        if not self._loading:
            self._show_preview()

    def _on_click(self, index) -> None:
        """A click on a paper or orientation cell opens its list, as a combo box would."""
        if index.column() in CHOICE_FIELDS and self.grid.indexWidget(index) is None:
            self.grid.edit(index)
            box = self.grid.indexWidget(index)
            if box is not None:
                box.showPopup()

    def key_at(self, r: int) -> str | None:
        return self._specs[r].key if 0 <= r < len(self._specs) else None

    def current_key(self) -> str | None:
        return self.key_at(self.grid.currentIndex().row())

    def select(self, key: str) -> None:
        for r, spec in enumerate(self._specs):
            if spec.key == key:
                self.grid.setCurrentIndex(self.model.index(r, JUDUL))
                return

    # -- edits -----------------------------------------------------------------------------
    def _on_edit(self, r: int, c: int, value) -> None:
        spec = self._specs[r]
        if c in CHOICE_FIELDS:
            self._set(spec.key, CHOICE_FIELDS[c], value)
        elif c in CHECK_FIELDS:
            self._set(spec.key, CHECK_FIELDS[c], value)
        elif c in TEXT_FIELDS:
            text = str(value).strip()
            if c == JUDUL and text == spec.standard_title:
                text = ""  # the standard title typed back: standard again
            if c == NOMOR and text in (spec.number, "—") and not self._stored(spec.key, "nomor"):
                return  # the automatic number left as it was
            clash = next((o for o in self._specs if c == NOMOR and text and o.shown and o.key != spec.key
                           and o.number == text), None)
            if clash is not None:  # two tables of one number: the Daftar Tabel and a jump would mix them up
                self.context.failed.emit(f"Nomor {text} sudah dipakai oleh tabel \"{clash.title}\".")
                self._on_changed(None)
                return
            self._set(spec.key, TEXT_FIELDS[c], text)

    def _stored(self, key: str, field: str):
        row = self.context.wb.tabel_laporan.get(key)
        return getattr(row, field) if row is not None else None

    def _set(self, key: str, field: str, value) -> None:
        if self.context.run(catalog.set_field, key, field, value) is None:
            self._on_changed(None)  # nothing stored (same value or refused): show what is stored

    def move_current(self, step: int) -> None:
        key = self.current_key()
        spec = next((s for s in self._specs if s.key == key), None)
        if spec is None:
            return
        keys = [s.key for s in self._specs if s.chapter == spec.chapter]
        self.context.run(catalog.move, keys, key, step)

    def reset_current(self) -> None:
        key = self.current_key()
        if key is not None:
            self.context.run(catalog.reset, key)

    # -- preview ---------------------------------------------------------------------------
    def _current_spec(self) -> TableSpec | None:
        key = self.current_key()
        return next((s for s in self._specs if s.key == key), None)

    def _show_preview(self) -> None:
        self._builder.show()
