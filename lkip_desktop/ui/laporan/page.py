"""The "Laporan" page: choose standard tables, preview one, export to PDF and/or Excel, or
the whole LKIP (narrative + every table) to Word and/or PDF; a "Narasi" tab for the free
sections the user writes; a "Katalog tabel" tab where the OPD shapes its tables.

The tables are built on the GUI thread (fast, and nobody can edit the workbook halfway
through a build); only rendering, the slow part, runs in a worker thread, over the
finished immutable ReportTables; both phases are `reports.export`'s (`plan_export`, then
`write_export` in the worker). Cancel stops the worker and removes the partial file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar,
    QPushButton, QSplitter, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ...reports.builders import CHAPTERS, TableSpec
from ...reports.export import FORMATS, export_paths, plan_export
from ...store.database import StoreError
from .. import folders
from ..pages.base import is_big
from .export_job import ExportJob
from .katalog import CatalogPanel
from .longwork import PreviewBuilder, StaleRefresh, table_list
from .narasi import NarasiEditor
from .opener import OpenButtons, cancel_text
from .preview import TablePreview

KEY_ROLE = Qt.ItemDataRole.UserRole


class ExportPage(QWidget):
    """The Laporan page. ``exported(list[str])`` fires when files were written; "Buka berkas"
    and "Buka folder" then open them."""

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
        # Hidden but keeping its place: Ekspor/Batal do not jump when it appears.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.setVisible(False)
        self.opener = OpenButtons()
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
        act.addStretch(1)
        act.addWidget(self.opener)
        ll.addLayout(act)
        ll.addWidget(self.progress)
        ll.addWidget(self.status)

        self.preview = TablePreview()
        self._builder = PreviewBuilder(self.preview, context, self._current_spec)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 3)
        self.narasi = NarasiEditor(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, "Tabel")
        self.tabs.addTab(self.narasi, "Narasi")
        self.katalog = CatalogPanel(context)
        self.tabs.addTab(self.katalog, "Katalog tabel")
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)

        # the list and its preview are made again only while their tab shows
        self._lazy = StaleRefresh(split, context, self._refresh_shown)
        self.tabs.currentChanged.connect(lambda _i: self._lazy.soon())
        context.changed.connect(self._on_changed)
        if not is_big(context.wb):
            self.refresh()  # a big workbook's list is made in a worker once the page shows

    # -- list of tables ------------------------------------------------------------------
    def refresh(self) -> None:
        self._lazy.stale = False
        svc = self.context.service
        specs = table_list(self.window(), svc)
        if specs is None:  # cancelled: made again when next shown
            self._lazy.stale = True
            return
        checked = set(self.checked_keys()) if self._specs else None  # a set: 7,772 tables at 100x
        current = self.current_key()
        self._specs = specs
        kertas = (svc.wb.settings.kertas or "A4").upper()
        if self.paper.currentText() != kertas and checked is None:
            self.paper.setCurrentText(kertas if kertas in ("A4", "F4") else "A4")
        self.tree.blockSignals(True)
        self.tree.clear()
        # Items are made and checked away from the tree, then added in one go per chapter: a
        # check set inside the tree recounts its chapter's other tables (quadratic at 100x).
        # Flags and states made once: each Qt enum read or combined is a Python object (7,772
        # tables at 100x).
        groups: dict[str, QTreeWidgetItem] = {}
        children: dict[str, list[QTreeWidgetItem]] = {}
        select = None
        flags = QTreeWidgetItem().flags() | Qt.ItemFlag.ItemIsUserCheckable
        on, off = Qt.CheckState.Checked, Qt.CheckState.Unchecked
        for spec in self._specs:
            kids = children.get(spec.chapter)
            if kids is None:
                parent = QTreeWidgetItem([CHAPTERS.get(spec.chapter, spec.chapter), ""])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
                groups[spec.chapter] = parent
                kids = children[spec.chapter] = []
            item = QTreeWidgetItem([spec.number, spec.title])
            item.setData(0, KEY_ROLE, spec.key)
            item.setFlags(flags)
            item.setCheckState(0, on if checked is None or spec.key in checked else off)
            kids.append(item)
            if spec.key == current:
                select = item
        for chapter, parent in groups.items():
            parent.addChildren(children[chapter])
        self.tree.addTopLevelItems(list(groups.values()))
        for parent in groups.values():
            parent.setFirstColumnSpanned(True)
        self.tree.expandAll()
        if select is None and self._specs:
            select = self._items()[0]
        if select is not None:
            self.tree.setCurrentItem(select)
        self.tree.blockSignals(False)
        self._show_preview()  # once, not again from the current item set above

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
        self._set_checks(lambda it: it.data(0, KEY_ROLE) in want or it.text(0) in want)

    def _check_all(self, on: bool) -> None:
        self._set_checks(lambda _it: on)

    def _set_checks(self, on) -> None:
        """Check the tables ``on(item)`` says, with the model quiet (one repaint, not a recount
        of the chapter per table)."""
        model = self.tree.model()
        model.blockSignals(True)
        try:
            for it in self._items():
                it.setCheckState(0, Qt.CheckState.Checked if on(it) else Qt.CheckState.Unchecked)
        finally:
            model.blockSignals(False)
        self.tree.viewport().update()

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

    def _current_spec(self) -> TableSpec | None:
        key = self.current_key()
        return next((s for s in self._specs if s.key == key), None)

    def _show_preview(self) -> None:
        self._builder.show()

    def _on_changed(self, _changes) -> None:
        self._lazy.mark()  # hidden, the list is only marked stale (a catalogue is 0.2 s at 100x)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.soon()

    def _refresh_shown(self) -> None:
        if self._thread is not None:  # not while files are written; after them
            self._lazy.stale = True
            return
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
        path, _ = QFileDialog.getSaveFileName(self, "Ekspor laporan", str(folders.export_base(self.context.service)),
                                              "Laporan (*.pdf *.xlsx *.docx)")
        if not path:
            return
        self.start_export(Path(path))

    def start_export(self, base: Path) -> None:
        """Export the checked tables to ``base``.pdf / ``base``.xlsx, and the whole LKIP to
        ``base``.docx / ``base``_lengkap.pdf (``reports.export``). Tables and sentences are
        built here, on the GUI thread, so no edit can land halfway through; the files are
        written in a worker thread. An output that would overwrite a workbook is refused."""
        if self._thread is not None:
            return
        svc = self.context.service
        keys = self.checked_keys()
        try:
            paths = export_paths(base, pdf=self.pdf_box.isChecked() and bool(keys),
                                 xlsx=self.xlsx_box.isChecked() and bool(keys), docx=self.docx_box.isChecked(),
                                 lengkap=self.lengkap_box.isChecked(), workbook=svc.path)
            plan = plan_export(svc, tables=keys, paper=self.paper.currentText(), **paths)
        except StoreError as exc:
            self._on_failed(str(exc))
            return
        self._job = ExportJob(plan)
        self._thread = QThread(self)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._job.cancelled.connect(self._on_cancelled)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, plan.steps))
        self.progress.setValue(plan.build_steps)
        self.status.setText("Mengekspor…")
        self.opener.set_paths([])
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
        self._lazy.soon()  # the edits made while the files were written

    def _on_finished(self, paths: list) -> None:
        self._finish()
        self.status.setText("Selesai: " + ", ".join(Path(p).name for p in paths))
        self.opener.set_paths([Path(p) for p in paths])
        self.exported.emit(paths)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)
        if self.open_when_done:
            QMessageBox.warning(self, "Ekspor gagal", message)

    def _on_cancelled(self) -> None:
        kept, removed = (self._job.kept, self._job.removed) if self._job is not None else ([], None)
        self._finish()
        self.status.setText(cancel_text(kept, removed))
        self.opener.set_paths(kept)

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
