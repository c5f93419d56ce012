"""Formulas of composite indicators, typed by users (RULES.md §3): text -> a checked tree.

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

from dataclasses import dataclass, field

from lkip_desktop.domain.errors import FormulaError
from lkip_desktop.domain.formula.tokenizer import Token, tokenize
from lkip_desktop.domain.formula.tree import Call, Chain, Group, Name, Neg, Node, Num, Pct

MAX_LENGTH = 2000
MAX_DEPTH = 50

FUNCTIONS = {
    "mean": "mean", "rerata": "mean", "avg": "mean",
    "sum": "sum", "jumlah": "sum",
    "min": "min", "max": "max",
}  # fmt: skip


class Parser:
    def __init__(self, src: str):
        self.src = src
        self.toks = tokenize(src)
        self.i = 0
        self.depth = 0
        self.names: dict[str, None] = {}  # ordered set, first use first

    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def _advance(self) -> Token:
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

    def parse(self) -> Node:
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

    def _chain(self, sub, op_of) -> Node:
        first = sub()
        rest: list[tuple[str, Node]] = []
        while (op := op_of()) is not None:
            self._advance()
            rest.append((op, sub()))
        if not rest:
            return first
        return Chain(first, tuple(rest), first.start, rest[-1][1].end)

    def expr(self) -> Node:
        return self._chain(self.term, lambda: self.tok.text if self._is_op("+", "-") else None)

    def term(self) -> Node:
        return self._chain(self.unary, self._mul_op)

    def unary(self) -> Node:
        if self._is_op("-", "+"):
            t = self._advance()
            self._enter()
            operand = self.unary()
            self.depth -= 1
            return Neg(operand, t.start, operand.end) if t.text == "-" else operand
        node = self.primary()
        if self._is_op("%"):
            t = self._advance()
            if self._is_op("%"):
                raise FormulaError(f"Tanda '%' ganda pada posisi {self.tok.start + 1}")
            node = Pct(node, node.start, t.end)
        return node

    def primary(self) -> Node:
        t = self.tok
        if t.kind == "num":
            self._advance()
            assert t.value is not None
            return Num(t.value, t.start, t.end)
        if t.kind == "bname":
            self._advance()
            self.names.setdefault(t.text)
            return Name(t.text, t.start, t.end)
        if t.kind == "name":
            self._advance()
            if self._is_op("("):
                return self.call(t)
            self.names.setdefault(t.text)
            return Name(t.text, t.start, t.end)
        if self._is_op("("):
            self._advance()
            self._enter()
            if self._is_op(")"):
                raise FormulaError(f"Tanda kurung kosong pada posisi {t.start + 1}")
            inner = self.expr()
            close = self._expect_close(t)
            self.depth -= 1
            return Group(inner, t.start, close.end)
        if t.kind == "eof":
            raise FormulaError("Rumus tidak lengkap: nilai atau komponen diharapkan di akhir")
        if self._is_op(")"):
            raise FormulaError(f"Rumus tidak lengkap: nilai diharapkan sebelum ')' pada posisi {t.start + 1}")
        shown = {"*": "×", "/": ":", ";": "pemisah ';' atau ','"}.get(t.text, t.text)
        raise FormulaError(f"Rumus tidak lengkap: '{shown}' tidak diharapkan pada posisi {t.start + 1}")

    def _expect_close(self, opener: Token) -> Token:
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

    def call(self, name_tok: Token) -> Node:
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
        if isinstance(only, Num) and "," in self.src[only.start:only.end]:
            # mean(1,5) would silently be mean of one value 1,5: say how to separate values.
            raise FormulaError(
                f"'{self.src[name_tok.start:close.end]}' dibaca sebagai satu angka "
                f"{self.src[only.start:only.end]}. Pisahkan nilai dengan ';', mis. {name_tok.text}(1; 5)"
            )
        return Call(func, name_tok.text, tuple(args), name_tok.start, close.end)



@dataclass(frozen=True)
class Formula:
    """A parsed formula. ``Formula(text)`` parses at once and raises FormulaError."""

    source: str
    names: tuple[str, ...] = field(init=False, compare=False)
    tree: Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"Rumus harus str, bukan {type(self.source).__name__}")
        if len(self.source) > MAX_LENGTH:
            raise FormulaError(f"Rumus terlalu panjang (maksimal {MAX_LENGTH} karakter)")
        parser = Parser(self.source)
        tree = parser.parse()
        object.__setattr__(self, "tree", tree)
        object.__setattr__(self, "names", tuple(parser.names))


def parse_formula(text: str) -> Formula:
    """Parse ``text``; FormulaError (Indonesian, with position) if it is not a valid formula."""
    return Formula(text)


def as_formula(formula: Formula | str) -> Formula:
    return formula if isinstance(formula, Formula) else parse_formula(formula)
