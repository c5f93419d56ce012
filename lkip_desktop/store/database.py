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

import sqlite3
import sys
from pathlib import Path

from . import files
from .connection import Database
from .errors import FileLockedError, StoreError, is_full, is_locked, locked_message, write_failure
from .examine import (SQLITE_MAGIC, check, connect, examine, needs_copy, open_checked, working_copy)  # noqa: F401
from .read_ahead import ReadAhead
from .schema import APPLICATION_ID, MIGRATIONS, READ_AHEAD, SCHEMA_VERSION


def _pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def create(path: Path, *, tahun: int, renstra_awal: int, renstra_akhir: int) -> None:
    """Create a new, empty workbook file at ``path`` (a temporary name: see
    WorkbookService.create_from, which publishes it). Refuses to overwrite a file."""
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
    except BaseException as exc:
        conn.close()
        files.remove_with_sides(path)
        if isinstance(exc, (OSError, sqlite3.Error)) and is_full(exc):
            raise StoreError(write_failure(path, exc)) from exc
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
        if conn.in_transaction:  # SQLite has already rolled back after a full disk
            conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def open_database(path: Path, *, readonly: bool = False, backup_dir: Path | None = None,
                  verify=None, integrity: bool = True) -> tuple[Database, Path | None]:
    """Examine read-only; a crash journal is rolled back and an older format migrated on
    checked copies that replace the file only when complete (``verify(db)``, the full read
    of the rows, runs on them first); then open for the session. Returns the database and
    the byte-exact backup made before a migration (or None). ``integrity=False``: a file
    that needs neither leaves its integrity check to the caller (``examine.check_integrity``);
    a read-only open reads the tables ahead and checks the pages in a thread while the caller
    loads the rows, and the load waits for it at its end (``Database.pages_checked``)."""
    path = Path(path)
    files.clean_stale_temps(path)
    made_backup = None
    ahead = False  # a thread reads tables ahead and checks the pages beside the caller's load
    if needs_copy(path):
        made_backup = _rewrite(path, readonly=readonly, backup_dir=backup_dir, verify=verify, recover=True)
    elif check(path, path.name, integrity=integrity and not readonly) < SCHEMA_VERSION:
        made_backup = _rewrite(path, readonly=readonly, backup_dir=backup_dir, verify=verify, recover=False)
    else:
        ahead = integrity and readonly
    conn = None
    try:
        conn = connect(path, readonly=readonly)
        if not readonly:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            _pragmas(conn)
            # Take the write lock now and keep it for the session (exclusive locking mode).
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        else:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA query_only = ON")
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            raise StoreError(f"'{path.name}' berubah saat dibuka; coba lagi.")
        db = Database(conn, ReadAhead(path, path.name, READ_AHEAD) if ahead else None)  # the load waits for it
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()  # releases the exclusive lock taken above
        if is_locked(exc):
            raise FileLockedError(locked_message(path)) from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"'{path.name}' tidak dapat ditulis (berkas atau folder baca-saja).") from exc
        raise StoreError(f"'{path.name}' tidak dapat dibuka: {exc}") from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return db, made_backup


def _rewrite(path: Path, *, readonly: bool, backup_dir, verify, recover: bool) -> Path | None:
    """Build the recovered and/or migrated file on copies, check them all, then publish:
    first the recovered copy (and only then drop the journal: replaying it on the
    recovered pages changes nothing), then the migrated one."""
    recovered = working_copy(path) if recover else None
    migrated = None
    try:
        version = check(recovered or path, path.name)
        if version < SCHEMA_VERSION:
            if readonly:
                raise StoreError(
                    f"'{path.name}' berformat lama ({version}); buka dulu tanpa mode baca-saja agar diperbarui."
                )
            migrated = files.temp_beside(path)
            try:
                files.copy_with_sides(recovered or path, migrated)
                conn = connect(migrated, readonly=False)
                try:
                    _pragmas(conn)
                    migrate(conn, version)
                finally:
                    conn.close()
            except (OSError, sqlite3.Error) as exc:
                if isinstance(exc, sqlite3.Error) and not is_full(exc):
                    raise StoreError(f"'{path.name}' tidak dapat diperbarui ke format {SCHEMA_VERSION}: {exc}") from exc
                raise StoreError(write_failure(path, exc)) from exc
            check(migrated, path.name)
        final = migrated or recovered
        if verify is not None:
            conn = open_checked(final, path.name, readonly=True)
            try:
                verify(Database(conn))
            finally:
                conn.close()
        try:
            made = None
            if recovered is not None:
                files.backup(path, "sebelum-pemulihan", backup_dir, sides=True,
                             keep=files.RECOVERY_KEEP if backup_dir is None else files.BACKUP_KEEP)
                files.replace(recovered, path)
                path.with_name(path.name + "-journal").unlink(missing_ok=True)
                files.sync_dir(path.parent)
            if migrated is not None:
                made = files.backup(path, f"sebelum-format{SCHEMA_VERSION}")
                files.replace(migrated, path)
            return made
        except OSError as exc:
            raise StoreError(write_failure(path, exc)) from exc
    finally:
        for work in (recovered, migrated):
            if work is not None:
                files.remove_with_sides(work)


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
