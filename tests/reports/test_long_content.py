"""No content can break an export (issue 12): a row taller than a page is cut across pages,
long words wrap, each output is written whole on its own, a failure is named, never a
traceback."""

from __future__ import annotations

import json

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from lkip_desktop.cli import main
from lkip_desktop.reports import fonts
from lkip_desktop.reports.text_wrap import wrap_lines

from .pdftext import pages_text

LAWS = " ".join(f"{i}. Undang-Undang Nomor {i} Tahun {1990 + i % 30} tentang Pemerintahan Daerah;"
                for i in range(1, 500))[:19_987] + " AKHIR-ALASAN"
NAME = ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik " * 12)[:590] + " AKHIRNAMA"


@pytest.fixture
def long_demo(demo_path, tmp_path):
    """The demo through export-json / import-json with a 20,000-character alasan on one IKU
    and a 600-character sub kegiatan name."""
    js = tmp_path / "d.json"
    assert main(["export-json", str(demo_path), str(js)]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    iku = next(i for i in data["indicator"] if i["kode"] == "IKU-2")
    iku["alasan"] = LAWS
    sub = next(b for b in data["budget_item"] if b["level"] == "sub_kegiatan")
    sub["nama"] = NAME
    js.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "long.lkip"
    assert main(["import-json", str(js), str(out)]) == 0
    return out


def test_demo_with_a_long_alasan_and_name_exports_every_format(long_demo, tmp_path, capsys):
    assert len(LAWS) == 20_000 and len(NAME) == 600
    t = tmp_path / "tabel"
    assert main(["export", str(long_demo), "--pdf", f"{t}.pdf", "--xlsx", f"{t}.xlsx"]) == 0
    assert main(["export", str(long_demo), "--pdf", str(tmp_path / "lengkap.pdf"), "--lengkap"]) == 0
    assert main(["export", str(long_demo), "--docx", str(tmp_path / "lengkap.docx")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    for pdf in (f"{t}.pdf", tmp_path / "lengkap.pdf"):
        pages = pages_text(pdf)
        text = "".join(pages)
        assert "AKHIR-ALASAN" in text and "AKHIRNAMA" in text
        # the cut row: its table goes on over several pages, each headed "(lanjutan)"
        assert sum("Tabel 2.2 (lanjutan)" in p for p in pages) >= 5
    from openpyxl import load_workbook

    cells = [c.value for ws in load_workbook(f"{t}.xlsx").worksheets for row in ws.iter_rows() for c in row]
    assert LAWS in cells
    from docx import Document

    body = "\n".join(c.text for tb in Document(str(tmp_path / "lengkap.docx")).tables
                     for row in tb.rows for c in row.cells)
    assert "AKHIR-ALASAN" in body
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporaries


def test_long_words_are_broken_to_the_width():
    fonts.register_fonts()
    word = "Pengadaan" * 400 + "🎉" + "ب" * 50
    lines = wrap_lines(f"awal {word} akhir", fonts.REGULAR, 8, 60)
    assert "".join(lines).replace(" ", "") == f"awal{word}akhir"
    assert all(stringWidth(x, fonts.REGULAR, 8) <= 60 for x in lines)
    assert wrap_lines("", fonts.REGULAR, 8, 60) == [""]
    assert wrap_lines("W", fonts.REGULAR, 8, 1) == ["W"]  # one character per line at least, never a loop


def test_one_failing_output_never_costs_another(demo_path, tmp_path, capsys, monkeypatch):
    from lkip_desktop.reports import pdf as pdf_module  # export imports its renderers when used

    def broken(*_a, **_k):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    (tmp_path / "a.pdf").write_bytes(b"old report")  # a good earlier file is not replaced by a failure
    rc = main(["export", str(demo_path), "--pdf", str(tmp_path / "a.pdf"), "--xlsx", str(tmp_path / "a.xlsx"),
               "--tables", "3.1"])
    out, err = capsys.readouterr()
    assert rc == 1
    assert "Traceback" not in err
    assert "a.pdf" in err and "tidak dapat dibuat" in err and "berkas lain sudah ditulis" in err
    assert str(tmp_path / "a.xlsx") in out
    assert (tmp_path / "a.xlsx").stat().st_size > 0
    assert (tmp_path / "a.pdf").read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.xlsx", "demo.lkip"]


def test_an_unwritable_folder_is_a_message(demo_path, tmp_path, capsys):
    rc = main(["export", str(demo_path), "--xlsx", str(tmp_path / "tidak-ada" / "a.xlsx"), "--tables", "3.1"])
    err = capsys.readouterr().err
    assert rc == 1 and "a.xlsx: folder tujuan tidak ada" in err and "Traceback" not in err


def test_gui_worker_reports_a_failed_output_by_name(demo, tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    from lkip_desktop.reports import xlsx as xlsx_module  # export imports its renderers when used
    from lkip_desktop.reports.export import plan_export
    from lkip_desktop.ui.laporan.page import ExportJob

    monkeypatch.setattr(xlsx_module, "render_xlsx", lambda *a, **k: 1 / 0)
    job = ExportJob(plan_export(demo, tables=["3.1"], pdf=tmp_path / "b.pdf", xlsx=tmp_path / "b.xlsx"))
    failed: list[str] = []
    job.failed.connect(failed.append)
    job.run()
    assert failed and "b.xlsx" in failed[0] and "b.pdf" not in failed[0]
    assert (tmp_path / "b.pdf").exists() and not (tmp_path / "b.xlsx").exists()


def test_pk_print_failure_is_a_message(demo_path, tmp_path, capsys, monkeypatch):
    from lkip_desktop.cli import pk as pk_cli

    monkeypatch.setattr(pk_cli, "render_pdf", lambda *a, **k: 1 / 0)
    rc = main(["pk", str(demo_path), "--pdf", str(tmp_path / "pk.pdf")])
    err = capsys.readouterr().err
    assert rc == 1 and "pk.pdf tidak dapat dibuat" in err and "Traceback" not in err
    assert not list(p for p in tmp_path.iterdir() if p.suffix == ".pdf")


def test_an_excel_cell_never_passes_excels_limit():
    from lkip_desktop.reports.xlsx import EXCEL_CELL_CHARS, safe_text

    assert safe_text("a" * 40_000) == "a" * (EXCEL_CELL_CHARS - 1) + "…"
    assert safe_text("b\x00c" * 10) == "bc" * 10
    assert safe_text("x\uffffy\ud800z\tw\n") == "xyz\tw\n"  # XML cannot hold them; tab and line break stay


def test_a_row_span_label_taller_than_a_page_is_cut_too(tmp_path):
    """Tabel 2.5 spans a program's name over its four quarters; a name of pages is cut."""
    from lkip_desktop.reports.builders import select, standard_tables
    from lkip_desktop.reports.page import frame_size
    from lkip_desktop.reports.pdf_table import TableLayout

    from .shapes import Shape, build

    name = " ".join(f"kata{i}" for i in range(6000)) + " AKHIRPROGRAM"
    svc = build(tmp_path / "w.lkip", Shape(n_iku=1), lambda f: name if f == "budget.nama" else "")
    try:
        table = select(standard_tables(svc), ["bab2.triwulan"])[0].build()
    finally:
        svc.close()
    fw, fh = frame_size("A4", table.orientation)
    lay = TableLayout(table, fw, fh)
    limit = fh - lay.head_height - 40
    lay.cut_tall_rows(limit)
    assert len(lay.body_heights) > 10 and max(lay.body_heights) <= limit
    column = " ".join(row[1] for row in lay.body_data).split()
    assert column[-1] == "AKHIRPROGRAM" and len(column) == 6001
