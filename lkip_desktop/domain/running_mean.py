"""A mean over a fixed list of indicators kept up to date from the change record: an edit
marks the indicators it touched, and the next reading takes their old values out of the
exact sum and their new ones in, so reading the OPD average after an edit costs what the
edit touched, not the number of IKU (``capaian.exact_sum``: the same mean a fresh sum gives)."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable

from .capaian import exact_difference, exact_sum, mean_of

ValueOf = Callable[[str], "Decimal | None"]


class RunningMean:
    def __init__(self, ids: Iterable[str], value_of: ValueOf):
        self.values: dict[str, Decimal | None] = {i: value_of(i) for i in ids}
        present = [v for v in self.values.values() if v is not None]
        self.total = exact_sum(present)
        self.count = len(present)
        self.dirty: set[str] = set()

    def mark(self, changed: Iterable[str]) -> None:
        """These indicators' values may have changed since they were read."""
        self.dirty.update(i for i in changed if i in self.values)

    def current(self, value_of: ValueOf) -> tuple[Decimal | None, int, int]:
        """(mean, values counted, indicators) with the marked values read again."""
        for i in self.dirty:
            old, new = self.values[i], value_of(i)
            if old is not None:
                self.total = exact_difference(self.total, old)
                self.count -= 1
            if new is not None:
                self.total = exact_sum((self.total, new))
                self.count += 1
            self.values[i] = new
        self.dirty.clear()
        return mean_of(self.total, self.count), self.count, len(self.values)
