"""The parsed formula as a tree of frozen nodes; each node keeps its span in the source text
(start, end) so errors and the worked text can quote what the user typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Union


@dataclass(frozen=True)
class Num:
    """A number."""
    value: Decimal
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    """A komponen's name."""
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Neg:
    """A minus sign before its operand."""
    operand: "Node"
    start: int
    end: int


@dataclass(frozen=True)
class Pct:
    """A percent sign after its operand."""
    operand: "Node"
    start: int
    end: int


@dataclass(frozen=True)
class Group:
    """Parentheses."""
    inner: "Node"
    start: int
    end: int


@dataclass(frozen=True)
class Chain:
    """Operands joined by operators of one precedence."""
    # n-ary and evaluated left to right, so "1+1+…+1" builds no deep tree.
    first: "Node"
    rest: tuple[tuple[str, "Node"], ...]
    start: int
    end: int


@dataclass(frozen=True)
class Call:
    """A function call."""
    func: str  # canonical: mean, sum, min, max
    shown: str  # as the user wrote it
    args: tuple["Node", ...]
    start: int
    end: int


Node = Union[Num, Name, Neg, Pct, Group, Chain, Call]
