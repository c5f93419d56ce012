"""The workbook interchange JSON (``lkip-workbook/1``; docs/json-format.md).

Every table of the file, row by row, in storage form (decimals as exact strings, rupiah
as integers), sorted by key, so that export -> import -> export gives identical text.
The audit trail is not exported: it belongs to the file it happened in.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.errors import InputError
from ..store import repository
from ..store.database import check_output_path
from ..store.ops import CellRef, InsertOp, SetOp
from ..store.kinds import from_json, to_json
from ..store.schema import SCHEMA_VERSION, TABLES
from ..store.service import WorkbookService
from .report import ImportReport
from .validate import read_json_file
from .workbook_schema import check_workbook_json

FORMAT = "lkip-workbook/1"
# Parents before children, so import can insert in this order.
ORDER = ["tujuan", "sasaran", "budget_item", "indicator", "indicator_value", "komponen", "budget_quarter",
         "dukungan", "prestasi", "pk_version", "pk_sasaran", "pk_program", "narasi", "sdm",
         "tabel_laporan", "skala_pita"]


def export_data(svc: WorkbookService) -> dict:
    out: dict = {"format": FORMAT, "schema": SCHEMA_VERSION}
    for single in ("opd", "settings"):
        row = repository.rows(svc.db, single)[0]
        row.pop("id", None)
        out[single] = {k: to_json(v) for k, v in row.items()}
    for table in ORDER:
        key = TABLES[table].key
        rows = repository.rows(svc.db, table)
        if table == "budget_item":
            rows = _parents_first(rows)
        else:
            rows.sort(key=lambda r: tuple(str(r[c]) for c in key))
        out[table] = rows
    return out


def _parents_first(rows: list[dict]) -> list[dict]:
    by_parent: dict = {}
    for r in rows:
        by_parent.setdefault(r["parent_id"], []).append(r)
    for v in by_parent.values():
        v.sort(key=lambda r: (r["urut"], r["kode"], r["id"]))
    out: list[dict] = []

    def walk(parent):
        for r in by_parent.get(parent, []):
            out.append(r)
            walk(r["id"])

    walk(None)
    return out


def export_json(svc: WorkbookService, path: Path | str) -> None:
    check_output_path(path, workbook=svc.path)
    text = json.dumps(export_data(svc), ensure_ascii=False, indent=1, sort_keys=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def import_json(json_path: Path | str, out_path: Path | str, report: ImportReport | None = None) -> WorkbookService:
    """A new workbook at ``out_path`` from an interchange JSON (all or nothing). The JSON is
    checked whole before any op is built; ``report`` (when given) gets what was loaded."""
    data = read_json_file(json_path, "Berkas JSON")
    ops = workbook_ops(data)
    settings = data["settings"]
    svc = WorkbookService.create_from(out_path, ops, "Impor JSON buku kerja", tahun=settings["tahun"],
                                      renstra_awal=settings["renstra_awal"],
                                      renstra_akhir=settings["renstra_akhir"])
    if report is not None:
        report.judul = report.judul or f"Buku kerja tahun {settings['tahun']} dibuat dari {Path(json_path).name}."
        report.count_loaded({t: len(data.get(t) or []) for t in ORDER}, {t: TABLES[t].label for t in ORDER})
        ignored = sorted(k for k in data if k not in ORDER and k not in ("format", "schema", "opd", "settings"))
        if ignored:
            report.dilewati.append(f"Bagian tak dikenal, tidak dimuat: {', '.join(ignored)[:200]}")
    return svc


def workbook_ops(data) -> list:
    """The ops that fill a new workbook from a parsed interchange JSON, after checking it
    whole (InputError naming the JSON path of the first problems)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"Berkas bukan JSON buku kerja LKIP (format '{FORMAT}').")
    check_workbook_json(data, ORDER)
    return _ops(data)


def _ops(data: dict) -> list:
    ops: list = []
    for single in ("opd", "settings"):
        fields = TABLES[single].fields
        for col, v in (data.get(single) or {}).items():
            if col in fields:
                ops.append(SetOp(CellRef(single, (1,), col), fields[col].from_db(from_json(v))))
    for table in ORDER:
        t = TABLES[table]
        for row in data.get(table) or []:
            ops.append(InsertOp(table, {c: (t.fields[c].from_db(v) if c in t.fields else v) for c, v in row.items()}))
    return ops
