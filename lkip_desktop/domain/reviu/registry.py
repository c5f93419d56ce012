"""The reviu registry: what a check is, what it finds, and the list every theme module adds to.

A check has a stable id (also the ``code`` of each of its findings), a level, a short title
and a function ``(wb, calc, settings) -> list[Finding]``. The theme modules register their
checks with ``@check_of``; ``reviu.check`` runs them all in registration order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from ..compute import Calculator
from ..model import LEVEL_LABEL, BudgetItem, Indicator, Workbook

KESALAHAN = "kesalahan"  # the figures contradict each other or a rule
PERINGATAN = "peringatan"  # a gap or doubt an evaluator would ask about
SARAN = "saran"  # tidy-up that makes the report easier to review
LEVELS = (KESALAHAN, PERINGATAN, SARAN)

# A program/kegiatan indicator's capaian may differ this many points from the mean capaian
# of its children's outputs (both capped at 100) before reviu calls it a contradiction.
TOLERANSI_INDUK_ANAK = Decimal("10")


@dataclass(frozen=True)
class Finding:
    level: str  # KESALAHAN | PERINGATAN | SARAN
    code: str  # stable id of the check, e.g. "tw-realisasi-serapan"
    message: str  # Indonesian: what is wrong, why, and how to fix it
    where: str  # Indonesian, human location
    table: str  # where to jump: store table, key and field
    key: tuple
    field: str | None = None


@dataclass
class ReviuSettings:
    """What one reviu run may be told besides the workbook: tolerances and the narasi texts
    (kept by the store, so the caller passes them). ``memo`` shares work between the checks
    of one run (e.g. the PK consistency computed once for all its codes)."""

    toleransi_induk_anak: Decimal = TOLERANSI_INDUK_ANAK
    narasi: dict[str, str] | None = None
    memo: dict = field(default_factory=dict)


CheckFn = Callable[[Workbook, Calculator, ReviuSettings], list[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    level: str
    title: str  # short, Indonesian
    theme: str  # the module's theme, for the docs
    fn: CheckFn


CHECKS: list[Check] = []


def check_of(code: str, level: str, title: str, theme: str) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the check ``code``; codes are unique."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")

    def register(fn: CheckFn) -> CheckFn:
        if any(c.id == code for c in CHECKS):
            raise ValueError(f"check id {code!r} registered twice")
        CHECKS.append(Check(code, level, title, theme, fn))
        return fn

    return register


# -- shared wording -------------------------------------------------------------------------------

OWNER_LABEL = {"tujuan": "Indikator tujuan", "sasaran": "IKU", "program": "Indikator program",
               "kegiatan": "Indikator kegiatan", "sub_kegiatan": "Indikator sub kegiatan"}


def item_where(item: BudgetItem) -> str:
    return f"{LEVEL_LABEL[item.level]} {item.kode} {item.nama}".replace("  ", " ")


def indicator_where(ind: Indicator) -> str:
    """'Indikator <kode> <nama>' as the existing findings say it."""
    return f"Indikator {ind.kode} {ind.nama}".replace("  ", " ")


def owner_where(wb: Workbook, ind: Indicator) -> str:
    """The indicator with its level and, below the sasaran, the budget item it measures."""
    label = OWNER_LABEL.get(ind.owner_kind, "Indikator")
    item = wb.items.get(ind.owner_id)
    of = f" ({item_where(item)})" if item is not None else ""
    return f"{label} {ind.kode} {ind.nama}{of}".replace("  ", " ")
