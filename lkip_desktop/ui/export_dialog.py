"""The "Laporan" page: choose standard tables, preview one, export to PDF and/or Excel, or
the whole LKIP (narrative + every table) to Word and/or PDF; a "Narasi" tab for the free
sections the user writes.

The tables are built on the GUI thread (fast, and nobody can edit the workbook halfway
through a build); only rendering, the slow part, runs in a worker thread, over the
finished immutable ReportTables. Cancel stops the worker and removes the partial file."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar,
    QPushButton, QSplitter, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..reports.builders import CHAPTERS, TableSpec, standard_tables
from ..reports.document import LkipDocument, build_lkip
from ..reports.document_pdf import render_document_pdf
from ..reports.docx import render_docx
from ..reports.export import FORMATS, document_title
from ..reports.pdf import render_pdf
from ..reports.table import Cancelled, ReportTable
from ..reports.xlsx import render_xlsx
from .export_narasi import NarasiEditor
from .preview import TablePreview

SETTINGS_DIR = "laporan/folder"
KEY_ROLE = Qt.ItemDataRole.UserRole


class ExportJob(QObject):
    """Renders finished tables to files; lives in a worker thread."""

    progress = Signal(int, int, str)
    finished = Signal(list)  # written paths
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, tables: list[ReportTable], pdf: Path | None, xlsx: Path | None, paper: str, title: str,
                 document: LkipDocument | None = None, docx: Path | None = None, lengkap: Path | None = None):
        super().__init__()
        self.tables, self.pdf, self.xlsx, self.paper, self.title = tables, pdf, xlsx, paper, title
        self.document, self.docx, self.lengkap = document, docx, lengkap
        self._stop = threading.Event()

    def steps(self) -> int:
        n_doc = len(self.document.tables()) if self.document is not None else 0
        return (len(self.tables) * (bool(self.pdf) + bool(self.xlsx))
                + n_doc * (bool(self.docx) + bool(self.lengkap)))

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        n = len(self.tables)
        steps = self.steps()
        base = 0
        out: list[str] = []

        def tick(label: str):
            start = base
            return lambda i, total: self.progress.emit(start + i, steps, f"{label}: tabel {i} dari {total}")

        try:
            if self.pdf and self.tables:
                render_pdf(self.tables, self.pdf, self.paper, title=self.title, footer=self.title,
                           progress=tick("PDF"), cancel=self._stop.is_set)
                out.append(str(self.pdf))
                base += n
            if self.xlsx and self.tables:
                render_xlsx(self.tables, self.xlsx, self.paper, title=self.title, progress=tick("Excel"),
                            cancel=self._stop.is_set)
                out.append(str(self.xlsx))
                base += n
            if self.document is not None and self.docx:
                render_docx(self.document, self.docx, self.paper, progress=tick("Word"), cancel=self._stop.is_set)
                out.append(str(self.docx))
                base += len(self.document.tables())
            if self.document is not None and self.lengkap:
                render_document_pdf(self.document, self.lengkap, self.paper, progress=tick("PDF lengkap"),
                                    cancel=self._stop.is_set)
                out.append(str(self.lengkap))
        except Cancelled:
            for p in (self.pdf, self.xlsx, self.docx, self.lengkap):
                if p and Path(p).exists() and str(p) not in out:
                    Path(p).unlink(missing_ok=True)
            self.cancelled.emit()
            return
        except OSError as exc:
            self.failed.emit(f"Berkas tidak dapat ditulis: {exc.strerror or exc} ({exc.filename or ''})")
            return
        except Exception as exc:  # report, never crash the GUI thread
            self.failed.emit(f"Ekspor gagal: {exc}")
            return
        self.finished.emit(out)


class ExportPage(QWidget):
    """The Laporan page. ``exported(list[str])`` fires when files were written."""

    exported = Signal(list)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._specs: list[TableSpec] = []
        self._thread: QThread | None = None
        self._job: ExportJob | None = None
        self.open_when_done = True

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Tabel", "Judul"])
        self.tree.setColumnWidth(0, 120)
        self.tree.currentItemChanged.connect(self._on_current)
        all_btn = QPushButton("Pilih semua")
        none_btn = QPushButton("Kosongkan")
        all_btn.clicked.connect(lambda: self._check_all(True))
        none_btn.clicked.connect(lambda: self._check_all(False))

        self.pdf_box = QCheckBox(FORMATS["pdf"])
        self.pdf_box.setChecked(True)
        self.xlsx_box = QCheckBox(FORMATS["xlsx"])
        self.xlsx_box.setChecked(True)
        self.docx_box = QCheckBox(FORMATS["docx"])
        self.docx_box.setToolTip("Seluruh LKIP: sampul, ikhtisar, Bab I–IV dengan narasi dan semua tabel, lampiran")
        self.lengkap_box = QCheckBox(FORMATS["lengkap"])
        self.lengkap_box.setToolTip("Isi yang sama dengan dokumen Word, sebagai PDF siap cetak")
        self.paper = QComboBox()
        self.paper.addItems(["A4", "F4"])
        self.export_btn = QPushButton("Ekspor…")
        self.export_btn.clicked.connect(self._ask_and_export)
        self.cancel_btn = QPushButton("Batal")
        self.cancel_btn.setEnabled(False)
        self.cancel_btn.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(all_btn)
        row.addWidget(none_btn)
        ll.addLayout(row)
        opts = QHBoxLayout()
        opts.addWidget(QLabel("Tabel terpilih:"))
        opts.addWidget(self.pdf_box)
        opts.addWidget(self.xlsx_box)
        opts.addStretch(1)
        opts.addWidget(QLabel("Kertas:"))
        opts.addWidget(self.paper)
        ll.addLayout(opts)
        full = QHBoxLayout()
        full.addWidget(self.docx_box)
        full.addWidget(self.lengkap_box)
        full.addStretch(1)
        ll.addLayout(full)
        act = QHBoxLayout()
        act.addWidget(self.export_btn)
        act.addWidget(self.cancel_btn)
        ll.addLayout(act)
        ll.addWidget(self.progress)
        ll.addWidget(self.status)

        self.preview = TablePreview()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 3)
        self.narasi = NarasiEditor(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, "Tabel")
        self.tabs.addTab(self.narasi, "Narasi")
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)

        context.changed.connect(self._on_changed)
        self.refresh()

    # -- list of tables ------------------------------------------------------------------
    def refresh(self) -> None:
        checked = self.checked_keys() if self._specs else None
        current = self.current_key()
        svc = self.context.service
        self._specs = standard_tables(svc)
        kertas = (svc.wb.settings.kertas or "A4").upper()
        if self.paper.currentText() != kertas and checked is None:
            self.paper.setCurrentText(kertas if kertas in ("A4", "F4") else "A4")
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        select = None
        for spec in self._specs:
            parent = groups.get(spec.chapter)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [CHAPTERS.get(spec.chapter, spec.chapter), ""])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
                parent.setFirstColumnSpanned(True)
                groups[spec.chapter] = parent
            item = QTreeWidgetItem(parent, [spec.number, spec.title])
            item.setData(0, KEY_ROLE, spec.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = checked is None or spec.key in checked
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if spec.key == current:
                select = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if select is None and self._specs:
            select = self._items()[0]
        if select is not None:
            self.tree.setCurrentItem(select)
        self._show_preview()

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def checked_keys(self) -> list[str]:
        return [it.data(0, KEY_ROLE) for it in self._items() if it.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, keys_or_numbers) -> None:
        want = set(keys_or_numbers)
        for it in self._items():
            on = it.data(0, KEY_ROLE) in want or it.text(0) in want
            it.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _check_all(self, on: bool) -> None:
        for it in self._items():
            it.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def current_key(self) -> str | None:
        it = self.tree.currentItem()
        return it.data(0, KEY_ROLE) if it is not None else None

    def select_table(self, key_or_number: str) -> None:
        for it in self._items():
            if key_or_number in (it.data(0, KEY_ROLE), it.text(0)):
                self.tree.setCurrentItem(it)
                return

    def _on_current(self, *_):
        self._show_preview()

    def _show_preview(self) -> None:
        key = self.current_key()
        spec = next((s for s in self._specs if s.key == key), None)
        self.preview.set_table(spec.build() if spec else None)

    def _on_changed(self, _changes) -> None:
        if self._thread is None:
            self.refresh()

    # -- export ------------------------------------------------------------------------------
    def _ask_and_export(self) -> None:
        tables_wanted = self.pdf_box.isChecked() or self.xlsx_box.isChecked()
        full_wanted = self.docx_box.isChecked() or self.lengkap_box.isChecked()
        if not (tables_wanted or full_wanted):
            self.status.setText("Pilih sedikitnya satu format.")
            return
        if tables_wanted and not full_wanted and not self.checked_keys():
            self.status.setText("Pilih sedikitnya satu tabel.")
            return
        self.narasi.save()  # what is typed in the Narasi tab goes into this report
        settings = QSettings()
        folder = settings.value(SETTINGS_DIR, str(Path.home()))
        name = document_title(self.context.service).replace(" ", "_")
        path, _ = QFileDialog.getSaveFileName(self, "Ekspor laporan", str(Path(folder) / name),
                                              "Laporan (*.pdf *.xlsx *.docx)")
        if not path:
            return
        base = Path(path)
        if base.suffix.lower() in (".pdf", ".xlsx", ".docx"):
            base = base.with_suffix("")
        settings.setValue(SETTINGS_DIR, str(base.parent))
        self.start_export(base)

    def start_export(self, base: Path) -> None:
        """Export the checked tables to ``base``.pdf / ``base``.xlsx, and the whole LKIP to
        ``base``.docx / ``base``_lengkap.pdf, in a worker thread. Tables and sentences are
        built here, on the GUI thread, so no edit can land halfway through."""
        if self._thread is not None:
            return
        svc = self.context.service
        keys = set(self.checked_keys())
        tables = [s.build() for s in self._specs if s.key in keys]
        pdf = base.with_suffix(".pdf") if self.pdf_box.isChecked() and tables else None
        xlsx = base.with_suffix(".xlsx") if self.xlsx_box.isChecked() and tables else None
        docx = base.with_suffix(".docx") if self.docx_box.isChecked() else None
        lengkap = base.with_name(base.name + "_lengkap.pdf") if self.lengkap_box.isChecked() else None
        document = build_lkip(svc, self._specs) if (docx or lengkap) else None
        self._job = ExportJob(tables, pdf, xlsx, self.paper.currentText(), document_title(svc), document, docx,
                              lengkap)
        self._thread = QThread(self)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._job.cancelled.connect(self._on_cancelled)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, self._job.steps()))
        self.progress.setValue(0)
        self.status.setText("Mengekspor…")
        self.export_btn.setEnabled(False)
        self.cancel_btn.setEnabled(True)
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread is not None

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText("Membatalkan…")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.status.setText(message)

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._job is not None:
            self._job.deleteLater()
        self._thread = self._job = None
        self.export_btn.setEnabled(True)
        self.cancel_btn.setEnabled(False)
        self.progress.setVisible(False)

    def _on_finished(self, paths: list) -> None:
        self._finish()
        self.status.setText("Selesai: " + ", ".join(Path(p).name for p in paths))
        self.exported.emit(paths)
        if self.open_when_done:
            for p in paths:
                QDesktopServices.openUrl(QUrl.fromLocalFile(p))

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)
        if self.open_when_done:
            QMessageBox.warning(self, "Ekspor gagal", message)

    def _on_cancelled(self) -> None:
        self._finish()
        self.status.setText("Ekspor dibatalkan.")

    def closeEvent(self, event):
        self.narasi.save()  # text typed in the Narasi tab is not lost with the window
        if self._job is not None:
            self._job.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        super().closeEvent(event)


class ExportDialog(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Ekspor Laporan")
        self.resize(1100, 700)
        self.page = ExportPage(context, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.page)
        lay.addWidget(buttons)

    def reject(self) -> None:
        if self.page.is_running():
            self.page.cancel()
            return
        super().reject()

    @classmethod
    def run(cls, parent, context) -> None:
        dlg = cls(context, parent)
        dlg.exec()
        dlg.deleteLater()
