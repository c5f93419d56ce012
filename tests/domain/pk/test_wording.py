"""domain.pk.wording: the statement text, default and custom, placeholders filled in."""

from __future__ import annotations

from lkip_desktop.domain.model import PkVersion
from lkip_desktop.domain.pk import wording as rules


def test_wording_default_and_custom():
    pk = PkVersion("p", pihak1_nama="A", pihak2_nama="B")
    blocks = rules.body_blocks(pk, 2024)
    assert [b.kind for b in blocks][:4] == ["para", "pihak1", "para", "pihak2"]
    assert "berorientasi pada hasil" in blocks[0].text and "\n" not in blocks[0].text
    pk.teks = "Perjanjian {tahun} antara {pihak1_nama} dan {pihak2_nama} {lain}.\n\n{pihak_pertama}"
    blocks = rules.body_blocks(pk, 2025)
    assert blocks[0].text == "Perjanjian 2025 antara A dan B {lain}."
    assert blocks[1].kind == "pihak1"
