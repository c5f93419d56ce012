"""The entry template: instructions first, the budget and indicator sheets protected and
validated, and the indicator sheet's round trip (filled elsewhere, reordered, Indonesian
numbers as text) back into the workbook with the capaian recomputed."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.edits import imports
from lkip_desktop.domain.values import Predikat
from lkip_desktop.reports.entry_template import HEADER_ROW, IND_SHEET, SHEET, write_entry_template
from lkip_desktop.exchange import xlsx as X


@pytest.fixture
def template(demo, tmp_path):
    return write_entry_template(demo.wb, tmp_path / "templat.xlsx")


def _rows(path, sheet):
    return [[c.value for c in r] for r in openpyxl.load_workbook(path)[sheet].iter_rows()]


def test_template_sheets_protection_and_validation(demo, template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Petunjuk", SHEET, IND_SHEET]
    assert "Petunjuk pengisian" in book["Petunjuk"]["A1"].value
    help_text = " ".join(str(c.value) for r in book["Petunjuk"].iter_rows() for c in r if c.value)
    assert "komponen" in help_text and "Teks" in help_text and "tahun 2024" in help_text

    budget = book[SHEET]
    assert budget.protection.sheet and budget.cell(HEADER_ROW, 1).protection.locked
    sub_row = next(r for r in range(HEADER_ROW + 1, budget.max_row + 1) if budget.cell(r, 2).value == "Sub Kegiatan")
    parent_row = next(r for r in range(HEADER_ROW + 1, budget.max_row + 1) if budget.cell(r, 2).value == "Program")
    assert not budget.cell(sub_row, 4).protection.locked and budget.cell(parent_row, 4).protection.locked
    assert budget.cell(sub_row, 1).protection.locked  # kode
    money = [dv for dv in budget.data_validations.dataValidation if dv.type == "decimal"]
    assert money and money[0].operator == "greaterThanOrEqual" and money[0].formula1 == "0"
    assert f"D{sub_row}" in str(money[0].sqref)

    ws = book[IND_SHEET]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:6] == ["Kode", "Tingkat", "Indikator", "Komponen", "Satuan", "Target 2024"]
    assert header[-2:] == ["Realisasi 2024", "ID"]
    id_col = openpyxl.utils.get_column_letter(len(header))
    assert ws.column_dimensions[id_col].hidden and ws.protection.sheet
    rows = [[c for c in r] for r in ws.iter_rows(min_row=HEADER_ROW + 1)]
    iku3 = next(r for r in rows if r[0].value == "IKU-3")
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and "AA,A,BB" in lists[0].formula1 and iku3[5].coordinate in str(lists[0].sqref)
    assert iku3[5].value == "A"  # this year's target, for reference
    # Komponen rows under a composite indicator: the value goes in the Realisasi column.
    komp = [r for r in rows if r[1].value == "Komponen" and r[0].value == "IKU-1"]
    assert [r[3].value for r in komp] == ["jumlah_ikk_meningkat", "jumlah_ikk"]
    assert not komp[0][10].protection.locked and komp[0][5].protection.locked
    iku1 = next(r for r in rows if r[0].value == "IKU-1" and r[1].value == "IKU")
    assert iku1[10].protection.locked and iku1[10].comment is not None  # computed: not typed
    assert len({r[-1].value for r in rows}) == len(demo.wb.indicators)


def test_indicator_template_round_trip(demo, template, tmp_path):
    wb = demo.wb
    rows = _rows(template, IND_SHEET)
    header = rows[HEADER_ROW - 1]
    # A colleague's copy: another column order, ID column dropped for some rows' matching by
    # kode/name is shown elsewhere; Indonesian numbers typed as text in some cells.
    order = ["Realisasi 2024", "Indikator", "ID", "Komponen", "Kode", "Realisasi TW II", "Target 2024",
             "Realisasi TW IV", "Satuan"]
    pos = [header.index(h) for h in order]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Isian"
    ws.append(["Isian indikator kinerja"])
    ws.append(["Tahun 2024"])
    ws.append([])
    ws.append(order)
    want_real, want_tw2, want_komp = {}, {}, {}
    for n, r in enumerate(rows[HEADER_ROW:]):
        out = [r[p] for p in pos]
        ind = wb.indicators[r[-1]]
        if r[1] == "Komponen":
            value = Decimal(100 + n) / 4  # e.g. 26.25
            out[0] = str(value).replace(".", ",") if n % 2 else float(value)
            want_komp[(ind.id, r[3])] = value
        elif ind.jenis == "predikat":
            out[0], out[5] = ("BB" if ind.rumus_komponen else "A (82,04)"), "b"
            want_real[ind.id] = Predikat("BB") if ind.rumus_komponen else Predikat("A", Decimal("82.04"))
            want_tw2[ind.id] = Predikat("B")
        else:
            tw2 = Decimal(n) + Decimal("0.5")
            out[5] = f"{tw2:.2f}".replace(".", ",") if n % 3 else float(tw2)  # "1,50" or 1.5
            want_tw2[ind.id] = tw2
            if not ind.rumus_komponen:
                real = Decimal(1000 + n) + Decimal("0.25")
                out[0] = f"{real:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")  # "1.012,25"
                want_real[ind.id] = real
        ws.append(out)
    filled = tmp_path / "terisi.xlsx"
    book.save(filled)

    before = {i: demo.calc.indicator(i).capaian.value for i in wb.indicators}
    pv = imports.import_xlsx(demo, filled)
    assert pv.jenis == "indikator" and pv.ok and not pv.unmatched and not pv.errors
    assert len({m.item_id for m in pv.matched}) == len(wb.indicators) == 100
    ind = demo.wb.indicators
    for i, v in want_real.items():
        assert ind[i].typed_realisasi(2024) == v
    for i, v in want_tw2.items():
        assert ind[i].typed_realisasi(2024, 2) == v
    for (i, name), v in want_komp.items():
        assert ind[i].komponen[2024][name] == v
    # The targets written into the template came back unchanged.
    assert all(ind[i].target(2024) == demo.wb.indicators[i].target(2024) for i in ind)
    # Capaian recomputed: typed ones from the new realisasi, composite ones from the new komponen.
    calc = demo.calc
    dok = next(i for i in ind.values() if i.nama == "Jumlah Dokumen")
    assert calc.indicator(dok.id).capaian.value == want_real[dok.id] / Decimal(20) * 100
    iku1 = next(i for i in demo.wb.iku_list() if i.kode == "IKU-1")
    k = demo.wb.indicators[iku1.id].komponen[2024]
    r = calc.indicator(iku1.id)
    assert r.realisasi.source == "komponen"
    assert r.realisasi.value == k["jumlah_ikk_meningkat"] / k["jumlah_ikk"] * 100
    assert r.capaian.value != before[iku1.id]
    iku3 = next(i for i in demo.wb.iku_list() if i.kode == "IKU-3")
    assert calc.indicator(iku3.id).realisasi.value.grade == "BB"


def test_indicator_template_without_id_matches_by_kode_and_name(demo, template, tmp_path):
    rows = _rows(template, IND_SHEET)
    header = rows[HEADER_ROW - 1]
    keep = [header.index(h) for h in ("Kode", "Indikator", "Realisasi TW I")]
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Tahun 2024"])
    ws.append(["Kode", "Indikator", "Realisasi TW I"])
    for r in rows[HEADER_ROW:]:
        if r[1] != "Komponen":
            ws.append([r[keep[0]], r[keep[1]], "1"])
    book.save(tmp_path / "tanpa-id.xlsx")
    pv = imports.import_xlsx(demo, tmp_path / "tanpa-id.xlsx", jenis="indikator")
    assert len(pv.matched) == 97 and len(pv.ambiguous) == 3  # three indicators share a name
    assert all("nama dipakai" in p.pesan for p in pv.ambiguous)
