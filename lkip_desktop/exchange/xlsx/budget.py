"""The budget ops of a sheet: each row matched to a sub kegiatan by kode; pagu, realisasi
and triwulan figures as whole rupiah."""

from __future__ import annotations

import re

from ...domain import model as M
from ...domain.errors import InputError
from ...store.ops import CellRef, SetOp
from .cells import cell_text, kode_text, numeric_kode_message, numeric_kode_twins, rupiah_value
from .columns import VALUE_FIELDS, column_letter
from .result import Preview, Problem, RowMatch
from .sheetdata import SheetData


def preview_budget(wb: M.Workbook, data: SheetData, mapping: dict[str, int]) -> Preview:
    """Budget figures: each row matched to a budget item by kode; only sub kegiatan take
    figures (programs and kegiatan are sums). Nothing is written."""
    pv = Preview(data, dict(mapping))
    if "kode" not in mapping:
        pv.blocking.append("Kolom kode belum dipetakan: baris dicocokkan menurut kode.")
        return pv
    value_fields = [f for f in VALUE_FIELDS if f.key in mapping]
    if not value_fields:
        pv.blocking.append("Belum ada kolom nilai yang dipetakan (pagu, realisasi, atau triwulan).")
        return pv
    tahun = wb.settings.tahun
    pv.refuse_other_year(tahun)

    by_kode: dict[str, list[M.BudgetItem]] = {}
    for item in wb.items.values():
        if item.kode.strip():
            by_kode.setdefault(re.sub(r"\s+", "", item.kode), []).append(item)

    seen: dict[str, int] = {}
    kcol, ncol = mapping["kode"], mapping.get("nama")
    for i in range(data.data_start, len(data.rows)):
        row = data.rows[i]
        rn = i + 1
        get = (lambda c: row[c] if c is not None and c < len(row) else None)
        kode = kode_text(get(kcol), data.number_format(i, kcol))
        nama = cell_text(get(ncol)) if ncol is not None else ""
        raw = {f.key: get(mapping[f.key]) for f in value_fields}
        has_values = any(cell_text(v) not in ("", "-") for v in raw.values())
        if not kode:
            if has_values:
                pv.unmatched.append(Problem(rn, column_letter(kcol), "", nama, "kode kosong"))
            continue
        if kode in seen:
            pv.blocking.append(f"Kode {kode} muncul dua kali (baris {seen[kode]} dan {rn}). "
                               "Setiap kode hanya boleh satu baris.")
            continue
        seen[kode] = rn
        parsed: dict[str, int | None] = {}
        row_errors = []
        for f in value_fields:
            try:
                parsed[f.key] = rupiah_value(raw[f.key])
            except InputError as exc:
                row_errors.append(Problem(rn, column_letter(mapping[f.key]), kode, cell_text(raw[f.key]),
                                          f"{f.label}: {exc}"))
        candidates = by_kode.get(kode, [])
        if not candidates:
            twins = numeric_kode_twins(get(kcol), kode, by_kode)
            if twins:
                pv.errors.append(Problem(rn, column_letter(kcol), kode, cell_text(get(kcol)),
                                         numeric_kode_message(kode, twins)))
                continue
            if has_values or ncol is None or nama:
                pv.unmatched.append(Problem(rn, "", kode, nama, "kode tidak ada di buku kerja"))
            continue
        if len(candidates) > 1:
            pv.ambiguous.append(Problem(rn, "", kode, nama, f"kode dipakai {len(candidates)} baris anggaran"))
            continue
        item = candidates[0]
        if item.level != "sub_kegiatan":
            if any(v is not None for v in parsed.values()):
                pv.ambiguous.append(Problem(rn, "", kode, nama or item.nama,
                                            f"{item.level.replace('_', ' ')}: jumlahnya dihitung dari sub kegiatan, "
                                            "tidak diimpor"))
            continue
        pv.errors.extend(row_errors)
        for f in value_fields:
            v = parsed.get(f.key)
            if v is not None and v < 0 and not (f.table == "budget_quarter" and f.column == "target_keuangan"):
                pv.errors.append(Problem(rn, column_letter(mapping[f.key]), kode, cell_text(raw[f.key]),
                                         f"{f.label}: tidak boleh negatif"))
                parsed[f.key] = None
        match = RowMatch(rn, kode, nama, item.id, item.nama)
        for f in value_fields:
            new = parsed.get(f.key)
            if new is None:
                continue  # empty cell: the stored value stays
            q = None
            if f.table == "budget_item":
                old = getattr(item, f.column)
                ref = CellRef("budget_item", (item.id,), f.column)
            else:
                q = item.quarters.get(f.triwulan)
                old = getattr(q, f.column) if q else None
                ref = CellRef("budget_quarter", (item.id, f.triwulan), f.column)
            if old != new:
                match.changes.append((f.key, old, new))
                pv.ops.append(SetOp(ref, new))
            if f.table == "budget_quarter" and q is not None and getattr(q, f"{f.column}_persen") is not None:
                # RULES 6.8: the % is kept only while the rupiah amount is unknown (one truth).
                pv.ops.append(SetOp(CellRef("budget_quarter", (item.id, f.triwulan), f"{f.column}_persen"), None))
        pv.matched.append(match)
    if not pv.matched and not pv.blocking and not pv.errors:
        pv.blocking.append("Tidak ada baris yang cocok dengan kode sub kegiatan di buku kerja.")
    return pv
