"""Formulas of composite indicators, typed by users (RULES.md §3).

User text is never given to eval/exec/compile: a small tokenizer and recursive-descent parser
build a tree that is walked in Decimal. Grammar::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/" | "×" | "÷" | ":" | "x") unary)*
    unary   := ("-" | "+") unary | postfix
    postfix := primary "%"?                 # 80% = 0,8
    primary := number | name | name "(" expr (sep expr)* ")" | "(" expr ")"

Numbers take "." or "," as decimal mark ("0.8", "0,8"); a comma is decimal only directly between
digits, so arguments are separated by ";" or ", ". Thousands separators are refused (ambiguous).
Names are identifiers or free text in square brackets: ``[IKK meningkat]``. ``x`` multiplies only
where an operator is expected, so a komponen may still be called ``x``. No power operator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Mapping, Union

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.numbers import format_number, round_half_up

__all__ = ["Formula", "parse_formula", "evaluate", "worked", "MAX_LENGTH", "MAX_DEPTH", "PRECISION"]

MAX_LENGTH = 2000
MAX_DEPTH = 50
PRECISION = 28  # Python's default context, so results equal the same sum done by hand in Decimal

FUNCTIONS = {
    "mean": "mean", "rerata": "mean", "avg": "mean",
    "sum": "sum", "jumlah": "sum",
    "min": "min", "max": "max",
}  # fmt: skip

_SYMBOLS = {
    "+": "+", "-": "-", "\u2212": "-", "\u2013": "-",
    "*": "*", "\u00d7": "*", "/": "/", "\u00f7": "/", ":": "/",
    "%": "%", "(": "(", ")": ")", ",": ";", ";": ";",
}  # fmt: skip
_SHOW_OP = {"+": "+", "-": "-", "*": "×", "/": ":"}

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_NAME = re.compile(r"[^\W\d]\w*")
_SPACE = re.compile(r"\s+")


# --- tree --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Num:
    value: Decimal
    start: int
    end: int


@dataclass(frozen=True)
class _Name:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class _Neg:
    operand: "_Node"
    start: int
    end: int


@dataclass(frozen=True)
class _Pct:
    operand: "_Node"
    start: int
    end: int


@dataclass(frozen=True)
class _Group:
    inner: "_Node"
    start: int
    end: int


@dataclass(frozen=True)
class _Chain:
    # n-ary and evaluated left to right, so "1+1+…+1" builds no deep tree.
    first: "_Node"
    rest: tuple[tuple[str, "_Node"], ...]
    start: int
    end: int


@dataclass(frozen=True)
class _Call:
    func: str  # canonical: mean, sum, min, max
    shown: str  # as the user wrote it
    args: tuple["_Node", ...]
    start: int
    end: int


_Node = Union[_Num, _Name, _Neg, _Pct, _Group, _Chain, _Call]


# --- tokenizer ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, name, bname (bracketed), op, eof
    text: str
    start: int
    end: int
    value: Decimal | None = None


def _tokenize(src: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c in "0123456789":
            m = _NUMBER.match(src, i)
            assert m is not None
            text = m.group()
            j = m.end()
            if j + 1 < n and src[j] in ".," and src[j + 1] in "0123456789":
                k = j
                while k < n and (src[k] in "0123456789.,"):
                    k += 1
                raise FormulaError(
                    f"Angka '{src[i:k]}' pada posisi {i + 1} tidak sah: tulis tanpa pemisah ribuan, "
                    "dan pisahkan argumen fungsi dengan ';' atau ', '"
                )
            if j < n and src[j] == ".":
                raise FormulaError(f"Angka '{src[i:j + 1]}' pada posisi {i + 1} tidak lengkap")
            whole, _, frac = text.replace(",", ".").partition(".")
            if "." in text and len(frac) == 3 and whole.strip("0"):
                raise FormulaError(
                    f"Angka '{text}' pada posisi {i + 1} ambigu: tulis {whole}{frac} "
                    f"untuk ribuan atau {whole},{frac} untuk desimal"
                )
            toks.append(_Tok("num", text, i, j, Decimal(text.replace(",", "."))))
            i = j
        elif c == "[":
            j = src.find("]", i + 1)
            if j < 0:
                raise FormulaError(f"Kurung siku '[' pada posisi {i + 1} tidak ditutup")
            name = _SPACE.sub(" ", src[i + 1 : j]).strip()
            if not name:
                raise FormulaError(f"Nama dalam kurung siku kosong pada posisi {i + 1}")
            if "[" in name:
                raise FormulaError(f"Kurung siku bersarang pada posisi {i + 1}")
            toks.append(_Tok("bname", name, i, j + 1))
            i = j + 1
        elif c == "]":
            raise FormulaError(f"Kurung siku ']' tanpa pasangan pada posisi {i + 1}")
        elif (m := _NAME.match(src, i)) is not None:
            toks.append(_Tok("name", m.group(), i, m.end()))
            i = m.end()
        elif c == "^" or src.startswith("**", i):
            raise FormulaError(f"Pangkat tidak didukung (posisi {i + 1})")
        elif c in _SYMBOLS:
            toks.append(_Tok("op", _SYMBOLS[c], i, i + 1))
            i += 1
        else:
            raise FormulaError(f"Karakter tidak dikenal '{c}' pada posisi {i + 1}")
    toks.append(_Tok("eof", "", n, n))
    return toks


# --- parser ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, src: str):
        self.src = src
        self.toks = _tokenize(src)
        self.i = 0
        self.depth = 0
        self.names: dict[str, None] = {}  # ordered set, first use first

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def _advance(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"Rumus terlalu dalam bersarang (maksimal {MAX_DEPTH} tingkat)")

    def _is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def _mul_op(self) -> str | None:
        t = self.tok
        if t.kind == "op" and t.text in ("*", "/"):
            return t.text
        # An operand never follows an operand, so a bare "x" here can only mean "times".
        if t.kind == "name" and t.text in ("x", "X"):
            return "*"
        return None

    def parse(self) -> _Node:
        if self.tok.kind == "eof":
            raise FormulaError("Rumus kosong")
        node = self.expr()
        t = self.tok
        if t.kind == "eof":
            return node
        if self._is_op(")"):
            raise FormulaError(f"Tanda kurung tidak seimbang: ')' tanpa pasangan pada posisi {t.start + 1}")
        if t.kind in ("num", "name", "bname") or self._is_op("("):
            raise FormulaError(f"Operator hilang sebelum '{t.text}' pada posisi {t.start + 1}")
        raise FormulaError(f"'{t.text}' tidak diharapkan pada posisi {t.start + 1}")

    def _chain(self, sub, op_of) -> _Node:
        first = sub()
        rest: list[tuple[str, _Node]] = []
        while (op := op_of()) is not None:
            self._advance()
            rest.append((op, sub()))
        if not rest:
            return first
        return _Chain(first, tuple(rest), first.start, rest[-1][1].end)

    def expr(self) -> _Node:
        return self._chain(self.term, lambda: self.tok.text if self._is_op("+", "-") else None)

    def term(self) -> _Node:
        return self._chain(self.unary, self._mul_op)

    def unary(self) -> _Node:
        if self._is_op("-", "+"):
            t = self._advance()
            self._enter()
            operand = self.unary()
            self.depth -= 1
            return _Neg(operand, t.start, operand.end) if t.text == "-" else operand
        node = self.primary()
        if self._is_op("%"):
            t = self._advance()
            if self._is_op("%"):
                raise FormulaError(f"Tanda '%' ganda pada posisi {self.tok.start + 1}")
            node = _Pct(node, node.start, t.end)
        return node

    def primary(self) -> _Node:
        t = self.tok
        if t.kind == "num":
            self._advance()
            assert t.value is not None
            return _Num(t.value, t.start, t.end)
        if t.kind == "bname":
            self._advance()
            self.names.setdefault(t.text)
            return _Name(t.text, t.start, t.end)
        if t.kind == "name":
            self._advance()
            if self._is_op("("):
                return self.call(t)
            self.names.setdefault(t.text)
            return _Name(t.text, t.start, t.end)
        if self._is_op("("):
            self._advance()
            self._enter()
            if self._is_op(")"):
                raise FormulaError(f"Tanda kurung kosong pada posisi {t.start + 1}")
            inner = self.expr()
            close = self._expect_close(t)
            self.depth -= 1
            return _Group(inner, t.start, close.end)
        if t.kind == "eof":
            raise FormulaError("Rumus tidak lengkap: nilai atau komponen diharapkan di akhir")
        if self._is_op(")"):
            raise FormulaError(f"Rumus tidak lengkap: nilai diharapkan sebelum ')' pada posisi {t.start + 1}")
        shown = {"*": "×", "/": ":", ";": "pemisah ';' atau ','"}.get(t.text, t.text)
        raise FormulaError(f"Rumus tidak lengkap: '{shown}' tidak diharapkan pada posisi {t.start + 1}")

    def _expect_close(self, opener: _Tok) -> _Tok:
        if self._is_op(")"):
            return self._advance()
        t = self.tok
        if t.kind == "eof":
            raise FormulaError(
                f"Tanda kurung tidak seimbang: '(' pada posisi {opener.start + 1} tidak ditutup"
            )
        if t.kind in ("num", "name", "bname") or self._is_op("("):
            raise FormulaError(f"Operator hilang sebelum '{t.text}' pada posisi {t.start + 1}")
        raise FormulaError(f"')' diharapkan pada posisi {t.start + 1}, bukan '{t.text}'")

    def call(self, name_tok: _Tok) -> _Node:
        func = FUNCTIONS.get(name_tok.text.lower())
        if func is None:
            known = ", ".join(sorted(set(FUNCTIONS)))
            raise FormulaError(
                f"Fungsi tidak dikenal '{name_tok.text}' pada posisi {name_tok.start + 1} (yang ada: {known})"
            )
        self._advance()  # "("
        self._enter()
        if self._is_op(")"):
            raise FormulaError(f"Fungsi '{name_tok.text}' memerlukan sedikitnya satu nilai")
        args = [self.expr()]
        while self._is_op(";"):
            self._advance()
            args.append(self.expr())
        close = self._expect_close(name_tok)
        self.depth -= 1
        only = args[0] if len(args) == 1 else None
        if isinstance(only, _Num) and "," in self.src[only.start:only.end]:
            # mean(1,5) would silently be mean of one value 1,5: say how to separate values.
            raise FormulaError(
                f"'{self.src[name_tok.start:close.end]}' dibaca sebagai satu angka "
                f"{self.src[only.start:only.end]}. Pisahkan nilai dengan ';', mis. {name_tok.text}(1; 5)"
            )
        return _Call(func, name_tok.text, tuple(args), name_tok.start, close.end)


# --- public ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Formula:
    """A parsed formula. ``Formula(text)`` parses at once and raises FormulaError."""

    source: str
    names: tuple[str, ...] = field(init=False, compare=False)
    _tree: _Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"Rumus harus str, bukan {type(self.source).__name__}")
        if len(self.source) > MAX_LENGTH:
            raise FormulaError(f"Rumus terlalu panjang (maksimal {MAX_LENGTH} karakter)")
        parser = _Parser(self.source)
        tree = parser.parse()
        object.__setattr__(self, "_tree", tree)
        object.__setattr__(self, "names", tuple(parser.names))


def parse_formula(text: str) -> Formula:
    """Parse ``text``; FormulaError (Indonesian, with position) if it is not a valid formula."""
    return Formula(text)


def _context() -> Context:
    # Fresh rather than inherited: the caller's context may not trap, and must not matter.
    return Context(prec=PRECISION, traps=[InvalidOperation, DivisionByZero, Overflow])


def _value_of(name: str, values: Mapping[str, Decimal | int | None]) -> Decimal:
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

    def ev(self, node: _Node) -> Decimal:
        if isinstance(node, _Num):
            return node.value
        if isinstance(node, _Name):
            return _value_of(node.name, self.values)
        if isinstance(node, _Neg):
            return -self.ev(node.operand)
        if isinstance(node, _Pct):
            return self.ev(node.operand) / 100
        if isinstance(node, _Group):
            return self.ev(node.inner)
        if isinstance(node, _Call):
            args = [self.ev(a) for a in node.args]
            if node.func == "sum":
                return sum(args, Decimal(0))
            if node.func == "mean":
                return sum(args, Decimal(0)) / len(args)
            return min(args) if node.func == "min" else max(args)
        assert isinstance(node, _Chain)
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


def _as_formula(formula: Formula | str) -> Formula:
    return formula if isinstance(formula, Formula) else parse_formula(formula)


def evaluate(formula: Formula | str, values: Mapping[str, Decimal | int | None]) -> Decimal:
    """The value at full precision (28 digits); round only for display."""
    f = _as_formula(formula)
    with localcontext(_context()):
        try:
            result = _Evaluator(f.source, values).ev(f._tree)
            return +result  # unary plus applies the context: literals may be longer than 28 digits
        except Overflow:
            raise FormulaError("Hasil perhitungan terlalu besar") from None
        except (InvalidOperation, DivisionByZero):
            raise FormulaError("Perhitungan tidak sah") from None


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

    def show(self, node: _Node) -> str:
        if isinstance(node, _Num):
            return _show(node.value)
        if isinstance(node, _Name):
            return _show(_value_of(node.name, self.values))
        if isinstance(node, _Neg):
            inner = self.show(node.operand)
            return f"-({inner})" if inner.startswith("-") else f"-{inner}"
        if isinstance(node, _Pct):
            return f"{self.show(node.operand)}%"
        if isinstance(node, _Group):
            return f"({self.show(node.inner)})"
        if isinstance(node, _Call):
            return f"{node.shown}({'; '.join(self.show(a) for a in node.args)})"
        assert isinstance(node, _Chain)
        parts = [self.show(node.first)]
        for op, operand in node.rest:
            parts += [_SHOW_OP[op], self.show(operand)]
        return " ".join(parts)


def worked(formula: Formula | str, values: Mapping[str, Decimal | int | None], places: int = 2) -> str:
    """The computation as printed in the report: "60 : 121 × 100 = 49,59" (result half-up)."""
    f = _as_formula(formula)
    result = evaluate(f, values)
    with localcontext(_context()):
        body = _Renderer(values).show(f._tree)
    return f"{body} = {format_number(round_half_up(result, places), places)}"
