"""Pure PK rules: wording, target display, terbilang, pangkat/golongan."""

from __future__ import annotations

from lkip_desktop.domain import pk as rules
from lkip_desktop.domain.model import PkSasaranRow, PkVersion


def _row(target, satuan=""):
    return PkSasaranRow("r", "p", "S", "I", satuan, target)


def test_target_text_as_printed():
    assert rules.target_text(_row("40", "%"), "persen") == "40%"
    assert rules.target_text(_row("88", "%"), "indeks") == "88"  # SETDA prints the index bare
    assert rules.target_text(_row("22.73", "%")) == "22,73%"
    assert rules.target_text(_row("A", "Nilai"), "predikat") == "A"
    assert rules.target_text(_row("83", "Indeks")) == "83"
    assert rules.target_text(_row("12", "Dokumen")) == "12 Dokumen"
    assert rules.target_text(_row("")) == "-"
    assert rules.target_text(_row("Ada")) == "Ada"


def test_parse_target():
    assert rules.parse_target("22,73%") == "22.73"
    assert rules.parse_target("a") == "A"
    assert rules.parse_target("Tersedia") == "Tersedia"
    assert rules.parse_target("") == ""


def test_terbilang_uses_num2words():
    assert rules.terbilang(229_444_689_696) == (
        "dua ratus dua puluh sembilan miliar empat ratus empat puluh empat juta enam ratus "
        "delapan puluh sembilan ribu enam ratus sembilan puluh enam rupiah")
    assert rules.terbilang_kapital(1_500) == "Seribu Lima Ratus Rupiah"


def test_wording_default_and_custom():
    pk = PkVersion("p", pihak1_nama="A", pihak2_nama="B")
    blocks = rules.body_blocks(pk, 2024)
    assert [b.kind for b in blocks][:4] == ["para", "pihak1", "para", "pihak2"]
    assert "berorientasi pada hasil" in blocks[0].text and "\n" not in blocks[0].text
    pk.teks = "Perjanjian {tahun} antara {pihak1_nama} dan {pihak2_nama} {lain}.\n\n{pihak_pertama}"
    blocks = rules.body_blocks(pk, 2025)
    assert blocks[0].text == "Perjanjian 2025 antara A dan B {lain}."
    assert blocks[1].kind == "pihak1"


def test_party_lines():
    assert rules.pangkat_golongan("Pembina Utama Muda", "IV.c") == "Pembina Utama Muda / IV.c"
    assert rules.pangkat_golongan("", "IV.c") == "IV.c"
    assert rules.nip_line("196610061986031008") == "NIP. 19661006 198603 1 008"
    assert rules.nip_line("12345") == "NIP. 12345"
    assert rules.nip_line("") == ""
    assert rules.PANGKAT["IV.d"] == "Pembina Utama Madya"
