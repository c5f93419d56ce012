"""The measures of ``python -m bench`` (issue 16), each the app beside a bare doing the same
work, interleaved A B A B. Each returns the ``Line``s it measured at one scale."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from lkip_desktop.store.schema import TABLES
from lkip_desktop.store.service import WorkbookService

from . import bare_exports
from .bench_core import recompute_all
from .harness import Line, Samples, child_env, interleave, run_child


def start(path: Path, tmp: Path, scale: float, repeat: int) -> list[Line]:
    """Spawn -> first painted grid, imports included: the app (main window, open, first page)
    vs a bare PySide6 window that reads every table with sqlite3 and paints a QTableView of
    the app's grid size (rows x columns reported by the app's own first run)."""
    env = child_env(tmp)
    first = run_child(["start-app", str(path)], env)  # warm-up (page cache, .pyc); gives the size
    _, nrows, ncols = next(x for x in first.stdout.splitlines() if x.startswith("grid")).split()
    bare_args = ["start-bare", str(path), nrows, ncols, *TABLES]
    run_child(bare_args, env)  # its warm-up too
    mem_app, mem_bare, mem_all = Samples(), Samples(), Samples()

    def app():
        r = run_child(["start-app", str(path)], env)
        mem_app.add(r.max_rss_mb)
        return r.wall

    def bare():
        r = run_child(bare_args, env)
        mem_bare.add(r.max_rss_mb)
        return r.wall

    def app_every_row():
        r = run_child(["start-app", str(path), "every-row"], env)
        mem_all.add(r.max_rss_mb)
        return r.wall

    a, b, c = interleave([app, bare, app_every_row], repeat)
    note = f"grid {nrows} x {ncols}"
    after = "incl. what the window does after its first paint: quarterly rows, page check, backup copy"
    return [Line("start -> first painted grid", scale, a, b, note=note),
            Line("start: peak memory", scale, mem_app, mem_bare, unit="MB", note=note),
            Line("start -> open complete", scale, c, b, note=after),
            Line("start -> open complete: peak memory", scale, mem_all, mem_bare, unit="MB", note=after)]


def edit(path: Path, tmp: Path, scale: float, repeat: int) -> list[Line]:
    """One typed edit -> repaint, interleaved inside one child (see child.edit)."""
    r = run_child(["edit", str(path), str(repeat)], child_env(tmp))
    got = json.loads(next(x for x in r.stdout.splitlines() if x.startswith("{")))
    return [Line("one typed edit -> repaint", scale, Samples(got["app"]), Samples(got["bare"]))]


def open_recompute(path: Path, scale: float, repeat: int) -> list[Line]:
    """Open (examine, load, Calculator) + recompute every derived figure vs SELECT * of
    every table the app loads, from the same file."""
    from .child import read_tables
    import sqlite3

    def app():
        with WorkbookService.open(path, readonly=True) as svc:
            recompute_all(svc.wb)

    def bare():
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        read_tables(conn, list(TABLES))
        conn.close()

    a, b = interleave([app, bare], repeat, before=gc.collect)
    return [Line("open + recompute-all", scale, a, b)]


def _fresh(tables) -> None:
    """Forget every cell's formatted text, so each run formats its numbers again."""
    for t in tables:
        for row in t.rows:
            for c in row.cells:
                if c is not None:
                    c.__dict__.pop("text", None)


def exports(path: Path, tmp: Path, scale: float, repeat: int) -> list[Line]:
    """Every standard table to PDF and to XLSX (the app's write_export) vs the bares."""
    from dataclasses import replace

    from lkip_desktop.reports.export import plan_export, write_export

    with WorkbookService.open(path, readonly=True) as svc:
        plan = plan_export(svc, pdf=tmp / "app.pdf", xlsx=tmp / "app.xlsx")
    tables = plan.tables
    pdf_plan, xlsx_plan = replace(plan, xlsx=None), replace(plan, pdf=None)
    rows = sum(len(t.rows) for t in tables)
    note = f"{len(tables)} tables, {rows:,} rows"

    def run(fn, *args):
        def go():
            _fresh(tables)
            gc.collect()
            import time
            t = time.perf_counter()
            fn(*args)
            return time.perf_counter() - t
        return go

    a, b = interleave([run(write_export, pdf_plan), run(bare_exports.bare_pdf, tables, tmp / "bare.pdf")], repeat)
    out = [Line("all tables to PDF", scale, a, b, note=note)]
    # The goal's pair (app, values-only) at least 3 rounds even where exports take minutes: a
    # growth exponent from one round each moved by ±0.05; the styled bare (8x the app) ``repeat``.
    a, v = interleave([run(write_export, xlsx_plan), run(bare_exports.bare_xlsx_values, tables, tmp / "values.xlsx")],
                      max(repeat, 3))
    b, = interleave([run(bare_exports.bare_xlsx, tables, tmp / "bare.xlsx")], repeat)
    out.append(Line("all tables to XLSX (styled bare)", scale, a, b, note=note))
    out.append(Line("all tables to XLSX (values-only bare)", scale, a, v, note=note))
    return out


def docx(path: Path, tmp: Path, scale: float, repeat: int) -> list[Line]:
    """Whole LKIP to Word: the child's peak memory; beside it the same child that opens and
    builds the document but writes nothing (what the data alone needs)."""
    env = child_env(tmp)
    mem, ref, wall = Samples(), Samples(), Samples()
    for _ in range(repeat):
        r = run_child(["docx", str(path), str(tmp / "lkip.docx")], env)
        mem.add(r.max_rss_mb)
        wall.add(r.wall)
        ref.add(run_child(["plan", str(path), str(tmp / "plan.docx")], env).max_rss_mb)
    return [Line("whole LKIP to Word: peak memory", scale, mem, ref, unit="MB", note="bare = open + build, no write"),
            Line("whole LKIP to Word: time (process)", scale, wall, None)]
