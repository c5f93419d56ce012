"""The office files' layout read back from the files: XLSX row heights for wrapped text and
print setup on every sheet (openpyxl), the DOCX table of contents with its entries inside
its field (python-docx and the XML)."""

from __future__ import annotations

import re

import openpyxl
import pytest
from docx import Document

from lkip_desktop.reports.export import export
from lkip_desktop.reports.xlsx_layout import wrapped_lines
from lkip_desktop.store.ops import CellRef

from .xlsxread import column_width, fit_to_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG = ("Meningkatnya kualitas tata kelola pemerintahan daerah yang akuntabel, transparan dan partisipatif "
        "melalui penguatan sistem akuntabilitas kinerja instansi pemerintah di seluruh perangkat daerah "
        "serta pembinaan aparatur yang berkelanjutan dan terukur setiap triwulan")


@pytest.fixture
def files(office_files):
    return office_files


def test_wrapped_lines_counts_word_wrapped_lines():
    assert wrapped_lines("", 10) == 1
    assert wrapped_lines("satu dua", 10) == 1
    assert wrapped_lines("satu dua tiga", 10) == 2
    assert wrapped_lines("a\nb\nc", 10) == 3
    assert wrapped_lines("x" * 25, 10) == 3  # a word longer than a line is broken
    assert wrapped_lines("ab " + "x" * 25, 10) == 4


def _merged_width(ws, row, col) -> float:
    for rng in ws.merged_cells.ranges:
        if rng.min_row == row and rng.min_col == col:
            return sum(column_width(ws, c) for c in range(rng.min_col, rng.max_col + 1))
    return column_width(ws, col)


def test_rows_are_tall_enough_for_their_wrapped_text(files):
    """A wrapped cell whose text cannot fit one line of its width (1.6 characters a width
    unit is more than Calibri 10 holds) sits in a row at least two lines tall; before the
    fix every such row kept the default one-line height."""
    wb = openpyxl.load_workbook(files[0])
    checked = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                    continue
                width = _merged_width(ws, cell.row, cell.column)
                if len(cell.value) > 1.6 * width * 10 / (cell.font.sz or 11):
                    height = ws.row_dimensions[cell.row].height
                    assert height is not None and height >= 2 * (cell.font.sz or 11), (ws.title, cell.coordinate)
                    checked += 1
    assert checked > 50


def test_a_long_name_gets_a_row_for_all_its_lines(demo, tmp_path):
    ind = demo.wb.iku_list()[0]
    demo.set(CellRef("indicator", (ind.id,), "nama"), LONG)
    export(demo, xlsx=tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    found = 0
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == LONG:
                    width = _merged_width(ws, cell.row, cell.column)
                    lines = len(LONG) / (1.6 * width)  # fewer lines than the text surely takes
                    assert ws.row_dimensions[cell.row].height >= lines * 10, (ws.title, cell.coordinate)
                    found += 1
    assert found >= 3


def test_every_sheet_prints_one_page_wide_with_its_header_repeated(files):
    wb = openpyxl.load_workbook(files[0])
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert (fit_to_width(ps), ps.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title
        assert ws.print_area, ws.title
        assert ps.orientation in ("portrait", "landscape")
        assert ws.page_margins.left <= 0.5 and ws.page_margins.top <= 0.6
        assert "&P" in ws.oddFooter.center.text
    index = wb["Daftar Tabel"]
    assert index.print_title_rows == "$3:$3"
    assert index.page_setup.orientation == "portrait"
    assert all(index.cell(row=r, column=2).alignment.wrap_text for r in range(4, index.max_row + 1)
               if index.cell(row=r, column=2).value)


def _toc(doc):
    body = doc.element.body
    paras = list(body.iter(f"{W}p"))
    start = next(i for i, p in enumerate(paras) if "".join(t.text or "" for t in p.iter(f"{W}t")) == "DAFTAR ISI")
    entries = []
    for p in paras[start + 1:]:
        if p.find(f"{W}hyperlink") is None:
            break
        entries.append(p)
    return entries


def test_docx_table_of_contents_has_its_entries_inside_the_field(files):
    doc = Document(str(files[1]))
    entries = _toc(doc)
    texts = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in entries]
    for chapter in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                    "BAB IV PENUTUP", "LAMPIRAN"):
        assert any(re.fullmatch(re.escape(chapter) + r"\d+", t) for t in texts), chapter
    # the front matter is numbered i, ii, …; from Bab I the pages count 1, 2, … again
    kinds = ["arabic" if re.search(r"\d+$", t) else "roman" for t in texts]
    assert kinds == sorted(kinds, key=lambda k: k == "arabic") and "roman" in kinds
    pages = [int(re.search(r"(\d+)$", t).group(1)) for t in texts if re.search(r"\d+$", t)]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] > 20
    # one TOC field opens in the first entry and closes in the last, so Word can update it
    chars = [fc.get(f"{W}fldCharType") for e in entries for fc in e.iter(f"{W}fldChar")]
    assert chars[0] == "begin" and chars[-1] == "end"
    assert chars.count("begin") == chars.count("end") == len(entries) + 1
    instr = "".join(x.text for x in entries[0].iter(f"{W}instrText"))
    assert "TOC" in instr
    # every entry links to a bookmark on its heading, and reads its page from there
    marks = {b.get(f"{W}name"): "".join(t.text or "" for t in b.getparent().iter(f"{W}t"))
             for b in doc.element.body.iter(f"{W}bookmarkStart")}
    for e, text in zip(entries, texts):
        anchor = e.find(f"{W}hyperlink").get(f"{W}anchor")
        assert text.startswith(marks[anchor])
        assert f"PAGEREF {anchor}" in "".join(x.text for x in e.iter(f"{W}instrText"))
