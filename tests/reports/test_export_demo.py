"""The demo (Setda Kota Bekasi 2024) exported to PDF and XLSX, checked by reading the files
back (pypdf text, openpyxl values and number formats), never by asking the builders."""

from __future__ import annotations

import re
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from lkip_desktop.domain.numbers import parse_number, parse_rupiah
from lkip_desktop.reports.export import export
from lkip_desktop.store.service import WorkbookService

from .pdftext import fragments, pages_text, rows_by_y
from .xlsxread import fit_to_width

CAPAIAN = ["123,97", "100,99", "100,00", "106,18", "129,98"]
PAGU_MURNI = 229_444_689_696
PAGU_PERUBAHAN = 235_997_078_013
REALISASI = 203_400_576_968
RUPIAH_FMT = '#,##0;(#,##0);"-"'


@pytest.fixture(scope="module")
def exported(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        result = export(svc, pdf=out / "lkip.pdf", xlsx=out / "lkip.xlsx")
        leaves = {i.kode for i in svc.wb.items.values() if i.level == "sub_kegiatan"}
        programs = {i.kode for i in svc.wb.programs()}
        numbers = {t.key: t.number for t in result.tables}
    return out / "lkip.pdf", out / "lkip.xlsx", leaves, programs, numbers


def _pages_of(pdf, number: str) -> list:
    """The pages of one table: from its caption to the next table's caption."""
    reader = PdfReader(str(pdf))
    out, inside = [], False
    for page in reader.pages:
        text = page.extract_text() or ""
        captions = re.findall(r"^\s*Tabel (\S+)\s*$", text, flags=re.M)
        if inside and captions and captions[0] != number:
            out.append(page)  # the table may end above the next caption
            break
        if number in captions:
            inside = True
        if inside:
            out.append(page)
            if captions and captions[-1] != number:
                break
    assert out, f"Tabel {number} not found in the PDF"
    return out


def _sheet(xlsx_wb, number: str):
    for ws in xlsx_wb.worksheets:
        if ws.title.startswith(f"T{number} "):
            return ws
    raise AssertionError(f"no sheet for Tabel {number}")


def test_capaian_table_in_pdf(exported):
    pdf, _x, _l, _p, numbers = exported
    text = "\n".join(p.extract_text() for p in _pages_of(pdf, numbers["bab3.capaian"]))
    for figure in CAPAIAN + ["112,23"]:
        assert figure in text
    assert "5 dari 5 indikator" in text


def test_capaian_table_in_xlsx(exported):
    _pdf, xlsx, _l, _p, numbers = exported
    ws = _sheet(openpyxl.load_workbook(xlsx), numbers["bab3.capaian"])
    col = None
    for row in ws.iter_rows(min_row=1, max_row=6):
        for c in row:
            if c.value == "Capaian (%)":
                col = c.column
    assert col is not None
    values = [ws.cell(row=r, column=col) for r in range(1, ws.max_row + 1)]
    nums = [c for c in values if c.data_type == "n" and c.value is not None]
    # Decimals compared, not f"{v:.2f}" (which rounds half-even and would hide a wrong value)
    assert [Decimal(str(c.value)) for c in nums] == [parse_number(x) for x in CAPAIAN + ["112,23"]]
    assert all(c.number_format == "#,##0.00" for c in nums)


def _leaf_sums_pdf(pdf, number, leaves):
    """Sum the rupiah columns of the leaf rows, and read the JUMLAH row, from positioned text."""
    sums, total = None, None
    for page in _pages_of(pdf, number):
        for line in rows_by_y(fragments(page)):
            texts = [t for _x, t in line]
            figures = [t for t in texts[1:] if re.fullmatch(r"\(?[\d.]+\)?|-|\d+,\d\d", t)]
            if texts[0] in leaves:
                vals = [parse_rupiah(t) if t != "-" else 0 for t in figures if "," not in t]
                sums = vals if sums is None else [a + b for a, b in zip(sums, vals)]
            elif texts[0] == "JUMLAH":
                return sums, figures
    return sums, total


def test_budget_tables_add_up_in_pdf(exported):
    pdf, _x, leaves, _p, numbers = exported
    sums, total = _leaf_sums_pdf(pdf, numbers["bab3.realisasi_sub_kegiatan"], leaves)
    assert sums == [PAGU_MURNI, PAGU_PERUBAHAN, REALISASI]
    assert total == ["229.444.689.696", "235.997.078.013", "203.400.576.968", "86,19"]
    sums, total = _leaf_sums_pdf(pdf, numbers["bab2.pagu_perubahan"], leaves)
    assert sums[:2] == [PAGU_MURNI, PAGU_PERUBAHAN]
    assert total == ["229.444.689.696", "235.997.078.013", "6.552.388.317"]
    text = "\n".join(p.extract_text() for p in _pages_of(pdf, numbers["bab3.realisasi_program"]))
    assert "235.997.078.013" in text and "203.400.576.968" in text and "86,19" in text


def _xlsx_rows(ws):
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        yield [c for c in row]


@pytest.mark.parametrize("key,cols", [
    ("bab3.realisasi_sub_kegiatan", 3),  # murni, perubahan, realisasi
    ("lampiran.rincian", 2),
    ("bab2.pagu_perubahan", 2),
])
def test_budget_tables_add_up_in_xlsx(exported, key, cols):
    _pdf, xlsx, leaves, _p, numbers = exported
    ws = _sheet(openpyxl.load_workbook(xlsx), numbers[key])
    sums, total = [0] * cols, None
    for row in _xlsx_rows(ws):
        first = row[0].value
        money = [c for c in row if c.data_type == "n" and c.number_format == RUPIAH_FMT]
        if first in leaves:
            for i in range(cols):
                v = money[i].value if i < len(money) else None
                assert v is None or isinstance(v, int)
                sums[i] += v or 0
        elif first == "JUMLAH":
            total = [c.value for c in money[:cols]]
            pct = [c for c in row if c.data_type == "n" and c.number_format == "#,##0.00"]
            if key == "bab3.realisasi_sub_kegiatan":
                assert Decimal(str(pct[0].value)) == Decimal("86.19")
    expected = [PAGU_MURNI, PAGU_PERUBAHAN, REALISASI][:cols]
    assert sums == expected
    assert total == expected


def test_program_table_xlsx_totals(exported):
    _pdf, xlsx, _l, programs, numbers = exported
    ws = _sheet(openpyxl.load_workbook(xlsx), numbers["bab3.pagu_program"])
    murni = perubahan = 0
    total = None
    for row in _xlsx_rows(ws):
        money = [c.value for c in row if c.data_type == "n" and c.number_format == RUPIAH_FMT]
        label = row[0].value
        if isinstance(label, str) and label.isdigit():
            murni += money[0]
            perubahan += money[1]
        elif label == "TOTAL":
            total = money[:2]
    assert [murni, perubahan] == [PAGU_MURNI, PAGU_PERUBAHAN] == total


def test_pdf_embeds_dejavu(exported):
    pdf = exported[0]
    reader = PdfReader(str(pdf))
    names = set()
    embedded = set()
    for page in reader.pages[:12]:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            base = str(font.get("/BaseFont"))
            names.add(base)
            for d in [x.get_object() for x in font.get("/DescendantFonts", [])] + [font]:
                fd = d.get("/FontDescriptor")
                if fd is not None and "/FontFile2" in fd.get_object():
                    embedded.add(base)
    assert any("DejaVuSans" in n for n in names)
    assert embedded == names  # every font used is embedded, and all of them are DejaVu
    assert all("DejaVu" in n for n in names)
    assert not any("Helvetica" in n for n in names)


def test_list_of_tables_has_page_numbers(exported):
    pdf, *_ = exported
    first = pages_text(pdf)[0]
    assert "DAFTAR TABEL" in first
    assert re.search(r"Tabel 3\.1 Capaian Kinerja.*\n?.*\b\d+\b", first)


def test_xlsx_print_setup(exported):
    _pdf, xlsx, *_ = exported
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "Daftar Tabel"
    for ws in wb.worksheets[1:]:
        assert len(ws.title) <= 31
        assert ws.freeze_panes is not None
        assert ws.print_title_rows
        assert fit_to_width(ws.page_setup) == 1
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.orientation in ("portrait", "landscape")
    wide = [ws for ws in wb.worksheets if "Realisasi Fisik" in (ws["A1"].value or "")]
    assert wide and wide[0].page_setup.orientation == "landscape"
    assert any(ws._charts for ws in wb.worksheets)
    # merged header cells exist (the wide table's TW I..IV)
    assert wide[0].merged_cells.ranges


def test_number_cells_are_numbers(exported):
    """No figure is stored as text: a cell holding an id-ID number string would be a bug."""
    _pdf, xlsx, *_ = exported
    wb = openpyxl.load_workbook(xlsx)
    money_text = re.compile(r"^\(?\d{1,3}(\.\d{3})+\)?$")
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "s" and isinstance(c.value, str):
                    assert not money_text.match(c.value), (ws.title, c.coordinate, c.value)
                if c.data_type == "n" and c.value is not None:
                    assert c.number_format != "General" or isinstance(c.value, int), (ws.title, c.coordinate)
