"""``Calculator.indicator`` rounds a capaian once for both its rating and its status word;
both must be exactly what ``Scale.rate`` and ``status_word`` give for the capaian, odd values
included (None, 0, negative, predikat, huge, a cap that is not finite, strict and kustom edges)."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.capaian import capaian, status_of_shown, status_word
from lkip_desktop.domain.compute import Calculator
from lkip_desktop.domain.model import REALISASI, TARGET, Indicator, SkalaPita, Workbook
from lkip_desktop.domain.numbers import round_half_up
from lkip_desktop.domain.rating import SCALES, scale_of
from lkip_desktop.domain.values import GRADES, Predikat

TAHUN = 2024
EDGES = [0, 30, 50, 51, 60, 65, 66, 70, 75, 76, 80, 90, 91, 100]
NEAR = ["-0.01", "-0.0051", "-0.005", "-0.0049", "0", "0.0049", "0.005", "0.0051", "0.01"]
# capaian = realisasi when the target is 100: values right at the edges of every band and of 100
at_edge = st.builds(lambda e, d: D(e) + D(d), st.sampled_from(EDGES), st.sampled_from(NEAR))
number = at_edge | st.decimals() | st.sampled_from([D(0), D("-0"), D(-7), D(10) ** 30, D("1E+400")])
value = st.none() | number | st.builds(Predikat, st.sampled_from(GRADES), st.none() | at_edge)
pita = st.lists(st.tuples(at_edge | st.decimals(allow_nan=False), st.booleans()), max_size=4)


def _workbook(target, realisasi, polaritas, cap, skala, bands) -> Workbook:
    wb = Workbook()
    wb.settings.tahun = TAHUN
    wb.settings.batas_capaian = cap
    wb.settings.skala = skala
    for n, (edge, inklusif) in enumerate(bands):
        wb.skala_pita[f"p{n}"] = SkalaPita(f"p{n}", edge, f"pita {n}", inklusif, n)
    ind = Indicator(id="i", owner_kind="sasaran", owner_id="s", nama="i", polaritas=polaritas)
    for kind, v in ((TARGET, target), (REALISASI, realisasi)):
        if v is not None:
            ind.values[(TAHUN, kind, 0)] = v
    wb.indicators[ind.id] = ind
    return wb


def _outcome(f):
    try:
        return ("ok", f())
    except Exception as exc:  # noqa: BLE001 - the same refusal either way
        return (type(exc), str(exc))


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from([D(100), D(1), D(-3)]) | value, value, st.sampled_from(["positif", "negatif"]),
       st.none() | st.decimals(), st.sampled_from(sorted(SCALES) + ["kustom"]), pita)
def test_rating_and_status_are_those_of_the_capaian(target, realisasi, polaritas, cap, skala, bands):
    wb = _workbook(target, realisasi, polaritas, cap, skala, bands)

    def general():
        calc = Calculator(wb)
        ind = wb.indicators["i"]
        cap_ = capaian(ind.target(TAHUN), calc.realisasi(ind, TAHUN).value, polaritas, calc.capaian_settings)
        return cap_, scale_of(wb).rate(cap_.value), status_word(cap_.value)

    def fast():
        r = Calculator(wb).indicator("i")
        return r.capaian, r.rating, r.status

    assert _outcome(fast) == _outcome(general)


@given(number)
def test_the_labels_of_a_shown_value_are_those_of_the_value(v):
    if v.is_finite():
        shown = round_half_up(v, 2)
        assert status_of_shown(shown) == status_word(v)
        for scale in SCALES.values():
            assert scale.band_of_shown(shown) == scale.rate(v)
