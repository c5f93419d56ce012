"""Start the new year from last year's file, and attach earlier files as history.

``new_from_last_year(parent)`` asks for last year's .lkip, the new file and the options,
creates the workbook (the old file is only read), shows what was carried and what not,
and returns the new path for the main window to open. ``attach_history(parent, context)``
adds earlier files' values to the open workbook, one undo step per file.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QTextBrowser, QVBoxLayout, QWidget,
)

from ...domain.errors import InputError
from ...edits import imports
from ...exchange import carry
from ...store.database import StoreError

FILTER = "Buku kerja LKIP (*.lkip)"


class CarryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, source: Path | None = None, context=None):
        super().__init__(parent)
        # The open workbook, when there is one: it may be last year's file itself (locked by us).
        self.current = context.service if context is not None else None
        self.setWindowTitle("Mulai tahun baru dari berkas tahun lalu")
        self.setMinimumWidth(640)
        self.info: carry.SourceInfo | None = None
        self.summary: carry.Summary | None = None
        self.result_path: Path | None = None

        self.source_edit = QLineEdit(readOnly=True, placeholderText="Pilih berkas .lkip tahun lalu…")
        pick_source = QPushButton("Pilih…")
        pick_source.clicked.connect(self._pick_source)
        self.source_note = QLabel(wordWrap=True)
        self.target_edit = QLineEdit(placeholderText="Berkas baru, mis. LKIP-2025.lkip")
        pick_target = QPushButton("Simpan sebagai…")
        pick_target.clicked.connect(self._pick_target)
        self.tahun = QSpinBox(minimum=2000, maximum=2100)
        self.tahun.valueChanged.connect(self._update_period)
        self.awal = QSpinBox(minimum=2000, maximum=2100)
        self.akhir = QSpinBox(minimum=2000, maximum=2100)
        self.period_note = QLabel(wordWrap=True)
        self.bawa_pagu = QCheckBox("Bawa pagu tahun lalu sebagai titik awal")
        self.bawa_pagu.setToolTip("Pagu sub kegiatan tahun lalu menjadi pagu murni awal; periksa lagi dengan APBD "
                                  "tahun baru. Realisasi dan triwulan tidak pernah dibawa.")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020")

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.source_edit, 1)
        row.addWidget(pick_source)
        form.addRow("Berkas tahun lalu:", row)
        form.addRow("", self.source_note)
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        row.addWidget(pick_target)
        form.addRow("Berkas baru:", row)
        form.addRow("Tahun laporan baru:", self.tahun)
        row = QHBoxLayout()
        row.addWidget(self.awal)
        row.addWidget(QLabel("sampai"))
        row.addWidget(self.akhir)
        row.addStretch(1)
        form.addRow("Periode Renstra:", row)
        form.addRow("", self.period_note)
        form.addRow("", self.bawa_pagu)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText("Buat buku kerja")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._set_enabled(False)
        if source is not None:
            self.set_source(source)

    # -- inputs -----------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for w in (self.tahun, self.awal, self.akhir, self.bawa_pagu, self.target_edit):
            w.setEnabled(on)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(on)

    def _pick_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Berkas tahun lalu", "", FILTER)
        if path:
            self.set_source(Path(path))

    def _pick_target(self) -> None:
        start = self.target_edit.text() or (str(self._default_target()) if self.info else "")
        path, _ = QFileDialog.getSaveFileName(self, "Simpan buku kerja baru", start, FILTER)
        if path:
            self.target_edit.setText(path if path.endswith(".lkip") else path + ".lkip")

    def set_source(self, path: Path) -> None:
        self.error.clear()
        try:
            self.info = carry.source_info(path, self.current)
        except (InputError, StoreError) as exc:
            self.info = None
            self.source_edit.setText(str(path))
            self.source_note.clear()
            self.error.setText(str(exc))
            self._set_enabled(False)
            return
        i = self.info
        self.source_edit.setText(str(path))
        self.source_note.setText(
            f"{i.nama_opd or 'OPD'} — tahun {i.tahun}, Renstra {i.renstra_awal}–{i.renstra_akhir}."
            + (" Berkas berformat lama: dibaca lewat salinan, aslinya tidak diubah." if i.format_lama else "")
        )
        self._set_enabled(True)
        self.tahun.setValue(i.tahun + 1)
        self._update_period()
        if not self.target_edit.text():
            self.target_edit.setText(str(self._default_target()))

    def _default_target(self) -> Path:
        i = self.info
        name = i.path.stem.replace(str(i.tahun), str(i.tahun + 1))
        if name == i.path.stem:
            name = f"{name}-{i.tahun + 1}"
        return i.path.with_name(name + ".lkip")

    def _update_period(self) -> None:
        i = self.info
        if i is None:
            return
        tahun = self.tahun.value()
        ended = i.period_ended(tahun)
        self.awal.setEnabled(ended)
        self.akhir.setEnabled(ended)
        if ended:
            if self.awal.value() < i.renstra_akhir + 1 or self.awal.value() > tahun:
                self.awal.setValue(min(i.renstra_akhir + 1, tahun))
                self.akhir.setValue(self.awal.value() + 4)
            self.period_note.setText(
                f"Periode Renstra {i.renstra_awal}–{i.renstra_akhir} sudah berakhir. Isi periode Renstra baru; "
                "struktur dibawa, target tahun baru diisi dari Renstra baru."
            )
        else:
            self.awal.setValue(i.renstra_awal)
            self.akhir.setValue(i.renstra_akhir)
            self.period_note.clear()

    def options(self) -> carry.CarryOptions:
        opts = carry.CarryOptions(tahun=self.tahun.value(), bawa_pagu=self.bawa_pagu.isChecked())
        if self.info is not None and self.info.period_ended(self.tahun.value()):
            opts.renstra_awal, opts.renstra_akhir = self.awal.value(), self.akhir.value()
        return opts

    # -- run ----------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.info is None:
            self.error.setText("Pilih dulu berkas tahun lalu.")
            return
        text = self.target_edit.text().strip()
        if not text:
            self.error.setText("Tentukan nama berkas baru.")
            return
        target = Path(text if text.endswith(".lkip") else text + ".lkip")
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.summary = carry.new_from_last_year(self.info.path, target, self.options(), self.current)
        except (InputError, StoreError, OSError) as exc:
            self.error.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result_path = target
        super().accept()


class SummaryDialog(QDialog):
    """What was carried, what not and why: the title in bold, then one list per heading
    (Dibawa / Tidak dibawa / Perhatian). The text can be selected and copied."""

    HEADINGS = (("dibawa", "Dibawa", "#1b5e20"), ("tidak_dibawa", "Tidak dibawa", "#5d4037"),
                ("peringatan", "Perhatian", "#b00020"))

    def __init__(self, parent: QWidget | None, title: str, summary: carry.Summary):
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(title)
        self.resize(720, 520)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setHtml(self.html(summary))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.button(QDialogButtonBox.Ok).setText("Tutup")
        copy = buttons.addButton("Salin teks", QDialogButtonBox.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(summary.text()))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    @classmethod
    def html(cls, summary: carry.Summary) -> str:
        out = []
        if summary.judul:
            paras = [escape(p).replace("\n", "<br>") for p in summary.judul.split("\n\n")]
            out.append(f"<p style='font-size:large'><b>{paras[0]}</b></p>")
            out += [f"<p>{p}</p>" for p in paras[1:]]
        for attr, heading, colour in cls.HEADINGS:
            lines = getattr(summary, attr)
            if lines:
                out.append(f"<h3 style='color:{colour}; margin-bottom:2px'>{heading}</h3><ul style='margin-top:0'>")
                out += [f"<li style='margin-bottom:3px'>{escape(line)}</li>" for line in lines]
                out.append("</ul>")
        return "\n".join(out)


def show_summary(parent: QWidget | None, title: str, summary: carry.Summary) -> None:
    """The carried / not carried / why list, in a dialog the user can read and copy from."""
    dlg = SummaryDialog(parent, title, summary)
    try:
        dlg.exec()
    finally:
        dlg.deleteLater()


def new_from_last_year(parent: QWidget | None, context=None) -> Path | None:
    """Ask, create, show the summary; the new workbook's path (None when cancelled).
    Pass the open workbook's ``context`` so its own file can be last year's file; it is
    then preselected."""
    if context is None:
        # The main window keeps its open workbook as ``.context``; using it lets that very
        # file be last year's file (its lock would otherwise refuse a second reader).
        from ..context import WorkbookContext

        found = getattr(parent, "context", None)
        context = found if isinstance(found, WorkbookContext) and found.service.db is not None else None
    source = Path(context.service.path) if context is not None and context.service.path else None
    dlg = CarryDialog(parent, source, context)
    try:
        if dlg.exec() != QDialog.Accepted or dlg.result_path is None:
            return None
        show_summary(parent, "Buku kerja tahun baru dibuat", dlg.summary)
        return dlg.result_path
    finally:
        dlg.deleteLater()


def attach_history(parent: QWidget | None, context, paths: list[Path] | None = None) -> int:
    """Add earlier files' targets and realisasi as history; one undo step per file.
    Returns how many files were attached."""
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(parent, "Berkas tahun-tahun sebelumnya", "", FILTER)
        paths = [Path(n) for n in names]
    done = 0
    lines: list[str] = []
    summaries: list[carry.Summary] = []
    for path in paths:
        try:
            summary = imports.attach_history(context, context.service.path, path)
        except (InputError, StoreError, OSError) as exc:
            lines.append(f"{Path(path).name}: {exc}")
            continue
        done += 1
        lines.append(summary.text())
        summaries.append(summary)
    if len(lines) == 1 and summaries:
        show_summary(parent, "Riwayat tahun sebelumnya", summaries[0])
    elif lines:
        show_summary(parent, "Riwayat tahun sebelumnya", carry.Summary(judul="\n\n".join(lines)))
    return done
