"""Which figures an edit changes: the one dependency rule.

An edit touches stored things (an indicator's values, a budget item's pagu, a link between
an IKU and a sub kegiatan, the settings ...). ``affected`` turns those touches into the
derived figures that may now read differently: the calculator forgets exactly those, the
service reports them, and every grid repaints exactly those cells. Nobody else walks the
dependencies, so a new derived figure is added here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .model import Workbook

# What a stored thing is, in the workbook's own words (not the file's tables).
INDICATOR = "indicator"  # its targets, realisasi, komponen or its own fields
ITEM = "item"  # a budget item's pagu, realisasi or fields
ITEM_QUARTER = "item_quarter"  # a budget item's quarterly plan or realisasi
LINK = "link"  # id = (indicator id, item id): an IKU supported by a budget item
SETTINGS = "settings"  # conventions: every derived figure
# Things whose rows decide which indicators are IKU (and in what order): the stored tables' names.
IKU_SHAPE = {INDICATOR, "sasaran", "tujuan"}


@dataclass(frozen=True)
class Touch:
    """One stored thing an edit changed. ``rows`` is True when a row was added, removed or
    moved (the shape of a list changed), not only a value."""

    kind: str
    id: Any
    rows: bool = False


@dataclass(frozen=True)
class Affected:
    """The derived figures an edit may have changed, by what they belong to."""

    indicators: frozenset = frozenset()  # target, realisasi, capaian, rating of these indicators
    items: frozenset = frozenset()  # budget totals (pagu, realisasi, serapan, E2) of these items
    quarter_items: frozenset = frozenset()  # quarterly figures of these items (a superset of ``items``)
    iku_budget: frozenset = frozenset()  # pagu / serapan / efisiensi of these IKU
    sasaran: frozenset = frozenset()  # these sasaran averages
    opd_average: bool = False  # the OPD average capaian and everything quoting it
    opd_budget: bool = False  # the OPD totals, serapan and efisiensi
    budget_tree: bool = False  # budget rows added, removed or moved: every total
    iku_set: bool = False  # tujuan, sasaran or indicators added, removed or moved: which indicators are IKU
    everything: bool = False  # a convention changed: every derived figure

    def touches_indicator(self, indicator_id: str) -> bool:
        return self.everything or indicator_id in self.indicators or indicator_id in self.iku_budget

    def touches_item(self, item_id: str) -> bool:
        return self.everything or self.budget_tree or item_id in self.items or item_id in self.quarter_items


@dataclass
class _Collect:
    """What one edit changes, gathered while its touches are walked."""
    indicators: set = field(default_factory=set)
    items: set = field(default_factory=set)
    quarter_items: set = field(default_factory=set)
    iku_budget: set = field(default_factory=set)


def affected(wb: Workbook, touches: Iterable[Touch]) -> Affected:
    """The derived figures that depend on ``touches`` (read from ``wb`` after the edit)."""
    touches = list(touches)
    if any(t.kind == SETTINGS for t in touches):
        return Affected(everything=True, opd_average=True, opd_budget=True, budget_tree=True, iku_set=True)
    c = _Collect()
    budget_tree = False
    for t in touches:
        if t.kind == INDICATOR:
            c.indicators.add(t.id)
            c.iku_budget.add(t.id)  # efisiensi of an IKU reads its capaian
        elif t.kind == ITEM:
            c.items.add(t.id)
            budget_tree = budget_tree or t.rows
        elif t.kind == ITEM_QUARTER:
            c.quarter_items.add(t.id)
        elif t.kind == LINK:
            indicator_id, item_id = t.id
            c.iku_budget.add(indicator_id)
            c.quarter_items.add(item_id)  # the row that shows its links
    # Totals sum upward (RULES 6.4): a changed item changes every ancestor.
    c.items = _with_ancestors(wb, c.items)
    c.quarter_items = _with_ancestors(wb, c.quarter_items) | c.items
    # An IKU's money (and its quarterly plan) is the leaves under the items it is linked to
    # (RULES 6.5), so a change anywhere on a leaf's path reaches the IKU linked at any level.
    for item_id in c.quarter_items:
        if item_id in wb.items:
            c.iku_budget.update(ind.id for ind in wb.indicators_supported_by(item_id))
    sasaran = {wb.indicators[i].owner_id for i in c.indicators
               if i in wb.indicators and wb.indicators[i].owner_kind == "sasaran"}
    iku_changed = bool(sasaran) or any(i not in wb.indicators for i in c.indicators)
    return Affected(
        indicators=frozenset(c.indicators),
        items=frozenset(c.items),
        quarter_items=frozenset(c.quarter_items),
        iku_budget=frozenset(c.iku_budget),
        sasaran=frozenset(sasaran),
        opd_average=iku_changed,
        opd_budget=bool(c.quarter_items) or budget_tree or iku_changed,
        budget_tree=budget_tree,
        iku_set=any(t.rows and t.kind in IKU_SHAPE for t in touches),
    )


def _with_ancestors(wb: Workbook, item_ids: set) -> set:
    out = set(item_ids)
    for item_id in item_ids:
        if item_id in wb.items:
            out.update(a.id for a in wb.ancestors(item_id))
    return out
