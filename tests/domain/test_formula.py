from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula import MAX_DEPTH, MAX_LENGTH, Formula, evaluate, parse_formula, worked
from lkip_desktop.domain.numbers import format_number, round_half_up

IKK = "jumlah_ikk_meningkat / jumlah_ikk * 100"
IPP = (
    "realisasi_pelaksanaan_kegiatan * 0.8 + ((jumlah_pengadaan_sesuai_ketentuan / "
    "jumlah_pengadaan_difasilitasi) * 0.4 + indeks_kepuasan_masyarakat_bagian_pbj * 0.6) * 0.2"
)
IPP_VALUES = {
    "realisasi_pelaksanaan_kegiatan": Decimal("96.89"),
    "jumlah_pengadaan_sesuai_ketentuan": Decimal(11498),
    "jumlah_pengadaan_difasilitasi": Decimal(11498),
    "indeks_kepuasan_masyarakat_bagian_pbj": Decimal("94.02"),
}
ILPBIT = {"i1": Decimal("4.21"), "i2": Decimal("4.68"), "i3": Decimal("3.75"), "i4": Decimal("5.00")}


def test_ikk():
    f = parse_formula(IKK)
    assert f.names == ("jumlah_ikk_meningkat", "jumlah_ikk")
    v = evaluate(f, {"jumlah_ikk_meningkat": Decimal(60), "jumlah_ikk": Decimal(121)})
    assert str(v).startswith("49.586776859504132231404958")
    with localcontext() as c:
        c.prec = 28
        assert v == Decimal(60) / Decimal(121) * 100
    assert worked(f, {"jumlah_ikk_meningkat": Decimal(60), "jumlah_ikk": Decimal(121)}) == "60 : 121 × 100 = 49,59"


def test_ipp_exact():
    assert evaluate(IPP, IPP_VALUES) == Decimal("88.8744")
    assert worked(IPP, IPP_VALUES) == (
        "96,89 × 0,8 + ((11.498 : 11.498) × 0,4 + 94,02 × 0,6) × 0,2 = 88,87"
    )
    assert parse_formula(IPP).names == tuple(IPP_VALUES)


def test_akip_sum():
    assert evaluate("24.21 + 24.47 + 12,07 + 21,29", {}) == Decimal("82.04")
    assert evaluate("sum(a; b; c; d)", dict(zip("abcd", map(Decimal, ["24.21", "24.47", "12.07", "21.29"])))) == Decimal(
        "82.04"
    )


def test_ilpbit_worked():
    assert worked("(i1 + i2 + i3 + i4) / 4", ILPBIT) == "(4,21 + 4,68 + 3,75 + 5) : 4 = 4,41"
    assert evaluate("mean(i1, i2, i3, i4)", ILPBIT) == Decimal("4.41")
    assert worked("rerata(i1; i2; i3; i4)", ILPBIT) == "rerata(4,21; 4,68; 3,75; 5) = 4,41"


def test_half_up_result():
    assert worked("(a + (b + c) / 2) / 2", {"a": Decimal("88.83"), "b": Decimal("87.86"), "c": Decimal("86.98")}).endswith(
        "= 88,13"
    )


@pytest.mark.parametrize(
    "text, value",
    [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("-2 * -3", "6"),
        ("10 - 2 - 3", "5"),
        ("12 / 2 / 3", "2"),
        ("2 x 3", "6"),
        ("2 × 3 ÷ 4", "1.5"),
        ("6 : 4", "1.5"),
        ("80%", "0.8"),
        ("200 * 40%", "80"),
        ("min(3; 1, 2)", "1"),
        ("max(3, 1; 2)", "3"),
        ("MEAN(1, 2)", "1.5"),
        ("0,5 + 0.25", "0.75"),
        ("5 \u2212 7", "-2"),
        ("--5", "5"),
        ("+5", "5"),
    ],
)
def test_arithmetic(text, value):
    assert evaluate(text, {}) == Decimal(value)


def test_names():
    f = parse_formula("[IKK meningkat] / [seluruh  IKK] * 100 + x x x - [IKK meningkat]")
    assert f.names == ("IKK meningkat", "seluruh IKK", "x")
    assert evaluate(f, {"IKK meningkat": Decimal(60), "seluruh IKK": Decimal(120), "x": Decimal(2)}) == Decimal(-6)
    assert f == Formula(f.source)
    assert parse_formula("sum + mean").names == ("sum", "mean")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "Rumus kosong"),
        ("a +", "Rumus tidak lengkap"),
        ("a + * b", "Rumus tidak lengkap"),
        ("mean(a,)", "Rumus tidak lengkap"),
        ("(a + b", "Tanda kurung tidak seimbang"),
        ("a + b)", "Tanda kurung tidak seimbang"),
        ("a # b", "Karakter tidak dikenal '#' pada posisi 3"),
        ("__import__('os')", "Karakter tidak dikenal"),
        ("a ** b", "Pangkat"),
        ("9**9**9", "Pangkat"),
        ("2 ^ 3", "Pangkat"),
        ("a b", "Operator hilang"),
        ("foo(a)", "Fungsi tidak dikenal 'foo'"),
        ("mean()", "sedikitnya satu"),
        ("1.000", "ambigu"),
        ("1.234.567", "pemisah ribuan"),
        ("[a", "tidak ditutup"),
        ("a]", "tanpa pasangan"),
        ("[]", "kosong"),
        ("()", "kosong"),
        ("5.", "tidak lengkap"),
        ("5%%", "ganda"),
        ("(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1), "terlalu dalam"),
        ("-" * (MAX_DEPTH + 1) + "1", "terlalu dalam"),
        ("1+" * MAX_LENGTH + "1", "terlalu panjang"),
    ],
)
def test_parse_errors(text, fragment):
    with pytest.raises(FormulaError) as e:
        parse_formula(text)
    assert fragment in str(e.value)


def test_evaluate_errors():
    with pytest.raises(FormulaError, match="Nama komponen tidak dikenal: 'b'"):
        evaluate("a + b", {"a": Decimal(1)})
    with pytest.raises(FormulaError, match="Komponen 'b' belum diisi"):
        evaluate("a + b", {"a": Decimal(1), "b": None})
    with pytest.raises(FormulaError, match="Pembagian dengan nol pada 'a / \\(b - b\\)'"):
        evaluate("a / (b - b)", {"a": Decimal(1), "b": Decimal(2)})
    with pytest.raises(FormulaError, match="Pembagian dengan nol"):
        evaluate("0 / 0", {})
    with pytest.raises(TypeError):
        evaluate("a", {"a": 1.5})


def test_long_flat_formula_and_huge_numbers():
    # A 999-term sum builds no deep tree.
    assert evaluate("+".join(["1"] * 999), {}) == 999
    big = "9" * 900
    assert evaluate(f"{big} - {big}", {}) == 0
    assert isinstance(evaluate(f"{big} * {big}", {}), Decimal)
    assert evaluate("1" + "0" * 40 + " / 10", {}) == Decimal("1e39")


def test_worked_negative_value_and_percent():
    assert worked("[a] x 80% : 2", {"a": Decimal(-3)}) == "(-3) × 80% : 2 = -1,20"
    assert worked("-a", {"a": Decimal(-3)}) == "-(-3) = 3,00"
    assert worked("a / b", {"a": Decimal(1), "b": Decimal(3)}, places=4) == "1 : 3 = 0,3333"


# --- properties --------------------------------------------------------------------------

_formula_text = st.text(
    alphabet=st.sampled_from(list("0123456789.,;:+-*/x×÷%()[] abmeansuix^_")) | st.characters(),
    max_size=40,
)


def _values_for(f):
    return {n: Decimal(i + 1) for i, n in enumerate(f.names)}


@settings(max_examples=200, deadline=None)
@given(_formula_text)
def test_any_text_raises_only_formula_error(text):
    try:
        f = parse_formula(text)
        evaluate(f, _values_for(f))
        worked(f, _values_for(f))
    except FormulaError:
        pass


_operand = st.one_of(
    st.sampled_from(["a", "b", "c", "[d e]"]),
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False).map(
        # Comma decimals: "1.000" would be refused as ambiguous.
        lambda d: str(d).replace("-", "0-").replace(".", ",")
    ),
)


@st.composite
def _expressions(draw, depth=0):
    if depth > 3 or draw(st.booleans()):
        return draw(_operand)
    kind = draw(st.sampled_from(["bin", "paren", "call", "neg"]))
    if kind == "bin":
        op = draw(st.sampled_from(["+", "-", "*", "/", "x", ":"]))
        return f"{draw(_expressions(depth + 1))} {op} {draw(_expressions(depth + 1))}"
    if kind == "paren":
        return f"({draw(_expressions(depth + 1))})"
    if kind == "neg":
        return f"-({draw(_expressions(depth + 1))})"
    fn = draw(st.sampled_from(["mean", "sum", "min", "max"]))
    args = draw(st.lists(_expressions(depth + 1), min_size=1, max_size=3))
    if len(args) == 1:
        args = [f"({args[0]})"]  # a lone bare "0,5" is refused as ambiguous (mean(1,5))
    return f"{fn}({'; '.join(args)})"


_component = st.decimals(min_value=-10**6, max_value=10**6, places=4, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(_expressions(), _component, _component, _component, _component, st.integers(0, 4))
def test_worked_ends_with_rounded_value(text, a, b, c, d, places):
    values = {"a": a, "b": b, "c": c, "d e": d}
    f = parse_formula(text)
    try:
        value = evaluate(f, values)
    except FormulaError as e:
        assert "Pembagian dengan nol" in str(e)
        return
    shown = worked(f, values, places)
    assert shown.endswith(" = " + format_number(round_half_up(value, places), places))


def test_a_comma_decimal_alone_in_a_function_is_refused():
    """mean(1,5) would silently be the mean of the single value 1,5."""
    with pytest.raises(FormulaError, match="satu angka"):
        parse_formula("mean(1,5)")
    assert evaluate(parse_formula("mean(4,21; 4,68)"), {}) == Decimal("4.445")
