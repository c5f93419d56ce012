"""Trusting nothing a file says: every stored value is checked against its kind while the
workbook is loaded (the same one pass that converts it), then the references between rows
(parents exist, the budget tree has the right levels, so no cycle). Damage is refused at
open with the table and row named, never a later exception or a hang."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from ..domain import model as M
from ..domain.errors import InputError
from ..domain.values import value_from_text
from .errors import StoreError
from .kinds import CONTROL_CHARS, MAX_INT, Kind, storable
from .schema import TABLES

_CONTROL = CONTROL_CHARS  # never written (kinds.clean_text); breaks exports
# The ASCII characters _CONTROL matches, for a bytes pass over ASCII text (see _has_control).
_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))
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
    if not storable(v):
        raise _Bad("bukan teks UTF-8 yang sah")
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


_INT = Kind("int")
_KEY_KINDS = {"id": Kind("text", nullable=False), "item_id": Kind("text", nullable=False),
              "indicator_id": Kind("text", nullable=False), "kunci": Kind("text", nullable=False),
              "nama": Kind("text", nullable=False), "tahun": "year", "triwulan": _INT, "periode": _INT,
              "jenis_nilai": Kind("enum", nullable=False, choices=("target", "realisasi"))}
_YEAR_FIELDS = {"tahun", "renstra_awal", "renstra_akhir"}


def _kinds(name: str) -> dict:
    """Column -> its Kind ("year" for the years, None for the fixed id of opd/settings)."""
    table = TABLES[name]
    out = {c: _KEY_KINDS[c] for c in table.key}
    if name in ("opd", "settings"):
        out["id"] = None  # CHECK (id = 1) holds it
    for field, kind in table.fields.items():
        out[field] = "year" if name == "settings" and field in _YEAR_FIELDS else kind
    return out


KINDS = {name: _kinds(name) for name in TABLES}


def _one(kind):
    if kind is None:
        return lambda v: v
    return _year if kind == "year" else _converter(kind)


# Plain numbers ("12", "-3.5", ".5"): a text of 1 to 31 of these characters (so |adjusted
# exponent| <= 30, MAX_EXPONENT) that Decimal() takes passes every check of ``_decimal`` and
# ``_value`` (finite, small exponent), so it skips them; any other value (None, a predikat,
# an exponent, a sign where none is allowed, damage) goes through its kind's own check.
_DIGITS = str.maketrans("", "", "0123456789.")
_DIGITS_OR_MINUS = str.maketrans("", "", "0123456789.-")
_PLAIN_LEN = MAX_EXPONENT + 1


def _numbers(kind: Kind, col) -> list | None:
    """A decimal or indicator-value column converted, plain numbers the quick way; None when
    a value is bad. Checked and converted once per distinct value (see ``_shared``)."""
    other = _DIGITS if kind.non_negative and kind.name == "decimal" else _DIGITS_OR_MINUS
    distinct = set(col)
    empty = None in distinct
    if empty and kind.nullable:
        distinct.discard(None)
    try:  # the common case first, in C-level passes: every value a plain number (or empty)
        if distinct and not "".join(distinct).translate(other) and 0 < min(map(len, distinct)) \
                and max(map(len, distinct)) <= _PLAIN_LEN:
            return _shared(col, distinct, Decimal, empty)
    except (TypeError, InvalidOperation):  # bytes or int among them; "." or "1-2"
        pass
    one = _converter(kind)

    def convert(v):
        return Decimal(v) if type(v) is str and 0 < len(v) <= _PLAIN_LEN and not v.translate(other) else one(v)
    try:
        return _shared(col, set(col), convert)
    except (_Bad, InvalidOperation):  # "." or "1-2" pass the characters but not Decimal()
        return None


def _integers(kind: Kind, col):
    """An int or rupiah column as it is, or None when a value is bad (``_all_int``; a column
    with empty values: the others)."""
    if _all_int(col):
        present = col
    elif kind.nullable:
        present = [v for v in col if v is not None]
        if not _all_int(present):
            return None
    else:
        return None
    low = 0 if kind.non_negative else -MAX_INT
    return col if not present or (min(present) >= low and max(present) < MAX_INT) else None


def _all_int(col) -> bool:
    """Every value an int, proved by one C-level ``sum`` at a third of the time of a type
    pass: text, bytes or None raise, one float makes the sum a float (a value read from the
    file is never a bool)."""
    try:
        return type(sum(col)) is int
    except TypeError:  # text, bytes or None among them
        return False


def _shared(col, distinct: set, convert, empty: bool = False) -> list:
    """``[convert(v) for v in col]`` (None stays None; ``empty``: there are Nones, left out of
    ``distinct``) with one ``convert`` per distinct value: a fisik, percentage or nilai column
    of a big workbook holds a few thousand distinct figures in 200,000 rows. A fraction of the
    time, and the memory of the distinct ones only (Decimals and predikat are immutable, so
    sharing one is safe)."""
    if not empty and 2 * len(distinct) > len(col):
        return list(map(convert, col))  # nearly all different: no table worth making
    made = dict(zip(distinct, map(convert, distinct)))
    made[None] = None
    return list(map(made.__getitem__, col))


def _has_control(text: str) -> bool:
    """``_CONTROL.search(text)``; ASCII text (the ids and codes of a big table) by one C-level
    bytes pass, ~10 times quicker than the regular expression."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)
    return _CONTROL.search(text) is not None


def check_keys(table: str, row: dict) -> None:
    """The key columns of a row about to be written, checked as the open reads them (keys do
    not pass through a field's kind): a key the open would refuse never reaches the file."""
    kinds = KINDS[table]
    for col in TABLES[table].key:
        if col in row:
            try:
                _one(kinds[col])(row[col])
            except _Bad as exc:
                raise InputError(f"{TABLES[table].label}: kolom {col} {exc} ({str(row[col])[:40]!r}).") from None


def _column(kind, col: tuple):
    """A whole column checked (and converted) at once; None when a value is bad. The common
    kinds are checked by C-level passes (join, set, min/max): one pass, no per-value call."""
    if kind is None:
        return col
    if kind == "year":
        return col if _all_int(col) and (not col or (min(col) >= YEARS.start and max(col) < YEARS.stop)) else None
    if kind.name in ("decimal", "value"):
        return _numbers(kind, col)
    if kind.name in ("int", "rupiah"):
        return _integers(kind, col)
    present = [v for v in col if v is not None] if kind.nullable else col
    if len(present) != len(col) and not kind.nullable:
        return None
    name = kind.name
    if name == "text":
        try:
            return None if _has_control("".join(present)) else col
        except TypeError:
            return None
    if name == "enum":
        return col if set(present) <= set(kind.choices) else None
    if name == "bool":
        if not set(map(type, present)) <= {int}:
            return None
        return tuple(map(bool, col)) if set(present) <= {0, 1} else None
    if name == "image":
        return col if set(map(type, present)) <= {bytes} else None
    one = _converter(kind)
    try:
        return [one(v) for v in col]
    except _Bad:
        return None


def convert_columns(table: str, names: list[str], columns: list[list]) -> list:
    """Stored columns (one list per name, as ``repository`` reads them) -> their Python
    values, each checked against its kind (RowError naming the first bad row)."""
    kinds = KINDS[table]
    converted = []
    for name, col in zip(names, columns):
        out = _column(kinds[name], col)
        if out is None:
            check = _one(kinds[name])
            for i, v in enumerate(col):
                try:
                    check(v)
                except _Bad as exc:
                    row = {n: c[i] for n, c in zip(names, columns)}
                    raise RowError(row_message(table, row, name, f"{_shown(v)} ({exc})")) from None
            raise RowError(f"tabel {table}: kolom {name} berisi nilai tidak sah")  # not reached: both agree
        converted.append(out)
    return converted


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
