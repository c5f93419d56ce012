"""The Lampiran table of the IKU rencana aksi: target, realisasi and capaian per triwulan of
every IKU, listed once a quarter plan is typed, read back from the exported PDF and XLSX."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.domain.numbers import format_number, round_half_up
from lkip_desktop.domain.rencana_aksi import quarter_capaian
from lkip_desktop.edits import cells, values
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.reports.builders.rencana_aksi import KEY
from lkip_desktop.reports.export import export
from lkip_desktop.reports.table import NO_DATA

from .pdftext import fragments, rows_by_y

# IKU row -> (targets TW I-IV, realisasi TW I-IV; None = not typed)
PLAN = {0: ((10, 20, 30, 40), (9, 21, 28, None)), 3: ((80, 81, 82, 83), (Decimal("80.5"), Decimal("82.1"), None, None))}


@pytest.fixture
def planned(demo):
    wb = demo.wb
    assert KEY not in [s.key for s in standard_tables(demo)], "no plan typed: no empty table"
    pairs = [(ref(ind.id, wb.settings.tahun, tw), Decimal(v))
             for r, rows in PLAN.items() for ind in [wb.iku_list()[r]]
             for ref, vals in zip((cells.target, cells.realisasi), rows)
             for tw, v in enumerate(vals, 1) if v is not None]
    values.set_values(demo, pairs, "Rencana aksi")
    return demo


def expected(svc, r: int) -> tuple[str, list[Decimal | None]]:
    """The IKU's name and its 12 figures: per TW target, realisasi, capaian (rounded as printed)."""
    wb = svc.wb
    ind = wb.iku_list()[r]
    out: list[Decimal | None] = []
    for tw in range(1, 5):
        cap = quarter_capaian(ind, wb.settings.tahun, tw, svc.calc.capaian_settings).value
        target, real = (PLAN[r][0][tw - 1], PLAN[r][1][tw - 1])
        out += [Decimal(target), None if real is None else Decimal(real), None if cap is None else round_half_up(cap, 2)]
    return ind.nama, out


def test_listed_in_the_lampiran_after_the_quarter_table(planned):
    keys = [s.key for s in standard_tables(planned)]
    assert keys.index(KEY) == keys.index("lampiran.triwulan") + 1
    spec = next(s for s in standard_tables(planned) if s.key == KEY)
    assert spec.number.startswith("L.")


def test_pdf_and_xlsx_print_target_realisasi_capaian_per_tw(planned, tmp_path):
    export(planned, pdf=tmp_path / "t.pdf", xlsx=tmp_path / "t.xlsx", tables=[KEY])
    from pypdf import PdfReader

    lines = [" ".join(t for _x, t in line) for page in PdfReader(str(tmp_path / "t.pdf")).pages
             for line in rows_by_y(fragments(page))]
    text = "\n".join(lines)
    assert "Triwulan I" in text and "Triwulan IV" in text and "(%)" in text
    book = openpyxl.load_workbook(tmp_path / "t.xlsx", data_only=True)
    ws = next(book[n] for n in book.sheetnames if "Rencana Aksi" in n)
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and isinstance(r[1], str)}
    for r in PLAN:
        name, figures = expected(planned, r)
        # PDF: the IKU's line carries its figures in TW order
        printed = [format_number(v, None) for v in figures if v is not None]
        hit = [line for line in lines if all(p in line.split() for p in printed)]
        assert hit, (name, printed)
        tokens = hit[0].split()
        positions = [tokens.index(p) for p in printed]
        assert positions == sorted(positions), (hit[0], printed)
        # XLSX: the 12 figures in their columns, numbers not text
        row = rows[name]
        got = [None if v in (None, "-", "", NO_DATA) else round_half_up(Decimal(str(v)), 2) for v in row[3:15]]
        assert got == [None if v is None else round_half_up(v, 2) for v in figures], (name, row)
    # quarter capaian: 9 of 10 = 90 %, 21 of 20 = 105 %
    assert expected(planned, 0)[1][2] == Decimal("90.00") and expected(planned, 0)[1][5] == Decimal("105.00")
