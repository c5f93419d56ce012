"""Clean races and full disks: two processes opening one workbook at once get a workbook or
the "sedang dibuka" message, never a raw sqlite3 error; a file-size limit during an edit,
a migration or a new workbook gives a clear message and loses nothing already saved."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkip_desktop.store.service import WorkbookService

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RACES = int(os.environ.get("LKIP_RACES", "50"))  # docs/reliability.md: the long run

# One racer: waits for the start file of each round, opens, writes (or reads), closes; prints
# one line per round: OK, BACA, TERKUNCI, or the unexpected error (which fails the test).
RACER = """
import os, sys, time
from pathlib import Path
from lkip_desktop.store.database import FileLockedError
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService
path, folder, me, rounds = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
for r in range(rounds):
    (folder / f"siap-{me}-{r}").touch()
    while not (folder / f"mulai-{r}").exists():
        time.sleep(0.0005)
    try:
        if me == "b" and r % 2:  # a reader (summary, export, carry-over) against a writer
            with WorkbookService.open(path, readonly=True) as svc:
                print("BACA", r, svc.wb.opd.singkatan, flush=True)
        else:
            with WorkbookService.open(path) as svc:
                svc.set(CellRef("opd", (1,), "singkatan"), f"{me}-{r}")
            print("OK", r, flush=True)
    except FileLockedError as e:
        assert "sedang dibuka" in str(e)
        print("TERKUNCI", r, flush=True)
    except BaseException as e:
        print("GALAT", r, type(e).__name__, e, flush=True)
"""


def test_two_processes_opening_at_once_get_a_clean_answer(demo_path, tmp_path):
    folder = tmp_path / "sinyal"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(demo_path), str(folder), me, str(RACES)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
              for me in ("a", "b")]
    for r in range(RACES):
        deadline = time.monotonic() + 60
        while not all((folder / f"siap-{me}-{r}").exists() for me in ("a", "b")):
            assert time.monotonic() < deadline, "a racer stopped"
            time.sleep(0.001)
        (folder / f"mulai-{r}").touch()
    out = [p.communicate(timeout=120) for p in racers]
    lines = [line for stdout, _ in out for line in stdout.splitlines()]
    errors = [line for line in lines if not line.startswith(("OK", "BACA", "TERKUNCI"))]
    assert not errors, (errors[:5], [err[-2000:] for _, err in out])
    assert len(lines) == 2 * RACES, [err[-2000:] for _, err in out]
    oks = sum(line.startswith("OK") for line in lines)
    reads = sum(line.startswith("BACA") for line in lines)
    print(f"races: {RACES}, written: {oks}, read: {reads}, refused as locked: {len(lines) - oks - reads}")
    with WorkbookService.open(demo_path, readonly=True) as svc:  # the last writer's edit is there
        last = max(int(line.split()[1]) for stdout, _ in out for line in stdout.splitlines()
                   if line.startswith("OK"))
        assert svc.wb.opd.singkatan.endswith(f"-{last}")


# A child with a file-size limit (SIGXFSZ ignored: the write fails instead of killing it).
LIMITED = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from lkip_desktop.domain.errors import InputError
from lkip_desktop.store.errors import StoreError
from lkip_desktop.store.ops import InsertOp
from lkip_desktop.store.service import WorkbookService
task, path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
svc = WorkbookService.open(path) if task == "edit" else None
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    if task == "edit":
        for i in range(100000):
            svc.apply([InsertOp("prestasi", {"id": f"x{i}", "uraian": "u" * 3000, "urut": i})], "uji")
            print("TERSIMPAN", i, flush=True)
    elif task == "migrate":
        WorkbookService.open(path).close()
    else:
        WorkbookService.create_from(path, [InsertOp("prestasi", {"id": f"x{i}", "uraian": "u" * 3000, "urut": i})
                                           for i in range(200)], "uji", tahun=2024, renstra_awal=2024,
                                    renstra_akhir=2028).close()
    print("SELESAI", flush=True)
except (InputError, StoreError) as e:
    print("PESAN", e, flush=True)
"""


def _limited(task: str, path: Path, limit: int) -> list[str]:
    result = subprocess.run([sys.executable, "-c", LIMITED, task, str(path), str(limit)], cwd=ROOT,
                            capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.stdout.splitlines()


def test_a_full_disk_during_edits_loses_nothing_saved(demo_path):
    lines = _limited("edit", demo_path, demo_path.stat().st_size + 200_000)
    saved = [int(line.split()[1]) for line in lines if line.startswith("TERSIMPAN")]
    message = [line for line in lines if line.startswith("PESAN")]
    assert saved and message and "disk penuh" in message[0], lines[-3:]
    with WorkbookService.open(demo_path) as svc:  # recovers a journal left behind, if any
        assert {f"x{i}" for i in saved} <= set(svc.wb.prestasi)
        assert len([k for k in svc.wb.prestasi if k.startswith("x")]) == len(saved)


def test_a_full_disk_during_a_migration_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    lines = _limited("migrate", path, path.stat().st_size)  # the copy fits; its first new page does not
    assert any(line.startswith("PESAN") and "disk penuh" in line for line in lines), lines
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == ["lama.lkip"]
    with WorkbookService.open(path) as svc:  # and with room again it migrates
        assert svc.migrated_backup is not None


def test_a_full_disk_during_a_new_workbook_leaves_no_file(tmp_path):
    path = tmp_path / "baru.lkip"
    lines = _limited("create", path, 150_000)
    assert any(line.startswith("PESAN") and "disk penuh" in line for line in lines), lines
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("limit", [0])
def test_no_room_at_all_for_a_new_workbook(tmp_path, limit):
    path = tmp_path / "kosong.lkip"
    lines = _limited("create", path, limit)
    assert any(line.startswith("PESAN") for line in lines), lines
    assert list(tmp_path.iterdir()) == []


def test_a_lock_lost_at_a_write_is_the_clean_message(demo, monkeypatch):
    """Every lock failure speaks the same words; at a write it is also an InputError, which
    the GUI and the CLI report as a refused edit."""
    import sqlite3

    from lkip_desktop.domain.errors import InputError
    from lkip_desktop.store import service as service_module
    from lkip_desktop.store.errors import FileLockedError
    from lkip_desktop.store.ops import CellRef

    def locked(*_args, **_kw):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(service_module, "execute", locked)
    with pytest.raises(FileLockedError, match="sedang dibuka") as info:
        demo.set(CellRef("opd", (1,), "singkatan"), "X")
    assert isinstance(info.value, InputError)
