"""Capaian per triwulan (rencana aksi): per quarter, not cumulative (RULES.md §6.7/§6.9)."""

from decimal import Decimal

import pytest

from lkip_desktop.domain.capaian import CapaianSettings
from lkip_desktop.domain.model import REALISASI, TARGET, Indicator
from lkip_desktop.domain.rencana_aksi import quarter_capaian, quarter_capaians

D = Decimal


def _ind(pol="positif", **quarters):
    ind = Indicator(id="i", owner_kind="sasaran", owner_id="s", nama="Dokumen", polaritas=pol)
    for key, v in quarters.items():  # t1=6 -> target TW I = 6, r3=9 -> realisasi TW III = 9
        ind.values[(2024, TARGET if key[0] == "t" else REALISASI, int(key[1]))] = D(v)
    return ind


def test_each_quarter_against_its_own_target_not_cumulative():
    # Penyusunan Dokumen 6+3+9+2 = 20 (RULES §6.9): TW II realised 3 of 3 -> 100, not 9/9
    ind = _ind(t1=6, t2=3, t3=9, t4=2, r1=6, r2=3, r3=4)
    caps = [c.value for c in quarter_capaians(ind, 2024)]
    assert caps[0] == D(100) and caps[1] == D(100)
    assert round(caps[2], 2) == D("44.44")
    assert caps[3] is None  # realisasi TW IV not typed yet: no capaian, never 0


def test_negative_polarity_and_missing_target():
    ind = _ind("negatif", t1=10, r1=8, r2=5)
    s = CapaianSettings(negative="linear")
    assert quarter_capaian(ind, 2024, 1, s).value == D(120)  # (2×10 − 8) ÷ 10
    c = quarter_capaian(ind, 2024, 2, s)
    assert c.value is None and "target" in c.note


def test_quarter_out_of_range():
    with pytest.raises(ValueError):
        quarter_capaian(_ind(), 2024, 0)
