"""An unexpected error in a CLI command: one short Indonesian line, no traceback on screen,
the traceback in the crash log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from lkip_desktop.store.service import WorkbookService
from lkip_desktop.__main__ import main

def boom(*args, **kwargs):
    raise OverflowError("uji cli")

WorkbookService.open = WorkbookService.open_snapshot = boom
sys.exit(main(["summary", sys.argv[1]]))
"""


def test_cli_crash_prints_one_line_and_logs(tmp_path):
    state = tmp_path / "state"
    book = tmp_path / "x.lkip"
    book.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(book)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(state)})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Galat: kesalahan tak terduga (OverflowError: uji cli)"), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    logs = list(state.rglob("lkip-desktop.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "OverflowError: uji cli" in text and "Traceback" in text
