"""The Alur kerja page: built first, its steps from domain.checklist, each button opens the
page where the step is done; a new workbook opens on it, others on the last page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lkip_desktop.domain import checklist
from lkip_desktop.ui.pages.alur import STEP_PAGE, AlurPage
from lkip_desktop.ui.pages.registry import PAGES


def test_alur_is_the_first_page_with_a_shortcut():
    assert PAGES[0].key == "alur" and PAGES[0].page_class is AlurPage and PAGES[0].shortcut


def test_page_shows_the_checklist_of_the_demo(demo_window):
    page = demo_window.show_page("alur")
    assert isinstance(page, AlurPage)
    assert [s.key for s in page.steps] == list(STEP_PAGE)
    states = {s.key: s.state for s in page.steps}
    assert states["renstra"] == checklist.SELESAI and states["reviu"] == checklist.BELUM
    assert "dari 11 langkah selesai" in page.heading.text()
    assert page.buttons["renstra"].text() == "Buka Renstra && IKU"  # a literal "&", no mnemonic


@pytest.mark.parametrize("step", ["pk", "tw2", "reviu", "narasi", "pagu"])
def test_a_button_jumps_to_its_page(demo_window, qtbot, step):
    page = demo_window.show_page("alur")
    qtbot.mouseClick(page.buttons[step], Qt.MouseButton.LeftButton)
    assert demo_window.current_page_key() == STEP_PAGE[step][0]


def test_export_found_in_the_workbook_folder_is_done(demo_window):
    from lkip_desktop.ui import folders

    svc = demo_window.context.service
    path = folders.export_base(svc).with_suffix(".pdf")
    path.write_bytes(b"%PDF-1.4")
    page = demo_window.show_page("alur")
    page.refresh()
    step = page.steps[-1]
    assert step.state == checklist.SELESAI and path.name in step.reason


def test_new_workbook_opens_on_alur_others_on_the_last_page(window, demo_path, tmp_path):
    from lkip_desktop.store.service import WorkbookService

    WorkbookService.create(tmp_path / "baru.lkip", tahun=2025, renstra_awal=2025, renstra_akhir=2029).close()
    assert window.open_path(tmp_path / "baru.lkip")
    assert window.current_page_key() == "alur"
    window.show_page("prestasi")
    window.close_workbook()  # stores "prestasi" as the last page
    assert window.open_path(demo_path)
    assert window.current_page_key() == "prestasi"
    window.close_workbook()
    assert window.open_path(tmp_path / "baru.lkip")  # still no realisasi: the checklist again
    assert window.current_page_key() == "alur"


def test_a_big_workbook_s_steps_arrive_after_the_first_paint(demo_window, monkeypatch, qtbot):
    from lkip_desktop.ui.pages import alur

    demo_window.show_page("alur")
    small = [(s.key, s.state, s.reason) for s in demo_window.pages["alur"].steps]
    monkeypatch.setattr(alur, "is_big", lambda wb: True)
    demo_window.context.findings = None  # not checked since the last change
    page = AlurPage(demo_window.context)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    assert page.steps == [] and "sedang diperiksa" in page.heading.text()  # nothing read yet
    qtbot.waitUntil(lambda: len(page.steps) == len(STEP_PAGE))
    big = [(s.key, s.state, s.reason) for s in page.steps]
    reviu_at = list(STEP_PAGE).index("reviu")
    assert big[:reviu_at] + big[reviu_at + 1:] == small[:reviu_at] + small[reviu_at + 1:]
    assert big[reviu_at][1] == checklist.TIDAK_DIKETAHUI  # a big workbook's reviu runs on its page
    assert "dari 11 langkah selesai" in page.heading.text() and set(page.buttons) == set(STEP_PAGE)
    demo_window.show_page("reviu")  # the Reviu page checks: Alur kerja then knows the state too
    demo_window.show_page("alur")
    assert [(s.key, s.state, s.reason) for s in demo_window.pages["alur"].steps] == small
    page.on_shown()
    assert [(s.key, s.state, s.reason) for s in page.steps] == small


def test_alur_and_reviu_share_one_check_until_the_next_change(demo_window, monkeypatch):
    from lkip_desktop.domain import reviu
    from lkip_desktop.edits import cells

    runs = []
    real = reviu.check
    monkeypatch.setattr(reviu, "check", lambda *a, **k: runs.append(1) or real(*a, **k))
    demo_window.context.findings = None
    demo_window.show_page("alur")
    demo_window.show_page("reviu")
    demo_window.show_page("alur")
    assert len(runs) == 1
    assert demo_window.pages["reviu"].model.findings == demo_window.context.findings
    wb = demo_window.context.wb
    ind = wb.iku_list()[0]
    demo_window.context.set_text(cells.realisasi(ind.id, wb.settings.tahun), "1")
    assert demo_window.context.findings is None  # the change forgot them
    demo_window.show_page("reviu")
    assert len(runs) == 2


def test_a_big_workbook_s_steps_wait_for_the_next_show_when_the_page_was_left(demo_window, monkeypatch, qtbot):
    from lkip_desktop.ui.pages import alur

    monkeypatch.setattr(alur, "is_big", lambda wb: True)
    page = demo_window.show_page("alur")
    demo_window.show_page("profil")  # left before the steps were made
    qtbot.wait(50)
    assert page.steps == []
    demo_window.show_page("alur")
    assert [s.key for s in page.steps] == list(STEP_PAGE)
