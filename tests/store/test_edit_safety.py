"""Edge cases of the write path found in review: crash recovery, undo of subtrees with
links inside them, undo of a first write, oversize numbers, control characters, and a
random edit/undo walk whose memory must always equal the file."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_desktop.edits import links
from lkip_desktop.domain.errors import InputError
from lkip_desktop.store import repository
from lkip_desktop.store.database import StoreError
from lkip_desktop.store.ops import CellRef, DeleteOp, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService

ROOT = Path(__file__).resolve().parents[2]


def test_a_crash_mid_write_is_rolled_back_on_open(demo_path):
    crash = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(demo_path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE budget_item SET nama = nama || ' RUSAK'\")\n"
        "c.execute(\"UPDATE indicator SET nama = nama || ' RUSAK'\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", crash], cwd=ROOT, check=False, timeout=60)
    assert demo_path.with_name(demo_path.name + "-journal").exists()
    with WorkbookService.open(demo_path) as svc:
        assert not any(i.nama.endswith("RUSAK") for i in svc.wb.items.values())
    assert list(demo_path.parent.glob("demo.sebelum-pemulihan-*.lkip-journal"))  # both kept


def test_undo_of_a_subtree_delete_with_links_inside_it(demo):
    program = demo.wb.item_by_kode("1")
    prog_ind = demo.wb.indicators_of(program.id)[0]
    leaf = demo.wb.leaves_under(program.id)[0]
    leaf_ind_id, _ = demo.add("indicator", owner_kind="sub_kegiatan", owner_id=leaf.id, nama="Output uji")
    links.set_link(demo, prog_ind.id, leaf.id, True)
    links.set_link(demo, leaf_ind_id, leaf.id, True)
    links_before = set(demo.wb.links)
    ch = demo.delete("budget_item", program.id)
    demo.apply(ch.inverse, "Batalkan")
    assert set(demo.wb.links) == links_before
    assert leaf_ind_id in demo.wb.indicators


def test_undo_of_a_first_write_removes_the_row(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    ch = demo.set(CellRef("narasi", ("bab1",), "teks"), "Pendahuluan")
    demo.apply(ch.inverse, "Batalkan")
    assert demo.narasi("bab1") == ""
    assert demo.db.conn.execute("SELECT COUNT(*) FROM narasi WHERE kunci = 'bab1'").fetchone()[0] == 0
    demo.delete("budget_quarter", (item.id, 4))
    ch = demo.set(CellRef("budget_quarter", (item.id, 4), "realisasi_keuangan"), 1_000)
    demo.apply(ch.inverse, "Batalkan")
    assert 4 not in demo.wb.items[item.id].quarters
    assert demo.db.conn.execute(
        "SELECT COUNT(*) FROM budget_quarter WHERE item_id = ? AND triwulan = 4", (item.id,)).fetchone()[0] == 0


def test_oversize_numbers_are_refused_with_a_message(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    with pytest.raises(InputError, match="terlalu besar"):
        demo.set_text(CellRef("budget_item", (item.id,), "pagu_murni"), "99.999.999.999.999.999.999")


def test_control_characters_never_reach_the_file(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    demo.set(CellRef("budget_item", (item.id,), "nama"), "Penyusunan\x0bDokumen\x07")
    assert demo.wb.items[item.id].nama == "Penyusunan Dokumen "


@pytest.mark.parametrize("text", ["\ud800", "Dokumen \udfff akhir"])
def test_a_lone_surrogate_is_refused_not_a_unicode_error(demo, text):
    """Found by the harness (reliability/, reference fuzzer): a JSON "\\ud800" reached SQLite
    and raised UnicodeEncodeError."""
    item = demo.wb.item_by_kode("1.2.01.1")
    before = demo.wb.items[item.id].nama
    with pytest.raises(InputError, match="surrogate"):
        demo.set(CellRef("budget_item", (item.id,), "nama"), text)
    assert demo.wb.items[item.id].nama == before


def test_a_row_cannot_be_moved_into_a_signed_pk(demo):
    signed = demo.wb.pk_list()[0]
    draft_id, _ = demo.add("pk_version", jenis="perubahan", tempat="Bekasi")
    row_id, _ = demo.add("pk_sasaran", pk_id=draft_id, sasaran="S", indikator="I", target="1")
    with pytest.raises(InputError, match="ditandatangani"):
        demo.set(CellRef("pk_sasaran", (row_id,), "pk_id"), signed.id)


def test_a_file_with_unknown_columns_is_refused(demo_path):
    conn = sqlite3.connect(demo_path)
    conn.execute("ALTER TABLE opd ADD COLUMN asing TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="tidak dikenal"):
        WorkbookService.open(demo_path)


def _comparable(wb):
    """Everything a workbook holds, in a form that compares by value."""
    out = {}
    for name in ("tujuan", "sasaran", "indicators", "items", "prestasi", "pk_versions", "pk_sasaran", "pk_program"):
        out[name] = {k: repr(v) for k, v in getattr(wb, name).items()}
    out["links"] = sorted(wb.links)
    out["opd"], out["settings"] = repr(wb.opd), repr(wb.settings)
    return out


def test_random_edits_and_undo_keep_memory_equal_to_the_file(demo):
    rng = random.Random(2024)
    start = _comparable(demo.wb)
    undo: list = []
    leaves = [i.id for i in demo.wb.items.values() if i.level == "sub_kegiatan"]
    inds = list(demo.wb.indicators)
    for step in range(60):
        choice = rng.randrange(7)
        item = rng.choice(leaves)
        ind = rng.choice(inds)
        if choice == 0:
            op = SetOp(CellRef("budget_item", (item,), "realisasi"), rng.randrange(0, 10**9))
        elif choice == 1:
            op = SetOp(CellRef("budget_quarter", (item, rng.randint(1, 4)), "realisasi_fisik"),
                       Decimal(rng.randrange(0, 500)) / 10)
        elif choice == 2:
            op = SetOp(CellRef("indicator_value", (ind, 2024, "realisasi", rng.randint(0, 4)), "nilai"),
                       rng.choice([None, Decimal(rng.randrange(0, 2000)) / 10]))
        elif choice == 3:
            on = (ind, item) not in demo.wb.links
            op = InsertOp("dukungan", {"indicator_id": ind, "item_id": item}) if on else DeleteOp("dukungan", (ind, item))
        elif choice == 4:
            op = SetOp(CellRef("narasi", (f"bab{rng.randint(1, 3)}",), "teks"), f"teks {step}")
        elif choice == 5:
            op = InsertOp("prestasi", {"id": f"p{step}", "uraian": f"Prestasi {step}", "urut": 50 + step})
        else:
            kegiatan = demo.wb.items[item].parent_id
            op = DeleteOp("budget_item", (kegiatan,))
        try:
            ch = demo.apply([op], f"langkah {step}")
        except InputError:
            continue
        undo.append(ch.inverse)
        leaves = [i.id for i in demo.wb.items.values() if i.level == "sub_kegiatan"]
        fresh = repository.load(demo.db)
        assert _comparable(fresh) == _comparable(demo.wb), f"step {step}"
    while undo:
        demo.apply(undo.pop(), "Batalkan")
    assert _comparable(demo.wb) == start
    assert _comparable(repository.load(demo.db)) == start
    assert demo.db.conn.execute("SELECT COUNT(*) FROM narasi WHERE kunci LIKE 'bab%'").fetchone()[0] == 0


@pytest.mark.parametrize("text, message", [
    ("9" * 40, "terlalu besar"), ("0,0000001", "belakang koma"), ("A (1.000.000.000.000)", "terlalu besar")])
def test_absurd_indicator_values_are_refused(demo, text, message):
    ikm = next(i for i in demo.wb.iku_list() if i.kode == "IKU-4")
    jenis_ref = CellRef("indicator_value", (ikm.id, 2024, "target", 0), "nilai")
    if text.startswith("A"):
        akip = next(i for i in demo.wb.iku_list() if i.kode == "IKU-3")
        jenis_ref = CellRef("indicator_value", (akip.id, 2024, "realisasi", 0), "nilai")
    with pytest.raises(InputError, match=message):
        demo.set_text(jenis_ref, text)


def test_a_huge_formula_result_is_an_error_not_a_realisasi(demo):
    ikk = next(i for i in demo.wb.iku_list() if i.kode == "IKU-1")
    demo.set(CellRef("indicator", (ikk.id,), "rumus_komponen"), "jumlah_ikk_meningkat * jumlah_ikk * 10000000000000")
    result = demo.calc.indicator(ikk.id)
    assert result.realisasi.value is None and "terlalu besar" in result.realisasi.error


def test_exports_never_overwrite_a_workbook(demo, demo_path, tmp_path):
    from lkip_desktop.cli import main as cli_main
    from lkip_desktop.store.database import StoreError, check_output_path

    demo.close()
    other = tmp_path / "lain.lkip"
    other.write_bytes(demo_path.read_bytes())
    before = demo_path.read_bytes()
    assert cli_main(["export", str(demo_path), "--pdf", str(demo_path)]) == 1
    assert cli_main(["export-json", str(demo_path), str(other)]) == 1
    assert cli_main(["pk", str(demo_path), "--pdf", str(tmp_path / "x.lkip")]) == 1
    assert cli_main(["demo", str(other)]) == 1
    disguised = tmp_path / "laporan.pdf"
    disguised.write_bytes(before)
    with pytest.raises(StoreError):
        check_output_path(disguised)
    assert demo_path.read_bytes() == before and other.read_bytes() == before


def test_a_new_workbook_measures_serapan_on_pagu_murni(tmp_path):
    with WorkbookService.create(tmp_path / "baru.lkip", tahun=2025) as svc:
        assert svc.wb.settings.perubahan_berlaku is False  # RULES 6.3: before the APBD-P
        pid, _ = svc.add("budget_item", level="program", parent_id=None, kode="1", nama="P")
        kid, _ = svc.add("budget_item", level="kegiatan", parent_id=pid, kode="1.1", nama="K")
        svc.add("budget_item", level="sub_kegiatan", parent_id=kid, kode="1.1.1", nama="S",
                pagu_murni=100_000_000, realisasi=50_000_000)
        assert svc.calc.opd_totals().serapan == Decimal(50)
