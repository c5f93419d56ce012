"""Program groups (kelompok) in the budget tables (issue 12): "Jumlah <kelompok>" rows in the
per-IKU budget tables (the IKU's share of each group) and a table per group, read back from
PDF, XLSX and DOCX; one group only (or none): no per-group table."""

from __future__ import annotations

import re
import shutil

import openpyxl
import pytest
from docx import Document

from lkip_desktop.domain.numbers import format_rupiah
from lkip_desktop.edits import cells, values
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from .pdftext import pages_text


def _iku_over_groups(svc):
    """An IKU whose supporting sub kegiatan lie under programs of both groups."""
    wb, calc = svc.wb, svc.calc
    for ind in wb.iku_list():
        groups = {wb.ancestors(leaf)[-1].kelompok for leaf in calc.iku_budget(ind.id).items}
        if len(groups) == 2:
            return ind
    return None


@pytest.fixture(scope="module")
def grouped(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("kelompok")
    path = out / "demo.lkip"
    shutil.copy(_demo_master, path)
    with WorkbookService.open(path) as svc:
        programs = svc.wb.programs()
        values.set_values(svc, [(cells.item(p.id, "kelompok"), "BLU" if n % 2 == 0 else "Non-BLU")
                                for n, p in enumerate(programs)], "Kelompok program")
        ind = _iku_over_groups(svc)
        assert ind is not None, "the demo needs an IKU supported from both groups"
        leaves = svc.calc.iku_budget(ind.id).items
        expect = {"kode": ind.kode, "budget": svc.calc.iku_budget(ind.id),
                  "iku": {k: svc.calc.group_totals(k, leaves) for k in ("BLU", "Non-BLU")},
                  "whole": {k: svc.calc.group_totals(k) for k in ("BLU", "Non-BLU")}}
        res = export(svc, pdf=out / "t.pdf", xlsx=out / "t.xlsx", docx=out / "l.docx", lengkap=out / "l.pdf")
        numbers = {t.key: t.number for t in res.tables}
    return out, numbers, expect


def _sheet(book, number):
    return next(ws for ws in book.worksheets if ws.title.startswith(f"T{number} "))


def _rows(ws, first):
    return [r for r in ws.iter_rows(values_only=True) if r[0] == first]


def test_iku_budget_table_has_group_subtotals_in_xlsx(grouped):
    out, numbers, expect = grouped
    book = openpyxl.load_workbook(out / "t.xlsx")
    ws = _sheet(book, numbers[f"iku.{expect['kode']}.anggaran"])
    got = {k: _rows(ws, f"Jumlah {k}") for k in ("BLU", "Non-BLU")}
    assert all(len(v) == 1 for v in got.values()), got
    for k, (row,) in got.items():
        assert (row[2], row[3]) == (expect["iku"][k].pagu, expect["iku"][k].realisasi)
    # the IKU's share, not the whole group; the two shares make the IKU's Jumlah
    assert sum(expect["iku"][k].pagu for k in got) == expect["budget"].pagu
    assert any(expect["iku"][k].pagu != expect["whole"][k].pagu for k in got)


def test_a_table_per_group_after_the_sub_kegiatan_table(grouped):
    out, numbers, expect = grouped
    order = list(numbers)
    at = order.index("bab3.realisasi_sub_kegiatan")
    assert order[at + 1:at + 3] == ["bab3.kelompok.BLU", "bab3.kelompok.Non-BLU"]
    book = openpyxl.load_workbook(out / "t.xlsx")
    ws = _sheet(book, numbers["bab3.kelompok.BLU"])
    (row,) = _rows(ws, "Jumlah BLU")
    assert row[4] == expect["whole"]["BLU"].realisasi
    assert not _rows(ws, "Jumlah Non-BLU") and not _rows(ws, "JUMLAH")  # only its own group


def test_group_rows_in_pdf_and_docx(grouped):
    out, numbers, expect = grouped
    text = re.sub(r"\s+", " ", "\n".join(pages_text(out / "t.pdf")))
    for k in ("BLU", "Non-BLU"):
        assert f"Jumlah {k} {format_rupiah(expect['iku'][k].pagu)}" in text
    assert "Kelompok BLU" in text and "Kelompok Non-BLU" in text
    rows = [[c.text for c in r.cells] for t in Document(str(out / "l.docx")).tables for r in t.rows]
    for k in ("BLU", "Non-BLU"):
        assert any(r[0] == f"Jumlah {k}" and format_rupiah(expect["iku"][k].pagu) in r for r in rows), k
    whole = re.sub(r"\s+", " ", "\n".join(pages_text(out / "l.pdf")))
    assert f"Jumlah BLU {format_rupiah(expect['iku']['BLU'].pagu)}" in whole


def test_no_group_table_without_two_groups(demo):
    keys = [s.key for s in standard_tables(demo)]
    assert not any(k.startswith("bab3.kelompok.") for k in keys)
    values.set_value(demo, cells.item(demo.wb.programs()[0].id, "kelompok"), "BLU")
    keys = [s.key for s in standard_tables(demo)]  # BLU and the programs without a group
    assert [k for k in keys if k.startswith("bab3.kelompok.")] == ["bab3.kelompok.BLU"]
    values.set_values(demo, [(cells.item(p.id, "kelompok"), "BLU") for p in demo.wb.programs()], "Semua BLU")
    assert not any(s.key.startswith("bab3.kelompok.") for s in standard_tables(demo))
