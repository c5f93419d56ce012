"""What the ``Calculator`` answers: per-indicator results, an IKU's money, averages.

The per-indicator records are tuples (``NamedTuple``), as ``Capaian``: immutable, and a
city's recompute makes 15,000 of each at a third of a frozen dataclass's cost."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .capaian import Capaian
from .rating import Band
from .values import IndicatorValue


class Realisasi(NamedTuple):
    """An indicator's realisasi of a year and where it came from."""
    value: IndicatorValue | None
    source: str | None  # "diketik" | "komponen" | None
    error: str | None = None  # why a komponen formula gave nothing
    worked: str | None = None  # printable worked computation


@dataclass(frozen=True)
class KomponenResult:
    """A komponen formula's value and worked computation, or why not."""
    value: Decimal | None
    worked: str | None
    error: str | None = None
    missing: tuple[str, ...] = ()  # komponen the formula names that have no value


class IndicatorResult(NamedTuple):
    """Everything derived for one indicator in one year."""
    indicator_id: str
    tahun: int
    target: IndicatorValue | None
    realisasi: Realisasi
    capaian: Capaian
    rating: Band | None
    status: str


@dataclass(frozen=True)
class IkuBudget:
    """The money behind one IKU (RULES 6.5) and its efisiensi."""
    items: tuple[str, ...]  # the sub kegiatan counted (RULES 6.5)
    pagu: int
    realisasi: int | None
    serapan: Decimal | None
    capaian: Decimal | None
    efisiensi: Decimal | None


@dataclass(frozen=True)
class Average:
    """A mean of capaian and how many values it counts."""
    value: Decimal | None
    counted: int
    total: int
    unit: str = "indikator"  # or "sasaran" when the workbook averages sasaran means

    @property
    def note(self) -> str:
        return f"{self.counted} dari {self.total} {self.unit}"
