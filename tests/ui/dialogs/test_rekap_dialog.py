"""The Rekap beberapa OPD window, offscreen: reads a folder in its worker with progress,
shows the ranked table (sort, filter), the skipped files, exports, and can be cancelled."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkip_desktop.domain.numbers import format_number
from lkip_desktop.reports.rekap.collect import collect
from lkip_desktop.ui.dialogs import rekap_dialog
from lkip_desktop.ui.dialogs.rekap_dialog import RekapDialog

from ...reports.rekap.conftest import hashes, rekap_folder  # noqa: F401 - shared fixtures
from ...reports.rekap.shapes import sha256, small_opd


@pytest.fixture
def dialog(qtbot):
    dlg = RekapDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _rows(dlg) -> list[list[str]]:
    m = dlg.proxy
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_reads_a_folder_and_shows_ranked_table(dialog, qtbot, rekap_folder, hashes, tmp_path):  # noqa: F811
    seen = []
    dialog.relay.progressed.connect(lambda d, t, n: seen.append((d, t, n)))
    dialog.start([rekap_folder])
    assert dialog.busy and not dialog.export_xlsx.isEnabled()
    qtbot.waitUntil(lambda: dialog.collection is not None, timeout=60000)
    assert seen[0][0] == 0 and seen[-1] == (6, 6, "")
    rows = _rows(dialog)
    assert [r[1] for r in rows] == ["Sekretariat Daerah Kota Bekasi", "Dinas Lebar Kota Contoh", "Kecamatan Kecil"]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    want = {s.name: format_number(s.capaian) for s in collect([rekap_folder]).summaries}
    assert {r[1]: r[4] for r in rows} == want
    assert dialog.skipped.count() == 3
    assert any("tahun-lalu.lkip: tahun 2023, bukan 2024" == dialog.skipped.item(i).text()
               for i in range(dialog.skipped.count()))
    assert "Kota (3 OPD)" in dialog.totals.text()

    # sort by realisasi (rupiah int): millions before billions, none at all last
    col = 1 + [c.title for c in rekap_dialog.OPD_COLUMNS].index("Realisasi (Rp)")
    dialog.view.sortByColumn(col, rekap_dialog.Qt.SortOrder.AscendingOrder)
    assert [r[1] for r in _rows(dialog)] == ["Dinas Lebar Kota Contoh", "Sekretariat Daerah Kota Bekasi",
                                             "Kecamatan Kecil"]  # no realisasi: last
    dialog.view.sortByColumn(4, rekap_dialog.Qt.SortOrder.AscendingOrder)  # capaian, a Decimal
    assert [r[1] for r in _rows(dialog)][0] == "Kecamatan Kecil"
    dialog.filter.setText("dinas")
    assert [r[1] for r in _rows(dialog)] == ["Dinas Lebar Kota Contoh"]
    dialog.filter.clear()

    out = tmp_path / "rekap.xlsx"
    assert dialog.export_xlsx.isEnabled() and dialog.export("xlsx", out)
    ws = next(s for s in openpyxl.load_workbook(out, data_only=True) if "Rekap Capaian" in s.title)
    values = {r[1]: r[4] for r in ws.iter_rows(values_only=True) if r and r[1] in want}
    assert {k: format_number(Decimal(str(v))) for k, v in values.items()} == want
    assert dialog.export("pdf", tmp_path / "rekap.pdf") and (tmp_path / "rekap.pdf").stat().st_size > 0
    assert {p.name: sha256(p) for p in rekap_folder.iterdir()} == hashes


def test_cancel_stops_after_the_current_file(dialog, qtbot, tmp_path, monkeypatch):
    for n in range(4):
        small_opd(tmp_path / f"opd{n}.lkip", nama=f"OPD {n}")
    real = rekap_dialog.collect

    def slow_collect(paths, tahun, progress):
        def gate(done, total, name):
            go = progress(done, total, name)
            if done == 1:
                dialog.cancel()  # the user presses Batal while the second file is read
            return go
        return real(paths, tahun, progress=gate)

    monkeypatch.setattr(rekap_dialog, "collect", slow_collect)
    dialog.start([tmp_path])
    qtbot.waitUntil(lambda: dialog.collection is not None, timeout=60000)
    assert dialog.collection.cancelled
    assert len(dialog.collection.summaries) == 2
    assert "dibatalkan" in dialog.status.text()
    assert not dialog.cancel_button.isVisible() and dialog.pick_folder.isEnabled()


def test_berkas_menu_opens_the_rekap_window(window):
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if "Rekap beberapa" in a.text())
    action.trigger()
    dlg = window.findChild(RekapDialog)
    assert dlg is not None and dlg.isVisible()
    dlg.close()


def test_tahun_box_picks_the_year(dialog, qtbot, rekap_folder):  # noqa: F811
    assert dialog.tahun.text() == "otomatis"
    dialog.tahun.setValue(2023)
    dialog.start([rekap_folder])
    qtbot.waitUntil(lambda: dialog.collection is not None, timeout=60000)
    assert [r[1] for r in _rows(dialog)] == ["Badan Tahun Lalu"]
    assert dialog.collection.tahun == 2023
