"""The parsed formula as a tree of immutable nodes; each node keeps its span in the source text
(start, end) so errors and the worked text can quote what the user typed. Nodes are named
tuples, not frozen dataclasses: the package loads with the first komponen formula of an
open, and eight frozen dataclasses took ~3 ms of the start."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, Union


class Num(NamedTuple):
    """A number."""
    value: Decimal
    start: int
    end: int


class Name(NamedTuple):
    """A komponen's name."""
    name: str
    start: int
    end: int


class Neg(NamedTuple):
    """A minus sign before its operand."""
    operand: "Node"
    start: int
    end: int


class Pct(NamedTuple):
    """A percent sign after its operand."""
    operand: "Node"
    start: int
    end: int


class Group(NamedTuple):
    """Parentheses."""
    inner: "Node"
    start: int
    end: int


class Chain(NamedTuple):
    """Operands joined by operators of one precedence."""
    # n-ary and evaluated left to right, so "1+1+…+1" builds no deep tree.
    first: "Node"
    rest: tuple[tuple[str, "Node"], ...]
    start: int
    end: int


class Call(NamedTuple):
    """A function call."""
    func: str  # canonical: mean, sum, min, max
    shown: str  # as the user wrote it
    args: tuple["Node", ...]
    start: int
    end: int


Node = Union[Num, Name, Neg, Pct, Group, Chain, Call]
