"""What one applied edit changed, in the workbook's words.

The service knows tables and keys; everything above it speaks of indicators, budget items,
links and settings. This module is the one translation: each stored row belongs to a
workbook thing (``THING_OF``), the touched rows become ``Touch``es, and the domain's one
dependency rule (``domain.effects.affected``) names the derived figures they change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain import effects as E
from ..domain.model import Workbook

# The workbook thing a row of each table belongs to (tables not named: the table itself).
THING_OF = {
    "indicator": E.INDICATOR, "indicator_value": E.INDICATOR, "komponen": E.INDICATOR,
    "budget_item": E.ITEM, "budget_quarter": E.ITEM_QUARTER, "dukungan": E.LINK,
    "settings": E.SETTINGS, "skala_pita": E.SETTINGS, "pk_version": "pk", "pk_sasaran": "pk", "pk_program": "pk",
}
# Fields whose change moves a row (order, parent, level) rather than a figure.
STRUCTURAL_FIELDS = {"urut", "kode", "parent_id", "owner_id", "owner_kind", "tujuan_id", "level", "pk_id"}


def thing_of(table: str, key: tuple) -> tuple[str, Any]:
    """(kind, id) of the workbook thing a row belongs to; a link's id is (indicator, item)."""
    kind = THING_OF.get(table, table)
    if kind == E.LINK:
        return kind, (key[0], key[1] if len(key) > 1 else None)
    return kind, (key[0] if key else None)


@dataclass
class Changes:
    """The record an edit returns: the ops and their inverse (for undo), the cells edited,
    the kinds of rows added/removed/moved, and the derived figures affected."""

    label: str
    ops: list = field(default_factory=list)
    inverse: list = field(default_factory=list)
    cells: list = field(default_factory=list)  # CellRef of every value set
    reshaped: set = field(default_factory=set)  # kinds ("indicator", "item", "tujuan", ...) whose rows changed shape
    touches: list = field(default_factory=list)  # domain.effects.Touch of every stored thing changed
    affected: E.Affected = field(default_factory=E.Affected)

    @property
    def empty(self) -> bool:
        return not self.ops

    @property
    def everything(self) -> bool:
        return self.affected.everything

    def touched(self, kind: str) -> set:
        """Ids of the ``kind`` things this edit changed (stored values or rows)."""
        return {t.id for t in self.touches if t.kind == kind}

    def edited(self, kind: str) -> set:
        """Ids of the ``kind`` things whose stored values this edit set."""
        return {thing_of(ref.table, ref.key)[1] for ref in self.cells if thing_of(ref.table, ref.key)[0] == kind}


def describe(changes: Changes, wb: Workbook, set_refs: list, touched: list, rows_changed: bool) -> None:
    """Fill ``changes`` from the refs set and the rows touched ((table, key, exists_after))."""
    reshaped_tables = set()
    for ref in set_refs:
        changes.cells.append(ref)
        if ref.field in STRUCTURAL_FIELDS:
            reshaped_tables.add(ref.table)
    if rows_changed:
        reshaped_tables.update(table for table, _key, _exists in touched)
    touches = []
    for table, key, _exists in touched:
        kind, ident = thing_of(table, key)
        touches.append(E.Touch(kind, ident, rows=table in reshaped_tables))
    changes.reshaped = {THING_OF.get(t, t) for t in reshaped_tables}
    changes.touches = touches
    changes.affected = E.affected(wb, touches)
