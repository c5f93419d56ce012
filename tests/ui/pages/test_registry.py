"""The page registry: every registered page builds on the demo workbook, and a page that
fails to build raises (it is never replaced by a placeholder)."""

from __future__ import annotations

import pytest

from lkip_desktop.ui.context import WorkbookContext
from lkip_desktop.ui.pages.registry import DEFAULT_PAGE, PAGE_BY_KEY, PAGE_KEYS, PAGES, PageEntry


def test_keys_titles_and_shortcuts_are_unique():
    assert len(set(PAGE_KEYS)) == len(PAGES)
    assert len({p.title for p in PAGES}) == len(PAGES)
    assert len({p.shortcut for p in PAGES}) == len(PAGES)
    assert DEFAULT_PAGE in PAGE_BY_KEY


@pytest.mark.parametrize("entry", PAGES, ids=[p.key for p in PAGES])
def test_every_page_builds(qtbot, demo, entry):
    # No try/except: an exception in a page's constructor fails this test.
    page = entry.page_class(WorkbookContext(demo))
    qtbot.addWidget(page)
    page.show()
    assert isinstance(page, entry.page_class)


class _BrokenPage:
    def __init__(self, context, parent=None):
        raise RuntimeError("rusak")


def test_a_page_that_fails_to_build_raises_in_the_window(demo_window, monkeypatch):
    monkeypatch.setitem(PAGE_BY_KEY, "prestasi", PageEntry("prestasi", "Prestasi", "Ctrl+8", lambda: _BrokenPage))
    with pytest.raises(RuntimeError, match="rusak"):
        demo_window.page("prestasi")
    assert "prestasi" not in demo_window.pages
