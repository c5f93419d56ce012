"""Parts real LKIPs carry (issue 12), read back from the whole LKIP as PDF (pypdf) and DOCX
(python-docx): the PK murni and PK perubahan with their program/anggaran part in Bab II and
as Lampiran, the rating-scale table, "n/a" for no data, roman front-matter page numbers, the
Daftar Tabel, the previous Renstra period's final target and no invented source lines."""

from __future__ import annotations

import re

import pytest
from docx import Document

from lkip_desktop.domain.pk import report_version
from lkip_desktop.domain.rating import D86, LOKAL7
from lkip_desktop.reports.builders.bab3 import scale_ranges
from lkip_desktop.reports.document import build_lkip
from lkip_desktop.reports.export import export
from lkip_desktop.reports.table import NO_DATA
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text
from .shapes import Shape, build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _export(svc, out):
    res = export(svc, lengkap=out / "l.pdf", docx=out / "l.docx")
    return res.document, pages_text(out / "l.pdf"), Document(str(out / "l.docx"))


@pytest.fixture(scope="module")
def demo_full(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("parts")
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        murni, perubahan = report_version(svc.wb, "murni"), report_version(svc.wb, "perubahan")
        programs = {j: svc.wb.pk_program_rows(v.id) for j, v in (("murni", murni), ("perubahan", perubahan))}
        doc, pages, word = _export(svc, out)
    return doc, pages, word, programs


@pytest.fixture(scope="module")
def one_iku(tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    svc = build(out / "w.lkip", Shape(n_iku=1, pk=False))
    try:
        return _export(svc, out)
    finally:
        svc.close()


def _docx_tables(word):
    """(caption, rows of cell texts) for every table of the Word file."""
    out, caption = [], None
    for block in word.iter_inner_content():
        if hasattr(block, "rows"):
            out.append((caption, [[c.text for c in r.cells] for r in block.rows]))
        elif block.style is not None and block.style.name == "Caption":
            caption = block.text
    return out


def test_pk_murni_and_perubahan_with_programs_in_bab2_and_lampiran(demo_full):
    doc, pages, word, programs = demo_full
    keys = [t.key for t in doc.tables()]
    for prefix in ("bab2", "lampiran"):
        for k in ("pk", "pk_program", "pk_perubahan", "pk_perubahan_program"):
            assert f"{prefix}.{k}" in keys
    text = "\n".join(pages)
    bab2 = re.sub(r"\s+", " ", text[text.rindex("B. Perjanjian Kinerja"):text.rindex("C. Anggaran")])
    assert "Program dan Anggaran Perjanjian Kinerja Perubahan" in bab2
    assert re.search(r"Tabel 2\.\d+ Program dan Anggaran Perjanjian Kinerja (?!Perubahan)", bab2)
    lampiran = re.sub(r"\s+", " ", text[text.rindex("LAMPIRAN"):])
    assert re.search(r"Tabel L\.\d+ Program dan Anggaran Perjanjian Kinerja Perubahan", lampiran)
    # the program part in Word carries the PK's own amounts, murni beside perubahan
    tables = _docx_tables(word)
    perub = [rows for cap, rows in tables if cap and "Program dan Anggaran Perjanjian Kinerja Perubahan" in cap]
    assert len(perub) == 2  # Bab II and Lampiran
    head, body = perub[0][0], perub[0][1:]
    assert "Anggaran Murni (Rp)" in head and "Anggaran Perubahan (Rp)" in head
    first = programs["perubahan"][0]
    assert body[0][1] == first.program
    assert body[-1][0] == "Jumlah"
    assert body[-1][3].replace(".", "") == str(sum(p.anggaran for p in programs["perubahan"]))


def test_no_pk_says_so_in_one_line_without_a_table(one_iku):
    doc, pages, word, = one_iku
    assert not [t for t in doc.tables() if ".pk" in t.key]
    text = " ".join(pages)
    assert "Perjanjian Kinerja tahun 2024 belum dimuat dalam buku kerja ini" in re.sub(r"\s+", " ", text)
    assert "Perjanjian Kinerja tahun 2024 belum dimuat" in "\n".join(p.text for p in word.paragraphs)


def test_scale_ranges_follow_the_edges():
    assert scale_ranges(D86)[0] == ("", "Sangat Tinggi", "≥ 91,00")
    assert scale_ranges(D86)[1] == ("", "Tinggi", "≥ 76,00 dan < 91,00")
    assert scale_ranges(D86)[-1] == ("", "Sangat Rendah", "< 51,00")
    assert scale_ranges(LOKAL7)[0] == ("AA", "Sangat Memuaskan", "> 90,00")
    assert scale_ranges(LOKAL7)[1] == ("A", "Memuaskan", "> 80,00 dan ≤ 90,00")
    assert scale_ranges(LOKAL7)[-1] == ("D", "Sangat Kurang", "≤ 30,00")


def test_rating_scale_table_and_its_name_in_the_prose(demo_full):
    doc, pages, word, _ = demo_full
    skala = next(t for t in doc.tables() if t.key == "bab3.skala")
    text = re.sub(r"\s+", " ", " ".join(pages))
    assert f"Tabel {skala.number} {D86.name}" in text
    assert "mengikuti skala nilai peringkat kinerja (Permendagri 86/2017)" in text
    rows = next(rows for cap, rows in _docx_tables(word) if cap and D86.name in cap)
    assert [r[-1] for r in rows[1:]] == [b.label for b in D86.bands]
    assert rows[1][1] == "≥ 91,00"


def test_no_data_prints_n_a_and_the_average_says_its_count(tmp_path):
    svc = build(tmp_path / "w.lkip", Shape(n_iku=5))  # the fifth IKU has no realisasi
    try:
        doc = build_lkip(svc)
        out = _export(svc, tmp_path)
    finally:
        svc.close()
    cap = next(t for t in doc.tables() if t.key == "bab3.capaian")
    assert [r.cells[5].text for r in cap.rows if r.level is None].count(NO_DATA) == 1
    assert "atas 4 dari 5 indikator" in cap.rows[-1].cells[0].text
    assert NO_DATA in " ".join(out[1])


def test_front_matter_roman_body_arabic_and_a_daftar_tabel(one_iku):
    doc, pages, word = one_iku
    assert "Halaman" not in pages[0]
    def first(head: str) -> int:  # the page a heading is on (not the Daftar Isi's line)
        return next(i for i, p in enumerate(pages) if head in p and "DAFTAR ISI" not in p)

    assert "Halaman i" in pages[first("KATA PENGANTAR")]
    daftar = first("DAFTAR TABEL")
    assert re.search(r"Halaman (ii|iii|iv|v|vi)\b", pages[daftar])
    bab1 = first("BAB I PENDAHULUAN")
    assert pages[bab1].rstrip().endswith("Halaman 1")
    # each Daftar Tabel line ends with the page its table is on
    cap = next(t for t in doc.tables() if t.key == "bab3.capaian").caption
    page_no = int(re.search(re.escape(cap) + r" (\d+)", re.sub(r"\s+", " ", pages[daftar])).group(1))
    assert cap in re.sub(r"\s+", " ", pages[bab1 + page_no - 1])
    # Word: front matter section in lower-case roman, Bab I restarts at 1 in arabic
    fmts = [(s._sectPr.find(W + "pgNumType")) for s in word.sections]
    numbered = [(e.get(W + "fmt"), e.get(W + "start")) for e in fmts if e is not None]
    assert numbered[:2] == [("lowerRoman", "1"), ("decimal", "1")]
    paras = [p.text for p in word.paragraphs]
    i = paras.index("DAFTAR TABEL")
    assert all(t.caption in paras[i + 1:i + 1 + len(doc.tables())] for t in doc.tables())


def test_previous_renstra_period_final_target_named(one_iku):
    doc, pages, word = one_iku
    ren = next(t for t in doc.tables() if t.key.endswith(".renstra"))
    assert ren.header[1][-1].text == "Target Akhir Renstra Periode Sebelumnya (2023)"
    assert [r.cells[-1].text for r in ren.rows] == ["80", "70", "87,50"]
    text = re.sub(r"\s+", " ", " ".join(pages))
    assert "Pada tahun 2023, target akhir Renstra periode sebelumnya adalah 80" in text


def test_demo_no_source_lines(demo_full):
    doc, pages, _word, _ = demo_full
    assert all(not t.source for t in doc.tables())
    assert "Sumber:" not in " ".join(pages)
