"""The cover of the whole LKIP carries no page number, in PDF and in Word (issue 12); the
pages after it do."""

from __future__ import annotations

from lkip_desktop.reports.export import export

from .pdftext import pages_text
from .shapes import Shape, build


def test_the_cover_has_no_page_number(tmp_path):
    svc = build(tmp_path / "w.lkip", Shape(n_iku=2))
    try:
        export(svc, lengkap=tmp_path / "l.pdf", docx=tmp_path / "l.docx")
    finally:
        svc.close()
    pages = pages_text(tmp_path / "l.pdf")
    assert "Halaman" not in pages[0] and "LKIP" in pages[0]
    assert "Halaman i" in pages[1]  # the front matter counts in roman numerals
    from docx import Document

    sections = Document(str(tmp_path / "l.docx")).sections
    assert sections[0].different_first_page_header_footer
    assert not sections[0].first_page_footer.paragraphs[0].text  # the cover's own footer is empty
    assert all(not s.different_first_page_header_footer for s in list(sections)[1:])
    assert len(sections) > 1  # landscape tables start sections of their own
