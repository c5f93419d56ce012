"""`rekap`: many OPD workbooks (or their ringkasan JSON) summarised into one XLSX/PDF, the
inputs that could not be used listed with the reason; `export-ringkasan`: one workbook's
summary as the small JSON a city can collect instead of the workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..reports.rekap.collect import collect
from ..reports.rekap.output import write_rekap
from ..reports.rekap.ringkasan import write_ringkasan
from ..reports.rekap.summary import summarize
from ..reports.rekap.tables import opd_table
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rekap", help="rekap Pemda: ringkasan banyak buku kerja OPD ke Excel/PDF")
    p.add_argument("inputs", nargs="+", type=Path, metavar="FOLDER_ATAU_BERKAS",
                   help="folder berisi .lkip/.json ringkasan, atau berkasnya satu per satu")
    p.add_argument("--xlsx", type=Path, help="berkas Excel keluaran")
    p.add_argument("--pdf", type=Path, help="berkas PDF keluaran")
    p.add_argument("--tahun", type=int, help="tahun yang direkap (bawaan: tahun kebanyakan berkas)")
    p.add_argument("--paper", choices=["A4", "F4", "a4", "f4"], default="A4", help="ukuran kertas (bawaan A4)")
    p.set_defaults(func=cmd_rekap)

    p = sub.add_parser("export-ringkasan", help="tulis ringkasan satu buku kerja sebagai JSON untuk rekap Pemda")
    p.add_argument("workbook", type=Path)
    p.add_argument("json", type=Path)
    p.set_defaults(func=cmd_export_ringkasan)


def _progress(done: int, total: int, name: str) -> bool:
    if name and sys.stderr.isatty():
        print(f"\r[{done + 1}/{total}] {name[:60]:<60}", end="", file=sys.stderr, flush=True)
    return True


def cmd_rekap(args) -> int:
    result = collect(args.inputs, args.tahun, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    table = opd_table(result.summaries)
    _print_table(table)
    if result.skipped:
        print(f"\n{len(result.skipped)} berkas tidak direkap:")
        for sk in result.skipped:
            print(f"  {sk.path.name}: {sk.reason}")
    if not result.summaries:
        print("Tidak ada OPD yang dapat direkap.", file=sys.stderr)
        return 1
    try:
        written = write_rekap(result, xlsx=args.xlsx, pdf=args.pdf, paper=args.paper.upper())
    except OSError as exc:
        print(f"Berkas tidak dapat ditulis: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    print(f"\n{len(result.summaries)} OPD tahun {result.tahun} direkap.")
    for out in written:
        print(f"  {out}")
    return 0


def _print_table(table) -> None:
    """The OPD table as plain text columns (the figures exactly as the XLSX/PDF print them)."""
    grid = [[c.text if c else "" for c in table.header[0]]] + [[c.text if c else "" for c in r.cells]
                                                               for r in table.rows]
    widths = [min(max(len(row[i]) for row in grid), 40) for i in range(table.ncols)]
    right = [col.kind in ("rupiah", "percent", "number") for col in table.columns]
    for n, row in enumerate(grid):
        cells = [(t[:w].rjust(w) if r else t[:w].ljust(w)) for t, w, r in zip(row, widths, right)]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))


def cmd_export_ringkasan(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        summary = summarize(svc, args.workbook.name)
    write_ringkasan(summary, args.json)
    print(f"Ringkasan ditulis: {args.json}")
    return 0
