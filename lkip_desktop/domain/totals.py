"""Budget totals of every item (RULES 6.3–6.4), the whole tree in one walk, child before parent.

A sub kegiatan's figures come from its own pagu and realisasi; a program's or kegiatan's are
the sums of its children's, serapan then taken of the sums. Figures are kept as plain tuples in
``BudgetTotals`` field order: there are 50,000 at city scale, and a tuple of numbers is no work
for the garbage collector, where an object per item would make every full collection longer.
A sub kegiatan's own figures are made when first asked (``tree_figures``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, NamedTuple

from . import budget as B
from .model import BudgetItem, Workbook


class BudgetTotals(NamedTuple):
    """Totals of one budget row (or of a sum of rows)."""

    pagu_murni: int
    pagu_perubahan: int
    selisih: int
    pagu: int  # the pagu serapan is measured against (RULES 6.3)
    realisasi: int | None
    serapan: Decimal | None
    efisiensi_sisa: Decimal | None  # E2, for item rows (RULES 7)


Figures = tuple  # a BudgetTotals' fields, in its order
PAGU = 3  # where a Figures holds the pagu
NO_FIGURES: Figures = (0, 0, 0, 0, None, None, None)  # a program or kegiatan without sub kegiatan


def as_totals(figures: Figures) -> BudgetTotals:
    return tuple.__new__(BudgetTotals, figures)


def leaf_figures(item: BudgetItem, perubahan_berlaku: bool) -> Figures:
    """A sub kegiatan's own figures; a program or kegiatan without children has none."""
    if item.level != "sub_kegiatan":
        return NO_FIGURES
    return B.leaf_row(item.pagu_murni, item.pagu_perubahan, item.realisasi, perubahan_berlaku)


def rupiah_part(item: BudgetItem, perubahan_berlaku: bool) -> Figures:
    """A sub kegiatan as a part of a sum: only the rupiah ``sum_figures`` reads (murni,
    perubahan, -, pagu, realisasi), without its own serapan (a Decimal division per row)."""
    murni, perubahan = item.pagu_murni, item.pagu_perubahan
    return (murni, perubahan, None, B.pagu_efektif(murni, perubahan, perubahan_berlaku), item.realisasi)


def plain_part(leaves: Iterable[BudgetItem], perubahan_berlaku: bool) -> Figures | None:
    """Sub kegiatan with plain int rupiah as one part of a sum, shaped as ``rupiah_part`` (int
    addition: summing them first changes nothing), read from the items alone; None as soon as
    one is not such a sub kegiatan (then ``leaf_figures`` has the checks and the errors)."""
    murni = perubahan = 0
    realisasi = None
    for item in leaves:
        m, p, r = item.pagu_murni, item.pagu_perubahan, item.realisasi
        plain = type(m) is int and type(p) is int and (r is None or type(r) is int)
        if not plain or item.level != "sub_kegiatan":
            return None
        murni += m
        perubahan += p
        if r is not None:
            realisasi = r if realisasi is None else realisasi + r
    return (murni, perubahan, None, perubahan if perubahan_berlaku else murni, realisasi)


def sum_figures(parts: Iterable[Figures]) -> Figures:
    """Σ of rows (RULES 6.4): pagu and realisasi added, serapan of the sums."""
    murni = perubahan = pagu = 0
    realisasi = None  # stays None when no part has one
    for p in parts:
        murni += p[0]
        perubahan += p[1]
        pagu += p[3]
        if p[4] is not None:
            realisasi = p[4] if realisasi is None else realisasi + p[4]
    selisih, ser, sisa = B.row_figures(murni, perubahan, pagu, realisasi)
    return (murni, perubahan, selisih, pagu, realisasi, ser, sisa)


def tree_figures(wb: Workbook) -> dict[str, Figures | None]:
    """Every item's figures by id, in one walk from the programs down and the sums back up.

    A sub kegiatan with plain int rupiah is None here: its own figures are made when first
    asked (``Calculator`` makes a missing entry from the item, by ``leaf_figures``). Their
    Decimal serapan was most of the walk (0.05 of 0.09 s at 100x) and a screen shows a few
    dozen; the sums above them take the same rupiah, so both ways agree."""
    berlaku = wb.settings.perubahan_berlaku
    out: dict[str, Figures | None] = {}
    children_of = wb.budget_children()
    _visit(children_of.get(None, []), out, children_of, berlaku)
    if len(out) != len(wb.items):  # items whose parent went missing still get figures
        for item in wb.items.values():
            if item.id not in out:
                out[item.id] = leaf_figures(item, berlaku)
    return out


def _visit(items: list[BudgetItem], out: dict, children_of: dict, berlaku: bool) -> list[Figures]:
    """The figures of ``items`` into ``out``, returned as parts of their parent's sum; a plain
    sub kegiatan is None in ``out`` (made when asked: row_figures' int path, never an error).
    A module function, not a closure: a recursive closure is a reference cycle that kept ``out``
    (50,000 figures at 100x) for the cyclic collector after its calculator let go of it."""
    part = plain_part(items, berlaku)
    if part is not None:  # the common case: a kegiatan's sub kegiatan, all plain
        for item in items:
            out[item.id] = None
        return [part]
    parts = []
    for item in items:
        if item.level == "sub_kegiatan":  # a leaf even with children (malformed)
            part = plain_part((item,), berlaku)
            if part is not None:
                out[item.id] = None
                parts.append(part)
                continue
            t = leaf_figures(item, berlaku)
        else:
            children = children_of.get(item.id)
            t = sum_figures(_visit(children, out, children_of, berlaku)) if children else NO_FIGURES
        out[item.id] = t
        parts.append(t)
    return parts
