"""domain.pk.fields: targets as the Lampiran prints them, target input, pangkat/NIP lines."""

from __future__ import annotations

from lkip_desktop.domain.model import PkSasaranRow
from lkip_desktop.domain.pk import fields as rules


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


def test_party_lines():
    assert rules.pangkat_golongan("Pembina Utama Muda", "IV.c") == "Pembina Utama Muda / IV.c"
    assert rules.pangkat_golongan("", "IV.c") == "IV.c"
    assert rules.nip_line("196610061986031008") == "NIP. 19661006 198603 1 008"
    assert rules.nip_line("12345") == "NIP. 12345"
    assert rules.nip_line("") == ""
    assert rules.PANGKAT["IV.d"] == "Pembina Utama Madya"
