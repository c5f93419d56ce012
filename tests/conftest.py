"""Shared fixtures. Qt runs offscreen (set before any Qt import)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REFERENCE = Path(__file__).resolve().parent.parent / "resources" / "setda2024.json"


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from lkip_desktop.exchange.reference import import_reference

    path = tmp_path_factory.mktemp("master") / "demo.lkip"
    svc, _ = import_reference(REFERENCE, path)
    svc.close()
    return path


@pytest.fixture
def demo_path(_demo_master, tmp_path) -> Path:
    """A fresh copy of the demo workbook (Setda Kota Bekasi 2024) for one test."""
    path = tmp_path / "demo.lkip"
    shutil.copy(_demo_master, path)
    return path


@pytest.fixture
def demo(demo_path):
    """The demo workbook opened through the service."""
    from lkip_desktop.store.service import WorkbookService

    svc = WorkbookService.open(demo_path)
    yield svc
    svc.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Settings, recent files and backups go to a temp folder, never the real profile."""
    home = tmp_path / "_user"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the crash log
