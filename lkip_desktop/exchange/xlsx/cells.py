"""One cell as a value: a kode as Excel displays it, whole rupiah, an indicator value or a
komponen (numbers exactly as shown; dates and booleans refused)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ...domain import model as M
from ...domain.errors import InputError
from ...domain.numbers import parse_number, parse_rupiah
from ...domain.values import is_empty_text, parse_indicator_value
from ...store.kinds import MAX_INT


def clipped(text: str, limit: int = 60) -> str:
    """A cell's text as quoted in a message: a 40,000-character cell would bury the message."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v).strip()


_ZERO_FORMAT = re.compile(r"^(0+)(?:\.(0+))?$")


def kode_text(v, number_format: str = "General") -> str:
    """A kode cell as text: a numeric kode (1, 1.2) as written, without '.0'. With a number
    format of zeros ("0.00", "00") the number is read as Excel displays it ("1.10", "01")."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return ""
    if isinstance(v, (int, float)):
        m = _ZERO_FORMAT.match((number_format or "").strip())
        if m:
            places = len(m.group(2) or "")
            try:
                d = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
                text = f"{d:.{places}f}"
            except (InvalidOperation, ValueError):
                text = ""
            if text:
                whole, dot, frac = text.partition(".")
                return whole.zfill(len(m.group(1))) + dot + frac
        if isinstance(v, int):
            return str(v)
        return str(int(v)) if v.is_integer() else repr(v)
    return re.sub(r"\s+", "", str(v))


def numeric_kode_twins(v, text: str, kodes) -> list[str]:
    """Workbook kodes a numeric cell may have been before Excel made a number of it
    ("1.10" read back as 1.1, "01" as 1): kodes that are the same number but not the same text."""
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return []
    try:
        n = Decimal(text)
    except InvalidOperation:
        return []
    out = []
    for k in kodes:
        if k != text and re.fullmatch(r"\d+(?:\.\d+)?", k):
            if Decimal(k) == n:
                out.append(k)
    return sorted(out)


def numeric_kode_message(text: str, twins: list[str]) -> str:
    return (f"kode terbaca sebagai angka {text}, sedangkan di buku kerja ada kode {', '.join(twins)}: Excel "
            "membuang angka nol pada kode yang diketik sebagai angka. Format kolom Kode sebagai Teks "
            "(Format Cells > Text), ketik ulang kodenya (atau awali dengan tanda petik: '1.10), lalu impor lagi.")


def rupiah_value(v) -> int | None:
    """A money cell -> whole rupiah (None when empty or '-'), within the range a workbook
    stores, so an absurd figure is reported with its row and column. Raises InputError."""
    n = _rupiah_value(v)
    if n is not None and abs(n) >= MAX_INT:
        raise InputError("Angka terlalu besar (maksimal 999 triliun)")
    return n


def _rupiah_value(v) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool):
        raise InputError("Nilai ya/tidak, bukan rupiah")
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        d = exact_decimal(v)
        if d != d.to_integral_value():
            raise InputError(f"Rupiah harus bilangan bulat: {repr(v).replace('.', ',')}")
        return int(d)
    if isinstance(v, (datetime, date)):
        raise InputError("Berisi tanggal, bukan rupiah")
    text = str(v).strip()
    if is_empty_text(text):
        return None
    return parse_rupiah(text)


def exact_decimal(v: float) -> Decimal:
    """A float from Excel as the Decimal it shows: through ``repr``, the shortest exact round trip."""
    try:
        d = Decimal(repr(v))
    except InvalidOperation:
        raise InputError(f"'{v!r}' bukan angka") from None
    if not d.is_finite():
        raise InputError("Bukan angka yang sah")
    return d


def norm_name(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def indicator_number(v, number_format: str = "General") -> Decimal:
    """A numeric cell -> Decimal, exactly as shown: a float through ``repr``; a cell
    formatted as percent holds a fraction (0,85 shown as 85%), so it is scaled by 100."""
    d = Decimal(v) if isinstance(v, int) else exact_decimal(v)
    if "%" in (number_format or ""):
        d = d.scaleb(2)
    return d


def _numeric_cell(v, number_format: str, parse_text):
    """One cell -> Decimal/Predikat/None: numbers from Excel as they are shown, dates and
    booleans refused, text through ``parse_text`` (which handles '-' and empty)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise InputError("Nilai ya/tidak, bukan angka")
    if isinstance(v, (datetime, date)):
        raise InputError("Berisi tanggal, bukan angka. Format selnya sebagai angka atau teks")
    if isinstance(v, (int, float)):
        return indicator_number(v, number_format)
    return parse_text(str(v))


def indicator_cell(v, ind: M.Indicator, number_format: str = "General"):
    """A target/realisasi cell -> Decimal or Predikat (None when empty or '-'). Raises InputError."""
    return _numeric_cell(v, number_format, lambda t: parse_indicator_value(t, ind.jenis))


def komponen_cell(v, number_format: str = "General") -> Decimal | None:
    return _numeric_cell(v, number_format, lambda t: None if is_empty_text(t) else parse_number(t.strip()))
