import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.numbers import (
    D,
    format_date,
    format_number,
    format_percent,
    format_rupiah,
    format_signed,
    parse_date,
    parse_number,
    parse_rupiah,
    round_half_up,
)


def test_D():
    assert D("0.8") == Decimal("0.8")
    assert D(5) == Decimal(5)
    assert D(Decimal("1.5")) == Decimal("1.5")
    with pytest.raises(TypeError):
        D(0.8)
    with pytest.raises(InputError):
        D("abc")
    with pytest.raises(InputError):
        D("NaN")


def test_round_half_up_not_half_even():
    assert round_half_up(Decimal("88.125")) == Decimal("88.13")
    assert round_half_up(Decimal("-88.125")) == Decimal("-88.13")
    assert round_half_up(Decimal("2.5"), 0) == 3
    assert str(round_half_up(Decimal("-0.001"))) == "0.00"
    with pytest.raises(TypeError):
        round_half_up(88.125)
    # Wider than the default 28-digit context.
    assert round_half_up(Decimal("9" * 40 + ".125")) == Decimal("9" * 40 + ".13")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.234,56", "1234.56"),
        ("1.234.567", "1234567"),
        ("49,59 %", "49.59"),
        ("49,59%", "49.59"),
        ("Rp 235.997.078.013", "235997078013"),
        ("Rp235.997.078.013,00", "235997078013"),
        ("29.55", "29.55"),
        ("1.2345", "1.2345"),
        ("0.500", "0.5"),
        ("1.234.567", "1234567"),
        ("(0,75)", "-0.75"),
        ("-0,75", "-0.75"),
        ("\u22120,75", "-0.75"),
        ("  12,5 ", "12.5"),
        ("\u00a01.234,5\u00a0", "1234.5"),
        ("1\u202f", "1"),
        ("0", "0"),
        ("-0", "0"),
        ("Rp 5.000,-", "5000"),
        ("-Rp 5.000", "-5000"),
        ("Rp -5.000", "-5000"),
        ("(Rp 5.000)", "-5000"),
        ("+3", "3"),
    ],
)
def test_parse_number_accepts(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    ["abc", "1,234,567.5", "12abc", "1e5", "NaN", "Infinity", "1.23.4", "1234.567", "5.", "(-5)", "Rp", "%",
     "--5", "1 234", "١٢", ".5", "1,2,3"],
)
def test_parse_number_rejects(text):
    with pytest.raises(InputError) as e:
        parse_number(text)
    assert f"'{text}'" in str(e.value)
    assert "bukan angka yang sah" in str(e.value)


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_parse_number_empty(text):
    with pytest.raises(InputError, match="Nilai kosong"):
        parse_number(text)


def test_parse_number_type():
    with pytest.raises(TypeError):
        parse_number(1.5)


def test_parse_rupiah():
    assert parse_rupiah("Rp 235.997.078.013") == 235997078013
    assert parse_rupiah("Rp 1.234.567") == 1234567
    assert parse_rupiah("1.234.567,00") == 1234567
    assert parse_rupiah("(5.000.000)") == -5000000
    assert isinstance(parse_rupiah("1.234"), int)
    with pytest.raises(InputError, match="Rupiah harus bilangan bulat"):
        parse_rupiah("1.234,5")


def test_format_number():
    assert format_number(Decimal("88.125")) == "88,13"
    assert format_number(Decimal("1234567.891")) == "1.234.567,89"
    assert format_number(100) == "100,00"
    assert format_number(Decimal("1.50"), None) == "1,50"
    assert format_number(Decimal("1234"), None) == "1.234"
    assert format_number(Decimal("1E+3"), None) == "1.000"
    assert format_number(Decimal("-0.001")) == "0,00"
    assert format_number(Decimal("-1234.5")) == "-1.234,50"
    assert format_number(None) == "-"
    with pytest.raises(TypeError):
        format_number(1.5)


def test_format_rupiah():
    assert format_rupiah(235997078013) == "235.997.078.013"
    assert format_rupiah(235997078013, prefix=True) == "Rp 235.997.078.013"
    assert format_rupiah(-5000000) == "(5.000.000)"
    assert format_rupiah(-5000000, parens=False) == "-5.000.000"
    assert format_rupiah(-5000000, prefix=True) == "(Rp 5.000.000)"
    assert format_rupiah(0) == "-"
    assert format_rupiah(None) == "-"
    assert format_rupiah(0, dash_zero=False) == "0"
    with pytest.raises(TypeError):
        format_rupiah(1.0)
    with pytest.raises(TypeError):
        format_rupiah(Decimal("1"))


def test_format_percent_and_signed():
    assert format_percent(Decimal("123.966942")) == "123,97%"
    assert format_percent(Decimal("123.966942"), suffix=False) == "123,97"
    assert format_percent(None) == "-"
    assert format_signed(Decimal("-11.95")) == "-11,95"
    assert format_signed(Decimal("-0.75"), parens=True) == "(0,75)"
    assert format_signed(Decimal("0.75"), parens=True) == "0,75"
    assert format_signed(Decimal("-0.001")) == "0,00"


def test_dates():
    d = datetime.date(2024, 1, 2)
    assert format_date(d) == "2 Januari 2024"
    assert format_date(d, zero_pad=True) == "02 Januari 2024"
    assert format_date(datetime.date(2024, 8, 17)) == "17 Agustus 2024"
    for text in ["2 Januari 2024", "02 Januari 2024", "02 januari 2024", "2 Jan 2024", "2024-01-02",
                 "02/01/2024", "2/1/2024", "2-1-2024"]:
        assert parse_date(text) == d, text
    assert parse_date("17 Agt 2024") == datetime.date(2024, 8, 17)
    for text in ["", "x", "2 Foo 2024", "31/02/2024", "2024/01/02", "1 Januari 24"]:
        with pytest.raises(InputError):
            parse_date(text)


# --- properties --------------------------------------------------------------------------

_decimals = st.decimals(
    min_value=Decimal("-999999999999999.999999"),
    max_value=Decimal("999999999999999.999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)


@settings(max_examples=200, deadline=None)
@given(_decimals)
def test_format_parse_round_trip(x):
    assert parse_number(format_number(x, None)) == x
    assert parse_number(format_number(x, 6)) == x


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,-−()% Rp\u00a0abcE+") | st.characters(), max_size=30))
def test_parse_number_raises_only_input_error(text):
    try:
        assert isinstance(parse_number(text), Decimal)
    except InputError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_rupiah_round_trip(n):
    assert parse_rupiah(format_rupiah(n, prefix=True, dash_zero=False)) == n


@pytest.mark.parametrize("text", ["88.125", "89.414", "5.474", "-1.234"])
def test_a_single_dot_with_three_decimals_is_ambiguous(text):
    """88.125 from an English sheet would otherwise be stored 1000x too big."""
    with pytest.raises(InputError, match="ambigu"):
        parse_number(text)


def test_rupiah_read_a_single_dot_group_as_thousands():
    assert parse_rupiah("5.474") == 5474
    assert parse_number("Rp 5.474") == Decimal("5474")
    assert parse_number("88,125") == Decimal("88.125") and parse_number("88.12") == Decimal("88.12")


def test_grouped_digits_are_the_text_babel_gives_for_id_ID():
    """numbers formats through str.format for speed; the text must stay Babel's id_ID text."""
    import random
    from decimal import localcontext

    from babel import Locale
    from babel.numbers import parse_pattern

    from lkip_desktop.domain import numbers

    loc = Locale.parse("id_ID")
    rnd = random.Random(16)
    values = [Decimal("0"), Decimal("-0"), Decimal("-0.001"), Decimal("0.005"), Decimal("0.015"),
              Decimal("-1234.5"), Decimal("-1235.5"), Decimal("1E+20"), Decimal("123456789012345678901234567890.125")]
    for _ in range(3000):
        values.append(Decimal(rnd.randint(-10 ** rnd.randint(0, 18), 10 ** rnd.randint(0, 18))).scaleb(-rnd.randint(0, 6)))
    for d in values:
        for places in (0, 1, 2, 3):
            q = numbers.round_half_up(d, places)
            with localcontext(prec=60):
                want = parse_pattern("#,##0" + ("." + "0" * places if places else "")).apply(q, loc)
            assert numbers.format_number(d, places) == want, (d, places)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"[0-9]{1,12}(,[0-9]{1,8})?", fullmatch=True))
def test_an_ungrouped_figure_reads_as_babel_reads_it(text):
    """The quick path for "80,1" or "1234" (no group marks) gives what Babel's strict parser
    gives for the same text."""
    from babel.numbers import parse_decimal

    assert parse_number(text) == parse_decimal(text, locale="id_ID", strict=True)


def test_grouped_figures_still_go_through_babels_check():
    assert parse_number("1.234,5") == D("1234.5")
    assert parse_number("12.345.678") == D("12345678")
    for bad in ("1.23.4", "12,34,5", "1..2"):
        with pytest.raises(InputError):
            parse_number(bad)
