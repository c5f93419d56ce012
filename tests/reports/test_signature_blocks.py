"""The kepala's signature block under Kata Pengantar and under Bab IV of the whole LKIP,
read back from the PDF (pypdf) and the Word file (python-docx)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from docx import Document

from lkip_desktop.domain.signature import report_signature
from lkip_desktop.edits import cells, values
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text


@pytest.fixture(scope="module")
def signed(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("ttd")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        values.set_values(svc, [(cells.profile("opd", "ttd_tempat"), "Kota Bekasi"),
                                (cells.profile("opd", "ttd_tanggal"), date(2025, 1, 15)),
                                (cells.profile("opd", "kepala_status"), "Plt.")], "Tanda tangan")
        sig = report_signature(svc.wb.opd, svc.wb.settings.tanggal_nol)
        export(svc, docx=out / "lkip.docx", lengkap=out / "lkip.pdf")
    assert sig is not None and sig.nip and sig.pangkat  # the demo has a kepala with NIP and pangkat
    return out, sig


def _between(texts: list[str], start: str, end: str) -> list[str]:
    i = next(n for n, t in enumerate(texts) if t.strip() == start)
    j = next(n for n, t in enumerate(texts) if n > i and t.strip() == end)
    return texts[i:j]


def test_signature_in_docx_under_kata_pengantar_and_bab_iv(signed):
    out, sig = signed
    texts = [p.text for p in Document(str(out / "lkip.docx")).paragraphs]
    assert sig.place_date == "Kota Bekasi, 15 Januari 2025" and sig.jabatan.startswith("Plt. ")
    for start, end in (("KATA PENGANTAR", "IKHTISAR EKSEKUTIF"), ("BAB IV PENUTUP", "LAMPIRAN")):
        part = _between(texts, start, end)
        got = [t for t in part if t in sig.lines()]
        assert got == sig.lines(), (start, got)


def test_signature_in_pdf_twice(signed):
    out, sig = signed
    pages = pages_text(out / "lkip.pdf")
    text = "\n".join(pages)
    for line in sig.lines():
        assert text.count(line) >= 2, line
    pengantar = next(p for p in pages if "KATA PENGANTAR" in p and "DAFTAR ISI" not in p)
    assert sig.place_date in pengantar and sig.nama in pengantar
    # Bab IV's block follows the last Bab IV paragraph, before the Lampiran heading
    bab4 = text[text.rindex("BAB IV PENUTUP"):text.rindex("LAMPIRAN")]
    assert sig.place_date in bab4 and sig.nip in bab4


def test_no_name_no_signature(_demo_master, tmp_path):
    path = tmp_path / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        values.set_value(svc, cells.profile("opd", "kepala_nama"), "")
        export(svc, docx=tmp_path / "lkip.docx")
        assert report_signature(svc.wb.opd) is None
    texts = [p.text for p in Document(str(tmp_path / "lkip.docx")).paragraphs]
    assert not any(t.startswith("NIP. ") for t in _between(texts, "KATA PENGANTAR", "IKHTISAR EKSEKUTIF"))
