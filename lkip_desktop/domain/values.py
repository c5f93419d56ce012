"""Indicator values: a number (``Decimal``, exactly as typed) or a predikat ("A", "A (82,04)").

RULES.md §1.1 (never float, numbers stored as typed) and §2.3 (predikat D < … < AA, optional score).
Storage text is locale-free ("49.59", "A (82.04)") so a value round-trips exactly; display is id-ID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import InputError
from .numbers import format_number, parse_number

GRADES = ("D", "C", "CC", "B", "BB", "A", "AA")
GRADE_RANK = {g: i + 1 for i, g in enumerate(GRADES)}  # D = 1 … AA = 7 ([M88] order)
JENIS = ("angka", "persen", "indeks", "predikat")

# Dashes users type or paste for "no value".
_EMPTY = {"", "-", "–", "—"}


def is_empty_text(text) -> bool:
    """Text that means "no value" in a cell: empty, or a dash as printed in the reports."""
    return text is None or (isinstance(text, str) and text.strip() in _EMPTY)
# Grade letters, then an optional score in brackets: "A", "bb", "A (82,04)", "A(82.04)".
_PREDIKAT_RE = re.compile(r"^\s*([A-Da-d]{1,2})\s*(?:\(\s*([^()]*?)\s*\))?\s*$")

_GRADE_HINT = "AA, A, BB, B, CC, C atau D"


def _check_decimal(x: object, what: str = "nilai") -> Decimal:
    """Reject float (and anything else that is not an exact number) at the boundary."""
    if isinstance(x, float):
        raise TypeError(f"{what}: float tidak diterima, gunakan Decimal")
    if isinstance(x, bool) or not isinstance(x, (Decimal, int)):
        raise TypeError(f"{what}: harus Decimal, bukan {type(x).__name__}")
    return x if isinstance(x, Decimal) else Decimal(x)


@dataclass(frozen=True)
class Predikat:
    """A letter grade, optionally with the score it came from (an LHE nilai)."""

    grade: str
    score: Decimal | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.grade, str) or self.grade not in GRADE_RANK:
            raise InputError(f"Predikat tidak dikenal: {self.grade!r}. Gunakan {_GRADE_HINT}.")
        if self.score is not None:
            score = _check_decimal(self.score, "nilai predikat")
            if not score.is_finite():
                raise InputError("Nilai predikat harus berupa angka.")
            object.__setattr__(self, "score", score)

    @property
    def rank(self) -> int:
        return GRADE_RANK[self.grade]

    def __str__(self) -> str:
        if self.score is None:
            return self.grade
        return f"{self.grade} ({format_number(self.score, 2)})"


IndicatorValue = Decimal | Predikat


def parse_predikat(text: str) -> Predikat:
    """"A", "a", "A (82,04)", "A (82.04)", "BB" -> Predikat; InputError otherwise."""
    if not isinstance(text, str):
        raise TypeError("parse_predikat: teks harus str")
    m = _PREDIKAT_RE.match(text)
    grade = m.group(1).upper() if m else None
    if not m or grade not in GRADE_RANK:
        raise InputError(
            f"Predikat tidak dikenal: \"{text.strip()}\". Gunakan {_GRADE_HINT}, "
            "boleh dengan nilai, mis. \"A (82,04)\"."
        )
    score_text = m.group(2)
    if score_text is None:
        return Predikat(grade)
    if not score_text:
        raise InputError(f"Nilai dalam kurung kosong: \"{text.strip()}\".")
    try:
        score = parse_number(score_text)
    except InputError as e:
        raise InputError(f"Nilai predikat tidak dapat dibaca: \"{score_text}\". {e}") from e
    return Predikat(grade, score)


def parse_indicator_value(text: str | None, jenis: str) -> IndicatorValue | None:
    """Parse what a user typed for a target/realisasi of an indicator of kind ``jenis``.

    Empty, None or "-" -> None. For "predikat": a predikat, or a bare number (the score,
    returned as Decimal). Otherwise an id-ID number. Bad text -> InputError (Indonesian).
    """
    if jenis not in JENIS:
        raise InputError(f"Jenis indikator tidak dikenal: {jenis!r}.")
    if text is None:
        return None
    # Values already typed (imports) pass through, but never float.
    if isinstance(text, Predikat):
        if jenis != "predikat":
            raise InputError("Indikator ini berupa angka, bukan predikat.")
        return text
    if not isinstance(text, str):
        return _check_decimal(text)
    t = text.strip()
    if t in _EMPTY:
        return None
    if jenis == "predikat":
        if _PREDIKAT_RE.match(t):
            return parse_predikat(t)
        try:
            return parse_number(t)  # also takes a pasted "123,97%"
        except InputError:
            raise InputError(
                f"\"{t}\" bukan predikat maupun nilai. Gunakan {_GRADE_HINT}, "
                "mis. \"A\" atau \"A (82,04)\", atau nilainya saja, mis. \"82,04\"."
            ) from None
    try:
        return parse_number(t)
    except InputError as e:
        if _PREDIKAT_RE.match(t):
            raise InputError(
                f"\"{t}\" adalah predikat, tetapi indikator ini berupa angka. "
                "Ubah jenis indikator menjadi predikat bila perlu."
            ) from None
        raise e  # numbers' own message already quotes the text and gives an example


def value_to_text(v: IndicatorValue | None) -> str | None:
    """Canonical storage text: Decimal as typed ("49.59"), predikat "A" or "A (82.04)"."""
    if v is None:
        return None
    if isinstance(v, Predikat):
        return v.grade if v.score is None else f"{v.grade} ({format(v.score, 'f')})"
    d = _check_decimal(v)
    if not d.is_finite():
        raise InputError("Nilai harus berupa angka.")
    return format(d, "f")


def value_from_text(s: str | None) -> IndicatorValue | None:
    """Inverse of value_to_text; exact round trip. Corrupt text -> InputError."""
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError("value_from_text: teks harus str")
    t = s.strip()
    if not t:
        return None
    if t[0].isalpha():
        m = _PREDIKAT_RE.match(t)
        if not m or m.group(1) not in GRADE_RANK:
            raise InputError(f"Nilai tersimpan tidak valid: \"{s}\".")
        score = None
        if m.group(2) is not None:
            score = _storage_decimal(m.group(2), s)
        return Predikat(m.group(1), score)
    return _storage_decimal(t, s)


def _storage_decimal(t: str, original: str) -> Decimal:
    try:
        d = Decimal(t)
    except InvalidOperation:
        raise InputError(f"Nilai tersimpan tidak valid: \"{original}\".") from None
    if not d.is_finite():
        raise InputError(f"Nilai tersimpan tidak valid: \"{original}\".")
    return d


def _decimals_of(d: Decimal) -> int:
    exp = d.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def format_value(v: IndicatorValue | None, places: int | None = 2) -> str:
    """id-ID display: "49,59", "A (82,04)", None -> "-". places=None shows every typed digit."""
    if v is None:
        return "-"
    if isinstance(v, Predikat):
        if v.score is None:
            return v.grade
        return f"{v.grade} ({format_value(v.score, places)})"
    d = _check_decimal(v)
    return format_number(d, _decimals_of(d) if places is None else places)
