"""A measured table (``pdf_table.TableLayout``) as the flowables of a PDF story: the caption,
one ``Table`` per page with the header repeated and "Tabel n (lanjutan)" above, the source
line and notes kept with the last rows, and the charts after it."""

from __future__ import annotations

from typing import Callable
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from .page import frame_size
from .pdf_chart import chart_drawing
from .pdf_frame import CallWhenPlaced, PageAnchor
from .pdf_table import CAPTION, NOTE, TableLayout
from .plain_text import clean
from .table import ReportTable


class PagedTable(Flowable):
    """A table that splits itself into one ``Table`` per page, header repeated, caption
    kept with the first page."""

    def __init__(self, layout: TableLayout, start: int = 0, caption: Flowable | None = None,
                 on_done: Callable[[], None] | None = None, tail: list[Flowable] | None = None,
                 continued: Callable[[], Flowable] | None = None):
        super().__init__()
        self.layout = layout
        self.start = start
        self.caption = caption
        self.continued = continued  # makes the "Tabel n (lanjutan)" caption of the next page
        self.on_done = on_done
        self.tail = tail or []  # "Sumber: …" and notes, kept with the last rows
        self._cap_h = 0.0

    def _tail_height(self, availW: float) -> float:
        cache = self.layout.__dict__.setdefault("tail_heights", {})  # long notes: wrapped once per width
        if availW not in cache:
            cache[availW] = sum(f.wrap(availW, 10_000)[1] for f in self.tail) + (3 if self.tail else 0)
        return cache[availW]

    def _caption_height(self, availW: float) -> float:
        if self.caption is None:
            return 0.0
        return self.caption.wrap(availW, 10_000)[1] + CAPTION.spaceAfter

    def wrap(self, availWidth, availHeight):
        lay = self.layout
        self._cap_h = self._caption_height(availWidth)
        self.width = lay.width
        self._tail_h = self._tail_height(availWidth)
        self.height = self._cap_h + lay.head_height + (lay.cum[-1] - lay.cum[self.start]) + self._tail_h
        return self.width, self.height

    def _fit_rows(self, avail: float, full_page: bool) -> int:
        """Body rows from ``start`` that fit in ``avail`` (whole span groups only, unless a
        group alone is taller than a page)."""
        lay = self.layout
        n = len(lay.body_heights)
        used = lay.head_height
        r = self.start
        while r < n:
            end = lay.group_end[r]
            h = lay.cum[end + 1] - lay.cum[r]
            if used + h <= avail:
                used += h
                r = end + 1
                continue
            if r == self.start and full_page:
                # the group alone is taller than a page: take single rows
                while r <= end and used + lay.body_heights[r] <= avail:
                    used += lay.body_heights[r]
                    r += 1
                if r == self.start:  # cannot happen after cut_tall_rows; never loop
                    r += 1
            break
        return r

    def split(self, availWidth, availHeight):
        lay = self.layout
        cap_h = self._caption_height(availWidth)
        full = availHeight >= lay.page_height - 1
        stop = self._fit_rows(availHeight - cap_h, full)
        n = len(lay.body_heights)
        if stop >= n and self.tail:
            # everything fits but the notes: carry the last group over with them
            tail_h = self._tail_height(availWidth)
            if cap_h + lay.head_height + (lay.cum[-1] - lay.cum[self.start]) + tail_h > availHeight:
                last = n - 1
                while last > self.start and lay.group_end[last - 1] >= last:
                    last -= 1
                if last > self.start or not full:  # notes taller than a page flow on by themselves
                    stop = last
        if stop == self.start:
            return []
        out: list[Flowable] = []
        if self.caption is not None:
            out.append(self.caption)
        out.append(lay.chunk(self.start, stop))
        if stop < n:
            more = self.continued() if self.continued is not None else None
            out.append(PagedTable(lay, stop, more, self.on_done, self.tail, self.continued))
        else:
            out.append(Spacer(1, 3))
            out.extend(self.tail)
        return out

    def drawOn(self, canvas, x, y, _sW=0):
        # Draw caption + the remaining rows as one Table.
        lay = self.layout
        top = y + self.height
        if self.caption is not None:
            w, h = self.caption.wrap(self.width, 10_000)
            self.caption.drawOn(canvas, x + (self.width - w) / 2 if w < self.width else x, top - h)
            top -= h + CAPTION.spaceAfter
        t = lay.chunk(self.start, len(lay.body_heights))
        _w, th = t.wrapOn(canvas, self.width, top - y)
        t.drawOn(canvas, x, top - th)
        top -= th + (3 if self.tail else 0)
        for f in self.tail:
            _fw, fh = f.wrap(self.width, 10_000)
            f.drawOn(canvas, x, top - fh)
            top -= fh
        if self.on_done:
            self.on_done()


def table_flowables(table: ReportTable, paper: str, on_done=None, with_charts: bool = True,
                    anchor: str | None = None) -> list[Flowable]:
    fw, fh = frame_size(paper, table.orientation)
    lay = TableLayout(table, fw, fh)
    title = escape(clean(table.title))
    cap = Paragraph(f"Tabel {escape(table.number)}<br/>{title}" if table.number else title, CAPTION)
    more_text = f"Tabel {escape(table.number)} (lanjutan)" if table.number else "(lanjutan)"

    def continued() -> Flowable:
        return Paragraph(more_text, CAPTION)

    out: list[Flowable] = []
    if anchor:
        out.append(PageAnchor(anchor))
    cap_h = cap.wrap(fw, 10_000)[1] + CAPTION.spaceAfter
    if cap_h > fh / 3:  # a title of many lines flows by itself, the table follows
        out.append(cap)
        cap, cap_h = None, 0.0
    more_h = continued().wrap(fw, 10_000)[1] + CAPTION.spaceAfter
    lay.cut_tall_rows(max(fh - lay.head_height - max(cap_h, more_h) - 2, lay.line))
    after: list[Flowable] = []
    if table.source_line:
        after.append(Paragraph(escape(clean(table.source_line)), NOTE))
    for note in table.notes:
        if note:
            after.append(Paragraph(escape(clean(note)), NOTE))
    out.append(PagedTable(lay, 0, cap, None, after, continued))
    if with_charts:
        for i, ch in enumerate(table.charts, 1):
            label = f"Grafik {table.number}" + (f".{i}" if len(table.charts) > 1 else "")
            d = chart_drawing(table, ch, min(fw, 480), 210)
            out.append(Spacer(1, 8))
            out.append(KeepTogether([d, Paragraph(escape(label), NOTE)]))
    if on_done is not None:
        out.append(CallWhenPlaced(on_done))
    out.append(Spacer(1, 14))
    return out
