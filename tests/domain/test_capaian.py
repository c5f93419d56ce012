"""capaian.py: RULES §1 figures, §2.1–2.6, §4."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_desktop.domain.capaian import Capaian, CapaianSettings, capaian, mean, mean_note, status_word
from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.numbers import round_half_up
from lkip_desktop.domain.values import GRADES, Predikat


def r2(d):
    return round_half_up(d, 2)


def cv(t, r, pol="positif", **kw):
    return capaian(t, r, pol, CapaianSettings(**kw)).value


HUNDRED = D(100)
LINEAR = CapaianSettings()
RATIO = CapaianSettings(negative="ratio")

# §1: the five SETDA IKU, realisasi at full precision from their komponen.
IKK_R = D(60) / D(121) * 100
SAKIP_R = D(13) / D(44) * 100
IKM_R = D("88.13")  # published annual IKM: an input (rule 1.3)
IPP_R = D("96.89") * D("0.8") + (D(11498) / D(11498) * D("0.4") + D("94.02") * D("0.6")) * D("0.2")


@pytest.fixture(scope="module")
def setda():
    return {
        "ikk": capaian(D(40), IKK_R).value,
        "ipp": capaian(D(88), IPP_R).value,
        "ikm": capaian(D(83), IKM_R).value,
        "sakip": capaian(D("22.73"), SAKIP_R).value,
        "akip": capaian(Predikat("A", D("82.04")), Predikat("A", D("82.04"))).value,
    }


# --- §1 figures -------------------------------------------------------------------------


def test_ikk():
    assert r2(IKK_R) == D("49.59")
    assert r2(capaian(D(40), IKK_R).value) == D("123.97")
    assert r2(capaian(D(40), D("49.59")).value) == D("123.98")  # the wrong way


def test_sakip():
    assert r2(SAKIP_R) == D("29.55")
    assert r2(capaian(D("22.73"), SAKIP_R).value) == D("129.98")
    assert r2(capaian(D("22.73"), D("29.55")).value) == D("130.00")  # from the printed 29,55
    assert r2(capaian(D(10) / D(44) * 100, SAKIP_R).value) == D("130.00")  # target as 10/44


def test_ikm():
    raw = (D("88.83") + (D("87.86") + D("86.98")) / 2) / 2
    assert raw == D("88.125") and r2(raw) == D("88.13")
    assert round(raw, 2) == D("88.12")  # why round() is never used
    assert r2(capaian(D(83), IKM_R).value) == D("106.18")
    assert r2(capaian(D(83), raw).value) == D("106.17")  # the wrong way


def test_ipp():
    assert IPP_R == D("88.8744")
    assert r2(capaian(D(88), IPP_R).value) == D("100.99")
    assert r2(capaian(D(88), D("88.87")).value) == D("100.99")  # 100,9886: same print


def test_akip_by_score():
    assert D("24.21") + D("24.47") + D("12.07") + D("21.29") == D("82.04")
    c = capaian(Predikat("A", D("82.04")), Predikat("A", D("82.04")))
    assert c.value == HUNDRED


def test_opd_mean(setda):
    assert r2(mean(setda.values())) == D("112.23")
    assert r2(mean(r2(v) for v in setda.values())) == D("112.22")  # mean of the printed


def test_sasaran_3_mean(setda):
    vals = [setda["akip"], setda["ikm"], setda["sakip"]]
    assert r2(mean(vals)) == D("112.06")
    assert r2(mean(r2(v) for v in vals)) == D("112.05")


def test_disko_ilpbit():
    r = mean([D("4.21"), D("4.68"), D("3.75"), D("5.00")])
    assert r == D("4.41")
    assert r2(capaian(D("4.09"), r).value) == D("107.82")
    assert r2(capaian(D("4.09"), D("4.41071")).value) == D("107.84")  # raw sub-indices


def test_disko_akip():
    assert D("26.14") + D("23.99") + D("12.87") + D("17.67") == D("80.67")
    assert r2(capaian(D("77.50"), D("80.67")).value) == D("104.09")


# --- §2.1 positive --------------------------------------------------------------------


def test_positive_formula_note():
    c = capaian(D(40), D(20))
    assert c.value == D(50) and c.uncapped == D(50) and c.note is None
    assert "polaritas positif" in c.formula


def test_positive_realisasi_zero_is_zero():
    assert capaian(D(40), D(0)).value == 0


# --- §2.2 negative, both conventions ---------------------------------------------------


@pytest.mark.parametrize(
    "t, r, linear, ratio",
    [
        ("10", "10", "100.00", "100.00"),
        ("88.82", "88.82", "100.00", "100.00"),
        ("10", "8", "120.00", "125.00"),
        ("88.82", "135.15", "47.84", "65.72"),
        ("10", "25", "0.00", "40.00"),  # R >= 2T: floored / positive
        ("10", "20", "0.00", "50.00"),
    ],
)
def test_negative_table(t, r, linear, ratio):
    assert r2(cv(D(t), D(r), "negatif")) == D(linear)
    assert r2(cv(D(t), D(r), "negatif", negative="ratio")) == D(ratio)


def test_negative_formulas_named():
    assert "linear" in capaian(D(10), D(8), "negatif").formula
    assert "rasio" in capaian(D(10), D(8), "negatif", RATIO).formula


def test_negative_linear_r0_is_200_then_cap():
    assert capaian(D(10), D(0), "negatif").value == D(200)
    c = capaian(D(10), D(0), "negatif", CapaianSettings(cap=D(120)))
    assert c.value == D(120) and c.uncapped == D(200)


def test_negative_linear_no_floor_keeps_negative():
    c = capaian(D(10), D(25), "negatif", CapaianSettings(floor_zero=False))
    assert c.value == D(-50)


def test_negative_ratio_r0_not_computable():
    c = capaian(D(10), D(0), "negatif", RATIO)
    assert c.value is None and c.note == "realisasi 0"


@pytest.mark.parametrize("settings", [LINEAR, RATIO])
def test_negative_t0(settings):
    # "jumlah temuan": none found against a target of none -> 100; any found -> 0
    assert capaian(D(0), D(0), "negatif", settings).value == HUNDRED
    assert capaian(D(0), D(3), "negatif", settings).value == 0


# --- §2.3 predikat ---------------------------------------------------------------------


def test_predikat_both_scores():
    assert capaian(Predikat("A", D("82.04")), Predikat("A", D("82.04"))).value == HUNDRED
    c = capaian(Predikat("A", D("82.08")), Predikat("A", D("82.04")))
    assert r2(c.value) == D("99.95")


def test_predikat_pk_bare_target_same_grade():
    # Setda PK target "A", T3.1 prints "A (82,04)": both give 100
    assert capaian(Predikat("A"), Predikat("A", D("82.04"))).value == HUNDRED
    assert capaian(Predikat("A"), Predikat("A")).value == HUNDRED


@pytest.mark.parametrize("t, r, expected", [("A", "BB", "83.33"), ("A", "AA", "116.67"), ("BB", "A", "120.00")])
def test_predikat_rank(t, r, expected):
    c = capaian(Predikat(t), Predikat(r))
    assert r2(c.value) == D(expected)
    assert c.note and "peringkat" in c.note


@pytest.mark.parametrize("t, r, expected", [("A", "BB", 0), ("A", "AA", 100), ("A", "A", 100)])
def test_predikat_binary(t, r, expected):
    assert capaian(Predikat(t), Predikat(r), settings=CapaianSettings(predikat_beda="binary")).value == expected


def test_numeric_target_predikat_realisasi_with_score():
    assert r2(capaian(D("77.50"), Predikat("A", D("80.67"))).value) == D("104.09")


def test_numeric_target_predikat_realisasi_without_score():
    c = capaian(D("77.50"), Predikat("A"))
    assert c.value is None and c.note


def test_predikat_target_bare_score_realisasi():
    assert r2(capaian(Predikat("A", D("82.08")), D("82.04")).value) == D("99.95")
    c = capaian(Predikat("A"), D("82.04"))  # score 82,04 is predikat A (§5.4)
    assert c.value == HUNDRED and "A" in c.note
    assert r2(capaian(Predikat("A"), D("75")).value) == D("83.33")  # 75 -> BB


def test_predikat_ignores_polarity():
    assert capaian(Predikat("A"), Predikat("AA"), "negatif").value > HUNDRED


# --- §2.4 missing and zero --------------------------------------------------------------


@pytest.mark.parametrize(
    "t, r, note",
    [
        (D(100), None, "realisasi belum diisi"),
        (None, D(5), "target belum diisi"),
        (None, None, "target dan realisasi belum diisi"),
        (Predikat("A"), None, "realisasi belum diisi"),
    ],
)
def test_missing(t, r, note):
    c = capaian(t, r)
    assert c.value is None and c.uncapped is None and c.note == note


def test_target_zero_positive():
    c = capaian(D(0), D(5))
    assert c.value is None and c.note == "target 0"
    practice = CapaianSettings(zero_target="practice")
    assert capaian(D(0), D(5), settings=practice).value == HUNDRED
    assert capaian(D(0), D(0), settings=practice).value == 0


def test_text_realisasi_never_reaches_capaian():
    with pytest.raises(TypeError):
        capaian(D(10), "abc")
    with pytest.raises(TypeError):
        capaian(D(10), 8.0)


def test_bad_polarity_and_settings():
    with pytest.raises(InputError):
        capaian(D(1), D(1), "naik")
    with pytest.raises(ValueError):
        CapaianSettings(negative="x")
    with pytest.raises(TypeError):
        CapaianSettings(cap=110.0)


# --- §2.5 cap ---------------------------------------------------------------------------


def test_cap_default_none():
    assert r2(capaian(D(40), IKK_R).value) == D("123.97")


@pytest.mark.parametrize("cap", ["100", "110", "120", "200"])
def test_cap(cap):
    c = capaian(D(40), IKK_R, settings=CapaianSettings(cap=D(cap)))
    assert c.value == min(D(cap), c.uncapped)
    assert r2(c.uncapped) == D("123.97")
    if c.value != c.uncapped:
        assert "dibatasi" in c.note


def test_capped_value_used_after():
    cap = CapaianSettings(cap=HUNDRED)
    cs = [capaian(D(40), IKK_R, settings=cap), capaian(D(100), D(80), settings=cap)]
    assert mean(cs) == D(90)
    assert status_word(cs[0]) == "Tercapai"


# --- §2.6 status words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "c, word",
    [
        ("123.97", "Melampaui target"),
        ("100.005", "Melampaui target"),
        ("100.004", "Tercapai"),
        ("100", "Tercapai"),
        ("99.995", "Tercapai"),  # shown as 100,00
        ("99.994", "Belum tercapai"),
        ("0", "Belum tercapai"),
        (None, "-"),
    ],
)
def test_status_word(c, word):
    assert status_word(None if c is None else D(c)) == word


# --- §4 averages ------------------------------------------------------------------------


def test_mean_leaves_out_missing():
    vals = [D(100), None, D(120), D(80), D(100)]
    assert mean(vals) == D(100)
    assert mean_note(vals) == "4 dari 5 indikator"
    assert mean_note([D(1), D(2)]) == ""
    assert mean([None, None]) is None and mean([]) is None
    assert mean_note([None, None]) == "0 dari 2 indikator"


def test_mean_program_indicators():
    assert r2(mean([D("133.33"), D(100), D(100)])) == D("111.11")


def test_mean_rejects_float():
    with pytest.raises(TypeError):
        mean([D(1), 2.0])


# --- properties -------------------------------------------------------------------------

any_dec = st.decimals()  # including NaN, infinities, huge exponents
finite = st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**9, max_value=10**9, places=4)
values = st.none() | any_dec | st.builds(Predikat, st.sampled_from(GRADES), st.none() | any_dec.filter(lambda d: d.is_finite()))
settings = st.builds(
    CapaianSettings,
    negative=st.sampled_from(["linear", "ratio"]),
    floor_zero=st.booleans(),
    cap=st.none() | st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=1000),
    zero_target=st.sampled_from(["none", "practice"]),
    predikat_beda=st.sampled_from(["rank", "binary"]),
)


@given(values, values, st.sampled_from(["positif", "negatif"]), settings)
def test_capaian_never_raises(t, r, pol, s):
    c = capaian(t, r, pol, s)
    assert isinstance(c, Capaian) and c.formula
    if c.value is None:
        assert c.note
    elif s.cap is not None:
        assert c.value <= s.cap and c.uncapped >= c.value


@given(finite, finite)
def test_linear_floor_never_below_zero(t, r):
    v = capaian(t, r, "negatif").value
    assert v is None or v >= 0


@given(finite.filter(lambda d: d != 0))
def test_equal_target_and_realisasi_is_100(x):
    for pol in ("positif", "negatif"):
        for s in (LINEAR, RATIO):
            assert capaian(x, x, pol, s).value == HUNDRED


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000))
def test_status_word_agrees_with_shown_value(c):
    shown = r2(c)
    assert status_word(c) == status_word(shown)
    assert (status_word(c) == "Tercapai") == (shown == HUNDRED)


def test_target_met_reads_the_shown_value():
    from lkip_desktop.domain.capaian import target_met

    assert target_met(D("99.995")) and target_met(D("120"))
    assert not target_met(D("99.994")) and not target_met(None)
