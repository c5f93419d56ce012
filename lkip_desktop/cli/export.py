"""`export`: the standard LKIP tables of a workbook to PDF and/or Excel, and the whole LKIP
(narrative + tables) to Word and/or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import InputError
from ..reports.builders import select, standard_tables
from ..reports.export import ExportError, ExportResult, export, failure_reason
from ..reports.table import Cancelled
from ..store.database import StoreError
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="ekspor tabel standar LKIP ke PDF/Excel, atau laporan lengkap ke Word/PDF")
    p.add_argument("workbook", type=Path)
    p.add_argument("--pdf", type=Path, help="berkas PDF keluaran (tabel; dengan --lengkap: laporan lengkap)")
    p.add_argument("--xlsx", type=Path, help="berkas Excel keluaran")
    p.add_argument("--docx", type=Path, help="laporan lengkap sebagai dokumen Word (.docx)")
    p.add_argument("--lengkap", action="store_true",
                   help="--pdf menulis laporan lengkap (narasi dan semua tabel), bukan hanya tabel")
    p.add_argument("--tables", help="nomor atau kunci tabel dipisah koma, mis. 3.1,3.32 (bawaan: semua)")
    p.add_argument("--paper", choices=["A4", "F4", "a4", "f4"], help="ukuran kertas (bawaan: setelan buku kerja)")
    p.add_argument("--list", action="store_true", help="tampilkan daftar tabel dan keluar")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        if args.list:
            for spec in standard_tables(svc):
                print(f"{spec.number:<6} {spec.key:<32} {spec.title}")
            return 0
        if not (args.pdf or args.xlsx or args.docx):
            print("Sebutkan --pdf, --xlsx dan/atau --docx (atau --list).", file=sys.stderr)
            return 2
        if args.lengkap and not args.pdf:
            print("--lengkap berlaku untuk --pdf: sebutkan berkas PDF-nya.", file=sys.stderr)
            return 2
        if args.lengkap and args.tables:
            print("Laporan lengkap selalu memuat semua tabel: --tables tidak dapat dipakai dengan --lengkap.",
                  file=sys.stderr)
            return 2
        wanted = args.tables.split(",") if args.tables else None
        try:
            select(standard_tables(svc), wanted)
        except KeyError as exc:
            print(f"Tabel tidak dikenal: {exc.args[0]}. Lihat --list.", file=sys.stderr)
            return 2
        try:
            result = export(svc, pdf=None if args.lengkap else args.pdf, xlsx=args.xlsx, docx=args.docx,
                            lengkap=args.pdf if args.lengkap else None, tables=wanted, paper=args.paper)
        except Cancelled:
            return 1
        except ExportError as exc:  # the other outputs were written: say which, then what failed
            _print_written(exc.result)
            print(f"Galat: {exc}", file=sys.stderr)
            return 1
        except (InputError, StoreError):
            raise
        except Exception as exc:  # never a traceback: the tables could not even be built
            print(f"Galat: ekspor gagal saat menyusun laporan ({failure_reason(exc)}).", file=sys.stderr)
            return 1
    _print_written(result)
    return 0


def _print_written(result: ExportResult) -> None:
    if result.tables and (result.pdf or result.xlsx):
        print(f"{len(result.tables)} tabel diekspor.")
    if result.document is not None and (result.docx or result.lengkap):
        print(f"Laporan lengkap: {len(result.document.tables())} tabel dengan narasi.")
    for out in result.paths:
        print(f"  {out}")
