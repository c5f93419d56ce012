"""Export every standard table of synthetic workbooks (1x, 100x) to PDF and XLSX, against
bare reportlab / bare openpyxl writing the same cells in the same run; and the whole LKIP
(narrative + every table) to Word (.docx) and to PDF, timed on their own (no bare baseline
writes a document with sentences).

    python -m bench.bench_export [--scales 1,100] [--dir /tmp/lkip-bench] [--md bench/results-export.md]

Baselines (the least work that writes the same cells):
- bare reportlab: a pdfgen canvas draws every cell's text (the same id-ID strings) in a
  fixed grid with cell borders, a new page every N rows: no measuring, wrapping, spans,
  repeated headers or fonts beyond Helvetica.
- bare openpyxl: one sheet per table, ``ws.append`` of the header texts and the body
  values (numbers as numbers), then save: no styles, merges, formats or charts.
The app's side is its export path (``reports.export``): ``plan_export`` (workbook ->
ReportTables / the document, all figures from the Calculator) is timed apart from
``write_export`` of one format at a time.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import openpyxl
import reportlab
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from lkip_desktop.reports import table as T
from lkip_desktop.reports.export import plan_export, write_export
from lkip_desktop.store.service import WorkbookService


def bare_reportlab(tables: list[T.ReportTable], path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    w, h = landscape(A4)
    row_h, margin = 11.0, 30.0
    for t in tables:
        col_w = (w - 2 * margin) / t.ncols
        y = h - margin
        c.setFont("Helvetica", 6)
        rows = [[x.text if x else "" for x in r] for r in t.header] + \
               [[x.text if x else "" for x in r.cells] for r in t.rows]
        for cells in rows:
            if y < margin + row_h:
                c.showPage()
                c.setFont("Helvetica", 6)
                y = h - margin
            for i, text in enumerate(cells):
                x = margin + i * col_w
                c.rect(x, y - row_h, col_w, row_h)
                c.drawString(x + 2, y - row_h + 3, text[:60])
            y -= row_h
        c.showPage()
    c.save()


def bare_openpyxl(tables: list[T.ReportTable], path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for i, t in enumerate(tables):
        ws = wb.create_sheet(f"T{i}")
        for r in t.header:
            ws.append([x.text if x else None for x in r])
        for r in t.rows:
            ws.append([None if x is None else (x.number if x.kind in T.NUMERIC and x.number is not None else x.text)
                       for x in r.cells])
    wb.save(path)


def _timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def run_scale(scale: int, folder: Path) -> dict:
    from bench.generate import generate

    path = folder / f"bench-{scale}x.lkip"
    if not path.exists():
        generate(path, scale)
    with WorkbookService.open(path) as svc:  # writable: an older cached file is migrated
        t = time.perf_counter()
        tables_plan = plan_export(svc, pdf=folder / f"x{scale}.pdf", xlsx=folder / f"x{scale}.xlsx")
        build = time.perf_counter() - t
        subs = sum(1 for i in svc.wb.items.values() if i.level == "sub_kegiatan")
        t = time.perf_counter()
        doc_plan = plan_export(svc, docx=folder / f"x{scale}.docx", lengkap=folder / f"x{scale}-lengkap.pdf")
        doc_build = time.perf_counter() - t
    tables = tables_plan.tables
    rows = sum(len(x.rows) for x in tables)
    res = {"scale": scale, "sub_kegiatan": subs, "tables": len(tables), "rows": rows, "build": build,
           "doc_build": doc_build}
    res["docx"] = _timed(write_export, replace(doc_plan, lengkap=None))
    res["lengkap"] = _timed(write_export, replace(doc_plan, docx=None))
    res["pdf"] = _timed(write_export, replace(tables_plan, xlsx=None))
    res["bare_pdf"] = _timed(bare_reportlab, tables, folder / f"bare{scale}.pdf")
    res["xlsx"] = _timed(write_export, replace(tables_plan, pdf=None))
    res["bare_xlsx"] = _timed(bare_openpyxl, tables, folder / f"bare{scale}.xlsx")
    from pypdf import PdfReader

    res["pages"] = len(PdfReader(str(folder / f"x{scale}.pdf")).pages)
    print(res, flush=True)
    return res


def to_markdown(results: list[dict]) -> str:
    lines = [
        "# Export benchmark: every standard table to PDF and XLSX",
        "",
        f"Python {platform.python_version()}, reportlab {reportlab.Version}, openpyxl {openpyxl.__version__}, "
        f"{platform.machine()} ({platform.system()}). Workbooks from `bench/generate.py` (seed 0). "
        "Produced by `python -m bench.bench_export`.",
        "",
        "| scale | sub kegiatan | tables | body rows | PDF pages | build (s) | PDF (s) | bare reportlab (s) | "
        "PDF ratio | XLSX (s) | bare openpyxl (s) | XLSX ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['scale']}x | {r['sub_kegiatan']:,} | {r['tables']:,} | {r['rows']:,} | {r['pages']:,} | "
            f"{r['build']:.2f} | {r['pdf']:.2f} | {r['bare_pdf']:.2f} | {r['pdf'] / r['bare_pdf']:.1f} | "
            f"{r['xlsx']:.2f} | {r['bare_xlsx']:.2f} | {r['xlsx'] / r['bare_xlsx']:.1f} |")
    lines += [
        "",
        "Whole LKIP (narrative + every table, `reports/document.py`):",
        "",
        "| scale | build blocks (s) | Word .docx (s) | PDF lengkap (s) |",
        "|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {r['scale']}x | {r['doc_build']:.2f} | {r['docx']:.2f} | {r['lengkap']:.2f} |")
    lines += [
        "",
        "Bare reportlab draws the same strings into a fixed grid on a canvas (no measuring, wrapping, spans, "
        "repeated headers, embedded fonts or charts); bare openpyxl appends the same values without styles, "
        "merges, number formats or charts. The ratio is the price of a readable, printable table.",
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,100")
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--md", type=Path, default=None, help="write the results table here")
    args = ap.parse_args(argv)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = [run_scale(int(s), folder) for s in args.scales.split(",")]
    md = to_markdown(results)
    print(md)
    if args.md:
        args.md.write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
