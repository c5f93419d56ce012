"""First run and no open workbook: something useful instead of an empty window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, paths
from . import appsettings
from . import notices


class WelcomePage(QWidget):
    open_demo = Signal()
    new_workbook = Signal()
    from_last_year = Signal()
    open_file = Signal()
    open_path = Signal(object)  # Path

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(f"<h1>LKIP Desktop</h1><p>Buku kerja SAKIP satu OPD: target, realisasi, capaian, "
                       f"anggaran, Perjanjian Kinerja dan laporan – tanpa internet. Versi {__version__}.</p>")
        title.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QVBoxLayout()
        for key, text, tip, sig in [
            ("demo", "Buka &contoh (demo)", "Buku kerja contoh Setda Kota Bekasi 2024, untuk mencoba", self.open_demo),
            ("new", "Buku kerja &baru…", "Mulai dari kosong: profil OPD, tahun laporan, periode Renstra",
             self.new_workbook),
            ("carry", "Buat dari file &tahun lalu…", "Salin Renstra, program dan realisasi tahun lalu",
             self.from_last_year),
            ("open", "Buka &file…", "Buka berkas .lkip yang sudah ada", self.open_file),
        ]:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(b.sizeHint().height() * 3 // 2)
            b.clicked.connect(sig)
            actions.addWidget(b)
            self.buttons[key] = b
        actions.addStretch(1)

        recent_box = QGroupBox("Berkas &terakhir")
        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._activated)
        rl = QVBoxLayout(recent_box)
        rl.addWidget(self.recent)
        self.empty = QLabel("Belum ada berkas yang pernah dibuka.")
        rl.addWidget(self.empty)

        self.where = QLabel(
            f"<small>Setiap berkas yang dibuka dicadangkan otomatis (10 salinan terbaru) di: "
            f"{paths.backups_dir()}<br>Pengaturan disimpan di: {paths.user_config_dir()}</small>"
        )
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton("Buka folder ca&dangan")
        self.backup_button.setToolTip("Tampilkan folder cadangan otomatis di pengelola berkas")
        self.backup_button.clicked.connect(lambda: notices.open_folder(paths.backups_dir()))
        where = QHBoxLayout()
        where.addWidget(self.where, 1)
        where.addWidget(self.backup_button)

        body = QHBoxLayout()
        body.addLayout(actions, 2)
        body.addWidget(recent_box, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(title)
        outer.addLayout(body, 1)
        outer.addLayout(where)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for p in appsettings.recent_files():
            item = QListWidgetItem(f"{p.name}    —    {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            if not p.exists():
                item.setText(f"{p.name} (tidak ditemukan)    —    {p.parent}")
                item.setForeground(Qt.GlobalColor.gray)
            self.recent.addItem(item)
        self.empty.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)
        if self.recent.count():
            self.recent.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_path.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
