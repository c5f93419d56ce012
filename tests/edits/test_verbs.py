"""The edit verbs on the real service: each names the figures it affected, in one
transaction, and its inverse brings the file back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.edits import cells, links, rows, values


def iku(svc, kode):
    return next(i for i in svc.wb.iku_list() if i.kode == kode)


def leaf_supporting(svc, ind):
    return svc.calc.supporting_leaves(ind.id)[0]


def test_set_realisasi_names_capaian_sasaran_and_average(demo):
    ind = iku(demo, "IKU-4")
    ch = values.set_text(demo, cells.realisasi(ind.id, 2024), "91,30")
    a = ch.affected
    assert a.indicators == {ind.id}
    assert ind.owner_id in a.sasaran and a.opd_average
    assert not a.items and not a.budget_tree and not a.everything
    assert ch.edited("indicator") == {ind.id}
    assert demo.calc.indicator(ind.id).realisasi.value == Decimal("91.30")


def test_pagu_edit_names_the_item_its_ancestors_and_the_iku_it_supports(demo):
    ind = next(i for i in demo.wb.iku_list() if demo.calc.supporting_leaves(i.id))
    leaf = leaf_supporting(demo, ind)
    before = demo.calc.totals(leaf.id).pagu_murni
    ch = values.set_value(demo, cells.item(leaf.id, "pagu_murni"), before + 1000)
    a = ch.affected
    assert leaf.id in a.items
    assert {x.id for x in demo.wb.ancestors(leaf.id)} <= a.items
    assert ind.id in a.iku_budget and a.opd_budget
    assert not a.indicators  # capaian does not read the pagu
    assert demo.calc.totals(leaf.id).pagu_murni == before + 1000  # the cache was told


def test_quarter_edit_leaves_totals_cached_but_names_the_rows(demo):
    leaf = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan")
    ch = values.set_value(demo, cells.quarter(leaf.id, 2, "realisasi_fisik"), Decimal("40"))
    assert leaf.id in ch.affected.quarter_items and not ch.affected.items


def test_link_names_the_iku_budget(demo):
    ind = demo.wb.iku_list()[0]
    leaf = next(i for i in demo.wb.items.values() if i.level == "sub_kegiatan"
                and (ind.id, i.id) not in demo.wb.links)
    ch = links.set_link(demo, ind.id, leaf.id, True)
    assert ind.id in ch.affected.iku_budget
    assert ch.touched("link") == {(ind.id, leaf.id)}
    assert links.set_link(demo, ind.id, leaf.id, True) is None  # nothing differs
    demo.apply(ch.inverse, "Batalkan")
    assert (ind.id, leaf.id) not in demo.wb.links


def test_settings_edit_affects_everything(demo):
    ch = values.set_value(demo, cells.setting("batas_capaian"), Decimal("120"))
    assert ch.everything and ch.affected.opd_average


def test_add_item_numbers_after_parent_and_refuses_a_wrong_parent(demo):
    keg = next(i for i in demo.wb.items.values() if i.level == "kegiatan")
    new = rows.add_item(demo, "sub_kegiatan", keg.id)
    item = demo.wb.items[new]
    assert item.parent_id == keg.id and item.kode.startswith(keg.kode + ".")
    with pytest.raises(InputError):
        rows.add_item(demo, "sub_kegiatan", None)
    ch = rows.delete(demo, "sub_kegiatan", new)
    assert "item" in ch.reshaped and ch.affected.budget_tree
    assert new not in demo.wb.items


def test_rows_add_and_move(demo):
    tid = rows.add_tujuan(demo)
    sid = rows.add_sasaran(demo, tid)
    first = rows.add_indicator(demo, "sasaran", sid, "A")
    second = rows.add_indicator(demo, "sasaran", sid, "B")
    assert [i.id for i in demo.wb.indicators_of(sid)] == [first, second]
    ch = rows.move(demo, "indicator", demo.wb.indicators_of(sid), second, -1, "Naikkan")
    assert "indicator" in ch.reshaped
    assert [i.id for i in demo.wb.indicators_of(sid)] == [second, first]
    assert rows.move(demo, "indicator", demo.wb.indicators_of(sid), second, -1, "Naikkan") is None


def test_set_texts_refuses_the_whole_block_on_one_bad_cell(demo):
    a, b = demo.wb.iku_list()[:2]
    before = (a.typed_realisasi(2024), b.typed_realisasi(2024))
    with pytest.raises(InputError):
        values.set_texts(demo, [(cells.realisasi(a.id, 2024), "12"), (cells.realisasi(b.id, 2024), "abc")], "Tempel")
    assert (a.typed_realisasi(2024), b.typed_realisasi(2024)) == before


def test_rename_komponen_keeps_the_value(demo):
    ind = next(i for i in demo.wb.indicators.values() if i.komponen.get(2024))
    old, value = next(iter(ind.komponen[2024].items()))
    ch = values.rename_komponen(demo, ind.id, 2024, old, "baru")
    assert ind.id in ch.affected.indicators
    assert demo.wb.indicators[ind.id].komponen[2024]["baru"] == value and old not in ind.komponen[2024]
    with pytest.raises(InputError):
        values.rename_komponen(demo, ind.id, 2024, "baru", "")


def test_restore_brings_back_the_old_value(demo):
    ind = iku(demo, "IKU-4")
    ref = cells.realisasi(ind.id, 2024)
    old = demo.get(ref)
    values.set_text(demo, ref, "70")
    entry = demo.history(ref)[0]
    values.restore(demo, entry)
    assert demo.get(ref) == old


def test_place_and_describe_speak_workbook_words(demo):
    ind = iku(demo, "IKU-4")
    p = cells.place_of(cells.realisasi(ind.id, 2024, 2))
    assert (p.kind, p.id, p.value, p.tahun, p.periode) == ("indicator", ind.id, "realisasi", 2024, 2)
    assert cells.owner(cells.quarter("x", 3, "target_fisik")) == ("item_quarter", "x")
    assert "TW II" in cells.describe(demo.wb, cells.realisasi(ind.id, 2024, 2))
