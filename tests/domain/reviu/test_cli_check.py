"""`lkip check` reads the workbook's narasi texts and reports placeholders left in them."""

from __future__ import annotations

from lkip_desktop.cli import main as cli_main
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService


def test_check_reports_a_placeholder_left_in_the_narasi(demo_path, capsys):
    assert cli_main(["check", "--semua", str(demo_path)]) == 1
    before = capsys.readouterr().out
    assert "penanda isian" not in before and "6 kesalahan, 0 peringatan." in before
    with WorkbookService.open(demo_path) as svc:
        svc.set(CellRef("narasi", ("bab1.latar_belakang",), "teks"), "Dasar hukum penyusunan LKIP adalah ....")
    assert cli_main(["check", "--semua", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert "[peringatan] Narasi Bab I – Latar Belakang: Narasi masih memuat penanda isian \"...\"" in out
    assert "6 kesalahan, 1 peringatan." in out
