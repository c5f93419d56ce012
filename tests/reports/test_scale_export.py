"""Rating scales as data and the no-data text, read back from every output (issue 12): a
workbook on the five-band scale with its own name and no-data text, and one on a kustom scale
with a strict edge, exported as tables (PDF, XLSX, DOCX) and as the whole LKIP (PDF, DOCX)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal as D

import openpyxl
import pytest
from docx import Document

from lkip_desktop.edits import cells, scale, values
from lkip_desktop.reports.export import export
from lkip_desktop.reports.narrative.wording import count_words
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text

NAMA = "Skala Penilaian Kinerja Kabupaten Contoh"
TANPA = "t.a.d."
LIMA_ROWS = [("> 90,00", "Sangat Baik"), ("≥ 75,00 dan ≤ 90,00", "Baik"), ("≥ 65,00 dan < 75,00", "Cukup"),
             ("≥ 50,00 dan < 65,00", "Kurang"), ("< 50,00", "Sangat Kurang")]
KUSTOM_ROWS = [("> 80,00", "Tinggi"), ("≥ 60,00 dan ≤ 80,00", "Sedang"), ("< 60,00", "Rendah")]


def _export(svc, out):
    res = export(svc, pdf=out / "t.pdf", xlsx=out / "t.xlsx", docx=out / "l.docx", lengkap=out / "l.pdf")
    return {t.key: t.number for t in res.tables}


@pytest.fixture(scope="module")
def lima(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("lima")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        scale.choose_scale(svc, "lima")
        scale.set_scale_name(svc, NAMA)
        scale.set_no_data_text(svc, TANPA)
        ikus = svc.wb.iku_list()
        empty = next(i for i in reversed(ikus) if not i.rumus_komponen)
        values.set_value(svc, cells.realisasi(empty.id, svc.wb.settings.tahun), None)
        rated = next(i for i in ikus if svc.calc.indicator(i.id).rating is not None)
        expect = {"empty": empty.nama, "rated": rated.nama, "label": svc.calc.indicator(rated.id).rating.label,
                  "n": len(ikus)}
        numbers = _export(svc, out)
    return out, numbers, expect


@pytest.fixture(scope="module")
def kustom(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("kustom")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        for lower, label, inklusif in [("80", "Tinggi", False), ("60", "Sedang", True), ("0", "Rendah", True)]:
            scale.add_band(svc, D(lower), label, inklusif)
        scale.choose_scale(svc, "kustom")  # bands present: kept as typed
        tahun = svc.wb.settings.tahun
        edge = next(i for i in svc.wb.iku_list() if not i.rumus_komponen and isinstance(i.target(tahun), D))
        values.set_value(svc, cells.realisasi(edge.id, tahun), edge.target(tahun) * D("0.8"))  # capaian 80,00
        assert svc.calc.capaian_value(edge.id) == D("80")
        numbers = _export(svc, out)
    return out, numbers, edge.nama


def _sheet(book, number):
    return next(ws for ws in book.worksheets if ws.title.startswith(f"T{number} "))


def _scale_rows_xlsx(out, number):
    ws = _sheet(openpyxl.load_workbook(out / "t.xlsx"), number)
    return [(r[1], r[2]) for r in ws.iter_rows(values_only=True) if isinstance(r[0], (int, str)) and r[2]
            and str(r[0]).strip().isdigit()]


def _docx_rows(path):
    return [[c.text for c in r.cells] for t in Document(str(path)).tables for r in t.rows]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_five_band_scale_table_in_xlsx_pdf_docx(lima):
    out, numbers, _expect = lima
    assert _scale_rows_xlsx(out, numbers["bab3.skala"]) == LIMA_ROWS
    pdf = _flat("\n".join(pages_text(out / "t.pdf")))
    assert NAMA in pdf
    for rng, label in LIMA_ROWS:
        assert f"{rng} {label}" in pdf
    rows = _docx_rows(out / "l.docx")
    for rng, label in LIMA_ROWS:
        assert any(r[1:] == [rng, label] for r in rows), (rng, label)


def test_kriteria_word_and_scale_name_in_prose(lima):
    out, numbers, expect = lima
    ws = _sheet(openpyxl.load_workbook(out / "t.xlsx"), numbers["bab3.capaian"])
    row = next(r for r in ws.iter_rows(values_only=True) if r[2] == expect["rated"])
    assert row[6] == expect["label"] and expect["label"] in {label for _rng, label in LIMA_ROWS}
    whole = _flat("\n".join(pages_text(out / "l.pdf")))
    name = "skala Penilaian Kinerja Kabupaten Contoh"
    assert f"Kriteria setiap capaian mengikuti {name}" in whole
    assert f"Menurut {name}, capaian ini termasuk kriteria" in whole
    docx = _flat(" ".join(p.text for p in Document(str(out / "l.docx")).paragraphs))
    assert f"Menurut {name}, capaian ini termasuk kriteria" in docx


def test_no_data_text_replaces_na_everywhere(lima):
    out, numbers, expect = lima
    ws = _sheet(openpyxl.load_workbook(out / "t.xlsx"), numbers["bab3.capaian"])
    row = next(r for r in ws.iter_rows(values_only=True) if r[2] == expect["empty"])
    assert (row[4], row[5], row[6]) == (TANPA, TANPA, TANPA)
    for pdf in ("t.pdf", "l.pdf"):
        text = "\n".join(pages_text(out / pdf))
        assert TANPA in text and "n/a" not in text, pdf
    rows = _docx_rows(out / "l.docx")
    assert any(expect["empty"] in r and r[-3:] == [TANPA, TANPA, TANPA] for r in rows)
    assert not any("n/a" in c for r in rows for c in r)
    # the average leaves the IKU without data out and says so
    n = expect["n"]
    whole = _flat("\n".join(pages_text(out / "l.pdf")))
    assert f"atas {count_words(n - 1)} dari {count_words(n)}" in whole


def test_kustom_scale_with_a_strict_edge(kustom):
    out, numbers, edge = kustom
    assert _scale_rows_xlsx(out, numbers["bab3.skala"]) == KUSTOM_ROWS
    pdf = _flat("\n".join(pages_text(out / "t.pdf")))
    for rng, label in KUSTOM_ROWS:
        assert f"{rng} {label}" in pdf
    rows = _docx_rows(out / "l.docx")
    assert all(any(r[1:] == [rng, label] for r in rows) for rng, label in KUSTOM_ROWS)
    ws = _sheet(openpyxl.load_workbook(out / "t.xlsx"), numbers["bab3.capaian"])
    kriteria = {r[2]: r[6] for r in ws.iter_rows(values_only=True) if isinstance(r[5], (int, float)) and r[6]}
    assert set(kriteria.values()) <= {"Tinggi", "Sedang", "Rendah"}
    assert kriteria[edge] == "Sedang"  # 80,00 is not above the strict edge "> 80"
