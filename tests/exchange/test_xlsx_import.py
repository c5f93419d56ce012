"""Issue 7: figures from Excel, the entry template round trip, and bad files refused unchanged."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkip_desktop.edits import imports
from lkip_desktop.cli import main as cli_main
from lkip_desktop.reports.entry_template import write_entry_template
from lkip_desktop.exchange import xlsx as X
from lkip_desktop.exchange.xlsx import limits
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

from .helpers import rewrite_member, sha


def _subs(wb, n=4):
    return [it for it, _ in wb.walk_budget() if it.level == "sub_kegiatan"][:n]


def _xlsx(path: Path, rows: list[list], title: str = "Realisasi") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for r in rows:
        ws.append(r)
    book.save(path)
    return path


def test_other_tool_file_with_other_column_order_and_indonesian_text(demo, tmp_path):
    s = _subs(demo.wb)
    path = _xlsx(tmp_path / "sipd.xlsx", [
        ["LAPORAN REALISASI ANGGARAN"],
        ["Tahun Anggaran 2024"],
        [],
        ["Realisasi", "Uraian", "Pagu Perubahan", "Kode Rekening", "Pagu Murni", "TW I"],
        ["Rp 1.234.567,00", s[0].nama, 190_000_000, s[0].kode, "185.000.000", None],
        [5_000_000.0, s[1].nama, "Rp 60.000.000", s[1].kode, 50_000_000, "1.000.000"],
        ["2.500.000", s[2].nama, None, s[2].kode, "-", 750_000],
        [1, "Tidak ada di buku kerja", 1, "9.99.99.9", 1, None],
        [None, "Program (jumlah)", None, s[0].kode.split(".")[0], None, None],
    ])
    pv = imports.import_xlsx(demo, path)
    assert pv.mapping == {"realisasi": 0, "nama": 1, "pagu_perubahan": 2, "kode": 3, "pagu_murni": 4,
                          "realisasi_tw1": 5}
    assert [p.kode for p in pv.unmatched] == ["9.99.99.9"] and not pv.errors
    items = demo.wb.items
    assert (items[s[0].id].realisasi, items[s[0].id].pagu_murni, items[s[0].id].pagu_perubahan) == \
        (1_234_567, 185_000_000, 190_000_000)
    assert (items[s[1].id].realisasi, items[s[1].id].pagu_perubahan) == (5_000_000, 60_000_000)
    assert items[s[1].id].quarters[1].realisasi_keuangan == 1_000_000
    assert items[s[1].id].quarters[1].realisasi_keuangan_persen is None  # the rupiah amount is the one truth
    assert items[s[2].id].realisasi == 2_500_000 and items[s[2].id].pagu_murni == s[2].pagu_murni  # "-" = unchanged
    # One transaction, one undo step.
    entries = {e.label for e in demo.history(limit=100)}
    assert entries == {"Impor Excel: sipd.xlsx (Realisasi)"} or "Impor Excel: sipd.xlsx (Realisasi)" in entries


def test_template_round_trip(demo, tmp_path):
    template = write_entry_template(demo.wb, tmp_path / "templat.xlsx")
    src = openpyxl.load_workbook(template)["Isian Anggaran"]
    rows = [[c.value for c in r] for r in src.iter_rows()]
    header = rows[3]
    assert header[:3] == ["Kode", "Tingkat", "Nama"]
    # A colleague reorders the columns and types Indonesian numbers as text in some cells.
    order = ["Nama", "Realisasi", "Kode", "Pagu Perubahan", "Tingkat", "Pagu Murni", "Realisasi Keuangan TW II"]
    pos = [header.index(h) for h in order]
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Isian anggaran"])
    ws.append(["Tahun Anggaran 2024"])
    ws.append([])
    ws.append(order)
    wanted = {}
    for n, r in enumerate(rows[4:]):
        out = [r[p] for p in pos]
        if r[1] == "Sub Kegiatan":
            murni, real = 1_000_000 * (n + 1), 900_000 * (n + 1)
            out[5] = f"{murni:,}".replace(",", ".") if n % 2 else murni  # "1.000.000" as text
            out[1] = "Rp " + f"{real:,}".replace(",", ".") + ",00" if n % 3 == 0 else real
            out[3] = None
            out[6] = "250.000" if n % 2 else None
            wanted[r[0]] = (murni, real, 250_000 if n % 2 else None)
        ws.append(out)
    filled = tmp_path / "terisi.xlsx"
    book.save(filled)

    pv = imports.import_xlsx(demo, filled)
    assert pv.ok and not pv.unmatched and len(pv.matched) == len(wanted) == 56
    for item in demo.wb.items.values():
        if item.kode in wanted:
            murni, real, tw2 = wanted[item.kode]
            assert (item.pagu_murni, item.realisasi) == (murni, real)
            if tw2:
                assert item.quarters[2].realisasi_keuangan == tw2


def test_template_text_never_becomes_formula(demo, tmp_path):
    sub = _subs(demo.wb, 1)[0]
    formula = '=HYPERLINK("http://x","klik")'
    demo.set(CellRef("budget_item", (sub.id,), "nama"), formula)
    ind = next(iter(demo.wb.indicators.values()))
    demo.set(CellRef("indicator", (ind.id,), "nama"), "=1+1")
    demo.set(CellRef("indicator", (ind.id,), "kode"), "=A1")
    out = write_entry_template(demo.wb, tmp_path / "t.xlsx")
    with zipfile.ZipFile(out) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 3
        for name in sheets:
            xml = zf.read(name).decode()
            assert "<f>" not in xml and "<f " not in xml
    book = openpyxl.load_workbook(out)
    for sheet, text in (("Isian Anggaran", formula), ("Isian Indikator", "=1+1"), ("Isian Indikator", "=A1")):
        cell = next(c for r in book[sheet].iter_rows() for c in r if c.value == text)
        assert cell.data_type == "s"


def test_cli_import_with_map_and_dry_run(demo_path, tmp_path, capsys):
    with WorkbookService.open(demo_path, readonly=True) as svc:
        s = _subs(svc.wb, 2)
    path = _xlsx(tmp_path / "a.xlsx", [[None, s[0].kode, "7.500.000"], [None, s[1].kode, 8_000_000]])
    before = sha(demo_path)
    assert cli_main(["import-xlsx", str(demo_path), str(path), "--map", "kode=B,realisasi=C", "--dry-run"]) == 0
    assert sha(demo_path) == before
    assert cli_main(["import-xlsx", str(demo_path), str(path), "--map", "kode=B,realisasi=C"]) == 0
    with WorkbookService.open(demo_path, readonly=True) as svc:
        assert [svc.wb.items[x.id].realisasi for x in s] == [7_500_000, 8_000_000]
    assert cli_main(["template", str(demo_path), str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").exists()
    assert cli_main(["import-xlsx", str(demo_path), str(path), "--map", "kode=B,harga=C"]) == 1
    assert "tidak sah" in capsys.readouterr().err


# -- bad files: each refused with a clear message, the workbook unchanged ------------------------

def _good(tmp_path, demo, rows=None, name="ok.xlsx"):
    s = _subs(demo.wb, 2)
    return _xlsx(tmp_path / name, rows or [["Kode", "Nama", "Realisasi"], [s[0].kode, s[0].nama, 1000],
                                           [s[1].kode, s[1].nama, 2000]])


def _not_xlsx(tmp_path, demo):
    p = tmp_path / "data.xlsx"
    p.write_text("kode;realisasi\n1.2.01.1;1000\n")
    return p, "bukan berkas Excel"


def _lkip_renamed(tmp_path, demo):
    p = tmp_path / "buku.xlsx"
    p.write_bytes(Path(demo.path).read_bytes()[:4096])
    return p, "bukan berkas Excel"


def _truncated(tmp_path, demo):
    p = _good(tmp_path, demo)
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    return p, "rusak"


def _plain_zip(tmp_path, demo):
    p = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("readme.txt", "bukan excel")
    return p, "bukan buku kerja Excel"


def _password(tmp_path, demo):
    # An encrypted OOXML file is an OLE container with EncryptionInfo/EncryptedPackage streams.
    p = tmp_path / "rahasia.xlsx"
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1016)
    body += "EncryptionInfo".encode("utf-16-le") + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le")
    p.write_bytes(bytes(body) + b"\0" * 2048)
    return p, "kata sandi"


def _legacy_xls(tmp_path, demo):
    p = tmp_path / "lama.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    return p, ".xls"


def _zip_bomb(tmp_path, demo):
    p = _good(tmp_path, demo)
    rewrite_member(p, "", None, {"xl/media/isi.xml": b" " * (30 * 1024 * 1024)})
    return p, "zip bomb"


def _zip_version(tmp_path, demo):
    # Found by the harness: a zip needing "version 7.5" made zipfile raise NotImplementedError.
    p = _good(tmp_path, demo)
    data = bytearray(p.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = (75).to_bytes(2, "little")
    p.write_bytes(bytes(data))
    return p, "rusak"


def _bad_xml(tmp_path, demo):
    p = _good(tmp_path, demo)
    rewrite_member(p, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r='1'><c r='A1'")
    return p, "rusak"


def _xml_entities(tmp_path, demo):
    # "Billion laughs": defusedxml refuses entity declarations.
    p = _good(tmp_path, demo)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    rewrite_member(p, "xl/worksheets/sheet1.xml", bomb)
    return p, "rusak"


def _huge_declared(tmp_path, demo):
    p = _good(tmp_path, demo)
    with zipfile.ZipFile(p) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml")
    xml = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
    assert b"XFD1048576" in xml
    rewrite_member(p, "xl/worksheets/sheet1.xml", xml)
    return p, "terlalu besar"


def _huge_rows(tmp_path, demo):
    s = _subs(demo.wb, 1)[0]
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(2, 70))
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           f'<row r="1"><c r="A1" t="inlineStr"><is><t>{s.kode}</t></is></c></row>'
           + rows + "</sheetData></worksheet>")
    p = _good(tmp_path, demo)
    rewrite_member(p, "xl/worksheets/sheet1.xml", xml.encode())  # no dimension tag at all
    return p, "terlalu besar"


def _wide(tmp_path, demo):
    p = _good(tmp_path, demo)
    book = openpyxl.load_workbook(p)
    book.active.cell(row=2, column=60, value="jauh di kanan")
    book.save(p)
    return p, "terlalu besar"


def _wrong_year(tmp_path, demo):
    s = _subs(demo.wb, 1)[0]
    return _xlsx(tmp_path / "2023.xlsx", [["Realisasi Tahun Anggaran 2023"], ["Kode", "Nama", "Realisasi"],
                                          [s.kode, s.nama, 1000]]), "tahun 2023"


def _duplicate_kode(tmp_path, demo):
    s = _subs(demo.wb, 1)[0]
    return _xlsx(tmp_path / "dup.xlsx", [["Kode", "Nama", "Realisasi"], [s.kode, s.nama, 1000],
                                         [s.kode, s.nama, 2000]]), "dua kali"


def _bad_values(tmp_path, demo):
    s = _subs(demo.wb, 3)
    return _xlsx(tmp_path / "nilai.xlsx", [["Kode", "Nama", "Realisasi", "Pagu Murni"],
                                           [s[0].kode, s[0].nama, 1000, 5],
                                           [s[1].kode, s[1].nama, "seribu", 5],
                                           [s[2].kode, s[2].nama, 1500.5, "-7"]]), "baris 3, kolom C"


BAD = [_not_xlsx, _lkip_renamed, _truncated, _plain_zip, _password, _legacy_xls, _zip_bomb, _zip_version, _bad_xml,
       _xml_entities, _huge_declared, _huge_rows, _wide, _wrong_year, _duplicate_kode, _bad_values]


@pytest.mark.parametrize("make", BAD, ids=[f.__name__.strip("_") for f in BAD])
def test_bad_file_refused_without_change(make, demo, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    monkeypatch.setattr(limits, "MAX_COLS", 40)
    path, message = make(tmp_path, demo)
    before = sha(demo.path)
    n_audit = len(demo.history(limit=100000))
    with pytest.raises(X.XlsxImportError) as err:
        imports.import_xlsx(demo, path)
    assert message in str(err.value)
    assert sha(demo.path) == before
    assert len(demo.history(limit=100000)) == n_audit


def test_bad_values_listed_with_row_and_column(demo, tmp_path):
    path, _ = _bad_values(tmp_path, demo)
    data = X.read_sheet(path)
    pv = X.preview(demo.wb, data, X.auto_mapping(data))
    where = sorted((p.row, p.kolom) for p in pv.errors)
    assert where == [(3, "C"), (4, "C"), (4, "D")]
    assert not pv.ok and "Tidak ada yang diimpor" in pv.refusal()
    with pytest.raises(X.XlsxImportError):
        imports.import_sheet(demo, pv)


def test_unknown_and_ambiguous_kode_are_listed_not_imported(demo, tmp_path):
    s = _subs(demo.wb, 2)
    demo.set(CellRef("budget_item", (s[1].id,), "kode"), s[0].kode)  # two items share a kode now
    other = _subs(demo.wb, 3)[2]
    path = _xlsx(tmp_path / "x.xlsx", [["Kode", "Nama", "Realisasi"], [s[0].kode, "dua", 1000],
                                       ["0.0.0", "asing", 2000], [other.kode, other.nama, 3000]])
    pv = imports.import_xlsx(demo, path)
    assert [p.kode for p in pv.ambiguous] == [s[0].kode] and [p.kode for p in pv.unmatched] == ["0.0.0"]
    assert demo.wb.items[other.id].realisasi == 3000 and demo.wb.items[s[0].id].realisasi == s[0].realisasi


def test_a_huge_cell_is_quoted_short_in_the_refusal(demo, tmp_path):
    """Found by the harness (reliability/): a 40,000-character kode in two rows made a
    40,000-character refusal (its reason lost at the end)."""
    huge = "x" * 40_000
    path = _xlsx(tmp_path / "x.xlsx", [["Kode", "Nama", "Realisasi"], [huge, "a", 1], [huge, "b", 2]])
    data = X.read_sheet(path)
    pv = X.preview(demo.wb, data, X.auto_mapping(data))
    refusal = pv.refusal()
    assert "muncul dua kali (baris 2 dan 3)" in refusal and len(refusal) < 400
