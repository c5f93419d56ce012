"""Rekap Pemda over N copies of a 1x synthetic workbook (bench/generate.py), each copy
renamed to its own OPD so none is a duplicate: read + summarise every file (one at a time),
then write the rekap XLSX and PDF. Issue 17 asks 50 files in <= 30 s, linear in N.

    python -m bench.bench_rekap [--counts 10,50] [--dir /tmp/lkip-bench-rekap]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from lkip_desktop.reports.rekap.collect import collect
from lkip_desktop.reports.rekap.output import write_rekap
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService


def make_folder(folder: Path, master: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        copy = folder / f"opd-{i + 1:03d}.lkip"
        if copy.exists():
            continue
        shutil.copy(master, copy)
        with WorkbookService.open(copy) as svc:  # only the bench's own copies are written
            svc.set(CellRef("opd", (1,), "nama"), f"Dinas Sintetis {i + 1:03d}")


def run(count: int, base: Path) -> dict:
    master = base / "master-1x.lkip"
    if not master.exists():
        generate(master, scale=1, seed=0)
    folder = base / f"n{count}"
    make_folder(folder, master, count)
    t0 = time.perf_counter()
    result = collect([folder])
    t1 = time.perf_counter()
    write_rekap(result, xlsx=base / f"rekap-{count}.xlsx", pdf=base / f"rekap-{count}.pdf")
    t2 = time.perf_counter()
    assert len(result.summaries) == count and not result.skipped, result.skipped
    return {"count": count, "read": t1 - t0, "write": t2 - t1, "total": t2 - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--counts", default="10,50")
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args(argv)
    base = args.dir or Path(tempfile.mkdtemp(prefix="lkip-bench-rekap-"))
    base.mkdir(parents=True, exist_ok=True)
    print("| files (1x) | read + summarise | write XLSX + PDF | total | per file |")
    print("|---:|---:|---:|---:|---:|")
    for n in (int(x) for x in args.counts.split(",")):
        r = run(n, base)
        print(f"| {n} | {r['read']:.1f} s | {r['write']:.1f} s | {r['total']:.1f} s | {r['total'] / n:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
