"""Display and editor text for the grids: thin wrappers over the domain formatters, so a
number looks the same on screen as in the report (id-ID, half-up)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..domain.numbers import format_number, format_rupiah
from ..domain import model as M
from ..domain.values import Predikat, format_value

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
LEVEL_LABEL = {**M.LEVEL_LABEL, "tujuan": "Tujuan", "sasaran": "Sasaran"}


# Babel formatting costs ~60 µs a number and a repaint asks for every visible cell: cache the
# text by the value's exact string (Decimal("40") and Decimal("40.0") must not share a key).
@lru_cache(maxsize=65536)
def _value_text(kind: type, text: str, places: int | None, v) -> str:
    return format_value(v, places)


def typed(v) -> str:
    """A stored value as typed (every digit kept): 22,73 / A (82,04) / '-'."""
    return "-" if v is None else _value_text(type(v), str(v), None, v)


def shown(v, places: int | None) -> str:
    """A typed value at most ``places`` decimals, as the report prints it: 50 stays "50",
    89.414 becomes "89,41" (the editor still gets every digit)."""
    if isinstance(v, Decimal) and places is not None and -v.as_tuple().exponent > places:
        return computed(v, places)
    return typed(v)


def typed_edit(v) -> str:
    return "" if v is None else typed(v)


def computed(v, places: int = 2) -> str:
    return "-" if v is None else _value_text(type(v), str(v), places, v)


def count(n: int) -> str:
    """A count as the report prints it: "5.150", not "5150"."""
    return format_number(n, 0)


def pct(d: Decimal | None) -> str:
    return "-" if d is None else _value_text(Decimal, str(d), 2, d)


@lru_cache(maxsize=65536)
def rupiah(n: int | None) -> str:
    return format_rupiah(n)


def rupiah_edit(n: int | None) -> str:
    if n is None:
        return ""
    return format_rupiah(n, dash_zero=False)


def decimal_edit(d: Decimal | None) -> str:
    return "" if d is None else format_number(d, None)


def decimal_text(d: Decimal | None) -> str:
    return format_number(d, None) if d is not None else "-"


def is_number(v) -> bool:
    return isinstance(v, Decimal) or (isinstance(v, Predikat) and v.score is not None)
