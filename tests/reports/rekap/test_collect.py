"""collect: older formats, held files, ringkasan JSON in and out, duplicates, cancel, CLI."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from lkip_desktop.cli import main
from lkip_desktop.reports.rekap.collect import collect
from lkip_desktop.reports.rekap.ringkasan import FORMAT, read_ringkasan, to_json
from lkip_desktop.reports.rekap.summary import summarize
from lkip_desktop.store.ops import CellRef
from lkip_desktop.store.service import WorkbookService

from .shapes import sha256, small_opd, wide_opd

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_older_format_is_read_from_a_migrated_copy(tmp_path):
    old = tmp_path / "lama.lkip"
    shutil.copy(FIXTURES / "workbook-v1.lkip", old)
    before = sha256(old)
    result = collect([old])
    assert len(result.summaries) == 1 and not result.skipped
    assert sha256(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.lkip"]  # no backup, no copy left here


def test_a_workbook_held_open_by_a_session_is_read_from_a_copy(demo_path):
    before = sha256(demo_path)
    with WorkbookService.open(demo_path) as held:
        result = collect([demo_path])
        assert [s.name for s in result.summaries] == [held.wb.opd.nama]
    assert sha256(demo_path) == before


def test_ringkasan_round_trip_equals_the_workbook_summary(demo_path, tmp_path):
    out = tmp_path / "setda.json"
    assert main(["export-ringkasan", str(demo_path), str(out)]) == 0
    with WorkbookService.open_snapshot(demo_path) as svc:
        own = summarize(svc, out.name)
    assert read_ringkasan(out) == own
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and isinstance(data["capaian"], str) and isinstance(data["pagu_murni"], int)


def test_ringkasan_is_accepted_beside_workbooks_and_bad_ones_are_listed(demo_path, tmp_path):
    folder = tmp_path / "kota"
    folder.mkdir()
    with WorkbookService.open_snapshot(demo_path) as svc:
        good = to_json(summarize(svc))
    (folder / "setda.json").write_text(json.dumps(good), encoding="utf-8")
    (folder / "baru.json").write_text(json.dumps({**good, "format": "lkip-ringkasan/2"}), encoding="utf-8")
    (folder / "jenis.json").write_text(json.dumps({**good, "pagu_murni": "banyak"}), encoding="utf-8")
    (folder / "angka.json").write_text(json.dumps({**good, "capaian": 112.2}), encoding="utf-8")
    (folder / "lain.json").write_text("[1, 2", encoding="utf-8")
    (folder / "tanggal.json").write_text(json.dumps({**good, "pk_tanggal": "kemarin"}), encoding="utf-8")
    (folder / "teks.json").write_text(json.dumps({**good, "serapan": "sebagian"}), encoding="utf-8")
    small_opd(folder / "kecil.lkip")
    result = collect([folder])
    assert sorted(s.name for s in result.summaries) == ["Kecamatan Kecil", "Sekretariat Daerah Kota Bekasi"]
    reasons = {sk.path.name: sk.reason for sk in result.skipped}
    assert "lebih baru" in reasons["baru.json"]
    assert "pagu_murni" in reasons["jenis.json"]
    assert "capaian" in reasons["angka.json"]  # a float is refused: decimals travel as strings
    assert "bukan berkas JSON" in reasons["lain.json"]
    assert "pk_tanggal" in reasons["tanggal.json"] and "serapan" in reasons["teks.json"]


def test_duplicate_opd_keeps_the_latest_change(demo_path, tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    shutil.copy(demo_path, folder / "a-lama.lkip")
    shutil.copy(demo_path, folder / "b-baru.lkip")
    time.sleep(1.1)  # audit times have whole seconds
    with WorkbookService.open(folder / "b-baru.lkip") as svc:
        svc.set(CellRef("opd", (1,), "kota"), "Kota Bekasi (revisi)")
    result = collect([folder])
    assert [s.source for s in result.summaries] == ["b-baru.lkip"]
    assert [sk.path.name for sk in result.skipped] == ["a-lama.lkip"]
    assert "OPD yang sama" in result.skipped[0].reason


def test_tahun_chooses_the_year_and_progress_can_cancel(tmp_path):
    small_opd(tmp_path / "a.lkip", 2023, "A")
    small_opd(tmp_path / "b.lkip", 2024, "B")
    wide_opd(tmp_path / "c.lkip")
    assert [s.name for s in collect([tmp_path], tahun=2023).summaries] == ["A"]
    seen = []

    def stop_after_one(done, total, name):
        seen.append((done, total, name))
        return done < 1

    result = collect([tmp_path], progress=stop_after_one)
    assert result.cancelled and len(result.summaries) == 1
    assert seen == [(0, 3, "a.lkip"), (1, 3, "b.lkip")]


def test_cli_rekap(rekap_folder, hashes, tmp_path, capsys):
    out = tmp_path / "rekap.xlsx"
    assert main(["rekap", str(rekap_folder), "--xlsx", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Sekretariat Daerah Kota Bekasi" in text and "112,23" in text
    assert "acak.lkip:" in text and "tahun-lalu.lkip: tahun 2023, bukan 2024" in text
    assert out.is_file() and not list(tmp_path.glob(".*tmp*"))
    assert {p.name: sha256(p) for p in rekap_folder.iterdir()} == hashes
    assert main(["rekap", str(rekap_folder / "acak.lkip")]) == 1  # nothing summarised
    assert main(["rekap", str(rekap_folder), "--xlsx", str(rekap_folder / "setda.lkip")]) == 1  # never a workbook
    assert {p.name: sha256(p) for p in rekap_folder.iterdir()} == hashes


def test_charts_split_so_every_bar_has_room():
    from lkip_desktop.reports.rekap.tables import CHART_ROWS, opd_charts

    charts = opd_charts(2 * CHART_ROWS + 1)
    assert len(charts) == 6 and all(len(c.rows) <= CHART_ROWS for c in charts)
    assert sorted(r for c in charts[:3] for r in c.rows) == list(range(2 * CHART_ROWS + 1))
    assert len(opd_charts(3)) == 2
