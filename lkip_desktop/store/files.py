"""Moving workbook files without ever leaving a half-made one: temporary names beside the
target, fsync of file and folder, atomic renames, and the backup copies (kept and pruned).

A workbook is always built or rewritten under a hidden temporary name in the target's own
folder (a rename is atomic only within one file system) and renamed into place when
complete; a kill at any point leaves the old state or the new one, plus at most a stale
temporary file that is ignored and cleaned by the next operation on that target.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime
from pathlib import Path

SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
STALE_SECONDS = 600  # a temporary file untouched this long belongs to a killed process
RECOVERY_KEEP = 3  # recovery copies kept beside a workbook when there is no backup folder
BACKUP_KEEP = 10  # copies of one workbook kept in the backup folder


def temp_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.tmp-{os.urandom(6).hex()}")  # what secrets.token_hex does, without hashlib


def is_temp_of(candidate: Path, target: Path) -> bool:
    return candidate.name.startswith(f".{target.name}.tmp-")


def clean_stale_temps(target: Path, *, max_age: float = STALE_SECONDS) -> None:
    """Remove what a killed build or rewrite of ``target`` left behind (never a live one:
    only files untouched for ``max_age`` seconds)."""
    now = time.time()
    try:
        leftovers = list(target.parent.glob(f".{target.name}.tmp-*"))
    except OSError:
        return
    for p in leftovers:
        try:
            if now - p.stat().st_mtime > max_age:
                p.unlink()
        except OSError:
            pass


def remove_with_sides(path: Path) -> None:
    for p in [path] + [path.with_name(path.name + s) for s in SIDE_SUFFIXES]:
        try:
            p.unlink()
        except OSError:
            pass


def sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only a writable handle
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handle to flush)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse fsync on a folder
    finally:
        os.close(fd)


def publish_new(tmp: Path, target: Path) -> None:
    """Rename the complete ``tmp`` to ``target``; FileExistsError if ``target`` appeared
    meanwhile (never overwrite: the target may be another user's workbook)."""
    sync_file(tmp)
    if os.name == "nt":
        os.rename(tmp, target)  # refuses an existing target on Windows
    else:
        try:
            os.link(tmp, target)  # refuses an existing target, atomically
        except FileExistsError:
            raise
        except OSError:  # no hard links (FAT32 stick): check, then rename
            if target.exists():
                raise FileExistsError(target)
            os.rename(tmp, target)
        else:
            tmp.unlink()
    sync_dir(target.parent)


def replace(tmp: Path, target: Path) -> None:
    """Atomically put the complete ``tmp`` in place of ``target``."""
    sync_file(tmp)
    os.replace(tmp, target)
    sync_dir(target.parent)


def copy_with_sides(path: Path, tmp: Path) -> None:
    """Copy a workbook and its journal/WAL side files to ``tmp`` (and its side names)."""
    shutil.copyfile(path, tmp)
    for s in SIDE_SUFFIXES[:2]:
        side = path.with_name(path.name + s)
        if side.exists():
            shutil.copyfile(side, tmp.with_name(tmp.name + s))


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup(path: Path, suffix: str, folder: Path | None = None, *, keep: int | None = None,
           sides: bool = False) -> Path:
    """An exact copy of ``path`` (as it is on disk now) named ``<stem>.<suffix>-<time>``, in
    ``folder`` (beside the file without one); with ``keep`` only the newest copies of that
    suffix stay. ``sides`` copies the journal with it (a recovery copy keeps both)."""
    folder = path.parent if folder is None else Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp, n = _stamp(), 1
    target = folder / f"{path.stem}.{suffix}-{stamp}{path.suffix}"
    while target.exists():  # two in one second: never overwrite an earlier copy
        n += 1
        target = folder / f"{path.stem}.{suffix}-{stamp}_{n:02d}{path.suffix}"
    partial = temp_beside(target)
    try:
        shutil.copy2(path, partial)
        replace(partial, target)
        journal = path.with_name(path.name + "-journal")
        if sides and journal.exists():
            shutil.copy2(journal, target.with_name(target.name + "-journal"))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if keep is not None:
        prune(folder, f"{path.stem}.{suffix}-*{path.suffix}", keep)
    return target


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Keep the newest ``keep`` files matching ``pattern`` (by the time stamp and counter in
    their names: copy times, not file times, which copy2 keeps from the original), with their
    side files."""
    copies = sorted(folder.glob(pattern), key=lambda p: p.stem if "_" in p.stem[-3:] else p.stem + "_01")
    for old in copies[:-keep] if keep > 0 else copies:
        remove_with_sides(old)


def rolling_backup(path: Path, folder: Path, keep: int = BACKUP_KEEP) -> Path:
    """Copy the file as it is now into ``folder`` (the app's backup folder), keeping the
    newest ``keep`` copies of this workbook. Called when a session opens a file for writing."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-{_stamp()}{path.suffix}"
    partial = temp_beside(target)
    try:
        shutil.copy2(path, partial)
        replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    copies = sorted(folder.glob(f"{path.stem}-????????-??????{path.suffix}"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return target


def same_file(a: Path | str | None, b: Path | str | None) -> bool:
    """The same file by two paths (relative, through links); never for a missing path."""
    try:
        return a is not None and b is not None and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
