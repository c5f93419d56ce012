"""Ruled tables of the printed PK lampiran: cells wrapped and aligned in their column,
a group of rows sharing its first cells (the sasaran spans its IKU), header rows repeated
after a page break."""

from __future__ import annotations

from dataclasses import dataclass

from .pk_canvas import REGULAR, TABLE_LEADING, TABLE_SIZE, PkLayout, width_of, wrap

CELL_PAD = 4


@dataclass
class PkCell:
    text: str
    align: str = "left"  # left | center | right
    font: str = REGULAR


def _cell_lines(cell: PkCell, width: float, size: float) -> list[str]:
    return wrap(cell.text, cell.font, size, width - 2 * CELL_PAD)


def _draw_cell_text(lay: PkLayout, cell: PkCell, x: float, width: float, y_top: float, size: float,
                    height: float | None = None) -> None:
    lead = size * TABLE_LEADING
    lines = _cell_lines(cell, width, size)
    if height is not None:  # centred vertically in its (possibly merged) row
        y_top += max(0.0, (height - (len(lines) * lead + 2 * CELL_PAD)) / 2)
    for n, line in enumerate(lines):
        base = y_top + CELL_PAD + size + n * lead - (lead - size) / 2 + 0.5
        w = width_of(line, cell.font, size)
        if cell.align == "center":
            x0 = x + (width - w) / 2
        elif cell.align == "right":
            x0 = x + width - CELL_PAD - w
        else:
            x0 = x + CELL_PAD
        lay.text(x0, base, line, cell.font, size)


def _cell_height(cell: PkCell, width: float, size: float) -> float:
    return len(_cell_lines(cell, width, size)) * size * TABLE_LEADING + 2 * CELL_PAD


class PkTable:
    """A ruled table; a group of rows may share its first cells (the sasaran spans its IKU)."""

    def __init__(self, lay: PkLayout, fracs: list[float], header: list[list[PkCell]], size=TABLE_SIZE):
        self.lay = lay
        self.size = size
        total = sum(fracs)
        self.widths = [lay.text_width * f / total for f in fracs]
        self.xs = [lay.left]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.header = header

    def _row_height(self, cells: list[PkCell | None]) -> float:
        return max((_cell_height(c, w, self.size) for c, w in zip(cells, self.widths) if c is not None),
                   default=self.size * TABLE_LEADING + 2 * CELL_PAD)

    def _hline(self, y: float, x0: float | None = None) -> None:
        self.lay.line(self.lay.left if x0 is None else x0, y, self.lay.right, y)

    def draw_header(self) -> None:
        lay = self.lay
        lay.ensure(sum(self._row_height(r) for r in self.header) + 40)
        self._hline(lay.y)
        for row in self.header:
            h = self._row_height(row)
            self._cells(row, lay.y, h)
            self._verticals(lay.y, lay.y + h)
            lay.y += h
            self._hline(lay.y)

    def _cells(self, cells: list[PkCell | None], y: float, h: float) -> None:
        for c, x, w in zip(cells, self.xs, self.widths):
            if c is not None:
                _draw_cell_text(self.lay, c, x, w, y, self.size, h)

    def _verticals(self, y0: float, y1: float) -> None:
        for x in self.xs:
            self.lay.line(x, y0, x, y1)

    def group(self, span: int, shared: list[PkCell], rows: list[list[PkCell]]) -> None:
        """``shared`` fills the first ``span`` columns across all ``rows`` (merged cells)."""
        lay = self.lay
        heights = [self._row_height([None] * span + r) for r in rows]
        shared_h = self._row_height(shared + [None] * (len(self.widths) - span))
        if shared_h > sum(heights):
            heights[-1] += shared_h - sum(heights)
        if sum(heights) > lay.room():
            if sum(heights) <= lay.bottom - lay.top - 60 or len(rows) == 1:
                lay.new_page()
                self.draw_header()
            else:  # taller than a page: split it, the shared cells repeat on each part
                half = max(1, len(rows) // 2)
                self.group(span, shared, rows[:half])
                self.group(span, shared, rows[half:])
                return
        y0 = lay.y
        self._cells(shared + [None] * (len(self.widths) - span), y0, sum(heights))
        y = y0
        for r, h in zip(rows, heights):
            self._cells([None] * span + r, y, h)
            y += h
            # inner lines run only under the unshared columns
            self._hline(y, None if y == y0 + sum(heights) else self.xs[span])
        self._verticals(y0, y)
        lay.y = y

    def row(self, cells: list[PkCell], merge_first: int = 1) -> None:
        """One row; the first ``merge_first`` columns are one cell (for "Total")."""
        lay = self.lay
        widths = [sum(self.widths[:merge_first])] + self.widths[merge_first:]
        xs = [self.xs[0]] + self.xs[merge_first:-1]
        h = max(_cell_height(c, w, self.size) for c, w in zip(cells, widths))
        if h > lay.room():
            lay.new_page()
            self.draw_header()
        for c, x, w in zip(cells, xs, widths):
            _draw_cell_text(lay, c, x, w, lay.y, self.size, h)
        for x in [self.xs[0]] + self.xs[merge_first:]:
            lay.line(x, lay.y, x, lay.y + h)
        lay.y += h
        self._hline(lay.y)
