"""Checking untrusted JSON before any op is built: each check names the JSON path of what
is wrong (``tujuan[0].nama: harus teks``) and collects; ``raise_if_any`` refuses with them all."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain.errors import InputError
from ..store.kinds import MAX_INT, MAX_QUANTITY, storable

YEAR_MIN, YEAR_MAX = 1900, 2200
MAX_SHOWN = 25


def read_json_file(path: Path | str, what: str):
    """An untrusted JSON file, parsed; InputError "<what> tidak terbaca: ..." when it cannot be.
    Only a regular file is read: a pipe or a device would block the reader forever."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise OSError(f"'{path.name}' bukan berkas biasa")
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"{what} tidak terbaca: {exc}") from exc


def type_name(v) -> str:
    return {dict: "objek", list: "daftar", str: "teks", bool: "ya/tidak", int: "bilangan bulat",
            float: "pecahan", type(None): "kosong (null)"}.get(type(v), type(v).__name__)


def child(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


class Checker:
    """Collects problems, each with its JSON path."""

    def __init__(self, what: str):
        self.what = what  # "JSON buku kerja", "data referensi"
        self.problems: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        lines = self.problems[:MAX_SHOWN]
        more = len(self.problems) - len(lines)
        tail = [f"… dan {more} lagi"] if more > 0 else []
        raise InputError(f"{self.what.capitalize()} tidak sah; tidak ada yang dibuat:\n"
                         + "\n".join(f"  {s}" for s in lines + tail))

    # -- containers -------------------------------------------------------------------
    def obj(self, v, path: str, *, required: bool = False) -> dict:
        """A dict (or null when not required); {} when it is not one."""
        if isinstance(v, dict):
            return v
        if v is not None or required:
            self.bad(path, f"harus objek, bukan {type_name(v)}")
        return {}

    def items(self, v, path: str) -> list[tuple[str, dict]]:
        """A list of objects (or null): (path, object) of each object element."""
        if v is None:
            return []
        if not isinstance(v, list):
            self.bad(path, f"harus daftar, bukan {type_name(v)}")
            return []
        out = []
        for i, e in enumerate(v):
            if isinstance(e, dict):
                out.append((child(path, i), e))
            else:
                self.bad(child(path, i), f"harus objek, bukan {type_name(e)}")
        return out

    # -- scalars ----------------------------------------------------------------------
    def text(self, d: dict, key: str, path: str, *, required: bool = False, choices=()) -> None:
        p = child(path, key)
        if key not in d:
            if required:
                self.bad(p, "wajib ada")
            return
        v = d[key]
        if v is None:
            if required:
                self.bad(p, "wajib diisi")
            return
        if not isinstance(v, str):
            self.bad(p, f"harus teks, bukan {type_name(v)}")
        elif not storable(v):
            self.bad(p, "berisi karakter yang tidak sah (surrogate tanpa pasangan)")
        elif choices and v not in choices:
            self.bad(p, f"'{v[:40]}' tidak dikenal; pilih {', '.join(choices)}")

    def integer(self, d: dict, key: str, path: str, *, required: bool = False, lo: int = -MAX_INT + 1,
                hi: int = MAX_INT - 1) -> None:
        p = child(path, key)
        if key not in d or d[key] is None:
            if required:
                self.bad(p, "wajib diisi")
            return
        self.int_value(d[key], p, lo=lo, hi=hi)

    def int_value(self, v, p: str, *, lo: int = -MAX_INT + 1, hi: int = MAX_INT - 1) -> bool:
        if isinstance(v, bool) or not isinstance(v, int):
            self.bad(p, f"harus bilangan bulat, bukan {type_name(v)}")
            return False
        if not lo <= v <= hi:
            self.bad(p, f"{v} di luar batas ({lo}..{hi})")
            return False
        return True

    def year(self, d: dict, key: str, path: str, *, required: bool = False) -> None:
        self.integer(d, key, path, required=required, lo=YEAR_MIN, hi=YEAR_MAX)

    def rupiah(self, d: dict, key: str, path: str, *, signed: bool = False) -> None:
        self.integer(d, key, path, lo=-MAX_INT + 1 if signed else 0)

    def decimal_text(self, v, p: str, *, allow_int: bool = True, non_negative: bool = False) -> None:
        """A quantity as a dot-decimal string ("49.59"); null passes."""
        if v is None:
            return
        if allow_int and isinstance(v, int) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            self.bad(p, f"harus angka dalam teks (mis. \"12.5\"), bukan {type_name(v)}")
            return
        if v.strip() in ("", "-"):
            return
        try:
            d = Decimal(v.strip())
        except InvalidOperation:
            self.bad(p, f"'{v[:40]}' bukan angka (pakai titik desimal, mis. \"12.5\")")
            return
        if not d.is_finite() or abs(d) >= MAX_QUANTITY:
            self.bad(p, f"'{v[:40]}' di luar batas angka yang wajar")
        elif non_negative and d < 0:
            self.bad(p, "tidak boleh negatif")

    def iso_date(self, v, p: str) -> None:
        if v is None:
            return
        if not isinstance(v, str):
            self.bad(p, f"harus tanggal ISO (mis. \"2024-01-02\"), bukan {type_name(v)}")
            return
        try:
            d = date.fromisoformat(v)
        except ValueError:
            self.bad(p, f"'{v[:40]}' bukan tanggal ISO (mis. \"2024-01-02\")")
            return
        if not YEAR_MIN <= d.year <= YEAR_MAX:
            self.bad(p, f"tahun {d.year} di luar batas ({YEAR_MIN}..{YEAR_MAX})")


def find_cycles(parent_of: dict[str, str | None]) -> list[str]:
    """Ids whose parent chain comes back to itself."""
    bad: list[str] = []
    for start in parent_of:
        seen = {start}
        node = parent_of.get(start)
        while node is not None and node in parent_of:
            if node in seen:
                bad.append(start)
                break
            seen.add(node)
            node = parent_of.get(node)
    return bad
