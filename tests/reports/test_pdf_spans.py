"""A page of a long table takes the row spans that reach it from an index, not a scan of
every span of the table (which made the PDF of the 10x workbook's 10,618-row table
quadratic): the index must give exactly the spans a scan gives, short and long ones."""

from __future__ import annotations

import random

from lkip_desktop.reports import fonts
from lkip_desktop.reports import table as T
from lkip_desktop.reports.page import frame_size
from lkip_desktop.reports.pdf_table import SHORT_SPAN, TableLayout


def _table_with_spans(n_rows: int, seed: int) -> T.ReportTable:
    rnd = random.Random(seed)
    table = T.ReportTable("t", "1", "Rentang", [T.Column(), T.Column(), T.Column()],
                          [[T.text("A"), T.text("B"), T.text("C")]])
    grid = [[T.text(f"{r}.{c}") for c in range(3)] for r in range(n_rows)]
    r = 0
    while r < n_rows:  # column 0: spans of 1 to 3 rows, and now and then one of about SHORT_SPAN rows or more
        span = min(rnd.choice([1, 2, 3] * 8 + [SHORT_SPAN - 1, SHORT_SPAN, SHORT_SPAN + 1, SHORT_SPAN + 40]), n_rows - r)
        grid[r][0] = T.text(f"grup {r}", rowspan=span)
        for k in range(r + 1, r + span):
            grid[k][0] = None
        r += span
    for cells in grid:
        table.add(cells)
    return table


def test_the_spans_of_a_page_are_those_a_scan_finds():
    fonts.register_fonts()
    fw, fh = frame_size("A4", T.PORTRAIT)
    for seed in range(3):
        lay = TableLayout(_table_with_spans(2000, seed), fw, fh)
        assert any(cell.rowspan > SHORT_SPAN for _r, _c, cell in lay.body_spans)
        n = len(lay.body_heights)
        windows = [(a, min(n, a + w)) for a in range(0, n, 3) for w in (1, 5, 40, 200)]
        for start, stop in windows:
            scan = [s for s in lay.body_spans if s[0] < stop and s[0] + s[2].rowspan - 1 >= start]
            assert sorted(lay.spans_on(start, stop), key=lambda s: (s[0], s[1])) == \
                sorted(scan, key=lambda s: (s[0], s[1])), (seed, start, stop)
