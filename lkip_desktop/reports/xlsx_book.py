"""XlsxWriter's Workbook with the names of its sheets kept in a set.

``add_worksheet`` checks a new name against every earlier sheet's, one by one: quadratic in
the sheets (10x: 792 sheets, 313,000 ``str.lower`` calls, ~0.03 s; 100x: some 7,000 sheets,
~2.5 s). Here XlsxWriter's own check runs with the earlier sheets out of its sight, so it
still rejects a name too long, with a forbidden character or an apostrophe at an end, and a
name already taken (case ignored, as Excel does) is found in the set.

Each sheet holds the workbook's ``add_format``: a reference cycle, so a written workbook's
cells wait for the cyclic collector, and its next pass walks every one of them (10x: 94 ms
right after the export, 13x the 1x pass). ``forget_sheets`` lets them go at once."""

from __future__ import annotations

from xlsxwriter import Workbook
from xlsxwriter.exceptions import DuplicateWorksheetName


class SheetsByName(Workbook):
    def __init__(self, filename=None, options=None):
        super().__init__(filename, options)
        self._names: set[str] = set()  # lower case

    def _check_sheetname(self, sheetname, is_chartsheet=False):
        held, self.worksheets_objs = self.worksheets_objs, []  # XlsxWriter's scan sees no sheet
        try:
            name = super()._check_sheetname(sheetname, is_chartsheet)
        finally:
            self.worksheets_objs = held
        key = name.lower()
        if key in self._names:
            raise DuplicateWorksheetName(f"Sheetname '{name}', with case ignored, is already in use.")
        self._names.add(key)
        return name

    def forget_sheets(self) -> None:
        """Let go of the sheets (after ``close``): freed now by their reference counts."""
        self.worksheets_objs.clear()
        self.sheetnames.clear()
