"""The "Kesalahan tak terduga" dialog: says that something unexpected failed, that the work
already saved is safe, and offers to open the folder of the crash log (crashlog.py).

One dialog at a time: an error repeating in a paint or timer slot updates the open dialog
instead of stacking new ones. It is window-modal but not blocking (``open``), so the slot
that failed returns and the app keeps running.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from .. import crashlog, paths
from . import notices

TITLE = "Kesalahan tak terduga"
OPEN_LOG = "Buka folder log"

_open: dict = {}


def open_log_folder() -> bool:
    folder = crashlog.log_file().parent if crashlog.log_file() else paths.log_dir()
    return notices.open_folder(folder)


def crash_text(detail: str) -> str:
    where = crashlog.log_file()
    lines = [f"Terjadi kesalahan tak terduga: {detail[:300]}",
             "Perubahan yang sudah tersimpan tetap aman."]
    if where is not None:
        lines.append(f"Rinciannya dicatat di {where}. Kirimkan berkas itu bila melaporkan masalah ini.")
    return "\n\n".join(lines)


def show_crash(parent, detail: str) -> QMessageBox:
    """Show (or update) the crash dialog; returns it (tests press its buttons)."""
    box = _open.get("box")
    if box is not None and box.isVisible():
        box.setText(crash_text(detail))
        return box
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, crash_text(detail), QMessageBox.StandardButton.NoButton, parent)
    log_button = box.addButton(OPEN_LOG, QMessageBox.ButtonRole.ActionRole)
    box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.buttonClicked.connect(lambda b: open_log_folder() if b is log_button else None)
    box.finished.connect(lambda _r: _open.pop("box", None))
    _open["box"] = box
    box.open()
    return box
