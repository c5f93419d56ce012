"""The table catalogue read back from every output: tables renumbered and retitled, one
hidden, one moved, a source line, the column-number row, one table on F4 landscape — in the
table PDF, the Excel file, the Word LKIP and the whole-LKIP PDF, Daftar Tabel included; and a
workbook of another shape (1 IKU, no budget) with a catalogue of its own."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from lkip_desktop.edits import catalog
from lkip_desktop.reports.builders import catalogue
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from . import shapes
from .pdftext import pages_text

TITLE = "Capaian Sasaran Strategis Setda"
SOURCE = "Data Evaluasi Internal Setda, Desember 2024"
HIDDEN = "Perbandingan Anggaran Per Sub Kegiatan Sebelum dan Sesudah Perubahan"  # bab2.pagu_perubahan as printed
NUMS = "(1)\n(2)\n(3)\n(4)\n(5)\n(6)\n(7)"
F4_LANDSCAPE = (330 * 72 / 25.4, 215 * 72 / 25.4)  # points


def flat(text: str) -> str:
    return " ".join(text.split())


def shape_catalogue(svc) -> None:
    assert next(s for s in catalogue(svc) if s.key == "bab2.pagu_perubahan").build().title == HIDDEN
    catalog.set_field(svc, "bab3.capaian", "judul", TITLE)
    catalog.set_field(svc, "bab3.capaian", "sumber", SOURCE)
    catalog.set_field(svc, "bab3.capaian", "nomor_kolom", True)
    catalog.set_field(svc, "bab3.skala", "nomor", "3.9")
    catalog.set_field(svc, "bab2.pagu_perubahan", "tampil", False)
    keys = [s.key for s in catalogue(svc) if s.chapter == "2"]
    catalog.move(svc, keys, "bab2.iku", -1)
    catalog.set_field(svc, "bab3.realisasi_program", "kertas", "F4")
    catalog.set_field(svc, "bab3.realisasi_program", "orientasi", "landscape")


@pytest.fixture(scope="module")
def exported(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("katalog")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        shape_catalogue(svc)
        res = export(svc, pdf=out / "t.pdf", xlsx=out / "t.xlsx", docx=out / "l.docx", lengkap=out / "l.pdf")
        numbers = {t.key: t.number for t in res.tables}
    return out, numbers


def test_numbers_follow_the_catalogue(exported):
    _out, numbers = exported
    assert numbers["bab2.iku"] == "2.1" and numbers["bab2.matriks"] == "2.2"
    assert numbers["bab3.capaian"] == "3.1" and numbers["bab3.skala"] == "3.9"
    assert "bab2.pagu_perubahan" not in numbers


def test_table_pdf(exported):
    out, numbers = exported
    pages = pages_text(out / "t.pdf")
    text = "\n".join(pages)
    daftar = pages[0]
    assert "DAFTAR TABEL" in daftar and f"Tabel 3.1 {TITLE}" in daftar and "Tabel 2.1 Indikator Kinerja Utama" in daftar
    assert f"Tabel 3.1\n{TITLE}" in text and f"Sumber: {SOURCE}" in text and NUMS in text
    assert HIDDEN not in flat(text)
    reader = PdfReader(str(out / "t.pdf"))
    n = numbers["bab3.realisasi_program"]
    page = next(p for p in reader.pages if f"Tabel {n}\n" in (p.extract_text() or ""))
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert size == pytest.approx(F4_LANDSCAPE, abs=1)
    assert float(reader.pages[1].mediabox.height) == pytest.approx(297 * 72 / 25.4, abs=1)  # the rest stays A4


def test_xlsx(exported):
    out, numbers = exported
    book = openpyxl.load_workbook(out / "t.xlsx")
    index = [(r[0], r[1]) for r in book["Daftar Tabel"].iter_rows(min_row=4, values_only=True)]
    assert ("3.1", TITLE) in index and ("2.1", "Indikator Kinerja Utama Sekretariat Daerah Kota Bekasi") in index[:1]
    assert not [t for _n, t in index if t and HIDDEN in t] and not [w for w in book.sheetnames if "2.9" in w]
    ws = next(w for w in book.worksheets if w.title.startswith("T3.1 "))
    texts = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
    assert texts[0] == [f"Tabel 3.1 {TITLE}"]
    assert ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"] in texts
    assert [f"Sumber: {SOURCE}"] in texts
    wide = next(w for w in book.worksheets if w.title.startswith(f"T{numbers['bab3.realisasi_program']} "))
    assert wide.page_setup.orientation == "landscape" and int(wide.page_setup.paperSize) == 14
    assert int(ws.page_setup.paperSize) == 9


def test_docx(exported):
    out, numbers = exported
    doc = Document(str(out / "l.docx"))
    paras = [p.text for p in doc.paragraphs]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert f"Tabel 3.1 {TITLE}" in captions and "Tabel 3.9 " in "\n".join(captions)
    assert not [c for c in captions if HIDDEN in c]
    start = paras.index("DAFTAR TABEL")
    listed = "\n".join(paras[start:start + 80])
    assert f"Tabel 3.1 {TITLE}" in listed and HIDDEN not in listed
    assert f"Sumber: {SOURCE}" in paras
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"] in rows
    assert any("rentang pada Tabel 3.9" in p for p in paras)  # the prose names the catalogue's number
    wide = [s for s in doc.sections if abs(s.page_width - Mm(330)) < Mm(1)]
    assert wide and all(s.page_height < s.page_width for s in wide)
    assert numbers["bab3.realisasi_program"]


def test_whole_lkip_pdf(exported):
    out, _numbers = exported
    pages = pages_text(out / "l.pdf")
    text = "\n".join(pages)
    daftar = next(p for p in pages if "DAFTAR TABEL" in p)
    assert f"Tabel 3.1 {TITLE}" in daftar and "Tabel 2.1 Indikator Kinerja Utama" in daftar
    assert f"Sumber: {SOURCE}" in text and NUMS in text and "rentang pada Tabel 3.9" in text
    assert HIDDEN not in flat(text)
    # numbers appear in the catalogue's order: Tabel 2.1 (IKU) before Tabel 2.2 (matriks)
    assert text.index("Tabel 2.1\nIndikator Kinerja Utama") < text.index("Tabel 2.2\nMatriks")


def test_other_shape_one_iku_no_budget(tmp_path):
    svc = shapes.build(tmp_path / "satu.lkip", shapes.Shape(n_iku=1, budget=False))
    try:
        catalog.set_field(svc, "bab3.capaian", "judul", "Capaian Dinas Contoh")
        catalog.set_field(svc, "iku.IKU-1.analisis", "sumber", "Laporan Bidang, 2024")
        catalog.set_field(svc, "iku.IKU-1.analisis", "nomor_kolom", True)
        hidden = next(s for s in catalogue(svc) if s.key == "iku.IKU-1.tahun_lalu").build().title
        assert "Tahun Sebelumnya" in hidden
        catalog.set_field(svc, "iku.IKU-1.tahun_lalu", "tampil", False)
        catalog.set_field(svc, "bab3.prestasi", "orientasi", "landscape")
        res = export(svc, pdf=tmp_path / "t.pdf", xlsx=tmp_path / "t.xlsx", docx=tmp_path / "l.docx",
                     lengkap=tmp_path / "l.pdf")
        numbers = {t.key: t.number for t in res.tables}
    finally:
        svc.close()
    assert "iku.IKU-1.tahun_lalu" not in numbers
    assert numbers["iku.IKU-1.analisis"] == "3.3"
    for pdf in ("t.pdf", "l.pdf"):
        text = "\n".join(pages_text(tmp_path / pdf))
        assert "Tabel 3.1 Capaian Dinas Contoh" in text and "Sumber: Laporan Bidang, 2024" in text
        assert hidden not in flat(text)
    doc = Document(str(tmp_path / "l.docx"))
    assert hidden not in "\n".join(p.text for p in doc.paragraphs)
    assert "Tabel 3.1 Capaian Dinas Contoh" in [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any(r.cells[0].text == "(1)" for t in doc.tables for r in t.rows)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    wide = next(w for w in book.worksheets if w.title.startswith(f"T{numbers['bab3.prestasi']} "))
    assert wide.page_setup.orientation == "landscape"


@pytest.mark.parametrize("typed, printed", [
    ("Data Bagian Organisasi, 2025", "Sumber: Data Bagian Organisasi, 2025"),
    ("Sumber: Data Bagian Organisasi, 2025", "Sumber: Data Bagian Organisasi, 2025"),  # never "Sumber: Sumber:"
    ("sumber data: BPS", "sumber data: BPS"),
    ("   ", None),
])
def test_source_line_says_sumber_once(typed, printed):
    from lkip_desktop.reports.table import ReportTable

    assert ReportTable("k", "1", "t", [], [], source=typed).source_line == printed
