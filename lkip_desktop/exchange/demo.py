"""The demo workbook: built from the bundled figures of the Setda Kota Bekasi LKIP 2024."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from .reference import import_reference


def build_demo(target: Path | str, *, replace: bool = False) -> Path:
    """Write a fresh demo workbook to ``target``. An existing file is refused unless
    ``replace`` (only the app's own demo copy is ever replaced)."""
    target = Path(target)
    if replace:
        target.unlink(missing_ok=True)
    svc, _ = import_reference(paths.demo_reference(), target)
    svc.close()
    return target


def demo_path() -> Path:
    """The user's demo copy, rebuilt when missing (so editing it never touches resources/)."""
    target = paths.user_data_dir() / "contoh-setda-2024.lkip"
    if not target.exists():
        build_demo(target, replace=True)
    return target
