"""Dialogs and forms designed in Qt Designer (forms/*.ui), loaded at run time with QUiLoader.

Widgets are found by objectName; the .ui files name them after the store fields they edit."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader

from .. import paths


class FormMissing(RuntimeError):
    pass


def load_form(name: str, parent=None):
    """The top widget of forms/<name>.ui (its class as designed: QWidget, QDialog, QWizard)."""
    path = paths.forms_dir() / f"{name}.ui"
    f = QFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormMissing(f"Berkas tampilan tidak ditemukan: {path}")
    try:
        loader = QUiLoader()
        widget = loader.load(f, parent)
    finally:
        f.close()
    if widget is None:
        raise FormMissing(f"Berkas tampilan rusak: {path}")
    return widget
