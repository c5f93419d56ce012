"""Pagination of long tables, formula-like text, the table model's own guards."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.reports import table as T
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.reports.pdf import render_pdf
from lkip_desktop.reports.xlsx import render_xlsx
from lkip_desktop.store.ops import CellRef

from .pdftext import pages_text


def _long_table(n: int = 300) -> T.ReportTable:
    t = T.ReportTable(
        "test.long", "9.1", "Tabel panjang untuk uji halaman",
        [T.Column(0.6), T.Column(3), T.Column(1.5, T.RUPIAH, 15), T.Column(1, T.PERCENT, 7)],
        T.header_grid(4, [("Nomor", 1, 2), ("Uraian", 1, 2), ("Anggaran Kolom", 2, 1)], ["Rupiah Kolom", "Persen Kolom"]),
        source="uji",
    )
    for i in range(n):
        name = f"Baris {i:03d} " + ("dengan nama yang cukup panjang sehingga dibungkus " if i % 7 == 0 else "")
        # a row-span group every 25 rows, as program labels in the real tables
        if i % 25 == 0:
            t.add([T.text(f"G{i}", rowspan=3), T.text(name), T.rupiah(i * 1000), T.percent(Decimal(i) / 3)])
        elif i % 25 in (1, 2):
            t.add([None, T.text(name), T.rupiah(i * 1000), T.percent(Decimal(i) / 3)])
        else:
            t.add([T.text(str(i)), T.text(name), T.rupiah(i * 1000), T.percent(Decimal(i) / 3)])
    t.validate()
    return t


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_300_rows_paginate_with_header_on_every_page(tmp_path, paper):
    out = render_pdf([_long_table()], tmp_path / "long.pdf", paper, toc=False)
    pages = pages_text(out)
    assert len(pages) >= 5
    for text in pages:
        for head in ("Nomor", "Uraian", "Anggaran Kolom", "Rupiah Kolom", "Persen Kolom"):
            assert head in text
    joined = "\n".join(pages)
    for i in range(300):
        assert joined.count(f"Baris {i:03d}") == 1
    assert "Sumber: uji" in pages[-1]


def test_f4_page_is_taller_and_holds_more_rows(tmp_path):
    from pypdf import PdfReader

    a4 = render_pdf([_long_table()], tmp_path / "a4.pdf", "A4", toc=False)
    f4 = render_pdf([_long_table()], tmp_path / "f4.pdf", "F4", toc=False)
    box = PdfReader(str(f4)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (215, 330)
    first_a4, first_f4 = pages_text(a4)[0].count("Baris "), pages_text(f4)[0].count("Baris ")
    assert first_f4 > first_a4


def test_group_taller_than_a_page_is_cut(tmp_path):
    """A row-span label over more rows than fit on a page (reportlab would raise
    LayoutError) is cut and repeated."""
    t = T.ReportTable("test.span", "9.2", "Grup besar", [T.Column(1), T.Column(3)],
                      T.header_grid(2, ["Grup", "Baris"]))
    for i in range(150):
        t.add([T.text("Label grup", rowspan=150) if i == 0 else None, T.text(f"Isi {i}")])
    t.validate()
    pages = pages_text(render_pdf([t], tmp_path / "span.pdf", toc=False))
    assert len(pages) >= 2
    assert all("Label grup" in p for p in pages)


FORMULA_LIKE = ["=1+1", "+cmd", "@SUM(A1)", "-2+3", "#N/A", "=HYPERLINK(\"http://x\")"]


def test_formula_like_text_is_text_in_xlsx(demo, tmp_path):
    wb = demo.wb
    leaf = next(i for i in wb.items.values() if i.level == "sub_kegiatan")
    prog = wb.programs()[0]
    ind = wb.iku_list()[0]
    pres = wb.prestasi_list()[0]
    sas = wb.sasaran_list()[0]
    demo.set(CellRef("budget_item", (leaf.id,), "nama"), FORMULA_LIKE[0])
    demo.set(CellRef("budget_item", (prog.id,), "nama"), FORMULA_LIKE[1])
    demo.set(CellRef("prestasi", (pres.id,), "uraian"), FORMULA_LIKE[2])
    demo.set(CellRef("indicator", (ind.id,), "nama"), FORMULA_LIKE[3])
    demo.set(CellRef("sasaran", (sas.id,), "nama"), FORMULA_LIKE[4])
    demo.set(CellRef("budget_item", (leaf.id,), "kode"), FORMULA_LIKE[5])
    tables = [s.build() for s in standard_tables(demo)]
    out = render_xlsx(tables, tmp_path / "f.xlsx")
    book = openpyxl.load_workbook(out)
    seen = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                assert c.data_type != "e", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    for s in FORMULA_LIKE:
                        if s in c.value:
                            assert c.data_type == "s"
                            seen[s] = seen.get(s, 0) + 1
    assert set(seen) == set(FORMULA_LIKE)
    # exact cells too (not only inside longer captions)
    exact = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value in FORMULA_LIKE}
    assert exact == set(FORMULA_LIKE)


def test_formula_cell_only_from_formula_kind(tmp_path):
    t = T.ReportTable("test.f", "9.3", "Rumus", [T.Column(1), T.Column(1, T.NUMBER)],
                      T.header_grid(2, ["A", "B"]))
    t.add([T.text("=SUM(B4:B4)"), T.number(Decimal("2.50"), 2)])
    t.add([T.text("Jumlah"), T.formula("=SUM(B4:B4)", Decimal("2.50"))])
    book = openpyxl.load_workbook(render_xlsx([t], tmp_path / "f.xlsx"))
    ws = book.worksheets[1]
    types = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value is not None}
    assert types["=SUM(B4:B4)"] in ("s", "f")
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=SUM(B4:B4)"]
    assert sorted(c.data_type for c in cells) == ["f", "s"]
    assert T.formula("=A1", Decimal(1)).text == "1,00"


def test_cells_refuse_float_and_format_half_up():
    with pytest.raises(TypeError):
        T.number(1.5)
    with pytest.raises(TypeError):
        T.rupiah(Decimal("5"))
    assert T.percent(Decimal("88.125")).text == "88,13"
    assert T.percent(Decimal("88.125")).number == Decimal("88.13")
    assert T.rupiah(-5_000_000).text == "(5.000.000)"
    assert T.rupiah(0).text == "-"
    assert T.percent(Decimal("-0.75"), parens=True).text == "(0,75)"
    assert T.number(Decimal("40")).text == "40"
    assert T.number(Decimal("22.73")).text == "22,73"


def test_every_standard_table_is_consistent(demo):
    specs = standard_tables(demo)
    numbers = [s.number for s in specs]
    assert len(set(numbers)) == len(numbers)
    assert numbers[:2] == ["2.1", "2.2"] and "3.1" in numbers and "4.1" in numbers
    for spec in specs:
        t = spec.build()
        t.validate()
        assert t.number == spec.number
        for ch in t.charts:
            labels, series = ch.data(t)
            assert labels and all(len(v) == len(labels) for _n, v in series)


def test_chart_labels_are_the_table_cells(tmp_path):
    """Bar labels come from the cells' own text, never from a float formatted again."""
    from lkip_desktop.reports.pdf_chart import chart_drawing

    t = T.ReportTable("t.chart", "9.2", "Grafik", [T.Column(2), T.Column(1, T.PERCENT, 7)],
                      T.header_grid(2, ["Nama", "Capaian (%)"]))
    values = [Decimal("123.966942"), Decimal("0.285"), Decimal("1.005"), Decimal("2.675"), Decimal("100")]
    rows = [t.add([T.text(f"IKU {i}"), T.percent(v)]) for i, v in enumerate(values)]
    t.charts.append(T.Chart("hbar", "Capaian", 0, [("Capaian (%)", 1)], rows, reference=Decimal(100)))
    d = chart_drawing(t, t.charts[0], 400)
    from pypdf import PdfReader
    from reportlab.graphics import renderPDF

    out = tmp_path / "chart.pdf"
    renderPDF.drawToFile(d, str(out))
    shown = set(PdfReader(str(out)).pages[0].extract_text().split())
    expected = {t.rows[r].cells[1].text for r in rows}
    assert expected == {"123,97", "0,29", "1,01", "2,68", "100,00"}
    assert expected <= shown, shown


def test_sheet_and_chart_titles_safe_for_any_text(tmp_path):
    nasty = "Capaian 'IKU' [A/B]*?: \x01\x07\ud800 =SUM(A1) \t baru"
    t = T.ReportTable("t.nasty", "", nasty, [T.Column(2), T.Column(1, T.PERCENT, 7)],
                      T.header_grid(2, ["Nama", "Capaian (%)"]))
    rows = [t.add([T.text("x"), T.percent(Decimal("12.5"))]), t.add([T.text("y"), T.percent(Decimal("50"))])]
    t.charts.append(T.Chart("bar", nasty, 0, [(nasty, 1)], rows, reference=Decimal(100), reference_label=nasty,
                            y_title=nasty))
    t2 = T.ReportTable("t.nasty2", "", nasty, t.columns, t.header, list(t.rows))
    out = render_xlsx([t, t2], tmp_path / "n.xlsx")
    wb = openpyxl.load_workbook(out)
    titles = wb.sheetnames[1:]
    assert len(titles) == 2 and len(set(titles)) == 2
    for title in titles:
        assert len(title) <= 31 and not any(ch in title for ch in "[]:*?/\\\x01\x07")
        assert not title.startswith("'") and not title.endswith("'")
    links = [c.hyperlink.location or c.hyperlink.target for c in wb["Daftar Tabel"]["C"] if c.hyperlink]
    assert len(links) == 2


def test_sheet_names_fit_excel_s_31_utf16_units_with_emoji(tmp_path):
    """Excel counts a sheet name in UTF-16 units (an emoji is two): a title of emoji and
    letters is cut to 31 units, never through an emoji, and stays unique."""
    title = "Capaian 📊📊 kinerja 🎯 sasaran 😀 strategis tahun ini"
    t = T.ReportTable("t.emoji", "", title, [T.Column(2)], T.header_grid(1, ["Nama"]))
    t.add([T.text("x")])
    t2 = T.ReportTable("t.emoji2", "", title, t.columns, t.header, list(t.rows))
    out = render_xlsx([t, t2], tmp_path / "e.xlsx")
    titles = openpyxl.load_workbook(out).sheetnames[1:]
    assert len(set(titles)) == 2
    for name in titles:
        assert len(name.encode("utf-16-le")) // 2 <= 31, name
        assert name.encode("utf-16", "strict")  # whole characters only
    assert titles[0].startswith("Capaian 📊📊")
