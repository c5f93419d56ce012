"""Looking at a .lkip file before trusting it: read-only, every check before any write.

The header, the application id and version, SQLite's integrity check and the whole
``sqlite_master`` against the layout of its version (``structure``). A hot journal left
by a crash is rolled back on a temporary copy (``working_copy``), never in place, so a
file that is refused keeps its bytes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import files, structure
from .errors import StoreError, as_store_error, write_failure
from .schema import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0.5, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")  # planted SQL in a view/trigger never runs
    if hasattr(conn, "setconfig") and hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"):
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    return conn


def examine(path: Path) -> int:
    """Check, read-only, that ``path`` is a healthy workbook this app can open.
    Returns its schema version. Raises StoreError with the reason; the file is untouched
    (a file with a hot journal is checked on a temporary, rolled-back copy)."""
    path = Path(path)
    if needs_copy(path):
        work = working_copy(path)
        try:
            return check(work, path.name)
        finally:
            files.remove_with_sides(work)
    return check(path, path.name)


def _header(path: Path) -> bytes:
    if not path.exists():
        raise StoreError(f"Berkas tidak ditemukan: {path}")
    if path.is_dir():
        raise StoreError(f"'{path.name}' adalah folder, bukan berkas buku kerja.")
    if not path.is_file():  # a pipe or a device: reading it would block forever (found by the harness)
        raise StoreError(f"'{path.name}' bukan berkas biasa (mis. pipa atau perangkat), bukan berkas buku kerja.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise StoreError(f"'{path.name}' tidak dapat dibaca: {exc}") from exc
    if not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"'{path.name}' bukan berkas buku kerja LKIP (.lkip).")
    if len(head) < 100:  # every SQLite file has a 100-byte header (found by the harness)
        raise StoreError(f"'{path.name}' rusak (terpotong). Buka salinan cadangan terakhir.")
    return head


def _refuse_wal(path: Path, head: bytes) -> None:
    """A WAL-mode file was made by another tool (this app never makes one). Reading it makes
    side files and converting it could drop its WAL frames, so it is refused untouched."""
    if head[18] == 2 or head[19] == 2:
        raise StoreError(
            f"'{path.name}' disimpan dalam mode WAL oleh aplikasi lain. Agar berkas tidak berubah, "
            "LKIP Desktop tidak membukanya; simpan salinannya dalam mode jurnal biasa lalu buka salinan itu."
        )


def needs_copy(path: Path) -> bool:
    """True when a hot journal left by a crash must be rolled back before the file can be
    read. That is done on a copy, never in place, so a file then refused stays as it was."""
    _refuse_wal(path, _header(path))
    journal = path.with_name(path.name + "-journal")
    try:
        with open(journal, "rb") as fh:
            if fh.read(8) != JOURNAL_MAGIC:
                return False
    except OSError:
        return False
    conn = open_checked(path, path.name, readonly=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK" or "readonly" in str(exc):
            return True  # a hot journal: only a writer may roll it back
        raise as_store_error(exc, path.name, "rusak") from exc
    except sqlite3.DatabaseError as exc:
        raise as_store_error(exc, path.name, "rusak") from exc
    finally:
        conn.close()
    return False  # a journal that is not hot (another session is writing): read as is


def working_copy(path: Path) -> Path:
    """A temporary copy beside ``path`` with its hot journal rolled back. The caller removes
    or publishes it."""
    work = files.temp_beside(path)
    try:
        files.copy_with_sides(path, work)
        conn = connect(work, readonly=False)
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # the first read rolls the journal back
        finally:
            conn.close()
    except OSError as exc:
        files.remove_with_sides(work)
        raise StoreError(write_failure(path, exc)) from exc
    except sqlite3.Error as exc:
        files.remove_with_sides(work)
        raise as_store_error(exc, path.name, "tidak dapat dipulihkan") from exc
    return work


def open_checked(path: Path, name: str, *, readonly: bool) -> sqlite3.Connection:
    try:
        return connect(path, readonly=readonly)
    except sqlite3.Error as exc:
        raise StoreError(f"'{name}' tidak dapat dibuka: {exc}") from exc


def check(path: Path, name: str, *, integrity: bool = True) -> int:
    """Every check of a file, on a read-only connection. Returns the schema version.
    ``integrity=False`` leaves out ``check_integrity`` (the caller runs it later)."""
    _refuse_wal(Path(name), _header(path))
    conn = open_checked(path, name, readonly=True)
    try:
        app_id, version = _query(conn, name, "rusak atau bukan buku kerja",
                                 lambda: (conn.execute("PRAGMA application_id").fetchone()[0],
                                          conn.execute("PRAGMA user_version").fetchone()[0]))
        if app_id != APPLICATION_ID:
            raise StoreError(f"'{name}' adalah berkas SQLite lain, bukan buku kerja LKIP.")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"'{name}' dibuat oleh versi LKIP Desktop yang lebih baru (format {version}; "
                f"aplikasi ini membaca sampai format {SCHEMA_VERSION}). Perbarui aplikasi untuk membukanya."
            )
        if version < 1:
            raise StoreError(f"'{name}' bukan buku kerja LKIP yang lengkap.")
        if integrity:
            check_integrity(conn, name)
        found = _query(conn, name, "rusak", lambda: structure.entries(conn))
        wrong = structure.problem(found, version)
        if wrong is not None:
            what, detail = wrong
            # A trigger or view runs SQL of the file's author on our own writes and reads:
            # a workbook never has one, so any is planted and the file is refused.
            raise StoreError({
                "planted": f"'{name}' berisi perintah tersembunyi ({detail}) yang tidak pernah dibuat "
                           "oleh LKIP Desktop. Berkas tidak dibuka demi keamanan.",
                "missing": f"'{name}' tidak lengkap: tabel {detail} tidak ada.",
            }.get(what, f"'{name}' memiliki struktur tabel yang tidak dikenal ({detail}). "
                        "Berkas tidak dibuka demi keamanan."))
        return version
    finally:
        conn.close()


def check_integrity(conn: sqlite3.Connection, name: str) -> None:
    """SQLite's own check of every page (``PRAGMA quick_check``): StoreError when damaged."""
    problems = _query(conn, name, "rusak", lambda: [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()])
    if problems != ["ok"]:
        raise StoreError(f"'{name}' rusak (pemeriksaan integritas gagal: {problems[0]}). "
                         "Buka salinan cadangan terakhir.")


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _query(conn: sqlite3.Connection, name: str, what: str, read):
    """Run ``read``; a lock or a damaged page becomes a StoreError for the user."""
    try:
        return read()
    except sqlite3.DatabaseError as exc:
        raise as_store_error(exc, name, what) from exc
    except UnicodeDecodeError as exc:  # a damaged name in the schema or in SQLite's own report
        raise StoreError(f"'{name}' {what}: berisi teks yang bukan UTF-8 yang sah. "
                         "Buka salinan cadangan terakhir.") from exc
