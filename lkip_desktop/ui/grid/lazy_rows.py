"""Rows made when their branch is first opened: a big tree (a 100x budget has 50,000 sub
kegiatan) makes its programs and kegiatan at once and a kegiatan's sub kegiatan when the user
opens it (Qt's canFetchMore/fetchMore), or when a search or a jump needs every row."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex


class LazyRows:
    """Mixed into GridModel, which keeps ``_later``: node uid -> (count, make) of the
    children not made yet; ``make(node)`` adds exactly ``count`` children (with ``add``)."""

    _later: dict[int, tuple[int, Callable]]

    def add_later(self, node, count: int, make: Callable) -> None:
        if count:
            self._later[node.uid] = (count, make)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self.node(parent)
        return bool(node.children) or node.uid in self._later

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return parent.isValid() and parent.column() == 0 and parent.internalId() in self._later

    def fetchMore(self, parent: QModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        count, make = self._later.pop(parent.internalId())
        node = self.node(parent)
        self.beginInsertRows(parent, 0, count - 1)
        make(node)
        self.endInsertRows()

    def build_all(self) -> None:
        """Make every row still waiting (a search over the whole grid, a jump to a row)."""
        while self._later:
            uid = next(iter(self._later))
            self.fetchMore(self.index_of(self._nodes[uid]))

    def row_total(self) -> int:
        """Rows made and rows waiting (a waiting branch counts its first level)."""
        return len(self._nodes) - 1 + sum(count for count, _make in self._later.values())
