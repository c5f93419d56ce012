"""domain.formula.parser (and the tokenizer under it): names, syntax errors with positions."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula.evaluation import evaluate
from lkip_desktop.domain.formula.parser import MAX_DEPTH, MAX_LENGTH, Formula, parse_formula
from lkip_desktop.domain.formula.worked_text import worked


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


def test_a_comma_decimal_alone_in_a_function_is_refused():
    """mean(1,5) would silently be the mean of the single value 1,5."""
    with pytest.raises(FormulaError, match="satu angka"):
        parse_formula("mean(1,5)")
    assert evaluate(parse_formula("mean(4,21; 4,68)"), {}) == Decimal("4.445")
