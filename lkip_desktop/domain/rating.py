"""Rating scales (RULES.md §5), each its own table.

A value is rounded half-up to 2 dp (the figure printed beside the label), then gets the
highest band whose lower edge it reaches: ``value >= lower`` for an inclusive edge
(D86 "76 ≤"), ``value > lower`` for a strict one (AKIP "> 80"). The last band catches
everything below, so every number gets a label.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .numbers import round_half_up

# Screen colours, top band green … bottom band red.
_GREEN, _LIGHT_GREEN, _YELLOW_GREEN, _YELLOW, _ORANGE, _DARK_ORANGE, _RED = (
    "#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027",
)
_COLORS = {
    7: (_GREEN, _LIGHT_GREEN, _YELLOW_GREEN, _YELLOW, _ORANGE, _DARK_ORANGE, _RED),
    5: (_GREEN, _YELLOW_GREEN, _YELLOW, _ORANGE, _RED),
    4: (_GREEN, _YELLOW_GREEN, _ORANGE, _RED),
}


@dataclass(frozen=True)
class Band:
    lower: Decimal
    label: str
    code: str | None
    color: str
    inclusive: bool = True  # True: value >= lower; False: value > lower

    def reaches(self, value: Decimal) -> bool:
        return value >= self.lower if self.inclusive else value > self.lower


@dataclass(frozen=True)
class Scale:
    key: str
    name: str
    bands: tuple[Band, ...]  # highest first; the last one catches everything below

    def rate(self, value: Decimal | None) -> Band | None:
        if value is None:
            return None
        if isinstance(value, float) or isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"nilai harus Decimal, bukan {type(value).__name__}")
        value = Decimal(value)
        if not value.is_finite():
            return None
        shown = round_half_up(value, 2)
        for band in self.bands:
            if band.reaches(shown):
                return band
        return self.bands[-1]


def _scale(key: str, name: str, rows: list[tuple[str, str | None, str]], inclusive: bool) -> Scale:
    colors = _COLORS[len(rows)]
    bands = tuple(
        Band(Decimal(lower), label, code, colors[i], inclusive) for i, (lower, code, label) in enumerate(rows)
    )
    return Scale(key, name, bands)


# §5.1 [D86]: official integer intervals with the gaps closed at the next lower edge.
D86 = _scale(
    "d86",
    "Skala nilai peringkat kinerja (Permendagri 86/2017)",
    [
        ("91", None, "Sangat Tinggi"),
        ("76", None, "Tinggi"),
        ("66", None, "Sedang"),
        ("51", None, "Rendah"),
        ("0", None, "Sangat Rendah"),
    ],
    inclusive=True,
)

# §5.2: the 7-level table of both reports, edge corrected from ">91" to ">90"; strict edges.
LOKAL7 = _scale(
    "lokal7",
    "Skala 7 tingkat (tabel laporan, batas >90)",
    [
        ("90", "AA", "Sangat Memuaskan"),
        ("80", "A", "Memuaskan"),
        ("70", "BB", "Sangat Baik"),
        ("60", "B", "Baik"),
        ("50", "CC", "Cukup"),
        ("30", "C", "Kurang"),
        ("0", "D", "Sangat Kurang"),
    ],
    inclusive=False,
)

# §5.4 [M88]: "> 90" AA … "> 30" C, else D.
AKIP = _scale(
    "akip",
    "Predikat AKIP (PermenPANRB 88/2021)",
    [
        ("90", "AA", "Sangat Memuaskan"),
        ("80", "A", "Memuaskan"),
        ("70", "BB", "Sangat Baik"),
        ("60", "B", "Baik"),
        ("50", "CC", "Cukup (Memadai)"),
        ("30", "C", "Kurang"),
        ("0", "D", "Sangat Kurang"),
    ],
    inclusive=False,
)

# §5.5 [M14]: mutu on the NIK (25–100) by its lower edges; label = kinerja unit pelayanan.
IKM = _scale(
    "ikm",
    "Mutu pelayanan IKM (PermenPANRB 14/2017)",
    [
        ("88.31", "A", "Sangat Baik"),
        ("76.61", "B", "Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
    inclusive=True,
)

# §5.6 SPBE index (PermenPANRB 5/2018), 0–5.
SPBE = _scale(
    "spbe",
    "Indeks SPBE (PermenPANRB 5/2018)",
    [
        ("4.2", None, "Memuaskan"),
        ("3.5", None, "Sangat Baik"),
        ("2.6", None, "Baik"),
        ("1.8", None, "Cukup"),
        ("0", None, "Kurang"),
    ],
    inclusive=True,
)

SCALES: dict[str, Scale] = {s.key: s for s in (D86, LOKAL7, AKIP, IKM, SPBE)}
DEFAULT_SCALE = "d86"


def get_scale(key: str | None = None) -> Scale:
    """The scale for a settings key; unknown key -> KeyError (a programming error)."""
    return SCALES[key or DEFAULT_SCALE]


def rate(value: Decimal | None, key: str = DEFAULT_SCALE) -> Band | None:
    return get_scale(key).rate(value)


def akip_predikat(nilai: Decimal | None) -> str:
    """AKIP predikat from an LHE nilai (§5.4): 90,01 -> "AA", 90,00 -> "A"; None -> "-"."""
    band = AKIP.rate(nilai)
    return "-" if band is None else band.code  # type: ignore[return-value]


def ikm_mutu(nik: Decimal | None) -> tuple[str, str]:
    """(mutu, kinerja unit) of an IKM konversi (§5.5): 88,13 -> ("B", "Baik"); None -> ("-", "-")."""
    band = IKM.rate(nik)
    if band is None:
        return ("-", "-")
    return (band.code, band.label)  # type: ignore[return-value]
