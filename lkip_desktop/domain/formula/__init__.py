"""Formulas of composite indicators (RULES.md §3), one job per module:

* ``tree``: the parsed formula's nodes;
* ``tokenizer``: text -> tokens;
* ``parser``: tokens -> ``Formula`` (``parse_formula``), the grammar in its docstring;
* ``evaluation``: ``evaluate`` in Decimal;
* ``worked_text``: the computation as the report prints it.

The whole public API is re-exported here for callers that use all of it.
"""

from lkip_desktop.domain.formula.evaluation import PRECISION, evaluate
from lkip_desktop.domain.formula.parser import MAX_DEPTH, MAX_LENGTH, Formula, parse_formula
from lkip_desktop.domain.formula.worked_text import worked

__all__ = ["Formula", "parse_formula", "evaluate", "worked", "MAX_LENGTH", "MAX_DEPTH", "PRECISION"]
