"""Import budget figures or indicator values from an .xlsx: choose file and sheet, choose
what the sheet holds (anggaran / indikator, detected from the column titles), map columns,
preview the matches (by kode; indicators by ID, kode, then unique name), then import
everything as one undo step (the ``edits.imports.import_sheet`` verb).

The file is read in a worker thread (the safety checks and openpyxl parsing may take a
while on a large export); the pages only ever see the finished ``SheetData``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QProgressBar, QPushButton, QSpinBox, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
    QWizard, QWizardPage, QHeaderView,
)

from ...domain.errors import InputError
from ...reports.entry_template import write_entry_template
from ...edits import imports
from ...exchange import xlsx as X
from .. import fmt, folders


def export_entry_template(parent: QWidget | None, context, path: Path | None = None) -> Path | None:
    """Write the blank entry template (.xlsx) of the open workbook; the path written, or None."""
    if path is None:
        tahun = context.wb.settings.tahun
        name, _ = QFileDialog.getSaveFileName(parent, "Simpan templat isian",
                                              folders.in_workbook_folder(context.service, f"templat-isian-{tahun}.xlsx"),
                                              "Buku kerja Excel (*.xlsx)")
        if not name:
            return None
        path = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
    try:
        return write_entry_template(context.wb, path)
    except OSError as exc:
        QMessageBox.warning(parent, "Templat tidak tersimpan", f"Berkas tidak dapat ditulis: {exc}")
        return None


class ReadThread(QThread):
    """Reads one sheet off the GUI thread. Emits ``done(SheetData)`` or ``failed(message)``."""

    progress = Signal(int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path, sheet: str | None, parent=None):
        super().__init__(parent)
        self.path, self.sheet = Path(path), sheet

    def run(self) -> None:
        try:
            data = X.read_sheet(self.path, self.sheet, progress=self.progress.emit,
                                cancelled=self.isInterruptionRequested)
        except InputError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - never let a hostile file kill the app
            self.failed.emit(f"'{self.path.name}' tidak dapat dibaca: {exc}")
        else:
            self.done.emit(data)


class FilePage(QWizardPage):
    loaded = Signal()

    def __init__(self, wizard: "ImportXlsxDialog"):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Pilih berkas Excel")
        self.setSubTitle("Mis. ekspor realisasi dari SIPD/SIMDA, capaian indikator, atau templat isian yang "
                         "sudah diisi.")
        self.path_edit = QLineEdit(readOnly=True)
        pick = QPushButton("Pilih…")
        pick.clicked.connect(self._pick)
        template = QPushButton("Tulis templat isian kosong…")
        template.setToolTip("Templat .xlsx berisi kode dan nama program/kegiatan/sub kegiatan dan indikator, "
                            "untuk diisi di Excel.")
        template.clicked.connect(lambda: export_entry_template(self, self.wiz.context))
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(lambda _=None: self.load(self.wiz.path, self.sheet_box.currentText()))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.status = QLabel(wordWrap=True)
        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(pick)
        form.addRow("Berkas:", row)
        form.addRow("Lembar:", self.sheet_box)
        form.addRow("", self.bar)
        form.addRow("", self.status)
        form.addRow("", template)
        self.thread: ReadThread | None = None

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Berkas Excel",
                                              str(folders.workbook_folder(self.wiz.context.service)),
                                              "Buku kerja Excel (*.xlsx)")
        if path:
            self.load(Path(path))

    def load(self, path: Path, sheet: str | None = None) -> None:
        self.stop()
        self.wiz.path, self.wiz.data = Path(path), None
        self.path_edit.setText(str(path))
        self.status.setStyleSheet("")
        self.status.setText("Membaca berkas…")
        self.bar.show()
        self.completeChanged.emit()
        self.thread = ReadThread(Path(path), sheet, self)
        self.thread.progress.connect(lambda n: self.status.setText(f"Membaca… {n} baris"))
        self.thread.done.connect(self._done)
        self.thread.failed.connect(self._failed)
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.requestInterruption()
            self.thread.wait()
            self.thread = None

    def _done(self, data: X.SheetData) -> None:
        self.bar.hide()
        self.wiz.data = data
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(data.sheets)
        self.sheet_box.setCurrentText(data.sheet)
        self.sheet_box.blockSignals(False)
        note = f"Lembar '{data.sheet}': {fmt.count(len(data.rows))} baris."
        if data.header_row is not None:
            note += f" Baris judul kolom: {data.header_row + 1}."
        if data.tahun is not None:
            note += f" Tahun tertulis: {data.tahun}."
        self.status.setText(note)
        self.completeChanged.emit()
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.bar.hide()
        self.wiz.data = None
        self.status.setStyleSheet("color: #b00020")
        self.status.setText(message)
        self.completeChanged.emit()
        self.loaded.emit()

    def isComplete(self) -> bool:
        return self.wiz.data is not None


JENIS_LABEL = {"anggaran": "Anggaran (pagu, realisasi, triwulan sub kegiatan)",
               "indikator": "Indikator (target, realisasi, komponen)"}


class MapPage(QWizardPage):
    def __init__(self, wizard: "ImportXlsxDialog"):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Petakan kolom")
        self.setSubTitle("Pilih jenis data dan kolom berkas untuk setiap isian. Anggaran dicocokkan menurut kode; "
                         "indikator menurut ID, kode, lalu nama. Isian yang tidak dipakai dibiarkan kosong.")
        self.jenis_box = QComboBox()
        for key, label in JENIS_LABEL.items():
            self.jenis_box.addItem(label, key)
        self.jenis_box.currentIndexChanged.connect(self._jenis_changed)
        self.header_spin = QSpinBox(minimum=0, maximum=X.HEADER_SCAN_ROWS)
        self.header_spin.setSpecialValueText("tidak ada")
        self.header_spin.valueChanged.connect(self._header_changed)
        self.boxes: dict[str, dict[str, QComboBox]] = {"anggaran": {}, "indikator": {}}
        self.stack = QStackedWidget()
        for jenis, fields in (("anggaran", X.FIELDS), ("indikator", X.IND_FIELDS)):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for f in fields:
                box = QComboBox()
                box.currentIndexChanged.connect(lambda _=None: self.completeChanged.emit())
                self.boxes[jenis][f.key] = box
                form.addRow(f"{f.label}:", box)
            self.stack.addWidget(page)
        self.komponen_note = QLabel(wordWrap=True)
        self.komponen: dict[str, int] = {}  # "komponen:NAME" -> column, from the titles
        form = QFormLayout(self)
        form.addRow("Jenis data:", self.jenis_box)
        form.addRow("Baris judul kolom:", self.header_spin)
        form.addRow(self.stack)
        form.addRow(self.komponen_note)

    @property
    def jenis(self) -> str:
        return self.jenis_box.currentData()

    def initializePage(self) -> None:
        data = self.wiz.data
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(0 if data.header_row is None else data.header_row + 1)
        self.header_spin.blockSignals(False)
        self.set_jenis(X.detect_jenis(data, self.wiz.context.wb))

    def set_jenis(self, jenis: str) -> None:
        self.jenis_box.blockSignals(True)
        self.jenis_box.setCurrentIndex(list(JENIS_LABEL).index(jenis))
        self.jenis_box.blockSignals(False)
        self._jenis_changed()

    def _jenis_changed(self, _=None) -> None:
        self.stack.setCurrentIndex(list(JENIS_LABEL).index(self.jenis))
        self._fill(X.auto_mapping(self.wiz.data, self.jenis, self.wiz.context.wb))

    def _header_changed(self, value: int) -> None:
        data = self.wiz.data
        data.header_row = None if value == 0 or value > len(data.rows) else value - 1
        self._fill(X.auto_mapping(data, self.jenis, self.wiz.context.wb))

    def _fill(self, mapping: dict[str, int]) -> None:
        data = self.wiz.data
        titles = ["(tidak dipakai)"] + [data.column_title(i) for i in range(data.n_cols)]
        for key, box in self.boxes[self.jenis].items():
            box.blockSignals(True)
            box.clear()
            box.addItems(titles)
            box.setCurrentIndex(mapping[key] + 1 if key in mapping else 0)
            box.blockSignals(False)
        self.komponen = {k: v for k, v in mapping.items() if k.startswith(X.KOMPONEN_PREFIX)}
        if self.jenis == "indikator" and self.komponen:
            self.komponen_note.setText("Kolom komponen (menurut judul kolom): " + ", ".join(
                f"{X.column_letter(c)} → {k[len(X.KOMPONEN_PREFIX):]}" for k, c in self.komponen.items()))
        else:
            self.komponen_note.setText("")
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int]:
        out = {k: b.currentIndex() - 1 for k, b in self.boxes[self.jenis].items() if b.currentIndex() > 0}
        if self.jenis == "indikator":
            out.update(self.komponen)
        return out

    def set_mapping(self, mapping: dict[str, int]) -> None:
        self._fill(mapping)

    def isComplete(self) -> bool:
        m = self.mapping()
        if self.jenis == "indikator":
            values = any(f.key in m for f in X.IND_VALUE_FIELDS) or bool(self.komponen) or \
                ("komponen" in m and "nilai_komponen" in m)
            return bool({"id", "kode", "nama"} & set(m)) and values
        return "kode" in m and any(f.key in m for f in X.VALUE_FIELDS)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportXlsxDialog"):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Pratinjau")
        self.setSubTitle("Periksa perubahan sebelum mengimpor. Semua baris diimpor sekaligus dan dapat dibatalkan "
                         "(Urungkan) sebagai satu langkah.")
        self.summary = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Baris", "Kode", "Sub kegiatan", "Perubahan"])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems = QPlainTextEdit(readOnly=True)
        self.problems.setMaximumHeight(150)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Baris yang tidak diimpor dan masalah:"))
        layout.addWidget(self.problems)

    def initializePage(self) -> None:
        jenis = self.wiz.map_page.jenis
        pv = X.preview(self.wiz.context.wb, self.wiz.data, self.wiz.map_page.mapping(), jenis)
        self.wiz.preview = pv
        self.table.setHorizontalHeaderLabels(["Baris", "Kode", "Indikator" if jenis == "indikator" else
                                              "Sub kegiatan", "Perubahan"])
        rows = [(m, key, old, new) for m in pv.matched for key, old, new in m.changes]
        self.table.setRowCount(len(rows))
        for r, (m, key, old, new) in enumerate(rows):
            for c, text in enumerate((str(m.row), m.kode, m.item_nama, X.format_change(key, old, new, jenis))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if pv.ok:
            self.summary.setStyleSheet("")
            what = "baris cocok dengan indikator (menurut ID, kode atau nama)" if jenis == "indikator" else \
                "baris cocok menurut kode"
            self.summary.setText(f"{fmt.count(len(pv.matched))} {what}; {fmt.count(pv.n_changes)} nilai akan berubah."
                                 + ("" if pv.ops else " Tidak ada yang perlu diimpor."))
        else:
            self.summary.setStyleSheet("color: #b00020")
            self.summary.setText("Tidak dapat diimpor: " + (pv.blocking[0] if pv.blocking else
                                                           f"{fmt.count(len(pv.errors))} nilai tidak dapat dibaca."))
        lines = [str(p) for p in pv.errors] + [f"tidak cocok — {p}" for p in pv.unmatched] + \
            [f"dilewati — {p}" for p in pv.ambiguous]
        self.problems.setPlainText("\n".join(list(pv.blocking) + lines) or "Tidak ada.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        pv = self.wiz.preview
        return pv is not None and pv.ok and bool(pv.ops)


class ImportXlsxDialog(QWizard):
    def __init__(self, parent: QWidget | None, context):
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.data: X.SheetData | None = None
        self.preview: X.Preview | None = None
        self.changes = None
        self.setWindowTitle("Impor dari Excel")
        self.setMinimumSize(720, 560)
        self.file_page, self.map_page, self.preview_page = FilePage(self), MapPage(self), PreviewPage(self)
        for page in (self.file_page, self.map_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.FinishButton, "Impor")
        self.setButtonText(QWizard.NextButton, "Lanjut >")
        self.setButtonText(QWizard.BackButton, "< Kembali")
        self.setButtonText(QWizard.CancelButton, "Batal")
        self._failure = ""
        context.failed.connect(self._remember_failure)

    def _remember_failure(self, message: str) -> None:
        self._failure = message

    def accept(self) -> None:
        pv = self.preview
        if pv is None or not pv.ok or not pv.ops:
            return
        self._failure = ""
        changes = self.context.run(imports.import_sheet, pv)
        if changes is None:
            QMessageBox.warning(self, "Impor gagal", self._failure or "Perubahan tidak tersimpan.")
            return
        self.changes = changes
        super().accept()

    def done(self, result: int) -> None:
        self.file_page.stop()
        try:
            self.context.failed.disconnect(self._remember_failure)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    @classmethod
    def run(cls, parent: QWidget | None, context):
        """Show the wizard; the applied ``Changes`` (None when cancelled or refused)."""
        dlg = cls(parent, context)
        try:
            dlg.exec()
            return dlg.changes
        finally:
            dlg.deleteLater()
