"""Reviu: what an evaluator (APIP / Inspektorat, PermenPANRB 53/2014 Lamp. III; LKE of
PermenPANRB 88/2021) would fault in a workbook, as a registry of checks. Each finding says
where, why and how to fix, and names the store cell to jump to.

``check(wb, calc)`` runs every registered check; the theme modules below register them.
"""

from __future__ import annotations

from ..compute import Calculator
from ..model import Workbook
# Each theme module registers its checks on import; this order is the order of the findings.
from . import targets  # noqa: F401, I001
from . import budget  # noqa: F401
from . import links  # noqa: F401
from . import pk_checks  # noqa: F401
from . import profile  # noqa: F401
from . import komponen  # noqa: F401
from . import text  # noqa: F401
from . import prose  # noqa: F401
from .registry import (CHECKS, KESALAHAN, LEVELS, PERINGATAN, SARAN, TOLERANSI_INDUK_ANAK, Check, Finding,
                       ReviuSettings)

__all__ = ["CHECKS", "KESALAHAN", "LEVELS", "PERINGATAN", "SARAN", "TOLERANSI_INDUK_ANAK", "Check", "Finding",
           "ReviuSettings", "check"]


def check(wb: Workbook, calc: Calculator | None = None, narasi: dict[str, str] | None = None,
          settings: ReviuSettings | None = None) -> list[Finding]:
    """Every finding of every registered check. ``narasi``: the report's free texts by key
    (the store keeps them), checked for placeholders; ``settings``: tolerances."""
    calc = calc or Calculator(wb)
    settings = settings or ReviuSettings()
    if narasi is not None:
        settings.narasi = narasi
    settings.memo.clear()
    out: list[Finding] = []
    for c in CHECKS:
        out += c.fn(wb, calc, settings)
    return out
