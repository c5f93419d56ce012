"""Where a sheet's data starts (its header row, a stated year) and which kind it is:
budget figures ("anggaran") or indicator values ("indikator")."""

from __future__ import annotations

import re

from ...domain import model as M
from . import limits
from .cells import cell_text, kode_text, norm_name
from .columns import YEAR_WORD, budget_header_key, ind_header_key, normalize_header
from .mapping import auto_mapping
from .sheetdata import SheetData


_YEAR_RE = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*((?:19|20)\d{2})\b", re.IGNORECASE)
# Words that only an indicator sheet has, and only a budget sheet has (for detect_jenis).
_IND_ONLY = {"indikator", "komponen", "satuan", "target", "capaian", "id", "jenis"}
_BUDGET_ONLY = {"pagu", "anggaran", "keuangan", "rekening", "rp"}


def find_header_row(rows: list[tuple]) -> int | None:
    """The first row (within the top rows) with a 'Kode' (or indicator ID/name) cell and at
    least one other known header."""
    for i, row in enumerate(rows[:limits.HEADER_SCAN_ROWS]):
        keys = [budget_header_key(v) or ind_header_key(v) for v in row if isinstance(v, str)]
        if ("kode" in keys or "id" in keys or "nama" in keys) and sum(1 for k in keys if k) >= 2:
            return i
    return None


def detect_jenis(data: SheetData, wb: M.Workbook | None = None) -> str:
    """"indikator" when the header titles speak of indicators (indikator, komponen, satuan,
    target), "anggaran" when they speak of money (pagu, anggaran, keuangan). When the titles
    do not settle it and ``wb`` is given, the kode/name cells decide: do they match budget
    items or indicators?"""
    ind = bud = 0
    for title in data.headers():
        words = set(normalize_header(title).split())
        if not words:
            continue
        if words & _BUDGET_ONLY:
            bud += 1
        elif words & _IND_ONLY or ind_header_key(title) == "realisasi" and YEAR_WORD.search(title):
            ind += 1
    if (bud and not ind) or (ind >= 2 and not bud) or wb is None:
        return "indikator" if ind > bud else "anggaran"
    items = {re.sub(r"\s+", "", i.kode) for i in wb.items.values() if i.kode.strip()}
    inds = {re.sub(r"\s+", "", i.kode) for i in wb.indicators.values() if i.kode.strip()}
    names = {norm_name(i.nama) for i in wb.indicators.values()}
    budget_map, ind_map = auto_mapping(data, "anggaran"), auto_mapping(data, "indikator")
    hits_b = hits_i = 0
    for r in range(data.data_start, min(len(data.rows), data.data_start + 300)):
        kb = kode_text(data.value(r, budget_map.get("kode")), data.number_format(r, budget_map.get("kode")))
        ki = kode_text(data.value(r, ind_map.get("kode")), data.number_format(r, ind_map.get("kode")))
        hits_b += bool(kb) and kb in items
        hits_i += (bool(ki) and ki in inds) or norm_name(cell_text(data.value(r, ind_map.get("nama")))) in names
    if hits_b != hits_i:
        return "indikator" if hits_i > hits_b else "anggaran"
    return "indikator" if ind > bud else "anggaran"


def stated_year(rows: list[tuple], header: int | None) -> int | None:
    limit = header if header is not None else min(len(rows), 10)
    for row in rows[:limit]:
        for v in row:
            if isinstance(v, str):
                m = _YEAR_RE.search(v)
                if m:
                    return int(m.group(1))
    return None
