"""Reading a whole workbook from its database into domain objects (every value checked on
the way, ``validate``), and applying one stored row change to those objects (so memory and
file never differ)."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import weakref

from .. import collector
from ..domain import model as M
from ..domain.pending import PendingQuarters
from . import validate
from .connection import Database
from .schema import LOAD_ORDER, TABLES
from .table_read import read_columns


def _convert(table: str, row: dict) -> dict:
    fields = TABLES[table].fields
    return {k: (fields[k].from_db(v) if k in fields else v) for k, v in row.items()}


def rows(db: Database, table: str) -> list[dict]:
    cur = db.conn.execute(f"SELECT * FROM [{table}]")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


class LoadCancelled(Exception):
    """The user pressed Batal while a workbook was loading."""


def load(db: Database, progress=None, *, quarters: bool = True) -> M.Workbook:
    """Read the whole workbook. ``progress(done, total) -> bool`` is called per table; False
    stops the load (LoadCancelled). ``quarters=False`` leaves the quarterly rows (half of a
    big workbook) to ``read_quarters``: the items' ``quarters`` stay empty (``hold_quarters``
    makes them wait) until ``put_quarters``."""
    # Loading allocates hundreds of thousands of objects at 100x and none is garbage: the
    # cyclic collector would only rescan them (bench/README.md: ~0,6 s at 100x).
    with collector.paused(keep=True):
        return _load(db, progress, _LOAD_ORDER if quarters else _FIRST_LOAD)


_LOAD_ORDER = tuple(t for t in LOAD_ORDER if t != "narasi")
_FIRST_LOAD = tuple(t for t in _LOAD_ORDER if t != "budget_quarter")


# Child rows whose parent must have been loaded before them: (column, workbook attribute).
_PARENTS = {
    "budget_quarter": (("item_id", "items"),),
    "indicator_value": (("indicator_id", "indicators"),),
    "komponen": (("indicator_id", "indicators"),),
    "dukungan": (("indicator_id", "indicators"), ("item_id", "items")),
}


def _load(db: Database, progress, order: tuple[str, ...]) -> M.Workbook:
    wb = M.Workbook()
    singles: set[str] = set()
    for done, table in enumerate(order):
        if progress is not None and progress(done, len(order)) is False:
            raise LoadCancelled()
        names, columns = read_columns(db.conn, table, ahead=db.read_ahead)
        _put_columns(wb, table, names, validate.convert_columns(table, names, columns))
        if columns[0]:
            singles.add(table)
    # The narasi: read on demand by reports, checked here once.
    validate.convert_columns("narasi", *read_columns(db.conn, "narasi", ahead=db.read_ahead))
    validate.check_links(wb, singles)
    wb.structure_changed()
    return wb


def read_quarters(conn: sqlite3.Connection, items) -> dict[str, dict[int, M.Quarter]]:
    """The quarterly rows a ``load(quarters=False)`` left out, checked as the load checks
    them, by item id (``items``: the loaded items; a row of another item refuses the file).
    Reads only: the workbook is not touched, so a thread may run it."""
    with collector.paused(keep=True):
        names, stored = read_columns(conn, "budget_quarter")
        columns = validate.convert_columns("budget_quarter", names, stored)
        col = dict(zip(names, columns))
        _check_parents("budget_quarter", col, names, lambda attr: items)
        return _by_item(names, col)


def _by_item(names: list[str], col: dict) -> dict[str, dict[int, M.Quarter]]:
    """Checked budget_quarter columns as Quarter objects by item id and triwulan."""
    out: dict[str, dict[int, M.Quarter]] = {}
    for item_id, tw, quarter in _quarters(names, col):
        out.setdefault(item_id, {})[tw] = quarter
    return out


def _hold_checked(wb: M.Workbook, names: list[str], col: dict) -> None:
    """Checked quarterly rows wait as columns until any item's ``quarters`` is first used:
    their objects (200,000 at 100x, ~0.1 s) are made then, once, and never by an open that
    does not look at them (a recompute, the IKU tables, a rekap of other figures)."""
    waiting = [col]
    lock = threading.Lock()  # an export in a worker and the window may ask at once
    workbook = weakref.ref(wb)  # no cycle through the items: a closed workbook goes at once

    def arrive() -> None:
        with lock:
            if waiting and (wb := workbook()) is not None:
                with collector.paused(keep=True):
                    put_quarters(wb, _by_item(names, waiting.pop()))
    hold_quarters(wb, arrive)


def hold_quarters(wb: M.Workbook, arrive) -> None:
    """Every item of a workbook loaded without its quarterly rows waits for them: the first
    use of any item's ``quarters`` calls ``arrive`` (which calls ``put_quarters``)."""
    for item in wb.items.values():
        item.quarters = PendingQuarters(item, arrive)


def put_quarters(wb: M.Workbook, quarters: dict[str, dict[int, M.Quarter]]) -> None:
    """Every waiting item gets its own dict of quarters (an empty one when it has none)."""
    for item in wb.items.values():
        if isinstance(item.quarters, PendingQuarters):
            item.quarters = quarters.get(item.id) or {}


def _quarters(names: list[str], col: dict):
    """(item id, triwulan, Quarter) of checked budget_quarter columns."""
    rest = [n for n in names if n not in ("item_id", "triwulan")]
    return zip(col["item_id"], col["triwulan"], _objects(M.Quarter, rest, [col[n] for n in rest]))


def _check_parents(table: str, col: dict, names: list[str], known_of) -> None:
    """A child row whose parent is missing refuses the file (named by its key);
    ``known_of(attr)``: the loaded parents (a workbook attribute such as ``items``)."""
    for column, attr in _PARENTS.get(table, ()):
        known = known_of(attr)
        if not known.keys() >= set(col[column]):
            i = next(i for i, v in enumerate(col[column]) if v not in known)
            validate.check_reference(table, {n: col[n][i] for n in names}, column, known)


def _put_columns(wb: M.Workbook, table: str, names: list[str], columns: list) -> None:
    """Checked columns of one table into ``wb``, column-wise (no row tuple per stored row:
    objects are made by ``map`` over the columns); a child row whose parent is missing is
    refused."""
    col = dict(zip(names, columns))
    _check_parents(table, col, names, lambda attr: getattr(wb, attr))
    if table in _CLASSES:
        cls, attr = _CLASSES[table]
        getattr(wb, attr).update(zip(col["id"], _objects(cls, names, columns)))
    elif table == "budget_quarter":
        _hold_checked(wb, names, col)
    elif table == "indicator_value":
        indicators = wb.indicators
        for ind, year, kind, period, value in zip(*(col[n] for n in ("indicator_id", "tahun", "jenis_nilai", "periode",
                                                                     "nilai"))):
            indicators[ind].values[(year, kind, period)] = value
    elif table == "dukungan":
        wb.links.update(zip(col["indicator_id"], col["item_id"]))
    else:  # the single rows (opd, settings) and komponen: few
        for row in zip(*columns):
            _put(wb, table, dict(zip(names, row)))


def _objects(cls, names: list[str], columns: list):
    """``cls`` objects from columns: positional when the stored columns are the first fields
    of the dataclass (the rest keep their defaults), else by keyword."""
    init = [f.name for f in dataclasses.fields(cls) if f.init]
    ordered = [n for n in init if n in names]
    if set(names) <= set(init) and init[:len(ordered)] == ordered:
        at = {n: i for i, n in enumerate(names)}
        return map(cls, *(columns[at[n]] for n in ordered))
    return (cls(**dict(zip(names, row))) for row in zip(*columns))


_CLASSES = {
    "tujuan": (M.Tujuan, "tujuan"),
    "sasaran": (M.Sasaran, "sasaran"),
    "budget_item": (M.BudgetItem, "items"),
    "indicator": (M.Indicator, "indicators"),
    "prestasi": (M.Prestasi, "prestasi"),
    "pk_version": (M.PkVersion, "pk_versions"),
    "pk_sasaran": (M.PkSasaranRow, "pk_sasaran"),
    "pk_program": (M.PkProgramRow, "pk_program"),
    "sdm": (M.SdmRow, "sdm"),
    "tabel_laporan": (M.TabelLaporan, "tabel_laporan"),
    "skala_pita": (M.SkalaPita, "skala_pita"),
}


def apply_row(wb: M.Workbook, table: str, row: dict) -> None:
    """Put a full stored row (DB representation, just written by this app) into the
    workbook objects."""
    _put(wb, table, _convert(table, row))


def _put(wb: M.Workbook, table: str, data: dict) -> None:
    if table == "opd":
        data.pop("id", None)
        wb.opd = M.Opd(**data)
    elif table == "settings":
        data.pop("id", None)
        wb.settings = M.Settings(**data)
    elif table in _CLASSES:
        cls, attr = _CLASSES[table]
        existing = getattr(wb, attr).get(data["id"])
        if existing is None:
            getattr(wb, attr)[data["id"]] = cls(**data)
        else:
            # Update in place: indexes and open views hold these objects.
            for k, v in data.items():
                setattr(existing, k, v)
    elif table == "budget_quarter":
        item = wb.items.get(data.pop("item_id"))
        tw = data.pop("triwulan")
        if item is not None:
            item.quarters[tw] = M.Quarter(**data)
    elif table == "indicator_value":
        ind = wb.indicators.get(data["indicator_id"])
        if ind is not None:
            ind.values[(data["tahun"], data["jenis_nilai"], data["periode"])] = data["nilai"]
    elif table == "komponen":
        ind = wb.indicators.get(data["indicator_id"])
        if ind is not None:
            ind.komponen.setdefault(data["tahun"], {})[data["nama"]] = data["nilai"]
    elif table == "dukungan":
        wb.links.add((data["indicator_id"], data["item_id"]))
    elif table == "narasi":
        pass  # read on demand by reports
    else:
        raise KeyError(table)


def remove_row(wb: M.Workbook, table: str, key: tuple) -> None:
    if table in _CLASSES:
        getattr(wb, _CLASSES[table][1]).pop(key[0], None)
    elif table == "budget_quarter":
        item = wb.items.get(key[0])
        if item is not None:
            item.quarters.pop(key[1], None)
    elif table == "indicator_value":
        ind = wb.indicators.get(key[0])
        if ind is not None:
            ind.values.pop((key[1], key[2], key[3]), None)
    elif table == "komponen":
        ind = wb.indicators.get(key[0])
        if ind is not None:
            year = ind.komponen.get(key[1], {})
            year.pop(key[2], None)
            if not year:
                ind.komponen.pop(key[1], None)
    elif table == "dukungan":
        wb.links.discard((key[0], key[1]))
    elif table == "narasi":
        pass
    else:
        raise KeyError(table)
