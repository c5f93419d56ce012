"""Which column holds which field: from the header titles (``auto_mapping``) or from a
typed mapping such as "kode=A,pagu_murni=C" (``parse_mapping``)."""

from __future__ import annotations

import re

from ...domain import model as M
from ...domain.errors import FormulaError
from ...domain.formula.parser import parse_formula
from . import limits
from .columns import (
    ALIASES,
    FIELDS,
    IND_FIELDS,
    KOMPONEN_PREFIX,
    column_index,
    column_letter,
    ind_header_key,
    budget_header_key,
    komponen_key,
    normalize_header,
)
from .limits import XlsxImportError
from .sheetdata import SheetData


def auto_mapping(data: SheetData, jenis: str = "anggaran", wb: M.Workbook | None = None) -> dict[str, int]:
    """Field -> column index from the header row's titles (first match wins). For indicator
    sheets, a column titled with a komponen name of the workbook maps to that komponen."""
    out: dict[str, int] = {}
    komponen = _all_komponen(wb) if (jenis == "indikator" and wb is not None) else {}
    for idx, title in enumerate(data.headers()):
        if jenis == "indikator":
            key = ind_header_key(title)
            if key is None and komponen_key(title) in komponen:
                key = KOMPONEN_PREFIX + komponen[komponen_key(title)]
        else:
            key = budget_header_key(title)
        if key and key not in out:
            out[key] = idx
    return out


def _all_komponen(wb: M.Workbook) -> dict[str, str]:
    """komponen_key -> komponen name, over every indicator of the workbook."""
    out: dict[str, str] = {}
    for ind in wb.indicators.values():
        for name in komponen_names(ind, wb.settings.tahun):
            out.setdefault(komponen_key(name), name)
    return out


def komponen_names(ind: M.Indicator, tahun: int) -> list[str]:
    """The komponen an indicator knows: its formula's names, then any stored for the year."""
    names: list[str] = []
    if ind.rumus_komponen:
        try:
            names += list(parse_formula(ind.rumus_komponen).names)
        except FormulaError:
            pass
    names += [n for n in ind.komponen.get(tahun, {}) if n not in names]
    return names


def field_keys(jenis: str = "anggaran") -> list[str]:
    return [f.key for f in (IND_FIELDS if jenis == "indikator" else FIELDS)]


def parse_mapping(text: str, data: SheetData | None = None, jenis: str = "anggaran") -> dict[str, int]:
    """'kode=A,pagu_murni=C,tw1=H' -> field -> column index. A value that is not a column
    letter is looked up among the header titles (e.g. kode=Kode Rekening). Indicator
    sheets also take 'komponen:NAMA=F' (a column holding one komponen)."""
    out: dict[str, int] = {}
    known = field_keys(jenis)
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        key, sep, col = (s.strip() for s in part.partition("="))
        key = ALIASES.get(key.lower(), key.lower())
        is_komponen = jenis == "indikator" and key.startswith(KOMPONEN_PREFIX) and len(key) > len(KOMPONEN_PREFIX)
        if not sep or not (key in known or is_komponen) or not col:
            example = "kode=B,target=E,realisasi=J,komponen:jumlah_opd=K" if jenis == "indikator" else \
                "kode=A,pagu_murni=C"
            raise XlsxImportError(
                f"Pemetaan '{part}' tidak sah. Bentuknya kolom=HURUF, mis. {example}. "
                f"Kolom yang dikenal: {', '.join(known)}."
            )
        if re.fullmatch(r"[A-Za-z]{1,3}", col) and (data is None or normalize_header(col) not in
                                                    {normalize_header(h) for h in data.headers()}):
            idx = column_index(col)
        else:
            titles = [normalize_header(h) for h in (data.headers() if data else [])]
            if normalize_header(col) not in titles:
                raise XlsxImportError(f"Judul kolom '{col}' tidak ditemukan di baris judul.")
            idx = titles.index(normalize_header(col))
        if idx >= limits.MAX_COLS:
            raise XlsxImportError(f"Kolom {col} di luar batas ({limits.MAX_COLS} kolom).")
        out[key] = idx
    return out


def describe_mapping(mapping: dict[str, int]) -> str:
    return ",".join(f"{k}={column_letter(v)}" for k, v in sorted(mapping.items(), key=lambda kv: kv[1]))
