"""After an export: "Buka berkas" and "Buka folder" for the files written, and what a
cancelled export left behind, in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget


def open_url(path: Path) -> bool:
    """Open a file or folder with the system's program (tests replace QDesktopServices.openUrl)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class OpenButtons(QWidget):
    """Hidden until ``set_paths`` gets files; one file opens directly, several from a menu."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paths: list[Path] = []
        self.file_btn = QPushButton("Buka berkas")
        self.file_btn.clicked.connect(self._open_file)
        self.folder_btn = QPushButton("Buka folder")
        self.folder_btn.clicked.connect(self.open_folder)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.file_btn)
        lay.addWidget(self.folder_btn)
        self.set_paths([])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.setVisible(bool(self.paths))
        self.file_btn.setText("Buka berkas" if len(self.paths) <= 1 else "Buka berkas ▾")

    def open_file(self, path: Path) -> bool:
        return open_url(path)

    def open_folder(self) -> bool:
        return bool(self.paths) and open_url(self.paths[0].parent)

    def _open_file(self) -> None:
        if len(self.paths) == 1:
            self.open_file(self.paths[0])
            return
        menu = QMenu(self)
        for p in self.paths:
            menu.addAction(p.name, lambda p=p: self.open_file(p))
        menu.exec(self.file_btn.mapToGlobal(self.file_btn.rect().bottomLeft()))


def cancel_text(kept: list[Path], removed: Path | None) -> str:
    """What a cancelled export left behind."""
    text = "Ekspor dibatalkan."
    if removed is not None:
        text += f" Berkas yang sedang ditulis dihapus: {removed.name}."
    if kept:
        text += " Berkas yang sudah selesai tetap ada: " + ", ".join(p.name for p in kept) + "."
    elif removed is not None:
        text += " Tidak ada berkas lain yang ditulis."
    return text
