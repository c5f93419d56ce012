"""domain.formula.evaluation: values in Decimal at full precision, evaluation errors."""

from decimal import Decimal

import pytest

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula.evaluation import evaluate


def test_akip_sum():
    assert evaluate("24.21 + 24.47 + 12,07 + 21,29", {}) == Decimal("82.04")
    assert evaluate("sum(a; b; c; d)", dict(zip("abcd", map(Decimal, ["24.21", "24.47", "12.07", "21.29"])))) == Decimal(
        "82.04"
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
