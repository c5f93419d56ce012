"""values.py: predikat, parsing, storage text, display (RULES §1.1, §2.3)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.values import (
    GRADES,
    Predikat,
    format_value,
    parse_indicator_value,
    parse_predikat,
    value_from_text,
    value_to_text,
)


def test_grades_ranked_d_to_aa():
    assert GRADES == ("D", "C", "CC", "B", "BB", "A", "AA")
    assert [Predikat(g).rank for g in GRADES] == [1, 2, 3, 4, 5, 6, 7]


def test_predikat_str():
    assert str(Predikat("A", D("82.04"))) == "A (82,04)"
    assert str(Predikat("A")) == "A"


def test_predikat_rejects_bad_grade_and_float():
    with pytest.raises(InputError):
        Predikat("E")
    with pytest.raises(TypeError):
        Predikat("A", 82.04)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A", Predikat("A")),
        ("a", Predikat("A")),
        ("BB", Predikat("BB")),
        (" bb ", Predikat("BB")),
        ("A (82,04)", Predikat("A", D("82.04"))),
        ("A (82.04)", Predikat("A", D("82.04"))),
        ("A(82,04)", Predikat("A", D("82.04"))),
        ("AA (90,01)", Predikat("AA", D("90.01"))),
    ],
)
def test_parse_predikat(text, expected):
    assert parse_predikat(text) == expected


@pytest.mark.parametrize("text", ["", "E", "AAA", "AB", "A (x)", "A ()", "82,04", "A (82,04"])
def test_parse_predikat_rejects(text):
    with pytest.raises(InputError):
        parse_predikat(text)


@pytest.mark.parametrize("jenis", ["angka", "persen", "indeks", "predikat"])
@pytest.mark.parametrize("text", [None, "", "  ", "-", "–"])
def test_empty_is_none(text, jenis):
    assert parse_indicator_value(text, jenis) is None


@pytest.mark.parametrize(
    "text, jenis, expected",
    [
        ("49,59", "persen", D("49.59")),
        ("82.04", "indeks", D("82.04")),
        ("88,8744", "indeks", D("88.8744")),
        ("1.234,56", "angka", D("1234.56")),
        ("123,97%", "persen", D("123.97")),
        ("0", "angka", D("0")),
        ("A (82,04)", "predikat", Predikat("A", D("82.04"))),
        ("a", "predikat", Predikat("A")),
        ("82,04", "predikat", D("82.04")),  # a bare score
        ("77.50", "predikat", D("77.50")),
    ],
)
def test_parse_indicator_value(text, jenis, expected):
    v = parse_indicator_value(text, jenis)
    assert v == expected and type(v) is type(expected)


def test_parse_indicator_value_keeps_typed_digits():
    assert str(parse_indicator_value("77,50", "indeks")) == "77.50"


@pytest.mark.parametrize("text, jenis", [("abc", "persen"), ("A", "persen"), ("Z", "predikat"), ("1,2,3", "angka")])
def test_parse_indicator_value_rejects(text, jenis):
    with pytest.raises(InputError) as e:
        parse_indicator_value(text, jenis)
    assert e.value.message  # Indonesian text for the user


def test_predikat_typed_in_number_field_says_so():
    with pytest.raises(InputError, match="predikat"):
        parse_indicator_value("A", "persen")


def test_parse_indicator_value_bad_jenis_and_float():
    with pytest.raises(InputError):
        parse_indicator_value("1", "rupiah")
    with pytest.raises(TypeError):
        parse_indicator_value(1.5, "angka")


@pytest.mark.parametrize(
    "v, text",
    [
        (D("49.59"), "49.59"),
        (D("88.8744"), "88.8744"),
        (D("0.50"), "0.50"),
        (D("100"), "100"),
        (D("-0.75"), "-0.75"),
        (Predikat("A"), "A"),
        (Predikat("A", D("82.04")), "A (82.04)"),
        (None, None),
    ],
)
def test_storage_text_round_trip(v, text):
    assert value_to_text(v) == text
    back = value_from_text(text)
    assert back == v
    if isinstance(v, D):
        assert str(back) == str(v)  # exact digits, not just equal


@pytest.mark.parametrize("text", ["abc", "A (x)", "NaN", "Infinity", "82,04", "Z"])
def test_value_from_text_rejects_corrupt(text):
    with pytest.raises(InputError):
        value_from_text(text)


def test_value_to_text_rejects_float():
    with pytest.raises(TypeError):
        value_to_text(1.5)


@pytest.mark.parametrize(
    "v, places, text",
    [
        (D("49.59"), 2, "49,59"),
        (D("49.586776"), 2, "49,59"),
        (D("88.125"), 2, "88,13"),  # half-up, not Babel's half-even (RULES 1.4)
        (D("100"), 2, "100,00"),
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("88.8744"), None, "88,8744"),
        (D("4.41"), None, "4,41"),
        (Predikat("A", D("82.04")), 2, "A (82,04)"),
        (Predikat("BB"), 2, "BB"),
        (None, 2, "-"),
    ],
)
def test_format_value(v, places, text):
    assert format_value(v, places) == text


decimals = st.decimals(allow_nan=False, allow_infinity=False)
predikats = st.builds(Predikat, st.sampled_from(GRADES), st.none() | decimals)


@given(st.none() | decimals | predikats)
def test_storage_round_trip_property(v):
    back = value_from_text(value_to_text(v))
    assert back == v
    if isinstance(v, D):
        assert back.as_tuple() == v.as_tuple()
