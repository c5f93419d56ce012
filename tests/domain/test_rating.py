"""rating.py: every test value printed in RULES §5."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_desktop.domain.numbers import round_half_up
from lkip_desktop.domain.rating import DEFAULT_SCALE, SCALES, akip_predikat, ikm_mutu, rate


def label(key, v):
    return SCALES[key].rate(D(v)).label


@pytest.mark.parametrize(
    "v, expected",
    [
        ("91.00", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("90.5", "Tinggi"),  # official gap 90–91 closed
        ("76.00", "Tinggi"),
        ("75.99", "Sedang"),
        ("66.00", "Sedang"),
        ("65.99", "Rendah"),
        ("51.00", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("123.97", "Sangat Tinggi"),
        ("112.23", "Sangat Tinggi"),
        ("90.995", "Sangat Tinggi"),  # rated on the shown 91,00
        ("90.994", "Tinggi"),
    ],
)
def test_d86(v, expected):
    assert label("d86", v) == expected


def test_default_scale():
    assert DEFAULT_SCALE == "d86" and rate(D("91")).label == "Sangat Tinggi"
    assert set(SCALES) == {"d86", "lokal7", "lima", "akip", "ikm", "spbe"}


@pytest.mark.parametrize(
    "v, code, text",
    [
        ("100", "AA", "Sangat Memuaskan"),
        ("123.97", "AA", "Sangat Memuaskan"),
        ("90.01", "AA", "Sangat Memuaskan"),
        ("90.00", "A", "Memuaskan"),  # corrected edge: >90, not >91
        ("90.004", "A", "Memuaskan"),
        ("90.005", "AA", "Sangat Memuaskan"),
        ("80.01", "A", "Memuaskan"),
        ("80.00", "BB", "Sangat Baik"),
        ("70.01", "BB", "Sangat Baik"),
        ("70.00", "B", "Baik"),
        ("60.00", "CC", "Cukup"),
        ("50.01", "CC", "Cukup"),
        ("50.00", "C", "Kurang"),
        ("30.01", "C", "Kurang"),
        ("30.00", "D", "Sangat Kurang"),
        ("0", "D", "Sangat Kurang"),
    ],
)
def test_lokal7(v, code, text):
    band = SCALES["lokal7"].rate(D(v))
    assert (band.code, band.label) == (code, text)


@pytest.mark.parametrize(
    "v, grade",
    [
        ("90.00", "A"),
        ("90.01", "AA"),
        ("80.03", "A"),
        ("79.94", "BB"),
        ("70.03", "BB"),
        ("69.89", "B"),
        ("60.05", "B"),
        ("51.89", "CC"),
        ("42.39", "C"),
        ("30.00", "D"),
        ("70.08", "BB"),  # SETWAN 2022, printed "B": the table gives BB
        ("82.04", "A"),
        ("80.67", "A"),
        ("0", "D"),
    ],
)
def test_akip(v, grade):
    assert akip_predikat(D(v)) == grade
    assert SCALES["akip"].rate(D(v)).code == grade


def test_akip_labels():
    assert SCALES["akip"].rate(D("55")).label == "Cukup (Memadai)"
    assert akip_predikat(None) == "-"


@pytest.mark.parametrize(
    "nik, mutu, kinerja",
    [
        ("88.13", "B", "Baik"),
        ("94.02", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("76.61", "B", "Baik"),
        ("100", "A", "Sangat Baik"),
        ("25", "D", "Tidak Baik"),
        # SETDA T3.26 labels that contradict the table (§5.5)
        ("94.23", "A", "Sangat Baik"),
        ("84.31", "B", "Baik"),
        ("87.74", "B", "Baik"),
    ],
)
def test_ikm(nik, mutu, kinerja):
    assert ikm_mutu(D(nik)) == (mutu, kinerja)


def test_ikm_none():
    assert ikm_mutu(None) == ("-", "-")


@pytest.mark.parametrize(
    "v, expected",
    [
        ("4.41", "Memuaskan"),
        ("5.0", "Memuaskan"),
        ("4.2", "Memuaskan"),
        ("4.19", "Sangat Baik"),
        ("3.5", "Sangat Baik"),
        ("3.49", "Baik"),
        ("2.6", "Baik"),
        ("2.59", "Cukup"),
        ("1.8", "Cukup"),
        ("1.79", "Kurang"),
    ],
)
def test_spbe(v, expected):
    assert label("spbe", v) == expected


def test_none_and_float():
    assert SCALES["d86"].rate(None) is None
    with pytest.raises(TypeError):
        SCALES["d86"].rate(91.0)


@pytest.mark.parametrize("key", sorted(SCALES))
def test_scale_shape(key):
    bands = SCALES[key].bands
    assert [b.lower for b in bands] == sorted((b.lower for b in bands), reverse=True)
    assert bands[0].color == "#1a9850" and bands[-1].color == "#d73027"  # green top, red bottom
    assert all(b.color.startswith("#") and len(b.color) == 7 for b in bands)


@pytest.mark.parametrize("key", sorted(SCALES))
@given(
    a=st.decimals(allow_nan=False, allow_infinity=False, min_value=-10, max_value=200),
    b=st.decimals(allow_nan=False, allow_infinity=False, min_value=-10, max_value=200),
)
def test_rate_monotone_and_on_shown_value(key, a, b):
    scale = SCALES[key]
    lo, hi = sorted([a, b])
    assert scale.bands.index(scale.rate(lo)) >= scale.bands.index(scale.rate(hi))
    assert scale.rate(a) == scale.rate(round_half_up(a, 2))
