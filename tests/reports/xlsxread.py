"""Reading an exported .xlsx back the way Excel does where openpyxl's objects differ."""

from __future__ import annotations

DEFAULT_WIDTH = 8.43


def column_width(ws, col: int) -> float:
    """Width of column ``col`` (1-based). A file may give adjacent columns of one width in a
    single <col min max> entry; openpyxl keys that by its first letter only."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.max is not None and dim.min <= col <= dim.max:
            return dim.width or DEFAULT_WIDTH
    return DEFAULT_WIDTH


def fit_to_width(page_setup) -> int:
    """Pages wide of a sheet fitted to pages: an absent fitToWidth is its schema default, 1
    (ECMA-376 CT_PageSetup), which XlsxWriter leaves out."""
    return 1 if page_setup.fitToWidth is None else int(page_setup.fitToWidth)
