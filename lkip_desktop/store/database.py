"""Opening, creating, checking and migrating a .lkip file.

Safety choices, each for files that live on USB sticks and network shares:
- rollback journal (never WAL: WAL needs shared memory a share may not give, and leaves
  side files a user may forget to copy), ``synchronous=FULL``;
- ``locking_mode=EXCLUSIVE`` held for the whole session: a second app opening the same file
  gets a clear message instead of a lost update;
- a foreign, damaged or newer file is examined read-only first and refused untouched;
- a backup copy before any migration.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import sqlite_utils

from .schema import APPLICATION_ID, MIGRATIONS, REQUIRED_TABLES, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A file that cannot be opened as a workbook. The message is Indonesian, for the user."""


class FileLockedError(StoreError):
    pass


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0.5, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")  # planted SQL in a view/trigger never runs
    if hasattr(conn, "setconfig") and hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"):
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    return conn


def _pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def examine(path: Path) -> int:
    """Check, read-only, that ``path`` is a healthy workbook this app can open.
    Returns its schema version. Raises StoreError with the reason; the file is untouched."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"Berkas tidak ditemukan: {path}")
    if path.is_dir():
        raise StoreError(f"'{path.name}' adalah folder, bukan berkas buku kerja.")
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"'{path.name}' bukan berkas buku kerja LKIP (.lkip).")
    _recover_hot_journal(path)
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise StoreError(f"'{path.name}' tidak dapat dibuka: {exc}") from exc
    try:
        app_id, version = _query(conn, path, "rusak atau bukan buku kerja",
                                 lambda: (conn.execute("PRAGMA application_id").fetchone()[0],
                                          conn.execute("PRAGMA user_version").fetchone()[0]))
        if app_id != APPLICATION_ID:
            raise StoreError(f"'{path.name}' adalah berkas SQLite lain, bukan buku kerja LKIP.")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"'{path.name}' dibuat oleh versi LKIP Desktop yang lebih baru (format {version}; "
                f"aplikasi ini membaca sampai format {SCHEMA_VERSION}). Perbarui aplikasi untuk membukanya."
            )
        if version < 1:
            raise StoreError(f"'{path.name}' bukan buku kerja LKIP yang lengkap.")
        problems, objects = _query(conn, path, "rusak",
                                   lambda: ([r[0] for r in conn.execute("PRAGMA quick_check").fetchall()],
                                            conn.execute("SELECT type, name FROM sqlite_master").fetchall()))
        tables = {name for kind, name in objects if kind == "table"}
        if problems != ["ok"]:
            raise StoreError(
                f"'{path.name}' rusak (pemeriksaan integritas gagal: {problems[0]}). "
                "Buka salinan cadangan terakhir."
            )
        # A trigger or view runs SQL of the file's author on our own writes and reads:
        # a workbook never has one, so any is planted and the file is refused.
        planted = sorted(name for kind, name in objects if kind in ("trigger", "view"))
        if planted:
            raise StoreError(
                f"'{path.name}' berisi perintah tersembunyi ({', '.join(planted[:3])}) yang tidak pernah dibuat "
                "oleh LKIP Desktop. Berkas tidak dibuka demi keamanan."
            )
        missing = REQUIRED_TABLES - tables
        if not missing and version == SCHEMA_VERSION:
            unknown = _unknown_columns(conn)
            if unknown:
                raise StoreError(f"'{path.name}' memiliki struktur tabel yang tidak dikenal ({unknown}).")
        if missing:
            raise StoreError(f"'{path.name}' tidak lengkap: tabel {', '.join(sorted(missing))} tidak ada.")
        return version
    finally:
        conn.close()


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _recover_hot_journal(path: Path) -> None:
    """After a crash or a pulled USB stick mid-write, a hot rollback journal sits beside the
    file. Only a writable connection can roll it back, and until then every read-only look
    fails. Keep copies of both, then let SQLite roll back (it copies pages; it runs no SQL)."""
    journal = path.with_name(path.name + "-journal")
    try:
        with open(journal, "rb") as fh:
            hot = fh.read(8) == JOURNAL_MAGIC
    except OSError:
        return
    if not hot:
        return
    copy = backup(path, "sebelum-pemulihan")
    shutil.copy2(journal, copy.with_name(copy.name + "-journal"))
    try:
        conn = _connect(path, readonly=False)
    except sqlite3.Error as exc:
        raise StoreError(f"'{path.name}' tidak dapat dipulihkan: {exc}") from exc
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # the first read rolls the journal back
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise FileLockedError(_locked_message(path)) from exc
        raise StoreError(f"'{path.name}' tidak dapat dipulihkan: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"'{path.name}' rusak: {exc}") from exc
    finally:
        conn.close()


def _query(conn: sqlite3.Connection, path: Path, what: str, read):
    """Run ``read``; a lock or a damaged page becomes a StoreError for the user."""
    try:
        return read()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise FileLockedError(_locked_message(path)) from exc
        raise StoreError(f"'{path.name}' {what} (rincian teknis: {exc}).") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"'{path.name}' {what} (rincian teknis: {exc}).") from exc


def _unknown_columns(conn: sqlite3.Connection) -> str:
    from .schema import TABLES

    for name, table in TABLES.items():
        expected = set(table.key) | set(table.fields) | ({"id"} if name in ("opd", "settings") else set())
        present = {r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")}
        extra = present - expected
        if extra:
            return f"{name}.{sorted(extra)[0]}"
    return ""


def _locked_message(path: Path) -> str:
    return (
        f"'{path.name}' sedang dibuka di jendela atau komputer lain. Tutup di sana dulu, "
        "lalu buka lagi di sini (agar tidak ada perubahan yang hilang)."
    )


def create(path: Path, *, tahun: int, renstra_awal: int, renstra_akhir: int) -> None:
    """Create a new, empty workbook file. Refuses to overwrite an existing file."""
    path = Path(path)
    if path.exists():
        raise StoreError(f"Berkas '{path.name}' sudah ada; pilih nama lain.")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        _pragmas(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn, 0)
        conn.execute("BEGIN")
        conn.execute("INSERT INTO opd (id) VALUES (1)")
        # A new year starts before its APBD-P: serapan is measured on pagu murni (RULES 6.3)
        # until the user (or an import of perubahan figures) says the APBD-P is in force.
        conn.execute(
            "INSERT INTO settings (id, tahun, renstra_awal, renstra_akhir, perubahan_berlaku) VALUES (1, ?, ?, ?, 0)",
            (tahun, renstra_awal, renstra_akhir),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()


def migrate(conn: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Run the steps current+1 .. target in one exclusive transaction (DDL and user_version
    roll back together on any error)."""
    if current >= target:
        return
    conn.execute("BEGIN EXCLUSIVE")
    try:
        for step in range(current + 1, target + 1):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def backup(path: Path, suffix: str) -> Path:
    """An exact copy beside the file, e.g. before a migration. The file is not open for
    writing here (it was just examined read-only), so a byte copy is consistent."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{suffix}-{stamp}{path.suffix}")
    shutil.copy2(path, target)
    return target


def open_database(path: Path, *, readonly: bool = False) -> tuple[sqlite_utils.Database, Path | None]:
    """Examine, back up and migrate if needed, then open for the session.
    Returns the database and the backup made before a migration (or None)."""
    path = Path(path)
    version = examine(path)
    made_backup = None
    if version < SCHEMA_VERSION:
        if readonly:
            raise StoreError(
                f"'{path.name}' berformat lama ({version}); buka dulu tanpa mode baca-saja agar diperbarui."
            )
        made_backup = backup(path, f"sebelum-format{SCHEMA_VERSION}")
    conn = None
    try:
        conn = _connect(path, readonly=readonly)
        if not readonly:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            _pragmas(conn)
            # Take the write lock now and keep it for the session (exclusive locking mode).
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
            migrate(conn, conn.execute("PRAGMA user_version").fetchone()[0])
        else:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()  # releases the exclusive lock taken above
        if "locked" in str(exc) or "busy" in str(exc):
            raise FileLockedError(_locked_message(path)) from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"'{path.name}' tidak dapat ditulis (berkas atau folder baca-saja).") from exc
        raise StoreError(f"'{path.name}' tidak dapat dibuka: {exc}") from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    return db, made_backup


def check_output_path(out: Path | str, *, workbook: Path | str | None = None) -> Path:
    """Refuse an output path that would overwrite a workbook: the open one, any .lkip, or any
    file that is a workbook whatever its name. An export must never destroy the data."""
    out = Path(out)
    if workbook is not None:
        try:
            if out.resolve() == Path(workbook).resolve():
                raise StoreError(f"'{out.name}' adalah buku kerja itu sendiri; pilih nama berkas keluaran lain.")
        except OSError:
            pass
    if out.suffix.lower() == ".lkip":
        raise StoreError(f"'{out.name}' berakhiran .lkip (buku kerja); pilih nama berkas keluaran lain.")
    if out.is_file():
        try:
            with open(out, "rb") as fh:
                head = fh.read(100)
        except OSError:
            head = b""
        if head.startswith(SQLITE_MAGIC):
            raise StoreError(f"'{out.name}' adalah berkas basis data (mungkin buku kerja); tidak ditimpa.")
    return out


def rolling_backup(path: Path, folder: Path, keep: int = 10) -> Path:
    """Copy the file as it is now into ``folder`` (the app's backup folder), keeping the
    newest ``keep`` copies of this workbook. Called when a session opens a file for writing."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    shutil.copy2(path, target)
    copies = sorted(folder.glob(f"{path.stem}-????????-??????{path.suffix}"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return target


def on_network_share(path: Path) -> bool:
    """True for a UNC path, a mapped network drive (Windows) or a CIFS/NFS mount (Linux).
    SQLite locking over SMB is unreliable: the app suggests working on a local copy."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    resolved = Path(path).resolve()
    if sys.platform == "win32":
        import ctypes

        drive = resolved.drive + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and str(resolved).startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in ("cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs")
