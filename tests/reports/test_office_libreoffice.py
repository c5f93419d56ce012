"""The exported XLSX and DOCX as the user's office suite prints them: converted to PDF by
LibreOffice headless and read back with poppler (word boxes, page text).

Skipped when LibreOffice (``soffice``) or ``pdftotext`` is not installed: it is a large
Debian package (``libreoffice-calc-nogui``, ``libreoffice-writer-nogui``) that CI does not
carry. The layout the files ask for is checked without it in test_office_layout.py.
"""

from __future__ import annotations

import re

import openpyxl
import pytest

from .office_render import PDFTOTEXT, SOFFICE, overlapping_words, page_texts, to_pdf, word_boxes

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice headless (soffice) and pdftotext are needed to render the office files; "
           "apt-get install libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils")


@pytest.fixture(scope="module")
def rendered(office_files, tmp_path_factory):
    out = tmp_path_factory.mktemp("libreoffice")
    xlsx, docx = office_files
    return xlsx, to_pdf(xlsx, out), docx, to_pdf(docx, out)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _header_words(xlsx) -> set[str]:
    """The words of every sheet's repeated header rows."""
    wb = openpyxl.load_workbook(xlsx)
    words: set[str] = set()
    for ws in wb.worksheets:
        if not ws.print_title_rows:
            continue
        first, last = (int(x) for x in re.findall(r"\d+", ws.print_title_rows))
        for row in ws.iter_rows(min_row=first, max_row=last):
            words.update(w for c in row if isinstance(c.value, str) for w in c.value.split())
    return words


def test_no_text_drawn_over_text_in_the_xlsx(rendered):
    """Before rows were sized, 30 of 52 pages had wrapped text running into the row below.
    Pairs with a word of a repeated header are left out: where a page break falls inside
    cells merged over rows, LibreOffice draws their text again under the repeated header,
    hidden by it."""
    xlsx, pdf, *_ = rendered
    header = _header_words(xlsx)
    for n, words in enumerate(word_boxes(pdf), 1):
        bad = [(a, b) for a, b in overlapping_words(words) if a not in header and b not in header]
        assert not bad, f"page {n}: {bad[:5]}"


def test_daftar_tabel_prints_one_page_wide_and_whole(rendered):
    xlsx, pdf, *_ = rendered
    index_pages = []
    for n, words in enumerate(word_boxes(pdf)):
        texts = {w[4] for w in words}
        if texts & {"Nomor", "Judul", "Lembar"}:
            # one page wide: every page of the sheet has all three columns (before: one a page)
            assert {"Nomor", "Judul", "Lembar"} <= texts, f"page {n + 1}: {sorted(texts)[:20]}"
            index_pages.append(n)
        elif index_pages:
            break
    assert index_pages, "no Daftar Tabel page"
    raw = page_texts(pdf)
    text = _flat(" ".join(raw[n] for n in index_pages))
    wb = openpyxl.load_workbook(xlsx)
    titles = [c.value for c in wb["Daftar Tabel"]["B"][3:] if c.value]
    assert len(titles) > 30
    for title in titles:  # every wrapped title printed in full
        assert _flat(title) in text, title


def test_wrapped_cells_print_in_full(rendered):
    xlsx, pdf, *_ = rendered
    text = _flat(" ".join(page_texts(pdf)))
    wb = openpyxl.load_workbook(xlsx)
    ws = next(ws for ws in wb.worksheets if (ws["A1"].value or "").startswith("Tabel 2.1 "))
    cells = [c.value for row in ws.iter_rows(min_row=5) for c in row
             if isinstance(c.value, str) and c.alignment.wrap_text and len(c.value) > 30]
    assert len(cells) >= 5
    for value in cells:
        assert _flat(value) in text, value


def test_docx_contents_page_lists_the_chapters_with_their_pages(rendered):
    *_, pdf = rendered
    pages = word_boxes(pdf)
    page_text = ["\n".join(" ".join(w[4] for w in line) for line in _lines(words)) for words in pages]
    toc = next(i for i, t in enumerate(page_text) if t.startswith("DAFTAR ISI"))
    entries = {}
    for line in page_text[toc].splitlines()[1:]:
        m = re.fullmatch(r"(.+?)\s*\.{3,}\s*(\d+)", line.replace(" .", "."))
        if m:
            entries[m.group(1).replace(".", ". ").replace("  ", " ").strip()] = int(m.group(2))
    def starts(chapter):
        return next(i for i in range(toc + 1, len(page_text))
                    if page_text[i].splitlines() and page_text[i].splitlines()[0] == chapter)

    for chapter in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                    "BAB IV PENUTUP", "LAMPIRAN"):
        assert chapter in entries, (chapter, list(entries))
        # the page the contents give is the page number the chapter shows here (an estimate
        # written into the file; allowed one page off, Word's layout is not LibreOffice's).
        # Pages are numbered afresh from Bab I, so its sheet is page 1.
        found = starts(chapter) - starts("BAB I PENDAHULUAN") + 1
        assert abs(entries[chapter] - found) <= 1, (chapter, entries[chapter], found)
    assert not any(overlapping_words(words) for words in pages)


def _lines(words):
    """Words grouped into lines by their baseline, left to right."""
    lines: list[list] = []
    for w in sorted(words, key=lambda w: (round(w[3]), w[0])):
        if lines and abs(lines[-1][0][3] - w[3]) < 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w[0]) for line in lines]
