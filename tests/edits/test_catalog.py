"""The table-catalogue verbs on the real file: each one transaction whose inverse brings the
file back, and standard_tables follows them (hidden, moved, renumbered, retitled)."""

from __future__ import annotations

import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.edits import catalog
from lkip_desktop.reports.builders import catalogue, standard_tables
from lkip_desktop.store.schema import TABLES
from lkip_desktop.store.service import WorkbookService


def numbers(svc) -> dict[str, str]:
    return {s.key: s.number for s in standard_tables(svc)}


def chapter_keys(svc, chapter: str) -> list[str]:
    return [s.key for s in catalogue(svc) if s.chapter == chapter]


def test_fields_are_stored_columns():
    assert set(catalog.FIELDS) <= set(TABLES["tabel_laporan"].fields)


def test_retitle_renumber_and_source_are_one_undo_step_each(demo):
    ch = catalog.set_field(demo, "bab3.capaian", "judul", "  Capaian Sasaran Strategis  ")
    assert ch is not None and demo.wb.tabel_laporan["bab3.capaian"].judul == "Capaian Sasaran Strategis"
    ch2 = catalog.set_field(demo, "bab3.capaian", "sumber", "Data Evaluasi Internal, Desember 2024")
    spec = next(s for s in standard_tables(demo) if s.key == "bab3.capaian")
    t = spec.build()
    assert t.caption == "Tabel 3.1 Capaian Sasaran Strategis" and t.source.startswith("Data Evaluasi")
    assert catalog.set_field(demo, "bab3.capaian", "judul", "Capaian Sasaran Strategis") is None  # nothing differs
    demo.apply(ch2.inverse, "Batalkan")
    assert demo.wb.tabel_laporan["bab3.capaian"].sumber == ""
    demo.apply(ch.inverse, "Batalkan")  # the row the first edit made goes again
    assert "bab3.capaian" not in demo.wb.tabel_laporan
    catalog.set_field(demo, "bab3.skala", "nomor", "Tabel 3.9")
    assert numbers(demo)["bab3.skala"] == "3.9"


def test_hide_renumbers_the_rest_of_the_chapter(demo):
    before = numbers(demo)
    catalog.set_field(demo, "bab3.capaian", "tampil", False)
    after = numbers(demo)
    assert "bab3.capaian" not in after
    assert after["bab3.skala"] == "3.1" and before["bab3.skala"] == "3.2"
    assert after["bab2.iku"] == before["bab2.iku"]  # other chapters untouched
    hidden = next(s for s in catalogue(demo) if s.key == "bab3.capaian")
    assert not hidden.shown and hidden.number == ""


def test_move_down_and_reset(demo):
    keys = chapter_keys(demo, "2")
    ch = catalog.move(demo, keys, "bab2.matriks", +1)
    assert ch is not None
    assert chapter_keys(demo, "2")[:2] == ["bab2.iku", "bab2.matriks"]
    assert numbers(demo)["bab2.iku"] == "2.1" and numbers(demo)["bab2.matriks"] == "2.2"
    assert catalog.move(demo, chapter_keys(demo, "2"), "bab2.iku", -1) is None  # already first
    demo.apply(ch.inverse, "Batalkan")
    assert chapter_keys(demo, "2") == keys and not demo.wb.tabel_laporan
    catalog.move(demo, keys, "bab2.matriks", +1)
    for k in list(demo.wb.tabel_laporan):
        catalog.reset(demo, k)
    assert chapter_keys(demo, "2") == keys and not demo.wb.tabel_laporan
    assert catalog.reset(demo, "bab2.iku") is None


def test_paper_and_orientation_reach_the_table_and_refuse_unknown(demo):
    catalog.set_field(demo, "bab3.prestasi", "kertas", "F4")
    catalog.set_field(demo, "bab3.prestasi", "orientasi", "landscape")
    catalog.set_field(demo, "bab3.prestasi", "nomor_kolom", True)
    t = next(s for s in standard_tables(demo) if s.key == "bab3.prestasi").build()
    assert (t.paper, t.orientation) == ("F4", "landscape")
    assert [c.text for c in t.header[-1]] == [f"({i})" for i in range(1, t.ncols + 1)]
    with pytest.raises(InputError):
        catalog.set_field(demo, "bab3.prestasi", "kertas", "Legal")


def test_catalogue_survives_reopening(demo_path):
    with WorkbookService.open(demo_path) as svc:
        catalog.set_field(svc, "bab2.iku", "judul", "IKU Kami")
        catalog.move(svc, chapter_keys(svc, "2"), "bab2.iku", -1)
    with WorkbookService.open(demo_path, readonly=True) as svc:
        first = standard_tables(svc)[0] if not [s for s in standard_tables(svc) if s.chapter == "1"] else None
        spec = next(s for s in standard_tables(svc) if s.key == "bab2.iku")
        assert (spec.number, spec.title) == ("2.1", "IKU Kami")
        assert first is None or first.key == "bab2.iku"
