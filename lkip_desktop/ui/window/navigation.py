"""Navigation between pages: building a page on first use and wiring its signals, showing it,
and jumping to the page that shows a stored cell."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain import effects as E
from ...edits.cells import Place
from ..pages.base import Page
from ..pages.registry import PAGE_BY_KEY, PAGE_KEYS


# The pages that can show a place, first choice first (a Reviu finding, a history row).
LOCATE_ORDER = {
    "profile": ["profil"], "tujuan": ["renstra"], "sasaran": ["renstra"],
    E.INDICATOR: ["capaian", "renstra"], E.ITEM: ["anggaran"], E.ITEM_QUARTER: ["realisasi"],
    E.LINK: ["dukungan"], "prestasi": ["prestasi"], "pk": ["pk"],
}
INDICATOR_VALUE_ORDER = {"target": ["realisasi", "capaian", "renstra"],
                         "realisasi": ["realisasi", "capaian", "renstra"], "komponen": ["renstra"]}


def pages_for(place: Place) -> list[str]:
    if place.kind == E.INDICATOR and place.value:
        return INDICATOR_VALUE_ORDER[place.value]
    return LOCATE_ORDER.get(place.kind, [])


class NavigationMixin:
    """Pages of the open workbook (mixed into MainWindow)."""

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use. A page that fails to build raises."""
        if key not in self.pages:
            page = PAGE_BY_KEY[key].page_class(self.context, self.page_stack)
            self.pages[key] = page
            self.page_stack.addWidget(page)
            self._wire(key, page)
        return self.pages[key]

    def _wire(self, key: str, page: QWidget) -> None:
        """Connect a new page to the window (the PK and Laporan pages send nothing). Pages are
        told apart by key: their modules load only when they are first shown."""
        if isinstance(page, Page):
            page.message.connect(lambda text: self.show_message(text, error=True))
            page.notice.connect(self.show_message)
            for view in page.views:
                view.current_ref.connect(self._track_ref)
            page.views_added.connect(lambda view: view.current_ref.connect(self._track_ref))
            page.open_page.connect(self.show_page)
        if key == "reviu":
            page.jump.connect(self.jump_to)
        if key == "riwayat" and self._last_ref is not None:
            page.set_ref(self._last_ref)

    def show_page(self, key: str) -> QWidget | None:
        if self.context is None or key not in PAGE_KEYS:
            return None
        row = PAGE_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # -> _nav_changed
        else:
            self._nav_changed(row)
        return self.pages.get(key)

    def _nav_changed(self, row: int) -> None:
        if self.context is None or row < 0:
            return
        page = self.page(PAGE_KEYS[row])
        if self.page_stack.currentWidget() is not page:
            self.clear_error()  # an error of the page left behind is stale here
        self.page_stack.setCurrentWidget(page)
        if isinstance(page, Page):
            page.on_shown()

    def current_page_key(self) -> str | None:
        w = self.page_stack.currentWidget()
        for k, p in self.pages.items():
            if p is w:
                return k
        return None

    def current_page(self) -> QWidget | None:
        return self.page_stack.currentWidget() if self.context else None

    def jump_to(self, place: Place) -> bool:
        for page_key in pages_for(place):
            self.show_page(page_key)
            page = self.pages.get(page_key)
            if isinstance(page, Page) and page.locate(place):
                return True
        self.show_message("Lokasi temuan tidak dapat ditampilkan.", error=True)
        return False

    def _track_ref(self, ref) -> None:
        if ref is None:
            return
        self._last_ref = ref
        if "riwayat" in self.pages:
            self.pages["riwayat"].set_ref(ref)

    def toggle_focus(self) -> None:
        if self.context is None:
            return
        if self.nav.hasFocus():
            page = self.current_page()
            views = page.views if isinstance(page, Page) else []
            (views[0] if views else page).setFocus()
        else:
            self.nav.setFocus()
