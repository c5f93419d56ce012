"""Rekap beberapa OPD: pick a folder or files of OPD workbooks (or their ringkasan JSON),
read them one at a time in a worker thread with progress and Batal, show the ranked OPD
table (sortable, filterable), the city totals and the files not used with the reason, and
export the rekap to Excel or PDF. The figures come from ``reports.rekap``, the same
functions the ``rekap`` command runs."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox, QProgressBar,
    QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ...reports.rekap.collect import Collection, collect
from ...reports.rekap.output import write_rekap
from ...reports.rekap.tables import OPD_COLUMNS, RANK_TITLE, city_totals, ranked
from ...store.database import StoreError
from ..work import Worker, run_with_progress

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AUTO_YEAR = 1999
OPEN_FILTER = "Buku kerja LKIP atau ringkasan (*.lkip *.json)"


def _header(title: str) -> str:
    """A long column title on two lines, broken at the space nearest its middle, so the
    figures rather than the titles set the column widths."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if len(title) <= 10 or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:cut] + "\n" + title[cut + 1:]


class _Relay(QObject):
    """Carries the worker's progress to the UI thread (a queued signal) and answers its
    question "go on?" from the Batal flag."""

    progressed = Signal(int, int, str)

    def __init__(self, stop: threading.Event):
        super().__init__()
        self.stop = stop

    def report(self, done: int, total: int, name: str) -> bool:
        self.progressed.emit(done, total, name)
        return not self.stop.is_set()


class _Sorter(QSortFilterProxyModel):
    """Sorts by the cell's value (Decimal, int, text), empty values last."""

    def lessThan(self, left, right) -> bool:  # noqa: N802 - Qt's name
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is not None
        if isinstance(a, str) or isinstance(b, str):
            return str(a).lower() < str(b).lower()
        return a < b


class RekapDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Rekap beberapa OPD")
        self.resize(1200, 680)
        self.collection: Collection | None = None
        self.worker: Worker | None = None
        self.stop = threading.Event()
        self.relay = _Relay(self.stop)
        self.relay.progressed.connect(self._progressed)

        intro = QLabel("Pilih folder berisi buku kerja .lkip tiap OPD (atau ringkasan .json), atau pilih "
                       "berkasnya. Berkas dibaca tanpa diubah, satu per satu.", wordWrap=True)
        self.pick_folder = QPushButton("Pilih &folder…")
        self.pick_folder.clicked.connect(self._pick_folder)
        self.pick_files = QPushButton("Pilih &berkas…")
        self.pick_files.clicked.connect(self._pick_files)
        # the minimum reads "otomatis" (the year most files have); one step up is a real year
        self.tahun = QSpinBox(minimum=AUTO_YEAR, maximum=2100, value=AUTO_YEAR, specialValueText="otomatis")
        self.tahun.setToolTip("Tahun yang direkap; otomatis: tahun kebanyakan berkas")
        top = QHBoxLayout()
        top.addWidget(self.pick_folder)
        top.addWidget(self.pick_files)
        top.addStretch(1)
        top.addWidget(QLabel("Tahun:"))
        top.addWidget(self.tahun)

        self.bar = QProgressBar(visible=False)
        self.status = QLabel()
        self.cancel_button = QPushButton("Batal", visible=False)
        self.cancel_button.clicked.connect(self.cancel)
        prog = QHBoxLayout()
        prog.addWidget(self.bar, 1)
        prog.addWidget(self.status, 2)
        prog.addWidget(self.cancel_button)

        self.filter = QLineEdit(placeholderText="Saring OPD…", clearButtonEnabled=True)
        self.model = QStandardItemModel(0, len(OPD_COLUMNS) + 1, self)
        self.model.setHorizontalHeaderLabels([RANK_TITLE] + [_header(c.title) for c in OPD_COLUMNS])
        self.proxy = _Sorter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(sortingEnabled=True, alternatingRowColors=True)
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 300)
        self.totals = QLabel(wordWrap=True)
        self.skipped = QListWidget()
        self.skipped_label = QLabel("Berkas yang tidak direkap:")

        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.filter)
        tl.addWidget(self.view, 1)
        tl.addWidget(self.totals)
        skip_box = QWidget()
        sl = QVBoxLayout(skip_box)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.skipped_label)
        sl.addWidget(self.skipped)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table_box)
        split.addWidget(skip_box)
        split.setSizes([480, 120])

        self.export_xlsx = QPushButton("Ekspor &Excel…", enabled=False)
        self.export_xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        self.export_pdf = QPushButton("Ekspor &PDF…", enabled=False)
        self.export_pdf.clicked.connect(lambda: self._ask_export("pdf"))
        close = QPushButton("Tutup")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_xlsx)
        bottom.addWidget(self.export_pdf)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(prog)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    @classmethod
    def show_for(cls, parent: QWidget | None) -> "RekapDialog":
        dlg = cls(parent)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    # -- reading ------------------------------------------------------------------------
    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder berisi buku kerja OPD")
        if folder:
            self.start([Path(folder)])

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Buku kerja OPD", "", OPEN_FILTER)
        if files:
            self.start([Path(f) for f in files])

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def start(self, paths: list[Path]) -> None:
        """Read ``paths`` in a worker thread; the table fills when it ends."""
        if self.busy:
            return
        tahun = None if self.tahun.value() == AUTO_YEAR else self.tahun.value()
        self.stop = self.relay.stop = threading.Event()
        self.worker = Worker(lambda: collect(paths, tahun, progress=self.relay.report), self)
        self.worker.finished.connect(self._finished)
        for w in (self.pick_folder, self.pick_files, self.export_xlsx, self.export_pdf, self.tahun):
            w.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.status.setText("Membaca berkas…")
        self.worker.start()

    def cancel(self) -> None:
        self.stop.set()
        self.status.setText("Membatalkan setelah berkas ini…")

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(f"{done + 1} dari {total}: {name}" if name else f"{total} berkas dibaca")

    def _finished(self) -> None:
        worker, self.worker = self.worker, None
        worker.wait()
        worker.deleteLater()
        self.bar.hide()
        self.cancel_button.hide()
        for w in (self.pick_folder, self.pick_files, self.tahun):
            w.setEnabled(True)
        if worker.error is not None:
            self.status.setText("")
            QMessageBox.warning(self, "Rekap", f"Rekap gagal: {worker.error}")
            return
        self.show_collection(worker.result)

    def show_collection(self, c: Collection) -> None:
        self.collection = c
        self.model.removeRows(0, self.model.rowCount())
        for rank, s in enumerate(ranked(c.summaries), 1):
            items = [self._item(str(rank), rank)]
            for col in OPD_COLUMNS:
                cell = col.cell(s)
                items.append(self._item(cell.text, cell.value if cell.kind != "text" else cell.text,
                                        right=cell.halign == "right"))
            items[1].setToolTip(s.source)
            self.model.appendRow(items)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if c.summaries:
            cells = city_totals(ranked(c.summaries))
            parts = [f"{col.title}: {cell.text}" for col, cell in zip(OPD_COLUMNS, cells[1:])
                     if col.title in ("IKU", "Rata-rata Capaian (%)", "IKU Tercapai", "Pagu Perubahan (Rp)",
                                      "Realisasi (Rp)", "Serapan (%)", "PK", "PK Perubahan")]
            self.totals.setText(f"<b>{cells[1].text}</b> — " + " · ".join(parts))
        else:
            self.totals.setText("Tidak ada OPD yang dapat direkap.")
        self.skipped.clear()
        for sk in c.skipped:
            self.skipped.addItem(f"{sk.path.name}: {sk.reason}")
        self.skipped_label.setText(f"Berkas yang tidak direkap ({len(c.skipped)}):")
        done = f"{len(c.summaries)} OPD tahun {c.tahun} direkap" if c.tahun else "Tidak ada OPD"
        self.status.setText(done + (" (dibatalkan: sebagian berkas belum dibaca)" if c.cancelled else "") + ".")
        for w in (self.export_xlsx, self.export_pdf):
            w.setEnabled(bool(c.summaries))

    @staticmethod
    def _item(text: str, sort_value, right: bool = False) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(sort_value, SORT_ROLE)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    # -- export -------------------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        name = f"rekap-opd-{self.collection.tahun or ''}.{kind}"
        flt = "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, "Simpan rekap", name, flt)
        if path:
            if not path.lower().endswith("." + kind):
                path += "." + kind
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> bool:
        """Write the rekap shown to ``path`` (kind "xlsx" or "pdf") in a worker thread."""
        c = self.collection
        out = run_with_progress(self, "Menulis rekap…", lambda: write_rekap(c, **{kind: path}))
        if out.cancelled:
            return False
        if isinstance(out.error, (StoreError, OSError)):
            QMessageBox.warning(self, "Rekap", f"Berkas tidak dapat ditulis: {out.error}")
            return False
        if out.error is not None:
            raise out.error
        self.status.setText(f"Rekap ditulis: {path}")
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.worker is not None:  # let the reader stop after its file before the dialog goes
            self.stop.set()
            self.worker.wait()
        super().closeEvent(event)
