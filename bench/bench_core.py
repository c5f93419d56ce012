"""Core benchmark: create, open, recompute-all and one edit, at 1x, 10x and 100x a large
OPD, each beside a bare baseline measured in the same run.

    python -m bench.bench_core                 # 1x, 10x, 100x (about 2 minutes on 2 cores)
    python -m bench.bench_core --scales 1,10   # quicker
    python -m bench.bench_core --dir /media/usb  # time the disk you care about

What is timed (service = the app's real path; baseline = plain sqlite3 / plain Python):

- create: ``WorkbookService.create`` + one ``service.apply(ops)`` of the whole synthetic
  workbook (bench/generate.py; ops built beforehand, their build time is printed apart)
  vs plain sqlite3: same DDL, same pragmas (rollback journal, synchronous=FULL), the same
  data rows with ``executemany`` in one transaction (no audit rows: the service writes
  one per op, so it writes about twice the rows).
- open: ``WorkbookService.open`` (examine incl. ``PRAGMA quick_check``, pragmas, exclusive
  lock, load into objects, Calculator) vs ``SELECT *`` of every table into tuples.
- recompute-all: from a cold Calculator (and the workbook's navigation index dropped):
  every indicator result, every budget total, OPD totals, OPD average, ``iku_budget`` of
  every IKU vs the bare arithmetic over the baseline tuples (realisasi/target*100 in
  Decimal, pagu sums per parent, IKU mean, pagu/realisasi per linked item).
- edit: ``service.set`` of one IKU realisasi, then its capaian and the OPD average read
  back vs one ``UPDATE`` + commit (rollback journal, synchronous=FULL).
- extra rows: a budget edit (realisasi of one sub kegiatan, then its serapan and the OPD
  totals) and a paste (N realisasi cells in one ``apply``) vs one ``executemany`` UPDATE.

Small measurements are repeated and the median is shown. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from lkip_desktop.domain.compute import Calculator
from lkip_desktop.store import database, repository
from lkip_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES, APPLICATION_ID
from lkip_desktop.store.ops import CellRef, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService

from .generate import RENSTRA_AKHIR, RENSTRA_AWAL, TAHUN, build_ops, generate

# repeats per scale: create, open, recompute, edit, budget edit
REPEATS = {1: (5, 9, 9, 31, 11), 10: (3, 5, 5, 31, 11), 100: (1, 3, 3, 21, 5)}
PASTE_MAX = 4000  # cells pasted in one apply (capped by the number of indicators)


def _settle() -> None:
    """Let the kernel write back what the previous steps wrote (a 260 MB file at 100x), so a
    commit's fsync is not measured queued behind it. Same for service and baseline."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(0.5)


def _interleaved(fns, n: int) -> list[tuple[float, float]]:
    """Run fns[0](i), fns[1](i), ... in turn n times; (median wall, median CPU) of each.
    CPU is this thread's time: what is left once the wait for the disk sync is taken out."""
    wall = [[] for _ in fns]
    cpu = [[] for _ in fns]
    for i in range(n):
        for k, fn in enumerate(fns):
            c, t = time.thread_time(), time.perf_counter()
            fn(i)
            wall[k].append(time.perf_counter() - t)
            cpu[k].append(time.thread_time() - c)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(wall, cpu)]


def _gc_paused(fn):
    """fn with Python's cyclic garbage collector paused (to show what the GC costs)."""
    def run(i):
        gc.disable()
        try:
            fn(i)
        finally:
            gc.enable()
    return run


def _median_time(fn, n: int, setup=None) -> float:
    times = []
    for i in range(n):
        if setup is not None:
            setup(i)
        t = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# -- the bare baselines ----------------------------------------------------------------------

def _db_rows(plan) -> dict[str, tuple[list[str], list[tuple]]]:
    """The plan's rows in DB representation (converted outside any timing)."""
    out: dict[str, tuple[list[str], list[tuple]]] = {}
    opd = {"id": 1}
    for op in plan.ops:
        if isinstance(op, SetOp) and op.ref.table == "opd":
            opd[op.ref.field] = TABLES["opd"].fields[op.ref.field].to_db(op.value)
        elif isinstance(op, InsertOp):
            t = TABLES[op.table]
            cols = list(op.row)
            vals = tuple(t.fields[c].to_db(v) if c in t.fields else v for c, v in op.row.items())
            key = (op.table, tuple(cols))
            out.setdefault(key, (cols, []))[1].append(vals)
    out[("opd", tuple(opd))] = (list(opd), [tuple(opd.values())])
    out[("settings", ("id", "tahun", "renstra_awal", "renstra_akhir"))] = (
        ["id", "tahun", "renstra_awal", "renstra_akhir"], [(1, TAHUN, RENSTRA_AWAL, RENSTRA_AKHIR)])
    return out


def bare_create(path: Path, db_rows) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    for step in range(1, SCHEMA_VERSION + 1):
        for stmt in MIGRATIONS[step].split(";"):
            if stmt.strip():
                conn.execute(stmt)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("COMMIT")
    conn.execute("BEGIN")
    order = ["opd", "settings", "tujuan", "sasaran", "budget_item", "indicator", "budget_quarter",
             "indicator_value", "komponen", "dukungan"]
    for (table, _), (cols, rows) in sorted(db_rows.items(), key=lambda kv: order.index(kv[0][0])):
        sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
        conn.executemany(sql, rows)
    conn.execute("COMMIT")
    conn.close()


def bare_read(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    conn = sqlite3.connect(path)
    out = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tables:
        cur = conn.execute(f"SELECT * FROM [{t}]")
        out[t] = ([c[0] for c in cur.description], cur.fetchall())
    conn.close()
    return out


def bare_recompute(data) -> tuple:
    """The arithmetic of recompute-all, done plainly over the tuples."""
    def cols(table):
        names, rows = data[table]
        return {n: i for i, n in enumerate(names)}, rows

    ic, inds = cols("indicator")
    vc, vals = cols("indicator_value")
    bc, items = cols("budget_item")
    dc, links = cols("dukungan")
    sc, sasaran = cols("sasaran")
    v = {}
    for r in vals:
        if r[vc["periode"]] == 0 and r[vc["tahun"]] == TAHUN:
            v[(r[vc["indicator_id"]], r[vc["jenis_nilai"]])] = r[vc["nilai"]]
    hundred = Decimal(100)
    capaian = {}
    for r in inds:
        iid = r[ic["id"]]
        t, re_ = v.get((iid, "target")), v.get((iid, "realisasi"))
        if t and re_ and t[0].isdigit() and re_[0].isdigit():
            td = Decimal(t)
            if td:
                capaian[iid] = Decimal(re_) / td * hundred
    parent = {r[bc["id"]]: r[bc["parent_id"]] for r in items}
    pagu: dict = {}
    real: dict = {}
    for r in items:
        if r[bc["level"]] == "sub_kegiatan":
            p, x = r[bc["pagu_perubahan"]], r[bc["realisasi"]] or 0
            node = r[bc["id"]]
            while node is not None:
                pagu[node] = pagu.get(node, 0) + p
                real[node] = real.get(node, 0) + x
                node = parent.get(node)
    serapan = {k: Decimal(real[k]) / pagu[k] * hundred for k in pagu if pagu[k]}
    sas = {r[sc["id"]] for r in sasaran}
    iku = [capaian[r[ic["id"]]] for r in inds if r[ic["owner_id"]] in sas and r[ic["id"]] in capaian]
    avg = sum(iku, Decimal(0)) / len(iku) if iku else None
    iku_money: dict = {}
    for r in links:
        a, b = r[dc["indicator_id"]], r[dc["item_id"]]
        m = iku_money.setdefault(a, [0, 0])
        m[0] += pagu.get(b, 0)
        m[1] += real.get(b, 0)
    eff = {a: capaian.get(a, Decimal(0)) - Decimal(m[1]) / m[0] * hundred for a, m in iku_money.items() if m[0]}
    return capaian, serapan, avg, eff


# -- the service side --------------------------------------------------------------------------

def recompute_all(wb) -> Calculator:
    wb.structure_changed()  # cold: navigation index rebuilt too
    calc = Calculator(wb)
    for iid in wb.indicators:
        calc.indicator(iid)
    for item_id in wb.items:
        calc.totals(item_id)
    calc.opd_totals()
    calc.opd_average()
    for ind in wb.iku_list():
        calc.iku_budget(ind.id)
    return calc


def bench_scale(scale: float, workdir: Path, repeats, log) -> dict:
    r_create, r_open, r_rec, r_edit, r_budget = repeats
    res: dict = {"scale": scale}
    t = time.perf_counter()
    plan = build_ops(scale, seed=0)
    res["build_ops"] = time.perf_counter() - t
    res["counts"] = dict(plan.counts)
    res["ops"] = len(plan.ops)
    db_rows = _db_rows(plan)
    log(f"[{scale:g}x] {len(plan.ops)} ops built in {res['build_ops']:.2f} s")

    # create
    paths = [workdir / f"s{scale:g}-{i}.lkip" for i in range(r_create)]
    bare_paths = [workdir / f"s{scale:g}-{i}.bare.sqlite" for i in range(r_create)]
    svc_times, bare_times = [], []
    for i in range(r_create):
        t = time.perf_counter()
        generate(paths[i], scale, 0, plan=plan)
        svc_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        bare_create(bare_paths[i], db_rows)
        bare_times.append(time.perf_counter() - t)
    res["create"] = (statistics.median(svc_times), statistics.median(bare_times))
    path, bare = paths[0], bare_paths[0]
    for p in paths[1:] + bare_paths[1:]:
        p.unlink()
    res["size"] = (path.stat().st_size, bare.stat().st_size)
    log(f"[{scale:g}x] create {res['create'][0]:.3f} s vs {res['create'][1]:.3f} s")

    sub_ids = plan.sub_ids
    del plan, db_rows  # the app holds no ops list; keep the process like the app's
    gc.collect()
    _settle()
    # open (service and bare read alternate so both see the same page cache)
    svc_t, bare_t = [], []
    data = None
    for i in range(r_open):
        t = time.perf_counter()
        WorkbookService.open(path).close()
        svc_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        data = bare_read(bare)
        bare_t.append(time.perf_counter() - t)
    res["open"] = (statistics.median(svc_t), statistics.median(bare_t))
    res["open_nogc"] = (_median_time(_gc_paused(lambda i: WorkbookService.open(path).close()), r_open),
                        res["open"][1])
    res["examine"] = _median_time(lambda i: database.examine(path), r_open)
    log(f"[{scale:g}x] open {res['open'][0]:.3f} s vs {res['open'][1]:.3f} s")

    svc = WorkbookService.open(path)
    try:
        res["load"] = _median_time(lambda i: repository.load(svc.db), r_open)
        wb = svc.wb
        gc.collect()
        res["recompute"] = (_median_time(lambda i: recompute_all(wb), r_rec),
                            _median_time(lambda i: bare_recompute(data), r_rec))
        gc.collect()
        res["recompute_nogc"] = (_median_time(_gc_paused(lambda i: recompute_all(wb)), r_rec), res["recompute"][1])
        log(f"[{scale:g}x] recompute {res['recompute'][0]:.3f} s vs {res['recompute'][1]:.3f} s "
            f"(GC paused: open {res['open_nogc'][0]:.3f} s, recompute {res['recompute_nogc'][0]:.3f} s)")

        # one edit: an IKU realisasi (typed, not composite), then its capaian and the OPD average
        svc.calc = recompute_all(wb)  # warm, as in the app after the first display
        calc = svc.calc
        iku = next((i for i in wb.iku_list() if not i.rumus_komponen and i.jenis != "predikat"),
                   None) or next(i for i in wb.indicators.values()  # tiny scales: every IKU is composite
                                 if not i.rumus_komponen and i.jenis != "predikat")
        ref = CellRef("indicator_value", (iku.id, TAHUN, "realisasi", 0), "nilai")
        base = svc.get(ref)

        def edit(i):
            svc.set(ref, base + Decimal(i % 7 + 1))
            assert calc.indicator(iku.id).capaian.value is not None
            calc.opd_average()

        # two bare connections on two copies of the bare file: the default locking mode,
        # and the app's (EXCLUSIVE: the journal is zeroed, not deleted, at commit)
        bare_x = bare.with_suffix(".x.sqlite")
        shutil.copy(bare, bare_x)
        conn = sqlite3.connect(bare, isolation_level=None)
        conn_x = sqlite3.connect(bare_x, isolation_level=None)
        conn_x.execute("PRAGMA locking_mode = EXCLUSIVE")
        for c in (conn, conn_x):
            c.execute("PRAGMA journal_mode = DELETE")
            c.execute("PRAGMA synchronous = FULL")

        def bare_update(c, sql, args):
            c.execute("BEGIN")
            c.execute(sql, args)
            c.execute("COMMIT")

        upd = ("UPDATE indicator_value SET nilai = ? WHERE indicator_id = ? AND tahun = ? "
               "AND jenis_nilai = 'realisasi' AND periode = 0")
        _settle()
        # interleaved, so service and baselines see the same disk weather
        (w_svc, c_svc), (w_bare, c_bare), (w_x, _) = _interleaved([
            edit,
            lambda i: bare_update(conn, upd, (str(base + Decimal(i % 7 + 1)), iku.id, TAHUN)),
            lambda i: bare_update(conn_x, upd, (str(base + Decimal(i % 7 + 1)), iku.id, TAHUN)),
        ], r_edit)
        res["edit"] = (w_svc, w_bare)
        res["edit_excl"] = (w_svc, w_x)
        res["edit_cpu"] = (c_svc, c_bare)
        log(f"[{scale:g}x] edit {w_svc * 1000:.2f} ms vs {w_bare * 1000:.2f} ms "
            f"(exclusive {w_x * 1000:.2f} ms; CPU {c_svc * 1000:.2f} vs {c_bare * 1000:.2f} ms)")

        # budget edit: one sub kegiatan's realisasi, then its serapan and the OPD totals
        sub = wb.items[sub_ids[len(sub_ids) // 2]]
        bref = CellRef("budget_item", (sub.id,), "realisasi")
        breal = sub.realisasi

        def budget_edit(i):
            svc.set(bref, breal - (i % 7 + 1) * 1000)
            calc.totals(sub.id).serapan
            calc.opd_totals()

        (w_svc, c_svc), (w_bare, c_bare) = _interleaved([
            budget_edit,
            lambda i: bare_update(conn, "UPDATE budget_item SET realisasi = ? WHERE id = ?",
                                  (breal - (i % 7 + 1) * 1000, sub.id)),
        ], r_budget)
        res["budget_edit"] = (w_svc, w_bare)
        res["budget_edit_cpu"] = (c_svc, c_bare)
        log(f"[{scale:g}x] budget edit {w_svc * 1000:.2f} ms vs {w_bare * 1000:.2f} ms "
            f"(CPU {c_svc * 1000:.2f} vs {c_bare * 1000:.2f} ms)")
        conn_x.close()
        bare_x.unlink()

        # paste: N realisasi cells in one apply (one transaction), then the OPD average
        cells = [i for i in wb.indicators.values()
                 if not i.rumus_komponen and i.jenis != "predikat" and i.typed_realisasi(TAHUN) is not None]
        cells = cells[:PASTE_MAX]
        new = [(i.id, i.typed_realisasi(TAHUN) + Decimal("0.01")) for i in cells]
        t = time.perf_counter()
        svc.apply([SetOp(CellRef("indicator_value", (iid, TAHUN, "realisasi", 0), "nilai"), v) for iid, v in new],
                  "Tempel")
        calc.opd_average()
        svc_paste = time.perf_counter() - t
        t = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("UPDATE indicator_value SET nilai = ? WHERE indicator_id = ? AND tahun = ? "
                         "AND jenis_nilai = 'realisasi' AND periode = 0", [(str(v), iid, TAHUN) for iid, v in new])
        conn.execute("COMMIT")
        res["paste"] = (svc_paste, time.perf_counter() - t)
        res["paste_n"] = len(new)
        log(f"[{scale:g}x] paste {len(new)} cells {res['paste'][0]:.3f} s vs {res['paste'][1]:.3f} s")
        conn.close()
    finally:
        svc.close()
    path.unlink()
    bare.unlink()
    return res


# -- report ----------------------------------------------------------------------------------------

def _fmt(s: float) -> str:
    if s < 0.01:
        return f"{s * 1000:.2f} ms"
    return f"{s:.3f} s"


def table(results: list[dict]) -> str:
    lines = ["| scale | measure | service | bare baseline | ratio |", "|---|---|---|---|---|"]
    names = [("create", "create (create + one apply)", "sqlite3 executemany, 1 txn"),
             ("open", "open (examine + load + Calculator)", "SELECT * of all tables"),
             ("open_nogc", "open, cyclic GC paused", "SELECT * of all tables"),
             ("recompute", "recompute-all (cold Calculator)", "bare Decimal arithmetic"),
             ("recompute_nogc", "recompute-all, cyclic GC paused", "bare Decimal arithmetic"),
             ("edit", "edit: 1 IKU realisasi + capaian + OPD avg", "UPDATE + COMMIT (FULL, DELETE journal)"),
             ("budget_edit", "budget edit: 1 sub kegiatan realisasi + serapan + OPD totals", "UPDATE + COMMIT"),
             ("edit_excl", "edit (same service figure)", "UPDATE + COMMIT, locking_mode=EXCLUSIVE as the app"),
             ("edit_cpu", "edit, CPU time only", "UPDATE + COMMIT, CPU time only"),
             ("budget_edit_cpu", "budget edit, CPU time only", "UPDATE + COMMIT, CPU time only"),
             ("paste", "paste: N cells in one apply + OPD avg", "executemany UPDATE, 1 txn")]
    for r in results:
        for key, label, _ in names:
            s, b = r[key]
            if key == "paste":
                label = label.replace("N", str(r["paste_n"]))
            lines.append(f"| {r['scale']:g}x | {label} | {_fmt(s)} | {_fmt(b)} | {s / b:.1f} |")
    lines.append("")
    lines.append("Baselines: " + "; ".join(dict.fromkeys(
        f"{label.split(' (')[0].split(':')[0].split(',')[0]} = {base}" for _, label, base in names if "same" not in label
        and "CPU" not in label and "GC" not in label)) + "; CPU rows: this thread's CPU time (the fsync wait left out)")
    lines.append("")
    lines.append("| scale | ops | rows: items / quarters / indicators / values / links | file (service / bare) "
                 "| build ops | examine (quick_check) | load only |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in results:
        c = r["counts"]
        lines.append(
            f"| {r['scale']:g}x | {r['ops']} | {c.get('budget_item', 0)} / {c.get('budget_quarter', 0)} / "
            f"{c.get('indicator', 0)} / {c.get('indicator_value', 0)} / {c.get('dukungan', 0)} | "
            f"{r['size'][0] / 1e6:.1f} MB / {r['size'][1] / 1e6:.1f} MB | {_fmt(r['build_ops'])} | "
            f"{_fmt(r['examine'])} | {_fmt(r['load'])} |")
    by = {r["scale"]: r for r in results}
    if 1 in by and len(by) > 1:
        lines.append("")
        lines.append("Scaling (time at Nx / time at 1x; proportional to size = N; one edit should stay near 1):")
        lines.append("")
        lines.append("| measure | " + " | ".join(f"{s:g}x / 1x" for s in sorted(by) if s != 1) + " |")
        lines.append("|---|" + "---|" * (len(by) - 1))
        for key in ("create", "open", "open_nogc", "recompute", "recompute_nogc", "edit", "edit_cpu", "budget_edit", "budget_edit_cpu", "paste"):
            for side, idx in (("service", 0), ("baseline", 1)):
                def per(s):
                    return by[s][key][idx] / (by[s]["paste_n"] if key == "paste" else 1)
                cells = [f"{per(s) / per(1):.1f} (vs {s:g})" for s in sorted(by) if s != 1]
                name = "paste, time per cell" if key == "paste" else key.replace("_cpu", " CPU").replace("_", " ")
                lines.append(f"| {name} ({side}) | " + " | ".join(cells) + " |")
        if 10 in by and 100 in by:
            lines.append("")
            lines.append("Step 10x -> 100x (proportional = 10): " + ", ".join(
                f"{key} {by[100][key][0] / by[10][key][0]:.1f}"
                for key in ("create", "open", "open_nogc", "recompute", "recompute_nogc")))
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_core", description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100", help="comma-separated, e.g. 1,10,100")
    ap.add_argument("--dir", type=Path, default=None, help="where the files go (default: a temp folder)")
    args = ap.parse_args(argv)
    scales = [float(s) for s in args.scales.split(",")]
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="lkip-bench-", dir=args.dir))

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    log(machine())
    log(f"files in {workdir}")
    results = []
    try:
        for s in scales:
            key = int(s) if s == int(s) else s
            results.append(bench_scale(key, workdir, REPEATS.get(key, REPEATS[1]), log))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Machine: {machine()}")
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
