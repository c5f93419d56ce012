"""domain.formula.worked_text: the computation as the report prints it, on real indicators."""

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula.evaluation import evaluate
from lkip_desktop.domain.formula.parser import parse_formula
from lkip_desktop.domain.formula.worked_text import worked
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


def test_ilpbit_worked():
    assert worked("(i1 + i2 + i3 + i4) / 4", ILPBIT) == "(4,21 + 4,68 + 3,75 + 5) : 4 = 4,41"
    assert evaluate("mean(i1, i2, i3, i4)", ILPBIT) == Decimal("4.41")
    assert worked("rerata(i1; i2; i3; i4)", ILPBIT) == "rerata(4,21; 4,68; 3,75; 5) = 4,41"


def test_half_up_result():
    assert worked("(a + (b + c) / 2) / 2", {"a": Decimal("88.83"), "b": Decimal("87.86"), "c": Decimal("86.98")}).endswith(
        "= 88,13"
    )


def test_worked_negative_value_and_percent():
    assert worked("[a] x 80% : 2", {"a": Decimal(-3)}) == "(-3) × 80% : 2 = -1,20"
    assert worked("-a", {"a": Decimal(-3)}) == "-(-3) = 3,00"
    assert worked("a / b", {"a": Decimal(1), "b": Decimal(3)}, places=4) == "1 : 3 = 0,3333"


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
