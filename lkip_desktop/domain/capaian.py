"""Capaian of one indicator (RULES.md §2), status words (§2.6) and averages (§4).

Everything is computed at full precision from stored inputs; only ``status_word`` looks at
the 2-dp displayed value, so the word agrees with the number printed beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Iterable, NamedTuple

from .errors import InputError
from .numbers import UNLIMITED, format_number, round_half_up
from .values import IndicatorValue, Predikat

HUNDRED = Decimal(100)
ZERO = Decimal(0)
PREC = 34  # >= 28 (RULES 1.2) whatever the caller's context says
# Every capaian, mean and budget percentage is worked in this one context (PREC digits,
# half-even like Python's default), whatever the caller's context says: one context for
# all, not a ``localcontext`` per value.
CTX = Context(prec=PREC)

POLARITAS = ("positif", "negatif")

F_POSITIF = "realisasi ÷ target × 100 (polaritas positif)"
F_LINEAR = "(2 × target − realisasi) ÷ target × 100 (polaritas negatif, linear)"
F_RATIO = "target ÷ realisasi × 100 (polaritas negatif, rasio)"
F_SKOR = "nilai realisasi ÷ nilai target × 100 (predikat dengan nilai)"
F_SAMA = "predikat sama → 100"
F_RANK = "peringkat realisasi ÷ peringkat target × 100 (D = 1 … AA = 7)"
F_BINARY = "predikat sama atau lebih baik → 100, lebih rendah → 0"
F_NONE = "tidak dapat dihitung"
F_T0_PRACTICE = "target 0: realisasi > 0 → 100, realisasi 0 → 0 (praktik umum)"
F_T0_NEG = "target 0, polaritas negatif: realisasi 0 → 100, realisasi > 0 → 0"
F_BOTH0_RATIO = "target dan realisasi 0 → 100 (polaritas negatif, rasio)"


@dataclass(frozen=True)
class CapaianSettings:
    """The ⚙ conventions of RULES.md §2, defaults as stated there."""

    negative: str = "linear"  # or "ratio" (§2.2)
    floor_zero: bool = True  # linear negative never below 0 (§2.2)
    cap: Decimal | None = None  # §2.5: none by default
    zero_target: str = "none"  # or "practice" (§2.4)
    predikat_beda: str = "rank"  # or "binary" (§2.3)

    def __post_init__(self) -> None:
        if self.negative not in ("linear", "ratio"):
            raise ValueError(f"negative: {self.negative!r}")
        if self.zero_target not in ("none", "practice"):
            raise ValueError(f"zero_target: {self.zero_target!r}")
        if self.predikat_beda not in ("rank", "binary"):
            raise ValueError(f"predikat_beda: {self.predikat_beda!r}")
        if self.cap is not None:
            if isinstance(self.cap, float) or not isinstance(self.cap, (Decimal, int)) or isinstance(self.cap, bool):
                raise TypeError("cap harus Decimal")
            object.__setattr__(self, "cap", Decimal(self.cap))


class Capaian(NamedTuple):
    """value: what is shown and used after (capped if a cap is set); uncapped: before the cap.
    A tuple, as every per-indicator result (``results``): immutable, made 15,000 times by a
    city's recompute at a third of a frozen dataclass's cost, and of plain values only, so the
    cyclic collector stops tracking it."""

    value: Decimal | None
    uncapped: Decimal | None
    note: str | None
    formula: str


DEFAULT_SETTINGS = CapaianSettings()


def _none(note: str, formula: str = F_NONE) -> Capaian:
    return Capaian(None, None, note, formula)


def _check(v: object, what: str) -> IndicatorValue | None:
    if v is None or isinstance(v, (Decimal, Predikat)):
        return v
    if isinstance(v, float):
        raise TypeError(f"{what}: float tidak diterima, gunakan Decimal")
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    raise TypeError(f"{what}: harus Decimal atau Predikat, bukan {type(v).__name__}")


def _fmt(d: Decimal) -> str:
    return format_number(d, 2)


def capaian(
    target: IndicatorValue | None,
    realisasi: IndicatorValue | None,
    polaritas: str = "positif",
    settings: CapaianSettings = DEFAULT_SETTINGS,
) -> Capaian:
    """Capaian (%) of one indicator, RULES.md §2.1–2.5. Never raises for Decimal/Predikat/None."""
    if type(target) is not Decimal:  # a Decimal needs no check: most values are
        target = _check(target, "target")
    if type(realisasi) is not Decimal:
        realisasi = _check(realisasi, "realisasi")
    if polaritas not in POLARITAS:
        raise InputError(f"Polaritas tidak dikenal: {polaritas!r} (positif atau negatif).")
    if not isinstance(settings, CapaianSettings):
        raise TypeError("settings harus CapaianSettings")

    # §2.4: missing values give no capaian (never 0), so averages can leave them out.
    if realisasi is None and target is None:
        return _none("target dan realisasi belum diisi")
    if realisasi is None:
        return _none("realisasi belum diisi")
    if target is None:
        return _none("target belum diisi")
    for v in (target, realisasi):
        d = v.score if isinstance(v, Predikat) else v
        if d is not None and not d.is_finite():
            return _none("nilai tidak valid")

    try:
        c = _uncapped(target, realisasi, polaritas, settings)
    except ArithmeticError:  # overflow on absurd magnitudes: show "-" rather than crash
        return _none("nilai di luar jangkauan")
    return _apply_cap(c, settings.cap)


def _apply_cap(c: Capaian, cap: Decimal | None) -> Capaian:
    if cap is None or c.value is None or c.value <= cap:
        return c
    note = f"dibatasi {_fmt(cap)} (sebenarnya {_fmt(c.value)})"
    if c.note:
        note = f"{c.note}; {note}"
    return Capaian(cap, c.uncapped, note, f"{c.formula}, maks. {_fmt(cap)}")


def _uncapped(t: IndicatorValue, r: IndicatorValue, polaritas: str, s: CapaianSettings) -> Capaian:
    if isinstance(t, Predikat) or isinstance(r, Predikat):
        return _predikat(t, r, s)
    return _numeric(t, r, polaritas, s)


def _ratio(a: Decimal, b: Decimal) -> Decimal:
    """a × 100 ÷ b, each step rounded to PREC digits as ``a * 100 / b`` in CTX would be."""
    return CTX.divide(CTX.multiply(a, HUNDRED), b)


def _ok(value: Decimal, formula: str, note: str | None = None) -> Capaian:
    return Capaian(value, value, note, formula)


def _numeric(t: Decimal, r: Decimal, polaritas: str, s: CapaianSettings, formula: str | None = None) -> Capaian:
    if polaritas == "positif":
        if t == 0:
            if s.zero_target == "practice":
                return _ok(HUNDRED if r > 0 else ZERO, F_T0_PRACTICE, "target 0")
            return _none("target 0")
        return _ok(_ratio(r, t), formula or F_POSITIF)
    # Negative polarity: fewer is better (e.g. "jumlah temuan").
    if t == 0:
        if s.negative == "ratio" and r == 0:
            return _ok(HUNDRED, F_BOTH0_RATIO, "target 0")
        return _ok(HUNDRED if r <= 0 else ZERO, F_T0_NEG, "target 0")
    if s.negative == "ratio":
        if r == 0:
            return _none("realisasi 0", F_RATIO)
        return _ok(_ratio(t, r), F_RATIO)
    v = _ratio(CTX.subtract(CTX.multiply(2, t), r), t)
    if s.floor_zero and v < 0:
        return Capaian(ZERO, ZERO, f"di bawah 0 ({_fmt(v)}), dibulatkan ke 0", F_LINEAR)
    return _ok(v, F_LINEAR)


def _predikat(t: IndicatorValue, r: IndicatorValue, s: CapaianSettings) -> Capaian:
    """§2.3. A predikat is better when higher, so polarity does not apply."""
    t_score = t.score if isinstance(t, Predikat) else t
    r_score = r.score if isinstance(r, Predikat) else r

    if isinstance(t, Predikat) and isinstance(r, Predikat):
        if t_score is not None and r_score is not None:
            return _numeric(t_score, r_score, "positif", s, F_SKOR)
        return _by_grade(t, r, s, None)

    if isinstance(r, Predikat):
        # Numeric target (a score, DISKO 77,50) and a predikat realisasi.
        if r_score is None:
            return _none("realisasi predikat tanpa nilai, target berupa angka")
        return _numeric(t, r_score, "positif", s, F_SKOR)

    # Predikat target, bare number realisasi (the score).
    if t_score is not None:
        return _numeric(t_score, r, "positif", s, F_SKOR)
    from .rating import akip_predikat  # local: rating imports nothing from here, keep it that way

    derived = Predikat(akip_predikat(r))
    return _by_grade(t, derived, s, f"predikat realisasi {derived.grade} dari nilai {_fmt(r)} (skala AKIP)")


def _by_grade(t: Predikat, r: Predikat, s: CapaianSettings, extra: str | None) -> Capaian:
    def join(note: str | None) -> str | None:
        parts = [p for p in (extra, note) if p]
        return "; ".join(parts) if parts else None

    if t.grade == r.grade:
        return _ok(HUNDRED, F_SAMA, join(None))
    if s.predikat_beda == "binary":
        v = HUNDRED if r.rank >= t.rank else ZERO
        return _ok(v, F_BINARY, join(f"predikat {r.grade} dibanding target {t.grade}"))
    v = _ratio(Decimal(r.rank), Decimal(t.rank))
    note = f"menurut peringkat predikat: {r.grade} = {r.rank}, {t.grade} = {t.rank}"
    return _ok(v, F_RANK, join(note))


def status_word(c: Decimal | Capaian | None) -> str:
    """§2.6 on the 2-dp half-up value shown beside it."""
    if isinstance(c, Capaian):
        c = c.value
    if c is None:
        return "-"
    if isinstance(c, float):
        raise TypeError("float tidak diterima, gunakan Decimal")
    return status_of_shown(round_half_up(c, 2))


def status_of_shown(shown: Decimal) -> str:
    """``status_word`` of a value already rounded to 2 dp as shown."""
    if shown > HUNDRED:
        return "Melampaui target"
    if shown == HUNDRED:
        return "Tercapai"
    return "Belum tercapai"


def target_met(c: Decimal | Capaian | None) -> bool:
    """§2.6: the target is met (tercapai or melampaui) by the value as shown."""
    return status_word(c) in ("Melampaui target", "Tercapai")


def _values(values: Iterable[Decimal | Capaian | None]) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for v in values:
        if isinstance(v, Capaian):
            v = v.value
        if v is not None and (isinstance(v, (float, bool)) or not isinstance(v, (Decimal, int))):
            raise TypeError(f"rata-rata: harus Decimal, bukan {type(v).__name__}")
        out.append(None if v is None else Decimal(v))
    return out


def mean(values: Iterable[Decimal | Capaian | None]) -> Decimal | None:
    """Simple unrounded mean, leaving out values without a capaian (§4). None if none left."""
    present = [v for v in _values(values) if v is not None]
    return mean_of(exact_sum(present), len(present))


# Sums are exact (no digit is rounded away however many terms), so a mean kept up to date by
# taking one value out and putting its new value in (``running_mean``) is the very mean a
# fresh sum gives, in any order; only the division rounds, to PREC digits.
_EXACT = UNLIMITED


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    total = ZERO
    for v in values:
        total = _EXACT.add(total, v)
    return total


def exact_difference(a: Decimal, b: Decimal) -> Decimal:
    return _EXACT.subtract(a, b)


def mean_of(total: Decimal, count: int) -> Decimal | None:
    """``total`` (an exact sum) over ``count`` values; None when there are none."""
    if not count:
        return None
    return CTX.divide(total, count)


def mean_note(values: Iterable[Decimal | Capaian | None]) -> str:
    """"4 dari 5 indikator" when some have no capaian; "" when all are counted."""
    vals = _values(values)
    n = sum(1 for v in vals if v is not None)
    if n == len(vals):
        return ""
    return f"{n} dari {len(vals)} indikator"
