"""budget.py: RULES §6 budget, §7 efisiensi, §8 comparisons."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_desktop.domain.budget import (
    EFISIENSI_CONVENTIONS,
    banding_predikat,
    capaian_akhir_renstra,
    deviasi,
    efisiensi,
    efisiensi_label,
    pagu_efektif,
    selisih,
    selisih_realisasi,
    serapan,
    triwulan_persen,
)
from lkip_desktop.domain.capaian import CapaianSettings, capaian, mean
from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.numbers import format_rupiah, round_half_up
from lkip_desktop.domain.values import Predikat


def r2(d):
    return round_half_up(d, 2)


IKK_C = capaian(D(40), D(60) / D(121) * 100).value
IPP_C = capaian(D(88), D("88.8744")).value
IKM_C = capaian(D(83), D("88.13")).value
SAKIP_C = capaian(D("22.73"), D(13) / D(44) * 100).value

# --- §6 -----------------------------------------------------------------------------------


def test_selisih_program_3():
    s = selisih(7_521_272_000, 6_941_794_621)
    assert s == -579_477_379
    assert format_rupiah(s) == "(579.477.379)"


def test_selisih_total():
    murni = 60_311_339_500 + 7_521_272_000 + 161_612_078_196
    assert murni == 229_444_689_696  # PK total
    assert selisih(murni, 235_997_078_013) == 6_552_388_317


def test_selisih_dropped_and_added():
    assert selisih(5_000_000, 0) == -5_000_000
    assert selisih(0, 149_544_000) == 149_544_000


def test_selisih_rejects_non_int():
    with pytest.raises(TypeError):
        selisih(1.0, 2)
    with pytest.raises(TypeError):
        selisih(D(1), 2)


@pytest.mark.parametrize(
    "realisasi, pagu, pct",
    [
        (203_400_576_968, 235_997_078_013, "86.19"),  # SETDA total (Σ ÷ Σ)
        (38_275_823_920, 40_861_988_050, "93.67"),  # DISKO OPD
        (45_387_032_682, 47_158_792_500, "96.24"),  # SETDA IKM items
        (4_712_842_992, 5_238_211_800, "89.97"),  # SETDA AKIP items (printed 90,77 ✗)
        (23_065_269_726, 23_823_909_650, "96.82"),  # DISKO T3.15 (printed 96,81 ✗)
    ],
)
def test_serapan(realisasi, pagu, pct):
    assert r2(serapan(realisasi, pagu)) == D(pct)


def test_serapan_group_is_sum_ratio_not_mean():
    items = [(90, 100), (10, 100), (800, 1000)]
    group = serapan(sum(r for r, _ in items), sum(p for _, p in items))
    assert group == D(75)
    assert mean(serapan(r, p) for r, p in items) != group


def test_serapan_missing():
    assert serapan(100, 0) is None
    assert serapan(100, None) is None
    assert serapan(None, 100) is None
    with pytest.raises(TypeError):
        serapan(1.5, 100)


def test_pagu_efektif():
    assert pagu_efektif(7_521_272_000, 6_941_794_621, True) == 6_941_794_621
    assert pagu_efektif(7_521_272_000, 6_941_794_621, False) == 7_521_272_000
    # dropped in the APBD-P: pagu 0 -> serapan "-"
    assert serapan(0, pagu_efektif(5_000_000, 0, True)) is None
    assert pagu_efektif(5_000_000, None, True) == 0


def test_triwulan_t2_5():
    tw = [30_423_981_027, 46_125_458_532, 49_363_610_403, 42_326_060_273]
    pagu = sum(tw)
    assert pagu == 168_239_110_235
    assert [r2(triwulan_persen(a, pagu)) for a in tw[1:]] == [D("27.42"), D("29.34"), D("25.16")]
    assert sum(triwulan_persen(a, pagu) for a in tw) == 100


def test_triwulan_negative_and_missing():
    assert triwulan_persen(-75, 10_000) == D("-0.75")
    assert triwulan_persen(None, 100) is None
    assert triwulan_persen(5, 0) is None


@given(st.lists(st.integers(-10**12, 10**12), min_size=4, max_size=4), st.integers(1, 10**13))
def test_quarters_add_up_to_serapan(tw, pagu):
    parts = [triwulan_persen(a, pagu) for a in tw]
    scale = 1 + max(abs(p) for p in parts)
    assert abs(sum(parts) - serapan(sum(tw), pagu)) <= scale * D("1e-24")  # equal up to context precision


def test_deviasi():
    assert deviasi(D("86.19"), D(100)) == D("-13.81")
    assert deviasi(D("95.38"), D("99.99")) == D("-4.61")
    assert deviasi(None, D(1)) is None
    with pytest.raises(TypeError):
        deviasi(1.0, D(1))


# --- §7 efisiensi -------------------------------------------------------------------------


def test_e1_setda():
    assert efisiensi(IKK_C, D("87.20")) == D("36.77")
    assert efisiensi(IPP_C, D("90.25")) == D("10.74")
    ikm_s = serapan(45_387_032_682, 47_158_792_500)
    assert efisiensi(IKM_C, ikm_s) == D("9.94")
    assert efisiensi(D(100), D("90.77")) == D("9.23")  # as printed (mean of program %)
    assert efisiensi(D(100), serapan(4_712_842_992, 5_238_211_800)) == D("10.03")  # rule 6.5
    assert efisiensi(D(100), D("92.20")) == D("7.80")  # as printed with C = 100
    assert efisiensi(SAKIP_C, D("92.20")) == D("37.78")  # with the IKU's 129,98


def test_e1_uses_displayed_values():
    # full precision would give 36,76 when S is 87,2049…; E1 subtracts the shown 87,20
    assert efisiensi(IKK_C, D("87.2049")) == D("36.77")
    assert r2(IKK_C - D("87.2049")) == D("36.76")


def test_headline_candidates():
    s = serapan(203_400_576_968, 235_997_078_013)
    c = mean([IKK_C, IPP_C, IKM_C, SAKIP_C, D(100)])
    assert efisiensi(c, s) == D("26.04")
    assert r2(efisiensi(c, s, "E2")) == D("13.81")
    assert r2(efisiensi(c, s, "E3")) == D("130.21")


@pytest.mark.parametrize("s, e2", [("98.32", "1.68"), ("39.65", "60.35"), ("81.94", "18.06"), ("80.33", "19.67")])
def test_e2(s, e2):
    assert efisiensi(None, D(s), "E2") == D(e2)  # needs no capaian


def test_e3():
    assert r2(efisiensi(IKK_C, D("87.20"), "E3")) == D("142.16")
    assert r2(efisiensi(IPP_C, D("90.25"), "E3")) == D("111.90")
    assert r2(efisiensi(IKM_C, serapan(45_387_032_682, 47_158_792_500), "E3")) == D("110.33")
    assert efisiensi(D(100), D(0), "E3") is None


def test_efisiensi_missing_and_bad():
    assert efisiensi(None, D(90)) is None
    assert efisiensi(D(100), None, "E2") is None
    with pytest.raises(InputError):
        efisiensi(D(1), D(1), "E4")
    assert set(EFISIENSI_CONVENTIONS) == {"E1", "E2", "E3"}


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=200, places=2))
def test_e1_equals_e2_when_capaian_100(s):
    assert efisiensi(D(100), s, "E1") == efisiensi(D(100), s, "E2")


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=300),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=300),
)
def test_e1_printed_row_adds_up(c, s):
    assert r2(c) - r2(s) == efisiensi(c, s)


@pytest.mark.parametrize(
    "e, label",
    [("36.77", "Efisien"), ("5.01", "Efisien"), ("5.00", "Cukup efisien"), ("0", "Cukup efisien"),
     ("-5.00", "Cukup efisien"), ("-5.01", "Tidak efisien"), (None, "-")],
)
def test_efisiensi_label(e, label):
    assert efisiensi_label(None if e is None else D(e)) == label


# --- §8 comparisons -----------------------------------------------------------------------


def test_selisih_realisasi():
    assert selisih_realisasi(D("88.13"), D("87.70")) == D("0.43")
    d = selisih_realisasi(D("88.87"), D("89.414"))
    assert d == D("-0.544") and r2(abs(d)) == D("0.54")
    assert selisih_realisasi(None, D(1)) is None
    assert selisih_realisasi(Predikat("A", D("82.04")), Predikat("A", D("80.00"))) == D("2.04")
    assert selisih_realisasi(Predikat("A"), Predikat("A")) is None


def test_last_year_capaian_with_its_own_target():
    assert r2(capaian(D("4.84"), D("4.86")).value) == D("100.41")


@pytest.mark.parametrize(
    "realisasi, target, expected",
    [
        (D(60) / D(121) * 100, D(40), "123.97"),
        (D("88.8744"), D(88), "100.99"),
        (D("88.13"), D(83), "106.18"),
        (D(13) / D(44) * 100, D("22.73"), "129.98"),
        (D("4.41"), D("4.87"), "90.55"),
        (D("80.67"), D("77.75"), "103.76"),
        (Predikat("A", D("82.04")), Predikat("A"), "100.00"),  # by predikat
        (Predikat("A", D("82.04")), Predikat("A", D("82.08")), "99.95"),  # by score
    ],
)
def test_demo_renstra(realisasi, target, expected):
    c = capaian_akhir_renstra({2024: realisasi, 2025: None, 2026: None}, 2024, target, kumulatif=False)
    assert r2(c.value) == D(expected)


def test_renstra_status_uses_latest_year():
    per_year = {2024: D("4.41"), 2025: D("4.50"), 2026: None}
    assert capaian_akhir_renstra(per_year, 2025, D("4.50"), False).value == 100
    c = capaian_akhir_renstra(per_year, 2026, D("4.50"), False)
    assert c.value == 100 and "2025" in c.note
    assert r2(capaian_akhir_renstra(per_year, 2024, D("4.87"), False).value) == D("90.55")


def test_renstra_cumulative():
    per_year = {2024: D(6), 2025: D(8), 2026: D(6)}
    assert capaian_akhir_renstra(per_year, 2025, D(20), True).value == D(70)
    assert capaian_akhir_renstra(per_year, 2026, D(20), True).value == D(100)
    c = capaian_akhir_renstra({2024: None, 2025: D(8)}, 2025, D(20), True)
    assert c.value == D(40) and "2024" in c.note


def test_renstra_empty_and_predikat_cumulative():
    c = capaian_akhir_renstra({2024: None}, 2024, D(20), True)
    assert c.value is None and c.note == "realisasi belum diisi"
    with pytest.raises(InputError):
        capaian_akhir_renstra({2024: Predikat("A")}, 2024, Predikat("A"), True)


def test_renstra_negative_polarity_and_settings():
    c = capaian_akhir_renstra({2024: D(8)}, 2024, D(10), False, "negatif", CapaianSettings(negative="ratio"))
    assert c.value == D(125)


@pytest.mark.parametrize(
    "now, last, word",
    [("A", "A", "sama"), ("AA", "A", "naik"), ("BB", "A", "turun"),
     (Predikat("A", D("82.04")), Predikat("A", D("80.00")), "sama"), (None, "A", "-")],
)
def test_banding_predikat(now, last, word):
    assert banding_predikat(now, last) == word


def test_perubahan_ignored_the_issue_case():
    """Murni 150.000.000, perubahan 175.000.000, APBD-P switch off: serapan would read 106,83 %
    on murni; the trap is named. Off the hook once switched on, or when nothing changed."""
    from types import SimpleNamespace

    from lkip_desktop.domain.budget import items_perubahan_ignored, perubahan_ignored

    assert perubahan_ignored(150_000_000, 175_000_000, False)
    assert not perubahan_ignored(150_000_000, 175_000_000, True)
    assert not perubahan_ignored(150_000_000, 150_000_000, False)
    assert not perubahan_ignored(150_000_000, None, False)  # no APBD-P figure typed
    assert not perubahan_ignored(150_000_000, 0, False)
    a = SimpleNamespace(pagu_murni=150_000_000, pagu_perubahan=175_000_000)
    b = SimpleNamespace(pagu_murni=5, pagu_perubahan=5)
    assert items_perubahan_ignored([a, b], False) == [a]
