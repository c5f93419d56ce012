"""Numbers, rupiah and dates as Indonesian users type and read them (RULES.md §1, §10).

Rupiah are ``int``; every other quantity is ``Decimal``; ``float`` is refused everywhere.
Rounding is half-up and happens only here, for display: Babel and ``round()`` round half-even,
so every value is quantized with ``ROUND_HALF_UP`` before Babel formats it.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
    localcontext,
)
from typing import Callable

from lkip_desktop.domain.errors import InputError

__all__ = [
    "D",
    "round_half_up",
    "UNLIMITED",
    "parse_number",
    "parse_rupiah",
    "format_number",
    "format_rupiah",
    "format_percent",
    "format_signed",
    "format_date",
    "parse_date",
]

NUMBER_LOCALE = "id_ID"
DATE_LOCALE = "id"
DASH = "-"

# Spaces that arrive with pasted figures (Word, PDF, web pages).
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": " "}
# Minus signs other than ASCII that word processors substitute.
_MINUSES = ("-", "\u2212", "\u2013")
_BODY = re.compile(r"[0-9][0-9.,]*")
# No group mark, at most one decimal comma ("80,1", "1234"): nothing for Babel's strict
# grouping check to refuse, and Decimal reads it as Babel would (the common typed figure).
_UNGROUPED = re.compile(r"[0-9]+(?:,[0-9]+)?")
_RP_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
# "Rp 5.000,-": the dash only says "no sen".
_NO_CENTS_SUFFIX = re.compile(r"[.,]\s*[-\u2212\u2013]$")
_EXAMPLE = "Contoh: 1.234,56"
_MAX_QUOTE = 60


def _reject_float(x: object) -> None:
    # bool is an int subclass but never a quantity.
    if isinstance(x, (float, bool)):
        raise TypeError(f"float/bool tidak diterima, pakai Decimal atau str: {x!r}")


def _quote(text: str) -> str:
    """The user's input, shortened so a pasted page does not fill the message box."""
    if len(text) > _MAX_QUOTE:
        text = text[: _MAX_QUOTE - 1] + "…"
    return f"'{text}'"


def _context_for(d: Decimal, places: int):
    """A local context wide enough that quantize never fails on large values."""
    return localcontext(prec=max(28, d.adjusted() + max(places, 0) + 3))


def _check_finite(d: Decimal) -> Decimal:
    if not d.is_finite():
        raise InputError(f"{_quote(str(d))} bukan angka yang sah")
    return d


def D(x: str | int | Decimal) -> Decimal:
    """Decimal from a program literal ("0.8", 5, Decimal). Not for user text: use parse_number."""
    _reject_float(x)
    if isinstance(x, Decimal):
        return _check_finite(x)
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, str):
        try:
            return _check_finite(Decimal(x.strip()))
        except InvalidOperation:
            raise InputError(f"{_quote(x)} bukan angka yang sah. Contoh: 1234.56") from None
    raise TypeError(f"D() menerima str, int atau Decimal, bukan {type(x).__name__}")


# No digit or exponent limit: exact sums, and a quantize that never fails on large values.
UNLIMITED = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
_STEPS = {p: Decimal(1).scaleb(-p) for p in range(0, 7)}  # 1, 0.1 ... 0.000001


def round_half_up(d: Decimal | int, places: int = 2) -> Decimal:
    """Half-up to ``places`` decimals (88.125 -> 88.13), for display only (RULES 1.2, 1.4)."""
    if type(d) is not Decimal:  # the common case skips the checks below
        _reject_float(d)
        if isinstance(d, int):
            d = Decimal(d)
        if not isinstance(d, Decimal):
            raise TypeError(f"round_half_up() menerima Decimal atau int, bukan {type(d).__name__}")
    if not d.is_finite():
        _check_finite(d)  # raises
    step = _STEPS.get(places)
    if step is None:
        step = Decimal(1).scaleb(-places)
    q = d.quantize(step, rounding=ROUND_HALF_UP, context=UNLIMITED)  # one context for every call
    # -0.001 rounds to -0.00; nobody wants to read "-0,00".
    return q.copy_abs() if q.is_zero() else q


# --- parsing -----------------------------------------------------------------------------


def _normalize_text(text: str) -> str:
    for ch, repl in _SPACES.items():
        text = text.replace(ch, repl)
    return text.strip()


def _strip_sign(s: str) -> tuple[bool, str]:
    if s and s[0] in _MINUSES:
        return True, s[1:].lstrip()
    if s.startswith("+"):
        return False, s[1:].lstrip()
    return False, s


def parse_number(text: str, *, thousands_dot: bool = False) -> Decimal:
    """A number as typed or pasted by an Indonesian user: "1.234,56", "49,59 %", "Rp 1.234", "(0,75)".

    "." groups and "," is the decimal mark; a single "." not followed by exactly three digits can
    only be a decimal point ("29.55"), so it is read as one. A single "." followed by exactly
    three digits ("88.125", "5.474") is ambiguous — 88,125 from an English sheet or 88125 in
    Indonesian — and is refused with both readings, unless ``thousands_dot`` (rupiah, which
    have no decimals). "1,234,567.5" is refused, not guessed.
    """
    if not isinstance(text, str):
        _reject_float(text)
        raise TypeError(f"parse_number() menerima str, bukan {type(text).__name__}")
    s = _normalize_text(text)
    if not s:
        raise InputError("Nilai kosong")
    def bad() -> InputError:  # made only when refused: most typed figures are fine
        return InputError(f"{_quote(text.strip())} bukan angka yang sah. {_EXAMPLE}")

    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    sign, s = _strip_sign(s)
    m = _RP_PREFIX.match(s)
    if m:
        s = s[m.end():]
        if not sign:
            sign, s = _strip_sign(s)
    s = _NO_CENTS_SUFFIX.sub("", s) if m else s
    if sign and negative:
        raise bad()  # "(-5)" is a typo, not a double negative
    negative = negative or sign

    if not _BODY.fullmatch(s) or not s[-1].isdigit():
        raise bad()
    if s.count(".") == 1 and "," not in s:
        whole, frac = s.split(".")
        # "29.55", "1.2345", "0.500": a decimal point; "1.234": a thousands group or a decimal.
        if len(frac) != 3 or whole == "0":
            s = f"{whole},{frac}"
        elif not (thousands_dot or m) and whole.isdigit() and len(whole) <= 3:
            raise InputError(
                f"{_quote(text.strip())} ambigu: tulis {whole}{frac} untuk {whole} ribu {frac}, "
                f"atau {whole},{frac} untuk {whole} koma {frac}."
            )
    if _UNGROUPED.fullmatch(s):
        value = Decimal(s.replace(",", "."))
    else:
        value = _parse_grouped(s, bad)
    if not value.is_finite():
        raise bad()
    if negative:
        value = -value
    return value.copy_abs() if value.is_zero() else value


def _parse_grouped(s: str, bad: Callable[[], InputError]) -> Decimal:
    """A figure with group marks, checked by Babel's strict parser ("1.234,5" yes, "1.23.4" no)."""
    from babel.numbers import NumberFormatError, parse_decimal  # Babel loads on the first grouped figure

    try:
        return parse_decimal(s, locale=NUMBER_LOCALE, strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        raise bad() from None


def parse_rupiah(text: str) -> int:
    """Whole rupiah: "Rp 1.234.567", "1.234.567,00", "Rp 5.000,-". Sen are refused."""
    value = parse_number(text, thousands_dot=True)
    if value != value.to_integral_value():
        raise InputError(f"Rupiah harus bilangan bulat: {_quote(text.strip())}")
    return int(value)


# --- formatting --------------------------------------------------------------------------


def _own_places(d: Decimal) -> int:
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _as_decimal(d: Decimal | int, fn: str) -> Decimal:
    _reject_float(d)
    if isinstance(d, int):
        return Decimal(d)
    if isinstance(d, Decimal):
        return _check_finite(d)
    raise TypeError(f"{fn}() menerima Decimal atau int, bukan {type(d).__name__}")


_ID_SEPARATORS = str.maketrans(",.", ".,")


def _grouped(d: Decimal, places: int) -> str:
    """``d`` as id-ID digits, "1.234.567,89": the text Babel's "#,##0.00" pattern gives for
    id_ID (half-even to ``places``; tests/domain/test_numbers.py checks it against Babel),
    through str.format, about 15 times faster: a report formats every figure it shows."""
    with _context_for(d, places):  # wide enough that quantize never fails on large values
        q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return format(q, f",.{places}f").translate(_ID_SEPARATORS)


def format_number(d: Decimal | int | None, places: int | None = 2) -> str:
    """"1.234.567,89": half-up to ``places``; ``places=None`` keeps the value's own decimals."""
    if d is None:
        return DASH
    d = _as_decimal(d, "format_number")
    if places is None:
        places = _own_places(d)
    return _grouped(round_half_up(d, places), max(places, 0))


def format_rupiah(
    n: int | None, *, prefix: bool = False, parens: bool = True, dash_zero: bool = True
) -> str:
    """"235.997.078.013" / "Rp 235.997.078.013"; negative "(5.000.000)"; 0 or None -> "-"."""
    if n is None:
        return DASH
    _reject_float(n)
    if not isinstance(n, int):
        raise TypeError(f"Rupiah harus int, bukan {type(n).__name__}")
    if n == 0 and dash_zero:
        return DASH
    body = _grouped(Decimal(abs(n)), 0)
    if prefix:
        body = "Rp " + body
    if n < 0:
        return f"({body})" if parens else f"-{body}"
    return body


def format_percent(d: Decimal | int | None, places: int = 2, suffix: bool = True) -> str:
    """"123,97%" for prose; ``suffix=False`` for a column headed "(%)"."""
    if d is None:
        return DASH
    text = format_number(d, places)
    return text + "%" if suffix else text


def format_signed(d: Decimal | int | None, places: int = 2, parens: bool = False) -> str:
    """Deviasi "-11,95", or "(0,75)" as Lampiran 4 prints negative TW targets."""
    if d is None:
        return DASH
    d = _as_decimal(d, "format_signed")
    q = round_half_up(d, places)
    body = _grouped(q.copy_abs(), max(places, 0))
    if q < 0:
        return f"({body})" if parens else f"-{body}"
    return body


# --- dates -------------------------------------------------------------------------------


def format_date(d: datetime.date, zero_pad: bool = False) -> str:
    """"2 Januari 2024" ("02 Januari 2024" with ``zero_pad``, as SETDA prints)."""
    if not isinstance(d, datetime.date):
        raise TypeError(f"format_date() menerima date, bukan {type(d).__name__}")
    from babel.dates import format_date as _babel_format_date  # Babel loads on the first date shown

    return _babel_format_date(d, "dd MMMM y" if zero_pad else "d MMMM y", locale=DATE_LOCALE)


@functools.cache
def _month_names() -> dict[str, int]:
    """Month names and abbreviations -> number, read once, on the first date typed."""
    from babel import Locale  # Babel's locale data loads on the first date typed, not at import

    loc = Locale.parse(DATE_LOCALE)
    names: dict[str, int] = {}
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for num, name in loc.months[ctx][width].items():
                names[name.lower()] = num
    # Older spellings and abbreviations still common in official letters.
    names.update({"agt": 8, "ags": 8, "sept": 9, "pebruari": 2, "peb": 2, "nopember": 11, "nop": 11})
    return names


_DATE_NAMED = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def parse_date(text: str) -> datetime.date:
    """"2 Januari 2024", "02 Januari 2024", "2024-01-02", "02/01/2024", "2/1/2024" (day first)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_date() menerima str, bukan {type(text).__name__}")
    s = _normalize_text(text)
    if not s:
        raise InputError("Tanggal kosong")
    bad = InputError(f"{_quote(s)} bukan tanggal yang sah. Contoh: 2 Januari 2024")
    s_ascii = s if s.isascii() else ""
    if m := _DATE_NAMED.fullmatch(s_ascii):
        month = _month_names().get(m.group(2).lower())
        if month is None:
            raise InputError(f"Nama bulan tidak dikenal dalam {_quote(s)}. Contoh: 2 Januari 2024")
        y, mo, d = int(m.group(3)), month, int(m.group(1))
    elif m := _DATE_ISO.fullmatch(s_ascii):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DATE_DMY.fullmatch(s_ascii):
        y, mo, d = int(m.group(4)), int(m.group(3)), int(m.group(1))
    else:
        raise bad
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        raise InputError(f"Tanggal {_quote(s)} tidak ada di kalender") from None
