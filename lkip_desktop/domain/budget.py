"""Budget arithmetic (RULES.md §6), efisiensi (§7) and comparisons (§8).

Rupiah are ``int``; percentages are ``Decimal`` at full precision. Only efisiensi E1
rounds, because the reports subtract the two displayed percentages (§1.5).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping

from .capaian import CTX, DEFAULT_SETTINGS, PREC, Capaian, CapaianSettings, capaian, mean
from .errors import InputError
from .numbers import round_half_up
from .values import IndicatorValue, Predikat, parse_predikat

HUNDRED = Decimal(100)

_EXACT_LIMIT = 10 ** (PREC - 2)

EFISIENSI_CONVENTIONS = {
    "E1": "Selisih capaian dan serapan",
    "E2": "Sisa anggaran",
    "E3": "Rasio capaian terhadap serapan",
}


def _rupiah(x: object, what: str) -> int:
    if type(x) is int:  # the common case
        return x
    if isinstance(x, bool) or not isinstance(x, int):
        raise TypeError(f"{what}: rupiah harus int, bukan {type(x).__name__}")
    return x


def _dec(x: object, what: str) -> Decimal | None:
    if x is None:
        return None
    if type(x) is Decimal:  # the common case
        return x if x.is_finite() else None
    if isinstance(x, Capaian):
        return x.value
    if isinstance(x, float) or isinstance(x, bool) or not isinstance(x, (Decimal, int)):
        raise TypeError(f"{what}: harus Decimal, bukan {type(x).__name__}")
    d = Decimal(x)
    return d if d.is_finite() else None


def selisih(murni: int, perubahan: int) -> int:
    """§6.1: perubahan − murni (negative = cut, printed "(579.477.379)")."""
    return _rupiah(perubahan, "perubahan") - _rupiah(murni, "murni")


def serapan(realisasi: int | None, pagu: int | None) -> Decimal | None:
    """§6.3: realisasi ÷ pagu × 100; pagu 0 or missing -> None ("-"). For a group pass the sums (§6.4)."""
    if realisasi is None or pagu is None:
        return None
    _rupiah(realisasi, "realisasi")
    if _rupiah(pagu, "pagu") == 0:
        return None
    return _percent(realisasi, pagu)


def _percent(amount: int, pagu: int) -> Decimal:
    if -_EXACT_LIMIT < amount < _EXACT_LIMIT:  # amount × 100 has at most PREC digits: exact either way
        return CTX.divide(Decimal(amount * 100), Decimal(pagu))  # one rounding only
    return CTX.divide(CTX.multiply(Decimal(amount), HUNDRED), Decimal(pagu))


def row_figures(murni: int, perubahan: int, pagu: int, realisasi: int | None) -> tuple[int, Decimal | None, Decimal | None]:
    """(selisih, serapan, E2) of one budget row or of a sum of rows, as ``selisih``, ``serapan``
    and ``sisa_anggaran`` give them, in one call: a city's budget has 50,000 rows."""
    if type(murni) is int and type(perubahan) is int and type(pagu) is int and (realisasi is None or type(realisasi) is int):
        if realisasi is None or pagu == 0:
            return perubahan - murni, None, None
        ser = _percent(realisasi, pagu)
        return perubahan - murni, ser, CTX.subtract(HUNDRED, ser)
    ser = serapan(realisasi, pagu)  # anything unusual: the checks and their messages
    return selisih(murni, perubahan), ser, sisa_anggaran(ser)


def leaf_row(murni: int, perubahan: int, realisasi: int | None, perubahan_berlaku: bool) -> tuple:
    """One sub kegiatan's (murni, perubahan, selisih, pagu, realisasi, serapan, E2):
    ``pagu_efektif`` (inline for plain int pagu: 50,000 rows at 100x) then ``row_figures``,
    which alone holds the selisih, serapan and E2 rule."""
    if type(murni) is int and type(perubahan) is int:
        pagu = perubahan if perubahan_berlaku else murni
    else:
        pagu = pagu_efektif(murni, perubahan, perubahan_berlaku)
    selisih, ser, sisa = row_figures(murni, perubahan, pagu, realisasi)
    return (murni, perubahan, selisih, pagu, realisasi, ser, sisa)


def pagu_efektif(murni: int | None, perubahan: int | None, perubahan_berlaku: bool) -> int:
    """§6.3: the pagu serapan is measured on: perubahan once the APBD-P is enacted, else murni.

    None (printed "-") counts as 0: a sub kegiatan dropped in the APBD-P has pagu 0 (§6.2).
    """
    chosen = perubahan if perubahan_berlaku else murni
    return 0 if chosen is None else _rupiah(chosen, "pagu")


def perubahan_ignored(murni: int | None, perubahan: int | None, perubahan_berlaku: bool) -> bool:
    """§6.3 trap: a pagu perubahan (APBD-P) differs from the murni, yet serapan is still
    measured on the murni because the APBD-P is not marked as enacted."""
    return not perubahan_berlaku and bool(perubahan) and perubahan != murni


def items_perubahan_ignored(items: Iterable, perubahan_berlaku: bool) -> list:
    """The items (with ``pagu_murni`` / ``pagu_perubahan``) caught by ``perubahan_ignored``."""
    return [i for i in items if perubahan_ignored(i.pagu_murni, i.pagu_perubahan, perubahan_berlaku)]


def triwulan_persen(amount: int | None, pagu: int | None) -> Decimal | None:
    """§6.7: money of one quarter ÷ annual pagu × 100, not cumulative. Negative amounts are valid (§6.8)."""
    return serapan(amount, pagu)


def deviasi(realisasi: Decimal | None, rencana: Decimal | None) -> Decimal | None:
    """§6.10: realisasi − rencana, in points."""
    r, p = _dec(realisasi, "realisasi"), _dec(rencana, "rencana")
    if r is None or p is None:
        return None
    return CTX.subtract(r, p)


def efisiensi(
    capaian: Decimal | Capaian | None, serapan: Decimal | None, convention: str = "E1"
) -> Decimal | None:
    """§7. E1 = round2(C) − round2(S) (so the printed row adds up); E2 = 100 − S; E3 = C ÷ S × 100."""
    if convention not in EFISIENSI_CONVENTIONS:
        raise InputError(f"Konvensi efisiensi tidak dikenal: {convention!r} (E1, E2 atau E3).")
    c, s = _dec(capaian, "capaian"), _dec(serapan, "serapan")
    if s is None:
        return None
    if convention == "E2":
        return sisa_anggaran(s)  # needs no capaian
    if c is None:
        return None
    if convention == "E1":
        return CTX.subtract(round_half_up(c, 2), round_half_up(s, 2))
    if s == 0:
        return None
    return CTX.divide(CTX.multiply(c, HUNDRED), s)


def sisa_anggaran(serapan: Decimal | None) -> Decimal | None:
    """§7 E2: 100 − serapan, the share of the pagu left unspent; None without a serapan."""
    s = _dec(serapan, "serapan")
    return None if s is None else CTX.subtract(HUNDRED, s)


def program_groups(programs: Iterable) -> list[tuple[str, list]]:
    """Programs in groups by ``kelompok`` (e.g. BLU / Non-BLU), each group where its first
    program stands, programs keeping their order inside it. Programs without a kelompok form
    the group "" (no subtotal). No kelompok anywhere: one group "", the order unchanged."""
    groups: dict[str, list] = {}
    for p in programs:
        groups.setdefault(p.kelompok.strip(), []).append(p)
    return list(groups.items())


def row_capaian(values: Iterable[Decimal | None]) -> tuple[Decimal | None, int, int]:
    """Capaian of a program/kegiatan/sub kegiatan row (RULES 4 applied to a budget row): the
    simple mean of the unrounded capaian of the indicators that row owns, those without a
    capaian left out. Returns (mean or None, counted, total)."""
    all_values = list(values)
    present = [v for v in all_values if v is not None]
    return mean(present), len(present), len(all_values)


def efisiensi_label(e1: Decimal | None) -> str:
    """E1 verdict (naufalpi/e-sakip-bna): > 5 efisien, within ±5 cukup, below tidak; on the 2-dp value."""
    e = _dec(e1, "efisiensi")
    if e is None:
        return "-"
    e = round_half_up(e, 2)
    if e > 5:
        return "Efisien"
    if e >= -5:
        return "Cukup efisien"
    return "Tidak efisien"


def _number_of(v: IndicatorValue | None) -> Decimal | None:
    if isinstance(v, Predikat):
        return v.score
    return _dec(v, "realisasi")


def selisih_realisasi(r_now: IndicatorValue | None, r_last: IndicatorValue | None) -> Decimal | None:
    """§8: R_t − R_t−1 in the indicator's unit ("poin"); predikat use their scores, else None."""
    a, b = _number_of(r_now), _number_of(r_last)
    if a is None or b is None:
        return None
    return CTX.subtract(a, b)


def capaian_akhir_renstra(
    realisasi_per_tahun: Mapping[int, IndicatorValue | None],
    tahun: int,
    target_akhir: IndicatorValue | None,
    kumulatif: bool,
    polaritas: str = "positif",
    settings: CapaianSettings = DEFAULT_SETTINGS,
) -> Capaian:
    """§8: realisasi s.d. ``tahun`` ÷ target akhir Renstra × 100.

    Status indicators use the latest year's realisasi up to ``tahun``; cumulative ones the sum
    of the realisasi of the Renstra years (the mapping's years) up to ``tahun``.
    """
    years = sorted(y for y in realisasi_per_tahun if y <= tahun)
    filled = [y for y in years if realisasi_per_tahun[y] is not None]
    if not filled:
        return capaian(target_akhir, None, polaritas, settings)
    if not kumulatif:
        latest = filled[-1]
        c = capaian(target_akhir, realisasi_per_tahun[latest], polaritas, settings)
        if latest != tahun:
            c = _with_note(c, f"realisasi tahun {latest}")
        return c
    total = Decimal(0)
    for y in filled:
        v = realisasi_per_tahun[y]
        if isinstance(v, Predikat):
            raise InputError("Indikator kumulatif harus berupa angka, bukan predikat.")
        total = CTX.add(total, _dec(v, "realisasi") or 0)
    c = capaian(target_akhir, total, polaritas, settings)
    missing = [y for y in years if y not in filled]
    if missing:
        c = _with_note(c, "realisasi tahun " + ", ".join(map(str, missing)) + " belum diisi")
    return c


def _with_note(c: Capaian, note: str) -> Capaian:
    return c._replace(note=f"{note}; {c.note}" if c.note else note)


def banding_predikat(now: Predikat | str | None, last: Predikat | str | None) -> str:
    """§8: "naik", "sama" or "turun" by rank (A vs A = sama); "-" when one is missing."""
    if now is None or last is None:
        return "-"
    a = parse_predikat(now) if isinstance(now, str) else now
    b = parse_predikat(last) if isinstance(last, str) else last
    if not isinstance(a, Predikat) or not isinstance(b, Predikat):
        raise TypeError("banding_predikat: harus Predikat")
    if a.rank > b.rank:
        return "naik"
    if a.rank < b.rank:
        return "turun"
    return "sama"
