"""The export's workbook (xlsx_book.SheetsByName): a new sheet's name is checked against the
set of names, not against every earlier sheet one by one; XlsxWriter's other checks stay,
and the file is the one XlsxWriter's own Workbook writes. The cyclic collector stays paused
while the file is assembled."""

from __future__ import annotations

import gc
import io

import pytest
from xlsxwriter import Workbook
from xlsxwriter.exceptions import DuplicateWorksheetName, InvalidWorksheetName

from lkip_desktop.reports import xlsx as X
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.reports.xlsx_book import SheetsByName

from .test_xlsx_writer import _read, _spans_table


def test_adding_a_sheet_looks_at_no_earlier_sheet(monkeypatch):
    seen = []
    own = Workbook.worksheets

    def worksheets(self):
        got = own(self)
        seen.append(len(got))
        return got

    monkeypatch.setattr(Workbook, "worksheets", worksheets)
    wb = SheetsByName(io.BytesIO(), {"in_memory": True})
    for i in range(300):
        wb.add_worksheet(f"Tabel {i}")
    assert sum(seen) == 0  # XlsxWriter's own scan: 300 * 299 / 2 names compared
    assert [ws.name for ws in wb.worksheets()] == [f"Tabel {i}" for i in range(300)]


def test_xlsxwriters_checks_stay():
    wb = SheetsByName(io.BytesIO(), {"in_memory": True})
    wb.add_worksheet("Daftar Tabel")
    with pytest.raises(DuplicateWorksheetName):
        wb.add_worksheet("DAFTAR tabel")
    for bad in ("a" * 32, "a/b", "'kutip'"):
        with pytest.raises(InvalidWorksheetName):
            wb.add_worksheet(bad)
    assert wb.add_worksheet().name.startswith("Sheet")  # a default name still given
    assert len(wb.worksheets()) == 2


class _Plain(Workbook):
    """XlsxWriter's own Workbook (the names scanned, the sheets left to the collector)."""

    def forget_sheets(self) -> None:
        pass


def test_the_file_is_the_one_xlsxwriters_workbook_writes(demo, tmp_path, monkeypatch):
    tables = [s.build() for s in standard_tables(demo)] * 3 + [_spans_table()] * 3  # names repeat
    ours = _read(X.render_xlsx(tables, tmp_path / "ours.xlsx"))
    monkeypatch.setattr(X, "SheetsByName", _Plain)
    plain = _read(X.render_xlsx(tables, tmp_path / "plain.xlsx"))
    assert list(ours) == list(plain) and len(ours) == len(tables) + 1
    for title in plain:
        assert ours[title] == plain[title], title


def test_the_collector_stays_paused_while_the_file_is_assembled(tmp_path, monkeypatch):
    on = []
    close = SheetsByName.close

    def spy(self):
        on.append(gc.isenabled())
        return close(self)

    monkeypatch.setattr(SheetsByName, "close", spy)
    assert gc.isenabled()
    X.render_xlsx([_spans_table()], tmp_path / "p.xlsx")
    assert on == [False] and gc.isenabled()


def test_the_sheets_go_by_reference_count(tmp_path, monkeypatch):
    """Each sheet holds the workbook (a cycle): left to the collector, its next pass would
    walk every cell of the export."""
    import weakref

    sheets = []
    add = SheetsByName.add_worksheet

    def spy(self, name=None, worksheet_class=None):
        ws = add(self, name, worksheet_class)
        sheets.append(weakref.ref(ws))
        return ws

    monkeypatch.setattr(SheetsByName, "add_worksheet", spy)
    gc.disable()
    try:
        X.render_xlsx([_spans_table()] * 3, tmp_path / "g.xlsx")
        assert len(sheets) == 4 and all(ref() is None for ref in sheets)
    finally:
        gc.enable()
