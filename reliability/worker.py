"""The child that opens or imports hostile cases (``python -m reliability.worker DEMO [TIMEOUT]``).

Reads one JSON line per case from stdin ({"kind": "lkip"|"xlsx"|"json"|"reference", "path":
..., "out": ... for a full JSON import, "timeout": ... to bound this case otherwise}) and
answers one JSON line per case, in order: outcome
"ok", "refused" (InputError/StoreError, with its message) or "error" (any other exception: a
finding), and "took" (seconds). Each case is bounded by two timers whose signals end the process (their
default action, so a hang inside C code ends too), which the parent reports as a hang: TIMEOUT
seconds of CPU (SIGPROF: working without end; CPU time, so a machine busy with other work does
not turn a slow case into a hang) and WALL_FACTOR times that in real time (SIGALRM: blocked,
e.g. reading a pipe). Many cases can be sent at once (batches).
"""

from __future__ import annotations

import json
import signal
import sys
import time
import traceback

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.reviu import check
from lkip_desktop.exchange import jsonio
from lkip_desktop.exchange import xlsx as X
from lkip_desktop.exchange.reference import ReferenceBuilder, import_reference
from lkip_desktop.exchange.validate import read_json_file
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.service import WorkbookService

WALL_FACTOR = 10


def use_workbook(path: str) -> None:
    """What a user does first with a file: open it, see the summary and the reviu; the
    window's way first (some rows read after its first paint, then its check), then a full
    open as the command line does."""
    with WorkbookService.open(path, check_later=True) as svc:
        svc.calc.opd_average()
        check(svc.wb, svc.calc)
        svc.check_integrity()
    with WorkbookService.open(path) as svc:
        svc.calc.opd_average()
        check(svc.wb, svc.calc)


def plan_xlsx(path: str, wb) -> None:
    for jenis in ("anggaran", "indikator"):
        X.plan_import(wb, path, None, None, jenis=jenis)


def import_json(case: dict) -> None:
    """The real validation and op building; with "out", the whole import (a new file that is
    then read and computed)."""
    if case["kind"] == "json":
        jsonio.workbook_ops(read_json_file(case["path"], "Berkas JSON"))
        if case.get("out"):
            with jsonio.import_json(case["path"], case["out"]) as svc:
                svc.calc.opd_average()
    else:
        ReferenceBuilder(read_json_file(case["path"], "Berkas JSON")).build()
        if case.get("out"):
            with import_reference(case["path"], case["out"])[0] as svc:
                svc.calc.opd_average()


def run_case(case: dict, wb) -> None:
    if case["kind"] == "lkip":
        use_workbook(case["path"])
    elif case["kind"] == "xlsx":
        plan_xlsx(case["path"], wb)
    else:
        import_json(case)


def answer(case: dict, wb, timeout: float) -> dict:
    start = time.monotonic()
    bound = case.get("timeout", timeout)
    signal.setitimer(signal.ITIMER_PROF, bound)  # CPU seconds: a busy loop (SIGPROF)
    signal.setitimer(signal.ITIMER_REAL, WALL_FACTOR * bound)  # blocked, not working (SIGALRM)
    try:
        run_case(case, wb)
        out = {"outcome": "ok"}
    except (InputError, StoreError) as exc:
        out = {"outcome": "refused", "detail": str(exc)[:500]}
    except Exception as exc:  # noqa: BLE001 - exactly what the harness looks for
        out = {"outcome": "error", "detail": f"{type(exc).__name__}: {exc}"[:500],
               "trace": traceback.format_exc()[-1500:]}
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
    out["took"] = round(time.monotonic() - start, 3)
    return out


def main(demo: str, timeout: float) -> None:
    for sig in (signal.SIGALRM, signal.SIGPROF):  # a case over its time ends the process
        signal.signal(sig, signal.SIG_DFL)
    with WorkbookService.open_snapshot(demo) as base:
        wb = base.wb
    print(json.dumps({"outcome": "ready"}), flush=True)
    for line in sys.stdin:
        print(json.dumps(answer(json.loads(line), wb, timeout)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30.0)
