"""The computation as the report prints it: each component replaced by its value, the
operators shown the Indonesian way, the result rounded half-up ("60 : 121 × 100 = 49,59")."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Mapping

from lkip_desktop.domain.formula.evaluation import component_value, decimal_context, evaluate
from lkip_desktop.domain.formula.parser import Formula, as_formula
from lkip_desktop.domain.formula.tree import Call, Chain, Group, Name, Neg, Node, Num, Pct
from lkip_desktop.domain.numbers import format_number, round_half_up

_SHOW_OP = {"+": "+", "-": "-", "*": "×", "/": ":"}


def _strip_zeros(d: Decimal) -> Decimal:
    """5.00 -> 5, 0.80 -> 0.8; exact, unlike Decimal.normalize which rounds to the context."""
    if d.is_zero():
        return Decimal(0)
    sign, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    digits = list(digits)
    while exp < 0 and digits[-1] == 0:
        digits.pop()
        exp += 1
    return Decimal((sign, tuple(digits), exp))


def _show(d: Decimal) -> str:
    text = format_number(_strip_zeros(d), None)
    return f"({text})" if d < 0 else text


class _Renderer:
    def __init__(self, values: Mapping[str, Decimal | int | None]):
        self.values = values

    def show(self, node: Node) -> str:
        if isinstance(node, Num):
            return _show(node.value)
        if isinstance(node, Name):
            return _show(component_value(node.name, self.values))
        if isinstance(node, Neg):
            inner = self.show(node.operand)
            return f"-({inner})" if inner.startswith("-") else f"-{inner}"
        if isinstance(node, Pct):
            return f"{self.show(node.operand)}%"
        if isinstance(node, Group):
            return f"({self.show(node.inner)})"
        if isinstance(node, Call):
            return f"{node.shown}({'; '.join(self.show(a) for a in node.args)})"
        assert isinstance(node, Chain)
        parts = [self.show(node.first)]
        for op, operand in node.rest:
            parts += [_SHOW_OP[op], self.show(operand)]
        return " ".join(parts)


def worked(formula: Formula | str, values: Mapping[str, Decimal | int | None], places: int = 2) -> str:
    """The computation as printed in the report: "60 : 121 × 100 = 49,59" (result half-up)."""
    f = as_formula(formula)
    result = evaluate(f, values)
    with localcontext(decimal_context()):
        body = _Renderer(values).show(f.tree)
    return f"{body} = {format_number(round_half_up(result, places), places)}"
