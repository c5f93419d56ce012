"""Every office screen: the window fits 1000 x 560 on every page, the first start fits the
screen, and messages are styled apart (errors red, done/info plain, stale errors cleared)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from lkip_desktop.ui.pages.registry import PAGES

MAX_W, MAX_H = 1000, 560


def test_minimum_window_fits_1000_x_560_on_every_page(demo_window):
    win = demo_window
    for entry in PAGES:  # pages stay built, so the last check holds them all
        win.show_page(entry.key)
        QApplication.processEvents()
        hint, minimum = win.minimumSizeHint(), win.minimumSize()
        assert hint.width() <= MAX_W and hint.height() <= MAX_H, (entry.key, hint)
        assert minimum.width() <= MAX_W and minimum.height() <= MAX_H, (entry.key, minimum)
    win.resize(MAX_W, MAX_H)
    QApplication.processEvents()
    assert win.width() <= MAX_W + 1 and win.height() <= MAX_H + 1


def test_first_start_is_sized_to_the_available_screen(qtbot, errors):
    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow

    make_app()
    win = MainWindow()  # no saved geometry in the test's config folder
    qtbot.addWidget(win)
    avail = (win.screen() or QApplication.primaryScreen()).availableGeometry()
    assert win.width() <= avail.width() * 0.9 + 1 and win.height() <= avail.height() * 0.9 + 1
    assert win.width() <= 1280 and win.height() <= 800
    # a saved size larger than the screen is brought back onto it
    win.resize(avail.width() + 400, avail.height() + 300)
    win.fit_to_screen()
    assert win.width() <= avail.width() and win.height() <= avail.height()


def test_messages_styled_apart_and_stale_errors_cleared(demo_window):
    win = demo_window
    win.show_page("realisasi")
    win.show_message("12 sel ditempel.")
    assert "bold" not in win.msg_label.styleSheet() and "#b42318" not in win.msg_label.styleSheet()
    win.show_message("Nilai tidak valid.", error=True)
    assert "#b42318" in win.msg_label.styleSheet() and "bold" in win.msg_label.styleSheet()
    win.show_page("capaian")
    assert win.msg_label.text() == ""  # the error belonged to the page left
    win.show_message("Baris dihapus.")
    win.show_page("realisasi")
    assert win.msg_label.text() == "Baris dihapus."  # info is not an error: it stays its time


def test_page_notices_are_not_errors(qtbot, demo_window):
    """A paste's "n sel ditempel" reaches the status bar plain, a refusal red."""
    win = demo_window
    page = win.show_page("realisasi")
    page.view.notice.emit("3 sel ditempel.")
    assert win.msg_label.text() == "3 sel ditempel." and not win.msg_label.property("error")
    page.view.message.emit("Pilih sel tujuan terlebih dahulu.")
    assert win.msg_label.property("error")


SMALLEST = (864, 486)  # the first start on 1920 x 1080 at 200 %: 90 % of 960 x 540 logical


def _at_smallest(win, key):
    win.resize(*SMALLEST)
    page = win.show_page(key)
    for _ in range(3):
        QApplication.processEvents()
    return page


def test_alur_fits_the_smallest_window_without_ghosts(demo_window):
    from PySide6.QtWidgets import QPushButton, QScrollArea

    page = _at_smallest(demo_window, "alur")
    page.refresh()  # a second build: the first one's widgets must not linger on screen
    QApplication.processEvents()
    scroll = page.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0, "steps wrap instead of scrolling sideways"
    shown = [b for b in page.body.findChildren(QPushButton) if b.isVisible()]
    assert sorted(id(b) for b in shown) == sorted(id(b) for b in page.buttons.values())


def test_profil_columns_stack_on_a_narrow_window(demo_window):
    from PySide6.QtWidgets import QScrollArea

    page = _at_smallest(demo_window, "profil")
    scroll = page.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0, "Pengaturan is not cut off at the right"
    demo_window.resize(1600, 900)
    QApplication.processEvents()
    assert page.form.findChild(QWidget, "grupPengaturan").x() > page.form.findChild(QWidget, "grupOpd").x()


def test_capaian_table_shows_every_iku_of_the_demo(demo_window):
    page = _at_smallest(demo_window, "capaian")
    rows = page.model.rowCount()
    assert rows >= 5 and page.view.viewport().height() >= 5 * page.view.rowHeight(page.model.index(0, 0)), "the analysis box crowds the table"


def test_pk_gives_the_room_to_the_pk_itself(demo_window):
    page = _at_smallest(demo_window, "pk")
    assert page.tabs.width() > page.versions.width()
    for button in (page.btn_new, page.btn_lower, page.btn_perubahan, page.btn_sign, page.btn_delete):
        assert button.width() >= button.sizeHint().width(), button.text()  # its text is never cut
