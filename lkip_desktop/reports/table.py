"""The neutral table model every output renders: PDF, Excel and the on-screen preview.

A ``ReportTable`` is a grid. Header rows and body rows are lists of exactly ``ncols``
positions; a position covered by a neighbour's ``colspan``/``rowspan`` holds ``None`` and
the lead cell holds the content (the same convention as reportlab ``SPAN`` and Excel
merged cells, so renderers never guess).

Cells carry typed values (rupiah ``int``, ``Decimal``, predikat, text), never floats and
never pre-formatted numbers: ``Cell.text`` formats them once, through
``domain.numbers``, for every renderer. Only a ``formula`` cell may become an Excel
formula; every other text stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from decimal import Decimal
from typing import Any, Iterator, Sequence

from ..domain.model import Settings
from ..domain.numbers import format_number, format_rupiah, format_signed, round_half_up
from ..domain.values import Predikat, format_value

# Cell kinds
TEXT = "text"
RUPIAH = "rupiah"
PERCENT = "percent"  # a Decimal shown with 2 dp in a column headed "(%)"
NUMBER = "number"  # a Decimal with ``places`` decimals (None: as typed)
PREDIKAT = "predikat"
FORMULA = "formula"  # Excel formula text; other renderers show ``value``
KINDS = (TEXT, RUPIAH, PERCENT, NUMBER, PREDIKAT, FORMULA)
NUMERIC = (RUPIAH, PERCENT, NUMBER)

# Row levels
PROGRAM, KEGIATAN, SUB_KEGIATAN = "program", "kegiatan", "sub_kegiatan"
GROUP = "group"  # a heading row inside the body ("Tujuan: …", a sasaran)
TOTAL = "total"  # totals / averages
LEVELS = (None, PROGRAM, KEGIATAN, SUB_KEGIATAN, GROUP, TOTAL)
BOLD_LEVELS = (PROGRAM, KEGIATAN, GROUP, TOTAL)

PORTRAIT, LANDSCAPE = "portrait", "landscape"

# What a number, percent or predikat cell shows when there is no data (RULES 2.4: such a
# value is also left out of every average, whose note says "atas n dari m"). The default of
# ``settings.teks_tanpa_data``; ``ReportTable.with_no_data`` puts the workbook's own text in.
NO_DATA = Settings.teks_tanpa_data  # "n/a"


class Cancelled(Exception):
    """An export stopped by the caller's cancel(); the partial file is removed.
    ``write_export`` fills ``kept`` (files finished before) and ``removed`` (the partial one)."""

    kept: tuple = ()
    removed = None


def _own_places(d: Decimal) -> int:
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


@dataclass(frozen=True)
class Cell:
    kind: str = TEXT
    value: Any = None  # str | int | Decimal | Predikat | None
    places: int | None = 2  # NUMBER/PERCENT decimals; None keeps the value's own
    colspan: int = 1
    rowspan: int = 1
    align: str | None = None  # "left" | "center" | "right"; default by kind
    parens: bool = False  # negative shown "(0,75)" (RULES §10) instead of "-0,75"
    suffix: str = ""  # e.g. "%" after a target printed "40%"
    formula: str | None = None  # FORMULA only: "=SUM(C4:C9)" (Excel writes it as a formula)
    blank: str = NO_DATA  # what a figure without a value shows (the workbook's teks_tanpa_data)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown cell kind {self.kind!r}")
        v = self.value
        if isinstance(v, float):
            raise TypeError("float is not allowed in a report cell; use Decimal or int")
        if self.kind == RUPIAH and v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise TypeError(f"rupiah cell needs int, got {type(v).__name__}")
        if self.kind in (PERCENT, NUMBER) and v is not None and not isinstance(v, (Decimal, int)):
            raise TypeError(f"{self.kind} cell needs Decimal, got {type(v).__name__}")
        if self.kind == FORMULA and not (self.formula or "").startswith("="):
            raise ValueError("formula cell needs formula text starting with '='")

    # -- what every renderer shows ------------------------------------------------------
    @cached_property  # formatted once, whatever asks (widths, PDF, Excel, screen)
    def text(self) -> str:
        v = self.value
        k = self.kind
        if k == TEXT:
            return "" if v is None else str(v)
        if k == RUPIAH:
            return format_rupiah(v)
        if k in (PERCENT, NUMBER) or (k == FORMULA and isinstance(v, (Decimal, int))):
            if v is None:
                return self.blank
            if self.parens:
                return format_signed(v, self._places(), parens=True) + self.suffix
            return format_number(v, self._places()) + self.suffix
        if k == PREDIKAT:
            if isinstance(v, Predikat):
                return format_value(v)
            return self.blank if v is None else str(v)
        return "" if v is None else str(v)

    @property
    def is_blank_figure(self) -> bool:
        """A number, percent or predikat without a value: it shows ``blank``."""
        return self.value is None and self.kind in (PERCENT, NUMBER, PREDIKAT)

    def _places(self) -> int:
        if self.kind == PERCENT:
            return 2 if self.places is None else self.places
        if self.places is not None:
            return self.places
        v = self.value
        return _own_places(v) if isinstance(v, Decimal) else 0

    @property
    def number(self) -> int | Decimal | None:
        """The value as stored in a spreadsheet: rupiah as int, other numbers rounded half-up
        to the places shown, so a cell holds exactly what it displays."""
        v = self.value
        if self.kind == RUPIAH:
            return v
        if self.kind in (PERCENT, NUMBER) and v is not None:
            return round_half_up(v, self._places())
        return None

    @property
    def chart_value(self) -> Decimal | None:
        """A number a chart can plot: numbers as shown, a predikat by its score."""
        if self.kind in NUMERIC:
            n = self.number
            return None if n is None else Decimal(n)
        if self.kind == PREDIKAT and isinstance(self.value, Predikat):
            return self.value.score
        return None

    @property
    def halign(self) -> str:
        if self.align:
            return self.align
        if self.kind in NUMERIC or (self.kind == FORMULA and isinstance(self.value, (Decimal, int))):
            return "right"
        if self.kind == PREDIKAT:
            return "center"
        return "left"

    @property
    def number_format(self) -> str | None:
        """Excel number format: the file stores US notation, Excel shows the reader's separators."""
        if self.kind == RUPIAH:
            return '#,##0;(#,##0);"-"'
        if self.kind in (PERCENT, NUMBER):
            p = self._places()
            body = "#,##0" + ("." + "0" * p if p > 0 else "")
            if self.parens:
                body = f"{body};({body})"
            if self.suffix:
                body = f'{body}"{self.suffix}"'
            return body
        return None


# -- small constructors the builders use ----------------------------------------------------
def text(value: Any, **kw) -> Cell:
    return Cell(TEXT, None if value is None else str(value), **kw)


def rupiah(value: int | None, **kw) -> Cell:
    return Cell(RUPIAH, value, **kw)


def percent(value: Decimal | None, **kw) -> Cell:
    return Cell(PERCENT, value, 2, **kw)


def number(value: Decimal | int | None, places: int | None = None, **kw) -> Cell:
    return Cell(NUMBER, value, places, **kw)


def predikat(value: Predikat | str | None, **kw) -> Cell:
    return Cell(PREDIKAT, value, **kw)


def no_data(**kw) -> Cell:
    """A figure that has no data (a kriteria of an indicator without capaian)."""
    return Cell(PREDIKAT, None, **kw)


def formula(expr: str, value: Any = None, **kw) -> Cell:
    return Cell(FORMULA, value, formula=expr, **kw)


def value_cell(v, places: int | None = None, **kw) -> Cell:
    """An indicator value (Decimal or Predikat) as its cell: typed digits kept when places=None."""
    if isinstance(v, Predikat):
        return predikat(v, **kw)
    return number(v, places, **kw)


EMPTY = Cell(TEXT, "")


@dataclass
class Row:
    cells: list[Cell | None]
    level: str | None = None
    depth: int = 0  # indentation steps of the ``indent_col`` text
    bold: bool | None = None  # None: by level

    @property
    def is_bold(self) -> bool:
        return self.level in BOLD_LEVELS if self.bold is None else self.bold


@dataclass
class Column:
    width: float = 1.0  # relative weight; renderers scale to the page
    kind: str = TEXT  # what the column mostly holds (alignment of the header, min width)
    min_chars: int = 0  # widest text that must fit unwrapped (numbers)


@dataclass
class Chart:
    """A chart over the table's own body cells: ``rows`` (body indices) give the
    categories from ``label_col`` and one series per ``(name, col)``."""

    kind: str  # "bar" | "hbar" | "line"
    title: str
    label_col: int
    series: list[tuple[str, int]]
    rows: list[int]
    reference: Decimal | None = None  # a line at e.g. 100 %
    reference_label: str = ""
    y_title: str = ""

    def data(self, table: "ReportTable") -> tuple[list[str], list[tuple[str, list[Decimal | None]]]]:
        labels = [table.rows[r].cells[self.label_col].text for r in self.rows]  # type: ignore[union-attr]
        series = []
        for name, col in self.series:
            vals = []
            for r in self.rows:
                c = table.rows[r].cells[col]
                vals.append(None if c is None else c.chart_value)
            series.append((name, vals))
        return labels, series

    def value_texts(self, table: "ReportTable") -> list[list[str]]:
        """Per series, the plotted cells' own text: a chart's value labels are the table's
        figures, character for character (never a float formatted again)."""
        out = []
        for _name, col in self.series:
            row_texts = []
            for r in self.rows:
                c = table.rows[r].cells[col]
                row_texts.append("" if c is None or c.chart_value is None else c.text)
            out.append(row_texts)
        return out


@dataclass
class ReportTable:
    key: str  # stable id ("bab3.capaian", "iku.IKU-1.anggaran")
    number: str  # "3.1" (caption "Tabel 3.1")
    title: str
    columns: list[Column]
    header: list[list[Cell | None]]
    rows: list[Row] = field(default_factory=list)
    source: str | None = None  # printed as "Sumber: …"
    notes: list[str] = field(default_factory=list)
    orientation: str = PORTRAIT
    paper: str = ""  # "A4" | "F4" for this table alone; "" = the export's paper
    indent_col: int | None = None  # the column whose text is indented by row depth
    charts: list[Chart] = field(default_factory=list)
    font_size: float | None = None  # hint for very wide tables
    empty: str = ""  # why the table has no rows ("Belum ada program"); the full report says so instead

    @property
    def ncols(self) -> int:
        return len(self.columns)

    @property
    def caption(self) -> str:
        return f"Tabel {self.number} {self.title}" if self.number else self.title

    @property
    def source_line(self) -> str | None:
        """"Sumber: …" under the table; a source typed with its own "Sumber:" keeps it once."""
        text = (self.source or "").strip()
        if not text:
            return None
        return text if text.lower().startswith("sumber") else f"Sumber: {text}"

    def add(self, cells: Sequence[Cell | None], level: str | None = None, depth: int = 0,
            bold: bool | None = None) -> int:
        self.rows.append(Row(list(cells), level, depth, bold))
        return len(self.rows) - 1

    def with_no_data(self, text: str) -> "ReportTable":
        """Every figure without a value shows ``text`` (the workbook's teks_tanpa_data): the
        one place the no-data text enters a table, for PDF, Excel, Word and the preview."""
        if text != NO_DATA:
            for row in self.rows:
                row.cells = [replace(c, blank=text) if c is not None and c.is_blank_figure else c
                             for c in row.cells]
        return self

    def spans(self, part: str = "body") -> Iterator[tuple[int, int, Cell]]:
        """(row, col, lead cell) for every cell spanning more than one position."""
        grid = self.header if part == "header" else [r.cells for r in self.rows]
        for r, cells in enumerate(grid):
            for c, cell in enumerate(cells):
                if cell is not None and (cell.colspan > 1 or cell.rowspan > 1):
                    yield r, c, cell

    def validate(self) -> None:
        """Every row has ncols positions; spans cover exactly the None positions."""
        for part, grid in (("header", self.header), ("body", [r.cells for r in self.rows])):
            covered: set[tuple[int, int]] = set()
            for r, cells in enumerate(grid):
                if len(cells) != self.ncols:
                    raise ValueError(f"{self.key} {part} row {r}: {len(cells)} cells, expected {self.ncols}")
                for c, cell in enumerate(cells):
                    if cell is None:
                        continue
                    if (r, c) in covered:
                        raise ValueError(f"{self.key} {part} ({r},{c}) is covered by a span but holds a cell")
                    for rr in range(r, r + cell.rowspan):
                        for cc in range(c, c + cell.colspan):
                            if (rr, cc) != (r, c):
                                if rr >= len(grid) or cc >= self.ncols:
                                    raise ValueError(f"{self.key} {part} span at ({r},{c}) leaves the table")
                                covered.add((rr, cc))
            for r, cells in enumerate(grid):
                for c, cell in enumerate(cells):
                    if cell is None and (r, c) not in covered:
                        raise ValueError(f"{self.key} {part} ({r},{c}) is empty but not covered")


def numbered_columns(table: ReportTable) -> None:
    """Add the column-number row "(1) (2) (3) …" under the header, one per column: a header
    row, so every renderer repeats it with the header on continued pages."""
    table.header.append([Cell(TEXT, f"({i})", align="center") for i in range(1, table.ncols + 1)])


def header_grid(ncols: int, *rows: Sequence[tuple[str, int, int] | str | None]) -> list[list[Cell | None]]:
    """Header rows from a compact spec: each row lists ``(title, colspan, rowspan)`` or a
    plain title for the next free position; covered positions are filled in."""
    grid: list[list[Cell | None]] = [[None] * ncols for _ in rows]
    taken: set[tuple[int, int]] = set()
    for r, spec in enumerate(rows):
        c = 0
        for item in spec:
            while (r, c) in taken:
                c += 1
            title, cs, rs = (item, 1, 1) if isinstance(item, str) else item
            grid[r][c] = Cell(TEXT, title, colspan=cs, rowspan=rs, align="center")
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken.add((rr, cc))
            c += cs
    return grid
