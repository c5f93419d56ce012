"""Excel column widths come from the widest formatted number of each column; the writer
formats only the candidates for the widest text, and must pick the same widths as if it had
formatted every cell."""

from __future__ import annotations

import random
from decimal import Decimal

import openpyxl

from lkip_desktop.reports import table as T
from lkip_desktop.reports.xlsx import render_xlsx

from .xlsxread import column_width


def _table(seed: int) -> T.ReportTable:
    rnd = random.Random(seed)
    t = T.ReportTable(
        "test.widths", "9.2", "Lebar kolom",
        [T.Column(0.4), T.Column(0.4, T.RUPIAH), T.Column(0.4, T.PERCENT), T.Column(0.4, T.NUMBER),
         T.Column(0.4, T.NUMBER)],
        [[T.text(x) for x in "ABCDE"]],
    )
    for _ in range(200):
        mag = 10 ** rnd.randint(0, 14)
        t.add([T.text("x"),
               T.rupiah(rnd.choice([0, None, rnd.randint(-mag, mag)])),
               T.percent(rnd.choice([None, Decimal(rnd.randint(-mag, mag)) / 997])),
               T.number(Decimal(rnd.randint(-mag, mag)) / 1000, rnd.choice([0, 1, 2, 3]),
                        parens=rnd.random() < 0.3, suffix=rnd.choice(["", "%"])),
               T.number(Decimal(rnd.randint(-mag, mag)) / 10 ** rnd.randint(0, 4))])  # places from the value
    t.validate()
    return t


def _widths(path) -> list[float]:
    ws = openpyxl.load_workbook(path).worksheets[1]
    return [column_width(ws, c) for c in range(1, 6)]


def test_widths_equal_those_from_every_cell_formatted(tmp_path):
    for seed in range(5):
        fresh, formatted = _table(seed), _table(seed)
        for row in formatted.rows:  # every text made first: the widths then see every cell
            for cell in row.cells:
                _ = cell.text
        render_xlsx([fresh], tmp_path / "a.xlsx")
        render_xlsx([formatted], tmp_path / "b.xlsx")
        a, b = _widths(tmp_path / "a.xlsx"), _widths(tmp_path / "b.xlsx")
        assert a == b, seed
        assert max(b[1:]) > 20  # the numbers, not the minimum, set these widths
