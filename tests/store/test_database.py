"""The .lkip file: created safe, refused when foreign/damaged/newer (bytes unchanged),
migrated with a backup, locked against a second writer."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lkip_desktop.store import database, files, structure
from lkip_desktop.store.database import FileLockedError, StoreError
from lkip_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_safe_settings(tmp_path):
    path = tmp_path / "baru.lkip"
    with WorkbookService.create(path, tahun=2025, renstra_awal=2025, renstra_akhir=2029) as svc:
        conn = svc.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert svc.wb.settings.tahun == 2025 and svc.wb.settings.renstra_akhir == 2029
    assert not list(tmp_path.glob("*-journal")) and not list(tmp_path.glob("*-wal"))


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "ada.lkip"
    path.write_text("isi penting")
    with pytest.raises(StoreError, match="sudah ada"):
        WorkbookService.create(path, tahun=2024)
    assert path.read_text() == "isi penting"


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _damaged(path: Path, demo: Path) -> None:
    data = bytearray(demo.read_bytes())
    for i in range(4096, min(len(data), 40960)):
        data[i] = 0xA5  # smash the first pages after the header
    path.write_bytes(bytes(data))


def _newer(path: Path, demo: Path) -> None:
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()


def _planted(path: Path, demo: Path) -> None:
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER jahat AFTER INSERT ON audit BEGIN DELETE FROM budget_item; END")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("case, message", [
    ("text", "bukan berkas buku kerja"),
    ("empty", "bukan berkas buku kerja"),
    ("foreign", "SQLite lain"),
    ("damaged", "rusak"),
    ("newer", "lebih baru"),
    ("planted", "perintah tersembunyi"),
])
def test_bad_files_are_refused_untouched(tmp_path, demo_path, case, message):
    path = tmp_path / f"{case}.lkip"
    if case == "text":
        path.write_text("Ini laporan Word, bukan buku kerja.\n" * 20)
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "foreign":
        _foreign_sqlite(path)
    elif case == "damaged":
        _damaged(path, demo_path)
    elif case == "newer":
        _newer(path, demo_path)
    else:
        _planted(path, demo_path)
    before = digest(path)
    with pytest.raises(StoreError, match=message):
        WorkbookService.open(path)
    with pytest.raises(StoreError):
        WorkbookService.open(path, readonly=True)
    assert digest(path) == before
    # no journal, backup or copy was left beside it
    assert {p.name for p in tmp_path.iterdir()} - {"demo.lkip", "_user"} == {path.name}


@pytest.mark.parametrize("fixture", ["workbook-v1.lkip", "workbook-v2.lkip", "workbook-v3.lkip", "workbook-v4.lkip",
                                     "workbook-v5.lkip"])
def test_old_file_is_backed_up_then_migrated(tmp_path, fixture):
    path = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / fixture, path)
    original = digest(path)
    with WorkbookService.open(path) as svc:
        assert svc.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert svc.migrated_backup is not None and svc.migrated_backup.exists()
        assert digest(svc.migrated_backup) == original  # the backup is the file as it was
        assert svc.wb.opd.nama == "Dinas Contoh Versi Satu"
        ind = svc.wb.iku_list()[0]
        assert str(svc.calc.indicator(ind.id).capaian.value) == "105.625"
        assert svc.narasi("bab1") == ("" if fixture.endswith("v1.lkip") else "Narasi versi dua")
        assert svc.wb.opd.logo is None
        saved_v3 = fixture.endswith(("v3.lkip", "v4.lkip", "v5.lkip"))  # v4, v5: the v3 fixture migrated
        assert svc.wb.settings.tanggal_nol is (not saved_v3)  # v3 default, or as saved
        for pk in svc.wb.pk_list():  # v4 columns: NULL = derived, for versions signed before v4
            assert pk.eselon is None and pk.pihak2_nip is None
        # v5 columns: today's output (no row figures, no groups, no signature place/date)
        assert svc.wb.settings.rincian_anggaran is False
        assert all(item.kelompok == "" for item in svc.wb.items.values())
        o = svc.wb.opd
        if fixture.endswith("v5.lkip"):  # what was saved in v5 is kept
            assert (o.ttd_tempat, o.ttd_tanggal, o.kepala_status) == ("Kota Contoh", None, "Plt.")
            assert [(r.kategori, r.uraian, r.jumlah) for r in svc.wb.sdm.values()] == [("golongan", "III", 12)]
        else:
            assert (o.ttd_tempat, o.ttd_tanggal, o.kepala_status) == ("", None, "")
            assert svc.wb.sdm == {}  # the staff table exists, empty
        # v6: the standard catalogue and scale (nothing shaped yet), "n/a" where no data
        assert svc.wb.tabel_laporan == {} and svc.wb.skala_pita == {}
        assert (svc.wb.settings.skala_nama, svc.wb.settings.teks_tanpa_data) == ("", "n/a")
        assert structure.problem(structure.entries(svc.db.conn), SCHEMA_VERSION) is None


def test_every_past_version_has_a_fixture():
    """A new schema version comes with a fixture of the one before it (migration tests)."""
    for version in range(1, SCHEMA_VERSION):
        assert (FIXTURES / f"workbook-v{version}.lkip").exists(), version
        conn = sqlite3.connect(FIXTURES / f"workbook-v{version}.lkip")
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        finally:
            conn.close()


def test_written_layout_is_what_the_migrations_make():
    """``layout.py`` is the current format's layout, written out: equal to what the
    migrations make, and its text is what ``layout_source`` writes (regenerate it with the
    command in ``structure.layout_source`` after a migration)."""
    from lkip_desktop.store import layout

    assert layout.VERSION == SCHEMA_VERSION
    assert layout.ENTRIES == structure.made(SCHEMA_VERSION)
    assert structure.expected(SCHEMA_VERSION) is layout.ENTRIES
    assert Path(layout.__file__).read_text(encoding="utf-8") == structure.layout_source(SCHEMA_VERSION)


def test_v5_structure_differs_from_v4():
    assert structure.expected(5) != structure.expected(4)
    assert "ttd_tempat" in structure.expected(5)["opd"][3]
    assert "kelompok" in structure.expected(5)["budget_item"][3]
    assert "sdm" in structure.expected(5) and "sdm" not in structure.expected(4)


def test_v6_structure_differs_from_v5():
    assert structure.expected(6) != structure.expected(5)
    assert "teks_tanpa_data" in structure.expected(6)["settings"][3]
    assert "tabel_laporan" in structure.expected(6) and "skala_pita" in structure.expected(6)
    assert "tabel_laporan" not in structure.expected(5)


def test_old_file_is_not_migrated_readonly(tmp_path):
    path = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", path)
    before = digest(path)
    with pytest.raises(StoreError, match="format lama"):
        WorkbookService.open(path, readonly=True)
    assert digest(path) == before


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", path)
    monkeypatch.setitem(database.MIGRATIONS, 3, "ALTER TABLE opd ADD COLUMN logo BLOB; CREATE TABLE rusak (")
    with pytest.raises(StoreError):
        WorkbookService.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # steps 2 and 3 rolled back together
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'narasi'").fetchone()[0] == 0
    assert "logo" not in [r[1] for r in conn.execute("PRAGMA table_info(opd)")]
    conn.close()


def test_second_writer_gets_a_clear_message(demo_path):
    with WorkbookService.open(demo_path) as svc:
        svc.set(CellRef("opd", (1,), "singkatan"), "SETDA")
        code = (
            "import sys\n"
            "from lkip_desktop.store.service import WorkbookService\n"
            "from lkip_desktop.store.database import FileLockedError\n"
            "try:\n"
            f"    WorkbookService.open({str(demo_path)!r})\n"
            "except FileLockedError as e:\n"
            "    print('TERKUNCI', e); sys.exit(0)\n"
            "print('TERBUKA'); sys.exit(1)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "sedang dibuka" in result.stdout
    # after closing, the file opens again and kept the first writer's change
    with WorkbookService.open(demo_path) as svc:
        assert svc.wb.opd.singkatan == "SETDA"


def test_second_open_in_same_process_is_refused(demo_path):
    with WorkbookService.open(demo_path):
        with pytest.raises(FileLockedError):
            WorkbookService.open(demo_path)


def test_save_copy_is_a_valid_workbook(demo, tmp_path):
    target = tmp_path / "salinan.lkip"
    demo.save_copy(target)
    with WorkbookService.open(target, readonly=True) as copy:
        assert copy.wb.opd.nama == demo.wb.opd.nama
        assert len(copy.wb.items) == len(demo.wb.items)


def test_rolling_backups_keep_the_newest(demo_path, tmp_path):
    folder = tmp_path / "cadangan"
    for n in range(3):
        stamped = files.rolling_backup(demo_path, folder, keep=2)
        stamped.rename(folder / f"demo-2024010{n}-000000.lkip")  # distinct stamps without waiting
    files.rolling_backup(demo_path, folder, keep=2)
    before = sorted(folder.glob("demo-*.lkip"))
    assert len(before) == 2
    with WorkbookService.open(demo_path, backup_dir=folder) as svc:
        assert not svc.on_network_share
    after = sorted(folder.glob("demo-*.lkip"))
    # the session's own copy: the newest, named by the second it was made (the same name as the
    # last copy when made within that second, which it then replaces; a loaded machine may
    # take longer), so one copy more at most, and the older ones kept (fewer than 10 here)
    assert before[0] in after and len(after) in (2, 3)


def test_network_paths_are_recognised():
    assert database.on_network_share(Path("\\\\server\\share\\dinas.lkip"))
    assert not database.on_network_share(Path("/tmp/dinas.lkip"))


def test_a_cancelled_open_releases_the_file(demo_path):
    from lkip_desktop.store.service import LoadCancelled

    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 3  # Batal after three tables

    with pytest.raises(LoadCancelled):
        WorkbookService.open(demo_path, progress=progress)
    assert calls[-1][0] == 3
    with WorkbookService.open(demo_path) as svc:  # not locked any more
        assert svc.wb.opd.nama
