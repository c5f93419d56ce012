"""The printed Perjanjian Kinerja: the statement page and the lampiran (RULES §9, SETDA
Lampiran I and 2).

The layout is computed once into pages of plain drawing items (text at a position, lines,
an image), in points from the top-left corner. ``write_pdf`` draws them with reportlab;
the GUI draws the very same items with QPainter for its preview and for the printer, so
what is previewed is what prints. Text is measured with the bundled DejaVu fonts.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

from ..domain import pk as rules
from ..domain.errors import InputError
from ..domain.model import PkVersion, Workbook
from ..store.database import check_output_path
from . import fonts

PAPERS = {"A4": (210 * mm, 297 * mm), "F4": (215 * mm, 330 * mm)}

REGULAR = fonts.REGULAR
BOLD = fonts.BOLD

TITLE_SIZE = 12
BODY_SIZE = 11
TABLE_SIZE = 10
BODY_LEADING = 1.5  # line spacing of the statement, as typed government letters use
TABLE_LEADING = 1.25
CELL_PAD = 4
SIGN_SPACE = 62  # room for the wet signature and the stamp
KET = "Ket. (APBD/ PAD/ DAU/ HIBAH/ dll)"


# -- drawing items -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    x: float  # left edge
    y: float  # baseline, from the top of the page
    text: str
    font: str = REGULAR
    size: float = BODY_SIZE
    word_space: float = 0.0  # extra points after each space (justified lines)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6


@dataclass(frozen=True)
class Image:
    data: bytes  # PNG/JPEG bytes (the workbook's logo, or a file read at layout time)
    x: float
    y: float  # top edge
    w: float
    h: float


@dataclass
class Page:
    width: float
    height: float
    items: list = field(default_factory=list)


@dataclass(frozen=True)
class PkOptions:
    """How one print looks. ``None`` means "as the workbook says": the paper of the settings,
    the logo kept in the workbook (``opd.logo``), the date style of ``settings.tanggal_nol``."""

    paper: str | None = None  # A4 | F4
    logo: Path | str | bytes | None = None  # overrides the workbook's logo for this print
    use_workbook_logo: bool = True  # False: no logo at all (unless ``logo`` is given)
    zero_pad: bool | None = None  # "02 Januari 2024" as SETDA prints; False: "2 Januari 2024"
    terbilang: bool = True  # total anggaran also in words under the program table
    kolom_murni: bool = True  # a PK Perubahan shows the murni beside the perubahan


# -- layout helpers ----------------------------------------------------------------------------

def width_of(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for part in (text or "").split("\n"):
        lines += simpleSplit(part, font, size, width) or [""]
    return lines or [""]


class _Layout:
    def __init__(self, paper: str):
        if paper not in PAPERS:
            raise InputError(f"Ukuran kertas tidak dikenal: {paper}. Pilih A4 atau F4.")
        self.w, self.h = PAPERS[paper]
        self.left, self.right = 25 * mm, self.w - 20 * mm
        self.top, self.bottom = 20 * mm, self.h - 20 * mm
        self.pages: list[Page] = []
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def text_width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page(self.w, self.h))
        self.y = self.top

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > self.top:
            self.new_page()

    def text(self, x: float, y: float, text: str, font=REGULAR, size=BODY_SIZE) -> None:
        if text:
            self.page.items.append(Text(x, y, text, font, size))

    def line(self, x1, y1, x2, y2, width=0.6) -> None:
        self.page.items.append(Line(x1, y1, x2, y2, width))

    def centered(self, text: str, font=BOLD, size=TITLE_SIZE, x0=None, x1=None, y=None) -> None:
        x0 = self.left if x0 is None else x0
        x1 = self.right if x1 is None else x1
        self.text(x0 + (x1 - x0 - width_of(text, font, size)) / 2, self.y if y is None else y, text, font, size)

    def paragraph(self, text: str, *, size=BODY_SIZE, indent: float = 0, justify=True, font=REGULAR) -> None:
        """Justified text, broken into lines here so the PDF and the preview break it the same."""
        lead = size * BODY_LEADING
        width = self.text_width - indent
        lines = wrap(text, font, size, width)
        for n, line in enumerate(lines):
            self.ensure(lead)
            base = self.y + size
            words = line.split(" ")
            last = n == len(lines) - 1
            if justify and not last and len(words) > 1:
                # one string with extra word spacing: the PDF keeps its words in one run
                extra = (width - width_of(line, font, size)) / (len(words) - 1)
                self.page.items.append(Text(self.left + indent, base, line, font, size, extra))
            else:
                self.text(self.left + indent, base, line, font, size)
            self.y += lead

    def gap(self, h: float) -> None:
        self.y += h


# -- the document ------------------------------------------------------------------------------

def resolve(wb: Workbook, options: PkOptions | None) -> PkOptions:
    """Fill what the options leave to the workbook; the logo becomes bytes (or None)."""
    options = options or PkOptions()
    logo = options.logo
    if logo is not None and not isinstance(logo, (bytes, bytearray)):
        path = Path(logo)
        try:
            logo = path.read_bytes()
        except OSError as exc:
            raise InputError(f"Logo tidak dapat dibaca: {path.name}") from exc
    elif logo is None and options.use_workbook_logo:
        logo = wb.opd.logo or None
    return PkOptions(paper=options.paper or wb.settings.kertas or "A4", logo=bytes(logo) if logo else None,
                     use_workbook_logo=options.use_workbook_logo,
                     zero_pad=wb.settings.tanggal_nol if options.zero_pad is None else options.zero_pad,
                     terbilang=options.terbilang, kolom_murni=options.kolom_murni)


def layout(wb: Workbook, pk_id: str, options: PkOptions | None = None) -> list[Page]:
    """Pages of the printed PK (statement, then the lampiran), ready to draw."""
    fonts.register_fonts()
    options = resolve(wb, options)
    pk = wb.pk_versions.get(pk_id)
    if pk is None:
        raise InputError("Perjanjian Kinerja tidak ditemukan.")
    lay = _Layout(options.paper)
    tahun = wb.settings.tahun
    _statement(lay, wb, pk, tahun, options)
    lay.new_page()
    _lampiran(lay, wb, pk, tahun, options)
    return lay.pages


def _logo(lay: _Layout, logo: bytes | None) -> None:
    if not logo:
        return
    try:
        iw, ih = ImageReader(io.BytesIO(logo)).getSize()
    except Exception as exc:  # noqa: BLE001 - any unreadable image: say so, in Indonesian
        raise InputError("Logo tidak dapat dibaca: pilih berkas gambar PNG atau JPEG.") from exc
    h = 24 * mm
    w = min(h * iw / ih if ih else h, 60 * mm)  # a wide banner-like logo is capped, not stretched
    h = w * ih / iw if iw else h
    lay.page.items.append(Image(logo, (lay.w - w) / 2, lay.y, w, h))
    lay.gap(h + 6 * mm)


def heading_lines(wb: Workbook, pk: PkVersion, tahun: int) -> list[str]:
    """The title block: "PERJANJIAN KINERJA TAHUN 2024", the program or kegiatan of a
    lower-level PK, then the OPD."""
    lines = [rules.judul(pk, tahun)]
    unit = rules.unit_of(wb, pk)
    if unit is not None:  # "KEGIATAN PELAKSANAAN ...": a bare kegiatan name reads like a title
        word = unit.level.replace("_", " ").upper()
        name = unit.nama.strip().upper()
        lines.append(name if name.startswith(word) else f"{word} {name}")
    if wb.opd.nama:
        lines.append(wb.opd.nama.upper())
    return lines


def _heading(lay: _Layout, wb: Workbook, pk: PkVersion, tahun: int) -> None:
    """Centred bold lines; a long program or OPD name wraps instead of running off the page."""
    lay.gap(TITLE_SIZE)
    for text in heading_lines(wb, pk, tahun):
        for line in wrap(text, BOLD, TITLE_SIZE, lay.text_width - 20 * mm):
            lay.centered(line)
            lay.gap(TITLE_SIZE * 1.45)


def _statement(lay: _Layout, wb: Workbook, pk: PkVersion, tahun: int, options: PkOptions) -> None:
    _logo(lay, options.logo)
    _heading(lay, wb, pk, tahun)
    lay.gap(TITLE_SIZE)
    for block in rules.body_blocks(pk, tahun, wb.opd.nama):
        if block.kind == "para":
            lay.paragraph(block.text)
        else:
            one = block.kind == "pihak1"
            nama = pk.pihak1_nama if one else pk.pihak2_nama
            jabatan = pk.pihak1_jabatan if one else pk.pihak2_jabatan
            _party(lay, [("Nama", nama), ("Jabatan", jabatan)])
        lay.gap(BODY_SIZE * 0.6)
    lay.gap(BODY_SIZE * 1.5)
    _signatures(lay, wb, pk, options)


def _party(lay: _Layout, fields: list[tuple[str, str]]) -> None:
    size = BODY_SIZE
    label_w = max(width_of(k, REGULAR, size) for k, _ in fields) + 10
    x_label = lay.left + 10 * mm
    x_colon = x_label + label_w
    x_value = x_colon + width_of(": ", REGULAR, size)
    for k, v in fields:
        lines = wrap(v, REGULAR, size, lay.right - x_value)
        lay.ensure(size * BODY_LEADING * len(lines))
        lay.text(x_label, lay.y + size, k)
        lay.text(x_colon, lay.y + size, ":")
        for line in lines:
            lay.text(x_value, lay.y + size, line)
            lay.y += size * BODY_LEADING


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The font size at which ``text`` fits ``width`` (a long name shrinks, down to 8 pt)."""
    w = width_of(text, font, size)
    return size if w <= width else max(8.0, size * width / w)


def _signatures(lay: _Layout, wb: Workbook, pk: PkVersion, options: PkOptions) -> None:
    """Pihak Kedua on the left, Pihak Pertama on the right under the place and date; under
    each name its pangkat/golongan and NIP (pihak kedua has them only at the lower levels)."""
    size = BODY_SIZE
    lead = size * BODY_LEADING
    right = [t for t in (rules.pangkat_golongan(pk.pihak1_pangkat, pk.pihak1_golongan),
                         rules.nip_line(pk.pihak1_nip)) if t]
    left = [t for t in rules.pihak2_detail(wb, pk) if t]
    lay.ensure(lead * 3 + SIGN_SPACE + lead * (1 + max(len(left), len(right))))
    col = lay.text_width / 2
    lx0, lx1 = lay.left, lay.left + col - 4 * mm
    rx0, rx1 = lay.left + col + 4 * mm, lay.right
    lay.centered(rules.tanggal_line(pk, options.zero_pad), REGULAR, size, rx0, rx1, lay.y + size)
    lay.y += lead
    lay.centered("Pihak Kedua,", BOLD, size, lx0, lx1, lay.y + size)
    lay.centered("Pihak Pertama,", BOLD, size, rx0, rx1, lay.y + size)
    lay.y += lead + SIGN_SPACE
    for name, x0, x1 in ((pk.pihak2_nama, lx0, lx1), (pk.pihak1_nama, rx0, rx1)):
        if not name.strip():  # a draft printed before the name is known: written in by hand
            lay.centered("(" + "." * 40 + ")", REGULAR, size, x0, x1, lay.y + size)
            continue
        fs = _fit(name, BOLD, size, x1 - x0)
        w = width_of(name, BOLD, fs)
        x = x0 + (x1 - x0 - w) / 2
        lay.text(x, lay.y + size, name, BOLD, fs)
        lay.line(x, lay.y + size + 1.6, x + w, lay.y + size + 1.6, 0.7)
    lay.y += lead
    for n in range(max(len(left), len(right))):
        for lines, x0, x1 in ((left, lx0, lx1), (right, rx0, rx1)):
            if n < len(lines):
                lay.centered(lines[n], REGULAR, _fit(lines[n], REGULAR, size, x1 - x0), x0, x1, lay.y + size)
        lay.y += lead


# -- tables ----------------------------------------------------------------------------------

@dataclass
class _Cell:
    text: str
    align: str = "left"  # left | center | right
    font: str = REGULAR


def _cell_lines(cell: _Cell, width: float, size: float) -> list[str]:
    return wrap(cell.text, cell.font, size, width - 2 * CELL_PAD)


def _draw_cell_text(lay: _Layout, cell: _Cell, x: float, width: float, y_top: float, size: float,
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


def _cell_height(cell: _Cell, width: float, size: float) -> float:
    return len(_cell_lines(cell, width, size)) * size * TABLE_LEADING + 2 * CELL_PAD


class _Table:
    """A ruled table; a group of rows may share its first cells (the sasaran spans its IKU)."""

    def __init__(self, lay: _Layout, fracs: list[float], header: list[list[_Cell]], size=TABLE_SIZE):
        self.lay = lay
        self.size = size
        total = sum(fracs)
        self.widths = [lay.text_width * f / total for f in fracs]
        self.xs = [lay.left]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.header = header

    def _row_height(self, cells: list[_Cell | None]) -> float:
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

    def _cells(self, cells: list[_Cell | None], y: float, h: float) -> None:
        for c, x, w in zip(cells, self.xs, self.widths):
            if c is not None:
                _draw_cell_text(self.lay, c, x, w, y, self.size, h)

    def _verticals(self, y0: float, y1: float) -> None:
        for x in self.xs:
            self.lay.line(x, y0, x, y1)

    def group(self, span: int, shared: list[_Cell], rows: list[list[_Cell]]) -> None:
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

    def row(self, cells: list[_Cell], merge_first: int = 1) -> None:
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


def _lampiran(lay: _Layout, wb: Workbook, pk: PkVersion, tahun: int, options: PkOptions) -> None:
    _heading(lay, wb, pk, tahun)
    lay.gap(TITLE_SIZE * 0.5)
    kol = rules.kolom(rules.tingkat_of(wb, pk).eselon)

    H = lambda t: _Cell(t, "center", BOLD)  # noqa: E731 - header cell
    table = _Table(lay, [6, 34, 42, 16], [
        [H("No"), H(kol.sasaran), H(kol.indikator), H("Target")],
        [_Cell(f"({n})", "center") for n in range(1, 5)],
    ])
    table.draw_header()
    rows = wb.pk_sasaran_rows(pk.id)
    groups: list[list] = []
    for r in rows:  # consecutive rows of one sasaran share its cell, as the form prints it
        if groups and groups[-1][0].sasaran.strip() == r.sasaran.strip() and r.sasaran.strip():
            groups[-1].append(r)
        else:
            groups.append([r])
    for n, g in enumerate(groups, 1):
        cells = []
        for r in g:
            ind = wb.indicators.get(r.indicator_id) if r.indicator_id else None
            cells.append([_Cell(r.indikator), _Cell(rules.target_text(r, ind.jenis if ind else None), "center")])
        table.group(2, [_Cell(str(n), "center"), _Cell(g[0].sasaran)], cells)

    lay.gap(8 * mm)
    programs = wb.pk_program_rows(pk.id)
    both = pk.jenis == "perubahan" and options.kolom_murni and any(p.anggaran_murni is not None for p in programs)
    if both:
        ptable = _Table(lay, [6, 33, 22, 22, 17], [[
            H("No"), H(kol.anggaran), H("Anggaran Murni (Rp)"), H("Anggaran Perubahan (Rp)"), H(KET)]])
    else:
        ptable = _Table(lay, [6, 52, 24, 18], [[H("No"), H(kol.anggaran), H("Anggaran (Rp)"), H(KET)]])
    ptable.draw_header()
    amount = lambda n, font=REGULAR: _Cell(rules.angka(n), "right", font)  # noqa: E731
    for n, p in enumerate(programs, 1):
        cells = [_Cell(str(n), "center"), _Cell(p.program)]
        if both:
            cells.append(amount(p.anggaran_murni))
        cells += [amount(p.anggaran), _Cell(p.keterangan, "center")]
        ptable.row(cells, merge_first=1)
    total = rules.total_anggaran(programs)
    tcells = [_Cell("Total", "center", BOLD)]
    if both:
        tcells.append(amount(rules.total_murni(programs), BOLD))
    tcells += [amount(total, BOLD), _Cell("")]
    ptable.row(tcells, merge_first=2)
    lay.gap(4)
    label = "Jumlah anggaran perubahan" if pk.jenis == "perubahan" else "Jumlah anggaran"
    text = f"{label}: {rules.rupiah(total)}"
    if options.terbilang and total:
        text += f" ({rules.terbilang_kapital(total)})"
    lay.paragraph(text, size=TABLE_SIZE, justify=False, font=fonts.ITALIC)
    lay.gap(8 * mm)
    _signatures(lay, wb, pk, options)


# -- output ----------------------------------------------------------------------------------

def draw_pdf_page(c: rl_canvas.Canvas, page: Page) -> None:
    h = page.height
    for it in page.items:
        if isinstance(it, Text):
            if it.word_space:
                t = c.beginText(it.x, h - it.y)
                t.setFont(it.font, it.size)
                t.setWordSpace(it.word_space)
                t.textOut(it.text)
                t.setWordSpace(0)  # Tw is text state: it would stretch every later string
                c.drawText(t)
            else:
                c.setFont(it.font, it.size)
                c.drawString(it.x, h - it.y, it.text)
        elif isinstance(it, Line):
            c.setLineWidth(it.width)
            c.line(it.x1, h - it.y1, it.x2, h - it.y2)
        elif isinstance(it, Image):
            c.drawImage(ImageReader(io.BytesIO(it.data)), it.x, h - it.y - it.h, it.w, it.h, mask="auto")


def write_pdf(pages: list[Page], out, *, title: str = "", author: str = "") -> None:
    """Draw the pages into ``out`` (a path or a binary file object)."""
    fonts.register_fonts()
    target = str(out) if isinstance(out, (str, Path)) else out
    # initial font DejaVu: else every page also names Helvetica, a font that is not embedded
    c = rl_canvas.Canvas(target, pagesize=(pages[0].width, pages[0].height), pageCompression=1,
                         initialFontName=REGULAR, initialFontSize=BODY_SIZE)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("LKIP Desktop")
    for page in pages:
        c.setPageSize((page.width, page.height))
        draw_pdf_page(c, page)
        c.showPage()
    c.save()


def document_title(wb: Workbook, pk: PkVersion) -> str:
    unit = rules.unit_of(wb, pk)
    return " ".join(p for p in (rules.judul(pk, wb.settings.tahun).title(), unit.nama if unit else "",
                                wb.opd.nama) if p)


def render_pdf(wb: Workbook, pk_id: str, out, options: PkOptions | None = None) -> list[Page]:
    """Write the PK ``pk_id`` as a PDF; returns the pages (for a preview of the same)."""
    if isinstance(out, (str, os.PathLike)):
        check_output_path(out)  # a print never overwrites a workbook
    pages = layout(wb, pk_id, options)
    pk = wb.pk_versions[pk_id]
    write_pdf(pages, out, title=document_title(wb, pk), author=wb.opd.nama)
    return pages
