"""The child that opens or imports one hostile case at a time (``python -m reliability.worker``).

Reads one JSON line per case from stdin ({"kind": "lkip"|"xlsx", "path": ...}) and answers one
JSON line: outcome "ok", "refused" (InputError/StoreError, with its message) or "error" (any
other exception: a finding). The parent bounds each case with a timeout (a hang is a finding).
"""

from __future__ import annotations

import json
import sys
import traceback

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.reviu import check
from lkip_desktop.exchange import xlsx as X
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.service import WorkbookService


def use_workbook(path: str) -> None:
    """What a user does first with a file: open it, see the summary and the reviu."""
    with WorkbookService.open(path) as svc:
        svc.calc.opd_average()
        check(svc.wb, svc.calc)


def plan_xlsx(path: str, wb) -> None:
    for jenis in ("anggaran", "indikator"):
        X.plan_import(wb, path, None, None, jenis=jenis)


def main(demo: str) -> None:
    with WorkbookService.open_snapshot(demo) as base:
        wb = base.wb
    print(json.dumps({"outcome": "ready"}), flush=True)
    for line in sys.stdin:
        case = json.loads(line)
        try:
            if case["kind"] == "lkip":
                use_workbook(case["path"])
            else:
                plan_xlsx(case["path"], wb)
            answer = {"outcome": "ok"}
        except (InputError, StoreError) as exc:
            answer = {"outcome": "refused", "detail": str(exc)[:500]}
        except Exception as exc:  # noqa: BLE001 - exactly what the harness looks for
            answer = {"outcome": "error", "detail": f"{type(exc).__name__}: {exc}"[:500],
                      "trace": traceback.format_exc()[-2000:]}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
