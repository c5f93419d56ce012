"""The "Katalog tabel" tab of the Laporan page: the OPD's own shape of every report table —
shown or not, number, title, source line, column-number row, paper, orientation, its place in
its chapter — edited in place, with the chosen table previewed as it will print.

Every edit runs an ``edits.catalog`` verb through ``context.run`` (one undo step each); the
grid and the preview are rebuilt from ``reports.builders.catalogue`` after every change."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...edits import catalog
from ...reports.builders import CHAPTERS, TableSpec, catalogue
from .preview import TablePreview

COLUMNS = ["Bab", "Nomor", "Judul", "Tampil", "Sumber", "Nomor kolom", "Kertas", "Orientasi"]
BAB, NOMOR, JUDUL, TAMPIL, SUMBER, NOMOR_KOLOM, KERTAS, ORIENTASI = range(len(COLUMNS))
TEXT_FIELDS = {NOMOR: "nomor", JUDUL: "judul", SUMBER: "sumber"}
CHECK_FIELDS = {TAMPIL: "tampil", NOMOR_KOLOM: "nomor_kolom"}
CHOICE_LABELS = {
    "kertas": [("", "Standar"), ("A4", "A4"), ("F4", "F4")],
    "orientasi": [("", "Standar"), ("portrait", "Tegak"), ("landscape", "Mendatar")],
}
KEY_ROLE = Qt.ItemDataRole.UserRole
HINT = ("Atur tabel laporan untuk OPD ini: tampil atau tidak, nomor (kosong = otomatis), judul (kosong = judul "
        "standar), sumber data di bawah tabel, baris nomor kolom (1), (2), …, kertas dan orientasi. Berlaku untuk "
        "PDF, Excel, Word dan pratinjau.")


def chapter_label(chapter: str) -> str:
    """"Bab III" of "Bab III Akuntabilitas Kinerja": the grid's narrow chapter column."""
    name = CHAPTERS.get(chapter, chapter)
    return " ".join(name.split()[:2]) if name.startswith("Bab ") else name


class CatalogPanel(QWidget):
    """The catalogue grid, move and reset buttons, and the preview of the chosen table."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._specs: list[TableSpec] = []
        self._loading = False

        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.grid = QTableWidget(0, len(COLUMNS))
        self.grid.setHorizontalHeaderLabels(COLUMNS)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # titles wrap
        head = self.grid.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(JUDUL, QHeaderView.ResizeMode.Stretch)
        for col, width in ((BAB, 75), (NOMOR, 60), (TAMPIL, 55), (SUMBER, 180), (NOMOR_KOLOM, 90), (KERTAS, 80),
                           (ORIENTASI, 95)):
            self.grid.setColumnWidth(col, width)
        self.grid.itemChanged.connect(self._on_item)
        self.grid.currentCellChanged.connect(lambda *_: self._show_preview())

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

        self._pending = False
        context.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _changes) -> None:
        # later, not inside the signal of the cell or combo box the rebuild replaces; and only
        # when shown (an edit on another page marks the grid stale instead)
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_if_pending)

    def _refresh_if_pending(self) -> None:
        if self._pending and self.isVisible():
            self._pending = False
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_if_pending()

    # -- the grid --------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_key()
        self._specs = catalogue(self.context.service)
        rows = self.context.wb.tabel_laporan
        self._loading = True
        self.grid.setRowCount(len(self._specs))
        for r, spec in enumerate(self._specs):
            row = rows.get(spec.key)
            self._put(r, BAB, chapter_label(spec.chapter), editable=False, key=spec.key)
            self.grid.item(r, BAB).setToolTip(CHAPTERS.get(spec.chapter, spec.chapter))
            self._put(r, NOMOR, spec.number or "—", editable=spec.shown)
            self._put(r, JUDUL, spec.title)
            self._put(r, SUMBER, row.sumber if row else "")
            self._check(r, TAMPIL, spec.shown)
            self._check(r, NOMOR_KOLOM, spec.column_numbers)
            for col, field in ((KERTAS, "kertas"), (ORIENTASI, "orientasi")):
                self._combo(r, col, field, getattr(row, field) if row else "")
        self._loading = False
        keys = [s.key for s in self._specs]
        if keys:
            self.grid.setCurrentCell(keys.index(current) if current in keys else 0, JUDUL)
        self._show_preview()

    def _put(self, r: int, c: int, text: str, editable: bool = True, key: str | None = None) -> None:
        item = QTableWidgetItem(text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
        item.setToolTip(text)
        if key is not None:
            item.setData(KEY_ROLE, key)
        self.grid.setItem(r, c, item)

    def _check(self, r: int, c: int, on: bool) -> None:
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.grid.setItem(r, c, item)

    def _combo(self, r: int, c: int, field: str, value: str) -> None:
        box = QComboBox()
        for v, label in CHOICE_LABELS[field]:
            box.addItem(label, v)
        box.setCurrentIndex(max(0, box.findData(value)))
        key = self._specs[r].key
        box.activated.connect(lambda _i, b=box, k=key, f=field: self._set(k, f, b.currentData()))
        self.grid.setCellWidget(r, c, box)

    def key_at(self, r: int) -> str | None:
        item = self.grid.item(r, BAB)
        return item.data(KEY_ROLE) if item is not None else None

    def current_key(self) -> str | None:
        r = self.grid.currentRow()
        return self.key_at(r) if r >= 0 else None

    def select(self, key: str) -> None:
        for r, spec in enumerate(self._specs):
            if spec.key == key:
                self.grid.setCurrentCell(r, JUDUL)
                return

    # -- edits -----------------------------------------------------------------------------
    def _on_item(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        r, c = item.row(), item.column()
        spec = self._specs[r]
        if c in CHECK_FIELDS:
            self._set(spec.key, CHECK_FIELDS[c], item.checkState() == Qt.CheckState.Checked)
        elif c in TEXT_FIELDS:
            text = item.text().strip()
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
    def _show_preview(self) -> None:
        key = self.current_key()
        spec = next((s for s in self._specs if s.key == key), None)
        self.preview.set_table(spec.build() if spec is not None else None)
