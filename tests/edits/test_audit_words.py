"""Riwayat in plain Indonesian: field labels, the row's name, formatted old -> new values,
on the demo's real audit rows after a few edits."""

from __future__ import annotations

import datetime

from lkip_desktop.edits import cells, rows, values
from lkip_desktop.store.labels import FIELD_LABELS, field_label
from lkip_desktop.store.schema import TABLES


def test_every_stored_field_has_a_label():
    for name, table in TABLES.items():
        assert set(FIELD_LABELS[name]) == set(table.fields), name
    assert field_label("budget_quarter", "realisasi_keuangan_persen") == "Realisasi keuangan (%)"
    assert field_label("asing", "kolom") == "kolom"  # a foreign audit row keeps its name


def _rows(demo, n):
    return [(cells.entry_label(e, demo.wb), cells.entry_value(e, "lama"), cells.entry_value(e, "baru"))
            for e in demo.history(None, limit=n)]


def test_audit_rows_in_words(demo):
    wb = demo.wb
    ind = wb.iku_list()[0]
    leaf = next(it for it in wb.walk_budget() if it[0].level == "sub_kegiatan")[0]
    old_pagu = leaf.pagu_murni
    values.set_text(demo, cells.realisasi(ind.id, 2024, 2), "44,5")
    values.set_text(demo, cells.quarter(leaf.id, 2, "realisasi_keuangan_persen"), "12,5")
    values.set_text(demo, cells.item(leaf.id, "pagu_murni"), "150.000.000")
    demo.set(cells.indicator(ind.id, "kumulatif"), True)
    pid = rows.add_prestasi(demo)
    demo.set(cells.prestasi(pid, "tanggal"), datetime.date(2024, 12, 16))
    got = _rows(demo, 6)
    assert got[0] == ("Prestasi · Tanggal · Prestasi baru", "(kosong)", "16 Desember 2024")
    assert got[1] == ("Prestasi · Prestasi baru", "", "Prestasi baru")
    assert got[2] == (f"Indikator · Kumulatif · {ind.kode} {ind.nama}", "Tidak", "Ya")
    name = f"{leaf.kode} {leaf.nama}"
    assert got[3][0] == f"Program/Kegiatan/Sub Kegiatan · Pagu murni (Rp) · {name}"
    assert got[3][1:] == (f"Rp {old_pagu:,}".replace(",", "."), "Rp 150.000.000")
    assert got[4] == (f"Triwulan · Realisasi keuangan (%) · {name} · TW II", "(kosong)", "12,5")
    assert got[5] == (f"Target/Realisasi · Nilai · {ind.kode} {ind.nama} · realisasi 2024 TW II", "(kosong)", "44,5")
    for label, old, new in got:
        assert "{" not in label + old + new and "_" not in label  # no JSON keys, no column names


def test_bulk_rows_and_removed_rows(demo):
    history = demo.history(None, limit=500)
    bulk = next(e for e in history if e.tabel == "dukungan" and e.aksi == "tambah")
    assert cells.entry_value(bulk, "baru").endswith(" baris")
    pid = rows.add_prestasi(demo)
    rows.delete(demo, "prestasi", pid)
    gone = demo.history(None, limit=1)[0]
    assert gone.aksi == "hapus"
    assert cells.entry_label(gone, demo.wb) == "Prestasi · Prestasi baru"  # the name from the removed row
    assert cells.entry_value(gone, "lama") == "Prestasi baru"


def test_value_text_kinds():
    assert cells.value_text("settings", "tahun", 2024) == "2024"
    assert cells.value_text("budget_item", "realisasi", 0) == "Rp 0"
    assert cells.value_text("opd", "logo", b"x" * 4096) == "(gambar, 4 KB)"
    assert cells.value_text("settings", "perubahan_berlaku", False) == "Tidak"

