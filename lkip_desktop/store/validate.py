"""Trusting nothing a file says: every stored value is checked against its kind while the
workbook is loaded (the same one pass that converts it), then the references between rows
(parents exist, the budget tree has the right levels, so no cycle). Damage is refused at
open with the table and row named, never a later exception or a hang."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from ..domain import model as M
from ..domain.errors import InputError
from ..domain.values import value_from_text
from .errors import StoreError
from .kinds import MAX_INT, Kind
from .schema import TABLES

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # never written (kinds.clean_text); breaks exports
MAX_EXPONENT = 30  # a stored quantity beyond 10^30 is no figure of a report, and slows Decimal maths
YEARS = range(1900, 2201)


class RowError(StoreError):
    """A stored row that is not what its table allows (message names table and row)."""


class _Bad(Exception):
    pass


def _text(v):
    if type(v) is not str:
        raise _Bad("bukan teks")
    if _CONTROL.search(v):
        raise _Bad("berisi karakter kendali")
    return v


def _integer(kind: Kind):
    low = 0 if kind.non_negative else -MAX_INT

    def check(v):
        if type(v) is not int or not low <= v < MAX_INT:
            raise _Bad("bukan bilangan bulat yang sah")
        return v
    return check


def _year(v):
    if type(v) is not int or v not in YEARS:
        raise _Bad("bukan tahun yang sah")
    return v


def _bool(v):
    if v != 0 and v != 1 or type(v) is not int:
        raise _Bad("bukan ya/tidak")
    return bool(v)


def _decimal(kind: Kind):
    def check(v):
        if type(v) is not str:
            raise _Bad("bukan angka")
        try:
            d = Decimal(v)
        except InvalidOperation:
            raise _Bad("bukan angka") from None
        if not d.is_finite() or abs(d.adjusted()) > MAX_EXPONENT or (kind.non_negative and d < 0):
            raise _Bad("bukan angka yang sah")
        return d
    return check


def _value(v):
    if type(v) is not str:
        raise _Bad("bukan nilai indikator")
    try:
        out = value_from_text(v)
    except (InputError, InvalidOperation, ValueError):
        raise _Bad("bukan nilai indikator") from None
    number = getattr(out, "score", out)
    if isinstance(number, Decimal) and (not number.is_finite() or abs(number.adjusted()) > MAX_EXPONENT):
        raise _Bad("bukan nilai indikator")
    return out


def _date(v):
    if type(v) is not str:
        raise _Bad("bukan tanggal")
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise _Bad("bukan tanggal") from None


def _image(v):
    if type(v) is not bytes:
        raise _Bad("bukan gambar")
    return v


def _converter(kind: Kind):
    if kind.name == "text":
        base = _text
    elif kind.name == "enum":
        choices = frozenset(kind.choices)

        def base(v):
            if v not in choices or type(v) is not str:
                raise _Bad("bukan pilihan yang sah")
            return v
    elif kind.name in ("int", "rupiah"):
        base = _integer(kind)
    else:
        base = {"bool": _bool, "date": _date, "value": _value, "image": _image}.get(kind.name) \
            or _decimal(kind)
    if not kind.nullable:
        return base
    return lambda v: None if v is None else base(v)


_KEY_KINDS = {"id": _text, "item_id": _text, "indicator_id": _text, "kunci": _text, "nama": _text,
              "tahun": _year, "triwulan": _integer(Kind("int")), "periode": _integer(Kind("int")),
              "jenis_nilai": _converter(Kind("enum", nullable=False, choices=("target", "realisasi")))}
_YEAR_FIELDS = {"tahun", "renstra_awal", "renstra_akhir"}


def _table_converters(name: str) -> dict:
    table = TABLES[name]
    out = {c: _KEY_KINDS[c] for c in table.key}
    if name in ("opd", "settings"):
        out["id"] = lambda v: v  # CHECK (id = 1) holds it
    for field, kind in table.fields.items():
        out[field] = _year if name == "settings" and field in _YEAR_FIELDS else _converter(kind)
    return out


CONVERTERS = {name: _table_converters(name) for name in TABLES}


def convert(table: str, names: list[str], values: tuple) -> dict:
    """A stored row -> its Python values, each checked against its kind (RowError)."""
    checks = CONVERTERS[table]
    try:
        return {n: checks[n](v) for n, v in zip(names, values)}
    except _Bad:
        for n, v in zip(names, values):
            try:
                checks[n](v)
            except _Bad as exc:
                raise RowError(row_message(table, dict(zip(names, values)), n, f"{_shown(v)} ({exc})")) from None
        raise


def row_message(table: str, row: dict, column: str, what: str) -> str:
    key = ", ".join(f"{k}={_shown(row.get(k))}" for k in TABLES[table].key)
    return f"tabel {table} baris {key}: kolom {column} berisi {what}"


def _shown(v) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


_LEVEL_PARENT = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}


def check_links(wb: M.Workbook, singles: set[str]) -> None:
    """References between rows that the loaded objects rely on."""
    for table in ("opd", "settings"):
        if table not in singles:
            raise RowError(f"tabel {table}: baris tidak ada")
    s = wb.settings
    if not s.renstra_awal <= s.renstra_akhir <= s.renstra_awal + 20:
        raise RowError(f"tabel settings baris id=1: periode Renstra {s.renstra_awal}-{s.renstra_akhir} tidak sah")
    for sas in wb.sasaran.values():
        if sas.tujuan_id not in wb.tujuan:
            raise RowError(row_message("sasaran", {"id": sas.id}, "tujuan_id", f"{_shown(sas.tujuan_id)} (tidak ada)"))
    for item in wb.items.values():
        parent = wb.items.get(item.parent_id) if item.parent_id is not None else None
        want = _LEVEL_PARENT[item.level]
        if (parent.level if parent else None) != want or (item.parent_id is not None and parent is None):
            # levels strictly descend along a parent chain, so this also rules out any cycle
            raise RowError(row_message("budget_item", {"id": item.id}, "parent_id",
                                       f"{_shown(item.parent_id)} (induk tidak sah untuk {item.level})"))
    for pk in ("pk_sasaran", "pk_program"):
        for row in getattr(wb, pk).values():
            if row.pk_id not in wb.pk_versions:
                raise RowError(row_message(pk, {"id": row.id}, "pk_id", f"{_shown(row.pk_id)} (tidak ada)"))


def check_reference(table: str, row: dict, column: str, known) -> None:
    """A child row (triwulan, nilai, komponen, dukungan) whose parent row is missing."""
    if row[column] not in known:
        raise RowError(row_message(table, row, column, f"{_shown(row[column])} (tidak ada)"))
