"""The workbook's own rating scale (RULES §5.1b, issue 12): the five-band preset, a kustom
scale from the stored bands, the name override and the safe fallbacks of ``scale_of``."""

from decimal import Decimal as D

import pytest

from lkip_desktop.domain.model import SkalaPita, Workbook
from lkip_desktop.domain.rating import SCALES, palette, prose_name, scale_of


@pytest.mark.parametrize(
    "v, expected",
    [
        ("123.97", "Sangat Baik"), ("90.01", "Sangat Baik"), ("90.00", "Baik"),  # > 90, strict
        ("75.00", "Baik"), ("74.99", "Cukup"), ("65.00", "Cukup"), ("64.99", "Kurang"),
        ("50.00", "Kurang"), ("49.99", "Sangat Kurang"), ("0", "Sangat Kurang"),
        ("90.005", "Sangat Baik"),  # rated on the shown 90,01
    ],
)
def test_lima(v, expected):
    assert SCALES["lima"].rate(D(v)).label == expected


def _wb(skala="kustom", nama="", bands=()):
    wb = Workbook()
    wb.settings.skala, wb.settings.skala_nama = skala, nama
    for i, (edge, label, inklusif) in enumerate(bands):
        wb.skala_pita[f"p{i}"] = SkalaPita(f"p{i}", D(edge), label, inklusif, i)
    return wb


def test_scale_of_presets_and_name_override():
    assert scale_of(_wb("lima")) is SCALES["lima"]
    assert scale_of(_wb("d86")) is SCALES["d86"]
    named = scale_of(_wb("lima", "Skala Penilaian Kabupaten Contoh"))
    assert named.name == "Skala Penilaian Kabupaten Contoh" and named.bands == SCALES["lima"].bands


def test_kustom_is_sorted_highest_edge_first_and_keeps_strict_edges():
    wb = _wb(bands=[("60", "Sedang", True), ("80", "Tinggi", False), ("0", "Rendah", True)])
    scale = scale_of(wb)
    assert [b.label for b in scale.bands] == ["Tinggi", "Sedang", "Rendah"]
    assert scale.rate(D("80.00")).label == "Sedang"  # > 80 is strict
    assert scale.rate(D("80.01")).label == "Tinggi"
    assert scale.rate(D("60.00")).label == "Sedang"
    assert scale.rate(D("-5")).label == "Rendah"  # the bottom band catches everything below
    assert [b.color for b in scale.bands] == list(palette(3))


def test_scale_of_never_fails():
    assert scale_of(_wb()) is SCALES["d86"]  # kustom without a band: the default preset
    wb = _wb("d86")
    wb.settings.skala = "hilang"  # a key no version knows
    assert scale_of(wb) is SCALES["d86"]
    assert scale_of(_wb(nama="Skala Uji")).name == "Skala Uji"


def test_palette_runs_green_to_red_for_any_count():
    for n in range(1, 11):
        colors = palette(n)
        assert len(colors) == n and colors[0] == "#1a9850"
        if n > 1:
            assert colors[-1] == "#d73027"


def test_prose_name():
    assert prose_name(SCALES["lima"]).startswith("skala lima tingkat")
    assert prose_name(SCALES["spbe"]).startswith("Indeks SPBE") is False  # "Indeks" is not an acronym
    wb = _wb("lima", "SAKIP Kabupaten")
    assert prose_name(scale_of(wb)) == "SAKIP Kabupaten"
