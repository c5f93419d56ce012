"""The SDM tables of Bab I (golongan, pendidikan, jabatan) read back from the table export
(PDF, XLSX) and the whole LKIP (PDF, DOCX); absent while no staff line is entered."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from docx import Document

from lkip_desktop.edits import cells, rows, values
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text

STAFF = {"golongan": [("IV", 12), ("III", 40), ("II", 7)], "pendidikan": [("S2", 9), ("S1", 31)],
         "jabatan": [("Jabatan Fungsional", 18)]}


@pytest.fixture(scope="module")
def exported(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("sdm")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        for kategori, lines in STAFF.items():
            for uraian, jumlah in lines:
                new = rows.add_sdm(svc, kategori)
                values.set_values(svc, [(cells.sdm(new, "uraian"), uraian), (cells.sdm(new, "jumlah"), jumlah)],
                                  "SDM")
        res = export(svc, pdf=out / "t.pdf", xlsx=out / "t.xlsx", docx=out / "l.docx", lengkap=out / "l.pdf")
        numbers = {t.key: t.number for t in res.tables}
    return out, numbers


def test_sdm_tables_are_numbered_in_bab_i(exported):
    _out, numbers = exported
    assert [numbers[f"bab1.sdm_{k}"] for k in STAFF] == ["1.1", "1.2", "1.3"]
    assert numbers["bab2.matriks"] == "2.1"  # other chapters keep their numbers


def test_sdm_in_xlsx(exported):
    out, numbers = exported
    book = openpyxl.load_workbook(out / "t.xlsx")
    ws = next(w for w in book.worksheets if w.title.startswith(f"T{numbers['bab1.sdm_golongan']} "))
    body = [r for r in ws.iter_rows(values_only=True) if r[1] in ("IV", "III", "II") or r[0] == "Jumlah"]
    assert [(r[1], r[2]) for r in body[:3]] == [("IV", 12), ("III", 40), ("II", 7)]
    assert body[3][2] == 59


def test_sdm_in_pdf_tables_and_whole_report(exported):
    out, _numbers = exported
    tables = "\n".join(pages_text(out / "t.pdf"))  # pypdf gives one line per cell
    assert "Berdasarkan Tingkat Pendidikan" in tables and "\nJabatan Fungsional\n18\nJumlah\n18\n" in tables
    whole = "\n".join(pages_text(out / "l.pdf"))
    bab1 = whole[whole.rindex("BAB I PENDAHULUAN"):whole.rindex("BAB II PERENCANAAN KINERJA")]
    assert "Berdasarkan Golongan" in bab1 and "\nS2\n9\n" in bab1 and "\nJumlah\n59\n" in bab1
    assert "Sumber:" not in whole  # no source line the OPD did not write (the catalogue's is empty)


def test_sdm_in_docx(exported):
    out, _numbers = exported
    doc = Document(str(out / "l.docx"))
    found = {}
    for table in doc.tables:
        texts = [[c.text for c in r.cells] for r in table.rows]
        if ["1", "S2", "9"] in texts:
            found["pendidikan"] = texts[-1][-1]
        if ["1", "Jabatan Fungsional", "18"] in texts:
            found["jabatan"] = texts[-1][-1]
    assert found == {"pendidikan": "40", "jabatan": "18"}


def test_no_staff_no_table(_demo_master):
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        from lkip_desktop.reports.builders import standard_tables

        assert not [s for s in standard_tables(svc) if s.chapter == "1"]
