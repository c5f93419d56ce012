"""The whole LKIP as Word (read back with python-docx) and as PDF (pypdf text): the same
figures as the table export, sentences that agree with the tables, user text kept plain."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.table import Table
from pypdf import PdfReader

from lkip_desktop.domain.numbers import parse_number, parse_rupiah
from lkip_desktop.reports.export import export
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

CAPAIAN = ["123,97", "100,99", "100,00", "106,18", "129,98"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def full(_demo_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("lengkap")
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        res = export(svc, docx=out / "lkip.docx", lengkap=out / "lkip.pdf")
        numbers = {t.key: t.number for t in res.document.tables()}
    return out / "lkip.docx", out / "lkip.pdf", numbers


def _content(path):
    """Paragraph texts and tables in body order; each table with the caption above it."""
    doc = Document(str(path))
    items, last_caption = [], None
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            items.append(("table", last_caption, block))
        else:
            text = block.text
            if re.match(r"^Tabel [\dL]", text):
                last_caption = text
            items.append(("para", text, block))
    return doc, items


def _table(items, number: str) -> Table:
    for kind, cap, block in items:
        if kind == "table" and cap and cap.startswith(f"Tabel {number} "):
            return block
    raise AssertionError(f"Tabel {number} not in the document")


def _rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_capaian_table(full):
    path, _pdf, numbers = full
    _doc, items = _content(path)
    rows = _rows(_table(items, numbers["bab3.capaian"]))
    col = rows[0].index("Capaian (%)")
    figures = [r[col] for r in rows[1:] if re.fullmatch(r"\d+,\d\d", r[col] or "")]
    assert figures == CAPAIAN + ["112,23"]
    # numbers right-aligned
    tbl = _table(items, numbers["bab3.capaian"])
    jc = tbl.rows[2].cells[col].paragraphs[0]._p.pPr.find(f"{W}jc")
    assert jc.get(f"{W}val") == "right"


def test_budget_totals_add_up(full):
    path, _pdf, numbers = full
    _doc, items = _content(path)
    rows = _rows(_table(items, numbers["bab3.realisasi_sub_kegiatan"]))
    jumlah = next(r for r in rows if r[0] == "JUMLAH")
    assert jumlah[2:] == ["229.444.689.696", "235.997.078.013", "203.400.576.968", "86,19"]
    leaves = [r for r in rows[1:] if r[0].count(".") == 3]  # sub kegiatan codes x.x.xx.x
    sums = [sum(parse_rupiah(r[i]) if r[i] != "-" else 0 for r in leaves) for i in (2, 3, 4)]
    assert sums == [229_444_689_696, 235_997_078_013, 203_400_576_968]


def test_header_rows_repeat_and_wide_tables_are_landscape(full):
    path, _pdf, numbers = full
    doc, items = _content(path)
    for kind, cap, block in items:
        if kind != "table":
            continue
        first = block._tbl.tr_lst[0]
        assert first.find(f"{W}trPr/{W}tblHeader") is not None, cap
    wide = _table(items, numbers["lampiran.triwulan"])
    assert wide._tbl.tr_lst[1].find(f"{W}trPr/{W}tblHeader") is not None  # both header rows
    # merged header cells: "TW I" spans two columns
    assert any(tc.tcPr is not None and tc.tcPr.find(f"{W}gridSpan") is not None for tc in wide._tbl.tr_lst[0].tc_lst)
    orients = {(s.page_width > s.page_height) for s in doc.sections}
    assert orients == {True, False}
    assert round(doc.sections[0].page_height.mm) == 297


def _ikhtisar(items) -> list[str]:
    texts = [t for kind, t, _b in items if kind == "para"]
    start = texts.index("IKHTISAR EKSEKUTIF")
    end = texts.index("DAFTAR ISI")
    return texts[start + 1:end]


def test_sentences_agree_with_tables(full):
    path, _pdf, numbers = full
    _doc, items = _content(path)
    ikh = _ikhtisar(items)
    quoted = [m.group(1) for t in ikh for m in re.finditer(r"capaian (\d+,\d\d)% \(", t)]
    assert quoted == CAPAIAN
    joined = " ".join(ikh)
    assert "rata-rata capaian kinerja".lower() in joined.lower() and "112,23%" in joined
    assert "Rp 235.997.078.013" in joined and "Rp 203.400.576.968" in joined and "86,19%" in joined
    # per IKU: the paragraph after the analisis table quotes its capaian cell
    for i, (kind, cap, block) in enumerate(items):
        if kind == "table" and cap and "Analisis Pencapaian" in cap:
            cell = _rows(block)[-1][5]
            sentence = next(t for k, t, _b in items[i + 1:]
                            if k == "para" and t.strip() and not t.startswith(("Sumber:", "Catatan:", "Tingkat")))
            m = re.search(r"capaian kinerjanya sebesar (\d+,\d\d)%", sentence)
            assert m and parse_number(m.group(1)) == parse_number(cell), (cell, sentence)
        if kind == "table" and cap and "Tingkat Efisiensi" in cap:
            last = _rows(block)[-1]
            sentence = next(t for k, t, _b in items[i + 1:]
                            if k == "para" and t.strip() and not t.startswith(("Sumber:", "Catatan:", "Tingkat")))
            m = re.search(r"sebesar (-?\d+,\d\d)% \(", sentence)
            assert m and parse_number(m.group(1)) == parse_number(last[6]), (last, sentence)
            assert f"Rp {last[2]}" in sentence and f"{last[4]}%" in sentence


def test_full_pdf_has_the_narrative_and_tables(full):
    _docx, pdf, _numbers = full
    reader = PdfReader(str(pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "IKHTISAR EKSEKUTIF" in text and "DAFTAR ISI" in text and "BAB IV PENUTUP" in text
    flat = re.sub(r"\s+", " ", text)
    for figure in CAPAIAN:
        assert f"capaian {figure}%" in flat
    assert "112,23%" in flat and "229.444.689.696" in flat and "86,19" in flat
    assert "Tabel 3.1" in text and "Tabel L.2" in text
    fonts = set()
    for page in reader.pages[:6]:
        for ref in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(ref.get_object().get("/BaseFont")))
    assert fonts and all("DejaVu" in f for f in fonts)


def test_user_text_stays_plain_text(demo, tmp_path):
    evil = '=HYPERLINK("http://x.example","klik")'
    field = '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc" } \x07\x01 MERGEFIELD nama'
    ind = demo.wb.iku_list()[0]
    demo.set(CellRef("indicator", (ind.id,), "nama"), evil)
    demo.set(CellRef("indicator", (ind.id,), "analisis_penghambat"), field)
    demo.set(CellRef("narasi", ("kata_pengantar",), "teks"), "<w:fldSimple w:instr=\"DATE\"/> & ~ \x0b ok")
    out = tmp_path / "x.docx"
    export(demo, docx=out, paper="F4")
    doc, items = _content(out)
    texts = [t for k, t, _b in items if k == "para"]
    assert any(evil in t for t in texts)
    assert any(t.startswith("{ DDEAUTO") and "\x07" not in t and "MERGEFIELD nama" in t for t in texts)
    assert any(re.fullmatch(r'<w:fldSimple w:instr="DATE"/> & ~ +ok', t) for t in texts)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    instr = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)
    # the only fields in the body are our own: Daftar Isi, its page references, and Daftar Tabel
    assert instr[0].strip() == 'TOC \\o "1-3" \\h \\z \\u'
    assert instr[-1].strip() == 'TOC \\h \\z \\t "Caption,1"'
    assert instr[1:-1] and all(re.fullmatch(r" PAGEREF _TocLkip\d{4} \\h ", x) for x in instr[1:-1])
    assert "<w:fldSimple" not in xml
    # the only links are the entries of the table of contents, to our own bookmarks
    links = re.findall(r"<w:hyperlink ([^>]*)>", xml)
    assert links and all(re.fullmatch(r'w:anchor="_TocLkip\d{4}" w:history="1"', a) for a in links)
    assert re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", footer) == ["PAGE"]
    assert (round(doc.sections[0].page_width.mm), round(doc.sections[0].page_height.mm)) == (215, 330)


def test_logo_on_the_cover_and_a_bad_logo_is_skipped(demo, tmp_path):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 80), "navy").save(buf, "PNG")
    demo.set(CellRef("opd", (1,), "logo"), buf.getvalue())
    out = tmp_path / "logo.docx"
    export(demo, docx=out, lengkap=tmp_path / "logo.pdf")
    doc = Document(str(out))
    assert len(doc.inline_shapes) == 1
    assert PdfReader(str(tmp_path / "logo.pdf")).pages[0].images


def test_long_row_spans_and_a_long_table(tmp_path):
    """A span over 120 rows stays one merged cell; every row has the grid's width."""
    from decimal import Decimal

    from lkip_desktop.reports import table as T
    from lkip_desktop.reports.document import LkipDocument, TableBlock
    from lkip_desktop.reports.docx import render_docx

    t = T.ReportTable("t.span", "9.9", "Uji rentang", [T.Column(1), T.Column(2), T.Column(1, T.RUPIAH, 12)],
                      T.header_grid(3, [("Program", 1, 2), ("Rincian", 2, 1)], ["Nama", "Rp"]))
    for i in range(300):
        first = i % 150 == 0
        t.add([T.text(f"P{i // 150}", rowspan=150) if first else None, T.text(f"baris {i}"), T.rupiah(i * 1000)])
    t.validate()
    out = render_docx(LkipDocument("uji", [TableBlock(t)]), tmp_path / "span.docx")
    table = Document(str(out)).tables[0]
    assert len(table.rows) == 302
    assert table.rows[2].cells[0].text == "P0" and table.rows[151].cells[0].text == "P0"
    assert table.rows[152].cells[0].text == "P1"
    assert table.rows[151].cells[0]._tc is table.rows[2].cells[0]._tc  # one merged cell
    assert table.rows[301].cells[2].text == "299.000"
    _ = Decimal
