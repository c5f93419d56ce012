"""Where the app's own files are (source tree or PyInstaller bundle) and where the user's
settings, backups, the crash log and the demo copy live (platformdirs, never hand-made paths)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "LKIP Desktop"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def forms_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "forms"
    return Path(__file__).resolve().parent.parent / "forms"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    path = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The crash log folder (platformdirs' user log folder; on Linux under XDG_STATE_HOME)."""
    path = Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "cadangan"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_reference() -> Path:
    return resource("setda2024.json")
