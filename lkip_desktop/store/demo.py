"""The demo workbook: built from the bundled figures of the Setda Kota Bekasi LKIP 2024."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from .reference import import_reference


def build_demo(target: Path | str) -> Path:
    """Write a fresh demo workbook to ``target`` (replacing an older demo copy there)."""
    target = Path(target)
    target.unlink(missing_ok=True)
    svc, _ = import_reference(paths.demo_reference(), target)
    svc.close()
    return target


def demo_path() -> Path:
    """The user's demo copy, rebuilt when missing (so editing it never touches resources/)."""
    target = paths.user_data_dir() / "contoh-setda-2024.lkip"
    if not target.exists():
        build_demo(target)
    return target
