"""Fixtures shared by the report tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def office_files(_demo_master, tmp_path_factory):
    """The demo exported once as XLSX and DOCX: (xlsx, docx)."""
    from lkip_desktop.reports.export import export
    from lkip_desktop.store.service import WorkbookService

    out = tmp_path_factory.mktemp("office")
    with WorkbookService.open(_demo_master, readonly=True) as svc:
        export(svc, xlsx=out / "t.xlsx", docx=out / "l.docx")
    return out / "t.xlsx", out / "l.docx"
