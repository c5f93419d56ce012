"""The one write path: transaction + audit + memory + recompute + inverse ops."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from lkip_desktop.edits import links, values
from lkip_desktop.domain.errors import FormulaError, InputError
from lkip_desktop.domain.numbers import round_half_up
from lkip_desktop.store.ops import CellRef, DeleteOp, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def iku(svc, kode):
    return next(i for i in svc.wb.iku_list() if i.kode == kode)


def realisasi_ref(ind, tahun=2024):
    return CellRef("indicator_value", (ind.id, tahun, "realisasi", 0), "nilai")


def test_edit_recomputes_capaian_and_average(demo):
    ikm = iku(demo, "IKU-4")
    ch = demo.set_text(realisasi_ref(ikm), "91,30")
    assert ikm.id in ch.affected.indicators
    assert demo.calc.indicator(ikm.id).capaian.value == Decimal("91.30") * 100 / 83
    assert round_half_up(demo.calc.opd_average().value) == Decimal("112.99")  # 112,9890
    # stored exactly as typed, as TEXT (never REAL)
    row = demo.db.conn.execute(
        "SELECT nilai, typeof(nilai) FROM indicator_value WHERE indicator_id = ? AND tahun = 2024 "
        "AND jenis_nilai = 'realisasi'", (ikm.id,)).fetchone()
    assert row == ("91.30", "text")


def test_inverse_ops_undo_an_edit(demo):
    ikm = iku(demo, "IKU-4")
    ch = demo.set_text(realisasi_ref(ikm), "70")
    demo.apply(ch.inverse, "Batalkan")
    assert demo.get(realisasi_ref(ikm)) == Decimal("88.13")
    assert round_half_up(demo.calc.opd_average().value) == Decimal("112.23")


def test_every_change_writes_an_audit_row_and_can_be_restored(demo):
    ikm = iku(demo, "IKU-4")
    ref = realisasi_ref(ikm)
    demo.set_text(ref, "89")
    demo.set_text(ref, "90,5")
    history = demo.history(ref)
    assert [(e.lama, e.baru) for e in history[:2]] == [(Decimal("89"), Decimal("90.5")), (Decimal("88.13"), Decimal("89"))]
    assert history[0].pengguna and history[0].waktu
    values.restore(demo, history[1])  # back to the value before the first change
    assert demo.get(ref) == Decimal("88.13")
    assert demo.history(ref)[0].baru == Decimal("88.13")


@pytest.mark.parametrize("field, text, message", [
    ("pagu_murni", "-5.000.000", "negatif"),
    ("pagu_murni", "lima juta", "bukan angka"),
    ("pagu_perubahan", "1.234,5", "bulat"),
])
def test_bad_budget_input_is_refused_and_changes_nothing(demo, demo_path, field, text, message):
    item = demo.wb.item_by_kode("1.2.01.1")
    before_file = digest(demo_path)
    before_value = getattr(item, field)
    with pytest.raises(InputError, match=message):
        demo.set_text(CellRef("budget_item", (item.id,), field), text)
    assert getattr(demo.wb.items[item.id], field) == before_value
    assert digest(demo_path) == before_file


def test_negative_pagu_refused_even_past_the_parser(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    with pytest.raises(InputError):
        demo.set(CellRef("budget_item", (item.id,), "pagu_murni"), -1)
    with pytest.raises(TypeError):
        demo.set(CellRef("budget_item", (item.id,), "pagu_murni"), 1.5)  # never a float


def test_text_in_a_number_cell_is_refused(demo):
    ikm = iku(demo, "IKU-4")
    with pytest.raises(InputError):
        demo.set_text(realisasi_ref(ikm), "delapan puluh")
    assert demo.get(realisasi_ref(ikm)) == Decimal("88.13")


def test_bad_formula_is_refused(demo):
    ikk = iku(demo, "IKU-1")
    with pytest.raises(FormulaError):
        demo.set(CellRef("indicator", (ikk.id,), "rumus_komponen"), "jumlah_ikk_meningkat / (jumlah_ikk")
    assert demo.wb.indicators[ikk.id].rumus_komponen == "jumlah_ikk_meningkat / jumlah_ikk * 100"


def test_komponen_edit_recomputes_the_composite(demo):
    ikk = iku(demo, "IKU-1")
    demo.set_text(CellRef("komponen", (ikk.id, 2024, "jumlah_ikk_meningkat"), "nilai"), "66")
    result = demo.calc.indicator(ikk.id)
    assert result.realisasi.source == "komponen"
    assert result.realisasi.worked == "66 : 121 × 100 = 54,55"
    # division by zero in the komponen: no realisasi, a clear reason, no crash
    demo.set_text(CellRef("komponen", (ikk.id, 2024, "jumlah_ikk"), "nilai"), "0")
    result = demo.calc.indicator(ikk.id)
    assert result.realisasi.value is None and "nol" in result.realisasi.error
    assert result.capaian.value is None


def test_parent_totals_follow_children(demo):
    item = demo.wb.item_by_kode("1.2.01.1")
    program = demo.wb.ancestors(item.id)[-1]
    before = demo.calc.totals(program.id).pagu_perubahan
    demo.set_text(CellRef("budget_item", (item.id,), "pagu_perubahan"), "185.000.000")
    assert demo.calc.totals(program.id).pagu_perubahan == before + 1_000_000
    assert demo.calc.opd_totals().pagu_perubahan == 235_997_078_013 + 1_000_000


def test_delete_subtree_and_undo_restores_everything(demo):
    program = demo.wb.item_by_kode("2")
    n_items, n_links, n_inds = len(demo.wb.items), len(demo.wb.links), len(demo.wb.indicators)
    ch = demo.delete("budget_item", program.id)
    assert program.id not in demo.wb.items and len(demo.wb.items) < n_items
    assert demo.calc.opd_totals().pagu_murni == 229_444_689_696 - 60_311_339_500
    demo.apply(ch.inverse, "Batalkan")
    assert (len(demo.wb.items), len(demo.wb.links), len(demo.wb.indicators)) == (n_items, n_links, n_inds)
    assert demo.calc.opd_totals().pagu_murni == 229_444_689_696
    # the same ids came back
    assert demo.wb.item_by_kode("2").id == program.id


def test_add_items_and_tree_levels_are_checked(demo):
    pid, _ = demo.add("budget_item", level="program", parent_id=None, kode="9", nama="Program Baru")
    kid, _ = demo.add("budget_item", level="kegiatan", parent_id=pid, kode="9.1", nama="Kegiatan Baru")
    with pytest.raises(InputError, match="di bawah kegiatan"):
        demo.add("budget_item", level="sub_kegiatan", parent_id=pid, kode="9.1.1", nama="Salah tempat")
    sid, _ = demo.add("budget_item", level="sub_kegiatan", parent_id=kid, kode="9.1.1", nama="Sub Baru",
                      pagu_murni=1_000, pagu_perubahan=2_000, realisasi=1_500)
    assert demo.calc.totals(pid).serapan == Decimal(75)
    assert [i.id for i in demo.wb.children(kid)] == [sid]


def test_signed_pk_is_locked(demo):
    pk = next(p for p in demo.wb.pk_list() if p.jenis == "murni")
    assert pk.ditandatangani
    with pytest.raises(InputError, match="ditandatangani"):
        demo.set(CellRef("pk_version", (pk.id,), "pihak1_golongan"), "IV.e")
    row = demo.wb.pk_program_rows(pk.id)[0]
    with pytest.raises(InputError, match="ditandatangani"):
        demo.set(CellRef("pk_program", (row.id,), "anggaran"), 1)
    with pytest.raises(InputError):
        demo.delete("pk_version", pk.id)
    # a later profile edit never rewrites the signed party data
    demo.set_text(CellRef("opd", (1,), "kepala_golongan"), "IV.e")
    assert demo.wb.pk_versions[pk.id].pihak1_golongan == "IV.c"


def test_one_apply_is_one_transaction(demo, demo_path):
    ikm = iku(demo, "IKU-4")
    item = demo.wb.item_by_kode("1.2.01.1")
    before = digest(demo_path)
    ops = [SetOp(realisasi_ref(ikm), Decimal("95")),
           SetOp(CellRef("budget_item", (item.id,), "pagu_murni"), -10)]
    with pytest.raises(InputError):
        demo.apply(ops, "Tempel")
    assert digest(demo_path) == before
    assert demo.get(realisasi_ref(ikm)) == Decimal("88.13")


def test_memory_matches_the_file_after_edits(demo, demo_path):
    ikm = iku(demo, "IKU-4")
    demo.set_text(realisasi_ref(ikm), "90")
    item = demo.wb.item_by_kode("1.2.01.1")
    demo.set_text(CellRef("budget_quarter", (item.id, 3), "realisasi_fisik"), "9")
    pid, _ = demo.add("prestasi", uraian="Penghargaan baru", pemberi="Gubernur")
    demo.close()
    with WorkbookService.open(demo_path, readonly=True) as again:
        assert again.calc.indicator(ikm.id).realisasi.value == Decimal("90")
        assert again.wb.items[item.id].quarters[3].realisasi_fisik == Decimal("9")
        assert again.wb.prestasi[pid].uraian == "Penghargaan baru"


def test_readonly_refuses_edits(demo_path):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        with pytest.raises(InputError, match="baca-saja"):
            svc.set(CellRef("opd", (1,), "nama"), "X")


def test_links_can_be_toggled(demo):
    ikm = iku(demo, "IKU-4")
    item = demo.wb.item_by_kode("2.2.01.1")
    before = demo.calc.iku_budget(ikm.id).pagu
    links.set_link(demo, ikm.id, item.id, True)
    assert demo.calc.iku_budget(ikm.id).pagu == before + item.pagu_perubahan
    links.set_link(demo, ikm.id, item.id, False)
    assert demo.calc.iku_budget(ikm.id).pagu == before


def test_insert_with_unknown_column_is_refused(demo):
    with pytest.raises(InputError, match="tidak dikenal"):
        demo.apply([InsertOp("prestasi", {"id": "x", "uraian": "a", "jahat": "1"})], "x")
    with pytest.raises(InputError):
        demo.apply([DeleteOp("tabel_asing", ("x",))], "x")


def test_incremental_totals_equal_a_fresh_calculator(demo):
    import random

    from lkip_desktop.domain.compute import Calculator

    rng = random.Random(7)
    leaves = [i for i in demo.wb.items.values() if i.level == "sub_kegiatan"]
    for _ in range(30):
        item = rng.choice(leaves)
        field = rng.choice(["pagu_murni", "pagu_perubahan", "realisasi"])
        demo.set(CellRef("budget_item", (item.id,), field), rng.randrange(0, 10**10))
        demo.calc.opd_totals()  # read between edits so the cache is partly stale, partly fresh
    fresh = Calculator(demo.wb)
    for item in demo.wb.items.values():
        assert demo.calc.totals(item.id) == fresh.totals(item.id)
    assert demo.calc.opd_totals() == fresh.opd_totals()


def test_bulk_inserts_are_audited_per_table(demo):
    from lkip_desktop.store.service import BULK_AUDIT_ROWS

    before = demo.db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    ops = [InsertOp("prestasi", {"id": f"p{n}", "uraian": f"Penghargaan {n}", "urut": 100 + n})
           for n in range(BULK_AUDIT_ROWS + 1)]
    ch = demo.apply(ops, "Impor prestasi")
    rows = demo.db.conn.execute("SELECT tabel, baru, label FROM audit WHERE id > (SELECT MAX(id) - 1 FROM audit)").fetchall()
    assert demo.db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before + 1
    assert rows == [("prestasi", '{"baris": 501}', "Impor prestasi")]
    demo.apply(ch.inverse, "Batalkan")  # undo still removes every row
    assert not any(p.startswith("p") and p[1:].isdigit() for p in demo.wb.prestasi)


PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5f1d8a90000000049454e44ae426082")


def test_logo_is_kept_in_the_workbook_and_travels_in_json(demo, tmp_path):
    from lkip_desktop.exchange import jsonio

    demo.set(CellRef("opd", (1,), "logo"), PNG_1PX)
    assert demo.wb.opd.logo == PNG_1PX
    with pytest.raises(InputError, match="PNG atau JPEG"):
        demo.set(CellRef("opd", (1,), "logo"), b"MZ\x90\x00 not an image")
    assert demo.history(CellRef("opd", (1,), "logo"))[0].baru == PNG_1PX
    jsonio.export_json(demo, tmp_path / "a.json")
    with jsonio.import_json(tmp_path / "a.json", tmp_path / "b.lkip") as again:
        assert again.wb.opd.logo == PNG_1PX


def test_running_opd_average_equals_a_fresh_calculator(demo):
    """The OPD average is kept up to date from each edit's record (domain.running_mean):
    after typed, cleared and undone realisasi, a deleted IKU and its undo, it is the
    average a cold Calculator computes, this year and last."""
    import random
    from decimal import Decimal

    from lkip_desktop.domain.compute import Calculator
    from lkip_desktop.edits import cells, rows

    rng = random.Random(11)
    tahun = demo.wb.settings.tahun
    undo = []
    for step in range(40):
        if step == 20:
            undo.append(rows.delete(demo, "indicator", demo.wb.iku_list()[0].id))
        elif step == 30:
            demo.apply(undo.pop().inverse, "Batalkan")
        ind = rng.choice([i for i in demo.wb.iku_list() if i.jenis != "predikat" and not i.rumus_komponen])
        year = rng.choice([tahun, tahun - 1])
        value = None if step % 7 == 3 else Decimal(rng.randrange(1, 10**9)).scaleb(-rng.choice([0, 2, 6]))
        undo.append(demo.set(cells.realisasi(ind.id, year), value))
        if step % 5 == 4:
            demo.apply(undo.pop().inverse, "Batalkan")
        demo.calc.opd_average(), demo.calc.opd_average(tahun - 1)  # read between edits
    fresh = Calculator(demo.wb)
    assert demo.calc.opd_average() == fresh.opd_average()
    assert demo.calc.opd_average(tahun - 1) == fresh.opd_average(tahun - 1)
    assert demo.calc.opd_average().counted > 0


def test_loaded_objects_hold_every_stored_column(demo):
    """Objects are built from row tuples by position (repository._put_columns): every stored
    column of every row reaches its object's attribute of the same name, converted."""
    from lkip_desktop.store import repository
    from lkip_desktop.store.schema import TABLES

    collections = {"tujuan": "tujuan", "sasaran": "sasaran", "budget_item": "items", "indicator": "indicators",
                   "prestasi": "prestasi", "pk_version": "pk_versions", "pk_sasaran": "pk_sasaran",
                   "pk_program": "pk_program", "sdm": "sdm"}
    checked = 0
    for table, attr in collections.items():
        fields = TABLES[table].fields
        for row in repository.rows(demo.db, table):
            obj = getattr(demo.wb, attr)[row["id"]]
            for column, stored in row.items():
                want = fields[column].from_db(stored) if column in fields else stored
                assert getattr(obj, column) == want, (table, row["id"], column)
                checked += 1
    for row in repository.rows(demo.db, "budget_quarter"):
        quarter = demo.wb.items[row["item_id"]].quarters[row["triwulan"]]
        for column in set(row) - {"item_id", "triwulan"}:
            assert getattr(quarter, column) == TABLES["budget_quarter"].fields[column].from_db(row[column])
    assert checked > 1000


def test_check_later_holds_writes_until_the_file_passed(demo_path, tmp_path, monkeypatch):
    """An open with check_later (the window's) defers SQLite's page check and the backup
    copy; the first write runs them, and a damaged file takes no write."""
    from lkip_desktop.edits import cells
    from lkip_desktop.store import deferred_check as service_module
    from lkip_desktop.store.errors import StoreError

    folder = tmp_path / "cadangan"
    with WorkbookService.open(demo_path, backup_dir=folder, check_later=True) as svc:
        assert not list(folder.glob("*.lkip"))  # nothing copied before the check
        ind = svc.wb.iku_list()[0]
        ref = cells.realisasi(ind.id, svc.wb.settings.tahun)

        def damaged(conn, name):
            raise StoreError(f"'{name}' rusak (pemeriksaan integritas gagal: uji)")
        monkeypatch.setattr(service_module, "check_integrity", damaged)
        before = svc.wb.indicators[ind.id].values.get(ref.key[1:])
        with pytest.raises(InputError, match="rusak"):
            svc.set(ref, Decimal("12.5"))
        assert svc.wb.indicators[ind.id].values.get(ref.key[1:]) == before
        assert not list(folder.glob("*.lkip"))
        monkeypatch.undo()
        svc.set(ref, Decimal("12.5"))  # the check passes: the backup first, then the write
        assert len(list(folder.glob("*.lkip"))) == 1


def test_the_deferred_check_runs_in_the_background_and_writes_wait_for_it(demo_path, tmp_path, monkeypatch):
    """The window starts the deferred check in a thread (the file stays locked to this
    session: the thread uses its connection); a write waits for it, a failed one is raised
    at the write and again until the file is closed; closing waits for a running check."""
    import threading

    from lkip_desktop.edits import cells
    from lkip_desktop.store import deferred_check
    from lkip_desktop.store.errors import StoreError

    gate, seen = threading.Event(), []

    def slow(conn, name):
        seen.append(threading.current_thread().name)
        gate.wait(10)
        conn.execute("PRAGMA quick_check").fetchall()  # the session's connection, from the thread

    monkeypatch.setattr(deferred_check, "check_integrity", slow)
    folder = tmp_path / "cadangan"
    with WorkbookService.open(demo_path, backup_dir=folder, check_later=True) as svc:
        svc.start_integrity_check()
        assert svc.integrity_check_running and not list(folder.glob("*.lkip"))
        gate.set()
        ind = svc.wb.iku_list()[0]
        svc.set(cells.realisasi(ind.id, svc.wb.settings.tahun), Decimal("12.5"))  # waits, then writes
        assert seen == ["cek-berkas"] and not svc.integrity_check_running
        assert len(list(folder.glob("*.lkip"))) == 1

    def damaged(conn, name):
        raise StoreError(f"'{name}' rusak (pemeriksaan integritas gagal: uji)")

    monkeypatch.setattr(deferred_check, "check_integrity", damaged)
    with WorkbookService.open(demo_path, check_later=True) as svc:
        svc.start_integrity_check()
        ind = svc.wb.iku_list()[0]
        for _ in range(2):
            with pytest.raises(InputError, match="rusak"):
                svc.set(cells.realisasi(ind.id, svc.wb.settings.tahun), Decimal("1"))
        with pytest.raises(StoreError, match="rusak"):
            svc.check_integrity()

    gate.clear()
    monkeypatch.setattr(deferred_check, "check_integrity", slow)
    svc = WorkbookService.open(demo_path, check_later=True)
    svc.start_integrity_check()
    threading.Timer(0.3, gate.set).start()
    svc.close()  # waits for the thread before the connection goes
    assert svc.db is None and not svc.integrity_check_running


def test_a_read_only_open_checks_the_pages_beside_its_load_and_waits_for_the_check(demo_path, monkeypatch):
    """SQLite's page check of a read-only open runs in a thread of its own while the rows
    load; the open returns only after it passed, and a failed check refuses the file, with
    its own message even when the load failed too."""
    import sqlite3
    import threading

    from lkip_desktop.store import examine, repository
    from lkip_desktop.store.errors import StoreError

    seen, real = [], examine.check_integrity

    def watched(conn, name):
        seen.append(threading.current_thread().name)
        real(conn, name)

    monkeypatch.setattr(examine, "check_integrity", watched)
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert seen == ["cek-halaman"] and svc.db.read_ahead is None  # waited for and passed
    seen.clear()
    with WorkbookService.open(demo_path) as svc:  # a writer checks before it takes the file
        assert seen == ["MainThread"]

    def damaged(conn, name):
        raise StoreError(f"'{name}' rusak (pemeriksaan integritas gagal: uji)")

    monkeypatch.setattr(examine, "check_integrity", damaged)
    with pytest.raises(StoreError, match="pemeriksaan integritas gagal: uji"):
        WorkbookService.open(demo_path, readonly=True)

    def unreadable(db, progress=None, *, quarters=True):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(repository, "load", unreadable)
    with pytest.raises(StoreError, match="pemeriksaan integritas gagal: uji"):
        WorkbookService.open(demo_path, readonly=True)
