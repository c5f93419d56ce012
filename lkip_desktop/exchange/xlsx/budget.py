"""The budget ops of a sheet: each row matched to a sub kegiatan by kode; pagu, realisasi
and triwulan figures as whole rupiah."""

from __future__ import annotations

import re

from ...domain import model as M
from ...domain.errors import InputError
from ...store.ops import CellRef, SetOp
from .cells import cell_text, clipped, kode_text, numeric_kode_message, numeric_kode_twins, rupiah_value
from ...domain.numbers import format_rupiah
from .columns import VALUE_FIELDS, column_letter, quarter_in_title
from .result import Preview, Problem, RowMatch
from .sheetdata import SheetData


def preview_budget(wb: M.Workbook, data: SheetData, mapping: dict[str, int],
                   triwulan: int | None = None) -> Preview:
    """Budget figures: each row matched to a budget item by kode; only sub kegiatan take
    figures (programs and kegiatan are sums). A cumulative column ("Realisasi s.d. …") goes
    into ``triwulan`` (or the quarter its title names) as that quarter's own amount: the
    cumulative minus the earlier quarters' stored amounts. Nothing is written."""
    pv = Preview(data, dict(mapping), triwulan=triwulan)
    if "kode" not in mapping:
        pv.blocking.append("Kolom kode belum dipetakan: baris dicocokkan menurut kode.")
        return pv
    value_fields = [f for f in VALUE_FIELDS if f.key in mapping]
    if not value_fields:
        pv.blocking.append("Belum ada kolom nilai yang dipetakan (pagu, realisasi, atau triwulan).")
        return pv
    tahun = wb.settings.tahun
    pv.refuse_other_year(tahun)
    quarter_of = {f.key: f.triwulan for f in value_fields}
    for f in value_fields:
        if f.kumulatif:
            quarter_of[f.key] = cumulative_quarter(pv, f.key, triwulan)
            if quarter_of[f.key] is None:
                return pv

    by_kode: dict[str, list[M.BudgetItem]] = {}
    for item in wb.items.values():
        if item.kode.strip():
            by_kode.setdefault(re.sub(r"\s+", "", item.kode), []).append(item)

    seen: dict[str, int] = {}
    kcol, ncol = mapping["kode"], mapping.get("nama")
    for i in range(data.data_start, len(data.rows)):
        row = data.rows[i]
        rn = i + 1
        if i == data.data_start and data.is_numbering(i):
            continue
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
            pv.blocking.append(f"Kode {clipped(kode)} muncul dua kali (baris {seen[kode]} dan {rn}). "
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
            tw, key = quarter_of[f.key], f.key
            if f.kumulatif:
                new = own_amount(pv, item, tw, new, Problem(rn, column_letter(mapping[f.key]), kode,
                                                            cell_text(raw[f.key]), f.label))
                key = f"realisasi_tw{tw}"
                if new is None:
                    continue
            if f.table == "budget_item":
                old = getattr(item, f.column)
                ref = CellRef("budget_item", (item.id,), f.column)
            else:
                q = item.quarters.get(tw)
                old = getattr(q, f.column) if q else None
                ref = CellRef("budget_quarter", (item.id, tw), f.column)
            if old != new:
                match.changes.append((key, old, new))
                pv.ops.append(SetOp(ref, new))
            if f.table == "budget_quarter" and q is not None and getattr(q, f"{f.column}_persen") is not None:
                # RULES 6.8: the % is kept only while the rupiah amount is unknown (one truth).
                pv.ops.append(SetOp(CellRef("budget_quarter", (item.id, tw), f"{f.column}_persen"), None))
        pv.matched.append(match)
    if not pv.matched and not pv.blocking and not pv.errors:
        pv.blocking.append("Tidak ada baris yang cocok dengan kode sub kegiatan di buku kerja.")
    return pv


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def cumulative_quarter(pv: Preview, key: str, triwulan: int | None) -> int | None:
    """The quarter a cumulative column goes into: the one the user names, else the one its
    title names. None (with a blocking reason) when neither, or when they disagree."""
    col = pv.mapping[key]
    title = pv.sheet.column_title(col)
    named = quarter_in_title(pv.sheet.headers()[col] if col < len(pv.sheet.headers()) else "")
    if triwulan is not None and triwulan not in ROMAN:
        pv.blocking.append(f"Triwulan {triwulan} tidak sah; pilih 1 sampai 4.")
        return None
    if triwulan and named and triwulan != named:
        pv.blocking.append(f"Kolom {title} menyebut TW {ROMAN[named]}, sedangkan yang dipilih TW {ROMAN[triwulan]}.")
        return None
    tw = triwulan or named
    if tw is None:
        pv.blocking.append(f"Kolom {title} berisi realisasi kumulatif (s.d.): sebutkan triwulannya "
                           "(--triwulan N, 1-4), agar jumlah triwulan itu sendiri dapat dihitung.")
        return None
    if f"realisasi_tw{tw}" in pv.mapping:
        pv.blocking.append(f"Realisasi TW {ROMAN[tw]} dipetakan dua kali (kolom {title} dan "
                           f"{pv.sheet.column_title(pv.mapping[f'realisasi_tw{tw}'])}).")
        return None
    earlier = " − ".join(f"TW {ROMAN[n]}" for n in range(1, tw))
    pv.notes.append(f"Kolom {title} adalah realisasi kumulatif: diimpor ke realisasi keuangan TW {ROMAN[tw]} "
                    + (f"sebagai kumulatif − {earlier} yang tersimpan." if earlier else "apa adanya (TW I)."))
    pv.triwulan = tw
    return tw


def own_amount(pv: Preview, item: M.BudgetItem, tw: int, cumulative: int, where: Problem) -> int | None:
    """A quarter's own amount from the year-so-far figure and the earlier quarters' stored
    amounts; None (with an error on the row) when an earlier quarter is unknown or larger."""
    before = 0
    for n in range(1, tw):
        q = item.quarters.get(n)
        amount = q.realisasi_keuangan if q else None
        if amount is None:
            where.pesan = (f"{where.pesan}: realisasi keuangan TW {ROMAN[n]} belum ada di buku kerja, jadi jumlah "
                           f"TW {ROMAN[tw]} tidak dapat dihitung dari angka kumulatif. Isi TW {ROMAN[n]} dulu.")
            pv.errors.append(where)
            return None
        before += amount
    if cumulative < before:
        where.pesan = (f"{where.pesan}: kumulatif {format_rupiah(cumulative)} lebih kecil dari jumlah triwulan "
                       f"sebelumnya yang tersimpan ({format_rupiah(before)}).")
        pv.errors.append(where)
        return None
    return cumulative - before
