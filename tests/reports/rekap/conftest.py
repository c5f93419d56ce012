"""A folder of OPD inputs as the city gets them: the demo, two workbooks of other shapes,
a file of another year, random bytes and a truncated demo."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .shapes import sha256, small_opd, wide_opd


@pytest.fixture
def rekap_folder(demo_path, tmp_path) -> Path:
    folder = tmp_path / "opd"
    folder.mkdir()
    shutil.copy(demo_path, folder / "setda.lkip")
    small_opd(folder / "kecamatan.lkip")
    wide_opd(folder / "dinas-lebar.lkip")
    small_opd(folder / "tahun-lalu.lkip", tahun=2023, nama="Badan Tahun Lalu")
    (folder / "acak.lkip").write_bytes(os.urandom(20000))
    data = demo_path.read_bytes()
    (folder / "terpotong.lkip").write_bytes(data[: len(data) // 3])
    return folder


@pytest.fixture
def hashes(rekap_folder) -> dict[str, str]:
    return {p.name: sha256(p) for p in rekap_folder.iterdir()}
