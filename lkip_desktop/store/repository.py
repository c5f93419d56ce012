"""Reading a whole workbook from its database into domain objects (every value checked on
the way, ``validate``), and applying one stored row change to those objects (so memory and
file never differ)."""

from __future__ import annotations

import dataclasses
import gc
import sqlite3
from operator import itemgetter
from typing import Callable

from ..domain import model as M
from . import validate
from .connection import Database
from .schema import TABLES


def _convert(table: str, row: dict) -> dict:
    fields = TABLES[table].fields
    return {k: (fields[k].from_db(v) if k in fields else v) for k, v in row.items()}


def rows(db: Database, table: str) -> list[dict]:
    cur = db.conn.execute(f"SELECT * FROM [{table}]")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


class LoadCancelled(Exception):
    """The user pressed Batal while a workbook was loading."""


def load(db: Database, progress=None) -> M.Workbook:
    """Read the whole workbook. ``progress(done, total) -> bool`` is called per table; False
    stops the load (LoadCancelled)."""
    # Loading allocates hundreds of thousands of objects at 100x and none is garbage: the
    # cyclic collector would only rescan them (bench/README.md: ~0,6 s at 100x).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(db, progress)
    finally:
        if enabled:
            gc.enable()


_LOAD_ORDER = ("opd", "settings", "tujuan", "sasaran", "budget_item", "indicator", "prestasi", "pk_version",
               "pk_sasaran", "pk_program", "budget_quarter", "indicator_value", "komponen", "dukungan", "sdm",
               "tabel_laporan", "skala_pita")


# Child rows whose parent must have been loaded before them: (column, workbook attribute).
_PARENTS = {
    "budget_quarter": (("item_id", "items"),),
    "indicator_value": (("indicator_id", "indicators"),),
    "komponen": (("indicator_id", "indicators"),),
    "dukungan": (("indicator_id", "indicators"), ("item_id", "items")),
}


def _load(db: Database, progress=None) -> M.Workbook:
    wb = M.Workbook()
    singles: set[str] = set()
    for done, table in enumerate(_LOAD_ORDER):
        if progress is not None and progress(done, len(_LOAD_ORDER)) is False:
            raise LoadCancelled()
        names, found = _fetch(db.conn, table)
        columns = validate.convert_columns(table, names, found)
        put = _row_loader(wb, table, names)
        for row in zip(*columns):
            put(row)
        if found:
            singles.add(table)
    validate.convert_columns("narasi", *_fetch(db.conn, "narasi"))  # read on demand by reports: checked here once
    validate.check_links(wb, singles)
    wb.structure_changed()
    return wb


def _row_loader(wb: M.Workbook, table: str, names: list[str]) -> Callable[[tuple], None]:
    """One function per table, made once, that puts a checked row (a tuple in ``names``
    order) into ``wb`` by position; a child row whose parent is missing is refused."""
    pos = {n: i for i, n in enumerate(names)}
    parents = [(pos[column], column, getattr(wb, attr)) for column, attr in _PARENTS.get(table, ())]

    def check(row: tuple) -> None:
        for i, column, known in parents:
            if row[i] not in known:
                validate.check_reference(table, dict(zip(names, row)), column, known)

    if table in _CLASSES or table == "budget_quarter":
        cls, attr = _CLASSES.get(table, (M.Quarter, None))
        quarter_keys = ("item_id", "triwulan") if table == "budget_quarter" else ()
        make = _maker(cls, [n for n in names if n not in quarter_keys], pos)
        if table == "budget_quarter":
            item_at, tw_at, items = pos["item_id"], pos["triwulan"], wb.items

            def put(row):
                check(row)
                items[row[item_at]].quarters[row[tw_at]] = make(row)
            return put
        target, key_at = getattr(wb, attr), pos["id"]

        def put(row):
            target[row[key_at]] = make(row)
        return put
    if table == "indicator_value":
        ind_at, year_at, kind_at, period_at, value_at = (pos[n] for n in
                                                         ("indicator_id", "tahun", "jenis_nilai", "periode", "nilai"))
        indicators = wb.indicators

        def put(row):
            check(row)
            indicators[row[ind_at]].values[(row[year_at], row[kind_at], row[period_at])] = row[value_at]
        return put
    if table == "dukungan":
        ind_at, item_at, links = pos["indicator_id"], pos["item_id"], wb.links

        def put(row):
            check(row)
            links.add((row[ind_at], row[item_at]))
        return put

    def put(row):  # the single rows (opd, settings) and komponen: few
        check(row)
        _put(wb, table, dict(zip(names, row)))
    return put


def _maker(cls, names: list[str], pos: dict[str, int]) -> Callable[[tuple], object]:
    """``cls`` from a row tuple: positional when the stored columns are the first fields of
    the dataclass (the rest keep their defaults), else by keyword."""
    init = [f.name for f in dataclasses.fields(cls) if f.init]
    ordered = [n for n in init if n in names]
    if set(names) <= set(init) and init[:len(ordered)] == ordered and len(ordered) > 1:
        take = itemgetter(*(pos[n] for n in ordered))
        return lambda row: cls(*take(row))
    at = [(n, pos[n]) for n in names]
    return lambda row: cls(**{n: row[i] for n, i in at})


def _fetch(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    try:
        cur = conn.execute(f"SELECT * FROM [{table}]")
        return [c[0] for c in cur.description], cur.fetchall()
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc).lower():
            raise
    raise validate.RowError(_undecodable(conn, table))


def _undecodable(conn: sqlite3.Connection, table: str) -> str:
    """Name the row whose text is not valid UTF-8 (only read again when one is)."""
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        cur = conn.execute(f"SELECT * FROM [{table}]")
        names = [c[0] for c in cur.description]
        fields = TABLES[table].fields
        for values in cur:
            for name, v in zip(names, values):
                if isinstance(v, bytes) and not (name in fields and fields[name].name == "image"):
                    try:
                        v.decode("utf-8")
                    except UnicodeDecodeError:
                        row = {n: (x.decode("utf-8", "replace") if isinstance(x, bytes) else x)
                               for n, x in zip(names, values)}
                        return validate.row_message(table, row, name, "teks yang bukan UTF-8")
    finally:
        conn.text_factory = factory
    return f"tabel {table}: teks yang bukan UTF-8"


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
