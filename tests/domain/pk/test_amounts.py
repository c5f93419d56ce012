"""domain.pk.amounts: rupiah in words (terbilang)."""

from __future__ import annotations

from lkip_desktop.domain.pk import amounts as rules


def test_terbilang_uses_num2words():
    assert rules.terbilang(229_444_689_696) == (
        "dua ratus dua puluh sembilan miliar empat ratus empat puluh empat juta enam ratus "
        "delapan puluh sembilan ribu enam ratus sembilan puluh enam rupiah")
    assert rules.terbilang_kapital(1_500) == "Seribu Lima Ratus Rupiah"
