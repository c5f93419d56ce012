"""Budget figures from an .xlsx (a SIPD/SIMDA export or the app's entry template).

Steps: ``read_sheet`` (safety checks, then the cell values of one sheet) -> a column
``mapping`` (``auto_mapping`` from the headers, or ``parse_mapping`` of "kode=A,pagu_murni=C")
-> ``preview`` (rows matched by kode, unmatched, ambiguous, values that do not parse) ->
``edits.imports.import_sheet``: all rows as ONE apply (one transaction, one undo step).

Hostile or broken files are refused before openpyxl parses anything: not a zip, an
encrypted (password) or legacy OLE file, a zip bomb (member sizes and ratios are checked
from the zip directory; Python's zipfile never inflates a member beyond its declared size),
a huge sheet (declared dimension and counted rows/columns). XML is parsed by defusedxml
through openpyxl. Nothing is written to the workbook unless the whole import is clean.

Money: rupiah are int. openpyxl gives float for numeric cells; a float is converted through
``repr`` (the shortest exact round trip) to Decimal, and a non-whole amount is refused.
Text such as "1.234.567" or "Rp 1.234.567,00" goes through ``parse_rupiah``.

Two kinds of sheet (``jenis``): "anggaran" (budget figures of sub kegiatan, matched by kode)
and "indikator" (target, realisasi TW I–IV and tahunan of IKU/IKT and program/kegiatan/sub
kegiatan indicators, matched by the template's hidden ID, then kode, then the exact name
when it is unique; komponen values of composite indicators on komponen rows or in columns
titled with the komponen name). ``detect_jenis`` tells them apart from the header titles.

Kode cells: Excel turns a kode typed as a number into a float ("1.10" -> 1.1, "01" -> 1).
A numeric kode is read as it is displayed (the cell's number format, e.g. "0.00" or "00");
when the format cannot tell and the number only matches a workbook kode with the zeros
put back, the row is refused with a message to format the kode column as text.

Modules, in the order of those steps: ``limits`` (sizes, ``XlsxImportError``), ``sheet``
(reading safely) and ``sheetdata``, ``detect`` (header row, kind), ``columns`` and ``mapping``
(which column is which field), ``cells`` (one cell as a value), ``budget`` and ``indicators``
(the ops of each kind), ``result`` (the preview), ``importer`` (the one-call entry).
"""

from .cells import cell_text, kode_text, rupiah_value
from .columns import (
    FIELD_BY_KEY,
    FIELDS,
    IND_FIELD_BY_KEY,
    IND_FIELDS,
    IND_VALUE_FIELDS,
    JENIS_DATA,
    KOMPONEN_PREFIX,
    VALUE_FIELDS,
    column_letter,
)
from .detect import detect_jenis
from .importer import import_label, plan_import, preview
from .indicators import indicators_in_order
from .limits import HEADER_SCAN_ROWS, XlsxImportError
from .mapping import auto_mapping, describe_mapping, komponen_names, parse_mapping
from .result import Preview, Problem, RowMatch, format_change
from .sheet import read_sheet, sheet_names
from .sheetdata import SheetData

__all__ = [
    "FIELDS", "FIELD_BY_KEY", "VALUE_FIELDS", "IND_FIELDS", "IND_FIELD_BY_KEY", "IND_VALUE_FIELDS",
    "JENIS_DATA", "KOMPONEN_PREFIX", "HEADER_SCAN_ROWS", "XlsxImportError",
    "SheetData", "Preview", "Problem", "RowMatch",
    "read_sheet", "sheet_names", "detect_jenis", "auto_mapping", "parse_mapping", "describe_mapping",
    "komponen_names", "indicators_in_order", "column_letter", "cell_text", "kode_text", "rupiah_value",
    "preview", "plan_import", "import_label", "format_change",
]
