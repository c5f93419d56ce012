"""The catalogue grid's model and its choice editor: one row per report table over the
``TableSpec`` list (no item or widget per cell, so 15,000 tables cost nothing to show), and a
delegate that edits paper and orientation through a QComboBox made only while editing.

The model stores nothing typed: ``setData`` hands the new value to ``edited(row, column,
value)``, whose receiver runs the ``edits.catalog`` verb; the grid is rebuilt from the
workbook afterwards."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QStyle, QStyledItemDelegate, QStyleOptionComboBox, QStyleOptionViewItem,
)

from ...reports.builders import CHAPTERS, TableSpec

COLUMNS = ["Bab", "Nomor", "Judul", "Tampil", "Sumber", "Nomor kolom", "Kertas", "Orientasi"]
BAB, NOMOR, JUDUL, TAMPIL, SUMBER, NOMOR_KOLOM, KERTAS, ORIENTASI = range(len(COLUMNS))
TEXT_FIELDS = {NOMOR: "nomor", JUDUL: "judul", SUMBER: "sumber"}
CHECK_FIELDS = {TAMPIL: "tampil", NOMOR_KOLOM: "nomor_kolom"}
CHOICE_FIELDS = {KERTAS: "kertas", ORIENTASI: "orientasi"}
CHOICE_LABELS = {
    "kertas": [("", "Standar"), ("A4", "A4"), ("F4", "F4")],
    "orientasi": [("", "Standar"), ("portrait", "Tegak"), ("landscape", "Mendatar")],
}
KEY_ROLE = Qt.ItemDataRole.UserRole
_SHOW = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole)
_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def chapter_label(chapter: str) -> str:
    """"Bab III" of "Bab III Akuntabilitas Kinerja": the grid's narrow chapter column."""
    name = CHAPTERS.get(chapter, chapter)
    return " ".join(name.split()[:2]) if name.startswith("Bab ") else name


def choice_label(field: str, value: str) -> str:
    return next((label for v, label in CHOICE_LABELS[field] if v == value), CHOICE_LABELS[field][0][1])


class CatalogModel(QAbstractTableModel):
    edited = Signal(int, int, object)  # row, column, the value typed or chosen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.specs: list[TableSpec] = []
        self._stored: dict = {}  # key -> the workbook's tabel_laporan row

    def set_rows(self, specs: list[TableSpec], stored: dict) -> None:
        self.beginResetModel()
        self.specs, self._stored = specs, stored
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.specs)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        c = index.column()
        if c in CHECK_FIELDS:
            return _BASE | Qt.ItemFlag.ItemIsUserCheckable
        if c == BAB or (c == NOMOR and not self.specs[index.row()].shown):
            return _BASE
        return _BASE | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        spec = self.specs[index.row()]
        c = index.column()
        if role == KEY_ROLE:
            return spec.key
        if c in CHECK_FIELDS:
            if role == Qt.ItemDataRole.CheckStateRole:
                on = spec.shown if c == TAMPIL else spec.column_numbers
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            return None
        if c == BAB:
            if role == Qt.ItemDataRole.ToolTipRole:
                return CHAPTERS.get(spec.chapter, spec.chapter)
            return chapter_label(spec.chapter) if role in _SHOW else None
        row = self._stored.get(spec.key)
        if c in CHOICE_FIELDS:
            value = getattr(row, CHOICE_FIELDS[c]) if row else ""
            if role == Qt.ItemDataRole.EditRole:
                return value
            return choice_label(CHOICE_FIELDS[c], value) if role == Qt.ItemDataRole.DisplayRole else None
        if role not in _SHOW:
            return None
        if c == NOMOR:
            return spec.number or "—"
        if c == JUDUL:
            return spec.title
        return row.sumber if row else ""  # SUMBER

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        c = index.column()
        if c in CHECK_FIELDS and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or c in CHECK_FIELDS:
            return False
        self.edited.emit(index.row(), c, value)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """Paper and orientation chosen in a QComboBox that lives only while the cell is edited;
    a choice (click, Enter, arrow or typed letter) is committed at once, as one edit. The cell
    is painted as a combo box, and as tall as one, so the grid looks as it did with one per cell."""

    _combo_height = 0

    def paint(self, painter, option, index) -> None:
        if index.column() not in CHOICE_FIELDS:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        style = cell.widget.style() if cell.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        box = QStyleOptionComboBox()
        if cell.widget is not None:
            box.initFrom(cell.widget)
        box.rect = option.rect.adjusted(1, 1, -1, -1)
        box.currentText = index.data() or ""
        box.state = option.state | QStyle.StateFlag.State_Enabled
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter, cell.widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, box, painter, cell.widget)

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if index.column() in CHOICE_FIELDS:
            if not ChoiceDelegate._combo_height:
                ChoiceDelegate._combo_height = QComboBox().sizeHint().height()
            size.setHeight(max(size.height(), ChoiceDelegate._combo_height))
        return size

    def createEditor(self, parent, option, index):
        field = CHOICE_FIELDS.get(index.column())
        if field is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for value, label in CHOICE_LABELS[field]:
            box.addItem(label, value)
        box.activated.connect(lambda _i, b=box: self._commit(b))
        return box

    def _commit(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):  # left as it was: no edit
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
