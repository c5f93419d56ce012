"""Budget totals of the whole tree in one walk (domain/totals.py), the navigation index and an
IKU's supporting sub kegiatan: each against a plain, slow definition straight from RULES 6.3–6.5
on random trees, malformed ones included (orphans, a kegiatan without children, a sub
kegiatan with children, links at every level)."""

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain import budget as B
from lkip_desktop.domain import model as M
from lkip_desktop.domain.compute import Calculator
from lkip_desktop.domain.effects import ITEM, Touch, affected
from lkip_desktop.domain.navigation import IN_ORDER
from lkip_desktop.domain.totals import BudgetTotals, as_totals, leaf_figures, plain_part, sum_figures, tree_figures


def _random_workbook(rnd: random.Random) -> M.Workbook:
    wb = M.Workbook()
    wb.settings.perubahan_berlaku = rnd.random() < 0.7
    items: list[M.BudgetItem] = []

    def add(level, parent):
        n = len(items)
        rupiah = lambda: rnd.choice([0, rnd.randint(1, 10**9), rnd.randint(1, 10**15), 10**33 + rnd.randint(0, 99)])
        item = M.BudgetItem(id=f"i{n:03d}", level=level, nama=f"n{n}", parent_id=parent,
                            kode=rnd.choice(["", "1.01", "1.02", "2"]), urut=rnd.randint(0, 3),
                            pagu_murni=rupiah(), pagu_perubahan=rupiah(),
                            realisasi=rnd.choice([None, rupiah(), -rnd.randint(1, 1000)]))
        items.append(item)
        return item

    for _ in range(rnd.randint(1, 4)):
        p = add("program", None)
        for _ in range(rnd.randint(0, 4)):
            k = add("kegiatan", p.id)
            for _ in range(rnd.randint(0, 5)):
                s = add("sub_kegiatan", k.id)
                if rnd.random() < 0.1:
                    add("sub_kegiatan", s.id)  # malformed: a sub kegiatan under a sub kegiatan
    add("kegiatan", "gone")  # orphans
    add("sub_kegiatan", "gone")
    wb.items = {i.id: i for i in items}
    for n in range(5):
        ind = M.Indicator(id=f"ind{n}", owner_kind="sasaran", owner_id="s", nama=f"iku {n}", urut=n)
        wb.indicators[ind.id] = ind
        for item in rnd.sample(items, rnd.randint(0, min(8, len(items)))):
            wb.links.add((ind.id, item.id))
    return wb


def _children(wb, item_id):
    return sorted((i for i in wb.items.values() if i.parent_id == item_id), key=lambda o: (o.urut, o.kode, o.id))


def _plain_totals(wb, item) -> BudgetTotals:
    """RULES 6.3–6.4 item by item: a sub kegiatan's own money, else the sums of the children."""
    children = _children(wb, item.id)
    if item.level == "sub_kegiatan" or not children:
        if item.level != "sub_kegiatan":
            return BudgetTotals(0, 0, 0, 0, None, None, None)
        pagu = B.pagu_efektif(item.pagu_murni, item.pagu_perubahan, wb.settings.perubahan_berlaku)
        ser = B.serapan(item.realisasi, pagu)
        return BudgetTotals(item.pagu_murni, item.pagu_perubahan, B.selisih(item.pagu_murni, item.pagu_perubahan),
                            pagu, item.realisasi, ser, B.efisiensi(None, ser, "E2"))
    return _plain_sum([_plain_totals(wb, c) for c in children])


def _plain_sum(parts) -> BudgetTotals:
    murni, perubahan, pagu = (sum(getattr(p, f) for p in parts) for f in ("pagu_murni", "pagu_perubahan", "pagu"))
    reals = [p.realisasi for p in parts if p.realisasi is not None]
    realisasi = sum(reals) if reals else None
    ser = B.serapan(realisasi, pagu)
    return BudgetTotals(murni, perubahan, B.selisih(murni, perubahan), pagu, realisasi, ser, B.efisiensi(None, ser, "E2"))


def _reachable(wb, item) -> bool:
    seen = set()
    while item.parent_id is not None:
        if item.parent_id not in wb.items or item.parent_id in seen:
            return False
        seen.add(item.parent_id)
        item = wb.items[item.parent_id]
    return True


def _plain_leaves(wb, indicator_id):
    """RULES 6.5: a linked item with linked descendants is a heading; the rest count whole."""
    linked = sorted((wb.items[b] for a, b in wb.links if a == indicator_id), key=lambda o: (o.urut, o.kode, o.id))
    ids = {i.id for i in linked}
    headings = {a.id for x in linked for a in wb.ancestors(x.id) if a.id in ids}
    seen = {}
    for item in linked:
        if item.id not in headings:
            for leaf in wb.leaves_under(item.id):
                seen.setdefault(leaf.id, leaf)
    return list(seen.values())


@pytest.mark.parametrize("seed", range(40))
def test_every_total_and_iku_budget_is_the_plain_definition(seed):
    wb = _random_workbook(random.Random(seed))
    calc = Calculator(wb)
    for item in wb.items.values():
        want = _plain_totals(wb, item) if _reachable(wb, item) or item.level == "sub_kegiatan" else None
        got = calc.totals(item.id)
        assert isinstance(got, BudgetTotals)
        if want is not None:
            assert got == want, item.id
    assert set(tree_figures(wb)) == set(wb.items)
    programs = _children(wb, None)
    assert calc.opd_totals() == _plain_sum([_plain_totals(wb, p) for p in programs])
    for ind in wb.indicators.values():
        leaves = _plain_leaves(wb, ind.id)
        assert [x.id for x in calc.supporting_leaves(ind.id)] == [x.id for x in leaves]
        budget = calc.iku_budget(ind.id)
        total = _plain_sum([_plain_totals(wb, x) for x in leaves])
        assert (budget.items, budget.pagu, budget.realisasi, budget.serapan) == (
            tuple(x.id for x in leaves), total.pagu, total.realisasi, total.serapan)


def test_a_sub_kegiatan_with_a_linked_child_is_a_heading():
    wb = M.Workbook()
    wb.items = {i.id: i for i in [
        M.BudgetItem(id="p", level="program", nama="p"),
        M.BudgetItem(id="k", level="kegiatan", nama="k", parent_id="p"),
        M.BudgetItem(id="s", level="sub_kegiatan", nama="s", parent_id="k", pagu_perubahan=10),
        M.BudgetItem(id="t", level="sub_kegiatan", nama="t", parent_id="s", pagu_perubahan=7),
    ]}
    wb.links = {("iku", "s"), ("iku", "t")}
    assert [x.id for x in Calculator(wb).supporting_leaves("iku")] == ["t"]


@pytest.mark.parametrize("seed", range(5))
def test_row_figures_are_selisih_serapan_and_e2(seed):
    rnd = random.Random(seed)
    for _ in range(2000):
        big = rnd.choice([10**3, 10**12, 10**31, 10**32, 10**33, 10**40])
        murni, perubahan, pagu = (rnd.randint(-big, big) for _ in range(3))
        pagu = rnd.choice([pagu, 0, abs(pagu)])
        realisasi = rnd.choice([None, rnd.randint(-big, big), 10**32 - 1, 10**32, -(10**32)])
        ser = B.serapan(realisasi, pagu)
        assert B.row_figures(murni, perubahan, pagu, realisasi) == (
            B.selisih(murni, perubahan), ser, B.efisiensi(None, ser, "E2"))
        if ser is not None:  # the same digits as the plain formula at 34 digits
            from decimal import localcontext
            with localcontext(prec=34):
                assert str(ser) == str(Decimal(realisasi) * 100 / Decimal(pagu))


def _general_leaf(murni, perubahan, realisasi, berlaku):
    pagu = B.pagu_efektif(murni, perubahan, berlaku)
    selisih, ser, sisa = B.row_figures(murni, perubahan, pagu, realisasi)
    return (murni, perubahan, selisih, pagu, realisasi, ser, sisa)


def _outcome(f, *args):
    try:
        return ("ok", f(*args))
    except (TypeError, ValueError) as exc:
        return (type(exc), str(exc))


_amounts = st.one_of(st.integers(-10**40, 10**40), st.sampled_from([0, 10**32 - 1, 10**32, -(10**32)]),
                     st.none(), st.booleans(), st.just(1.5), st.just(Decimal("2")))


@settings(max_examples=3000, deadline=None)
@given(_amounts, _amounts, _amounts, st.booleans())
def test_leaf_row_is_pagu_efektif_then_row_figures(murni, perubahan, realisasi, berlaku):
    fast = _outcome(B.leaf_row, murni, perubahan, realisasi, berlaku)
    assert fast == _outcome(_general_leaf, murni, perubahan, realisasi, berlaku)
    if fast[0] == "ok":  # same digits and the same types (an int pagu stays int)
        assert [type(x) for x in fast[1]] == [type(x) for x in _general_leaf(murni, perubahan, realisasi, berlaku)]


def test_row_figures_refuse_what_the_single_rules_refuse():
    with pytest.raises(TypeError):
        B.row_figures(1, 2, 3, 1.5)
    with pytest.raises(TypeError):
        B.row_figures(True, 2, 3, None)


@pytest.mark.parametrize("seed", range(10))
def test_navigation_lists_are_in_urut_kode_id_order(seed):
    wb = _random_workbook(random.Random(seed))
    for parent in {i.parent_id for i in wb.items.values()}:
        want = sorted((i for i in wb.items.values() if i.parent_id == parent), key=lambda o: (o.urut, o.kode, o.id))
        assert wb.children(parent) == want
    for item in wb.items.values():
        want = sorted((wb.indicators[a] for a, b in wb.links if b == item.id), key=IN_ORDER)
        assert wb.indicators_supported_by(item.id) == want
    wb.links.add(("ind0", "i000"))
    wb.structure_changed()  # the links by item are made again after a structure change
    assert "ind0" in [i.id for i in wb.indicators_supported_by("i000")]


@pytest.mark.parametrize("seed", range(10))
def test_a_sub_kegiatan_s_figures_are_made_when_asked_and_equal_the_eager_ones(seed):
    wb = _random_workbook(random.Random(seed))
    wb.items["plain"] = M.BudgetItem(id="plain", level="sub_kegiatan", nama="x", parent_id=None,
                                     pagu_murni=5, pagu_perubahan=8, realisasi=3)
    figures = tree_figures(wb)
    assert figures["plain"] is None  # not made by the walk
    calc = Calculator(wb)
    berlaku = wb.settings.perubahan_berlaku
    for item in wb.items.values():
        if item.level == "sub_kegiatan":
            assert calc.totals(item.id) == as_totals(leaf_figures(item, berlaku)), item.id
        elif figures[item.id] is not None:
            assert calc.totals(item.id) == as_totals(figures[item.id]), item.id


@pytest.mark.parametrize("seed", range(20))
def test_leaves_asked_in_any_order_and_after_edits_equal_their_own_figures(seed):
    """A sub kegiatan's figures are made with its siblings' (``Calculator._leaf_figures``):
    whatever is asked first, and after an edit forgot some, each is still its own."""
    rnd = random.Random(seed)
    wb = _random_workbook(rnd)
    calc = Calculator(wb)
    berlaku = wb.settings.perubahan_berlaku
    leaves = [i for i in wb.items.values() if i.level == "sub_kegiatan"]
    for _ in range(3):
        rnd.shuffle(leaves)
        for leaf in leaves:
            assert calc.totals(leaf.id) == as_totals(leaf_figures(leaf, berlaku)), leaf.id
        for item in wb.items.values():
            if _reachable(wb, item):
                assert calc.totals(item.id) == _plain_totals(wb, item), item.id
        edited = rnd.choice(leaves)
        edited.realisasi = rnd.choice([None, 0, rnd.randint(1, 10**12)])
        calc.invalidate(affected(wb, [Touch(ITEM, edited.id)]))


def test_the_walk_leaves_no_garbage_for_the_cyclic_collector():
    """Its figures go when their last holder does, not at the next collection (a recursive
    closure kept every figure of a 100x workbook for the collector to find)."""
    import gc

    wb = _random_workbook(random.Random(3))
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        figures = tree_figures(wb)
        assert figures
        del figures
        assert gc.collect() == 0
    finally:
        if was_on:
            gc.enable()


_levels = st.sampled_from(["sub_kegiatan", "sub_kegiatan", "kegiatan", "program"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(_amounts, _amounts, _amounts, _levels), max_size=5), st.booleans())
def test_plain_part_is_the_sum_of_the_leaves_own_figures(rows, berlaku):
    """The part an IKU's budget and the walk read from the items alone: None unless every item
    is a sub kegiatan with int rupiah, else the very sum of their own figures."""
    items = [M.BudgetItem(id=f"i{n}", level=level, nama="x", pagu_murni=m, pagu_perubahan=p, realisasi=r)
             for n, (m, p, r, level) in enumerate(rows)]
    part = plain_part(items, berlaku)
    plain = all(i.level == "sub_kegiatan" and type(i.pagu_murni) is int and type(i.pagu_perubahan) is int
                and (i.realisasi is None or type(i.realisasi) is int) for i in items)
    assert (part is not None) == plain
    if plain:
        want = sum_figures([leaf_figures(i, berlaku) for i in items])
        got = sum_figures([part])
        assert got == want and [type(x) for x in got] == [type(x) for x in want]


@pytest.mark.parametrize("seed", range(10))
def test_an_iku_budget_over_a_leaf_with_odd_rupiah_refuses(seed):
    """Not plain int rupiah: the IKU's budget takes the general path and its refusal, whether the
    calculator walks the tree afresh or has figures from before the edit (invalidated)."""
    rnd = random.Random(seed)
    wb = _random_workbook(rnd)
    odd = rnd.choice([i for i in wb.items.values() if i.level == "sub_kegiatan"])
    wb.links = {("ind0", odd.id)}
    warm = Calculator(wb)
    assert warm.iku_budget("ind0").pagu == warm.totals(odd.id).pagu
    odd.realisasi = rnd.choice([True, 1.5, Decimal("2")])
    warm.invalidate(affected(wb, [Touch(ITEM, odd.id)]))
    for calc in (Calculator(wb), warm):
        with pytest.raises(TypeError):
            calc.iku_budget("ind0")
