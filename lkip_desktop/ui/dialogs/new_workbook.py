"""The new-workbook wizard (forms/buku_kerja_baru.ui): OPD profile, reporting year, Renstra
period, file location. Creates the file through the service and returns its path."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QWizard

from ...domain.errors import InputError
from ...store.database import StoreError
from ...edits import values
from ...store.service import WorkbookService
from ..forms import load_form

OPD_FIELDS = ("nama", "singkatan", "kota", "provinsi", "kepala_nama")


def _safe(name: str) -> str:
    return "".join(c for c in name if c.isalnum() or c in " -_").strip()


class NewWorkbookWizard:
    """Wraps the designed QWizard; ``ask(parent)`` returns the created file or None."""

    def __init__(self, parent=None):
        self.w: QWizard = load_form("buku_kerja_baru", parent)
        w = self.w
        for button, text in [(QWizard.WizardButton.NextButton, "&Lanjut >"),
                             (QWizard.WizardButton.BackButton, "< &Kembali"),
                             (QWizard.WizardButton.FinishButton, "&Buat buku kerja"),
                             (QWizard.WizardButton.CancelButton, "Batal")]:
            w.setButtonText(button, text)
        self.edits = {f: w.findChild(QLineEdit, f) for f in OPD_FIELDS}
        self.tahun: QSpinBox = w.findChild(QSpinBox, "tahun")
        self.awal: QSpinBox = w.findChild(QSpinBox, "renstra_awal")
        self.akhir: QSpinBox = w.findChild(QSpinBox, "renstra_akhir")
        self.path: QLineEdit = w.findChild(QLineEdit, "path")
        self.pesan_tahun: QLabel = w.findChild(QLabel, "pesanTahun")
        self.pesan_berkas: QLabel = w.findChild(QLabel, "pesanBerkas")
        w.findChild(QPushButton, "pilih").clicked.connect(self.choose)
        from datetime import date

        this_year = date.today().year
        self.tahun.setValue(this_year)
        self.awal.setValue(this_year)
        self.akhir.setValue(this_year + 4)
        for sb in (self.tahun, self.awal, self.akhir):
            sb.valueChanged.connect(self._check_years)
        w.currentIdChanged.connect(self._page_changed)
        self.created: Path | None = None

    def _default_path(self) -> Path:
        docs = Path(platformdirs.user_documents_dir())
        stem = _safe(self.edits["singkatan"].text() or self.edits["nama"].text() or "OPD") or "OPD"
        return docs / f"LKIP {stem} {self.tahun.value()}.lkip"

    def _page_changed(self, _id: int) -> None:
        if self.w.currentPage() is self.w.findChild(object, "halamanBerkas") and not self.path.text():
            self.path.setText(str(self._default_path()))

    def _check_years(self) -> str | None:
        msg = None
        if self.akhir.value() < self.awal.value():
            msg = "Tahun akhir Renstra harus sesudah tahun awal."
        elif not self.awal.value() <= self.tahun.value() <= self.akhir.value():
            msg = "Catatan: tahun laporan berada di luar periode Renstra."
        self.pesan_tahun.setText(msg or "")
        return msg if msg and not msg.startswith("Catatan") else None

    def choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, "Simpan buku kerja baru", self.path.text() or
                                              str(self._default_path()), "Buku kerja LKIP (*.lkip)")
        if path:
            if not path.endswith(".lkip"):
                path += ".lkip"
            self.path.setText(path)

    def try_create(self) -> bool:
        """Create the file from the answers; on failure say why on the last page."""
        self.pesan_berkas.setStyleSheet("color: #b42318;")
        err = self._check_years()
        if err:
            self.pesan_berkas.setText(err)
            return False
        text = self.path.text().strip()
        if not text:
            self.pesan_berkas.setText("Pilih lokasi berkas.")
            return False
        path = Path(text)
        if path.suffix != ".lkip":
            path = path.with_suffix(".lkip")
        try:
            self.created = create_workbook(path, tahun=self.tahun.value(), renstra_awal=self.awal.value(),
                                           renstra_akhir=self.akhir.value(),
                                           opd={f: e.text().strip() for f, e in self.edits.items()})
        except (StoreError, InputError, OSError) as exc:
            self.pesan_berkas.setText(f"Berkas tidak dapat dibuat: {exc}")
            return False
        return True

    @classmethod
    def ask(cls, parent=None) -> Path | None:
        wiz = cls(parent)
        try:
            # A failed create shows why and reopens the wizard on the same page.
            while wiz.w.exec() == QWizard.DialogCode.Accepted:
                if wiz.try_create():
                    return wiz.created
            return None
        finally:
            wiz.w.deleteLater()


def create_workbook(path: Path, *, tahun: int, renstra_awal: int, renstra_akhir: int, opd: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The profile goes in with the new file: a crash leaves no workbook or a complete one.
    WorkbookService.create_from(path, values.profile_ops(opd), "Profil OPD awal", tahun=tahun,
                                renstra_awal=renstra_awal, renstra_akhir=renstra_akhir).close()
    return path
