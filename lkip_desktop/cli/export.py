"""`export`: the standard LKIP tables of a workbook to PDF and/or Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..reports.builders import standard_tables
from ..reports.export import export
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="ekspor tabel standar LKIP ke PDF dan/atau Excel")
    p.add_argument("workbook", type=Path)
    p.add_argument("--pdf", type=Path, help="berkas PDF keluaran")
    p.add_argument("--xlsx", type=Path, help="berkas Excel keluaran")
    p.add_argument("--tables", help="nomor atau kunci tabel dipisah koma, mis. 3.1,3.32 (bawaan: semua)")
    p.add_argument("--paper", choices=["A4", "F4", "a4", "f4"], help="ukuran kertas (bawaan: setelan buku kerja)")
    p.add_argument("--list", action="store_true", help="tampilkan daftar tabel dan keluar")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    with WorkbookService.open(args.workbook, readonly=True) as svc:
        if args.list:
            for spec in standard_tables(svc):
                print(f"{spec.number:<6} {spec.key:<32} {spec.title}")
            return 0
        if not args.pdf and not args.xlsx:
            print("Sebutkan --pdf dan/atau --xlsx (atau --list).", file=sys.stderr)
            return 2
        wanted = args.tables.split(",") if args.tables else None
        try:
            result = export(svc, pdf=args.pdf, xlsx=args.xlsx, tables=wanted, paper=args.paper)
        except KeyError as exc:
            print(f"Tabel tidak dikenal: {exc.args[0]}. Lihat --list.", file=sys.stderr)
            return 2
    print(f"{len(result.tables)} tabel diekspor.")
    for out in (result.pdf, result.xlsx):
        if out:
            print(f"  {out}")
    return 0
