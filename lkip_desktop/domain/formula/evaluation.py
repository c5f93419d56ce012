"""A parsed formula -> its value, walked in Decimal under a fresh trapping context.

Components come in by name; float and bool are refused (RULES: never float for figures).
"""

from __future__ import annotations

from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Mapping

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula.parser import Formula, as_formula
from lkip_desktop.domain.formula.tree import Call, Chain, Group, Name, Neg, Node, Num, Pct

PRECISION = 28  # Python's default context, so results equal the same sum done by hand in Decimal


def decimal_context() -> Context:
    # Fresh rather than inherited: the caller's context may not trap, and must not matter.
    return Context(prec=PRECISION, traps=[InvalidOperation, DivisionByZero, Overflow])


def component_value(name: str, values: Mapping[str, Decimal | int | None]) -> Decimal:
    if name not in values:
        raise FormulaError(f"Nama komponen tidak dikenal: '{name}'")
    v = values[name]
    if v is None:
        raise FormulaError(f"Komponen '{name}' belum diisi")
    if isinstance(v, (float, bool)):
        raise TypeError(f"Komponen '{name}': float/bool tidak diterima, pakai Decimal")
    if isinstance(v, int):
        return Decimal(v)
    if not isinstance(v, Decimal):
        raise TypeError(f"Komponen '{name}' harus Decimal, bukan {type(v).__name__}")
    if not v.is_finite():
        raise FormulaError(f"Komponen '{name}' bukan angka yang sah")
    return v


class _Evaluator:
    def __init__(self, src: str, values: Mapping[str, Decimal | int | None]):
        self.src = src
        self.values = values

    def ev(self, node: Node) -> Decimal:
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Name):
            return component_value(node.name, self.values)
        if isinstance(node, Neg):
            return -self.ev(node.operand)
        if isinstance(node, Pct):
            return self.ev(node.operand) / 100
        if isinstance(node, Group):
            return self.ev(node.inner)
        if isinstance(node, Call):
            args = [self.ev(a) for a in node.args]
            if node.func == "sum":
                return sum(args, Decimal(0))
            if node.func == "mean":
                return sum(args, Decimal(0)) / len(args)
            return min(args) if node.func == "min" else max(args)
        assert isinstance(node, Chain)
        acc = self.ev(node.first)
        for op, operand in node.rest:
            v = self.ev(operand)
            if op == "+":
                acc = acc + v
            elif op == "-":
                acc = acc - v
            elif op == "*":
                acc = acc * v
            else:
                if v.is_zero():
                    where = self.src[node.start : operand.end]
                    raise FormulaError(f"Pembagian dengan nol pada '{where}'")
                acc = acc / v
        return acc


def evaluate(formula: Formula | str, values: Mapping[str, Decimal | int | None]) -> Decimal:
    """The value at full precision (28 digits); round only for display."""
    f = as_formula(formula)
    with localcontext(decimal_context()):
        try:
            result = _Evaluator(f.source, values).ev(f.tree)
            return +result  # unary plus applies the context: literals may be longer than 28 digits
        except Overflow:
            raise FormulaError("Hasil perhitungan terlalu besar") from None
        except (InvalidOperation, DivisionByZero):
            raise FormulaError("Perhitungan tidak sah") from None
