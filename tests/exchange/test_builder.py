"""The one builder of a new workbook's rows (carry-over, reference loader, bench generator)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.exchange.builder import NewWorkbook
from lkip_desktop.store.ops import InsertOp, SetOp


def _ids():
    n = iter(range(1, 1000))
    return lambda: f"id{next(n)}"


def test_rows_get_ids_only_where_keyed_by_id_and_are_counted():
    book = NewWorkbook(new_id=_ids())
    tid = book.insert("tujuan", kode="T1", nama="Tujuan", urut=1)
    given = book.insert("sasaran", id="S", tujuan_id=tid, kode="S1", nama="Sasaran", urut=1)
    value = book.insert("indicator_value", indicator_id="I", tahun=2024, jenis_nilai="target", periode=0,
                        nilai=Decimal(1))
    assert (tid, given, value) == ("id1", "S", None)
    assert "id" not in book.ops[2].row
    assert book.counts == {"tujuan": 1, "sasaran": 1, "indicator_value": 1}
    assert [r["kode"] for r in book.rows("tujuan")] == ["T1"]


def test_copy_keeps_the_identity_and_applies_changes(demo):
    item = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan" and i.realisasi)
    book = NewWorkbook(new_id=_ids())
    assert book.copy(item, "budget_item", realisasi=None) == item.id
    (op,) = book.ops
    assert isinstance(op, InsertOp) and op.row["kode"] == item.kode and op.row["realisasi"] is None
    assert op.row["pagu_murni"] == item.pagu_murni


def test_write_fills_a_new_file_in_one_go(tmp_path):
    book = NewWorkbook()
    book.set("opd", "nama", "Dinas Uji")
    pid = book.insert("budget_item", level="program", parent_id=None, kode="1", nama="Program", urut=1)
    assert isinstance(book.ops[0], SetOp)
    with book.write(tmp_path / "baru.lkip", "Buat", tahun=2025, renstra_awal=2025, renstra_akhir=2029) as svc:
        assert svc.wb.opd.nama == "Dinas Uji"
        assert svc.wb.items[pid].kode == "1"
        assert svc.wb.settings.tahun == 2025


def test_write_leaves_no_file_when_a_row_is_refused(tmp_path):
    book = NewWorkbook()
    book.insert("budget_item", level="kegiatan", parent_id=None, kode="1.1", nama="Tanpa induk", urut=1)
    with pytest.raises(InputError):
        book.write(tmp_path / "gagal.lkip", "Buat", tahun=2025, renstra_awal=2025, renstra_akhir=2029)
    assert not (tmp_path / "gagal.lkip").exists()
