"""A new workbook is all or nothing: SIGKILLed at random points during ``create_from``, the
target is afterwards either absent or complete (every row there), and a retry works."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkip_desktop.store import files
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.ops import CellRef, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService

ROOT = Path(__file__).resolve().parents[2]
KILL_RUNS = int(os.environ.get("LKIP_KILL_RUNS", "30"))  # docs/reliability.md: the long run
ROWS = 1500

CHILD = f"""
import sys
from lkip_desktop.store.ops import InsertOp
from lkip_desktop.store.service import WorkbookService
ops = [InsertOp("prestasi", {{"id": f"p{{i}}", "uraian": f"Prestasi {{i}}", "urut": i}}) for i in range({ROWS})]
print("MULAI", flush=True)
WorkbookService.create_from(sys.argv[1], ops, "uji", tahun=2024, renstra_awal=2024, renstra_akhir=2028).close()
print("SELESAI", flush=True)
"""


def _start(target: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "MULAI", proc.stderr.read()
    return proc


def _complete_or_absent(target: Path) -> bool:
    """True when the workbook is there (and then it must hold every row)."""
    if not target.exists():
        return False
    with WorkbookService.open(target, readonly=True) as svc:
        assert len(svc.wb.prestasi) == ROWS, f"half-made workbook: {len(svc.wb.prestasi)} rows"
    return True


def test_a_killed_create_leaves_nothing_or_a_complete_file(tmp_path):
    timed = tmp_path / "ukur.lkip"
    proc = _start(timed)
    start = time.monotonic()
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    duration = time.monotonic() - start
    rng = random.Random(os.environ.get("LKIP_SEED", "15"))
    outcomes = {"absent": 0, "complete": 0}
    for run in range(KILL_RUNS):
        target = tmp_path / f"baru-{run}.lkip"
        proc = _start(target)
        time.sleep(rng.uniform(0, duration * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        outcomes["complete" if _complete_or_absent(target) else "absent"] += 1
        if not target.exists():  # a retry is never refused by a leftover
            WorkbookService.create(target, tahun=2024).close()
    print(f"kills: {KILL_RUNS}, {outcomes}")
    assert sum(outcomes.values()) == KILL_RUNS
    # leftovers are hidden temporary files only, and the next create cleans the stale ones
    visible = {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")}
    assert visible == {"ukur.lkip"} | {f"baru-{r}.lkip" for r in range(KILL_RUNS)}
    for p in tmp_path.glob(".*"):
        os.utime(p, (0, 0))
    for run in range(KILL_RUNS):
        files.clean_stale_temps(tmp_path / f"baru-{run}.lkip")
    assert not list(tmp_path.glob(".*"))


def test_create_refuses_an_existing_target_and_leaves_no_temp(tmp_path):
    target = tmp_path / "ada.lkip"
    target.write_bytes(b"milik orang lain")
    with pytest.raises(StoreError, match="sudah ada"):
        WorkbookService.create_from(target, [], "uji", tahun=2024, renstra_awal=2024, renstra_akhir=2028)
    assert target.read_bytes() == b"milik orang lain"
    assert [p.name for p in tmp_path.iterdir()] == ["ada.lkip"]


def test_failing_ops_leave_no_file(tmp_path):
    target = tmp_path / "gagal.lkip"
    bad = [InsertOp("prestasi", {"id": "a", "uraian": "x", "urut": 1}),
           InsertOp("prestasi", {"id": "a", "uraian": "dobel", "urut": 2})]
    with pytest.raises(Exception):
        WorkbookService.create_from(target, bad, "uji", tahun=2024, renstra_awal=2024, renstra_akhir=2028)
    assert list(tmp_path.iterdir()) == []


def test_a_target_that_appears_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "balapan.lkip"
    real = files.publish_new

    def someone_else_first(tmp, dst):
        dst.write_bytes(b"lebih dulu")
        real(tmp, dst)

    monkeypatch.setattr(files, "publish_new", someone_else_first)
    with pytest.raises(StoreError, match="sudah ada"):
        WorkbookService.create_from(target, [SetOp(CellRef("opd", (1,), "nama"), "X")], "uji", tahun=2024,
                                    renstra_awal=2024, renstra_akhir=2028)
    assert target.read_bytes() == b"lebih dulu"
    assert [p.name for p in tmp_path.iterdir()] == ["balapan.lkip"]


def test_cli_new_puts_the_opd_name_in_with_the_file(tmp_path):
    target = tmp_path / "cli.lkip"
    result = subprocess.run([sys.executable, "-m", "lkip_desktop", "new", str(target), "--tahun", "2025",
                             "--opd", "Dinas Uji"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with WorkbookService.open(target, readonly=True) as svc:
        assert svc.wb.opd.nama == "Dinas Uji"
        assert [e.label for e in svc.history()] == ["Buat buku kerja"]  # one step, not create then edit
