"""What can go wrong with a workbook file, as messages for the user (Indonesian): a file
that cannot be opened, one held by another session, a disk that is full."""

from __future__ import annotations

import errno
from pathlib import Path

from ..domain.errors import InputError


class StoreError(Exception):
    """A file that cannot be opened as a workbook. The message is Indonesian, for the user."""


class FileLockedError(StoreError):
    pass


class WriteLockedError(FileLockedError, InputError):
    """The lock lost at a write: a StoreError with the lock message, and an InputError so
    every caller that reports a refused edit (the GUI, the CLI) shows it as one."""

    def __init__(self, message: str):
        InputError.__init__(self, message)


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def is_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return ("full" in text or "disk i/o" in text or "too large" in text
            or getattr(exc, "errno", None) in _FULL_ERRNOS)


def as_store_error(exc: BaseException, name: str, what: str) -> StoreError:
    if is_locked(exc):
        return FileLockedError(locked_message(Path(name)))
    return StoreError(f"'{name}' {what} (rincian teknis: {exc}).")


def load_failure(exc: BaseException, name: str) -> StoreError:
    """What a failed read of a workbook's rows tells the user (a damaged row or page)."""
    if isinstance(exc, FileLockedError):
        return exc
    if isinstance(exc, StoreError):
        return StoreError(f"'{name}' rusak: {exc}. Berkas tidak dibuka; buka salinan cadangan terakhir.")
    if is_locked(exc):
        return FileLockedError(locked_message(Path(name)))
    return StoreError(f"'{name}' rusak atau tidak terbaca (rincian teknis: {exc}).")


FULL_MESSAGE = "disk penuh atau tidak dapat ditulis (mis. batas ukuran berkas tercapai)"


def write_failure(path: Path, exc: BaseException) -> str:
    if is_full(exc):
        return (f"'{path.name}' tidak dapat ditulis: {FULL_MESSAGE}. "
                "Kosongkan ruang disk lalu coba lagi; berkas asli tidak diubah.")
    return f"'{path.name}' tidak dapat ditulis: {exc}"


def locked_message(path: Path) -> str:
    """The one message for every lock failure, at open or at a write."""
    return (
        f"'{path.name}' sedang dibuka di jendela atau komputer lain. Tutup di sana dulu, "
        "lalu buka lagi di sini (agar tidak ada perubahan yang hilang)."
    )
