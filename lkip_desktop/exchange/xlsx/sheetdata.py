"""SheetData: the cell values of one sheet as read, with its header row and number formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .columns import column_letter


@dataclass
class SheetData:
    """The cell values of one sheet (row 1 = index 0), bounded by the limits above."""

    path: Path
    sheet: str
    sheets: list[str]
    rows: list[tuple]
    header_row: int | None  # 0-based index of the header row, None when none was found
    tahun: int | None  # a year the sheet states above its data ("Tahun Anggaran 2024")
    # (row index, column index) -> number format of a numeric cell whose format is not General
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    # (row index, column index) -> formula text of a cell that holds a formula; its value in
    # ``rows`` is Excel's cached result (None when the file was saved without one)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def headers(self) -> list[str]:
        if self.header_row is None:
            return ["" for _ in range(self.n_cols)]
        row = self.rows[self.header_row]
        return [("" if v is None else str(v).strip()) for v in row] + [""] * (self.n_cols - len(row))

    def column_title(self, idx: int) -> str:
        h = self.headers()
        title = h[idx] if idx < len(h) else ""
        return f"{column_letter(idx)} — {title}" if title else column_letter(idx)

    @property
    def data_start(self) -> int:
        return 0 if self.header_row is None else self.header_row + 1

    def is_numbering(self, row: int) -> bool:
        """A row of column numbers under the header (1, 2, 3, …), as SIPD reports print."""
        cells = [(j, v) for j, v in enumerate(self.rows[row]) if v is not None]
        return len(cells) >= 3 and all(type(v) is int for _, v in cells) and \
            [v for _, v in cells] == list(range(cells[0][1], cells[0][1] + len(cells)))

    def value(self, row: int, col: int | None):
        r = self.rows[row]
        return r[col] if col is not None and col < len(r) else None

    def number_format(self, row: int, col: int | None) -> str:
        return self.formats.get((row, col), "General") if col is not None else "General"
