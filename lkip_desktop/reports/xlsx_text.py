"""Text as an Excel file can hold it: cell text (no control characters, no lone surrogates,
Excel's length limit) and sheet names (Excel's forbidden characters, 31 characters, unique)."""

from __future__ import annotations

import re

from .plain_text import xml_safe
from .table import ReportTable

EXCEL_CELL_CHARS = 32_767  # Excel refuses to open a file with a longer cell

_BAD_TITLE = re.compile(r"[\\*?:/\[\]]")


def safe_text(text: str | None) -> str:
    """Text the file can store and Excel can open (control characters and lone surrogates
    dropped; beyond Excel's cell limit shortened with "…")."""
    text = xml_safe(text or "")
    return text if len(text) <= EXCEL_CELL_CHARS else text[:EXCEL_CELL_CHARS - 1] + "…"


SHEET_NAME_UNITS = 31  # Excel counts a sheet name in UTF-16 units: an emoji is two


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _first_units(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` UTF-16 units (never half an emoji)."""
    if _units(text) <= units:
        return text
    out, used = [], 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            break
        out.append(ch)
    return "".join(out)


def sheet_title(table: ReportTable, taken: set[str]) -> str:
    base = _BAD_TITLE.sub(" ", safe_text(f"T{table.number} {table.title}" if table.number else table.title))
    base = re.sub(r"\s+", " ", base).strip().strip("'").strip()
    if _units(base) > SHEET_NAME_UNITS:  # cut at a word
        cut = _first_units(base, SHEET_NAME_UNITS)
        base = cut[:cut.rfind(" ")] if " " in cut[6:] else cut
    base = base.rstrip(" ,-'") or "Tabel"
    if base.lower() == "history":  # reserved by Excel
        base = "Tabel history"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = _first_units(base, SHEET_NAME_UNITS - len(suffix)).rstrip(" '") + suffix
        n += 1
    taken.add(title.lower())
    return title
