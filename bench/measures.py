"""The measures of ``python -m bench`` (issue 16), each the app beside a bare doing the same
work, interleaved A B A B. Each returns the ``Line``s it measured: at one scale, or (the
edit and the open) at every scale, taken in turn."""

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


def edit(paths: dict[float, Path], tmps: dict[float, Path], edits: int, rounds: int) -> list[Line]:
    """One typed edit -> repaint at every scale: ``rounds`` children a scale, the scales in
    turn, each child interleaving the app's and the bare's edits (see child.edit); a scale's
    samples pooled. A second line: the bare repainting the typed cell only."""
    app = {scale: Samples() for scale in paths}
    bare = {scale: Samples() for scale in paths}
    one = {scale: Samples() for scale in paths}
    cells: dict[float, int] = {}
    for _ in range(rounds):
        for scale, path in paths.items():
            r = run_child(["edit", str(path), str(max(1, edits // rounds))], child_env(tmps[scale]))
            got = json.loads(next(x for x in r.stdout.splitlines() if x.startswith("{")))
            app[scale].values += got["app"]
            bare[scale].values += got["bare"]
            one[scale].values += got["bare_one_cell"]
            cells[scale] = sum(last - first + 1 for _node, first, last in got["cells"])
    return ([Line("one typed edit -> repaint", scale, app[scale], bare[scale],
                  note=f"the bare repaints the app's {cells[scale]} changed cells") for scale in paths]
            + [Line("one typed edit -> repaint (bare: typed cell only)", scale, app[scale], one[scale])
               for scale in paths])


def open_recompute(paths: dict[float, Path], repeat: int) -> list[Line]:
    """Open (examine, load, Calculator) + recompute every derived figure vs SELECT * of
    every table the app loads, from the same file; every scale's pair in each round."""
    from .child import read_tables
    import sqlite3

    def app(path: Path):
        def go():
            with WorkbookService.open(path, readonly=True) as svc:
                recompute_all(svc.wb)
        return go

    def bare(path: Path):
        def go():
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            read_tables(conn, list(TABLES))
            conn.close()
        return go

    samples = interleave([fn(path) for path in paths.values() for fn in (app, bare)], repeat, before=gc.collect)
    return [Line("open + recompute-all", scale, samples[2 * k], samples[2 * k + 1]) for k, scale in enumerate(paths)]


def _fresh(tables) -> None:
    """Forget every cell's formatted text, so each run formats its numbers again."""
    for t in tables:
        for row in t.rows:
            for c in row.cells:
                if c is not None:
                    c.__dict__.pop("text", None)


def _plan(path: Path, tmp: Path):
    """The app's export plan of every standard table (PDF and XLSX) and its size note."""
    from lkip_desktop.reports.export import plan_export

    with WorkbookService.open(path, readonly=True) as svc:
        plan = plan_export(svc, pdf=tmp / "app.pdf", xlsx=tmp / "app.xlsx")
    rows = sum(len(t.rows) for t in plan.tables)
    return plan, f"{len(plan.tables)} tables, {rows:,} rows"


def _timed(tables, fn, *args):
    """A run of ``fn`` from cells that format their numbers again, the collector emptied."""
    def go():
        import time

        _fresh(tables)
        gc.collect()
        t = time.perf_counter()
        fn(*args)
        return time.perf_counter() - t
    return go


def pdf(path: Path, tmp: Path, scale: float, repeat: int) -> list[Line]:
    """Every standard table to PDF (the app's write_export) vs platypus doing the same."""
    from dataclasses import replace

    from lkip_desktop.reports.export import write_export

    plan, note = _plan(path, tmp)
    a, b = interleave([_timed(plan.tables, write_export, replace(plan, xlsx=None)),
                       _timed(plan.tables, bare_exports.bare_pdf, plan.tables, tmp / "bare.pdf")], repeat)
    return [Line("all tables to PDF", scale, a, b, note=note)]


def xlsx(paths: dict[float, Path], tmps: dict[float, Path], goal_repeat: int,
         styled_repeat: dict[float, int]) -> list[Line]:
    """Every standard table to XLSX vs openpyxl writing the same values (the goal's pair) and
    the same values with the app's styles. The goal's pair takes the scales in turn, a small
    scale three times a round: its growth exponent is a ratio of two medians, and a slow spell
    of the machine during one scale alone had moved it by ±0.1."""
    from dataclasses import replace

    from lkip_desktop.reports.export import write_export

    plans = {scale: _plan(path, tmps[scale]) for scale, path in paths.items()}
    app = {scale: Samples() for scale in paths}
    values = {scale: Samples() for scale in paths}
    for _ in range(goal_repeat):
        for scale, (plan, _note) in plans.items():
            pair = [_timed(plan.tables, write_export, replace(plan, pdf=None)),
                    _timed(plan.tables, bare_exports.bare_xlsx_values, plan.tables, tmps[scale] / "values.xlsx")]
            a, v = interleave(pair, 3 if scale < 10 else 1)
            app[scale].values += a.values
            values[scale].values += v.values
    out = []
    for scale, (plan, note) in plans.items():
        styled, = interleave([_timed(plan.tables, bare_exports.bare_xlsx, plan.tables, tmps[scale] / "bare.xlsx")],
                             styled_repeat[scale])
        out += [Line("all tables to XLSX (styled bare)", scale, app[scale], styled, note=note),
                Line("all tables to XLSX (values-only bare)", scale, app[scale], values[scale], note=note)]
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
