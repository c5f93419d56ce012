"""The one way in for every change to a workbook.

Every edit is a list of operations applied by ``WorkbookService.apply``: one SQLite
transaction that also writes an audit row per operation (when, who, what, old -> new),
then the in-memory workbook is updated from the committed rows and the calculator is told
what to recompute. ``apply`` returns a ``Changes`` record: the cells edited, the
indicators and budget figures that depend on them, and the inverse operations, which
the GUI's undo stack applies the same way.
"""

from __future__ import annotations

import getpass
import json
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from ..domain import model as M
from ..domain.compute import Calculator
from ..domain.errors import InputError
from ..domain.values import is_empty_text
from . import database, files, repository
from .errors import (FULL_MESSAGE, FileLockedError, StoreError, WriteLockedError, is_full, is_locked, load_failure,
                     locked_message, write_failure)
from .deferred_check import DeferredCheck
from .examine import examine
from .changes import Changes, describe
from .repository import LoadCancelled  # noqa: F401 - part of the service API
from .history import AuditEntry, read_history, write_audit
from .ops import CellRef, DeleteOp, InsertOp, Op, SetOp
from .rows import execute, integrity_message, read_row
from .schema import SCHEMA_VERSION, TABLES, VALUE_TABLES
from .validate import check_keys


BULK_AUDIT_ROWS = 500
_PK_TABLES = {"pk_version", "pk_sasaran", "pk_program"}


class WorkbookService:
    def __init__(self, db, path: Path | None, *, readonly=False, migrated_backup: Path | None = None, progress=None,
                 quarters: bool = True):
        self.db = db
        self.path = Path(path) if path else None
        self.readonly = readonly
        self.migrated_backup = migrated_backup
        self.wb = _load(db, self.path, progress, quarters)
        self.calc = Calculator(self.wb)
        self.user = _os_user()
        self._deferred: DeferredCheck | None = None  # what the open left for later, until it passed

    # -- lifecycle ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, backup_dir: Path | None = None,
             progress=None, check_later: bool = False) -> "WorkbookService":
        """Open a workbook. With ``backup_dir`` a copy of the file as it was is kept there
        (the app's automatic backups; recovery copies after a crash go there too).
        ``progress(done, total) -> bool`` is called while loading; returning False closes
        the file again and raises ``LoadCancelled``. Every row is checked while loading: a
        damaged one refuses the file (StoreError naming table and row). ``check_later``:
        SQLite's page check and the backup copy wait for ``check_integrity`` (the window
        runs it after its first paint), the quarterly rows too (read on first use if sooner);
        writes are held until it has passed."""
        path = Path(path)
        db, made = database.open_database(path, readonly=readonly, backup_dir=backup_dir,
                                          verify=lambda copy: _load(copy, path), integrity=not check_later)
        try:
            svc = cls(db, path, readonly=readonly, migrated_backup=made, progress=progress, quarters=not check_later)
            svc._deferred = DeferredCheck(db.conn, path, None if readonly or backup_dir is None else Path(backup_dir),
                                          wb=svc.wb if check_later else None)
            if not check_later:
                svc.check_integrity(pages=False)
            return svc
        except BaseException:
            db.close()  # releases the exclusive lock: a cancelled open leaves nothing held
            raise

    @classmethod
    @contextmanager
    def open_snapshot(cls, path: Path | str, current: "WorkbookService | None" = None):
        """Read a workbook without touching it: an older format is migrated in a temporary
        copy (the original's bytes never change), and a file this app already holds open
        (``current``, which has its lock) is read from a snapshot of that session."""
        path = Path(path)
        tmp = None
        try:
            if current is not None and current.db is not None and current.path is not None \
                    and files.same_file(current.path, path):
                tmp = Path(tempfile.mkdtemp(prefix="lkip-salinan-"))
                target, readonly = tmp / path.name, True
                current.save_copy(target)
            elif examine(path) < SCHEMA_VERSION:
                tmp = Path(tempfile.mkdtemp(prefix="lkip-salinan-"))
                target, readonly = tmp / path.name, False  # migrating the copy needs a writer
                files.copy_with_sides(path, target)
            else:
                target, readonly = path, True
            svc = cls.open(target, readonly=readonly)
            try:
                yield svc
            finally:
                svc.close()
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)

    def start_integrity_check(self) -> None:
        """Begin what an open with ``check_later`` left for later in a background thread;
        ``check_integrity`` (and every write) waits for it."""
        if self._deferred is not None:
            self._deferred.start()

    @property
    def integrity_check_running(self) -> bool:
        return self._deferred is not None and self._deferred.running

    @property
    def integrity_check_pending(self) -> bool:  # not passed yet: the next write waits for it
        return self._deferred is not None

    def check_integrity(self, *, pages: bool = True) -> None:
        """The integrity check an open with ``check_later`` left for later (nothing once it
        passed), then the session's backup copy. StoreError: the file is damaged and must be
        closed (no write reached it); OSError: the backup could not be made."""
        if self._deferred is None:
            return
        self._deferred.finish(pages=pages)
        self._deferred = None

    @property
    def on_network_share(self) -> bool:
        return self.path is not None and database.on_network_share(self.path)

    @classmethod
    def create(cls, path: Path | str, *, tahun: int, renstra_awal: int | None = None,
               renstra_akhir: int | None = None) -> "WorkbookService":
        awal = tahun if renstra_awal is None else renstra_awal
        akhir = awal + 4 if renstra_akhir is None else renstra_akhir
        return cls.create_from(path, [], "Buat buku kerja", tahun=tahun, renstra_awal=awal, renstra_akhir=akhir)

    @classmethod
    def create_from(cls, path: Path | str, ops: list, label: str, *, tahun: int, renstra_awal: int,
                    renstra_akhir: int) -> "WorkbookService":
        """A new workbook filled by ``ops``, all or nothing: built and checked under a
        temporary name beside ``path``, fsynced, then renamed into place. A kill at any
        point leaves no file or the complete one (never an empty or half-filled workbook)."""
        path = Path(path)
        if renstra_akhir < renstra_awal:
            raise InputError("Tahun akhir Renstra harus sesudah tahun awal.")
        if path.exists():
            raise StoreError(f"Berkas '{path.name}' sudah ada; pilih nama lain.")
        files.clean_stale_temps(path)
        tmp = files.temp_beside(path)
        try:
            database.create(tmp, tahun=tahun, renstra_awal=renstra_awal, renstra_akhir=renstra_akhir)
            with cls.open(tmp) as svc:
                svc.apply(ops, label)
            examine(tmp)
            try:
                files.publish_new(tmp, path)
            except FileExistsError:
                raise StoreError(f"Berkas '{path.name}' sudah ada; pilih nama lain.") from None
            except OSError as exc:
                raise StoreError(write_failure(path, exc)) from exc
        finally:
            files.remove_with_sides(tmp)
        return cls.open(path)

    def close(self) -> None:
        if self._deferred is not None:
            self._deferred.wait()  # its thread uses the connection about to close
        if self.db is not None:
            self.db.conn.close()
            self.db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):  # noqa: D105
        self.close()

    def save_copy(self, target: Path | str) -> None:
        dst = sqlite3.connect(Path(target))
        with dst:
            self.db.conn.backup(dst)
        dst.close()

    # -- parsing user text ----------------------------------------------------------------
    def parse(self, ref: CellRef, text: str | None) -> Any:
        """User text for a cell -> the Python value to store (raises InputError)."""
        kind = TABLES[ref.table].fields[ref.field]
        if ref.table in VALUE_TABLES and is_empty_text(text):
            return None  # clearing a value cell deletes its row
        jenis = "angka"
        if ref.table == "indicator_value":
            ind = self.wb.indicators.get(ref.key[0])
            jenis = ind.jenis if ind else "angka"
        try:
            return kind.parse(text, jenis=jenis)
        except InputError as exc:
            exc.field = exc.field or ref.field
            raise

    def set_text(self, ref: CellRef, text: str | None, label: str | None = None) -> Changes:
        return self.apply([SetOp(ref, self.parse(ref, text))], label or f"Ubah {TABLES[ref.table].label}")

    def set(self, ref: CellRef, value: Any, label: str | None = None) -> Changes:
        return self.apply([SetOp(ref, value)], label or f"Ubah {TABLES[ref.table].label}")

    # -- reading cells ----------------------------------------------------------------------
    def get(self, ref: CellRef) -> Any:
        """The stored Python value of a cell (None when empty)."""
        row = read_row(self.db.conn, ref.table, ref.key)
        if row is None or ref.field not in row:
            return None
        return TABLES[ref.table].fields[ref.field].from_db(row[ref.field])

    # -- convenience builders ---------------------------------------------------------------
    def add(self, table: str, label: str | None = None, **values) -> tuple[str, Changes]:
        """Insert one row; a new stable id is made unless given. Returns (id, changes)."""
        if TABLES[table].key == ("id",):
            values.setdefault("id", M.new_id())
        if "urut" in TABLES[table].fields and "urut" not in values:
            values["urut"] = self._next_urut(table, values)
        ch = self.apply([InsertOp(table, values)], label or f"Tambah {TABLES[table].label}")
        return values.get("id"), ch

    def delete(self, table: str, key: tuple | str, label: str | None = None) -> Changes:
        key = (key,) if isinstance(key, str) else tuple(key)
        return self.apply([DeleteOp(table, key)], label or f"Hapus {TABLES[table].label}")

    def _next_urut(self, table: str, values: dict) -> int:
        parent_col = {"sasaran": "tujuan_id", "budget_item": "parent_id", "indicator": "owner_id",
                      "pk_sasaran": "pk_id", "pk_program": "pk_id"}.get(table)
        if parent_col and values.get(parent_col) is not None:
            r = self.db.conn.execute(
                f"SELECT MAX(urut) FROM [{table}] WHERE [{parent_col}] = ?", (values[parent_col],)
            ).fetchone()
        elif parent_col:
            r = self.db.conn.execute(f"SELECT MAX(urut) FROM [{table}] WHERE [{parent_col}] IS NULL").fetchone()
        else:
            r = self.db.conn.execute(f"SELECT MAX(urut) FROM [{table}]").fetchone()
        return (r[0] or 0) + 1

    # -- the one write path ---------------------------------------------------------------------
    def apply(self, ops: Iterable[Op], label: str) -> Changes:
        ops = list(ops)
        changes = Changes(label, ops=ops)
        if not ops:
            return changes
        if self.readonly:
            raise InputError("Berkas dibuka baca-saja; perubahan tidak disimpan.")
        try:
            self.check_integrity()  # writes wait for the deferred check of the file (and its backup)
        except (StoreError, OSError) as exc:
            raise InputError(f"Perubahan tidak tersimpan: {exc}") from exc
        pending_levels: dict[str, str] = {}  # budget items inserted earlier in this batch
        for op in ops:
            self._validate(op, pending_levels)
        waktu = datetime.now().isoformat(timespec="seconds")
        inverse: list[list[Op]] = []
        touched: list[tuple[str, tuple, bool]] = []  # (table, key, exists_after)
        # A bulk import writes one audit row per table instead of one per row: the rows are
        # new, there is no old value to keep, and per-row JSON tripled the file at scale.
        inserts = [o for o in ops if isinstance(o, InsertOp)]
        bulk = len(inserts) > BULK_AUDIT_ROWS
        stored = {} if all(isinstance(o, SetOp) for o in ops) else None  # rows as UPDATEs left them
        try:
            with self.db.atomic():
                for op in ops:
                    inv = execute(self.db.conn, self.user, op, waktu, label, touched,
                                  audit=not (bulk and isinstance(op, InsertOp)), stored=stored)
                    inverse.append(inv)
                if bulk:
                    counts: dict[str, int] = {}
                    for o in inserts:
                        counts[o.table] = counts.get(o.table, 0) + 1
                    for table, n in counts.items():
                        write_audit(self.db.conn, self.user, waktu, "tambah", table, (), None, None,
                                    json.dumps({"baris": n}), label)
        except sqlite3.IntegrityError as exc:
            raise InputError(integrity_message(exc)) from exc
        except OverflowError as exc:
            raise InputError("Angka terlalu besar untuk disimpan.") from exc
        except sqlite3.OperationalError as exc:
            if is_locked(exc):
                raise WriteLockedError(locked_message(self.path or Path("buku kerja"))) from exc
            if is_full(exc):
                raise InputError(f"Perubahan tidak tersimpan: {FULL_MESSAGE}. Perubahan yang sudah "
                                 "tersimpan sebelumnya aman; kosongkan ruang disk lalu ulangi.") from exc
            raise InputError(f"Perubahan tidak tersimpan: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise InputError(f"Perubahan tidak tersimpan: {exc}") from exc
        changes.inverse = [o for inv in reversed(inverse) for o in inv]
        self._refresh_memory(touched, stored or {})
        self._describe(changes, ops, touched)
        return changes

    def _validate(self, op: Op, pending_levels: dict[str, str]) -> None:
        table = op.table if not isinstance(op, SetOp) else op.ref.table
        if table not in TABLES:
            raise InputError(f"Tabel tidak dikenal: {table}")
        if table in _PK_TABLES:
            self._check_pk_unlocked(op)
        if isinstance(op, SetOp):
            if op.ref.field not in TABLES[table].fields:
                raise InputError(f"Kolom tidak dikenal: {op.ref.field}")
            if table == "indicator" and op.ref.field == "rumus_komponen" and op.value:
                from ..domain.formula.parser import parse_formula  # loaded on the first formula, not at start

                parse_formula(op.value)  # a formula that does not parse is refused here
        if isinstance(op, InsertOp):
            unknown = set(op.row) - set(TABLES[table].fields) - set(TABLES[table].key)
            if unknown:
                raise InputError(f"Kolom tidak dikenal: {', '.join(sorted(unknown))}")
            check_keys(table, op.row)
            if table == "budget_item":
                self._check_budget_parent(op.row, pending_levels)
                pending_levels[op.row.get("id")] = op.row.get("level")

    def _check_budget_parent(self, row: dict, pending_levels: dict[str, str]) -> None:
        level, parent = row.get("level"), row.get("parent_id")
        expected = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}.get(level, "?")
        parent_level = self.wb.items[parent].level if parent in self.wb.items else pending_levels.get(parent)
        if expected == "?" or parent_level != expected:
            raise InputError(
                {"program": "Program tidak boleh punya induk.",
                 "kegiatan": "Kegiatan harus berada di bawah program.",
                 "sub_kegiatan": "Sub kegiatan harus berada di bawah kegiatan."}.get(level, "Tingkat tidak sah.")
            )

    def _check_pk_unlocked(self, op: Op) -> None:
        table = op.ref.table if isinstance(op, SetOp) else op.table
        if isinstance(op, InsertOp):
            pk_id = op.row.get("pk_id") if table != "pk_version" else None
        else:
            key = op.ref.key if isinstance(op, SetOp) else op.key
            if table == "pk_version":
                pk_id = key[0]
            else:
                row = (self.wb.pk_sasaran if table == "pk_sasaran" else self.wb.pk_program).get(key[0])
                pk_id = row.pk_id if row else None
        targets = [pk_id]
        if isinstance(op, SetOp) and op.ref.field == "pk_id":
            targets.append(op.value)  # moving a row into a signed version is an edit of it too
        versions = [self.wb.pk_versions.get(p) for p in targets if p]
        if any(v is not None and v.ditandatangani for v in versions):
            raise InputError(
                "Perjanjian Kinerja ini sudah ditandatangani dan dikunci. "
                "Buat PK Perubahan untuk mencatat perubahan."
            )

    def _refresh_memory(self, touched: list[tuple[str, tuple, bool]], stored: dict) -> None:
        for table, key, _ in touched:
            row = stored.get((table, key)) or read_row(self.db.conn, table, key)
            if row is None:
                repository.remove_row(self.wb, table, key)
            else:
                repository.apply_row(self.wb, table, row)

    def _describe(self, ch: Changes, ops: list[Op], touched: list) -> None:
        rows_changed = any(isinstance(o, (InsertOp, DeleteOp)) for o in ops)
        describe(ch, self.wb, [o.ref for o in ops if isinstance(o, SetOp)], touched, rows_changed)
        if ch.reshaped:
            self.wb.structure_changed()
        self.calc.invalidate(ch.affected)

    # -- history ------------------------------------------------------------------------------
    def history(self, ref: CellRef | None = None, limit: int = 500) -> list[AuditEntry]:
        return read_history(self.db.conn, ref, limit)

    def narasi(self, kunci: str) -> str:
        r = self.db.conn.execute("SELECT teks FROM narasi WHERE kunci = ?", (kunci,)).fetchone()
        return r[0] if r else ""


def _load(db, path: Path | None, progress=None, quarters: bool = True) -> M.Workbook:
    """The whole workbook, every row checked; a damaged row or page refuses the file.
    ``quarters=False``: the quarterly rows are read later (``DeferredCheck``)."""
    try:
        wb = repository.load(db, progress, quarters=quarters)
    except FileLockedError:
        raise
    except (StoreError, sqlite3.DatabaseError) as exc:
        db.pages_checked()  # a damaged page it found names the damage best
        raise load_failure(exc, path.name if path is not None else "buku kerja") from exc
    db.pages_checked()
    return wb


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows service accounts
        return "pengguna"
