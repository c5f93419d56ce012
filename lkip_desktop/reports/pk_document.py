"""The printed Perjanjian Kinerja: what its statement page and lampiran say and in what
order (RULES §9, SETDA Lampiran I and 2), laid out on the pages of ``pk_canvas``, with the
lampiran tables of ``pk_table`` and the party and signature blocks of ``pk_signature``.

The layout is computed once into pages of plain drawing items; ``write_pdf`` draws them
with reportlab and the GUI draws the very same items with QPainter, so what is previewed is
what prints.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from ..domain import pk as rules
from ..domain.errors import InputError
from ..domain.model import PkVersion, Workbook
from ..store.database import check_output_path
from . import fonts
from .pk_canvas import (
    BODY_SIZE, BOLD, PAPERS, REGULAR, TABLE_SIZE, TITLE_SIZE, Image, Line, Page, PkLayout, Text, wrap, write_pdf,
)
from .pk_signature import party, signatures
from .pk_table import PkCell, PkTable

# the drawing items and the PDF writer are part of this module's public face (GUI preview, CLI)
__all__ = ["PAPERS", "Image", "Line", "Page", "PkOptions", "Text", "document_title", "heading_lines", "layout",
           "render_pdf", "resolve", "write_pdf"]

KET = "Ket. (APBD/ PAD/ DAU/ HIBAH/ dll)"


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
    lay = PkLayout(options.paper)
    tahun = wb.settings.tahun
    _statement(lay, wb, pk, tahun, options)
    lay.new_page()
    _lampiran(lay, wb, pk, tahun, options)
    return lay.pages


def _logo(lay: PkLayout, logo: bytes | None) -> None:
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


def _heading(lay: PkLayout, wb: Workbook, pk: PkVersion, tahun: int) -> None:
    """Centred bold lines; a long program or OPD name wraps instead of running off the page."""
    lay.gap(TITLE_SIZE)
    for text in heading_lines(wb, pk, tahun):
        for line in wrap(text, BOLD, TITLE_SIZE, lay.text_width - 20 * mm):
            lay.centered(line)
            lay.gap(TITLE_SIZE * 1.45)


def _statement(lay: PkLayout, wb: Workbook, pk: PkVersion, tahun: int, options: PkOptions) -> None:
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
            party(lay, [("Nama", nama), ("Jabatan", jabatan)])
        lay.gap(BODY_SIZE * 0.6)
    lay.gap(BODY_SIZE * 1.5)
    signatures(lay, wb, pk, options.zero_pad)


def _lampiran(lay: PkLayout, wb: Workbook, pk: PkVersion, tahun: int, options: PkOptions) -> None:
    _heading(lay, wb, pk, tahun)
    lay.gap(TITLE_SIZE * 0.5)
    kol = rules.kolom(rules.tingkat_of(wb, pk).eselon)

    H = lambda t: PkCell(t, "center", BOLD)  # noqa: E731 - header cell
    table = PkTable(lay, [6, 34, 42, 16], [
        [H("No"), H(kol.sasaran), H(kol.indikator), H("Target")],
        [PkCell(f"({n})", "center") for n in range(1, 5)],
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
            cells.append([PkCell(r.indikator), PkCell(rules.target_text(r, ind.jenis if ind else None), "center")])
        table.group(2, [PkCell(str(n), "center"), PkCell(g[0].sasaran)], cells)

    lay.gap(8 * mm)
    programs = wb.pk_program_rows(pk.id)
    both = pk.jenis == "perubahan" and options.kolom_murni and any(p.anggaran_murni is not None for p in programs)
    if both:
        ptable = PkTable(lay, [6, 33, 22, 22, 17], [[
            H("No"), H(kol.anggaran), H("Anggaran Murni (Rp)"), H("Anggaran Perubahan (Rp)"), H(KET)]])
    else:
        ptable = PkTable(lay, [6, 52, 24, 18], [[H("No"), H(kol.anggaran), H("Anggaran (Rp)"), H(KET)]])
    ptable.draw_header()
    amount = lambda n, font=REGULAR: PkCell(rules.angka(n), "right", font)  # noqa: E731
    for n, p in enumerate(programs, 1):
        cells = [PkCell(str(n), "center"), PkCell(p.program)]
        if both:
            cells.append(amount(p.anggaran_murni))
        cells += [amount(p.anggaran), PkCell(p.keterangan, "center")]
        ptable.row(cells, merge_first=1)
    total = rules.total_anggaran(programs)
    tcells = [PkCell("Total", "center", BOLD)]
    if both:
        tcells.append(amount(rules.total_murni(programs), BOLD))
    tcells += [amount(total, BOLD), PkCell("")]
    ptable.row(tcells, merge_first=2)
    lay.gap(4)
    label = "Jumlah anggaran perubahan" if pk.jenis == "perubahan" else "Jumlah anggaran"
    text = f"{label}: {rules.rupiah(total)}"
    if options.terbilang and total:
        text += f" ({rules.terbilang_kapital(total)})"
    lay.paragraph(text, size=TABLE_SIZE, justify=False, font=fonts.ITALIC)
    lay.gap(8 * mm)
    signatures(lay, wb, pk, options.zero_pad)


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
