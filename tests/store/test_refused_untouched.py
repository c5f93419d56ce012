"""A refused file is never touched: no journal-mode switch, no recovery and no migration in
place before every check has passed; recovery copies go to the backup folder, pruned."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lkip_desktop.store import files
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def digests(folder: Path) -> dict[str, str]:
    """Every file in the folder (side files and leftovers included) with its sha256."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for s in statements:
        conn.execute(s)
    conn.close()


def _crash_mid_write(path: Path) -> None:
    """Leave a hot journal, as a killed writer or a pulled USB stick does."""
    crash = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE opd SET nama = 'RUSAK'\")\n"
        "c.execute(\"UPDATE prestasi SET uraian = uraian || ' RUSAK'\")\n"
        "c.execute(\"UPDATE indicator SET nama = nama || ' RUSAK'\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", crash], cwd=ROOT, check=False, timeout=60)
    assert path.with_name(path.name + "-journal").exists()


def _refused_untouched(folder: Path, path: Path, match: str) -> None:
    before = digests(folder)
    for readonly in (False, True):
        with pytest.raises(StoreError, match=match if not readonly else None):
            WorkbookService.open(path, readonly=readonly, backup_dir=folder.parent / "cadangan")
        assert digests(folder) == before  # same files, same bytes: nothing switched, nothing left
    assert not (folder.parent / "cadangan").exists() or not list((folder.parent / "cadangan").iterdir())


@pytest.fixture
def folder(tmp_path) -> Path:
    f = tmp_path / "kerja"
    f.mkdir()
    return f


def test_a_wal_file_is_refused_untouched(folder, demo_path):
    path = folder / "wal.lkip"
    shutil.copy(demo_path, path)
    _sql(path, "PRAGMA journal_mode = WAL")
    _refused_untouched(folder, path, "mode WAL")


def test_a_wal_file_with_its_wal_side_file_is_refused_untouched(folder, demo_path):
    path = folder / "wal.lkip"
    shutil.copy(demo_path, path)
    code = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode = WAL')\n"
        "c.execute(\"UPDATE opd SET nama = 'dalam WAL'\")\n"
        "os._exit(9)\n"  # committed in the -wal, never checkpointed
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False, timeout=60)
    assert path.with_name(path.name + "-wal").exists()
    _refused_untouched(folder, path, "mode WAL")


def test_an_older_format_that_fails_a_later_check_is_not_migrated(folder):
    path = folder / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", path)
    _sql(path, "INSERT INTO prestasi (id, tanggal, uraian) VALUES ('p', 'abc', 'Penghargaan')")
    _refused_untouched(folder, path, "prestasi")


def test_an_older_format_with_a_planted_index_is_not_migrated(folder):
    path = folder / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v2.lkip", path)
    _sql(path, "CREATE INDEX jahat ON tujuan(nama)")
    _refused_untouched(folder, path, "tidak dikenal")


def test_a_hot_journal_file_that_fails_a_check_keeps_file_and_journal(folder, demo_path):
    path = folder / "panas.lkip"
    shutil.copy(demo_path, path)
    _sql(path, "UPDATE settings SET skala = ''")
    _crash_mid_write(path)
    _refused_untouched(folder, path, "settings")


def test_a_recovered_file_is_replaced_whole_and_its_copies_go_to_the_backup_folder(folder, demo_path, tmp_path):
    path = folder / "panas.lkip"
    shutil.copy(demo_path, path)
    backups = tmp_path / "cadangan"
    for _ in range(files.BACKUP_KEEP + 2):
        _crash_mid_write(path)
        with WorkbookService.open(path, backup_dir=backups) as svc:
            assert svc.wb.opd.nama != "RUSAK"
            svc.set(CellRef("opd", (1,), "singkatan"), "OK")
    assert {p.name for p in folder.iterdir()} == {"panas.lkip"}  # no journal, copy or temp beside it
    recovery = sorted(backups.glob("panas.sebelum-pemulihan-*.lkip"))
    assert len(recovery) == files.BACKUP_KEEP  # pruned like the backups
    assert all(p.with_name(p.name + "-journal").exists() for p in recovery)  # each with its journal
    assert len(list(backups.glob("*-journal"))) == files.BACKUP_KEEP


def test_recovery_copies_beside_the_file_are_pruned(demo_path):
    for _ in range(files.RECOVERY_KEEP + 2):
        _crash_mid_write(demo_path)
        WorkbookService.open(demo_path).close()
    copies = list(demo_path.parent.glob("demo.sebelum-pemulihan-*.lkip"))
    assert len(copies) == files.RECOVERY_KEEP
    assert len(list(demo_path.parent.glob("demo.sebelum-pemulihan-*.lkip-journal"))) == files.RECOVERY_KEEP


def test_an_older_format_that_passes_is_migrated_on_a_copy(folder):
    path = folder / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", path)
    original = digests(folder)["lama.lkip"]
    with WorkbookService.open(path) as svc:
        assert svc.migrated_backup is not None
    names = {p.name for p in folder.iterdir()}
    assert names == {"lama.lkip", svc.migrated_backup.name}  # no temp left
    assert digests(folder)[svc.migrated_backup.name] == original
