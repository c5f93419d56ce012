"""Gather the summaries of many OPD inputs: each workbook opened read-only through
``WorkbookService.open_snapshot`` (an older format is migrated in a temporary copy; the
source bytes never change), summarised, closed, so one workbook at a time is in memory.
An ``export-ringkasan`` JSON is read instead of a workbook. What cannot be summarised (not
a workbook, damaged, newer format, another year, a second file of the same OPD) is
``Skipped`` with the reason in the user's words; the rest is still summarised."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ...store.database import FileLockedError, StoreError
from ...store.service import WorkbookService
from .ringkasan import RingkasanError, read_ringkasan
from .summary import OpdSummary, summarize

WORKBOOK_SUFFIX = ".lkip"
RINGKASAN_SUFFIX = ".json"

# progress(done, total, name) -> False stops after the current file
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


@dataclass
class Collection:
    summaries: list[OpdSummary] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    tahun: int | None = None  # the year summarised
    cancelled: bool = False


def find_inputs(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder gives its .lkip and .json files (not its subfolders), by name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted((f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                           and f.suffix.lower() in (WORKBOOK_SUFFIX, RINGKASAN_SUFFIX)),
                          key=lambda f: f.name.lower())
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_one(path: Path) -> OpdSummary:
    """One input -> its summary. Raises StoreError or RingkasanError with the reason."""
    if path.suffix.lower() == RINGKASAN_SUFFIX:
        return read_ringkasan(path)
    try:
        with WorkbookService.open_snapshot(path) as svc:
            return summarize(svc, path.name)
    except FileLockedError:
        return _read_held(path)


def _read_held(path: Path) -> OpdSummary:
    """A workbook another session holds (its exclusive lock refuses a reader): summarise a
    copy of its bytes as they are (every change there is committed at once), in a temporary
    folder. The copy is checked like any file, so one caught mid-write is listed as damaged."""
    tmp = Path(tempfile.mkdtemp(prefix="lkip-rekap-"))
    try:
        copy = tmp / path.name
        shutil.copyfile(path, copy)
        with WorkbookService.open_snapshot(copy) as svc:
            return summarize(svc, path.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RingkasanError):
        return f"ringkasan tidak sah: {exc}"
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ditemukan"
    if isinstance(exc, PermissionError):
        return "tidak ada izin membaca berkas"
    return f"tidak dapat dibaca ({type(exc).__name__}: {exc})"


def collect(paths: Iterable[Path | str], tahun: int | None = None, progress: Progress | None = None) -> Collection:
    """Summaries of ``paths`` (files or folders). ``tahun``: the year to summarise; None
    takes the year most inputs have (the later one on a tie). Of two inputs of the same OPD
    and year the one changed last is kept."""
    files = find_inputs(paths)
    result = Collection()
    read: list[OpdSummary] = []
    paths_of: dict[int, Path] = {}
    for i, path in enumerate(files):
        if progress is not None and progress(i, len(files), path.name) is False:
            result.cancelled = True
            break
        try:
            s = read_one(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable input is listed, the rest go on
            result.skipped.append(Skipped(path, _reason(exc)))
            continue
        paths_of[id(s)] = path
        read.append(s)
    if progress is not None and not result.cancelled:
        progress(len(files), len(files), "")
    if tahun is None and read:
        counts = Counter(s.tahun for s in read)
        tahun = max(counts, key=lambda y: (counts[y], y))
    result.tahun = tahun
    kept: dict[tuple[str, int], OpdSummary] = {}
    for s in read:
        if s.tahun != tahun:
            result.skipped.append(Skipped(paths_of[id(s)], f"tahun {s.tahun}, bukan {tahun}"))
            continue
        other = kept.get(s.key)
        if other is None:
            kept[s.key] = s
            continue
        newer, older = (s, other) if (s.last_change or "") > (other.last_change or "") else (other, s)
        kept[s.key] = newer
        result.skipped.append(Skipped(paths_of[id(older)],
                                      f"OPD yang sama ({older.name} {older.tahun}) dengan {newer.source}; "
                                      "yang direkap berkas dengan perubahan terakhir paling baru"))
    result.summaries = [s for s in read if kept.get(s.key) is s]
    return result
