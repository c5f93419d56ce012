"""Per-user app settings (window layout, recent files) in an INI file in the platform's
config folder (platformdirs via ``paths``), so tests and portable setups can redirect it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from .. import paths

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(str(paths.user_config_dir() / "lkip-desktop.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    raw = settings().value("recent", [])
    if isinstance(raw, str):
        raw = [raw]
    return [Path(p) for p in (raw or []) if p]


def add_recent(path: Path) -> None:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    s = settings()
    s.setValue("recent", [str(p) for p in items[:MAX_RECENT]])
    s.sync()


def remove_recent(path: Path) -> None:
    s = settings()
    s.setValue("recent", [str(p) for p in recent_files() if p != Path(path)])
    s.sync()
