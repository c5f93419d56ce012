"""Dukungan for many IKU: choose one IKU, then tick its sub kegiatan in a filtered checklist.
A 1,500-column matrix (100x) cannot be read or scrolled; this stays usable at any size."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import effects as E
from ...edits import links


class SubKegiatanChecklist(QAbstractListModel):
    """Every sub kegiatan, checked when it supports the chosen IKU."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.ind_id: str | None = None
        self.ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        wb = self.context.wb
        self.ids = [it.id for it, _d in wb.walk_budget() if it.level == "sub_kegiatan"]
        self.endResetModel()

    def set_indicator(self, ind_id: str | None) -> None:
        self.ind_id = ind_id
        if self.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self.ids) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def is_on(self, item_id: str) -> bool:
        return self.ind_id is not None and (self.ind_id, item_id) in self.context.wb.links

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        item = self.context.wb.items.get(self.ids[index.row()])
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.kode}  {item.nama}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.is_on(item.id) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.nama
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.ind_id is not None and not self.context.service.readonly:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.ind_id is None:
            return False
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        return self.set_links([self.ids[index.row()]], on)

    def set_links(self, item_ids: list[str], on: bool) -> bool:
        """One undo step for every item whose link differs."""
        return self.context.run(links.set_links, self.ind_id, item_ids, on) is not None


class DukunganPicker(QWidget):
    message = Signal(str)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.iku_filter = QLineEdit()
        self.iku_filter.setPlaceholderText("Cari IKU (kode atau nama)…")
        self.iku_filter.setClearButtonEnabled(True)
        self.iku_list = QListWidget()
        self.iku_list.setAccessibleName("Daftar IKU")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        lab = QLabel("1. Pilih &IKU:")
        lab.setBuddy(self.iku_filter)
        ll.addWidget(lab)
        ll.addWidget(self.iku_filter)
        ll.addWidget(self.iku_list, 1)

        self.checklist = SubKegiatanChecklist(context, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.checklist)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName("Sub kegiatan pendukung")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Saring sub kegiatan (kode atau nama)…")
        self.filter.setClearButtonEnabled(True)
        self.check_all = QPushButton("&Centang semua yang terlihat")
        self.uncheck_all = QPushButton("Hapus c&entang yang terlihat")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.count = QLabel()
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        lab2 = QLabel("2. Centang sub kegiatan yang &mendukungnya:")
        lab2.setBuddy(self.filter)
        rl.addWidget(lab2)
        rl.addWidget(self.title)
        rl.addWidget(self.filter)
        rl.addWidget(self.view, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.check_all)
        bar.addWidget(self.uncheck_all)
        rl.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 900])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        self.iku_filter.textChanged.connect(self._filter_iku)
        self.iku_list.currentItemChanged.connect(self._iku_chosen)
        self.filter.textChanged.connect(self._filter_items)
        self.check_all.clicked.connect(lambda: self.set_visible(True))
        self.uncheck_all.clicked.connect(lambda: self.set_visible(False))
        context.changed.connect(self._changed)
        self.fill_iku()

    # IKU side
    def fill_iku(self) -> None:
        current = self.checklist.ind_id
        self.iku_list.blockSignals(True)
        self.iku_list.clear()
        for k, ind in enumerate(self.context.wb.iku_list(), start=1):
            it = QListWidgetItem(f"{ind.kode or f'IKU {k}'} – {ind.nama}")
            it.setData(Qt.ItemDataRole.UserRole, ind.id)
            it.setToolTip(ind.nama)
            self.iku_list.addItem(it)
        self.iku_list.blockSignals(False)
        self._filter_iku(self.iku_filter.text())
        self.choose(current if current in self.context.wb.indicators else None)

    def _filter_iku(self, text: str) -> None:
        t = text.strip().lower()
        for r in range(self.iku_list.count()):
            it = self.iku_list.item(r)
            it.setHidden(bool(t) and t not in it.text().lower())

    def choose(self, ind_id: str | None) -> bool:
        for r in range(self.iku_list.count()):
            if self.iku_list.item(r).data(Qt.ItemDataRole.UserRole) == ind_id:
                self.iku_list.setCurrentRow(r)
                return True
        self._iku_chosen(None, None)
        return False

    def _iku_chosen(self, cur, _prev) -> None:
        ind_id = cur.data(Qt.ItemDataRole.UserRole) if cur is not None else None
        self.checklist.set_indicator(ind_id)
        ind = self.context.wb.indicators.get(ind_id) if ind_id else None
        self.title.setText(f"<b>{ind.kode}</b> {ind.nama}" if ind else "Pilih sebuah IKU di sebelah kiri.")
        ro = self.context.service.readonly
        for b in (self.check_all, self.uncheck_all):
            b.setEnabled(ind is not None and not ro)
        self._count()

    # checklist side
    def _filter_items(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def visible_ids(self) -> list[str]:
        return [self.checklist.ids[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def set_visible(self, on: bool) -> bool:
        if self.checklist.ind_id is None:
            self.message.emit("Pilih sebuah IKU terlebih dahulu.")
            return False
        return self.checklist.set_links(self.visible_ids(), on)

    def _count(self) -> None:
        ind = self.checklist.ind_id
        if ind is None:
            self.count.setText("")
            return
        links = self.context.wb.links
        total = sum(1 for i in self.checklist.ids if (ind, i) in links)
        shown = self.proxy.rowCount()
        self.count.setText(f"{total} sub kegiatan dicentang · {shown} dari {len(self.checklist.ids)} terlihat")

    def _changed(self, ch) -> None:
        if ch.everything or E.ITEM in ch.reshaped:
            self.checklist.reload()
        if ch.everything or ch.reshaped & {E.INDICATOR, "sasaran", "tujuan"}:
            self.fill_iku()
        elif ch.touched(E.LINK):
            self.checklist.set_indicator(self.checklist.ind_id)
        self._count()

    def locate(self, ind_id: str, item_id: str | None) -> bool:
        self.iku_filter.clear()
        if not self.choose(ind_id):
            return False
        if item_id in self.checklist.ids:
            self.filter.clear()
            src = self.checklist.index(self.checklist.ids.index(item_id))
            idx = self.proxy.mapFromSource(src)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
            self.view.setFocus()
        return True
