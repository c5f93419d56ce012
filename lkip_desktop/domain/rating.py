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
    """One band of a rating scale: from ``lower`` up to the next band."""
    lower: Decimal
    label: str
    code: str | None
    color: str
    inclusive: bool = True  # True: value >= lower; False: value > lower

    def reaches(self, value: Decimal) -> bool:
        return value >= self.lower if self.inclusive else value > self.lower


@dataclass(frozen=True)
class Scale:
    """A rating scale: its bands, highest first."""
    key: str
    name: str
    bands: tuple[Band, ...]  # highest first; the last one catches everything below

    def rate(self, value: Decimal | None) -> Band | None:
        if value is None:
            return None
        if type(value) is not Decimal:  # the common case skips the checks
            if isinstance(value, float) or isinstance(value, bool) or not isinstance(value, (Decimal, int)):
                raise TypeError(f"nilai harus Decimal, bukan {type(value).__name__}")
            value = Decimal(value)
        if not value.is_finite():
            return None
        return self.band_of_shown(round_half_up(value, 2))

    def band_of_shown(self, shown: Decimal) -> Band:
        """The band of a finite value already rounded as shown (``rate`` rounds it first)."""
        for band in self.bands:
            if band.reaches(shown):
                return band
        return self.bands[-1]


def palette(n: int) -> tuple[str, ...]:
    """``n`` screen colours, green at the top band to red at the bottom one."""
    if n in _COLORS:
        return _COLORS[n]
    full = _COLORS[7]
    if n <= 1:
        return full[:n]
    return tuple(full[(i * 6) // (n - 1)] for i in range(n))


def _scale(key: str, name: str, rows: list[tuple[str, str | None, str]], inclusive: bool | tuple[bool, ...]) -> Scale:
    colors = palette(len(rows))
    edges = inclusive if isinstance(inclusive, tuple) else (inclusive,) * len(rows)
    bands = tuple(
        Band(Decimal(lower), label, code, colors[i], edges[i]) for i, (lower, code, label) in enumerate(rows)
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

# §5.1b the common five-band scale of pemda LKjIPs (Sangat Baik … Sangat Kurang):
#   > 90 Sangat Baik · 75 ≤ x ≤ 90 Baik · 65 ≤ x < 75 Cukup · 50 ≤ x < 65 Kurang · < 50 Sangat Kurang.
# The top edge is strict (90,00 is still Baik), the others inclusive (75,00 is Baik, 74,99 Cukup).
LIMA = _scale(
    "lima",
    "Skala lima tingkat (Sangat Baik sampai Sangat Kurang)",
    [
        ("90", None, "Sangat Baik"),
        ("75", None, "Baik"),
        ("65", None, "Cukup"),
        ("50", None, "Kurang"),
        ("0", None, "Sangat Kurang"),
    ],
    inclusive=(False, True, True, True, True),
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

SCALES: dict[str, Scale] = {s.key: s for s in (D86, LOKAL7, LIMA, AKIP, IKM, SPBE)}
DEFAULT_SCALE = "d86"
CAPAIAN_PRESETS = ("d86", "lokal7", "lima")  # the presets a workbook can choose for capaian
KUSTOM = "kustom"  # the workbook's own bands (Workbook.skala_pita)


def band_order(pita) -> list:
    """Stored bands as they rate: highest edge first (ties by their order, then id)."""
    return sorted(pita, key=lambda p: (-p.batas_bawah, p.urut, p.id))


def custom_scale(name: str, pita) -> Scale | None:
    """An OPD's own scale from its stored bands (``SkalaPita`` rows), highest edge first;
    None when it has no band. Labels and edges are taken as typed: the reviu
    (``skala-tidak-runtut``) reports overlapping or unreachable bands and empty labels."""
    rows = band_order(pita)
    if not rows:
        return None
    colors = palette(len(rows))
    return Scale(KUSTOM, name or "Skala penilaian kinerja",
                 tuple(Band(p.batas_bawah, p.label, None, colors[i], bool(p.inklusif)) for i, p in enumerate(rows)))


def scale_of(wb) -> Scale:
    """THE rating scale of a workbook (RULES §5): its chosen preset, or its own bands
    (``kustom``), named by ``settings.skala_nama`` when given. Never fails: an unknown key or
    a kustom scale without bands falls back to the default preset."""
    s = wb.settings
    scale = SCALES.get(s.skala) if s.skala != KUSTOM else custom_scale(s.skala_nama, wb.skala_pita.values())
    scale = scale or SCALES[DEFAULT_SCALE]
    if s.skala_nama and scale.name != s.skala_nama:
        scale = Scale(scale.key, s.skala_nama, scale.bands)
    return scale


def prose_name(scale: Scale) -> str:
    """The scale's name inside a sentence ("menurut skala …"): first letter lower-cased,
    unless the name opens with an acronym ("SPBE …")."""
    name = scale.name
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


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
