"""Verbs that shape the workbook's rating scale and how figures without data print: choose a
preset or the OPD's own (kustom) bands, add/edit/delete a band, name the scale, set the
no-data text, and the capaian cap on or off (RULES §2.5, §5). One transaction each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..domain import model as M
from ..domain.errors import InputError
from ..domain.rating import CAPAIAN_PRESETS, KUSTOM, scale_of
from ..store.changes import Changes
from ..store.ops import DeleteOp, InsertOp, SetOp
from . import cells
from .book import Book

CHOICES = CAPAIAN_PRESETS + (KUSTOM,)
DEFAULT_CAP = Decimal("100")
NO_DATA_DEFAULT = M.Settings.teks_tanpa_data  # "n/a"
_BAND_FIELDS = {"batas_bawah": "batas bawah", "label": "kriteria", "inklusif": "tanda batas (≥ / >)"}


def choose_scale(book: Book, key: str) -> Changes | None:
    """Rate capaian by a preset, or by the OPD's own bands. Switching to kustom while it has
    no band copies the bands of the scale in use, so the user edits from a whole table."""
    if key not in CHOICES:
        raise InputError(f"Skala \"{key}\" tidak dikenal.")
    wb = book.wb
    if key == wb.settings.skala:
        return None
    ops: list = [SetOp(cells.setting("skala"), key)]
    if key == KUSTOM and not wb.skala_pita:
        ops += [InsertOp("skala_pita", _band_row(b.lower, b.label, b.inclusive, n))
                for n, b in enumerate(scale_of(wb).bands, start=1)]
    return book.apply(ops, "Ganti skala penilaian")


def _band_row(lower: Decimal, label: str, inklusif: bool, urut: int) -> dict[str, Any]:
    return {"id": M.new_id(), "batas_bawah": lower, "label": label, "inklusif": inklusif, "urut": urut}


def add_band(book: Book, batas_bawah: Decimal = Decimal("0"), label: str = "Kriteria baru",
             inklusif: bool = True) -> str | None:
    """A band of the kustom scale; returns its id."""
    wb = book.wb
    row = _band_row(batas_bawah, label, inklusif, max((p.urut for p in wb.skala_pita.values()), default=0) + 1)
    return row["id"] if book.apply([InsertOp("skala_pita", row)], "Tambah rentang skala") is not None else None


def set_band(book: Book, band_id: str, field: str, text: str) -> Changes | None:
    """One field of a band from typed text ("75", "≥"/">" for inklusif, a label)."""
    if band_id not in book.wb.skala_pita or field not in _BAND_FIELDS:
        raise InputError("Rentang skala tidak ditemukan.")
    ref = cells.skala_pita(band_id, field)
    if field == "inklusif":
        value: Any = _edge_sign(text)
    elif field == "label":
        value = text.strip()
        if not value:
            raise InputError("Kriteria rentang wajib diisi.")
    else:
        value = book.parse(ref, text)
        if value is None:
            raise InputError("Batas bawah rentang wajib diisi.")
    return book.apply([SetOp(ref, value)], f"Ubah {_BAND_FIELDS[field]} rentang skala")


def _edge_sign(text: str) -> bool:
    sign = text.strip().replace(">=", "≥")
    if sign in ("≥", "True", "1"):
        return True
    if sign in (">", "False", "0"):
        return False
    raise InputError("Tanda batas bawah: \"≥\" (termasuk) atau \">\" (lebih dari).")


def delete_band(book: Book, band_id: str) -> Changes | None:
    if band_id not in book.wb.skala_pita:
        return None
    return book.apply([DeleteOp("skala_pita", (band_id,))], "Hapus rentang skala")


def set_scale_name(book: Book, name: str) -> Changes | None:
    """The scale's name in the prose and the table title; empty = the preset's own name."""
    name = " ".join(name.split())
    if name == book.wb.settings.skala_nama:
        return None
    return book.apply([SetOp(cells.setting("skala_nama"), name)], "Ubah nama skala penilaian")


def set_no_data_text(book: Book, text: str) -> Changes | None:
    """What a figure without data prints ("n/a", "-", "t.a.d."); empty = the default."""
    text = text.strip() or NO_DATA_DEFAULT
    if text == book.wb.settings.teks_tanpa_data:
        return None
    return book.apply([SetOp(cells.setting("teks_tanpa_data"), text)], "Ubah teks bila tidak ada data")


def set_cap(book: Book, on: bool, value: Decimal | None = None) -> Changes | None:
    """Capaian cap on (at ``value``, else the cap in use or 100) or off (RULES §2.5)."""
    current = book.wb.settings.batas_capaian
    new = (value if value is not None else current or DEFAULT_CAP) if on else None
    if new is not None and new <= 0:
        raise InputError("Batas atas capaian harus lebih dari 0.")
    if new == current:
        return None
    label = f"Batasi capaian pada {new}%" if new is not None else "Capaian tidak dibatasi"
    return book.apply([SetOp(cells.setting("batas_capaian"), new)], label.replace(".", ","))
