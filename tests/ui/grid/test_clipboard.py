"""Tab-separated clipboard text as Excel/LibreOffice write it, read and written back."""

from __future__ import annotations

from lkip_desktop.ui.grid.clipboard import parse_tsv, to_tsv


def test_plain_block_with_windows_line_ends():
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]


def test_quoted_cells_keep_tabs_newlines_and_quotes():
    text = '"a\tb"\t"baris\nkedua"\t"kata ""kutip"""\n'
    assert parse_tsv(text) == [["a\tb", "baris\nkedua", 'kata "kutip"']]


def test_round_trip():
    rows = [["Rp 1.000", ""], ["a\tb", 'x"y'], ["dua\nbaris", "-"]]
    assert parse_tsv(to_tsv(rows)) == rows
