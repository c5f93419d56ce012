"""The XlsxWriter export read back: spans merged, rows written in order (a streamed sheet
holds the same cells as one held in memory), chart data beside the table, chart names kept
literal, and a cancelled export leaves no file and no temporary file behind."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.reports import table as T
from lkip_desktop.reports import xlsx as X
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.reports.table import Cancelled


def _spans_table() -> T.ReportTable:
    t = T.ReportTable(
        "test.spans", "9.4", "Rentang dan grafik",
        [T.Column(0.6), T.Column(3), T.Column(1.5, T.RUPIAH, 15), T.Column(1, T.PERCENT, 7)],
        T.header_grid(4, [("No", 1, 2), ("Uraian", 1, 2), ("Angka", 2, 1)], ["Rupiah", "Persen"]),
        source="uji", notes=["Catatan panjang " * 20],
    )
    plotted = []
    for i in range(12):
        if i % 4 == 0:
            t.add([T.text(f"Kelompok {i}", colspan=4), None, None, None], level=T.GROUP)
            continue
        if i % 4 == 1:
            cells = [T.text(f"G{i}", rowspan=3), T.text(f"Baris {i} " + "kata " * i),
                     T.rupiah(i * 1_000_000), T.percent(Decimal(i * 7) / 3)]
        else:
            cells = [None, T.text(f"Baris {i}"), T.rupiah(i * 1000), T.percent(Decimal(i) / 3)]
        plotted.append(t.add(cells, level=T.PROGRAM if i == 5 else None))
    t.add([T.text("JUMLAH", colspan=2), None, T.rupiah(123_456_789), T.percent(Decimal("88.125"))], level=T.TOTAL)
    # rows apart (the group rows between them) and a 100 % line: the "Data grafik" block
    t.charts.append(T.Chart("bar", "Data!A1 capaian", 1, [("Persen", 3)], plotted, reference=Decimal(100),
                            reference_label="100%", y_title="%"))
    t.validate()
    return t


def _read(path) -> dict:
    """Everything a reader sees that the row order could lose."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = {c.coordinate: (c.value, c.number_format, c.font.b, c.fill.fgColor.rgb, c.alignment.wrap_text)
                 for row in ws.iter_rows() for c in row if c.value is not None or c.has_style}
        heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height}
        out[ws.title] = (cells, sorted(str(m) for m in ws.merged_cells.ranges), heights, len(ws._charts))
    return out


def test_every_span_is_merged_and_covered_cells_take_the_lead_style(tmp_path):
    t = _spans_table()
    out = X.render_xlsx([t], tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(out).worksheets[1]
    merged = {str(m) for m in ws.merged_cells.ranges}
    body = 3 + len(t.header)
    expected = {"A1:D1"}
    for part, first in (("header", 3), ("body", body)):
        for r, c, cell in t.spans(part):
            top, left = first + r, c + 1
            expected.add(f"{ws.cell(top, left).coordinate}:"
                         f"{ws.cell(top + cell.rowspan - 1, left + cell.colspan - 1).coordinate}")
    notes = [f"A{r}:D{r}" for r in range(body + len(t.rows) + 1, body + len(t.rows) + 3)]
    assert merged == expected | set(notes)
    assert ws.cell(3, 3).value == "Angka" and ws.cell(3, 3).fill.fgColor.rgb.endswith("D9E2EC")
    total = body + len(t.rows) - 1
    assert ws.cell(total, 1).value == "JUMLAH" and ws.cell(total, 1).fill.fgColor.rgb.endswith("E4E9EE")
    # a covered cell has its lead's style (openpyxl reads covered cells without one: the XML)
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet2.xml").decode()
    style = dict(re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)"', xml))
    assert style["D3"] == style["C3"] and style[f"B{total}"] == style[f"A{total}"]
    assert style["A4"] == style["A3"] and style[f"A{body + 2}"] == style[f"A{body + 1}"]
    assert ws.cell(total, 3).value == 123_456_789 and ws.cell(total, 4).value == 88.13
    assert ws.row_dimensions[body + len(t.rows) + 2].height >= 3 * 9  # the long note wraps
    assert ws.freeze_panes == f"A{body}"


def test_streamed_sheets_hold_what_the_workbook_in_memory_holds(demo, tmp_path, monkeypatch):
    """Rows are written in order: XlsxWriter's streaming mode drops any cell written to a
    row it has already written out."""
    tables = [s.build() for s in standard_tables(demo)] + [_spans_table()]
    held = _read(X.render_xlsx(tables, tmp_path / "held.xlsx", "F4"))
    monkeypatch.setattr(X, "STREAM_ROWS", True)
    streamed = _read(X.render_xlsx(tables, tmp_path / "streamed.xlsx", "F4"))
    assert streamed.keys() == held.keys()
    for title in held:
        assert streamed[title] == held[title], title
    assert sum(charts for *_rest, charts in held.values()) >= 2


def test_chart_block_and_literal_names(tmp_path):
    t = _spans_table()
    out = X.render_xlsx([t], tmp_path / "c.xlsx")
    ws = openpyxl.load_workbook(out).worksheets[1]
    body = 3 + len(t.header)
    col0 = t.ncols + 2
    assert ws.cell(body - 1, col0).value == "Data grafik"
    rows = t.charts[0].rows
    labels = [ws.cell(body + k, col0).value for k in range(len(rows))]
    assert labels == [t.rows[r].cells[1].text for r in rows]
    values = [Decimal(str(ws.cell(body + k, col0 + 1).value)) for k in range(len(rows))]
    assert values == [t.rows[r].cells[3].number for r in rows]
    assert {ws.cell(body + k, t.ncols + 6).value for k in range(len(rows))} == {100}
    (chart,) = ws._charts
    xml = zipfile.ZipFile(out).read("xl/charts/chart1.xml").decode()
    assert "Data!\u200bA1 capaian" in xml  # a title, not a reference to a sheet "Data"
    assert "D62728" in xml and "dash" in xml  # the 100 % line


@pytest.mark.parametrize("stream", [False, True])
def test_cancel_leaves_no_file_and_no_temporary_file(tmp_path, monkeypatch, stream):
    import tempfile

    monkeypatch.setattr(X, "STREAM_ROWS", stream)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        X.render_xlsx([_spans_table()] * 4, tmp_path / "batal.xlsx", cancel=cancel)
    assert not (tmp_path / "batal.xlsx").exists()
    assert list(scratch.iterdir()) == []
