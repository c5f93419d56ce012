"""The "Pratinjau & cetak" tab of the PK page: paper and logo choices, the rendered preview,
printing and saving as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import pk as rules
from ...domain.errors import InputError
from ..flow import FlowLayout
from .common import LOGO_REF, ZERO_REF, PagesView, warning_lines

if TYPE_CHECKING:
    from ...reports.pk_document import PkOptions

# The PK document, its drawing and the folder helpers pull reportlab and the export code
# (~70 ms): loaded when the preview, a PDF or a file dialog is first asked for, not with the
# page (at 100x its first show stayed under 100 ms only so).


class PreviewMixin:
    """Preview, print and PDF (mixed into PkPage)."""

    def _build_preview(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        hb = FlowLayout()  # the tools wrap on a narrow window
        self.cb_paper = QComboBox()
        self.cb_paper.addItems(["A4", "F4"])
        self.cb_paper.setCurrentText(self.context.wb.settings.kertas or "A4")
        self.chk_zero = QCheckBox("Tanggal dengan nol (02 Januari)")
        self.chk_zero.setToolTip("Pengaturan buku kerja: berlaku juga untuk cetakan lain.")
        self.chk_zero.setChecked(self.context.wb.settings.tanggal_nol)
        self.chk_terbilang = QCheckBox("Terbilang")
        self.chk_terbilang.setChecked(True)
        self.btn_logo = QPushButton("Logo Pemda…")
        self.btn_logo.setToolTip("Logo disimpan di buku kerja (Profil OPD), PNG atau JPEG maksimal 2 MB.")
        self.btn_logo.clicked.connect(self._choose_logo)
        self.btn_nologo = QPushButton("Hapus logo")
        self.btn_nologo.clicked.connect(lambda: self.set_logo(None))
        self.btn_print = QPushButton("Cetak…")
        self.btn_print.clicked.connect(self._print)
        self.btn_pdf = QPushButton("Simpan PDF…")
        self.btn_pdf.clicked.connect(self._save_pdf_dialog)
        for x in (QLabel("Kertas"), self.cb_paper, self.chk_zero, self.chk_terbilang, self.btn_logo,
                  self.btn_nologo, self.btn_print, self.btn_pdf):
            hb.addWidget(x)
        v.addLayout(hb)
        self.preview_warn = QLabel()
        self.preview_warn.setWordWrap(True)
        self.preview_warn.setTextFormat(Qt.TextFormat.PlainText)
        v.addWidget(self.preview_warn)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_box = PagesView()
        self.preview_area.setWidget(self.preview_box)
        v.addWidget(self.preview_area)
        self.cb_paper.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.chk_zero.toggled.connect(self._zero_toggled)
        self.chk_terbilang.toggled.connect(lambda _b: self.refresh_preview())
        return w

    # -- preview, print, PDF -----------------------------------------------------------------------------
    def options(self) -> PkOptions:
        """Paper and terbilang are per print; the logo and the date style come from the workbook."""
        from ...reports.pk_document import PkOptions

        return PkOptions(paper=self.cb_paper.currentText(), terbilang=self.chk_terbilang.isChecked())

    def pages(self):
        from ...reports.pk_document import layout

        return layout(self.wb, self.current_id, self.options()) if self.current_id else []

    def refresh_preview(self) -> int:
        from .render import page_image

        try:
            pages = self.pages()
        except InputError as exc:
            self._on_failed(str(exc))
            pages = []
        self.preview_box.set_images([page_image(page, dpi=90) for page in pages])
        self.previewed.emit(len(pages))
        return len(pages)

    def set_logo(self, path: str | Path | None) -> bool:
        """Store the Pemda logo (an image file) in the workbook, or remove it (None): one undo
        step, refused with a message when the file is not a PNG/JPEG of at most 2 MB."""
        data = None
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self._on_failed(f"Logo tidak dapat dibaca: {Path(path).name} ({exc.strerror})")
                return False
        if data == self.wb.opd.logo:
            return True
        label = "Ganti logo Pemda" if data else "Hapus logo Pemda"
        return self.context.set_cell(LOGO_REF, data, label) is not None

    def _choose_logo(self) -> None:
        from .. import folders

        path, _ = QFileDialog.getOpenFileName(self, "Pilih logo Pemda", str(folders.workbook_folder(self.context.service)),
                                              "Gambar (*.png *.jpg *.jpeg)")
        if path:
            self.set_logo(path)

    def _zero_toggled(self, on: bool) -> None:
        if on != self.wb.settings.tanggal_nol:
            self.context.set_cell(ZERO_REF, on, "Ubah format tanggal cetak")

    def _go_ahead_despite_warnings(self) -> bool:
        pk = self.current()
        warnings = rules.consistency(self.wb, self.context.calc, pk.id) if pk else []
        if not warnings:
            return True
        listed = "\n".join(warning_lines(warnings))
        return QMessageBox.warning(
            self, "Periksa sebelum mencetak", f"PK ini berbeda dengan buku kerja:\n\n{listed}\n\nTetap lanjutkan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def save_pdf(self, path: str | Path) -> Path:
        """Write the shown version as PDF (no dialogs)."""
        from ...reports.pk_document import document_title, write_pdf

        pk = self.current()
        if pk is None:
            raise InputError("Pilih versi PK terlebih dahulu.")
        write_pdf(self.pages(), path, title=document_title(self.wb, pk), author=self.wb.opd.nama)
        return Path(path)

    def _save_pdf_dialog(self) -> None:
        from .. import folders

        pk = self.current()
        if pk is None or not self._go_ahead_despite_warnings():
            return
        name = f"{rules.judul(pk, self.wb.settings.tahun).title().replace(' ', '_')}.pdf"
        start = folders.in_workbook_folder(self.context.service, name)
        path, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", start, "PDF (*.pdf)")
        if not path:
            return
        try:
            self.save_pdf(path)
        except (InputError, OSError) as exc:
            QMessageBox.warning(self, "PDF tidak tersimpan", str(exc))
            return
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(f"PDF tersimpan: {path}")

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from .render import print_pages

        if self.current() is None or not self._go_ahead_despite_warnings():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            print_pages(printer, self.pages())
        except InputError as exc:
            QMessageBox.warning(self, "Tidak dapat mencetak", str(exc))
