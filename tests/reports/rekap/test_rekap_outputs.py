"""Done-when of issue 17: a folder with the demo, two workbooks of other shapes, a damaged
file (random bytes and a truncated demo) and a file of another year gives an XLSX and a PDF
whose figures equal each OPD's own Calculator figures, lists the bad files with reasons, and
leaves every source file byte-for-byte unchanged."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from lkip_desktop.reports.table import NO_DATA
from lkip_desktop.domain.numbers import format_number, format_rupiah, round_half_up
from lkip_desktop.domain.reviu import check
from lkip_desktop.reports.narrative import NARASI
from lkip_desktop.reports.rekap.collect import collect
from lkip_desktop.reports.rekap.output import write_rekap
from lkip_desktop.reports.rekap.tables import OPD_COLUMNS
from lkip_desktop.store.service import WorkbookService

from ..pdftext import fragments, rows_by_y
from .shapes import sha256

GOOD = ("setda.lkip", "kecamatan.lkip", "dinas-lebar.lkip")


def own_figures(path) -> dict:
    """The OPD's figures straight from its own Calculator and reviu (not through the rekap)."""
    with WorkbookService.open_snapshot(path) as svc:
        wb, calc = svc.wb, svc.calc
        t = calc.opd_totals()
        caps = [calc.indicator(i.id).capaian.value for i in wb.iku_list()]
        findings = check(wb, calc, narasi={k: svc.narasi(k) for k, _t, _h in NARASI})
        return {
            "OPD": wb.opd.nama,
            "IKU": len(caps),
            "Rata-rata Capaian (%)": calc.opd_average().value,
            "IKU Tercapai": sum(1 for c in caps if c is not None and round_half_up(c, 2) >= 100),
            "Pagu Murni (Rp)": t.pagu_murni,
            "Pagu Perubahan (Rp)": t.pagu_perubahan,
            "Realisasi (Rp)": t.realisasi,
            "Serapan (%)": t.serapan,
            "Efisiensi (%)": calc.opd_efisiensi(),
            "Reviu: Kesalahan": sum(1 for f in findings if f.level == "kesalahan"),
            "Reviu: Peringatan": sum(1 for f in findings if f.level == "peringatan"),
        }


def _xlsx_value(v):
    return None if v in (None, "-", NO_DATA) else (Decimal(str(v)) if isinstance(v, float) else v)


def _expected_cell(v):
    if isinstance(v, Decimal):
        return round_half_up(v, 2)
    return v


@pytest.fixture
def outputs(rekap_folder, hashes, tmp_path):
    result = collect([rekap_folder])
    out = tmp_path / "out"
    out.mkdir()
    written = write_rekap(result, xlsx=out / "rekap.xlsx", pdf=out / "rekap.pdf")
    return result, written


def test_summaries_and_skipped(outputs, rekap_folder):
    result, _ = outputs
    assert result.tahun == 2024
    assert sorted(s.source for s in result.summaries) == sorted(GOOD)
    reasons = {sk.path.name: sk.reason for sk in result.skipped}
    assert set(reasons) == {"acak.lkip", "terpotong.lkip", "tahun-lalu.lkip"}
    assert "bukan berkas buku kerja" in reasons["acak.lkip"]
    assert "rusak" in reasons["terpotong.lkip"] or "tidak" in reasons["terpotong.lkip"]
    assert reasons["tahun-lalu.lkip"] == "tahun 2023, bukan 2024"


def test_xlsx_figures_equal_each_opds_own(outputs, rekap_folder):
    result, (xlsx, _pdf) = outputs
    book = openpyxl.load_workbook(xlsx, data_only=True)
    ws = next(book[n] for n in book.sheetnames if "Rekap Capaian" in n)
    titles = ["Peringkat"] + [c.title for c in OPD_COLUMNS]
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and r[1]}
    for name in GOOD:
        want = own_figures(rekap_folder / name)
        row = rows[want["OPD"]]
        for title, value in want.items():
            got = _xlsx_value(row[titles.index(title)])
            assert got == _expected_cell(value), (name, title, got, value)
    city = next(r for k, r in rows.items() if str(k).startswith("Kota ("))
    assert city[titles.index("IKU")] == 1 + 12 + 5
    # the skipped files are in the workbook too, with their reasons
    skipped = next(book[n] for n in book.sheetnames if "Tidak Direkap" in n)
    listed = {r[1]: r[2] for r in skipped.iter_rows(values_only=True) if r and r[1]}
    assert {"acak.lkip", "terpotong.lkip", "tahun-lalu.lkip"} <= set(listed)


def test_pdf_figures_equal_each_opds_own(outputs, rekap_folder):
    _result, (_xlsx, pdf) = outputs
    lines = []
    for page in PdfReader(str(pdf)).pages:
        lines += [[t for _x, t in line] for line in rows_by_y(fragments(page))]
    text = "\n".join(" ".join(line) for line in lines)
    assert "acak.lkip" in text and "terpotong.lkip" in text and "tahun 2023, bukan 2024" in text
    for name in GOOD:
        want = own_figures(rekap_folder / name)
        # the OPD's row: the one line holding its rupiah figures and its percentages
        expected = [format_number(want["Rata-rata Capaian (%)"]), format_rupiah(want["Pagu Murni (Rp)"]),
                    format_rupiah(want["Realisasi (Rp)"]), format_number(want["Serapan (%)"]),
                    format_number(want["Efisiensi (%)"])]
        hits = [line for line in lines if all(e in line for e in expected)]
        assert hits, (name, expected)


def test_sources_unchanged(outputs, rekap_folder, hashes):
    assert {p.name: sha256(p) for p in rekap_folder.iterdir()} == hashes
    assert not [p for p in rekap_folder.iterdir() if p.name not in hashes]  # nothing left beside them


def test_pdf_header_words_are_never_broken(outputs):
    """Every column is at least as wide as the longest word of its header: "Peringkat" prints
    whole, never "Peri / ngk / at"."""
    from lkip_desktop.reports.rekap.tables import RANK_TITLE

    _result, (_xlsx, pdf) = outputs
    printed = {w for page in PdfReader(str(pdf)).pages for _x, _y, t in fragments(page) for w in t.split()}
    for title in [RANK_TITLE] + [c.title for c in OPD_COLUMNS]:
        for word in title.split():
            assert word in printed, (title, word)


def test_column_widths_hold_the_longest_header_word():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from lkip_desktop.reports import fonts
    from lkip_desktop.reports.page import PAD, fit_columns, frame_size
    from lkip_desktop.reports.rekap.tables import opd_table

    table = opd_table([])
    size, widths = fit_columns(table, frame_size("A4", table.orientation)[0])
    for c, cell in enumerate(table.header[0]):
        word = max(cell.text.split(), key=lambda w: stringWidth(w, fonts.BOLD, size))
        assert widths[c] >= stringWidth(word, fonts.BOLD, size) + 2 * PAD - 0.01, (cell.text, word)
