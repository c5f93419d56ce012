"""An item's quarterly rows until they are there: the window shows a workbook's first page
before its largest table (budget_quarter, half the rows of a big workbook) is read, and reads it
just after; any other open reads and checks them at once but makes their objects only when
first used. Until then each budget item holds a ``PendingQuarters``; the first use of any of
them waits for the rows (``arrive``, given by the store), after which every item holds its
plain dict again. No reader can see a quarter before it is there."""

from __future__ import annotations

import weakref
from collections.abc import MutableMapping
from typing import Callable


class PendingQuarters(MutableMapping):
    # The item by weak reference: item -> its PendingQuarters -> item would be a cycle per
    # item, which a workbook closed before its quarters were used would leave to the cyclic
    # collector (and a load freezes what it made: it would never be freed).
    __slots__ = ("_item", "_arrive")

    def __init__(self, item, arrive: Callable[[], None]):
        self._item = weakref.ref(item)
        self._arrive = arrive

    def _real(self) -> dict:
        self._arrive()  # replaces every item's PendingQuarters by its dict (once; waits if needed)
        item = self._item()
        quarters = None if item is None else item.quarters
        if quarters is self or quarters is None:  # the store failed to put them: refuse, never say "none"
            raise RuntimeError("triwulan belum terbaca")
        return quarters

    def __getitem__(self, tw):
        return self._real()[tw]

    def __setitem__(self, tw, quarter) -> None:
        self._real()[tw] = quarter

    def __delitem__(self, tw) -> None:
        del self._real()[tw]

    def __iter__(self):
        return iter(self._real())

    def __len__(self) -> int:
        return len(self._real())

    def __contains__(self, tw) -> bool:
        return tw in self._real()

    def get(self, tw, default=None):
        return self._real().get(tw, default)

    def __eq__(self, other) -> bool:
        return self._real() == other

    def __repr__(self) -> str:
        return repr(self._real())
