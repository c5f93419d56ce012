"""`lkip-ringkasan/1`: an OPD summary as a small versioned JSON (docs/json-format.md), for a
city that collects summaries rather than workbooks, and reading it back with every field
checked. Decimals travel as strings (never JSON numbers), rupiah as integers, dates ISO."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...domain.reviu import LEVELS
from ...store.database import check_output_path
from .summary import IkuLine, OpdSummary

FORMAT = "lkip-ringkasan/1"


class RingkasanError(ValueError):
    """The JSON is not a ringkasan this version reads; the message says why, in Indonesian."""


def _dec(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def to_json(s: OpdSummary) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "opd": s.opd,
        "singkatan": s.singkatan,
        "tahun": s.tahun,
        "iku": s.iku_count,
        "capaian": _dec(s.capaian),
        "capaian_dihitung": s.capaian_counted,
        "predikat": s.predikat,
        "iku_tercapai": s.iku_met,
        "pagu_murni": s.pagu_murni,
        "pagu_perubahan": s.pagu_perubahan,
        "pagu": s.pagu,
        "realisasi": s.realisasi,
        "serapan": _dec(s.serapan),
        "efisiensi": _dec(s.efisiensi),
        "pk_tanggal": _day(s.pk_tanggal),
        "pk_perubahan_tanggal": _day(s.pk_perubahan_tanggal),
        "reviu": {level: s.reviu.get(level, 0) for level in LEVELS},
        "perubahan_terakhir": s.last_change,
        "indikator": [
            {"kode": i.kode, "nama": i.nama, "satuan": i.satuan, "target": i.target, "realisasi": i.realisasi,
             "capaian": _dec(i.capaian), "predikat": i.predikat}
            for i in s.ikus
        ],
    }


def write_ringkasan(s: OpdSummary, out: Path | str) -> Path:
    """Write the JSON under a temporary name, then rename: never a half-written file."""
    out = check_output_path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(to_json(s), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


# -- reading back, every field checked ----------------------------------------------------
def _field(d: dict, name: str, kind: type | tuple, *, null: bool = False) -> Any:
    if name not in d:
        raise RingkasanError(f"kolom '{name}' tidak ada")
    v = d[name]
    if v is None and null:
        return None
    if isinstance(v, bool) or not isinstance(v, kind):
        raise RingkasanError(f"kolom '{name}' berjenis salah")
    if isinstance(v, int) and v < 0 and name != "realisasi":
        raise RingkasanError(f"kolom '{name}' negatif")
    return v


def _finite(text: str) -> Decimal:
    value = Decimal(text)  # InvalidOperation is an ArithmeticError
    if not value.is_finite():
        raise ValueError(text)
    return value


def _parsed(d: dict, name: str, parse, what: str):
    """A nullable text field parsed by ``parse``; a text that does not parse is refused."""
    text = _field(d, name, str, null=True)
    if text is None:
        return None
    try:
        return parse(text)
    except (ValueError, ArithmeticError):
        raise RingkasanError(f"kolom '{name}' bukan {what}") from None


def _decimal(d: dict, name: str) -> Decimal | None:
    return _parsed(d, name, _finite, "angka desimal")


def _date(d: dict, name: str) -> date | None:
    return _parsed(d, name, date.fromisoformat, "tanggal (YYYY-MM-DD)")


def from_json(d: Any, source: str = "") -> OpdSummary:
    """A parsed JSON object -> OpdSummary; RingkasanError names the first fault."""
    if not isinstance(d, dict):
        raise RingkasanError("bukan objek JSON ringkasan")
    fmt = d.get("format")
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith("lkip-ringkasan/"):
            raise RingkasanError(f"format {fmt} lebih baru dari yang dibaca aplikasi ini ({FORMAT})")
        raise RingkasanError(f"bukan ringkasan LKIP (format harus {FORMAT})")
    tahun = _field(d, "tahun", int)
    if not 2000 <= tahun <= 2100:
        raise RingkasanError(f"tahun {tahun} tidak wajar")
    reviu = _field(d, "reviu", dict)
    lines = _field(d, "indikator", list)
    ikus = []
    for i, row in enumerate(lines, 1):
        if not isinstance(row, dict):
            raise RingkasanError(f"indikator ke-{i} bukan objek")
        ikus.append(IkuLine(_field(row, "kode", str), _field(row, "nama", str), _field(row, "satuan", str),
                            _field(row, "target", str), _field(row, "realisasi", str), _decimal(row, "capaian"),
                            _field(row, "predikat", str, null=True)))
    iku_count = _field(d, "iku", int)
    if iku_count != len(ikus):
        raise RingkasanError(f"kolom 'iku' ({iku_count}) tidak sama dengan jumlah indikator ({len(ikus)})")
    return OpdSummary(
        source=source,
        opd=_field(d, "opd", str),
        singkatan=_field(d, "singkatan", str),
        tahun=tahun,
        iku_count=iku_count,
        capaian=_decimal(d, "capaian"),
        capaian_counted=_field(d, "capaian_dihitung", int),
        predikat=_field(d, "predikat", str, null=True),
        iku_met=_field(d, "iku_tercapai", int),
        pagu_murni=_field(d, "pagu_murni", int),
        pagu_perubahan=_field(d, "pagu_perubahan", int),
        pagu=_field(d, "pagu", int),
        realisasi=_field(d, "realisasi", int, null=True),
        serapan=_decimal(d, "serapan"),
        efisiensi=_decimal(d, "efisiensi"),
        pk_tanggal=_date(d, "pk_tanggal"),
        pk_perubahan_tanggal=_date(d, "pk_perubahan_tanggal"),
        reviu={level: _field(reviu, level, int) for level in LEVELS},
        last_change=_field(d, "perubahan_terakhir", str, null=True),
        ikus=tuple(ikus),
    )


def read_ringkasan(path: Path | str) -> OpdSummary:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise RingkasanError("bukan berkas JSON yang sah") from None
    return from_json(data, path.name)
