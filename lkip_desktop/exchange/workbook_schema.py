"""The schema check of a workbook JSON (``lkip-workbook/1``) before any op is built: every
value through its field's kind, keys present and unique, references between rows, no cycle
in the budget tree. Problems are named by their JSON path."""

from __future__ import annotations

import base64
import binascii

from ..domain import values
from ..domain.errors import InputError
from ..store.kinds import CONTROL_CHARS, MAX_INT, Kind, check_image, check_quantity, storable
from ..store.schema import TABLES
from .validate import YEAR_MAX, YEAR_MIN, Checker, child, find_cycles, type_name

# Columns that are NOT NULL without a default in the file: a row without them cannot be stored.
REQUIRED = {
    "tujuan": ("nama",), "sasaran": ("tujuan_id", "nama"), "budget_item": ("level", "nama"),
    "indicator": ("owner_kind", "owner_id", "nama"), "indicator_value": ("nilai",), "komponen": ("nilai",),
    "prestasi": ("uraian",), "pk_sasaran": ("pk_id",), "pk_program": ("pk_id",), "sdm": ("kategori",),
    "skala_pita": ("batas_bawah",),
}
# Key columns other than "id", and what they hold.
KEY_CHECKS = {
    "tahun": ("year", None), "jenis_nilai": ("choice", ("target", "realisasi")),
    "periode": ("range", (0, 4)), "triwulan": ("range", (1, 4)),
}
# Column -> the table its id must be in (None allowed where the column is optional).
REFERENCES = {
    ("sasaran", "tujuan_id"): "tujuan", ("budget_item", "parent_id"): "budget_item",
    ("budget_quarter", "item_id"): "budget_item", ("indicator_value", "indicator_id"): "indicator",
    ("komponen", "indicator_id"): "indicator", ("dukungan", "indicator_id"): "indicator",
    ("dukungan", "item_id"): "budget_item", ("pk_sasaran", "pk_id"): "pk_version",
    ("pk_sasaran", "indicator_id"): "indicator", ("pk_program", "pk_id"): "pk_version",
    ("pk_program", "item_id"): "budget_item", ("pk_version", "unit_id"): "budget_item",
}
OWNER_TABLE = {"tujuan": "tujuan", "sasaran": "sasaran", "program": "budget_item", "kegiatan": "budget_item",
               "sub_kegiatan": "budget_item"}


def check_value(c: Checker, kind: Kind, v, p: str) -> None:
    """One stored value in its JSON form, as ``kind`` would store it."""
    if v is None:
        if not kind.nullable:
            c.bad(p, "wajib diisi")
        return
    n = kind.name
    if n in ("text", "enum"):
        if not isinstance(v, str):
            c.bad(p, f"harus teks, bukan {type_name(v)}")
        elif not storable(v):
            c.bad(p, "berisi karakter yang tidak sah (surrogate tanpa pasangan)")
        elif kind.choices and v not in kind.choices:
            c.bad(p, f"'{v[:40]}' tidak dikenal; pilih {', '.join(kind.choices)}")
    elif n in ("int", "rupiah"):
        lo = 0 if kind.non_negative else -MAX_INT + 1
        c.int_value(v, p, lo=lo, hi=MAX_INT - 1)
    elif n == "bool":
        if v not in (0, 1) or not isinstance(v, (int, bool)):
            c.bad(p, f"harus 0 atau 1, bukan {type_name(v)}")
    elif n == "decimal":
        if isinstance(v, str) and v.strip() in ("", "-"):
            c.bad(p, "angka kosong; tulis null")
        else:
            c.decimal_text(v, p, allow_int=False, non_negative=kind.non_negative)
    elif n == "value":
        _indicator_value(c, v, p)
    elif n == "date":
        c.iso_date(v, p)
    elif n == "image":
        _image(c, v, p)


def _indicator_value(c: Checker, v, p: str) -> None:
    if not isinstance(v, str):
        c.bad(p, f"harus teks (angka atau predikat), bukan {type_name(v)}")
        return
    try:
        value = values.value_from_text(v)
        number = value.score if isinstance(value, values.Predikat) else value
        if number is not None:
            check_quantity(number)
    except (InputError, ArithmeticError, ValueError, TypeError) as exc:
        c.bad(p, f"'{v[:40]}' bukan nilai indikator yang sah ({exc})")


def _image(c: Checker, v, p: str) -> None:
    if not (isinstance(v, dict) and set(v) == {"base64"} and isinstance(v["base64"], str)):
        c.bad(p, "harus {\"base64\": \"…\"}")
        return
    try:
        check_image(base64.b64decode(v["base64"], validate=True))
    except (binascii.Error, ValueError) as exc:
        c.bad(p, f"base64 tidak sah ({exc})")
    except InputError as exc:
        c.bad(p, str(exc))


def check_workbook_json(data: dict, order: list[str]) -> None:
    """Refuse (InputError listing every problem) a workbook JSON that cannot be stored as is."""
    c = Checker("JSON buku kerja")
    c.integer(data, "schema", "", lo=0, hi=1000)
    for single in ("opd", "settings"):
        row = c.obj(data.get(single), single, required=single == "settings")
        fields = TABLES[single].fields
        for col, v in row.items():
            if col in fields:
                check_value(c, fields[col], v, child(single, col))
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    for f in ("tahun", "renstra_awal", "renstra_akhir"):
        c.year(settings, f, "settings", required=True)
    awal, akhir = settings.get("renstra_awal"), settings.get("renstra_akhir")
    if type(awal) is int and type(akhir) is int and akhir < awal:
        c.bad("settings.renstra_akhir", "harus sesudah renstra_awal")
    ids = {t: {} for t in order}
    rows: dict[str, list[tuple[str, dict]]] = {}
    for table in order:
        rows[table] = c.items(data.get(table), table)
        _rows(c, table, rows[table], ids[table])
    _references(c, rows, ids)
    c.raise_if_any()


def _rows(c: Checker, table: str, rows: list[tuple[str, dict]], ids: dict) -> None:
    t = TABLES[table]
    seen: dict[tuple, str] = {}
    for p, row in rows:
        unknown = sorted(set(row) - set(t.fields) - set(t.key))
        if unknown:
            c.bad(p, f"kolom tak dikenal: {', '.join(unknown)[:80]}")
        complete = True
        for col in t.key:
            if col not in row or row[col] is None:
                c.bad(child(p, col), "wajib ada")
                complete = False
            elif not _key_ok(c, col, row[col], child(p, col)):
                complete = False
        for col in REQUIRED.get(table, ()):
            if col not in row:
                c.bad(child(p, col), "wajib ada")
        for col, v in row.items():
            if col in t.fields:
                check_value(c, t.fields[col], v, child(p, col))
        if complete:
            key = tuple(row[col] for col in t.key)
            if key in seen:
                c.bad(p, f"kunci {', '.join(map(str, key))[:80]} sama dengan {seen[key]}")
            else:
                seen[key] = p
                if t.key == ("id",):
                    ids[row["id"]] = row


def _key_ok(c: Checker, col: str, v, p: str) -> bool:
    how, arg = KEY_CHECKS.get(col, ("text", None))
    before = len(c.problems)
    if how == "year":
        c.int_value(v, p, lo=YEAR_MIN, hi=YEAR_MAX)
    elif how == "range":
        c.int_value(v, p, lo=arg[0], hi=arg[1])
    elif not isinstance(v, str):
        c.bad(p, f"harus teks, bukan {type_name(v)}")
    elif how == "choice" and v not in arg:
        c.bad(p, f"'{v[:40]}' tidak dikenal; pilih {', '.join(arg)}")
    elif how == "text" and not v.strip():
        c.bad(p, "tidak boleh kosong")
    elif CONTROL_CHARS.search(v):
        c.bad(p, "berisi karakter kendali")
    elif not storable(v):
        c.bad(p, "berisi karakter yang tidak sah (surrogate tanpa pasangan)")
    return len(c.problems) == before


def _references(c: Checker, rows: dict, ids: dict) -> None:
    for (table, col), target in REFERENCES.items():
        for p, row in rows.get(table, []):
            v = row.get(col)
            if isinstance(v, str) and v not in ids.get(target, {}):
                c.bad(child(p, col), f"menunjuk {target} '{v[:40]}' yang tidak ada")
    for p, row in rows.get("indicator", []):
        kind = row.get("owner_kind")
        target = OWNER_TABLE.get(kind) if isinstance(kind, str) else None  # a wrong type is reported elsewhere
        owner = row.get("owner_id")
        if target and isinstance(owner, str) and owner not in ids.get(target, {}):
            c.bad(child(p, "owner_id"), f"menunjuk {row['owner_kind']} '{owner[:40]}' yang tidak ada")
    items = ids.get("budget_item", {})
    parent_of = {i: r.get("parent_id") if isinstance(r.get("parent_id"), str) else None for i, r in items.items()}
    for i in find_cycles(parent_of):
        c.bad(f"budget_item[id={i[:40]}].parent_id", "membentuk lingkaran (induknya turunannya sendiri)")
