"""Counts in the window's messages (cells pasted, find hits, rows of an imported sheet, sub
kegiatan in a notice) are grouped as the report prints them: a 10x workbook has thousands."""

from __future__ import annotations

from lkip_desktop.ui import fmt


def test_a_count_is_grouped_as_the_report_groups_it():
    assert [fmt.count(n) for n in (0, 7, 999, 1000, 5150, 1_234_567)] == \
        ["0", "7", "999", "1.000", "5.150", "1.234.567"]
