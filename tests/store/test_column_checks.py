"""The open's quick path for whole number columns (plain texts converted without a call per
value) must accept and refuse exactly what the per-value check of the same kind does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.store import validate
from lkip_desktop.store.kinds import Kind

KINDS = [Kind("decimal"), Kind("decimal", non_negative=True), Kind("decimal", nullable=False), Kind("value"),
         Kind("value", nullable=False)]
EDGES = ["", ".", "-", "-.5", "5.", ".5", "1.2.3", "1-2", "--1", "-0", "0" * 31, "0" * 32, "1" * 31, "1" * 32,
         "." + "0" * 29 + "1", "." + "0" * 30 + "1", "1e5", "NaN", "Infinity", " 1", "1_000", "١٢", "A", "B (80.5)",
         "A (1e99)", "12.345678", None, 5, b"1"]


def _per_value(kind: Kind, col: list):
    check = validate._one(kind)
    try:
        return [check(v) for v in col]
    except validate._Bad:
        return None


def _same(kind: Kind, col: list) -> None:
    quick, slow = validate._column(kind, tuple(col)), _per_value(kind, col)
    assert (quick is None) == (slow is None), (kind, col)
    if slow is not None:
        assert [str(x) for x in quick] == [str(x) for x in slow] and list(map(type, quick)) == list(map(type, slow))


def test_every_edge_value_is_taken_or_refused_as_the_per_value_check_does():
    refused = 0
    for kind in KINDS:
        for v in EDGES:
            _same(kind, [v])
            _same(kind, ["1.5", v, "-2"])
            refused += validate._column(kind, (v,)) is None
    assert refused > 20  # the edges do reach the refusals


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet="0123456789.-+eE AB()_ ", max_size=34)), max_size=6),
       st.sampled_from(KINDS))
def test_any_column_is_taken_or_refused_as_the_per_value_check_does(col, kind):
    _same(kind, col)


def test_a_repeating_column_shares_one_decimal_per_distinct_text():
    col = ("1.0", "1", "-0", "0", "75.50") * 40  # 5 texts in 200 rows, as a fisik column
    for kind in (Kind("decimal"), Kind("value")):
        quick = validate._column(kind, col)
        assert [str(x) for x in quick] == list(col)  # "1.0" stays 1.0, "-0" stays -0
        assert quick[0] is quick[5] and quick[0] is not quick[1]
        assert len(set(map(id, quick))) == 5
    holes = ("1.5", None, "B (80.5)", "1.5", None) * 40  # a nullable column with gaps, a predikat
    for kind in (Kind("decimal"), Kind("value")):
        _same(kind, list(holes))
    quick = validate._column(Kind("value"), holes)
    assert quick[2] is quick[7] and quick[1] is None and quick[0] is quick[3]


INT_KINDS = ["year", Kind("int"), Kind("int", nullable=False), Kind("rupiah"), Kind("rupiah", non_negative=True),
             Kind("rupiah", nullable=False, non_negative=True)]
# What SQLite can hand over for an INTEGER column of a damaged file (never a bool).
_stored = st.one_of(st.none(), st.integers(min_value=-2**63, max_value=2**63 - 1),
                    st.sampled_from([1899, 1900, 2200, 2201, 0, -1, 10**15 - 1, 10**15, -(10**15 - 1), -(10**15), 2**63 - 1, -2**63]),
                    st.floats(allow_nan=False), st.text(max_size=4), st.binary(max_size=3))


@settings(max_examples=500, deadline=None)
@given(st.lists(_stored, max_size=6), st.sampled_from(INT_KINDS))
def test_an_integer_column_is_taken_or_refused_as_the_per_value_check_does(col, kind):
    """The quick path proves every value an int by one ``sum``; it must agree with the per-value
    check on floats (one float makes the sum a float), text, bytes, None and the range edges."""
    quick, slow = validate._column(kind, tuple(col)), _per_value(kind, col)
    assert (quick is None) == (slow is None), (kind, col)
    if slow is not None:
        assert list(quick) == slow and list(map(type, quick)) == list(map(type, slow))
