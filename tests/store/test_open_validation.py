"""Validation before trust: the whole sqlite_master must be the layout of its version, and
every row must be what its kind allows. Damage is refused at open, naming the table and
row; summary/check/export end with that message, never a traceback or a hang."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.service import WorkbookService

ROOT = Path(__file__).resolve().parents[2]


def _damage(path: Path, *statements: str, writable_schema: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if writable_schema:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
    for s in statements:
        conn.execute(s)
    if writable_schema:
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.close()


def _first(table: str) -> str:
    return f"(SELECT rowid FROM {table} ORDER BY rowid LIMIT 1)"


STRUCTURE = {
    "extra-index": (["CREATE INDEX ekstra ON tujuan(nama)"], "indeks asing 'ekstra'"),
    "zeroblob-index": (["CREATE INDEX boros ON audit(zeroblob(1000))"], "indeks asing 'boros'"),
    "check-0": ([
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (pagu_murni >= 0)', 'CHECK (0)') "
        "WHERE name = 'budget_item'"], "definisi 'budget_item' diubah"),
    "extra-table": (["CREATE TABLE sisipan (x)"], "tabel asing 'sisipan'"),
    "dropped-index": (["DROP INDEX audit_cell"], "audit_cell"),
}

ROWS = {
    "tanggal-abc": (["UPDATE prestasi SET tanggal = 'abc' WHERE rowid = " + _first("prestasi")],
                    "tabel prestasi baris id=.*kolom tanggal berisi 'abc'"),
    "skala-kosong": (["UPDATE settings SET skala = ''"], "tabel settings baris id=1: kolom skala"),
    "nama-bukan-utf8": (["UPDATE tujuan SET nama = CAST(x'41ff42' AS TEXT) WHERE rowid = " + _first("tujuan")],
                        "tabel tujuan baris id=.*kolom nama berisi teks yang bukan UTF-8"),
    "siklus-anggaran": ([
        "UPDATE budget_item SET parent_id = (SELECT id FROM budget_item WHERE level = 'sub_kegiatan' LIMIT 1) "
        "WHERE id = (SELECT id FROM budget_item WHERE level = 'program' LIMIT 1)"],
        "tabel budget_item baris id=.*kolom parent_id"),
    "desimal-abc": (["UPDATE budget_quarter SET target_fisik = 'abc' WHERE rowid = " + _first("budget_quarter")],
                    "tabel budget_quarter baris .*kolom target_fisik"),
    "nilai-rusak": (["UPDATE indicator_value SET nilai = 'xyz' WHERE rowid = " + _first("indicator_value")],
                    "tabel indicator_value .*kolom nilai"),
    "tahun-teks": (["UPDATE indicator_value SET tahun = '2024_x' WHERE rowid = " + _first("indicator_value")],
                   "kolom tahun"),
    "pagu-teks": (["UPDATE budget_item SET pagu_murni = 'banyak' WHERE rowid = " + _first("budget_item")],
                  "kolom pagu_murni"),
    "pilihan-asing": (["UPDATE indicator SET jenis = 'rahasia' WHERE rowid = " + _first("indicator")],
                      "kolom jenis"),
    "induk-hilang": ([
        "PRAGMA foreign_keys = OFF",
        "UPDATE budget_quarter SET item_id = 'tidak-ada' WHERE rowid = " + _first("budget_quarter")],
        "tabel budget_quarter .*kolom item_id berisi 'tidak-ada' \\(tidak ada\\)"),
    "renstra-raksasa": (["UPDATE settings SET renstra_akhir = 2200"], "periode Renstra"),
    "karakter-kendali": (["UPDATE tujuan SET nama = 'a' || char(11) || 'b' WHERE rowid = " + _first("tujuan")],
                         "karakter kendali"),
    # ASCII text is checked by a bytes pass, other text by the pattern: both must refuse
    "karakter-kendali-del": (["UPDATE budget_item SET kode = kode || char(127) WHERE rowid = " + _first("budget_item")],
                             "karakter kendali"),
    "karakter-kendali-unicode": (["UPDATE tujuan SET nama = 'é' || char(13) WHERE rowid = " + _first("tujuan")],
                                 "karakter kendali"),
    "nan": (["UPDATE settings SET capaian_wajar_maks = 'NaN'"], "capaian_wajar_maks"),
    # the columns are read through SQLite's JSON: a REAL or a BLOB must be refused all the same
    "pagu-pecahan": (["UPDATE budget_item SET pagu_murni = 12.5 WHERE rowid = " + _first("budget_item")],
                     "tabel budget_item baris id=.*kolom pagu_murni berisi 12.5"),
    "nama-blob": (["UPDATE tujuan SET nama = x'4142' WHERE rowid = " + _first("tujuan")],
                  "tabel tujuan baris id=.*kolom nama berisi b'AB'"),
    "nilai-blob": (["UPDATE indicator_value SET nilai = x'3130' WHERE rowid = " + _first("indicator_value")],
                   "tabel indicator_value baris .*kolom nilai berisi b'10'"),
    "tahun-pecahan": (["UPDATE indicator_value SET tahun = 2024.5 WHERE rowid = " + _first("indicator_value")],
                      "kolom tahun berisi 2024.5"),
    "tanpa-settings": (["DELETE FROM settings"], "tabel settings: baris tidak ada"),
}


@pytest.mark.parametrize("case", sorted(STRUCTURE))
def test_a_foreign_structure_is_refused(demo_path, case):
    statements, message = STRUCTURE[case]
    _damage(demo_path, *statements, writable_schema=case == "check-0")
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="tidak dikenal|tidak ada") as info:
        WorkbookService.open(demo_path)
    assert message in str(info.value)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("size", [16, 17, 99])
def test_a_file_cut_inside_its_header_is_refused(demo_path, size):
    """Found by the harness: a file cut after 17 bytes gave an IndexError."""
    demo_path.write_bytes(demo_path.read_bytes()[:size])
    with pytest.raises(StoreError, match="terpotong"):
        WorkbookService.open(demo_path)
    assert demo_path.stat().st_size == size


def test_schema_text_that_is_not_utf8_is_refused(demo_path):
    """Found by the harness (reliability/): a flipped byte in the schema text gave a raw
    UnicodeDecodeError from the examination."""
    _damage(demo_path, "UPDATE sqlite_master SET sql = CAST(CAST(sql AS BLOB) || x'c8ff' AS TEXT) "
                       "WHERE name = 'tujuan'", writable_schema=True)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="bukan UTF-8"):
        WorkbookService.open(demo_path)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("key, value", [("nama", "a\x00b"), ("nama", "x\x1b"), ("tahun", 1800), ("indicator_id", 5)])
def test_a_key_the_open_would_refuse_is_refused_at_the_write(demo_path, key, value):
    """Found by the harness (reliability/, JSON fuzzer): keys do not pass through a field's
    kind, so a komponen named '\x00' was written, and the new workbook then failed to open."""
    from lkip_desktop.store.ops import InsertOp

    with WorkbookService.open(demo_path) as svc:
        indicator = next(iter(svc.wb.indicators))
        row = {"indicator_id": indicator, "tahun": 2024, "nama": "baru", "nilai": "5"}
        row[key] = value
        with pytest.raises(InputError, match=f"kolom {key}"):
            svc.apply([InsertOp("komponen", row)], "uji")
    with WorkbookService.open(demo_path) as svc:  # nothing was written; the file opens
        assert row["nama"] not in svc.wb.indicators[indicator].komponen.get(2024, {})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("readonly", [False, True])
def test_a_pipe_named_like_a_workbook_is_refused_not_waited_on(tmp_path, readonly):
    """Found by the harness's hang check (reliability/): reading the header of a named pipe
    blocked forever."""
    pipe = tmp_path / "pipa.lkip"
    os.mkfifo(pipe)
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(WorkbookService.open, pipe, readonly=readonly)
        try:
            with pytest.raises(StoreError, match="bukan berkas biasa"):
                future.result(timeout=20)
        finally:
            if not future.done():  # the old behaviour: free the blocked reader so the test ends
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipa.lkip"]


@pytest.mark.parametrize("case", sorted(ROWS))
def test_a_damaged_row_is_refused_naming_table_and_row(demo_path, case):
    statements, message = ROWS[case]
    _damage(demo_path, *statements)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    for readonly in (False, True):
        with pytest.raises(StoreError, match=message):
            WorkbookService.open(demo_path, readonly=readonly)
    # the window's open reads some rows after its first paint: refused all the same, before
    # any write (the open itself, or the check the window runs just after it)
    with pytest.raises(StoreError, match=message):
        with WorkbookService.open(demo_path, check_later=True) as svc:
            svc.check_integrity()
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert [p.name for p in demo_path.parent.iterdir() if p.name.startswith("demo")] == ["demo.lkip"]


@pytest.mark.parametrize("command", [["summary"], ["check"], ["export", "--pdf", "keluar.pdf"]])
def test_commands_end_with_the_message_on_a_damaged_file(demo_path, command):
    _damage(demo_path, *ROWS["siklus-anggaran"][0])
    args = [command[0], str(demo_path)] + [str(demo_path.parent / a) if a.endswith(".pdf") else a
                                             for a in command[1:]]
    result = subprocess.run([sys.executable, "-m", "lkip_desktop", *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "budget_item" in result.stderr + result.stdout


def test_a_healthy_demo_and_the_old_formats_pass(demo_path):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert svc.wb.items and svc.wb.indicators


@pytest.mark.parametrize("case", sorted(ROWS))
@pytest.mark.parametrize("command", ["summary", "check"])
def test_every_damage_ends_commands_with_the_message_in_process(demo_path, case, command, capsys):
    from lkip_desktop.cli import main

    _damage(demo_path, *ROWS[case][0])
    assert main([command, str(demo_path)]) == 1
    assert "Galat:" in capsys.readouterr().err
