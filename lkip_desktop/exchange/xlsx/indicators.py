"""The indicator ops of a sheet: each row matched to an indicator (template ID, kode,
then a unique name); target, realisasi per triwulan and tahunan, and komponen values."""

from __future__ import annotations

import re

from ...domain import model as M
from ...domain.errors import InputError
from ...domain.values import Predikat, is_empty_text
from ...store.ops import CellRef, SetOp
from .cells import (
    cell_text,
    clipped,
    indicator_cell,
    kode_text,
    komponen_cell,
    norm_name,
    numeric_kode_message,
    numeric_kode_twins,
)
from .columns import IND_FIELD_BY_KEY, IND_VALUE_FIELDS, KOMPONEN_PREFIX, column_letter, komponen_key
from .mapping import komponen_names
from .result import Preview, Problem, RowMatch
from .sheetdata import SheetData


def indicators_in_order(wb: M.Workbook) -> list[M.Indicator]:
    """IKT, IKU, then the program/kegiatan/sub kegiatan indicators in the budget tree's order."""
    out: list[M.Indicator] = []
    for t in wb.tujuan_list():
        out += wb.indicators_of(t.id)
    for sa in wb.sasaran_list():
        out += wb.indicators_of(sa.id)
    for item, _ in wb.walk_budget():
        out += wb.indicators_of(item.id)
    seen = {i.id for i in out}
    out += sorted((i for i in wb.indicators.values() if i.id not in seen), key=lambda i: (i.urut, i.nama))
    return out


_is_blank = is_empty_text


def preview_indicators(wb: M.Workbook, data: SheetData, mapping: dict[str, int]) -> Preview:
    """Indicator values: each row is matched to an indicator by ID (the template's), then
    kode, then the exact name when only one indicator has it. A row with a Komponen name is
    a komponen row: its value (the Nilai Komponen column, else the Realisasi Tahunan column)
    is that komponen for the workbook's year. Composite indicators (with a komponen formula)
    take komponen, never a typed realisasi. Nothing is written."""
    pv = Preview(data, dict(mapping), jenis="indikator")
    if not {"id", "kode", "nama"} & set(mapping):
        pv.blocking.append("Kolom kode atau nama indikator belum dipetakan: baris dicocokkan menurut kode, "
                           "lalu nama indikator.")
        return pv
    value_fields = [f for f in IND_VALUE_FIELDS if f.key in mapping]
    komp_cols = {k[len(KOMPONEN_PREFIX):]: c for k, c in mapping.items() if k.startswith(KOMPONEN_PREFIX)}
    komp_value_col = mapping.get("nilai_komponen", mapping.get("realisasi"))
    if not value_fields and not komp_cols and not ("komponen" in mapping and komp_value_col is not None):
        pv.blocking.append("Belum ada kolom nilai yang dipetakan (target, realisasi triwulan/tahunan, "
                           "atau komponen).")
        return pv
    tahun = wb.settings.tahun
    pv.refuse_other_year(tahun)

    by_kode: dict[str, list[M.Indicator]] = {}
    by_name: dict[str, list[M.Indicator]] = {}
    for ind in wb.indicators.values():
        if ind.kode.strip():
            by_kode.setdefault(re.sub(r"\s+", "", ind.kode), []).append(ind)
        by_name.setdefault(norm_name(ind.nama), []).append(ind)

    idcol, kcol, ncol = mapping.get("id"), mapping.get("kode"), mapping.get("nama")
    kompcol = mapping.get("komponen")
    seen: dict[tuple[str, str], int] = {}
    for i in range(data.data_start, len(data.rows)):
        rn = i + 1
        get = (lambda c, _i=i: data.value(_i, c))
        fmt = (lambda c, _i=i: data.number_format(_i, c))
        ident = cell_text(get(idcol)) if idcol is not None else ""
        kode = kode_text(get(kcol), fmt(kcol)) if kcol is not None else ""
        nama = cell_text(get(ncol)) if ncol is not None else ""
        komp = cell_text(get(kompcol)) if kompcol is not None else ""
        # The cells this row brings: (field key, column, raw value).
        if komp:
            cells = [("nilai_komponen", komp_value_col, get(komp_value_col))] if komp_value_col is not None else []
            stray = [(f, mapping[f.key]) for f in value_fields
                     if mapping[f.key] != komp_value_col and not _is_blank(get(mapping[f.key]))]
        else:
            cells = [(f.key, mapping[f.key], get(mapping[f.key])) for f in value_fields] + \
                [(KOMPONEN_PREFIX + name, c, get(c)) for name, c in komp_cols.items()]
            stray = []
        if not any(not _is_blank(v) for _, _, v in cells) and not stray:
            continue  # nothing to import on this row
        label = kode or nama or ident

        # -- which indicator --
        ind, why = None, ""
        if ident:
            ind = wb.indicators.get(ident)
            why = "" if ind else "ID indikator tidak ada di buku kerja (templat dari buku kerja lain?)"
        if ind is None and not why and kode:
            found = by_kode.get(kode, [])
            if len(found) > 1:
                pv.ambiguous.append(Problem(rn, "", kode, nama, f"kode dipakai {len(found)} indikator"))
                continue
            if found:
                ind = found[0]
            else:
                twins = numeric_kode_twins(get(kcol), kode, by_kode)
                if twins:
                    pv.errors.append(Problem(rn, column_letter(kcol), kode, cell_text(get(kcol)),
                                             numeric_kode_message(kode, twins)))
                    continue
        if ind is None and not why and nama:
            found = by_name.get(norm_name(nama), [])
            if len(found) > 1:
                pv.ambiguous.append(Problem(rn, "", kode, nama, f"nama dipakai {len(found)} indikator; "
                                                                 "bedakan dengan kodenya"))
                continue
            if found and kode and found[0].kode.strip() and re.sub(r"\s+", "", found[0].kode) != kode:
                why = f"nama cocok dengan indikator berkode {found[0].kode}, tetapi kodenya berbeda"
            elif found:
                ind = found[0]
        if ind is None:
            pv.unmatched.append(Problem(rn, "", kode, nama or ident,
                                        why or ("kode dan nama indikator tidak ada di buku kerja" if kode or nama
                                                else "kode dan nama indikator kosong")))
            continue

        # -- one row per indicator, one per komponen --
        key = (ind.id, komponen_key(komp) if komp else "")
        if key in seen:
            what = f"Komponen '{komp}' dari indikator" if komp else "Indikator"
            pv.blocking.append(f"{what} '{clipped(ind.nama)}' muncul dua kali (baris {seen[key]} dan {rn}). "
                               "Setiap indikator/komponen hanya boleh satu baris.")
            continue
        seen[key] = rn
        for f, c in stray:
            pv.errors.append(Problem(rn, column_letter(c), label, cell_text(get(c)),
                                     f"{f.label}: baris komponen hanya berisi nilai komponen"))

        known = {komponen_key(n): n for n in komponen_names(ind, tahun)}
        match = RowMatch(rn, ind.kode or kode, nama, ind.id, ind.nama)
        pv.matched.append(match)
        for fkey, col, raw in cells:
            where = column_letter(col)
            if fkey == "nilai_komponen" or fkey.startswith(KOMPONEN_PREFIX):
                name_in = komp if fkey == "nilai_komponen" else fkey[len(KOMPONEN_PREFIX):]
                title = f"Komponen {name_in}"
                try:
                    new = komponen_cell(raw, fmt(col))
                except InputError as exc:
                    pv.errors.append(Problem(rn, where, label, cell_text(raw), f"{title}: {exc}"))
                    continue
                if new is None:
                    continue
                name = known.get(komponen_key(name_in))
                if name is None:
                    hint = (f"komponen yang dikenal: {', '.join(known.values())}" if known else
                            "indikator ini tidak memakai komponen (tidak punya rumus komponen)")
                    pv.errors.append(Problem(rn, where, label, cell_text(raw),
                                             f"{title}: bukan komponen indikator '{ind.nama}'; {hint}"))
                    continue
                old = ind.komponen.get(tahun, {}).get(name)
                if old != new:
                    match.changes.append((KOMPONEN_PREFIX + name, old, new))
                    pv.ops.append(SetOp(CellRef("komponen", (ind.id, tahun, name), "nilai"), new))
                continue
            f = IND_FIELD_BY_KEY[fkey]
            try:
                new = indicator_cell(raw, ind, fmt(col))
            except InputError as exc:
                pv.errors.append(Problem(rn, where, label, cell_text(raw), f"{f.label}: {exc}"))
                continue
            if new is None:
                continue  # empty cell: the stored value stays
            if f.key == "realisasi" and ind.rumus_komponen and not (
                    isinstance(new, Predikat) and new.score is None):
                pv.errors.append(Problem(
                    rn, where, label, cell_text(raw),
                    f"{f.label}: indikator '{ind.nama}' dihitung dari komponen ({ind.rumus_komponen}); "
                    "isi nilai komponennya (baris Komponen), bukan realisasinya"
                    + (" — boleh predikatnya saja, mis. A" if ind.jenis == "predikat" else "")))
                continue
            old = ind.values.get((tahun, f.jenis_nilai, f.periode))
            if old != new:
                match.changes.append((f.key, old, new))
                pv.ops.append(SetOp(CellRef("indicator_value", (ind.id, tahun, f.jenis_nilai, f.periode), "nilai"),
                                    new))
    if not pv.matched and not pv.blocking and not pv.errors:
        pv.blocking.append("Tidak ada baris yang cocok dengan indikator di buku kerja (menurut kode atau nama).")
    return pv
