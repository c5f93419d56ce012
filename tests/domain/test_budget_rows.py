"""Row-level budget figures: capaian of a program/kegiatan/sub kegiatan row (mean of its own
indicators) with E2 beside it, and program groups (kelompok) with their subtotals."""

from decimal import Decimal as D

from lkip_desktop.domain import model as M
from lkip_desktop.domain.budget import program_groups, row_capaian
from lkip_desktop.domain.compute import Calculator


def test_row_capaian_is_the_plain_mean_leaving_out_missing():
    assert row_capaian([D("100"), D("50"), None]) == (D("75"), 2, 3)
    assert row_capaian([]) == (None, 0, 0)
    assert row_capaian([None]) == (None, 0, 1)
    value, _, _ = row_capaian([D("100"), D("100"), D("101")])
    assert D("100.3333") < value < D("100.3334")  # unrounded: 100.333…, not 100.33


def _item(id_, level, parent=None, kelompok="", **kw):
    return M.BudgetItem(id=id_, level=level, nama=id_, parent_id=parent, kelompok=kelompok, **kw)


def test_program_groups_keep_first_appearance_and_order():
    a, b, c, d = (_item("a", "program", kelompok="BLU"), _item("b", "program", kelompok="Non-BLU"),
                  _item("c", "program", kelompok=" BLU "), _item("d", "program"))
    assert program_groups([a, b, c, d]) == [("BLU", [a, c]), ("Non-BLU", [b]), ("", [d])]
    assert program_groups([d]) == [("", [d])]


def _workbook() -> M.Workbook:
    wb = M.Workbook()
    wb.settings.tahun = 2024
    for item in [
        _item("p1", "program", kelompok="BLU"), _item("k1", "kegiatan", "p1"),
        _item("s1", "sub_kegiatan", "k1", pagu_murni=1000, pagu_perubahan=1000, realisasi=900),
        _item("p2", "program", kelompok="BLU"), _item("k2", "kegiatan", "p2"),
        _item("s2", "sub_kegiatan", "k2", pagu_murni=3000, pagu_perubahan=3000, realisasi=1500),
        _item("p3", "program", kelompok="Non-BLU"), _item("k3", "kegiatan", "p3"),
        _item("s3", "sub_kegiatan", "k3", pagu_murni=500, pagu_perubahan=500, realisasi=500),
    ]:
        wb.items[item.id] = item
    for n, (owner, kind, target, real) in enumerate([("k1", "kegiatan", "10", "9"), ("k1", "kegiatan", "4", "5"),
                                                      ("k1", "kegiatan", "8", None)]):
        ind = M.Indicator(id=f"i{n}", owner_kind=kind, owner_id=owner, nama=f"I{n}")
        ind.values[(2024, "target", 0)] = D(target)
        if real is not None:
            ind.values[(2024, "realisasi", 0)] = D(real)
        wb.indicators[ind.id] = ind
    wb.structure_changed()
    return wb


def test_item_capaian_and_e2_of_a_row():
    calc = Calculator(_workbook())
    got = calc.item_capaian("k1")
    assert got.value == D("107.5") and (got.counted, got.total) == (2, 3)
    assert calc.item_capaian("s1").value is None  # a row without indicators of its own
    assert calc.totals("k1").efisiensi_sisa == D("10")  # E2 = 100 − 90


def test_group_totals_sum_integers_and_take_serapan_of_the_sums():
    calc = Calculator(_workbook())
    blu = calc.group_totals("BLU")
    assert (blu.pagu, blu.realisasi) == (4000, 2400) and isinstance(blu.pagu, int)
    assert blu.serapan == D("60") and blu.efisiensi_sisa == D("40")
    assert calc.group_totals("Non-BLU").realisasi == 500
    assert calc.group_totals("Lain").pagu == 0
