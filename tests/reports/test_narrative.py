"""Generated sentences: every figure they quote equals the matching table cell (both parsed
back), the status words follow RULES §2.6, and missing figures give honest sentences."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lkip_desktop.domain.numbers import parse_number, parse_rupiah
from lkip_desktop.domain.values import Predikat, parse_predikat
from lkip_desktop.reports import narrative as N
from lkip_desktop.reports.builders import standard_tables
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

CAPAIAN = ["123,97", "100,99", "100,00", "106,18", "129,98"]
# A figure as prose prints it: 1.234.567 / 49,59 (years and counts are plain digits).
FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?<![\d.,])\d+,\d+")


def value(text: str):
    """A printed figure back to its value: rupiah, a number, or a predikat."""
    text = text.strip()
    if text.startswith("Rp"):
        return parse_rupiah(text)
    if text[:1].isalpha():
        return parse_predikat(text)
    return parse_number(text)


@pytest.fixture(scope="module")
def ro(_demo_master):
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        yield svc


@pytest.fixture(scope="module")
def tables(ro):
    return {s.key: s.build() for s in standard_tables(ro)}


def _body_texts(table) -> list[list[str]]:
    return [[c.text if c is not None else None for c in row.cells] for row in table.rows]


def _same(sentence_fig: str, cell_text: str) -> None:
    a, b = value(sentence_fig), value(cell_text)
    assert a == b, (sentence_fig, cell_text)


def test_ikhtisar_figures_are_the_capaian_table_cells(ro, tables):
    paras = N.ikhtisar(ro)
    t = tables["bab3.capaian"]
    iku_rows = [r for r in _body_texts(t) if r[5] is not None and r[2] is not None and r[3] is not None]
    items = [p for p in paras if p.bullet]
    assert len(items) == len(iku_rows) == 5
    for p, row in zip(items, iku_rows):
        _same(p.figure("target"), row[3])
        _same(p.figure("realisasi"), row[4])
        _same(p.figure("capaian"), row[5])
        assert row[2] in p.text  # the indicator's name
    assert [p.figure("capaian") for p in items] == CAPAIAN
    avg_row = _body_texts(t)[-1]
    summary = next(p for p in paras if p.figure("rata_rata") and "Dari" in p.text)
    _same(summary.figure("rata_rata"), avg_row[5])
    assert "112,23%" in summary.text and "atas 5 (lima) indikator" in summary.text
    assert "4 (empat) melampaui target dan 1 (satu) tercapai" in summary.text
    money = paras[-1]
    total = _body_texts(tables["bab3.realisasi_program"])[-1]
    _same(money.figure("pagu"), "Rp " + total[2])
    _same(money.figure("realisasi"), "Rp " + total[3])
    _same(money.figure("serapan"), total[4])
    assert "Rp 235.997.078.013" in money.text and "Rp 203.400.576.968" in money.text and "86,19%" in money.text
    # E1 for the OPD: the displayed average minus the displayed serapan (RULES 7)
    assert value(money.figure("efisiensi")) == value("112,23") - value("86,19")


def test_every_figure_quoted_is_recorded_and_present(ro):
    paras = list(N.ikhtisar(ro)) + N.bab3_pengantar(ro) + N.bab3_anggaran(ro) + N.bab4_kesimpulan(ro)
    for ind in ro.wb.iku_list():
        n = N.iku_narrative(ro, ind.id)
        paras += [n.capaian, n.tahun_lalu, n.renstra, n.anggaran]  # komponen quotes its inputs too
    for p in paras:
        recorded = [t for _n, t in p.figures]
        for _name, text in p.figures:
            assert text in p.text, (text, p.text)
        for found in FIGURE.findall(p.text):
            assert any(found in r for r in recorded), (found, p.text)


def _row(table, label: str) -> list[str]:
    for r in _body_texts(table):
        if r[0] == label:
            return r
    raise AssertionError(label)


def test_iku_sentences_agree_with_their_tables(ro, tables):
    for ind in ro.wb.iku_list():
        k = ind.kode or ind.id
        n = N.iku_narrative(ro, ind.id)
        ana = _body_texts(tables[f"iku.{k}.analisis"])[0]
        _same(n.capaian.figure("target"), ana[3])
        _same(n.capaian.figure("realisasi"), ana[4])
        _same(n.capaian.figure("capaian"), ana[5])
        assert ana[6].lower() in n.capaian.text  # the status word of the table
        if n.komponen is not None:
            last = _body_texts(tables[f"iku.{k}.komponen"])[-1]
            _same(n.komponen.figure("hasil"), last[2].split(" (")[-1].rstrip(")") if "(" in last[2] else last[2])
        tl = _body_texts(tables[f"iku.{k}.tahun_lalu"])
        by_year = {r[0]: r for r in tl if r[0] and r[0].isdigit()}
        _same(n.tahun_lalu.figure("realisasi"), by_year["2024"][3])
        _same(n.tahun_lalu.figure("realisasi_lalu"), by_year["2023"][3])
        if n.tahun_lalu.figure("selisih"):
            assert value(n.tahun_lalu.figure("selisih")) == abs(value(tl[-1][3]))
            word = "naik" if value(tl[-1][3]) > 0 else "turun"
            assert f"{word} {n.tahun_lalu.figure('selisih')} poin" in n.tahun_lalu.text
        ren = tables[f"iku.{k}.renstra"]
        _same(n.renstra.figure("target_akhir"), _row(ren, "Target")[3])
        _same(n.renstra.figure("capaian_akhir"), _row(ren, "Capaian (%)")[3])
        jumlah = _body_texts(tables[f"iku.{k}.anggaran"])[-1]
        _same(n.anggaran.figure("pagu"), "Rp " + jumlah[2])
        _same(n.anggaran.figure("realisasi"), "Rp " + jumlah[3])
        _same(n.anggaran.figure("serapan"), jumlah[4])
        _same(n.anggaran.figure("capaian"), jumlah[5])
        _same(n.anggaran.figure("efisiensi"), jumlah[6])


def test_reference_slips_do_not_happen(ro):
    """The hand-written reference prints 22,95 / 106,13 / 'sebesar 50%' / 89,19 for 29,55 /
    106,18 / 49,59 / 86,19; the generated text quotes the computed figures."""
    text = " ".join(p.text for p in N.ikhtisar(ro) + N.bab3_anggaran(ro))
    for ind in ro.wb.iku_list():
        n = N.iku_narrative(ro, ind.id)
        text += " ".join(p.text for p in (n.capaian, n.tahun_lalu, n.renstra, n.anggaran))
    for wrong in ("22,95", "106,13", "sebesar 50%", "89,19", "12,23%"):
        assert not re.search(r"(?<![\d.,])" + re.escape(wrong), text), wrong
    for right in ("29,55%", "106,18%", "49,59%", "86,19%"):
        assert right in text
    sakip = next(i for i in ro.wb.iku_list() if "SAKIP" in i.nama)
    assert "naik 9,10 poin" in N.iku_tahun_lalu(ro, sakip.id).text  # as the table's Selisih cell shows it
    akip = next(i for i in ro.wb.iku_list() if "AKIP" in i.nama and "SAKIP" not in i.nama)
    assert "100,00% (tercapai)" in N.iku_capaian(ro, akip.id).text
    assert "predikat tahun 2024 tetap A (82,04)" in N.iku_tahun_lalu(ro, akip.id).text
    ipp = next(i for i in ro.wb.iku_list() if "Pembangunan" in i.nama)
    assert "88,87" in N.iku_komponen(ro, ipp.id).text


def test_missing_figures_give_honest_sentences(demo):
    ikm = next(i for i in demo.wb.iku_list() if "IKM" in i.nama)
    demo.set(CellRef("indicator_value", (ikm.id, 2024, "realisasi", 0), "nilai"), None)
    cap = N.iku_capaian(demo, ikm.id)
    assert "realisasi tahun 2024 belum diisi" in cap.text and "belum dapat dihitung" in cap.text
    assert "0,00" not in cap.text and cap.figure("capaian") is None
    assert "belum diisi" in N.iku_tahun_lalu(demo, ikm.id).text
    ikh = N.ikhtisar(demo)
    line = next(p for p in ikh if p.bullet and ikm.nama in p.text)
    assert "realisasi belum diisi" in line.text and "0,00" not in line.text
    summary = next(p for p in ikh if "Dari" in p.text and p.figure("rata_rata"))
    assert "4 (empat) dari 5 (lima) indikator" in summary.text and "1 (satu) belum dapat dihitung" in summary.text
    demo.set(CellRef("indicator_value", (ikm.id, 2026, "target", 0), "nilai"), None)
    assert "belum diisi" in N.iku_renstra(demo, ikm.id).text


def test_user_texts_and_narasi_are_placed(demo):
    from lkip_desktop.reports.document import Heading, Text, build_lkip

    ind = demo.wb.iku_list()[0]
    demo.set(CellRef("indicator", (ind.id,), "analisis_keberhasilan"), "Pendampingan OPD rutin.\nData lengkap.")
    demo.set(CellRef("indicator", (ind.id,), "langkah_perbaikan"), "Percepat verifikasi.")
    demo.set(CellRef("narasi", ("bab1.latar_belakang",), "teks"), "LKIP ini disusun berdasarkan Perpres 29/2014.")
    doc = build_lkip(demo)
    texts = [(b.para.text, b.para.user) for b in doc.blocks if isinstance(b, Text)]
    assert ("Pendampingan OPD rutin.", True) in texts and ("Data lengkap.", True) in texts
    assert ("Percepat verifikasi.", True) in texts
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    i_lb = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text == "A. Latar Belakang")
    assert doc.blocks[i_lb + 1].para.text.startswith("LKIP ini disusun")
    # an empty section says so instead of vanishing
    assert any(b.para.placeholder and "Kata Pengantar belum diisi" in b.para.text
               for b in doc.blocks if isinstance(b, Text))
    assert heads.index("BAB I PENDAHULUAN") < heads.index("BAB III AKUNTABILITAS KINERJA") < heads.index("LAMPIRAN")
    # every standard table appears exactly once
    keys = [t.key for t in doc.tables()]
    assert sorted(keys) == sorted(s.key for s in standard_tables(demo))


def test_status_word_on_the_shown_value(demo):
    """RULES 2.6: 99,996 shows 100,00 and is 'tercapai', never 'belum tercapai'."""
    ikm = next(i for i in demo.wb.iku_list() if "IKM" in i.nama)
    demo.set(CellRef("indicator_value", (ikm.id, 2024, "target", 0), "nilai"), Decimal("100"))
    demo.set(CellRef("indicator_value", (ikm.id, 2024, "realisasi", 0), "nilai"), Decimal("99.996"))
    text = N.iku_capaian(demo, ikm.id).text
    assert "100,00% (tercapai)" in text
    assert isinstance(N.iku_capaian(demo, ikm.id).figures, tuple)
    _ = Predikat
