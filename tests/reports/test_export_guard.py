"""The one export path (reports.export) as the GUI uses it: the workbook is never
overwritten, a cancelled export leaves no half-written file, progress runs on one scale."""

from __future__ import annotations

import shutil

import pytest

from lkip_desktop.reports.export import export, export_paths, plan_export, write_export
from lkip_desktop.reports.table import Cancelled
from lkip_desktop.store.database import StoreError

pytest.importorskip("PySide6")

from lkip_desktop.ui.context import WorkbookContext  # noqa: E402
from lkip_desktop.ui.laporan.page import ExportJob, ExportPage  # noqa: E402

FEW = ["3.1", "bab3.realisasi_program"]


def _page(qtbot, svc) -> ExportPage:
    page = ExportPage(WorkbookContext(svc))
    page.open_when_done = False
    qtbot.addWidget(page)
    return page


def _all_formats(page: ExportPage) -> None:
    page.set_checked(FEW)
    for box in (page.pdf_box, page.xlsx_box, page.docx_box, page.lengkap_box):
        box.setChecked(True)


def test_gui_export_refuses_to_overwrite_the_open_workbook(qtbot, demo):
    page = _page(qtbot, demo)
    _all_formats(page)
    workbook = demo.path
    before = workbook.read_bytes()
    siblings = set(workbook.parent.iterdir())
    page.start_export(workbook)  # the user picked the .lkip itself as the output name
    assert not page.is_running()
    assert "buku kerja itu sendiri" in page.status.text()
    assert "pilih nama berkas keluaran lain" in page.status.text()
    assert workbook.read_bytes() == before
    assert set(workbook.parent.iterdir()) == siblings  # no x.pdf / x.xlsx beside it either
    assert page.export_btn.isEnabled()


def test_gui_export_refuses_an_output_that_is_the_workbook(qtbot, demo_path, tmp_path):
    """A workbook saved under a report's name: the Excel output would be the workbook."""
    from lkip_desktop.store.service import WorkbookService

    named = tmp_path / "laporan.xlsx"
    shutil.copyfile(demo_path, named)
    with WorkbookService.open(named) as svc:
        page = _page(qtbot, svc)
        _all_formats(page)
        before = named.read_bytes()
        page.start_export(tmp_path / "laporan")
        assert not page.is_running()
        assert "buku kerja" in page.status.text()
        assert named.read_bytes() == before
        assert not (tmp_path / "laporan.pdf").exists()  # refused before anything was written


def test_export_paths_drops_a_report_suffix_and_refuses_a_workbook(demo, tmp_path):
    paths = export_paths(tmp_path / "lkip.pdf", pdf=True, xlsx=False, docx=True, lengkap=True, workbook=demo.path)
    assert paths == {"pdf": tmp_path / "lkip.pdf", "xlsx": None, "docx": tmp_path / "lkip.docx",
                     "lengkap": tmp_path / "lkip_lengkap.pdf"}
    with pytest.raises(StoreError):
        export_paths(tmp_path / "lain.lkip", pdf=True, xlsx=True, docx=False, lengkap=False)
    with pytest.raises(StoreError):
        export(demo, pdf=demo.path, tables=FEW)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx", "lengkap"])
def test_cancel_leaves_no_half_written_file(demo, tmp_path, fmt):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    out = folder / ("lkip.pdf" if fmt in ("pdf", "lengkap") else f"lkip.{fmt}")
    plan = plan_export(demo, tables=FEW, **{fmt: out})
    seen = []
    with pytest.raises(Cancelled):
        write_export(plan, progress=lambda done, total, what: seen.append(done), cancel=lambda: bool(seen))
    assert seen  # it had started writing
    assert not list(folder.iterdir())  # neither the file nor a temporary beside it


def test_gui_worker_cancelled_midway_leaves_no_file(qtbot, demo, tmp_path):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    plan = plan_export(demo, tables=FEW, pdf=folder / "a.pdf", docx=folder / "a.docx")
    job = ExportJob(plan)
    job.progress.connect(lambda *_: job.cancel())  # the user presses Batal at the first table
    cancelled, finished = [], []
    job.cancelled.connect(lambda: cancelled.append(True))
    job.finished.connect(finished.append)
    job.run()  # same code as in the worker thread, run here to make the timing certain
    assert cancelled and not finished
    assert not list(folder.iterdir())


def test_progress_runs_on_one_scale_to_the_end(demo, tmp_path):
    seen = []
    result = export(demo, pdf=tmp_path / "t.pdf", xlsx=tmp_path / "t.xlsx", tables=FEW,
                    progress=lambda done, total, what: seen.append((done, total, what)))
    assert [d for d, _t, _w in seen] == list(range(1, len(seen) + 1))
    assert {t for _d, t, _w in seen} == {len(seen)}
    assert any(w.startswith("Excel: tabel") for _d, _t, w in seen)
    assert result.paths == [tmp_path / "t.pdf", tmp_path / "t.xlsx"]


def test_cancel_names_the_kept_and_the_removed_file(demo, tmp_path):
    seen = []
    plan = plan_export(demo, tables=FEW, pdf=tmp_path / "a.pdf", xlsx=tmp_path / "a.xlsx")
    # Batal during the Excel file: the finished PDF stays, the partial Excel file goes.
    with pytest.raises(Cancelled) as info:
        write_export(plan, progress=lambda d, t, what: seen.append(what),
                     cancel=lambda: any("Excel" in w for w in seen))
    assert info.value.kept == (tmp_path / "a.pdf",) and info.value.removed == tmp_path / "a.xlsx"
    assert (tmp_path / "a.pdf").exists() and not (tmp_path / "a.xlsx").exists()
