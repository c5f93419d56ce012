"""Field kinds: how each editable value is stored (Decimal as exact TEXT, never REAL; rupiah
as INTEGER), parsed from user text, and checked (sizes, control characters, images)."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain import numbers, values
from ..domain.errors import InputError
from ..domain.nip import parse_nip


MAX_INT = 10**15  # 999 trillion rupiah: far above any APBD, far below SQLite's 2^63
_CONTROL = {c: " " for c in range(32) if c not in (9, 10)} | {127: " "}


MAX_QUANTITY = Decimal(10) ** 12  # no target, realisasi or komponen comes near a trillion
MAX_DECIMALS = 6  # 0,0000001 as a target turns any realisasi into a capaian of billions


def check_quantity(d: Decimal) -> Decimal:
    """A stored quantity within what a performance figure can be (a typo guard)."""
    if abs(d) >= MAX_QUANTITY:
        raise InputError("Angka terlalu besar untuk target, realisasi atau komponen (maksimal 999 miliar).")
    exponent = d.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise InputError(f"Terlalu banyak angka di belakang koma (maksimal {MAX_DECIMALS}).")
    return d


CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # what clean_text removes and the open refuses


def clean_text(text: str) -> str:
    """Control characters (Word's Shift+Enter pastes \x0b) would corrupt an XLSX or PDF:
    they never reach the file."""
    return text.translate(_CONTROL) if any(ord(c) < 32 or ord(c) == 127 for c in text) else text


def storable(text: str) -> bool:
    """Whether ``text`` can be stored as UTF-8 (a lone surrogate such as JSON's "\ud800" cannot)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


UNSTORABLE = "Teks berisi karakter yang tidak sah (surrogate tanpa pasangan); perbaiki teksnya."


def to_json(v):
    """Storage value -> JSON value (bytes travel as base64)."""
    if isinstance(v, (bytes, bytearray)):
        return {"base64": base64.b64encode(bytes(v)).decode("ascii")}
    return v


def from_json(v):
    if isinstance(v, dict) and set(v) == {"base64"}:
        return base64.b64decode(v["base64"], validate=True)
    return v


@dataclass(frozen=True)
class Kind:
    """What a column may hold, and how it is stored."""
    name: str
    nullable: bool = True
    choices: tuple[str, ...] = ()
    non_negative: bool = False

    def to_db(self, v):
        if v is None:
            if not self.nullable:
                raise InputError("Nilai wajib diisi")
            return None
        n = self.name
        if n in ("text", "enum"):
            if not isinstance(v, str):
                raise TypeError(f"expected str, got {type(v).__name__}")
            v = clean_text(v)
            if not storable(v):
                raise InputError(UNSTORABLE)
            if self.choices and v not in self.choices:
                raise InputError(f"Pilihan tidak sah: '{v}'. Pilih salah satu: {', '.join(self.choices)}")
            return v
        if n in ("int", "rupiah"):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"expected int, got {type(v).__name__}")
            if self.non_negative and v < 0:
                raise InputError("Nilai tidak boleh negatif")
            if abs(v) >= MAX_INT:
                raise InputError("Angka terlalu besar (maksimal 999 triliun).")
            return v
        if n == "bool":
            return 1 if v else 0
        if n == "decimal":
            if not isinstance(v, (Decimal, int)) or isinstance(v, bool):
                raise TypeError(f"expected Decimal, got {type(v).__name__}")
            if not Decimal(v).is_finite():
                raise InputError("Angka tidak sah")
            if self.non_negative and v < 0:
                raise InputError("Nilai tidak boleh negatif")
            return format(check_quantity(Decimal(v)), "f")
        if n == "value":
            number = v.score if isinstance(v, values.Predikat) else v
            if isinstance(number, Decimal):
                check_quantity(number)
            return values.value_to_text(v)
        if n == "date":
            if not isinstance(v, date):
                raise TypeError("expected date")
            return v.isoformat()
        if n == "image":
            return check_image(v)
        raise AssertionError(n)

    def from_db(self, v):
        if v is None:
            return None
        n = self.name
        if n == "bool":
            return bool(v)
        if n == "decimal":
            return Decimal(v)
        if n == "value":
            return values.value_from_text(v)
        if n == "date":
            return date.fromisoformat(v)
        return v

    def parse(self, text: str | None, *, jenis: str = "angka"):
        """User text -> Python value (raises InputError). Empty text means 'clear'."""
        text = (text or "").strip()
        n = self.name
        if n in ("text", "enum"):
            if not text and not self.nullable:
                if n == "enum":
                    raise InputError("Pilihan wajib diisi")
                return ""
            if n == "enum" and text not in self.choices:
                raise InputError(f"Pilihan tidak sah: '{text}'. Pilih salah satu: {', '.join(self.choices)}")
            return text
        if not text or text == "-":
            if not self.nullable:
                if n in ("rupiah", "int"):
                    return 0
                raise InputError("Nilai wajib diisi")
            return None
        if n == "rupiah":
            v = numbers.parse_rupiah(text)
        elif n == "int":
            d = numbers.parse_number(text)
            if d != d.to_integral_value():
                raise InputError(f"'{text}' harus bilangan bulat")
            v = int(d)
        elif n == "decimal":
            v = numbers.parse_number(text)
        elif n == "bool":
            low = text.lower()
            if low in ("ya", "y", "1", "true", "benar"):
                return True
            if low in ("tidak", "t", "0", "false", "salah"):
                return False
            raise InputError(f"'{text}' bukan ya/tidak")
        elif n == "value":
            return values.parse_indicator_value(text, jenis)
        elif n == "date":
            return numbers.parse_date(text)
        elif n == "image":
            raise InputError("Pilih berkas gambar (PNG atau JPEG) untuk logo.")
        else:
            raise AssertionError(n)
        if self.non_negative and v < 0:
            raise InputError("Nilai tidak boleh negatif")
        return v


TEXT = Kind("text", nullable=False)
OPT_TEXT = Kind("text")
INT = Kind("int", nullable=False)
RUPIAH = Kind("rupiah", nullable=False, non_negative=True)
OPT_RUPIAH = Kind("rupiah", non_negative=True)
SIGNED_RUPIAH = Kind("rupiah")  # quarterly plans may be cut below zero (RULES 6.8)
DECIMAL = Kind("decimal")
VALUE = Kind("value", nullable=False)
BOOL = Kind("bool", nullable=False)
DATE = Kind("date")
IMAGE = Kind("image")
MAX_IMAGE_BYTES = 2 * 1024 * 1024


def check_image(data) -> bytes:
    """A logo must be a PNG or JPEG of at most 2 MB (it is printed, and stored in the file)."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("expected bytes")
    if len(data) > MAX_IMAGE_BYTES:
        raise InputError("Berkas logo terlalu besar (maksimal 2 MB).")
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise InputError("Logo harus berkas gambar PNG atau JPEG.")
    return bytes(data)


def enum(*choices: str) -> Kind:
    return Kind("enum", nullable=False, choices=choices)


class NipKind(Kind):
    def parse(self, text, **_):
        text = (text or "").strip()
        return parse_nip(text) if text else ""


NIP = NipKind("text", nullable=False)
