"""The rating-scale verbs on the real service: choose a preset or kustom (the bands in use are
copied), edit/add/delete bands, name the scale, the no-data text and the cap; each one undoable
step that re-rates every indicator."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.rating import SCALES, scale_of
from lkip_desktop.edits import scale
from lkip_desktop.store.service import WorkbookService


def _iku_ratings(svc):
    return [svc.calc.indicator(i.id).rating.label for i in svc.wb.iku_list() if svc.calc.indicator(i.id).rating]


def test_choose_lima_rerates_every_iku(demo):
    ch = scale.choose_scale(demo, "lima")
    assert ch.everything and demo.wb.settings.skala == "lima"
    assert set(_iku_ratings(demo)) <= {b.label for b in SCALES["lima"].bands}
    assert scale.choose_scale(demo, "lima") is None  # nothing to do
    with pytest.raises(InputError):
        scale.choose_scale(demo, "akip")  # not a capaian scale


def test_switching_to_kustom_copies_the_bands_in_use_and_edits_them(demo_path):
    with WorkbookService.open(demo_path) as svc:
        scale.choose_scale(svc, "lima")
        scale.choose_scale(svc, "kustom")
        own = scale_of(svc.wb)
        assert own.key == "kustom" and [(b.lower, b.label, b.inclusive) for b in own.bands] == \
            [(b.lower, b.label, b.inclusive) for b in SCALES["lima"].bands]
        top = next(p for p in svc.wb.skala_pita.values() if p.label == "Sangat Baik")
        scale.set_band(svc, top.id, "batas_bawah", "95")
        scale.set_band(svc, top.id, "inklusif", "≥")
        scale.set_band(svc, top.id, "label", "Istimewa")
        new = scale.add_band(svc, D("100"), "Luar Biasa", False)
        with pytest.raises(InputError):
            scale.set_band(svc, top.id, "label", "  ")
        with pytest.raises(InputError):
            scale.set_band(svc, top.id, "inklusif", "<=")
        bands = scale_of(svc.wb).bands
        assert [(b.lower, b.label, b.inclusive) for b in bands[:2]] == [(D("100"), "Luar Biasa", False),
                                                                        (D("95"), "Istimewa", True)]
        scale.delete_band(svc, new)
        assert len(scale_of(svc.wb).bands) == 5
    with WorkbookService.open(demo_path) as svc:  # stored, not only in memory
        assert svc.wb.settings.skala == "kustom" and len(svc.wb.skala_pita) == 5
        scale.choose_scale(svc, "d86")
        scale.choose_scale(svc, "kustom")  # bands already there: kept, not copied again
        assert {p.label for p in svc.wb.skala_pita.values()} >= {"Istimewa"} and len(svc.wb.skala_pita) == 5


def test_name_no_data_text_and_cap(demo):
    scale.set_scale_name(demo, "  Skala  Kinerja Kabupaten ")
    assert demo.wb.settings.skala_nama == "Skala Kinerja Kabupaten" and scale_of(demo.wb).name == demo.wb.settings.skala_nama
    scale.set_no_data_text(demo, "t.a.d.")
    assert demo.wb.settings.teks_tanpa_data == "t.a.d."
    scale.set_no_data_text(demo, " ")
    assert demo.wb.settings.teks_tanpa_data == "n/a"
    assert scale.set_cap(demo, True).everything and demo.wb.settings.batas_capaian == D("100")
    over = [i for i in demo.wb.iku_list() if (demo.calc.capaian_value(i.id) or 0) >= 100]
    assert over and all(demo.calc.capaian_value(i.id) <= 100 for i in over)
    scale.set_cap(demo, True, D("120"))
    assert demo.wb.settings.batas_capaian == D("120")
    with pytest.raises(InputError):
        scale.set_cap(demo, True, D("0"))
    scale.set_cap(demo, False)
    assert demo.wb.settings.batas_capaian is None


def test_a_band_edit_is_one_undoable_step(demo):
    scale.choose_scale(demo, "kustom")
    band = next(iter(demo.wb.skala_pita.values()))
    ch = scale.set_band(demo, band.id, "label", "Baru")
    assert ch.everything and len(ch.ops) == 1
    demo.apply(ch.inverse, "Urungkan")
    assert demo.wb.skala_pita[band.id].label != "Baru"
