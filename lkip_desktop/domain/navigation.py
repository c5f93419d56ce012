"""The workbook's navigation index: every budget item's children, every owner's indicators,
every tujuan's sasaran (each list in order) and the IKU-budget links both ways. Built once
per structure change (``Workbook.structure_changed``), so no lookup scans the workbook."""

from __future__ import annotations

from operator import attrgetter
from typing import Iterable

# The order of every list (urut, then kode, then id), for things that all have a kode.
IN_ORDER = attrgetter("urut", "kode", "id")


def build_index(items: Iterable, indicators: Iterable, sasaran: Iterable, links: Iterable[tuple[str, str]]) -> dict:
    """{"items": parent id -> items, "indicators": owner id -> indicators, "sasaran": tujuan id
    -> sasaran, "links_by_ind": indicator id -> item ids}; the links by item are asked for
    rarely (after an edit), so ``links_by_item`` makes them when needed."""
    links_by_ind: dict = {}
    for a, b in links:
        links_by_ind.setdefault(a, []).append(b)
    return {
        "items": _grouped(items, "parent_id"),
        "indicators": _grouped(indicators, "owner_id"),
        "sasaran": _grouped(sasaran, "tujuan_id"),
        "links_by_ind": links_by_ind,
    }


def links_by_item(links: Iterable[tuple[str, str]]) -> dict:
    """item id -> the ids of the indicators it supports."""
    out: dict = {}
    for a, b in links:
        out.setdefault(b, []).append(a)
    return out


def _grouped(objs: Iterable, parent_field: str) -> dict:
    """parent id -> its objects in order (each group sorted apart: small sorts, mostly in
    order already, cost far less than one sort of all)."""
    parent_of = attrgetter(parent_field)
    out: dict = {}
    for obj in objs:
        parent = parent_of(obj)
        group = out.get(parent)
        if group is None:
            out[parent] = [obj]
        else:
            group.append(obj)
    for group in out.values():
        if len(group) > 1:  # most indicators are their owner's only one
            group.sort(key=IN_ORDER)
    return out
