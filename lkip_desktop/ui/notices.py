"""Non-blocking notices above the pages (network share, upgraded file) and where the app
keeps the user's settings and backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import paths

WARN_STYLE = "QFrame#notice { background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px; }"
INFO_STYLE = "QFrame#notice { background: #e8f1fb; border: 1px solid #8fb3dd; border-radius: 4px; }"


def open_folder(path: Path) -> bool:
    """Show a folder in the system file manager (tests replace this function)."""
    from PySide6.QtCore import QUrl  # QUrl's enums are made on first use: not on the way to the first paint
    from PySide6.QtGui import QDesktopServices

    Path(path).mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class NoticeBar(QFrame):
    """One message with optional action buttons and "Tutup"; never modal."""

    closed = Signal()

    def __init__(self, key: str, text: str, actions=(), warning: bool = True, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("notice")
        self.setStyleSheet(WARN_STYLE if warning else INFO_STYLE)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet("background: transparent; border: none;")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        for label, slot in actions:
            b = QPushButton(label)
            b.clicked.connect(slot)
            lay.addWidget(b)
            self.buttons[label] = b
        close = QPushButton("Tutup")
        close.setToolTip("Sembunyikan pemberitahuan ini")
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()
        self.deleteLater()


class NoticeArea(QWidget):
    """A column of notices; empty (and zero height) when there is nothing to say."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 4)
        self.lay.setSpacing(4)
        self.bars: list[NoticeBar] = []
        self.setVisible(False)

    def show_notice(self, key: str, text: str, actions=(), warning: bool = True) -> NoticeBar:
        self.remove(key)
        bar = NoticeBar(key, text, actions, warning, self)
        bar.closed.connect(lambda b=bar: self._forget(b))
        self.bars.append(bar)
        self.lay.addWidget(bar)
        self.setVisible(True)
        return bar

    def find(self, key: str) -> NoticeBar | None:
        return next((b for b in self.bars if b.key == key), None)

    def remove(self, key: str) -> None:
        bar = self.find(key)
        if bar is not None:
            self._forget(bar)
            bar.deleteLater()

    def clear(self) -> None:
        for bar in list(self.bars):
            self._forget(bar)
            bar.deleteLater()

    def _forget(self, bar: NoticeBar) -> None:
        if bar in self.bars:
            self.bars.remove(bar)
            self.lay.removeWidget(bar)
            bar.hide()
        self.setVisible(bool(self.bars))


def locations_text() -> str:
    return (f"Pengaturan aplikasi: {paths.user_config_dir()}\n"
            f"Cadangan otomatis (10 terbaru per berkas, dibuat setiap kali berkas dibuka): {paths.backups_dir()}\n"
            f"Contoh (demo) dan data aplikasi: {paths.user_data_dir()}")


class LocationsDialog(QDialog):
    """Bantuan → Lokasi pengaturan dan cadangan."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Lokasi pengaturan dan cadangan")
        grid = QGridLayout()
        rows = [
            ("Cadangan otomatis:", paths.backups_dir(), "Buka folder &cadangan"),
            ("Pengaturan:", paths.user_config_dir(), "Buka folder &pengaturan"),
            ("Data aplikasi (contoh):", paths.user_data_dir(), "Buka folder &data"),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for r, (label, path, button) in enumerate(rows):
            grid.addWidget(QLabel(label), r, 0)
            where = QLabel(str(path))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(where, r, 1)
            b = QPushButton(button)
            b.clicked.connect(lambda _c=False, p=path: open_folder(p))
            grid.addWidget(b, r, 2)
            self.buttons[button.replace("&", "")] = b
        intro = QLabel("Setiap kali buku kerja dibuka, salinannya disimpan di folder cadangan (10 salinan "
                       "terbaru per berkas). Bila berkas rusak atau terhapus, salin cadangan terbaru ke folder "
                       "kerja Anda lalu buka.")
        intro.setWordWrap(True)
        box = QDialogButtonBox()
        box.addButton("Tutup", QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid)
        lay.addWidget(box)

    @classmethod
    def ask(cls, parent) -> None:
        dlg = cls(parent)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()
