"""Row-level capaian/E2 in the budget-per-IKU tables (settings.rincian_anggaran) and
"Jumlah <kelompok>" subtotals of grouped programs, read back from PDF, XLSX and DOCX."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from docx import Document

from lkip_desktop.domain.numbers import format_number, format_rupiah, round_half_up
from lkip_desktop.edits import cells, rows, values
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text

ROW_KODE = "3.2.02.1"  # a sub kegiatan that wholly supports IKU-2 in the demo


def _pct(v: Decimal) -> str:
    return format_number(round_half_up(v, 2), 2)


def _prepare(svc, detail: bool) -> None:
    wb = svc.wb
    item = wb.item_by_kode(ROW_KODE)
    ind = rows.add_indicator(svc, "sub_kegiatan", item.id, "Dokumen program tersusun")
    values.set_value(svc, cells.target(ind, wb.settings.tahun), Decimal("8"))
    values.set_value(svc, cells.realisasi(ind, wb.settings.tahun), Decimal("7"))  # capaian 87,50
    values.set_value(svc, cells.setting("rincian_anggaran"), detail)
    values.set_values(svc, [(cells.item(p.id, "kelompok"), "BLU" if n == 0 else "Non-BLU")
                            for n, p in enumerate(wb.programs())], "Kelompok program")


@pytest.fixture(scope="module")
def exported(_demo_master, tmp_path_factory):
    import shutil

    out = tmp_path_factory.mktemp("rincian")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        _prepare(svc, True)
        res = export(svc, pdf=out / "t.pdf", xlsx=out / "t.xlsx", docx=out / "l.docx")
        numbers = {t.key: t.number for t in res.tables}
        item = svc.wb.item_by_kode(ROW_KODE)
        tot = svc.calc.totals(item.id)
        blu = svc.calc.group_totals("BLU")
        non = svc.calc.group_totals("Non-BLU")
        expect = {"nama": item.nama, "capaian": Decimal("87.5"), "e2": tot.efisiensi_sisa,
                  "blu": blu, "non": non}
    return out, numbers, expect


def _sheet(book, number: str):
    return next(ws for ws in book.worksheets if ws.title.startswith(f"T{number} "))


def _row(ws, first: str):
    return next(r for r in ws.iter_rows(values_only=True) if first in (r[0], r[1]))


def test_row_figures_in_xlsx(exported):
    out, numbers, expect = exported
    book = openpyxl.load_workbook(out / "t.xlsx")
    row = _row(_sheet(book, numbers["iku.IKU-2.anggaran"]), ROW_KODE)
    assert Decimal(str(row[5])).quantize(Decimal("0.01")) == Decimal("87.50")
    assert Decimal(str(row[6])).quantize(Decimal("0.01")) == round_half_up(expect["e2"], 2)


def test_group_subtotals_in_xlsx(exported):
    out, numbers, expect = exported
    book = openpyxl.load_workbook(out / "t.xlsx")
    ws = _sheet(book, numbers["bab3.realisasi_program"])
    blu, non = _row(ws, "Jumlah BLU"), _row(ws, "Jumlah Non-BLU")
    assert (blu[2], blu[3]) == (expect["blu"].pagu, expect["blu"].realisasi)
    assert (non[2], non[3]) == (expect["non"].pagu, expect["non"].realisasi)
    assert expect["blu"].pagu + expect["non"].pagu == _row(ws, "Total")[2]
    tree = _sheet(book, numbers["bab3.realisasi_sub_kegiatan"])
    assert _row(tree, "Jumlah Non-BLU")[4] == expect["non"].realisasi


def test_row_figures_and_subtotals_in_pdf(exported):
    out, _numbers, expect = exported
    text = "\n".join(pages_text(out / "t.pdf"))
    line = next(ln for ln in text.splitlines() if ln.startswith(ROW_KODE) or f" {ROW_KODE} " in ln)
    assert line  # the row itself
    assert "87,50" in text and _pct(expect["e2"]) in text
    assert "rata-rata capaian indikator milik baris itu" in text
    assert f"Jumlah BLU {format_rupiah(expect['blu'].pagu)}" in text.replace("\n", " ")
    assert "Jumlah Non-BLU" in text


def test_row_figures_and_subtotals_in_docx(exported):
    out, _numbers, expect = exported
    doc = Document(str(out / "l.docx"))
    found_row = found_group = False
    for table in doc.tables:
        for r in table.rows:
            texts = [c.text for c in r.cells]
            if texts and texts[0] == ROW_KODE and "87,50" in texts:
                found_row = _pct(expect["e2"]) in texts
            if texts and texts[0] == "Jumlah BLU":
                found_group = format_rupiah(expect["blu"].pagu) in texts
    assert found_row and found_group


def test_default_is_todays_output(_demo_master, tmp_path):
    """Off (the default, also for migrated files): program rows carry no capaian/E2 and,
    without kelompok, no subtotal rows."""
    import shutil

    path = tmp_path / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        assert svc.wb.settings.rincian_anggaran is False
        res = export(svc, xlsx=tmp_path / "t.xlsx")
        numbers = {t.key: t.number for t in res.tables}
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    row = _row(_sheet(book, numbers["iku.IKU-2.anggaran"]), ROW_KODE)
    assert row[5] in (None, "") and row[6] in (None, "")
    ws = _sheet(book, numbers["bab3.realisasi_program"])
    assert not any(str(r[0]).startswith("Jumlah ") for r in ws.iter_rows(values_only=True) if r[0])


def test_partly_supporting_program_carries_the_iku_share(_demo_master, tmp_path):
    """A program only partly behind an IKU prints the sums of its supporting sub kegiatan (not a
    blank heading, not the whole program), and a note says so."""
    import shutil

    from lkip_desktop.reports.builders import build_tables

    path = tmp_path / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        _prepare(svc, True)
        wb, calc = svc.wb, svc.calc
        ind = wb.iku_list()[0]
        budget = calc.iku_budget(ind.id)
        program = next(a for a in wb.ancestors(budget.items[0]) if a.level == "program")
        assert calc.totals(program.id).pagu != budget.pagu  # the demo's program is larger than the IKU's part
        table = build_tables(svc, [f"iku.{ind.kode}.anggaran"])[0]
        row = next(r for r in table.rows if r.cells[0].text == program.kode)
        assert row.cells[2].text == format_rupiah(budget.pagu) and row.cells[3].text == format_rupiah(budget.realisasi)
        assert any(n.startswith("Catatan: baris program/kegiatan") for n in table.notes)
